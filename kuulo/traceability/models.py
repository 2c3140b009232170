"""One typed link between two things of Kuulo, e.g. a comment as evidence for a backlog item.

A link points from a source (the evidence: a comment, an insight) to a target
(what it supports: an insight, an item). The kinds are names from the registry
(kuulo.traceability.registry), not foreign keys, so a new kind of evidence or
work needs no new table; the services of both ends are real foreign keys, so
access checks and the API's service scope need no join, and deleting a service
deletes its links. Deleting one linked thing deletes its links too (see
registry.register_kind). Attributes that only one pair needs live in the app
that owns the pair, in a table with a one-to-one key to the link (e.g.
backlog.PublicQuote), and go when the link goes.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuulo.traceability.registry import kind_of


class LinkQuerySet(models.QuerySet):
    def between(self, source, target) -> "LinkQuerySet":
        """The link from `source` to `target` (none or one)."""
        return self.filter(
            source_kind=kind_of(source).name,
            source_id=source.pk,
            target_kind=kind_of(target).name,
            target_id=target.pk,
        )

    def outgoing(self, source, target_kind: str | None = None) -> "LinkQuerySet":
        """Links from `source`: what it is evidence for (of `target_kind` only, when given)."""
        links = self.filter(source_kind=kind_of(source).name, source_id=source.pk)
        return links.filter(target_kind=target_kind) if target_kind else links

    def incoming(self, target, source_kind: str | None = None) -> "LinkQuerySet":
        """Links to `target`: its evidence (of `source_kind` only, when given)."""
        links = self.filter(target_kind=kind_of(target).name, target_id=target.pk)
        return links.filter(source_kind=source_kind) if source_kind else links

    def pair(self, source_kind: str, target_kind: str) -> "LinkQuerySet":
        return self.filter(source_kind=source_kind, target_kind=target_kind)


class Link(models.Model):
    source_kind = models.CharField(_("kind of the source"), max_length=32)
    source_id = models.BigIntegerField(_("id of the source"))
    source_service = models.ForeignKey(
        "organisation.Service", verbose_name=_("service of the source"), on_delete=models.CASCADE, related_name="+"
    )
    target_kind = models.CharField(_("kind of the target"), max_length=32)
    target_id = models.BigIntegerField(_("id of the target"))
    target_service = models.ForeignKey(
        "organisation.Service", verbose_name=_("service of the target"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Not auto_now_add: the data migration and the demo keep the time a link was first made.
    added_at = models.DateTimeField(_("added"), default=timezone.now)

    objects = LinkQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("traceability", "link")
        verbose_name_plural = pgettext_lazy("traceability", "links")
        constraints = [
            # Also the index of the outgoing direction: (source kind, source id) → targets.
            models.UniqueConstraint(
                fields=["source_kind", "source_id", "target_kind", "target_id"], name="one_link_per_pair"
            )
        ]
        indexes = [
            # The incoming direction: (target kind, target id) → sources, read from the index alone.
            models.Index(fields=["target_kind", "target_id", "source_kind", "source_id"], name="link_incoming"),
        ]

    def __str__(self) -> str:
        return f"{self.source_kind} {self.source_id} → {self.target_kind} {self.target_id}"
