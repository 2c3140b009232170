"""Demo content for the games: two units answer the maturity self-assessment over two quarters,
the team takes quizzes (earning a badge from the real event), and people opt in to the leaderboard.

Safe to run again: answers, attempts and preferences are updated, not duplicated.
"""

import datetime
import random

from django.utils import timezone

from kuulo.accounts.models import User
from kuulo.games.actions import record_assessment
from kuulo.games.models import Assessment, Attempt, MaturityModel, Preference, Quiz
from kuulo.games.quiz_actions import answer_question, start_attempt
from kuulo.games.results import period_of
from kuulo.organisation.models import Membership, Role, Service

# Colleagues who answer beside the demo's own logins; they cannot log in.
COLLEAGUES = {
    "Housing Support": [
        ("Aino", "Lehtonen"),
        ("Mikael", "Sjöberg"),
        ("Leena", "Mäkinen"),
        ("Pekka", "Heikkinen"),
        ("Sara", "Lindqvist"),
        ("Ville", "Nieminen"),
    ],
    "Customer Service": [
        ("Hanna", "Virtanen"),
        ("Jonas", "Björk"),
        ("Outi", "Koskinen"),
        ("Timo", "Laine"),
        ("Elina", "Järvinen"),
        ("Anders", "Holm"),
    ],
}
# The unit's usual answer per dimension code in the earlier and the later quarter; people vary around it.
PROFILE = {
    "Housing Support": (
        {"insight": 3, "metrics": 2, "co_development": 2, "leadership": 3, "ways_of_working": 3},
        {"insight": 3, "metrics": 3, "co_development": 3, "leadership": 3, "ways_of_working": 4},
    ),
    "Customer Service": (
        {"insight": 2, "metrics": 3, "co_development": 1, "leadership": 2, "ways_of_working": 2},
        {"insight": 3, "metrics": 3, "co_development": 2, "leadership": 2, "ways_of_working": 3},
    ),
}


def _colleague(first: str, last: str, service: Service) -> User:
    username = f"{first}.{last}".lower().replace("ö", "o").replace("ä", "a").replace("å", "a")
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@demo.kuulo.invalid"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, service=service, defaults={"role": Role.VIEWER})
    return user


def _answer(model: MaturityModel, user: User, unit, usual: dict, when: datetime.datetime, rng: random.Random):
    levels = {d: min(5, max(1, usual[d.code] + rng.choice((-1, 0, 0, 0, 1)))) for d in model.dimensions.all()}
    assessment = record_assessment(model, user, unit, levels)
    period = period_of(when)
    Assessment.objects.filter(model=model, user=user, unit=unit, period=period).exclude(pk=assessment.pk).delete()
    assessment.period, assessment.submitted_at = period, when
    assessment.save(update_fields=["period", "submitted_at"])


def load_demo_games() -> None:
    model = MaturityModel.objects.filter(slug="kuulo-customer-centricity").first()
    if model is None:
        return
    rng = random.Random(16)
    now = timezone.now()
    earlier = now - datetime.timedelta(days=92)
    for unit_name, people in COLLEAGUES.items():
        service = Service.objects.filter(unit__name_en=unit_name).order_by("pk").first()
        if service is None:
            continue
        users = [_colleague(first, last, service) for first, last in people]
        users += list(User.objects.filter(username__in=["owner", "team"], memberships__service=service))
        before, after = PROFILE[unit_name]
        for user in users:
            _answer(model, user, service.unit, before, earlier, rng)
            _answer(model, user, service.unit, after, now, rng)
    _quizzes()


def _quizzes() -> None:
    """The team member passes the loop quiz, the owner nearly passes the metric quiz."""
    plan = [("team", "the-loop", 0), ("owner", "metric-library", 2)]
    for username, slug, wrong in plan:
        user = User.objects.filter(username=username).first()
        quiz = Quiz.objects.filter(slug=slug).first()
        if user is None or quiz is None or Attempt.objects.filter(user=user, quiz=quiz).exists():
            continue
        attempt = start_attempt(quiz, user)
        for index, question in enumerate(quiz.questions.prefetch_related("choices")):
            right = index >= wrong
            chosen = (
                [c for c in question.choices.all() if c.correct == right][:1]
                if not right
                else [c for c in question.choices.all() if c.correct]
            )
            answer_question(attempt, question, chosen)
    for username in ("owner", "team"):
        user = User.objects.filter(username=username).first()
        if user:
            Preference.objects.update_or_create(user=user, defaults={"team_leaderboard": True})
