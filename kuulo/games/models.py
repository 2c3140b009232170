"""Maturity models as data, and the self-assessments that staff answer.

A model has five named levels and a few dimensions; every dimension describes
each level in its own words (`Descriptor`) and carries suggestions: method
cards to read (by the playbook's stable slug) and actions that a product owner
may turn into a backlog item. A person answers for one unit once per quarter
(`period`, e.g. "2026-Q4"); answering again in the same quarter replaces the
earlier answer. Results are only ever shown per unit and round, never per
person, and not at all below `MIN_RESPONDENTS` (kuulo.games.results).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kuulo.lib.translated import translated

LEVELS = range(1, 6)


class MaturityModel(models.Model):
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    active = models.BooleanField(_("open for answers"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    name = translated("name")
    description = translated("description")

    class Meta:
        verbose_name = _("maturity model")
        verbose_name_plural = _("maturity models")
        ordering = ["name_fi"]

    def __str__(self) -> str:
        return self.name


class LevelName(models.Model):
    """The name of one of the five levels of a model, e.g. 3 "Systematic"."""

    model = models.ForeignKey(MaturityModel, on_delete=models.CASCADE, related_name="levels")
    number = models.PositiveSmallIntegerField(
        pgettext_lazy("maturity", "level"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    name_fi = models.CharField(_("name in Finnish"), max_length=100)
    name_sv = models.CharField(_("name in Swedish"), max_length=100)
    name_en = models.CharField(_("name in English"), max_length=100)

    name = translated("name")

    class Meta:
        verbose_name = pgettext_lazy("maturity", "level")
        verbose_name_plural = pgettext_lazy("maturity", "levels")
        ordering = ["model", "number"]
        constraints = [models.UniqueConstraint(fields=["model", "number"], name="one_name_per_level")]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class Dimension(models.Model):
    model = models.ForeignKey(MaturityModel, on_delete=models.CASCADE, related_name="dimensions")
    code = models.SlugField(
        _("code"),
        max_length=40,
        help_text=_(
            "The built-in observations know the codes insight, metrics, co_development, leadership and ways_of_working."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)
    question_fi = models.TextField(_("question in Finnish"), blank=True)
    question_sv = models.TextField(_("question in Swedish"), blank=True)
    question_en = models.TextField(_("question in English"), blank=True)

    name = translated("name")
    question = translated("question")

    class Meta:
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        ordering = ["model", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["model", "code"], name="one_dimension_per_code")]

    def __str__(self) -> str:
        return self.name


class Descriptor(models.Model):
    """What level `number` looks like in one dimension."""

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="descriptors")
    number = models.PositiveSmallIntegerField(
        pgettext_lazy("maturity", "level"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    text_fi = models.TextField(_("text in Finnish"))
    text_sv = models.TextField(_("text in Swedish"))
    text_en = models.TextField(_("text in English"))

    text = translated("text")

    class Meta:
        verbose_name = _("level description")
        verbose_name_plural = _("level descriptions")
        ordering = ["dimension", "number"]
        constraints = [models.UniqueConstraint(fields=["dimension", "number"], name="one_descriptor_per_level")]

    def __str__(self) -> str:
        return f"{self.dimension} {self.number}"


class Suggestion(models.Model):
    """For a unit whose weakest dimension this is: a card to read, or an action to take."""

    class Kind(models.TextChoices):
        READ = "read", _("Card to read")
        ACT = "act", _("Action")

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    card_slug = models.SlugField(
        _("method card"), max_length=80, blank=True, help_text=_("The short name of a card in the playbook.")
    )
    title_fi = models.CharField(_("title in Finnish"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    title = translated("title")

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["dimension", "kind", "position", "id"]

    def __str__(self) -> str:
        return self.title


class Assessment(models.Model):
    """One person's answer for one unit in one quarter."""

    model = models.ForeignKey(MaturityModel, on_delete=models.CASCADE, related_name="assessments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessments")
    unit = models.ForeignKey("organisation.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+")
    period = models.CharField(_("round"), max_length=7)  # "2026-Q4"
    submitted_at = models.DateTimeField(_("answered"))

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["model", "user", "unit", "period"], name="one_assessment_per_round")
        ]
        indexes = [models.Index(fields=["model", "unit", "period"])]

    def __str__(self) -> str:
        return f"{self.model} · {self.unit} · {self.period}"


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(
        pgettext_lazy("maturity", "level"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "dimension"], name="one_answer_per_dimension"),
            models.CheckConstraint(condition=models.Q(level__gte=1, level__lte=5), name="answer_level_1_to_5"),
        ]


