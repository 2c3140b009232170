"""The people and skills directory: what each member of staff knows (skills and methods as free
tags) and the units they belong to. Method tags are plain slugs, so a playbook of methods can
later share them."""

from django.conf import settings
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from kuulo.organisation.models import Unit


class SkillTag(models.Model):
    class Kind(models.TextChoices):
        SKILL = "skill", _("Skill")
        METHOD = "method", _("Method")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    slug = models.SlugField(_("slug"), max_length=80)
    name = models.CharField(_("name"), max_length=80)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["kind", "slug"], name="one_skill_tag_per_slug")]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def named(cls, kind: str, names: list[str]) -> list["SkillTag"]:
        tags = []
        for name in names:
            slug = slugify(name)[:80]
            if slug:
                tags.append(cls.objects.get_or_create(kind=kind, slug=slug, defaults={"name": name[:80]})[0])
        return tags


class PersonProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_profile")
    units = models.ManyToManyField(Unit, verbose_name=_("units"), blank=True, related_name="+")
    tags = models.ManyToManyField(SkillTag, blank=True, related_name="profiles")
    about = models.CharField(_("in a sentence"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("person's profile")
