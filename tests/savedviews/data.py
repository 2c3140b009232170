"""Args builders of tests/pages.py and tests/actions.py for the saved views."""

from kuulo.organisation.models import Membership, Role
from kuulo.savedviews.models import SavedView


def team_members_view(service) -> list:
    """A shared view the persona service's team member saved: only they may delete it."""
    team_member = Membership.objects.get(service=service, role=Role.TEAM_MEMBER).user
    view = SavedView.objects.create(
        service=service, owner=team_member, page="comments", name="Kielteiset", query="sentiment=negative", shared=True
    )
    return [service.pk, view.pk]
