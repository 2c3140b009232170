"""Forms of the backlog items: the item, the list's filters, ranking and evidence."""

import datetime
import re

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kuulo.accounts.models import User
from kuulo.backlog.models import BacklogItem, Direction
from kuulo.insights.forms import MAX_TAGS, split_tags
from kuulo.insights.models import Tag
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Service

PUBLISHING_FIELDS = ("published", "we_did_fi", "we_did_sv", "we_did_en")
ITEM_FIELDS = (
    "title",
    "description",
    "kind",
    "status",
    "value",
    "effort",
    "assignee",
    "due_date",
    "blocked_reason",
    "expected_metric",
    "expected_direction",
    "expected_target",
    "horizon",
    "planned_month",
    *PUBLISHING_FIELDS,
)
SCALE = [("", "–"), *((n, str(n)) for n in range(1, 6))]
OPEN = "open"
ALL = "all"


def service_members(service: Service):
    """The users who may be assigned an item of the service: its members."""
    return User.objects.filter(memberships__service=service).distinct().order_by("first_name", "last_name", "username")


class MonthInput(forms.DateInput):
    input_type = "month"

    def format_value(self, value):
        if isinstance(value, datetime.date):
            return value.strftime("%Y-%m")
        return value


class MonthField(forms.DateField):
    """A month as "YYYY-MM" (also "M/YYYY" or "M.YYYY"); the value is the month's first day."""

    widget = MonthInput
    default_error_messages = {"invalid": _("Give the month as year and month, e.g. 2026-03.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.date):
            return value.replace(day=1)
        text = str(value).strip()
        match = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?", text) or re.fullmatch(r"(\d{1,2})[./](\d{4})", text)
        if not match:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        first, second = match.groups()
        year, month = (int(first), int(second)) if len(first) == 4 else (int(second), int(first))
        if not 1 <= month <= 12 or not 2000 <= year <= 2100:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return datetime.date(year, month, 1)


class ItemForm(forms.ModelForm):
    """All fields of an item. Without `can_publish` (a team member) the publishing fields are left out."""

    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=600,
        help_text=_("Separate tags with commas, e.g. queues, phone service."),
    )
    value = forms.TypedChoiceField(
        label=_("Value"),
        choices=SCALE,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("1 (low) to 5 (high)."),
    )
    effort = forms.TypedChoiceField(
        label=_("Effort"),
        choices=SCALE,
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("1 (small) to 5 (large)."),
    )
    planned_month = MonthField(label=_("Planned month"), required=False, help_text=_("For the roadmap, e.g. 2026-03."))

    class Meta:
        model = BacklogItem
        fields = list(ITEM_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "expected_target": forms.NumberInput(attrs={"step": "any"}),
            "we_did_fi": forms.Textarea(attrs={"rows": 3, "lang": "fi"}),
            "we_did_sv": forms.Textarea(attrs={"rows": 3, "lang": "sv"}),
            "we_did_en": forms.Textarea(attrs={"rows": 3, "lang": "en"}),
        }
        help_texts = {
            "expected_metric": _("The metric this work should move, if any."),
            "expected_target": _("The level the metric should reach, in the metric's own units."),
            "horizon": _("For the roadmap: now, next or later."),
            "published": _("Shows the item and the texts below on the public “you said, we did” page."),
        }

    def __init__(self, *args, service: Service, can_publish: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.service = service
        self.fields["tags"].widget.attrs["autocomplete"] = "off"
        self.fields["assignee"].queryset = service_members(service)
        self.fields["assignee"].empty_label = _("Nobody")
        metrics = Metric.objects.filter(is_active=True).order_by("code", "-version")
        if self.instance.expected_metric_id:
            metrics = Metric.objects.filter(Q(is_active=True) | Q(pk=self.instance.expected_metric_id))
            metrics = metrics.order_by("code", "-version")
        self.fields["expected_metric"].queryset = metrics
        self.fields["expected_metric"].empty_label = _("None")
        self.fields["expected_direction"].choices = [("", "–"), *Direction.choices]
        self.fields["horizon"].choices = [("", "–"), *BacklogItem.Horizon.choices]
        if not can_publish:
            for name in PUBLISHING_FIELDS:
                del self.fields[name]
        self.order_fields(["title", "description", "kind", "status", "tags"])
        if self.instance.pk and not self.is_bound:
            self.initial["tags"] = ", ".join(tag.name for tag in self.instance.tags.all())
            target = self.instance.expected_target
            if target is not None and float(target).is_integer():
                self.initial["expected_target"] = int(target)

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise forms.ValidationError(_("Give the item a title."))
        return title

    def clean_tags(self) -> list[str]:
        names = split_tags(self.cleaned_data["tags"])
        limit = Tag._meta.get_field("name").max_length
        if any(len(name) > limit for name in names):
            raise forms.ValidationError(_("A tag can be at most %(limit)s characters long.") % {"limit": limit})
        if len(names) > MAX_TAGS:
            raise forms.ValidationError(_("Give at most %(limit)s tags.") % {"limit": MAX_TAGS})
        return names

    def clean(self):
        cleaned = super().clean()
        metric, target = cleaned.get("expected_metric"), cleaned.get("expected_target")
        if metric is None and (target is not None):
            self.add_error("expected_metric", _("Choose the metric the target level is for."))
        if metric is not None and not cleaned.get("expected_direction"):
            self.add_error("expected_direction", _("Choose whether the metric should go up or down."))
        if cleaned.get("published") and not any(cleaned.get(f"we_did_{code}") for code in ("fi", "sv", "en")):
            self.add_error("we_did_fi", _("Write what was done in at least one language before publishing."))
        return cleaned

    def item_fields(self) -> dict:
        """The cleaned values for actions.create_item / update_item (without tags)."""
        data = {name: self.cleaned_data[name] for name in ITEM_FIELDS if name in self.fields}
        if data.get("expected_metric") is None:
            data["expected_direction"] = data.get("expected_direction") or Direction.UP
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=BacklogItem.Status.choices)


class ItemFilters(forms.Form):
    """The filters of a service's backlog; they live in the URL so a view can be shared."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    assignee = forms.ChoiceField(label=_("Assignee"), required=False)

    def __init__(self, *args, service: Service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (OPEN, _("Open (not done)")),
            (ALL, _("All")),
            *BacklogItem.Status.choices,
        ]
        self.fields["kind"].choices = [("", _("All")), *BacklogItem.Kind.choices]
        tags = Tag.objects.filter(backlog_items__service=service).distinct().order_by("name")
        self.fields["tag"].choices = [("", _("All")), *((tag.name, tag.name) for tag in tags)]
        members = service_members(service)
        self.fields["assignee"].choices = [
            ("", _("Anyone")),
            ("none", _("Nobody")),
            *((str(user.pk), str(user)) for user in members),
        ]

    def filters(self) -> dict:
        """Cleaned filters; the defaults when unbound (open items)."""
        if not self.is_bound:
            return {"status": OPEN}
        data = dict(self.cleaned_data)
        data["status"] = data.get("status") or OPEN
        return data

    def is_filtered(self) -> bool:
        data = self.filters()
        return data["status"] != ALL or any(data.get(name) for name in ("q", "kind", "tag", "assignee"))


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[(d, d) for d in ("up", "down", "top", "bottom")], required=False)
    position = forms.IntegerField(min_value=1, required=False)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("direction") and cleaned.get("position") is None:
            raise forms.ValidationError(_("Say where the item should go."))
        return cleaned


class ReorderForm(forms.Form):
    """The ids of the items in their new order, as the drag and drop sends them."""

    order = forms.CharField(max_length=20000)

    def clean_order(self) -> list[int]:
        parts = [part for part in re.split(r"[,\s]+", self.cleaned_data["order"]) if part]
        if not parts or not all(part.isdigit() for part in parts):
            raise forms.ValidationError(_("Not a list of items."))
        ids = [int(part) for part in parts]
        if len(set(ids)) != len(ids):
            raise forms.ValidationError(_("An item appears twice."))
        return ids
