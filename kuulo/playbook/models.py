"""The playbook: method cards (versioned, written in fi/sv/en), their templates, the glossary,
the role guides and the sparring partners who help colleagues use a method.

Texts are stored per language in one JSON object, {"fi": {...}, "sv": {...}, "en": {...}}, so a
card's whole content is one value to version, compare, export and import. `kuulo.playbook.content`
reads it in the reader's language and says when a text is missing there."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kuulo.playbook.content import text_in

# The texts of a card, in the order the card shows them. Lists are one entry per line.
METHOD_TEXTS = ["title", "summary", "purpose", "when", "time", "people", "steps", "tips", "pitfalls"]
METHOD_LISTS = {"steps", "tips", "pitfalls"}


class Method(models.Model):
    """A method card. `slug` is its stable identifier (English), also for other apps and packs."""

    slug = models.SlugField(_("identifier"), max_length=80, unique=True)
    content = models.JSONField(default=dict)
    phases = models.JSONField(default=list)  # codes of kuulo.playbook.tags.PHASES
    roles = models.JSONField(default=list)  # codes of kuulo.playbook.tags.ROLES
    produces = models.CharField(max_length=40, blank=True)  # a key of kuulo.playbook.artefacts.ARTEFACTS
    position = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("method card")
        verbose_name_plural = _("method cards")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("playbook:method_detail", args=[self.slug])

    @property
    def title(self) -> str:
        return text_in(self.content, "title").text or self.slug


class MethodVersion(models.Model):
    """One saved state of a card: every save adds one, so the history shows who changed what."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    content = models.JSONField(default=dict)
    phases = models.JSONField(default=list)
    roles = models.JSONField(default=list)
    produces = models.CharField(max_length=40, blank=True)
    saved_at = models.DateTimeField(auto_now_add=True)
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(_("what changed"), max_length=200, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["method", "number"], name="one_method_version_number")]


class MethodTemplate(models.Model):
    """A file to download with a card (a DOCX, ODT or PDF form, a checklist). Stored in the
    database, so it travels with the card in a playbook pack and needs no media storage."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="templates")
    name = models.CharField(_("name"), max_length=200)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    data = models.BinaryField()
    size = models.PositiveIntegerField(default=0)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]


class GlossaryTerm(models.Model):
    """A word of the trade explained: per language the term, its definition and its synonyms
    (and the word forms by which the term is found in running text)."""

    slug = models.SlugField(max_length=80, unique=True)
    content = models.JSONField(default=dict)
    see_also = models.ManyToManyField("self", blank=True, symmetrical=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self) -> str:
        return self.term

    def get_absolute_url(self) -> str:
        return reverse("playbook:glossary") + f"#term-{self.slug}"

    @property
    def term(self) -> str:
        return text_in(self.content, "term").text or self.slug


class RoleGuide(models.Model):
    """What one role does in the loop, its weekly rhythm and the cards it needs."""

    role = models.CharField(max_length=40, unique=True)  # a code of kuulo.playbook.tags.ROLES
    content = models.JSONField(default=dict)
    methods = models.JSONField(default=list)  # slugs of the cards, in reading order
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "role"]

    def get_absolute_url(self) -> str:
        return reverse("playbook:role_guide", args=[self.role])


class SparringPartner(models.Model):
    """A member of staff who volunteered to help colleagues with a method."""

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="partners")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sparring")
    note = models.CharField(_("how I can help"), max_length=300, blank=True)
    since = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["user__last_name", "user__first_name", "user__username"]
        constraints = [models.UniqueConstraint(fields=["method", "user"], name="one_partnership_per_method")]


class HelpRequest(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        HELPED = "helped", _("Helped")
        DECLINED = "declined", _("Declined")

    method = models.ForeignKey(Method, on_delete=models.CASCADE, related_name="help_requests")
    requester = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.TextField(_("what you need help with"), max_length=2000)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
