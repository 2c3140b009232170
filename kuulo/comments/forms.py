"""The filters of the comment pages (they live in the URL so a view can be
shared) and the staff forms that name, merge and define themes."""

from datetime import UTC, date, datetime, timedelta

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kuulo.comments.models import NAME_LENGTH, Theme
from kuulo.feedback.models import Sentiment
from kuulo.lib.periods import Period
from kuulo.lib.translated import LANGUAGE_CODES
from kuulo.organisation.forms import TermFilterField
from kuulo.organisation.models import Channel, Term

PERIODS = [
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
    ("365", _("Last 12 months")),
    ("730", _("Last 24 months")),
]
DEFAULT_PERIOD = "365"
GRAINS = [("month", _("By month")), ("week", _("By week"))]

# Score bands of a comment's own score (its response's first metric answer, 0-100).
SCORE_BANDS = {
    "low": (0, 40),
    "middle": (41, 69),
    "high": (70, 100),
}
HIGH_SCORE = SCORE_BANDS["high"][0]
SCORE_CHOICES = [
    ("", _("All")),
    ("low", _("Low (0–40)")),
    ("middle", _("Middle (41–69)")),
    ("high", _("High (70–100)")),
    ("none", _("No score")),
]
LANGUAGE_CHOICES = [
    ("", _("All")),
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("xx", _("Another language")),
    ("pending", _("Not analysed yet")),
]
SENTIMENT_CHOICES = [("", _("All")), *Sentiment.choices, ("pending", _("Not analysed yet"))]
REVIEWED_CHOICES = [("", _("All")), ("no", _("Not reviewed")), ("yes", _("Reviewed"))]


def themes_of(service):
    """The themes that apply to a service: its own and the organisation-wide ones."""
    return Theme.objects.filter(Q(service=service) | Q(service__isnull=True))


class PeriodMixin(forms.Form):
    """A period chosen from the list, or from and to dates that override it."""

    period = forms.ChoiceField(label=_("Period"), choices=PERIODS, required=False)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("period"):
            data = data.copy()  # so the menu shows the period the page uses
            data["period"] = DEFAULT_PERIOD
        super().__init__(data, *args, **kwargs)
        self.fields["period"].initial = DEFAULT_PERIOD

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("The end date must not be before the start date."))
        for name in ("start", "end"):
            value = data.get(name)
            if value and not date(2000, 1, 1) <= value <= date(2100, 12, 31):
                self.add_error(name, _("Choose a date between the years 2000 and 2100."))
        return data

    def period_value(self) -> Period:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        days = int(data.get("period") or DEFAULT_PERIOD)
        today = timezone.localdate()
        end = data.get("end") or today
        start = data.get("start") or (end - timedelta(days=days - 1))
        return Period(start, end)


