"""Args builders for tests/pages.py and tests/actions.py: the shipped cards exist in every test
database (loaded on migrate), so pages use a shipped slug; templates and requests are made here."""

from kuulo.playbook.models import HelpRequest, Method, MethodTemplate, SparringPartner
from tests.factories import UserFactory

SLUG = "customer-journey-mapping"


def card(service) -> list:
    return [SLUG]


def version(service) -> list:
    return [SLUG, Method.objects.get(slug=SLUG).version]


def template(service) -> list:
    method = Method.objects.get(slug=SLUG)
    made = MethodTemplate.objects.create(
        method=method, name="Pohja", filename="pohja.txt", content_type="text/plain", data=b"abc", size=3
    )
    return [SLUG, made.pk]


def with_partner(service) -> list:
    """A colleague who volunteered for the card, so the help form is there to fill."""
    SparringPartner.objects.get_or_create(method=Method.objects.get(slug=SLUG), user=UserFactory())
    return [SLUG]


def team_members_help_request(service) -> list:
    """A request for help addressed to the persona team member (only they may answer it)."""
    from kuulo.organisation.models import Membership, Role

    partner = Membership.objects.get(service=service, role=Role.TEAM_MEMBER).user
    request = HelpRequest.objects.create(
        method=Method.objects.get(slug=SLUG), requester=UserFactory(), partner=partner, message="Apua?"
    )
    return [request.pk]
