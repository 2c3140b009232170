"""The forms of the playbook. A card's texts are one field per text and language; list texts
(steps, tips, pitfalls) are written one entry per line."""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kuulo.lib.translated import LANGUAGE_CODES, LANGUAGE_LABELS
from kuulo.playbook.artefacts import ARTEFACTS
from kuulo.playbook.models import METHOD_LISTS, METHOD_TEXTS, HelpRequest, Method, SparringPartner
from kuulo.playbook.tags import PHASES, ROLES

TEXT_LABELS = {
    "title": _("Title"),
    "summary": _("In one sentence"),
    "purpose": _("Purpose"),
    "when": _("When to use"),
    "time": _("Time needed"),
    "people": _("People needed"),
    "steps": _("Steps"),
    "tips": _("Tips"),
    "pitfalls": _("Pitfalls"),
}
SHORT_TEXTS = {"title", "summary"}
RESERVED_SLUGS = {"new", "glossary", "roles", "help", "pack"}  # pages under /playbook/


class MethodForm(forms.Form):
    """Creates or edits a card; `content` and the tags go to the Method, `note` to its version."""

    slug = forms.SlugField(
        label=_("Identifier"),
        max_length=80,
        help_text=_("Lower-case letters, digits and hyphens. Other apps and shared packs refer to the card by it."),
    )
    phases = forms.MultipleChoiceField(
        label=_("Phases of the loop"), choices=list(PHASES.items()), widget=forms.CheckboxSelectMultiple, required=False
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"), choices=list(ROLES.items()), widget=forms.CheckboxSelectMultiple, required=False
    )
    produces = forms.ChoiceField(label=_("What it produces in Kuulo"), required=False)
    note = forms.CharField(label=_("What did you change?"), max_length=200, required=False)

    def __init__(self, *args, method: Method | None = None, **kwargs):
        self.method = method
        if method is not None:
            initial = {"slug": method.slug, "phases": method.phases, "roles": method.roles, "produces": method.produces}
            for code in LANGUAGE_CODES:
                texts = method.content.get(code) or {}
                for field in METHOD_TEXTS:
                    value = texts.get(field, "")
                    initial[f"{field}_{code}"] = "\n".join(value) if isinstance(value, list) else value
            kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self.fields["produces"].choices = [("", _("Nothing")), *((key, a.label) for key, a in ARTEFACTS.items())]
        if method is not None:
            self.fields["slug"].disabled = True
        for code in LANGUAGE_CODES:
            for field in METHOD_TEXTS:
                widget = forms.TextInput if field in SHORT_TEXTS else forms.Textarea(attrs={"rows": 4, "lang": code})
                label = TEXT_LABELS[field]
                help_text = _("One per line.") if field in METHOD_LISTS else ""
                self.fields[f"{field}_{code}"] = forms.CharField(
                    label=label, required=False, widget=widget, help_text=help_text
                )
                self.fields[f"{field}_{code}"].widget.attrs["lang"] = code

    def language_groups(self) -> list[tuple[str, str, list]]:
        """(code, label, bound fields) per language, for a fieldset each."""
        return [
            (code, LANGUAGE_LABELS[code], [self[f"{field}_{code}"] for field in METHOD_TEXTS])
            for code in LANGUAGE_CODES
        ]

    def clean_slug(self) -> str:
        slug = self.cleaned_data["slug"]
        if self.method is None:
            if slug != slugify(slug):
                raise forms.ValidationError(_("Use lower-case letters, digits and hyphens only."))
            if slug in RESERVED_SLUGS:
                raise forms.ValidationError(_("This identifier is reserved for a page of the playbook."))
            if Method.objects.filter(slug=slug).exists():
                raise forms.ValidationError(_("Another card already has this identifier."))
        return slug

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"title_{code}", "").strip() for code in LANGUAGE_CODES):
            raise forms.ValidationError(_("Give the card a title in at least one language."))
        return cleaned

    def content(self) -> dict:
        content = {}
        for code in LANGUAGE_CODES:
            texts = {}
            for field in METHOD_TEXTS:
                value = self.cleaned_data.get(f"{field}_{code}", "").strip()
                if field in METHOD_LISTS:
                    lines = [line.strip() for line in value.splitlines() if line.strip()]
                    if lines:
                        texts[field] = lines
                elif value:
                    texts[field] = value
            if texts:
                content[code] = texts
        return content


class TemplateUploadForm(forms.Form):
    ALLOWED = {
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".odt": "application/vnd.oasis.opendocument.text",
        ".pdf": "application/pdf",
        ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".ods": "application/vnd.oasis.opendocument.spreadsheet",
        ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ".odp": "application/vnd.oasis.opendocument.presentation",
        ".txt": "text/plain",
    }
    MAX_BYTES = 5 * 1024 * 1024

    name = forms.CharField(label=_("Name"), max_length=200)
    file = forms.FileField(label=_("File"), help_text=_("DOCX, ODT, PDF, XLSX, ODS, PPTX, ODP or TXT, at most 5 MB."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        suffix = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if suffix not in self.ALLOWED:
            raise forms.ValidationError(
                _("This type of file cannot be added. Use DOCX, ODT, PDF, XLSX, ODS, PPTX, ODP or TXT.")
            )
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        upload.kuulo_content_type = self.ALLOWED[suffix]
        return upload


class VolunteerForm(forms.ModelForm):
    class Meta:
        model = SparringPartner
        fields = ["note"]


class HelpRequestForm(forms.ModelForm):
    def __init__(self, *args, partners=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"] = forms.ModelChoiceField(label=_("Sparring partner"), queryset=partners)
        self.order_fields(["partner", "message"])

    class Meta:
        model = HelpRequest
        fields = ["message"]


class ImportForm(forms.Form):
    file = forms.FileField(label=_("Playbook pack (JSON)"))
    replace = forms.BooleanField(
        label=_("Replace cards, terms and role guides that already exist"),
        required=False,
        help_text=_("Replaced cards keep their history: the imported text becomes a new version."),
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    phase = forms.ChoiceField(label=_("Phase of the loop"), required=False)
    role = forms.ChoiceField(label=_("Role"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = [("", _("All phases")), *PHASES.items()]
        self.fields["role"].choices = [("", _("All roles")), *ROLES.items()]