def period_bounds(period: Period) -> tuple[datetime, datetime]:
    """The period as [start, end) datetimes in the current time zone."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(period.start, datetime.min.time(), tzinfo=zone)
    end = datetime.combine(period.end + timedelta(days=1), datetime.min.time(), tzinfo=zone)
    return start, end


class Cursor:
    """Where a page of comments starts: just after (responded_at, id) of the
    last comment of the previous page, written as 'microseconds-id'."""

    def __init__(self, responded_at: datetime, pk: int):
        self.responded_at, self.pk = responded_at, pk

    def __str__(self) -> str:
        micros = int(self.responded_at.timestamp() * 1_000_000)
        return f"{micros}-{self.pk}"

    @classmethod
    def parse(cls, text: str) -> "Cursor":
        micros, _sep, pk = text.partition("-")
        if not (micros.isdigit() and pk.isdigit()) or len(micros) > 18 or len(pk) > 18:
            raise ValueError(text)
        when = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=int(micros))
        return cls(when, int(pk))


def cursor_of(text: str) -> Cursor | None:
    if not text:
        return None
    try:
        return Cursor.parse(text)
    except (ValueError, OverflowError):
        raise forms.ValidationError(_("This link to a page of comments is broken; start from the newest.")) from None


class CommentFilters(PeriodMixin):
    """Search and filters of a service's comments."""

    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        help_text=_("Finds inflected forms too: 'jono' finds 'jonossa'."),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"), queryset=Theme.objects.none(), required=False, empty_label=_("All")
    )
    sentiment = forms.ChoiceField(label=_("Sentiment"), choices=SENTIMENT_CHOICES, required=False)
    language = forms.ChoiceField(label=_("Language of the text"), choices=LANGUAGE_CHOICES, required=False)
    score = forms.ChoiceField(label=_("Score"), choices=SCORE_CHOICES, required=False)
    reviewed = forms.ChoiceField(label=_("Reviewed"), choices=REVIEWED_CHOICES, required=False)
    channel = forms.ChoiceField(label=_("Channel"), choices=[("", _("All")), *Channel.choices], required=False)
    after = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)

    field_order = ["q", "theme", "sentiment", "language", "score", "reviewed", "channel", "period", "start", "end"]

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes_of(service).by_name()

    MAIN_FIELDS = ("q", "theme", "sentiment", "period")

    def main_fields(self) -> list:
        return [self[name] for name in self.MAIN_FIELDS]

    def more_fields(self) -> list:
        return [field for field in self.visible_fields() if field.name not in self.MAIN_FIELDS]

    def more_chosen(self) -> int:
        """How many of the fields under "More filters" have a value (they open when one has)."""
        data = self.data or {}
        return sum(1 for field in self.more_fields() if data.get(field.name) or field.errors)

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data.get("q", "").split())

    def clean_after(self) -> Cursor | None:
        return cursor_of(self.cleaned_data.get("after", ""))

    def query_without(self, *names: str) -> str:
        """The filters as a query string, leaving out `names` (e.g. the page cursor)."""
        from django.http import QueryDict

        query = QueryDict(mutable=True)
        for name, value in (self.data or {}).items():
            if name not in names and value not in ("", None) and name in self.fields:
                query[name] = value
        return query.urlencode()


class PraiseFilters(PeriodMixin):
    """The period of a wall of praise."""

    after = forms.CharField(required=False, widget=forms.HiddenInput, max_length=40)

    def clean_after(self) -> Cursor | None:
        return cursor_of(self.cleaned_data.get("after", ""))


class ThemeFilters(PeriodMixin):
    grain = forms.ChoiceField(label=_("Trend"), choices=GRAINS, required=False)

    def grain_value(self) -> str:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return data.get("grain") or "month"


class PanelFilters(PeriodMixin):
    """The service dashboard's filters, as the comments panel reads them."""

    channel = forms.ChoiceField(choices=[("", ""), *Channel.choices], required=False)
    language = forms.CharField(max_length=2, required=False)  # the language the customer answered in
    customer_group = TermFilterField(Term.Kind.CUSTOMER_GROUP)


class ThemeNameForm(forms.Form):
    """A theme's name in Finnish, Swedish and English; at least one is needed."""

    name_fi = forms.CharField(
        label=_("Name in Finnish"),
        max_length=NAME_LENGTH,
        required=False,
        help_text=_("Write the name in at least one language. Where a name is missing, pages show another one."),
    )
    name_sv = forms.CharField(label=_("Name in Swedish"), max_length=NAME_LENGTH, required=False)
    name_en = forms.CharField(label=_("Name in English"), max_length=NAME_LENGTH, required=False)

    @staticmethod
    def initial_of(theme: Theme) -> dict:
        return {f"name_{code}": name for code, name in theme.names.items()}

    def clean(self):
        data = super().clean()
        fields = [f"name_{code}" for code in LANGUAGE_CODES]
        for name in fields:
            if name in data:
                data[name] = " ".join(data[name].split())
        if not any(data.get(name) for name in fields) and not any(name in self.errors for name in fields):
            self.add_error("name_fi", _("Write the name in at least one language."))
        return data

    def names(self) -> dict[str, str]:
        return {code: self.cleaned_data[f"name_{code}"] for code in LANGUAGE_CODES}


class ThemeChoice(forms.ModelChoiceField):
    def label_from_instance(self, theme: Theme) -> str:
        return f"{theme.name} ({theme.get_kind_display()})"


class ThemeChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, theme: Theme) -> str:
        return f"{theme.name} ({theme.get_kind_display()})"


