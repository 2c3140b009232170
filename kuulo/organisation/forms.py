from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from kuulo.organisation import terms
from kuulo.organisation.models import Channel, LifeEvent, Membership, Organisation, Role, Service, Term, Unit


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name_fi", "name_sv", "name_en"]


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["name_fi", "name_sv", "name_en", "parent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        candidates = Unit.objects.all()
        if self.instance.pk:
            candidates = candidates.exclude(pk__in=descendant_ids(self.instance) | {self.instance.pk})
        self.fields["parent"].queryset = candidates

    def clean_parent(self):
        parent = self.cleaned_data["parent"]
        if parent and self.instance.pk and parent.pk in descendant_ids(self.instance) | {self.instance.pk}:
            raise forms.ValidationError(_("A unit cannot be placed under itself or its own sub-unit."))
        return parent


def descendant_ids(unit: Unit) -> set[int]:
    children_of: dict[int | None, list[int]] = {}
    for pk, parent_id in Unit.objects.values_list("pk", "parent_id"):
        children_of.setdefault(parent_id, []).append(pk)
    found, stack = set(), list(children_of.get(unit.pk, []))
    while stack:
        pk = stack.pop()
        if pk not in found:
            found.add(pk)
            stack.extend(children_of.get(pk, []))
    return found


class LifeEventForm(forms.ModelForm):
    class Meta:
        model = LifeEvent
        fields = ["name_fi", "name_sv", "name_en", "description_fi", "description_sv", "description_en"]
        widgets = {f"description_{code}": forms.Textarea(attrs={"rows": 3}) for code in ("fi", "sv", "en")}


class ServiceForm(forms.ModelForm):
    channels = forms.MultipleChoiceField(
        label=_("Channels"),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Where customers use the service."),
    )

    class Meta:
        model = Service
        fields = [
            "name_fi",
            "name_sv",
            "name_en",
            "slug",
            "unit",
            "status",
            "channels",
            "life_events",
            "description_fi",
            "description_sv",
            "description_en",
        ]
        widgets = {
            "life_events": forms.CheckboxSelectMultiple,
            **{f"description_{code}": forms.Textarea(attrs={"rows": 3}) for code in ("fi", "sv", "en")},
        }


class MembershipForm(forms.ModelForm):
    """Adds a person to a service. Only organisation admins may name product owners."""

    class Meta:
        model = Membership
        fields = ["user", "role"]

    def __init__(self, *args, service: Service, by_admin: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.service = service
        existing = Membership.objects.filter(service=service).values("user")
        self.fields["user"].queryset = get_user_model().objects.filter(is_active=True).exclude(pk__in=existing)
        if not by_admin:
            self.fields["role"].choices = [(r.value, r.label) for r in Role if r != Role.PRODUCT_OWNER]


class MembershipRoleForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role"]

    def __init__(self, *args, by_admin: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not by_admin:
            self.fields["role"].choices = [(r.value, r.label) for r in Role if r != Role.PRODUCT_OWNER]


class TermForm(forms.ModelForm):
    """A customer group or touchpoint: its code (fixed once made) and its names; one name is enough."""

    class Meta:
        model = Term
        fields = ["code", "name_fi", "name_sv", "name_en"]

    def __init__(self, *args, organisation: Organisation, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation, self.kind = organisation, kind
        self.fields["name_fi"].help_text = _(
            "Write the name in at least one language. Where a name is missing, pages show another one."
        )
        if self.instance.pk:
            del self.fields["code"]

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip()
        if not code:
            raise forms.ValidationError(_("Write a code."))
        if Term.objects.filter(organisation=self.organisation, kind=self.kind, code=code).exists():
            raise forms.ValidationError(_("This code is already in use."))
        return code

    def clean(self):
        data = super().clean()
        names = [f"name_{code}" for code in ("fi", "sv", "en")]
        for name in names:
            if name in data:
                data[name] = " ".join(data[name].split())
        if not any(data.get(name) for name in names) and not any(name in self.errors for name in names):
            self.add_error("name_fi", _("Write the name in at least one language."))
        return data


class TermFilterField(forms.ChoiceField):
    """A filter by customer group or touchpoint: offers "All" and the terms in use, by name;
    accepts a retired term's code too, so that an old link still works."""

    def __init__(self, kind: str, **kwargs):
        self.kind = kind
        kwargs.setdefault("required", False)
        super().__init__(choices=self._choices, **kwargs)

    def _choices(self) -> list[tuple[str, str]]:
        return [("", _("All")), *((code, str(name)) for code, name in terms.choices_for(None, self.kind))]

    def valid_value(self, value) -> bool:
        return value in terms.names_for(None, self.kind)
