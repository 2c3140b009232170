"""An item's change history as people read it: "Status: Ready → In progress".

ItemChange keeps codes (see kuulo.backlog.actions.history_value); this module
turns them into labels of the active language when the page is shown.
"""

import datetime
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from kuulo.backlog.models import BacklogItem, Direction, ItemChange

CHOICES = {
    "kind": BacklogItem.Kind,
    "status": BacklogItem.Status,
    "horizon": BacklogItem.Horizon,
    "expected_direction": Direction,
}
DATES = {"due_date", "planned_month"}
LONG_TEXT = {"description", "we_did_fi", "we_did_sv", "we_did_en"}


@dataclass
class Entry:
    change: ItemChange
    text: str  # what happened, in a sentence
    field: str = ""  # the field's label, when a field changed
    old: str = ""
    new: str = ""


def _field_label(field: str) -> str:
    if field == "tags":
        return _("Tags")
    try:
        label = str(BacklogItem._meta.get_field(field).verbose_name)
    except Exception:  # a field that no longer exists keeps its code
        return field
    return label[:1].upper() + label[1:]


def _value(field: str, value: str) -> str:
    if value == "":
        return "–"
    if field in CHOICES:
        choices = CHOICES[field]
        return str(choices(value).label) if value in choices.values else value
    if field == "published":
        return _("Yes") if value == "1" else _("No")
    if field in DATES:
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            return value
        return formats.date_format(day, "YEAR_MONTH_FORMAT" if field == "planned_month" else "SHORT_DATE_FORMAT")
    if field in LONG_TEXT and len(value) > 80:
        return value[:79] + "…"
    return value


def describe(change: ItemChange) -> Entry:
    field, old, new = change.field, change.old, change.new
    if field == "created":
        return Entry(change, _("Created the item."))
    if field in ("comment", "insight"):
        number = new or old
        if field == "comment":
            text = (
                _("Added comment %(number)s as evidence.")
                if new
                else _("Removed comment %(number)s from the evidence.")
            )
        else:
            text = (
                _("Added insight %(number)s as evidence.")
                if new
                else _("Removed insight %(number)s from the evidence.")
            )
        return Entry(change, text % {"number": number})
    if field == "rank":
        return Entry(change, _("Moved from place %(old)s to place %(new)s.") % {"old": old, "new": new})
    label = _field_label(field)
    return Entry(
        change,
        _("%(field)s: %(old)s → %(new)s") % {"field": label, "old": _value(field, old), "new": _value(field, new)},
        field=label,
        old=_value(field, old),
        new=_value(field, new),
    )


def item_history(item: BacklogItem, limit: int = 200) -> list[Entry]:
    changes = ItemChange.objects.filter(item=item).select_related("changed_by").order_by("-changed_at", "-id")
    return [describe(change) for change in changes[:limit]]
