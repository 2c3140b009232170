"""What customers said: responses, their answers and comments, and the rollups
every score is computed from.

Customers are anonymous: a response carries its context (channel, language,
customer group, touchpoint, page path) but no address, cookie or account.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kuulo.feedback.abuse import describe_suspect_reason
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

    def get_suspect_reason_display(self) -> str:
        """Why the response waits for review, in the reader's language (a code such as
        `too_fast` is stored; a reason written out in full is shown as it is)."""
        return describe_suspect_reason(self.suspect_reason)


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    metric = models.ForeignKey("metrics.Metric", on_delete=models.PROTECT, related_name="answers")
    item = models.PositiveSmallIntegerField(default=0, help_text="0 for single-item metrics")
    value = models.SmallIntegerField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "metric", "item"], name="one_answer_per_item")]


class Sentiment(models.TextChoices):
    POSITIVE = "positive", _("Positive")
    NEUTRAL = "neutral", _("Neutral")
    NEGATIVE = "negative", _("Negative")


class CommentQuerySet(models.QuerySet):
    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for comment in objs:
            comment.copy_from_response()
        return super().bulk_create(objs, *args, **kwargs)


class Comment(models.Model):
    """An answer to an open question, stored only after personal data is redacted."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="comments")
    # The response's service and time, copied when the comment is written (neither ever changes), so the
    # comment pages find a service's comments of a period through one index of comments instead of
    # visiting every response of the period. Every write path fills them: feedback.actions (and the
    # PostgreSQL statement in feedback.inserts), save() and bulk_create() here.
    service = models.ForeignKey(
        "organisation.Service", verbose_name=_("service"), on_delete=models.CASCADE, related_name="+", db_index=False
    )
    responded_at = models.DateTimeField(_("answered"))
    question = models.ForeignKey("surveys.Question", on_delete=models.PROTECT, related_name="comments")
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=2)  # the language the customer answered in
    # Filled by kuulo.comments.analysis in the background; the write path leaves the defaults.
    detected_language = models.CharField(
        _("language of the text"), max_length=2, db_default="", blank=True, help_text=_("xx: another language")
    )
    lemmas = models.TextField(_("lemmas"), db_default="", blank=True)
    sentiment = models.CharField(_("sentiment"), max_length=8, db_default="", blank=True, choices=Sentiment.choices)
    score = models.SmallIntegerField(
        _("score"), null=True, blank=True, help_text=_("The response's first metric answer on a 0-100 scale.")
    )
    analysed_at = models.DateTimeField(_("analysed"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["analysed_at"], condition=models.Q(analysed_at__isnull=True), name="comment_pending"),
            # Newest first per service, and over several services (walls of praise); on PostgreSQL
            # trigram indexes on the text and the lemmas serve the word search (migration 0006).
            models.Index(fields=["service", "responded_at", "id"], name="comment_service_time"),
            models.Index(fields=["responded_at", "id"], name="comment_time"),
        ]

    def save(self, *args, **kwargs):
        self.copy_from_response()
        super().save(*args, **kwargs)

    def copy_from_response(self) -> None:
        if self.service_id is None or self.responded_at is None:
            self.service_id = self.response.service_id
            self.responded_at = self.response.responded_at


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


class SegmentTotal(models.Model):
    """The cells of DailyTotal and MonthlyTotal: answers per service × metric ×
    value, over all segments (`dimension` and `segment` ""), or per value
    (`segment`) of one `dimension`: "channel", "language", "customer_group" or
    "touchpoint"."""

    DIMENSIONS = ["", "channel", "language", "customer_group", "touchpoint"]

    dimension = models.CharField(max_length=16)
    service = models.ForeignKey("organisation.Service", on_delete=models.CASCADE, related_name="+")
    metric = models.ForeignKey("metrics.Metric", on_delete=models.CASCADE, related_name="+")
    segment = models.CharField(max_length=64)
    value = models.SmallIntegerField()
    count = models.IntegerField(default=0)  # signed: a correction subtracts

    class Meta:
        abstract = True


class DailyTotal(SegmentTotal):
    """DailyAggregate summed over the segments, kept beside it for fast pages.

    `dimension` "" holds one service × metric × day × value total over all
    segments (`segment` is ""); "channel", "language", "customer_group" and
    "touchpoint" hold the totals per value of that one dimension. So the
    overview, the service dashboards and their breakdowns read a few hundred
    rows a day per service, however many segments the answers fall into.
    Written in the same statement or transaction as DailyAggregate
    (kuulo.feedback.rollups.add), so a new response shows at once.
    """

    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "service", "day", "metric", "segment", "value"], name="one_total_cell"
            )
        ]


class DailyResponseCount(models.Model):
    """Accepted responses per collection point and day, for response rates
    without counting the responses table. Kept with the rollups."""

    collection_point = models.ForeignKey("surveys.CollectionPoint", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    count = models.IntegerField(default=0)  # signed: a correction subtracts

    class Meta:
        constraints = [models.UniqueConstraint(fields=["collection_point", "day"], name="one_response_count_per_day")]


class MonthlyTotal(SegmentTotal):
    """DailyTotal by calendar month (`month` is its first day), so a long
    period reads its whole months here and only the days at its edges from
    DailyTotal. Written with the other rollups, so it is never behind."""

    month = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["dimension", "service", "month", "metric", "segment", "value"], name="one_monthly_total_cell"
            )
        ]


class SavedMapping(models.Model):
    """A column mapping kept under a name for a survey's file imports, so that next month's export of
    the same tool is imported in one step (the import page and `import_responses --mapping NAME`).
    `data` is header-keyed, as in the command's mapping files."""

    collection_point = models.ForeignKey(
        "surveys.CollectionPoint", on_delete=models.CASCADE, related_name="saved_mappings"
    )
    name = models.CharField(_("name"), max_length=100)
    source_format = models.CharField(_("source format"), max_length=20, blank=True)
    data = models.JSONField(default=dict)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    saved_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("saved mapping")
        verbose_name_plural = _("saved mappings")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["collection_point", "name"], name="one_mapping_per_name")]

    def __str__(self) -> str:
        return self.name