def slug_list(value: str) -> list[str]:
    """Card slugs stored comma-separated: "retrospective, weekly-follow-up" → two slugs."""
    return [slug.strip() for slug in value.split(",") if slug.strip()]


class Quiz(models.Model):
    """A question bank that the organisation edits; staff take it as attempts."""

    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    title_fi = models.CharField(_("title in Finnish"), max_length=200)
    title_sv = models.CharField(_("title in Swedish"), max_length=200)
    title_en = models.CharField(_("title in English"), max_length=200)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    pass_percent = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=80, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    card_slugs = models.CharField(
        _("method cards"), max_length=300, blank=True, help_text=_("Short names of playbook cards, comma-separated.")
    )
    active = models.BooleanField(_("open for answers"), default=True)

    title = translated("title")
    description = translated("description")

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        ordering = ["title_fi"]

    def __str__(self) -> str:
        return self.title


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("One right answer")
        MULTIPLE = "multiple", _("Several right answers")

    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.SINGLE)
    text_fi = models.TextField(_("text in Finnish"))
    text_sv = models.TextField(_("text in Swedish"))
    text_en = models.TextField(_("text in English"))
    explanation_fi = models.TextField(_("explanation in Finnish"))
    explanation_sv = models.TextField(_("explanation in Swedish"))
    explanation_en = models.TextField(_("explanation in English"))
    card_slugs = models.CharField(
        _("method cards"), max_length=300, blank=True, help_text=_("Short names of playbook cards, comma-separated.")
    )

    text = translated("text")
    explanation = translated("explanation")

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["quiz", "position", "id"]

    def __str__(self) -> str:
        return self.text

    def right_ids(self) -> set[int]:
        return {choice.pk for choice in self.choices.all() if choice.correct}


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text_fi = models.CharField(_("text in Finnish"), max_length=300)
    text_sv = models.CharField(_("text in Swedish"), max_length=300)
    text_en = models.CharField(_("text in English"), max_length=300)
    correct = models.BooleanField(_("right answer"), default=False)

    text = translated("text")

    class Meta:
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")
        ordering = ["question", "position", "id"]

    def __str__(self) -> str:
        return self.text


class Attempt(models.Model):
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("right answers"), default=0)
    passed = models.BooleanField(_("passed"), default=False)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["-started_at"]


class AttemptAnswer(models.Model):
    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    choices = models.ManyToManyField(Choice, related_name="+")
    right = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="one_answer_per_question")]


class Badge(models.Model):
    """A badge a person earned by an event of real work (kuulo.games.badges holds the rules)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badges")
    code = models.CharField(_("badge"), max_length=60)
    key = models.CharField(max_length=100, blank=True)  # e.g. the quiz of a "quiz passed" badge
    unit = models.ForeignKey(
        "organisation.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    points = models.PositiveSmallIntegerField(_("points"), default=0)
    source = models.CharField(max_length=100, blank=True)  # what earned it, e.g. "item:12"
    awarded_at = models.DateTimeField(_("earned"), auto_now_add=True)

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["-awarded_at"]
        constraints = [models.UniqueConstraint(fields=["user", "code", "key"], name="one_badge_per_person_and_kind")]


class Preference(models.Model):
    """A person's choices about the games; everything is off until they turn it on."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="games_preference")
    team_leaderboard = models.BooleanField(_("count my points for my unit's team score"), default=False)
    individual_ranking = models.BooleanField(_("show me in the ranking of people"), default=False)
    weekly_digest = models.BooleanField(_("send me the weekly digest of successes by e-mail"), default=False)
    digest_sent_week = models.CharField(max_length=8, blank=True, editable=False)  # "2026-W50"

    class Meta:
        verbose_name = _("games preference")
        verbose_name_plural = _("games preferences")


class Reaction(models.Model):
    """A person's reaction to an entry of the celebrations feed; one of each kind per person and entry."""

    class Kind(models.TextChoices):
        APPLAUSE = "applause", _("Applause")
        HEART = "heart", _("Love it")
        PARTY = "party", _("Let's celebrate")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    entry_kind = models.CharField(max_length=10)  # kuulo.games.feed.KINDS
    entry_id = models.BigIntegerField()
    kind = models.CharField(_("reaction"), max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "entry_kind", "entry_id", "kind"], name="one_reaction_per_person_entry_and_kind"
            )
        ]
        indexes = [models.Index(fields=["entry_kind", "entry_id"])]
