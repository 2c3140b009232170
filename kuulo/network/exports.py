"""The idea board and the swarms as CSV files, for members of staff (formula-looking cells are
defused by kuulo.lib.exports)."""

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from kuulo.lib.exports import csv_response
from kuulo.network.access import staff_required
from kuulo.network.models import Idea, Swarm


@require_GET
@staff_required
def ideas_csv(request: HttpRequest) -> HttpResponse:
    ideas = (
        Idea.objects.order_by("pk")
        .annotate(vote_count=Count("votes", distinct=True), follower_count=Count("follows", distinct=True))
        .prefetch_related("services")
    )
    header = [_("Number"), _("Title"), _("Status"), _("Votes"), _("Followers"), _("Services"), _("Posted")]
    rows = (
        [
            idea.pk,
            idea.title,
            idea.get_status_display(),
            idea.vote_count,
            idea.follower_count,
            ", ".join(str(service) for service in idea.services.all()),
            idea.created_at.date().isoformat(),
        ]
        for idea in ideas.iterator(chunk_size=500)
    )
    return csv_response("ideas.csv", header, rows)


@require_GET
@staff_required
def swarms_csv(request: HttpRequest) -> HttpResponse:
    swarms = (
        Swarm.objects.order_by("pk").annotate(member_count=Count("members", distinct=True)).prefetch_related("units")
    )
    header = [_("Number"), _("Title"), _("Status"), _("Units"), _("Members"), _("Starts"), _("Ends"), _("Outcome")]
    rows = (
        [
            swarm.pk,
            swarm.title,
            swarm.get_status_display(),
            ", ".join(str(unit) for unit in swarm.units.all()),
            swarm.member_count,
            swarm.starts_on.isoformat(),
            swarm.ends_on.isoformat(),
            swarm.outcome,
        ]
        for swarm in swarms.iterator(chunk_size=500)
    )
    return csv_response("swarms.csv", header, rows)
