"""Forms of the survey builder and of collection points (staff side).

The customer-facing survey form lives in kuulo/feedback/public/.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from kuulo.lib.translated import LANGUAGE_CODES, LANGUAGE_LABELS
from kuulo.metrics.models import Metric
from kuulo.organisation import terms
from kuulo.surveys.models import CollectionPoint, Question, Survey, SurveyVersion

LANGUAGE_CHOICES = [(code, LANGUAGE_LABELS[code]) for code in LANGUAGE_CODES]
ORIGIN = re.compile(
    r"^https?://(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})(?::(?P<port>\d{1,5}))?$"
)
STAFF_KINDS = [
    CollectionPoint.Kind.WIDGET,
    CollectionPoint.Kind.LINK,
    CollectionPoint.Kind.QR,
    CollectionPoint.Kind.API,
]


class LanguagesField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Languages"))
        kwargs.setdefault("help_text", _("The languages customers can answer in."))
        super().__init__(choices=LANGUAGE_CHOICES, **kwargs)

    def clean(self, value):
        chosen = set(super().clean(value))
        return [code for code in LANGUAGE_CODES if code in chosen]


class SurveyCreateForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, help_text=_("For staff, such as “After a visit”. Customers do not see it.")
    )
    languages = LanguagesField(initial=LANGUAGE_CODES)

    def __init__(self, *args, service, **kwargs):
        self.service = service
        super().__init__(*args, **kwargs)

    def clean_name(self) -> str:
        name = self.cleaned_data["name"].strip()
        if Survey.objects.filter(service=self.service, name__iexact=name).exists():
            raise forms.ValidationError(_("This service already has a survey with this name."))
        return name


class VersionForm(forms.ModelForm):
    """The texts and languages of a draft version."""

    languages = LanguagesField()

    class Meta:
        model = SurveyVersion
        fields = ["languages"] + [
            f"{field}_{code}" for field in ("title", "intro", "thank_you") for code in LANGUAGE_CODES
        ]
        widgets = {
            f"{field}_{code}": forms.Textarea(attrs={"rows": 3})
            for field in ("intro", "thank_you")
            for code in LANGUAGE_CODES
        }


class AddMetricForm(forms.Form):
    metric = forms.ModelChoiceField(
        label=_("Metric"),
        queryset=Metric.objects.filter(is_active=True).order_by("-is_builtin", "code", "-version"),
        help_text=_("Only metrics in use are offered. Each metric can be in a survey version once."),
    )

    def __init__(self, *args, version: SurveyVersion, **kwargs):
        self.version = version
        super().__init__(*args, **kwargs)
        self.fields["metric"].label_from_instance = lambda metric: f"{metric.name} ({metric.label})"

    def clean_metric(self) -> Metric:
        metric = self.cleaned_data["metric"]
        if self.version.questions.filter(metric__code=metric.code).exists():
            raise forms.ValidationError(_("This metric is already in the survey."))
        return metric


class OpenQuestionForm(forms.ModelForm):
    """An open question; its text is needed in each language of the version."""

    max_length = forms.IntegerField(
        label=_("Maximum length"), min_value=10, max_value=5000, initial=1000, help_text=_("In characters.")
    )

    class Meta:
        model = Question
        fields = ["text_fi", "text_sv", "text_en", "required", "max_length"]

    def __init__(self, *args, version: SurveyVersion, **kwargs):
        self.version = version
        super().__init__(*args, **kwargs)
        for code in LANGUAGE_CODES:
            self.fields[f"text_{code}"].required = code in version.languages


def parse_origins(text: str) -> list[str]:
    """Web origins one per line, such as https://www.example.fi or http://localhost:8000."""
    origins, problems = [], []
    for line in text.splitlines():
        origin = to_ascii(line.strip().lower().removesuffix("/"))
        if not origin:
            continue
        match = ORIGIN.match(origin)
        if not match or int(match["port"] or 1) > 65535:
            problems.append(line.strip())
        elif origin not in origins:
            origins.append(origin)
    if problems:
        raise forms.ValidationError(
            _("Not a web origin: %(origins)s. Write the scheme and host only, such as https://www.example.fi.")
            % {"origins": ", ".join(problems)}
        )
    return origins


def to_ascii(origin: str) -> str:
    """Browsers send internationalised host names (äänekoski.fi) in punycode."""
    scheme, separator, host = origin.partition("://")
    if not separator or host.isascii():
        return origin
    try:
        return f"{scheme}://{host.encode('idna').decode('ascii')}"
    except UnicodeError:
        return origin


class CollectionPointForm(forms.ModelForm):
    allowed_origins = forms.CharField(
        label=_("Allowed origins"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For the widget: the web sites that may show it, one per line, such as https://www.example.fi"),
    )
    sample_percent = forms.IntegerField(label=_("Shown to this % of visits"), min_value=1, max_value=100, initial=100)
    quiet_days = forms.IntegerField(
        label=_("Days not shown again"),
        min_value=0,
        max_value=365,
        initial=30,
        help_text=_("After a visitor answers or closes the widget."),
    )
    max_per_minute = forms.IntegerField(
        label=_("Responses per minute at most"),
        min_value=1,
        max_value=100000,
        initial=600,
        help_text=_("Protects the figures from floods."),
    )

    class Meta:
        model = CollectionPoint
        fields = [
            "kind",
            "name",
            "channel",
            "touchpoint",
            "allowed_origins",
            "sample_percent",
            "quiet_days",
            "max_per_minute",
            "is_active",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind.value, kind.label) for kind in STAFF_KINDS]
        current = self.instance.touchpoint
        offered = [(code, str(name)) for code, name in terms.choices_for(None, terms.TOUCHPOINT, keep=current)]
        if current and current not in dict(offered):
            offered.append((current, current))
        self.fields["touchpoint"] = forms.ChoiceField(
            label=_("Touchpoint"),
            required=False,
            choices=[("", _("Not given")), *offered],
            help_text=_(
                "Where in the service the answers come from. Organisation admins keep the list of touchpoints."
            ),
        )
        if self.instance.pk:
            self.fields["kind"].disabled = True
            self.fields["kind"].choices = [(self.instance.kind, self.instance.get_kind_display())]
            self.initial["allowed_origins"] = "\n".join(self.instance.allowed_origins)

    def clean_allowed_origins(self) -> list[str]:
        return parse_origins(self.cleaned_data["allowed_origins"])

    def clean(self) -> dict:
        data = super().clean()
        if (
            data.get("kind") == CollectionPoint.Kind.WIDGET
            and "allowed_origins" in data
            and not data["allowed_origins"]
        ):
            self.add_error("allowed_origins", _("A widget needs at least one web site that may show it."))
        return data
