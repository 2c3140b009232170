"""Who may do what with self-assessment rounds, on top of kuulo.organisation.access.

- An organisation admin manages frameworks and rounds and may do everything below.
- An assessor of a round scores it alone, then works on the consensus with the others.
- The staff of the round's unit (members of any of its services) read the agreed results.
- To anyone else a round does not exist (404), and neither does a page above their part
  of it, so the scores of the assessors stay among them.
"""

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from kuulo.plans.access import visible_unit_ids
from kuulo.selfassessment.models import Round

RESULTS, ASSESS, MANAGE = "results", "assess", "manage"


def _pk(pk) -> int:
    if not str(pk).isdigit():
        raise Http404("No such round.")
    return int(pk)


def staff_unit_ids(user) -> set[int]:
    """The units whose staff the user is: of their services and every unit above (as for plans)."""
    return visible_unit_ids(user)


def visible_rounds(user) -> QuerySet[Round]:
    rounds = Round.objects.select_related("framework", "unit")
    if user.is_org_admin:
        return rounds
    return rounds.filter(Q(assessors=user) | Q(unit_id__in=staff_unit_ids(user))).distinct()


def get_round_for_user(request: HttpRequest, pk, need: str = RESULTS) -> Round:
    """The round `pk` if the user may read its results (RESULTS), score it and work on its
    consensus (ASSESS) or manage it (MANAGE); 404 otherwise. The round carries `is_assessor`,
    `can_assess` and `can_manage` for templates."""
    user = request.user
    if not user.is_authenticated:
        raise Http404("No such round.")
    round_ = get_object_or_404(Round.objects.select_related("framework", "unit"), pk=_pk(pk))
    round_.is_assessor = round_.assessors.filter(pk=user.pk).exists()
    round_.can_manage = user.is_org_admin
    round_.can_assess = round_.is_assessor or round_.can_manage
    is_staff = round_.unit_id in staff_unit_ids(user)
    allowed = {
        RESULTS: round_.can_assess or is_staff,
        ASSESS: round_.can_assess,
        MANAGE: round_.can_manage,
    }[need]
    if not allowed:
        raise Http404("No such round.")
    return round_