class MergeForm(forms.Form):
    target = ThemeChoice(
        label=_("Keep this theme"),
        queryset=Theme.objects.none(),
        empty_label=_("Choose a theme"),
        help_text=_("The other themes are merged into it. Merge automatic themes with automatic ones only."),
    )
    others = ThemeChoices(
        label=_("Merge these themes into it"), queryset=Theme.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = themes
        self.fields["others"].queryset = themes

    def clean(self):
        data = super().clean()
        target, others = data.get("target"), data.get("others")
        if target is not None and others is not None:
            others = [theme for theme in others if theme.pk != target.pk]
            if not others:
                self.add_error("others", _("Choose at least one other theme than the one you keep."))
            elif any(theme.kind != target.kind for theme in others):
                self.add_error("others", _("Merge automatic themes with automatic ones and rule themes with rules."))
            data["others"] = others
        return data


class RuleThemeForm(ThemeNameForm):
    terms = forms.CharField(
        label=_("Words"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_(
            "Base forms of words in any of the three languages, separated by commas or new lines. "
            "A comment that contains any of them in any inflected form belongs to the theme."
        ),
    )
    everywhere = forms.BooleanField(
        label=_("A theme of every service"),
        required=False,
        help_text=_("Only organisation admins can make a theme for every service."),
    )

    def __init__(self, *args, allow_everywhere: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not allow_everywhere:
            del self.fields["everywhere"]

    def clean_terms(self) -> list[str]:
        text = self.cleaned_data["terms"].replace("\n", ",")
        terms = []
        for part in text.split(","):
            term = " ".join(part.split()).lower()
            if term and term not in terms:
                terms.append(term)
        if not terms:
            raise forms.ValidationError(_("Write at least one word."))
        if len(terms) > 100:
            raise forms.ValidationError(_("Write at most 100 words."))
        if any(len(term) > 60 for term in terms):
            raise forms.ValidationError(_("A word can be at most 60 characters long."))
        return terms


BULK_LIMIT = 100


class ChosenCommentsForm(forms.Form):
    """Comments chosen with the boxes on their cards, by id: any whole numbers, at most BULK_LIMIT;
    which of them are the service's is the view's to find out."""

    comments = forms.TypedMultipleChoiceField(coerce=int, choices=[], required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["comments"].valid_value = lambda value: str(value).isdigit()
        self.fields["comments"].error_messages["required"] = _("Choose at least one comment.")

    def clean_comments(self) -> list[int]:
        chosen = self.cleaned_data["comments"]
        if len(chosen) > BULK_LIMIT:
            raise forms.ValidationError(_("Choose at most %(limit)s comments at a time.") % {"limit": BULK_LIMIT})
        return chosen


class BulkForm(ChosenCommentsForm):
    """The comments chosen on the comments page and what to do with them all: one of ACTIONS, or
    add them as evidence to `target` ("<kind>:<id>", one of the menus of the comments' evidence panels)."""

    LINK = "link"
    ACTIONS = [
        ("reviewed", _("Mark reviewed")),
        ("not_reviewed", _("Mark not reviewed")),
        ("hide_praise", _("Hide from the wall of praise")),
        ("show_praise", _("Show on the wall of praise again")),
    ]
    action = forms.ChoiceField(label=_("With the chosen comments"))
    target = forms.ChoiceField(label=_("Add as evidence to"), required=False)

    field_order = ["action", "target", "comments"]

    def __init__(self, *args, targets: list | None = None, **kwargs):
        """`targets`: [(group label, [("<kind>:<id>", text), ...]), ...], the things the user may link to."""
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [*self.ACTIONS, *([(self.LINK, _("Add as evidence"))] if targets else [])]
        self.fields["target"].choices = [("", "—"), *(targets or [])]
        if not targets:
            del self.fields["target"]

    def clean(self) -> dict:
        data = super().clean()
        if data.get("action") == self.LINK and not data.get("target"):
            self.add_error("target", _("Choose what the comments are evidence for."))
        return data

    def chosen_target(self) -> tuple[str, int] | None:
        """(kind, id) of the target when the action adds evidence."""
        if self.cleaned_data.get("action") != self.LINK:
            return None
        kind, _sep, pk = self.cleaned_data["target"].partition(":")
        return kind, int(pk)
