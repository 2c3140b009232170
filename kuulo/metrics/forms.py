"""Forms of the metric library and of target levels.

A metric is defined once and never edited: `MetricForm` creates a custom
metric or a new version of any metric, `TargetForm` adds a target level that
takes effect from a date, leaving the older ones as history.
"""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from kuulo.metrics.models import Metric, Target

LANGUAGES = {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}
CUSTOM_RULES = [Metric.Rule.TOP_BOX, Metric.Rule.NPS, Metric.Rule.MEAN, Metric.Rule.BINARY_SHARE, Metric.Rule.INDEX]
MULTI_ITEM_RULES = {Metric.Rule.UMUX_LITE: 2, Metric.Rule.SUS: 10}
MAX_POINTS = 11
LABEL_LINE = re.compile(r"^\s*(-?\d+)\s*=\s*(.+?)\s*$")


def labels_as_text(labels: dict) -> str:
    return "\n".join(f"{value} = {text}" for value, text in sorted(labels.items(), key=lambda pair: int(pair[0])))


class MetricForm(forms.Form):
    """A custom metric, or a new version of `base` (code, and for multi-item
    metrics rule and scale, stay as they were)."""

    code = forms.SlugField(
        label=_("Code"),
        max_length=40,
        help_text=_("A short identifier used in exports and the API, such as waiting_time."),
    )
    name_fi = forms.CharField(label=_("Name in Finnish"), max_length=120)
    name_sv = forms.CharField(label=_("Name in Swedish"), max_length=120)
    name_en = forms.CharField(label=_("Name in English"), max_length=120)
    question_fi = forms.CharField(
        label=_("Question in Finnish"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Write the question without names: the survey shows the service's name above the questions. "
            "Say “tähän palveluun” or “tätä palvelua”, and “me” for the organisation."
        ),
    )
    question_sv = forms.CharField(
        label=_("Question in Swedish"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Say “tjänsten” and “vi”, not their names."),
    )
    question_en = forms.CharField(label=_("Question in English"), widget=forms.Textarea(attrs={"rows": 2}))
    scale_min = forms.IntegerField(label=_("Lowest value"), min_value=-10, max_value=10)
    scale_max = forms.IntegerField(label=_("Highest value"), min_value=-10, max_value=20)
    labels_fi = forms.CharField(label=_("Scale labels in Finnish"), widget=forms.Textarea(attrs={"rows": 5}))
    labels_sv = forms.CharField(label=_("Scale labels in Swedish"), widget=forms.Textarea(attrs={"rows": 5}))
    labels_en = forms.CharField(label=_("Scale labels in English"), widget=forms.Textarea(attrs={"rows": 5}))
    rule = forms.ChoiceField(label=_("Scoring rule"), choices=[(rule.value, rule.label) for rule in CUSTOM_RULES])
    threshold = forms.IntegerField(
        label=_("Top-box threshold"),
        required=False,
        help_text=_("For the top-box rule: answers at or above this value count as positive."),
    )
    good_direction = forms.ChoiceField(label=_("Good direction"), choices=Metric.Direction.choices)

    def __init__(self, *args, base: Metric | None = None, **kwargs):
        self.base = base
        if base is not None:
            kwargs.setdefault("initial", initial_from(base))
        super().__init__(*args, **kwargs)
        label_help = _(
            "One label per line as value = text, such as 1 = Very dissatisfied. "
            "Label at least the lowest and the highest value."
        )
        for code in LANGUAGES:
            self.fields[f"labels_{code}"].help_text = label_help
        if base is None:
            return
        self.fields["code"].disabled = True
        self.fields["code"].help_text = _("A new version keeps the code of the metric.")
        if base.rule in MULTI_ITEM_RULES:
            self.fields["rule"].choices = [(base.rule, base.get_rule_display())]
            for name in ("rule", "scale_min", "scale_max", "threshold"):
                self.fields[name].disabled = True
            for code, language in LANGUAGES.items():
                self.fields[f"items_{code}"] = forms.CharField(
                    label=_("Items in %(language)s") % {"language": language},
                    widget=forms.Textarea(attrs={"rows": MULTI_ITEM_RULES[base.rule] + 1}),
                    help_text=_("One item per line, in order."),
                )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"]
        if self.base is None and Metric.objects.filter(code=code).exists():
            raise forms.ValidationError(_("A metric with this code exists already. Make a new version of it instead."))
        return code

    def clean(self) -> dict:
        data = super().clean()
        low, high, rule = data.get("scale_min"), data.get("scale_max"), data.get("rule")
        if low is None or high is None or not rule:
            return data
        if high <= low:
            self.add_error("scale_max", _("The highest value must be greater than the lowest value."))
            return data
        if high - low + 1 > MAX_POINTS:
            self.add_error("scale_max", _("A scale has at most %(count)s points.") % {"count": MAX_POINTS})
            return data
        if rule == Metric.Rule.NPS and (low, high) != (0, 10):
            self.add_error("rule", _("The Net Promoter Score needs the scale 0–10."))
        if rule == Metric.Rule.BINARY_SHARE and (low, high) != (0, 1):
            self.add_error("rule", _("A share of yes needs the scale 0–1 (0 is no, 1 is yes)."))
        if rule == Metric.Rule.TOP_BOX:
            threshold = data.get("threshold")
            if threshold is None:
                self.add_error("threshold", _("The top-box rule needs a threshold."))
            elif not low < threshold <= high:
                self.add_error(
                    "threshold",
                    _("The threshold must be above %(min)s and at most %(max)s.") % {"min": low, "max": high},
                )
        else:
            data["threshold"] = None
        data["labels"] = {}
        for code in LANGUAGES:
            if f"labels_{code}" in data:
                data["labels"][code] = self.parse_labels(f"labels_{code}", data[f"labels_{code}"], low, high)
        if self.base is not None and self.base.rule in MULTI_ITEM_RULES:
            data["items"] = self.parse_items(MULTI_ITEM_RULES[self.base.rule])
        return data

    def parse_labels(self, field: str, text: str, low: int, high: int) -> dict[str, str]:
        labels: dict[str, str] = {}
        for line in filter(str.strip, text.splitlines()):
            match = LABEL_LINE.match(line)
            if not match:
                self.add_error(field, _("Write each label as value = text: “%(line)s”.") % {"line": line.strip()})
                continue
            value, label = int(match[1]), match[2]
            if not low <= value <= high:
                self.add_error(
                    field,
                    _("%(value)s is not on the scale %(min)s–%(max)s.") % {"value": value, "min": low, "max": high},
                )
            elif str(value) in labels:
                self.add_error(field, _("%(value)s has two labels.") % {"value": value})
            else:
                labels[str(value)] = label
        if field not in self.errors and not {str(low), str(high)} <= labels.keys():
            self.add_error(field, _("Label at least the lowest and the highest value."))
        return labels

    def parse_items(self, count: int) -> list[dict[str, str]]:
        texts = {}
        for code in LANGUAGES:
            lines = [line.strip() for line in self.cleaned_data.get(f"items_{code}", "").splitlines() if line.strip()]
            if len(lines) != count:
                self.add_error(f"items_{code}", _("Write exactly %(count)s items, one per line.") % {"count": count})
            texts[code] = lines
        if any(len(lines) != count for lines in texts.values()):
            return []
        return [{code: texts[code][position] for code in LANGUAGES} for position in range(count)]


def initial_from(metric: Metric) -> dict:
    names = ["code", "scale_min", "scale_max", "rule", "threshold", "good_direction"]
    names += [f"{field}_{code}" for field in ("name", "question") for code in LANGUAGES]
    initial = {name: getattr(metric, name) for name in names}
    for code in LANGUAGES:
        initial[f"labels_{code}"] = labels_as_text(metric.labels.get(code, {}))
        initial[f"items_{code}"] = "\n".join(item.get(code, "") for item in metric.items)
    return initial


class TargetForm(forms.Form):
    """A target level in force from a date; the level must be a score the metric can reach."""

    metric = forms.ModelChoiceField(label=_("Metric"), queryset=Metric.objects.filter(is_active=True))
    level = forms.FloatField(label=_("Target level"))
    valid_from = forms.DateField(
        label=_("Valid from"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Earlier targets stay in the history."),
    )

    def __init__(self, *args, service=None, **kwargs):
        self.service = service
        super().__init__(*args, **kwargs)
        self.fields["metric"].label_from_instance = lambda metric: f"{metric.name} ({metric.label})"

    def clean(self) -> dict:
        data = super().clean()
        metric, level, valid_from = data.get("metric"), data.get("level"), data.get("valid_from")
        if metric is not None and level is not None:
            low, high = metric.score_bounds()
            if not low <= level <= high:
                self.add_error(
                    "level",
                    _("The score of %(metric)s goes from %(min)g to %(max)g; the target must be within that.")
                    % {"metric": metric.name, "min": low, "max": high},
                )
        if metric is not None and valid_from is not None:
            same_day = Target.objects.filter(metric=metric, service=self.service, valid_from=valid_from)
            if same_day.exists():
                self.add_error(
                    "valid_from", _("A target for this metric already starts on this day. Choose another day.")
                )
        return data
