"""URL arguments for the games' pages and actions, for the shared personas' service."""

from kuulo.games.models import MaturityModel, Suggestion

SHIPPED = "kuulo-customer-centricity"


def model_args(service) -> list:
    return [SHIPPED]


def unit_args(service) -> list:
    return [SHIPPED, service.unit_id]


def suggestion_args(service) -> list:
    suggestion = Suggestion.objects.filter(dimension__model__slug=SHIPPED, kind=Suggestion.Kind.ACT).first()
    return [SHIPPED, service.unit_id, suggestion.pk]


def shipped_model() -> MaturityModel:
    return MaturityModel.objects.get(slug=SHIPPED)


# A quiz attempt is its taker's alone: to everyone else it does not exist.
OWN_ATTEMPT = {"admin": 200, "product_owner": 404, "team_member": 404, "viewer": 404, "outsider": 404}


def quiz_args(service) -> list:
    return ["metric-library"]


def admins_attempt(service) -> list:
    """An attempt of the organisation admin (the persona the accessibility scan logs in as)."""
    from kuulo.accounts.models import User
    from kuulo.games.models import Quiz
    from kuulo.games.quiz_actions import start_attempt

    return [start_attempt(Quiz.objects.get(slug="metric-library"), User.objects.get(username="admin")).pk]


def team_members_question(service) -> list:
    """The first question of an attempt by the persona service's team member."""
    from kuulo.games.models import Quiz
    from kuulo.games.quiz_actions import start_attempt
    from kuulo.organisation.models import Membership, Role

    team_member = Membership.objects.get(service=service, role=Role.TEAM_MEMBER).user
    quiz = Quiz.objects.get(slug="metric-library")
    return [start_attempt(quiz, team_member).pk, quiz.questions.first().pk]
