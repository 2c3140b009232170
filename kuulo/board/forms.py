"""Forms of the team board, the weekly follow-up, the roadmap and the retrospectives."""

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuulo.backlog.models import BacklogItem
from kuulo.board.models import Retro, WipLimit

Status = BacklogItem.Status
# The board's columns, left to right; verified and dismissed items are listed below them, collapsed.
BOARD_COLUMNS = (Status.IDEA, Status.READY, Status.IN_PROGRESS, Status.DONE)
MAX_ACTIONS = 20
WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{1,2})$")
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


class MoveForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)


class WipLimitsForm(forms.Form):
    """One optional number per board column; empty means no limit."""

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        current = dict(WipLimit.objects.filter(service=service).values_list("status", "limit"))
        for status in BOARD_COLUMNS:
            self.fields[status] = forms.IntegerField(
                label=Status(status).label,
                required=False,
                min_value=1,
                max_value=999,
                initial=current.get(status),
                help_text=_("Leave empty for no limit."),
            )

    def limits(self) -> dict[str, int | None]:
        return {status: self.cleaned_data.get(status) for status in BOARD_COLUMNS}


def parse_week(value: str) -> datetime.date:
    """The Monday of an ISO week written as 2026-W47; ValueError for anything else."""
    match = WEEK_PATTERN.match(value or "")
    if not match:
        raise ValueError(f"Not an ISO week: {value!r}")
    year, week = int(match[1]), int(match[2])
    if not 2000 <= year <= 2100:
        raise ValueError(f"Year out of range: {year}")
    return datetime.date.fromisocalendar(year, week, 1)


def week_label(monday: datetime.date) -> str:
    year, week, _day = monday.isocalendar()
    return f"{year}-W{week:02d}"


def parse_month(value: str) -> datetime.date | None:
    """The first day of a month written as 2026-11 (an <input type="month">); None for empty."""
    value = (value or "").strip()
    if not value:
        return None
    match = MONTH_PATTERN.match(value)
    if not match or not 1 <= int(match[2]) <= 12 or not 2000 <= int(match[1]) <= 2100:
        raise ValueError(f"Not a month: {value!r}")
    return datetime.date(int(match[1]), int(match[2]), 1)


class MonthField(forms.CharField):
    widget = forms.TextInput(attrs={"type": "month", "placeholder": "2026-11", "pattern": r"\d{4}-\d{2}"})

    def to_python(self, value):
        value = super().to_python(value)
        try:
            return parse_month(value)
        except ValueError:
            raise forms.ValidationError(_("Write the month as year and month, for example 2026-11.")) from None

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value.year}-{value.month:02d}"
        return value


class ScheduleForm(forms.Form):
    """The product owner's inline change of an item's place on the roadmap."""

    horizon = forms.ChoiceField(
        label=_("Horizon"), choices=[("", _("Not scheduled")), *BacklogItem.Horizon.choices], required=False
    )
    planned_month = MonthField(label=_("Planned month"), required=False)


class UnitFilter(forms.Form):
    """The organisation views' filter: the services of one unit (and the units below it)."""

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"] = forms.ModelChoiceField(
                label=_("Unit"), queryset=units, required=False, empty_label=_("All units")
            )


class RoadmapFilters(UnitFilter):
    by = forms.ChoiceField(
        label=_("Timeline by"), choices=[("month", _("Month")), ("quarter", _("Quarter"))], required=False
    )


class RetroForm(forms.ModelForm):
    actions = forms.CharField(
        label=pgettext_lazy("retrospective", "Actions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One action a line. Each becomes an idea in the backlog, linked to this retrospective."),
    )

    class Meta:
        model = Retro
        fields = ["held_on", "went_well", "to_improve"]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "went_well": forms.Textarea(attrs={"rows": 4}),
            "to_improve": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_actions(self) -> list[str]:
        lines = [line.strip(" \t-*•") for line in self.cleaned_data["actions"].splitlines()]
        lines = [line for line in lines if line]
        too_long = BacklogItem._meta.get_field("title").max_length
        if any(len(line) > too_long for line in lines):
            raise forms.ValidationError(
                _("Keep each action under %(limit)s characters: it becomes the title of an item."),
                params={"limit": too_long},
            )
        if len(lines) > MAX_ACTIONS:
            raise forms.ValidationError(_("Write at most %(limit)s actions."), params={"limit": MAX_ACTIONS})
        return lines
