from django import forms
from django.utils.translation import gettext_lazy as _

from kuulo.traceability import registry


class LinkForm(forms.Form):
    """A link of one pair: the source by id, the target by id or "new" (start one from the source), a note.

    The fields are named after the kinds (e.g. `comment` and `item`), as the panels and pages post them."""

    NEW = "new"

    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, pair: registry.Pair, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pair = pair
        source, target = registry.kind(pair.source), registry.kind(pair.target)
        self.fields[pair.source] = forms.IntegerField(label=source.field_label, min_value=1)
        self.fields[pair.target] = forms.CharField(label=target.field_label, max_length=20)
        self.order_fields([pair.source, pair.target, "note"])

    def clean(self) -> dict:
        data = super().clean()
        target, kind = data.get(self.pair.target), registry.kind(self.pair.target)
        new_allowed = self.pair.new_target_url() is not None
        if target is not None and not target.isdigit() and (target != self.NEW or not new_allowed):
            self.add_error(self.pair.target, kind.choose_message)
        return data

    @property
    def posted_source(self) -> str:
        """The source's id as posted (the panel of that source shows the form's error)."""
        return str(self.data.get(self.pair.source, "")) if self.is_bound else ""

    def valid_source(self) -> int | None:
        """The source's id when that field is valid, even if the form is not."""
        return self.cleaned_data.get(self.pair.source) if self.pair.source not in self.errors else None

    def valid_target(self) -> int | None:
        """The target's id when that field names one (not "new") and is valid."""
        value = self.cleaned_data.get(self.pair.target)
        if self.pair.target in self.errors or value in (None, self.NEW):
            return None
        return int(value)
