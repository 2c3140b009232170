"""Forms of the panel: the public sign-up (with the screener), adding a member in person,
studies, slots, invitations and participation. One place for each rule."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kuulo.lib.forms import LanguageSelect
from kuulo.lib.translated import LANGUAGE_CODES
from kuulo.organisation.models import LifeEvent, Service
from kuulo.panel.models import (
    Channel,
    ConsentText,
    ContactPolicy,
    PanelMember,
    Participation,
    Quota,
    RewardEntry,
    ScreenerQuestion,
    Segment,
    Slot,
    Study,
)

HONEYPOT = "website"
MAX_TEXT = 1000


def screener_questions(study=None):
    return list(ScreenerQuestion.objects.filter(study=study).prefetch_related("options"))


class ScreenerMixin:
    """Adds a field `q<id>` per screener question; `screener_answers()` gives what was answered."""

    def add_screener(self, questions) -> None:
        self.questions = questions
        for question in questions:
            choices = [(str(option.pk), option.label) for option in question.options.all()]
            name = f"q{question.pk}"
            label = question.text
            if question.kind == ScreenerQuestion.Kind.CHOICE:
                field = forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect)
            elif question.kind == ScreenerQuestion.Kind.MULTI:
                field = forms.MultipleChoiceField(label=label, choices=choices, widget=forms.CheckboxSelectMultiple)
            elif question.kind == ScreenerQuestion.Kind.NUMBER:
                field = forms.DecimalField(label=label, max_digits=12, decimal_places=2, min_value=-(10**9))
            else:
                field = forms.CharField(label=label, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3}))
            field.required = question.required
            self.fields[name] = field

    def screener_answers(self) -> list[tuple]:
        """[(question, option ids, number, text)] for the questions answered."""
        answers = []
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if value in (None, "", []):
                continue
            if question.kind == ScreenerQuestion.Kind.CHOICE:
                answers.append((question, [int(value)], None, ""))
            elif question.kind == ScreenerQuestion.Kind.MULTI:
                answers.append((question, [int(pk) for pk in value], None, ""))
            elif question.kind == ScreenerQuestion.Kind.NUMBER:
                answers.append((question, [], value, ""))
            else:
                answers.append((question, [], None, value))
        return answers


class MemberDetailsForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254)
    phone = forms.CharField(label=_("Phone (optional)"), max_length=40, required=False)
    language = forms.ChoiceField(label=_("Language for messages"), choices=settings.LANGUAGES, widget=LanguageSelect)
    contact_channel = forms.ChoiceField(
        label=_("How may we contact you?"), choices=Channel.choices, widget=forms.RadioSelect, initial=Channel.EMAIL
    )
    services = forms.ModelMultipleChoiceField(
        label=_("Services that interest you"),
        queryset=Service.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    life_events = forms.ModelMultipleChoiceField(
        label=_("Situations in life that interest you"),
        queryset=LifeEvent.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    outcome_notices = forms.BooleanField(
        label=_("Tell me by e-mail what my input changed"), required=False, initial=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["services"].queryset = Service.objects.filter(status=Service.Status.ACTIVE).order_by("name_fi")
        self.fields["life_events"].queryset = LifeEvent.objects.order_by("name_fi")
        self.fields["services"].label_from_instance = lambda service: service.name
        self.fields["life_events"].label_from_instance = lambda event: event.name

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Write your name."))
        return name

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"].strip()
        if phone and not all(char.isdigit() or char in "+ -()" for char in phone):
            raise forms.ValidationError(_("Write the phone number with digits only, e.g. +358 40 123 4567."))
        return phone

    def clean(self):
        data = super().clean()
        if data.get("contact_channel") == Channel.PHONE and not data.get("phone"):
            self.add_error("phone", _("Write a phone number if you want us to call you."))
        return data


class SignupForm(ScreenerMixin, MemberDetailsForm):
    consent = forms.BooleanField(label=_("I have read the consent text and agree to it"))
    consent_version = forms.IntegerField(widget=forms.HiddenInput)
    started = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, consent_text: ConsentText, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = consent_text
        self.fields["consent_version"].initial = consent_text.version
        self.add_screener(screener_questions())
        # The screener belongs with the member's details; the consent comes last, just before sending.
        for name in ("consent", "consent_version", "started", "website"):
            self.fields[name] = self.fields.pop(name)

    def clean_consent_version(self) -> int:
        version = self.cleaned_data["consent_version"]
        if version != self.consent_text.version:
            raise forms.ValidationError(_("The consent text has changed. Please read the new text and agree again."))
        return version

    def error_list(self) -> list[dict]:
        errors = []
        for name, messages in self.errors.items():
            field = self.fields.get(name)
            for message in messages:
                label = field.label if field is not None else ""
                errors.append({"label": label, "message": message, "anchor": f"id_{name}" if field else ""})
        return errors


class InPersonForm(MemberDetailsForm):
    """A member who agreed in person: staff record who, when and on which consent version."""

    consent_text = forms.ModelChoiceField(label=_("Consent text they agreed to"), queryset=ConsentText.objects.all())
    given_at = forms.DateTimeField(
        label=_("When they agreed"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )

    def clean_email(self) -> str:
        email = super().clean_email()
        if PanelMember.objects.filter(email=email).exclude(status=PanelMember.Status.PENDING).exists():
            raise forms.ValidationError(_("This address is already in the panel."))
        return email


def language_of(code: str) -> str:
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


class MemberFilterForm(forms.Form):
    q = forms.CharField(label=_("Name contains"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), required=False)
    segment = forms.ModelChoiceField(label=_("Segment"), queryset=Segment.objects.all(), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=LanguageSelect)
    service = forms.ModelChoiceField(
        label=_("Interested in the service"), queryset=Service.objects.all(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everyone = [("", _("All"))]
        self.fields["status"].choices = everyone + [
            choice for choice in PanelMember.Status.choices if choice[0] != PanelMember.Status.ERASED
        ]
        self.fields["language"].choices = everyone + list(settings.LANGUAGES)
        self.fields["segment"].label_from_instance = lambda segment: segment.name
        self.fields["service"].label_from_instance = lambda service: service.name

    def filter(self, members):
        if not self.is_valid():
            return members.none()
        data = self.cleaned_data
        if data["q"]:
            members = members.filter(name__icontains=data["q"])
        if data["status"]:
            members = members.filter(status=data["status"])
        if data["segment"]:
            members = members.filter(Q(self_segments=data["segment"]) | Q(staff_segments=data["segment"])).distinct()
        if data["language"]:
            members = members.filter(language=data["language"])
        if data["service"]:
            members = members.filter(services=data["service"])
        return members


class StaffSegmentsForm(forms.ModelForm):
    class Meta:
        model = PanelMember
        fields = ["staff_segments"]
        widgets = {"staff_segments": forms.CheckboxSelectMultiple}


class ContactPolicyForm(forms.ModelForm):
    class Meta:
        model = ContactPolicy
        fields = ["cooldown_days", "invitations_per_90_days"]


class ConsentTextForm(forms.ModelForm):
    class Meta:
        model = ConsentText
        fields = ["text_fi", "text_sv", "text_en"]


class StudyForm(forms.ModelForm):
    class Meta:
        model = Study
        fields = [
            "kind",
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "description_en",
            "starts_on",
            "ends_on",
            "target_segment",
            "reward",
            "reward_value",
            "budget",
            "staff",
            "status",
        ]
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}),
            "ends_on": forms.DateInput(attrs={"type": "date"}),
            "staff": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, staff=None, **kwargs):
        super().__init__(*args, **kwargs)
        if staff is not None:
            self.fields["staff"].queryset = staff

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The study cannot end before it starts."))
        return data


class SlotForm(forms.ModelForm):
    class Meta:
        model = Slot
        fields = ["starts_at", "duration_minutes", "location"]
        widgets = {"starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"})}


class QuotaForm(forms.ModelForm):
    class Meta:
        model = Quota
        fields = ["segment", "size"]

    def __init__(self, *args, study, **kwargs):
        super().__init__(*args, **kwargs)
        self.study = study

    def clean_segment(self):
        segment = self.cleaned_data["segment"]
        if Quota.objects.filter(study=self.study, segment=segment).exists():
            raise forms.ValidationError(_("The study already has a quota for this segment."))
        return segment


class InviteForm(forms.Form):
    members = forms.ModelMultipleChoiceField(
        label=_("Members to invite"), queryset=PanelMember.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    override_reason = forms.CharField(
        label=_("Reason to override the cooldown or the invitation limit"),
        required=False,
        max_length=300,
        help_text=_("Only panel managers may override; opted-out and do-not-contact members are never invited."),
    )

    def __init__(self, *args, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = candidates


class ParticipationForm(forms.ModelForm):
    class Meta:
        model = Participation
        fields = ["status", "notes"]


class RewardForm(forms.ModelForm):
    class Meta:
        model = RewardEntry
        fields = ["kind", "reward", "amount", "note"]
