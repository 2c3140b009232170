"""The customer panel (asiakasraati): people who consented to take part in studies.

A member signs up on the public page (and confirms by e-mail) or is added by staff after agreeing
in person; each consent is a ConsentRecord on a versioned ConsentText. Studies of a service recruit
members by invitation under the organisation's ContactPolicy; a member books a Slot, takes part
(Participation) and is rewarded (RewardEntry). Who viewed a member's contact details is in
ContactAccess; what happened to a member (created, confirmed, corrected, erased…) in MemberEvent.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuulo.lib.translated import translated
from kuulo.organisation.models import LifeEvent, Organisation, Service


class ContactPolicy(models.Model):
    """The organisation's rules for contacting members; opt-out and do-not-contact need no rule."""

    organisation = models.OneToOneField(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="panel_policy"
    )
    cooldown_days = models.PositiveSmallIntegerField(
        _("cooldown days"), default=90, help_text=_("Days after a participation before a member is invited again.")
    )
    invitations_per_90_days = models.PositiveSmallIntegerField(
        _("invitations per 90 days"), default=3, help_text=_("The most invitations one member gets in 90 days.")
    )

    class Meta:
        verbose_name = _("contact policy")
        verbose_name_plural = _("contact policies")

    def __str__(self) -> str:
        return str(_("Contact policy"))

    @classmethod
    def current(cls) -> "ContactPolicy":
        organisation = Organisation.objects.first()
        if organisation is None:
            return cls()
        return cls.objects.get_or_create(organisation=organisation)[0]


