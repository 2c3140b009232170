from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_COMMENT_TEXT_MONTHS = 36


class RetentionPolicy(models.Model):
    """How long the organisation keeps customers' free text. After that the text is deleted and
    its analysis (language, sentiment, score, themes) and every count stay."""

    organisation = models.OneToOneField("organisation.Organisation", on_delete=models.CASCADE, related_name="+")
    comment_text_months = models.PositiveSmallIntegerField(
        _("keep comment text for (months)"),
        null=True,
        blank=True,
        default=DEFAULT_COMMENT_TEXT_MONTHS,
        help_text=_("Empty: kept until deleted by hand. The analysis and the counts are always kept."),
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("retention policy")
        verbose_name_plural = _("retention policies")

    def __str__(self) -> str:
        return str(_("Retention policy"))
