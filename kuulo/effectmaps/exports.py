"""An effect map as a CSV file: a row per deliverable (or per impact or actor without any), with
the goal, the actor, the impact, its need and journey step, and the deliverable's backlog items."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from kuulo.effectmaps import queries
from kuulo.effectmaps.access import get_map_for_user
from kuulo.lib.exports import csv_response


@login_required
def map_csv(request: HttpRequest, pk: int, map_pk: int) -> HttpResponse:
    effect_map = get_map_for_user(request, pk, map_pk)
    actors = queries.load(effect_map)
    header = [
        _("Goal"),
        _("Actor"),
        _("May obstruct the goal"),
        _("Impact"),
        _("Their own need"),
        _("Step of a customer journey"),
        _("Metric"),
        _("Deliverable"),
        _("Contribution"),
        _("Backlog items"),
    ]
    rows = []
    for actor in actors:
        obstructs = _("Yes") if actor.obstructs else _("No")
        for impact in actor.impact_list or [None]:
            impact_cells = ["", "", "", ""]
            if impact is not None:
                step = f"{impact.step.phase.journey.title}: {impact.step.name}" if impact.step else ""
                impact_cells = [impact.text, impact.need, step, str(impact.metric or "")]
            deliverables = impact.deliverable_list if impact is not None else []
            for deliverable in deliverables or [None]:
                cells = ["", "", ""]
                if deliverable is not None:
                    items = "; ".join(f"{item.title} ({item.get_status_display()})" for item in deliverable.items)
                    cells = [deliverable.title, deliverable.contribution, items]
                rows.append([effect_map.goal, actor.name, obstructs, *impact_cells, *cells])
    return csv_response(f"effect-map-{effect_map.pk}.csv", [str(title) for title in header], rows)