class ConsentText(models.Model):
    """What a member agrees to; a change is a new version, and records keep the version agreed to."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="panel_consents"
    )
    version = models.PositiveIntegerField(_("version"))
    text_fi = models.TextField(_("text in Finnish"))
    text_sv = models.TextField(_("text in Swedish"), blank=True)
    text_en = models.TextField(_("text in English"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL
    )

    text = translated("text")

    class Meta:
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["organisation", "version"], name="panel_consent_version")]

    def __str__(self) -> str:
        return _("Consent text, version %(version)s") % {"version": self.version}

    @classmethod
    def current(cls) -> "ConsentText | None":
        return cls.objects.filter(organisation=Organisation.objects.first()).order_by("-version").first()


class Segment(models.Model):
    """A group of members, e.g. "families with children"; members report some, staff set others."""

    name_fi = models.CharField(_("name in Finnish"), max_length=120)
    name_sv = models.CharField(_("name in Swedish"), max_length=120, blank=True)
    name_en = models.CharField(_("name in English"), max_length=120, blank=True)

    name = translated("name")

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        ordering = ["name_fi"]

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")


class PanelMember(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for e-mail confirmation")
        ACTIVE = "active", pgettext_lazy("panel member", "Active")
        OPTED_OUT = "opted_out", _("Opted out")
        DO_NOT_CONTACT = "do_not_contact", _("Do not contact")
        ERASED = "erased", _("Erased")

    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="fi")
    contact_channel = models.CharField(
        _("preferred contact channel"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    self_segments = models.ManyToManyField(
        Segment, verbose_name=_("segments the member reported"), blank=True, related_name="self_reported_members"
    )
    staff_segments = models.ManyToManyField(
        Segment, verbose_name=_("segments set by staff"), blank=True, related_name="staff_set_members"
    )
    services = models.ManyToManyField(
        Service, verbose_name=_("services of interest"), blank=True, related_name="interested_panel_members"
    )
    life_events = models.ManyToManyField(
        LifeEvent, verbose_name=_("life events of interest"), blank=True, related_name="interested_panel_members"
    )
    outcome_notices = models.BooleanField(
        _("tell me what my input changed"),
        default=True,
        help_text=_("An e-mail when something a study led to is done or published."),
    )
    created_at = models.DateTimeField(_("signed up at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    last_activity_at = models.DateTimeField(_("last activity"), default=timezone.now)
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("panel member")
        verbose_name_plural = _("panel members")
        ordering = ["name", "pk"]
        permissions = [("manage_panel", _("Can see and manage the customer panel's members"))]
        constraints = [models.UniqueConstraint(fields=["email"], name="panel_member_email")]

    def __str__(self) -> str:
        return self.name or _("Erased member %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("panel:member_detail", args=[self.pk])

    @property
    def is_contactable(self) -> bool:
        return self.status == self.Status.ACTIVE


class ConsentRecord(models.Model):
    class Method(models.TextChoices):
        ONLINE = "online", _("Online, confirmed by e-mail")
        IN_PERSON = "in_person", _("In person")

    member = models.ForeignKey(PanelMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="consents")
    consent_text = models.ForeignKey(
        ConsentText, verbose_name=_("consent text"), on_delete=models.PROTECT, related_name="records"
    )
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    method = models.CharField(_("how given"), max_length=12, choices=Method.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at", "-pk"]

    def __str__(self) -> str:
        return str(self.consent_text)


class ScreenerQuestion(models.Model):
    """A question of the sign-up screener (no study) or of one study's screener."""

    class Kind(models.TextChoices):
        CHOICE = "choice", _("One choice")
        MULTI = "multi", _("Several choices")
        NUMBER = "number", pgettext_lazy("screener question", "Number")
        TEXT = "text", pgettext_lazy("screener question", "Text")

    study = models.ForeignKey(
        "Study",
        verbose_name=_("study"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="screener_questions",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text_fi = models.CharField(_("question in Finnish"), max_length=300)
    text_sv = models.CharField(_("question in Swedish"), max_length=300, blank=True)
    text_en = models.CharField(_("question in English"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    text = translated("text")

    class Meta:
        verbose_name = _("screener question")
        verbose_name_plural = _("screener questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text


class ScreenerOption(models.Model):
    question = models.ForeignKey(
        ScreenerQuestion, verbose_name=_("question"), on_delete=models.CASCADE, related_name="options"
    )
    label_fi = models.CharField(_("option in Finnish"), max_length=200)
    label_sv = models.CharField(_("option in Swedish"), max_length=200, blank=True)
    label_en = models.CharField(_("option in English"), max_length=200, blank=True)
    segment = models.ForeignKey(
        Segment,
        verbose_name=_("segment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("A member who chooses this option reports belonging to this segment."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    label = translated("label")

    class Meta:
        verbose_name = _("screener option")
        verbose_name_plural = _("screener options")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label


class ScreenerAnswer(models.Model):
    member = models.ForeignKey(
        PanelMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="screener_answers"
    )
    question = models.ForeignKey(ScreenerQuestion, verbose_name=_("question"), on_delete=models.CASCADE)
    options = models.ManyToManyField(ScreenerOption, verbose_name=_("options"), blank=True)
    number = models.DecimalField(_("number"), max_digits=12, decimal_places=2, null=True, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        verbose_name = _("screener answer")
        verbose_name_plural = _("screener answers")
        constraints = [models.UniqueConstraint(fields=["member", "question"], name="panel_one_answer")]

    def __str__(self) -> str:
        return str(self.question)


class Study(models.Model):
    class Kind(models.TextChoices):
        SURVEY = "survey", pgettext_lazy("study kind", "Survey")
        INTERVIEW = "interview", _("Interview")
        USABILITY = "usability", _("Usability test")
        FOCUS_GROUP = "focus_group", _("Focus group")
        WORKSHOP = "workshop", _("Co-design workshop")
        DIARY = "diary", _("Diary study")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("study", "Draft")
        RECRUITING = "recruiting", _("Recruiting")
        FULL = "full", _("Recruitment closed")
        DONE = "done", pgettext_lazy("study", "Done")

    class Reward(models.TextChoices):
        NONE = "none", _("No reward")
        THANKS = "thanks", _("Thank-you gift")
        GIFT_CARD = "gift_card", _("Gift card")
        CINEMA = "cinema", _("Cinema ticket")

    service = models.ForeignKey(Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="studies")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title_fi = models.CharField(_("title in Finnish"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200, blank=True)
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    target_segment = models.ForeignKey(
        Segment, verbose_name=_("target segment"), null=True, blank=True, on_delete=models.SET_NULL
    )
    reward = models.CharField(_("reward"), max_length=10, choices=Reward.choices, default=Reward.THANKS)
    reward_value = models.DecimalField(_("reward value (€)"), max_digits=8, decimal_places=2, default=0)
    budget = models.DecimalField(_("reward budget (€)"), max_digits=10, decimal_places=2, default=0)
    staff = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("staff who run it"), blank=True, related_name="panel_studies"
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    title = translated("title")
    description = translated("description")

    class Meta:
        verbose_name = _("study")
        verbose_name_plural = _("studies")
        ordering = ["-starts_on", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("panel:study_detail", args=[self.service_id, self.pk])

    @property
    def has_slots(self) -> bool:
        return self.kind in {self.Kind.INTERVIEW, self.Kind.USABILITY, self.Kind.WORKSHOP, self.Kind.FOCUS_GROUP}


class Quota(models.Model):
    """How many members of a segment (or of anyone, with no segment) a study takes."""

    study = models.ForeignKey(Study, verbose_name=_("study"), on_delete=models.CASCADE, related_name="quotas")
    segment = models.ForeignKey(Segment, verbose_name=_("segment"), null=True, blank=True, on_delete=models.CASCADE)
    size = models.PositiveSmallIntegerField(_("places"))

    class Meta:
        verbose_name = _("quota")
        verbose_name_plural = _("quotas")
        constraints = [models.UniqueConstraint(fields=["study", "segment"], name="panel_one_quota_per_segment")]

    def __str__(self) -> str:
        return f"{self.segment or _('Anyone')}: {self.size}"


class Slot(models.Model):
    study = models.ForeignKey(Study, verbose_name=_("study"), on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    location = models.CharField(_("place"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["starts_at", "pk"]

    def __str__(self) -> str:
        return timezone.localtime(self.starts_at).strftime("%Y-%m-%d %H:%M")


class Invitation(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        BLOCKED = "blocked", _("Not sent: contact rules")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    study = models.ForeignKey(Study, verbose_name=_("study"), on_delete=models.CASCADE, related_name="invitations")
    member = models.ForeignKey(
        PanelMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="invitations"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    override_reason = models.CharField(_("reason to override the contact rules"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["study", "member"], name="panel_one_invitation")]

    def __str__(self) -> str:
        return f"{self.study} – {self.member}"


class Participation(models.Model):
    class Status(models.TextChoices):
        BOOKED = "booked", _("Booked")
        ATTENDED = "attended", _("Attended")
        NO_SHOW = "no_show", _("Did not come")
        CANCELLED = "cancelled", pgettext_lazy("participation", "Cancelled")

    study = models.ForeignKey(Study, verbose_name=_("study"), on_delete=models.CASCADE, related_name="participations")
    member = models.ForeignKey(
        PanelMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="participations"
    )
    # The study's service, kept here so that a session is a kind of evidence of its service
    # (kuulo.traceability needs a foreign key to the service on the model).
    service = models.ForeignKey(
        Service, verbose_name=_("service"), null=True, editable=False, on_delete=models.CASCADE, related_name="+"
    )
    slot = models.ForeignKey(
        Slot, verbose_name=_("time slot"), null=True, blank=True, on_delete=models.PROTECT, related_name="bookings"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.BOOKED)
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("Identity codes, e-mail addresses and phone numbers are removed.")
    )
    created_at = models.DateTimeField(_("booked at"), default=timezone.now)
    recorded_at = models.DateTimeField(_("recorded at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["study", "member"], name="panel_one_participation"),
            # One live booking per slot: the database refuses a second, however fast it comes.
            models.UniqueConstraint(
                fields=["slot"], condition=Q(slot__isnull=False) & ~Q(status="cancelled"), name="panel_slot_booked_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.study} – {self.member}"

    def save(self, *args, **kwargs):
        self.service_id = self.study.service_id
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "service"}
        super().save(*args, **kwargs)

    @property
    def evidence_label(self) -> str:
        """How the session reads as evidence: never the member's name."""
        moment = self.slot.starts_at if self.slot_id else self.created_at
        return _("%(study)s: session %(number)s, %(date)s") % {
            "study": self.study.title,
            "number": self.pk,
            "date": timezone.localtime(moment).strftime("%d.%m.%Y"),
        }


class RewardEntry(models.Model):
    """A line of the rewards ledger: a reward promised or given for one participation."""

    class Kind(models.TextChoices):
        PROMISED = "promised", _("Promised")
        GIVEN = "given", _("Given")

    participation = models.ForeignKey(
        Participation, verbose_name=_("participation"), on_delete=models.PROTECT, related_name="rewards"
    )
    kind = models.CharField(_("entry"), max_length=10, choices=Kind.choices)
    reward = models.CharField(_("reward"), max_length=10, choices=Study.Reward.choices)
    amount = models.DecimalField(_("value (€)"), max_digits=8, decimal_places=2, default=0)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("date"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("reward entry")
        verbose_name_plural = _("reward entries")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.get_reward_display()}"


class ContactAccess(models.Model):
    """One view of a member's contact details by a member of staff."""

    member = models.ForeignKey(
        PanelMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="contact_accesses"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("viewed by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    viewed_at = models.DateTimeField(_("viewed at"), default=timezone.now)
    purpose = models.CharField(_("page"), max_length=60)

    class Meta:
        verbose_name = _("view of contact details")
        verbose_name_plural = _("views of contact details")
        ordering = ["-viewed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user} {self.viewed_at:%Y-%m-%d %H:%M}"


class MemberEvent(models.Model):
    """What happened to a member and who did it: the member's history and the record of GDPR requests."""

    class Kind(models.TextChoices):
        SIGNED_UP = "signed_up", _("Signed up")
        CONFIRMED = "confirmed", _("Confirmed the e-mail address")
        ADDED = "added", _("Added by staff after agreeing in person")
        CORRECTED = "corrected", _("Details corrected")
        DOWNLOADED = "downloaded", _("Data downloaded")
        WITHDRAWN = "withdrawn", _("Consent withdrawn")
        OPTED_OUT = "opted_out", _("Unsubscribed")
        DO_NOT_CONTACT = "do_not_contact", _("Marked do not contact")
        OVERRIDE = "override", _("Contact rules overridden")
        NOTICE = "notice", _("Told what their input changed")
        ERASED = "erased", _("Personal data erased")

    member = models.ForeignKey(PanelMember, verbose_name=_("member"), on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("event"), max_length=16, choices=Kind.choices)
    at = models.DateTimeField(_("time"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty when the member did it."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    key = models.CharField(max_length=80, blank=True, editable=False)

    class Meta:
        verbose_name = _("member event")
        verbose_name_plural = _("member events")
        ordering = ["-at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["member", "key"], condition=~Q(key=""), name="panel_event_once")]

    def __str__(self) -> str:
        return self.get_kind_display()
