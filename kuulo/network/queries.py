"""The idea list: filtered, sorted and annotated in one query per page (plus one for the page's
services), so 10,000 ideas page as fast as 10 (bench/ideas.py)."""

from django.db.models import Case, Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Value, When

from kuulo.network.models import Idea, Vote
from kuulo.organisation.models import Service

STATUS_ORDER = Case(
    *[When(status=code, then=Value(position)) for position, code in enumerate(Idea.Status.values)],
    output_field=IntegerField(),
)

ORDERINGS = {
    "votes": ["-vote_count", "-created_at", "-pk"],
    "newest": ["-created_at", "-pk"],
    "status": ["status_position", "-vote_count", "-pk"],
}


def ideas_for_list(user, *, q: str = "", status: str = "", service=None, life_event=None, sort: str = "votes"):
    ideas: QuerySet[Idea] = Idea.objects.all()
    if q:
        ideas = ideas.filter(Q(title__icontains=q) | Q(description__icontains=q))
    if status:
        ideas = ideas.filter(status=status)
    if service is not None:
        ideas = ideas.filter(services=service)
    if life_event is not None:
        ideas = ideas.filter(life_events=life_event)
    ideas = ideas.annotate(
        vote_count=Count("votes", distinct=True),
        voted=Exists(Vote.objects.filter(idea=OuterRef("pk"), voter=user)),
    )
    if sort == "status":
        ideas = ideas.annotate(status_position=STATUS_ORDER)
    return ideas.order_by(*ORDERINGS.get(sort, ORDERINGS["votes"])).prefetch_related(
        Prefetch("services", queryset=Service.objects.only("pk", "name_fi", "name_sv", "name_en"))
    )


def vote_count(idea: Idea) -> int:
    return Vote.objects.filter(idea=idea).count()
