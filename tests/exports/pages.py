"""URL arguments for the export pages in tests/pages.py."""

from datetime import timedelta

from django.utils import timezone

from kuulo.organisation.models import Membership, Role

# The viewer's own export: the viewer and organisation admins open it, nobody else learns it exists.
OWNER_AND_ADMINS = {"admin": 200, "product_owner": 404, "team_member": 404, "viewer": 200, "outsider": 404}


def viewers_export(service) -> list:
    from kuulo.exports.actions import start_export

    viewer = Membership.objects.get(service=service, role=Role.VIEWER).user
    today = timezone.localdate()
    filters = {"service": service.pk, "start": (today - timedelta(days=30)).isoformat(), "end": today.isoformat()}
    return [start_export(viewer, "daily", "csv", filters).pk]
