"""What customers said: responses, their answers and comments, and the rollups
every score is computed from.

Customers are anonymous: a response carries its context (channel, language,
customer group, touchpoint, page path) but no address, cookie or account.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kuulo.organisation.models import Channel


class Response(models.Model):
    class Status(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        SUSPECT = "suspect", _("Waiting for review")
        DISCARDED = "discarded", _("Discarded")

    survey_version = models.ForeignKey(
        "surveys.SurveyVersion", verbose_name=_("survey version"), on_delete=models.PROTECT, related_name="responses"
    )
    service = models.ForeignKey(
        "organisation.Service", verbose_name=_("service"), on_delete=models.PROTECT, related_name="responses"
    )
    collection_point = models.ForeignKey(
        "surveys.CollectionPoint",
        verbose_name=_("collection point"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    idempotency_key = models.CharField(_("idempotency key"), max_length=80)
    received_at = models.DateTimeField(_("received"), help_text=_("Server clock."))
    responded_at = models.DateTimeField(
        _("answered"), help_text=_("When the customer answered: the time of receipt, or the time in an imported file.")
    )
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    language = models.CharField(_("language"), max_length=2)
    customer_group = models.CharField(_("customer group"), max_length=64, blank=True)
    touchpoint = models.CharField(_("touchpoint"), max_length=64, blank=True)
    page_path = models.CharField(_("page path"), max_length=500, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACCEPTED)
    suspect_reason = models.CharField(_("why suspect"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(fields=["collection_point", "idempotency_key"], name="one_response_per_key")
        ]
        indexes = [models.Index(fields=["service", "responded_at"]), models.Index(fields=["status", "service"])]

    def __str__(self) -> str:
        return f"{self.service_id} {self.responded_at:%Y-%m-%d %H:%M}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    metric = models.ForeignKey("metrics.Metric", on_delete=models.PROTECT, related_name="answers")
    item = models.PositiveSmallIntegerField(default=0, help_text="0 for single-item metrics")
    value = models.SmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "metric", "item"], name="one_answer_per_item")]


class Comment(models.Model):
    """An answer to an open question, stored only after personal data is redacted."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="comments")
    question = models.ForeignKey("surveys.Question", on_delete=models.PROTECT, related_name="comments")
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=2)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")


class DailyAggregate(models.Model):
    """Count of answers per scale value for one service × metric × day × segment.

    Updated in the same transaction as every accepted response; every score
    derives from these histograms, so dashboards never scan raw answers.
    For multi-item metrics `value` is the respondent's raw sum (see Metric.rollup_value).
    """

    service = models.ForeignKey("organisation.Service", on_delete=models.CASCADE, related_name="+")
    metric = models.ForeignKey("metrics.Metric", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    channel = models.CharField(max_length=20)
    language = models.CharField(max_length=2)
    customer_group = models.CharField(max_length=64)
    touchpoint = models.CharField(max_length=64)
    value = models.SmallIntegerField()
    count = models.IntegerField(default=0)  # signed: a correction subtracts

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service", "metric", "day", "channel", "language", "customer_group", "touchpoint", "value"],
                name="one_rollup_cell",
            )
        ]
        indexes = [models.Index(fields=["metric", "day"])]


class DisplayCount(models.Model):
    """How often a widget was shown per day, so response rates are real."""

    collection_point = models.ForeignKey("surveys.CollectionPoint", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["collection_point", "day"], name="one_display_count_per_day")]
