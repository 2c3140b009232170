from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuulo.network.models import Attachment, Idea
from kuulo.organisation.models import LifeEvent, Service

MAX_FILES = 5


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(one, initial) for one in files]


class IdeaForm(forms.ModelForm):
    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        help_text=_("Up to five files of at most 5 MB each, e.g. a sketch or a photo."),
    )

    class Meta:
        model = Idea
        fields = ["title", "description", "services", "life_events"]
        widgets = {"services": forms.CheckboxSelectMultiple, "life_events": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["services"].queryset = Service.objects.filter(status=Service.Status.ACTIVE).order_by("name_fi")
        self.fields["life_events"].queryset = LifeEvent.objects.order_by("name_fi")

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("Attach at most five files."))
        for upload in files:
            if upload.size > Attachment.MAX_BYTES:
                raise forms.ValidationError(_("The file %(name)s is larger than 5 MB.") % {"name": upload.name})
        return files


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Idea.Status.choices)
    response = forms.CharField(
        label=_("Official response"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("The idea's followers are told of it."),
    )
    duplicate_of = forms.IntegerField(
        label=_("Number of the original idea"),
        required=False,
        min_value=1,
        help_text=_("Only for a duplicate: its votes and followers move to the original."),
    )

    def __init__(self, *args, idea: Idea, **kwargs):
        super().__init__(*args, **kwargs)
        self.idea = idea

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") != Idea.Status.DUPLICATE:
            cleaned["original"] = None
            return cleaned
        number = cleaned.get("duplicate_of")
        original = Idea.objects.filter(pk=number).exclude(pk=self.idea.pk).first() if number else None
        if original is None:
            self.add_error("duplicate_of", _("Give the number of another idea."))
        elif original.status == Idea.Status.DUPLICATE:
            self.add_error("duplicate_of", _("That idea is itself a duplicate. Give the number of its original."))
        cleaned["original"] = original
        return cleaned


class PromoteForm(forms.Form):
    service = forms.ModelChoiceField(label=_("Service"), queryset=Service.objects.none())
    title = forms.CharField(label=_("Title of the backlog item"), max_length=200)
    response = forms.CharField(
        label=_("Official response"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        help_text=_("The idea's followers are told that it is planned."),
    )

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services


SORTS = [
    ("votes", pgettext_lazy("sort ideas", "Most votes")),
    ("newest", pgettext_lazy("sort ideas", "Newest")),
    ("status", pgettext_lazy("sort ideas", "Status")),
]


class IdeaFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("All")), *Idea.Status.choices])
    service = forms.ModelChoiceField(label=_("Service"), required=False, queryset=Service.objects.order_by("name_fi"))
    life_event = forms.ModelChoiceField(
        label=_("Life event"), required=False, queryset=LifeEvent.objects.order_by("name_fi")
    )
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORTS)
