from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuulo.lib.translated import translated


class Organisation(models.Model):
    """The one organisation this installation serves (a singleton row)."""

    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    name = translated("name")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisation")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "Organisation":
        organisation = cls.objects.first()
        return organisation or cls(name_fi="Kuulo", name_sv="Kuulo", name_en="Kuulo")


class Unit(models.Model):
    """A part of the organisation; units form a tree."""

    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)

    name = translated("name")

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["name_fi"]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list["Unit"]:
        chain, unit = [], self.parent
        while unit is not None:
            chain.append(unit)
            unit = unit.parent
        return list(reversed(chain))


class LifeEvent(models.Model):
    """A situation in a customer's life that services serve, such as moving."""

    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)

    name = translated("name")
    description = translated("description")

    class Meta:
        verbose_name = _("life event")
        verbose_name_plural = _("life events")
        ordering = ["name_fi"]

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    WEB = "web", _("Web")
    PHONE = "phone", _("Phone")
    SERVICE_POINT = "service_point", _("Service point")
    EMAIL = "email", _("E-mail")
    CHAT = "chat", _("Chat")
    LETTER = "letter", _("Letter")
    MOBILE_APP = "mobile_app", _("Mobile app")
    VIDEO = "video", _("Video call")


class Service(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("In use")
        RETIRED = "retired", _("Retired")

    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="services")
    slug = models.SlugField(
        _("short name"),
        max_length=60,
        unique=True,
        help_text=_("Used in web addresses. Lowercase letters, digits and hyphens."),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    channels = models.JSONField(_("channels"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    life_events = models.ManyToManyField(LifeEvent, verbose_name=_("life events"), blank=True, related_name="services")
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="services", blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    name = translated("name")
    description = translated("description")

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name_fi"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("organisation:service_detail", args=[self.pk])

    def channel_labels(self) -> list[str]:
        return [Channel(code).label for code in self.channels if code in Channel.values]


class Role(models.TextChoices):
    """Roles on one service, from least to most rights."""

    VIEWER = "viewer", _("Viewer")
    TEAM_MEMBER = "team_member", _("Team member")
    PRODUCT_OWNER = "product_owner", _("Product owner")

    @property
    def rank(self) -> int:
        return list(Role).index(self)


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    service = models.ForeignKey(
        Service, verbose_name=_("service"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "service"], name="one_membership_per_user_and_service")]
        ordering = ["service", "role", "user__last_name"]

    def __str__(self) -> str:
        return f"{self.user} · {self.service} · {self.get_role_display()}"


class Term(models.Model):
    """A word of the organisation's own vocabulary: a customer group or a touchpoint.

    Responses store the `code`; pages show the name in the reader's language
    (`kuulo.organisation.terms`). A retired term is no longer offered in forms
    and filters, but old responses that carry its code still read by name."""

    class Kind(models.TextChoices):
        CUSTOMER_GROUP = "customer_group", _("Customer group")
        TOUCHPOINT = "touchpoint", _("Touchpoint")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="terms")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    code = models.CharField(
        _("code"),
        max_length=64,
        help_text=_("Stored with each response and used by the widget and the API. It cannot be changed later."),
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=200, blank=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    retired_at = models.DateTimeField(pgettext_lazy("a customer group or touchpoint", "retired"), null=True, blank=True)

    name = translated("name")

    class Meta:
        verbose_name = pgettext_lazy("a customer group or touchpoint", "term")
        verbose_name_plural = pgettext_lazy("a customer group or touchpoint", "terms")
        ordering = ["kind", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "kind", "code"], name="one_term_per_code_and_kind")
        ]

    def __str__(self) -> str:
        return self.name or self.code
