"""Query plans of the one link table: the panels, the evidence lists, the list counts and the API.

    KUULO_DATA_DIR=/tmp/copy python -m bench.traceability_plans --links 200000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/kuulo_copy python -m bench.traceability_plans

Run it on a COPY of a database with the demo loaded (it adds links): it tops the link table up
to --links rows of random comments, insights and items of the demo (comment → item, comment →
insight, insight → item), refreshes the planner's statistics and prints EXPLAIN for each query
that traceability runs, on whichever database the settings point at. docs/architecture.md
("Traceability") quotes the result.
"""

import argparse
import os
import random

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kuulo.settings")
django.setup()

from django.db import connection  # noqa: E402

from kuulo.backlog.models import BacklogItem  # noqa: E402
from kuulo.feedback.models import Comment  # noqa: E402
from kuulo.insights.models import Insight  # noqa: E402
from kuulo.traceability import queries  # noqa: E402
from kuulo.traceability.models import Link  # noqa: E402


def top_up(total: int) -> None:
    comments = list(Comment.objects.values_list("pk", "service_id"))
    insights = list(Insight.objects.values_list("pk", "service_id"))
    items = list(BacklogItem.objects.values_list("pk", "service_id"))
    shapes = [("comment", comments, "item", items), ("comment", comments, "insight", insights)]
    shapes.append(("insight", insights, "item", items))
    rng = random.Random(10)
    before = -1
    while (missing := total - (count := Link.objects.count())) > 0 and count > before:  # stops when full
        before = count
        batch = []
        for _ in range(min(missing, 20000)):
            source_kind, sources, target_kind, targets = rng.choices(shapes, weights=[6, 3, 1])[0]
            (source, source_service), (target, target_service) = rng.choice(sources), rng.choice(targets)
            batch.append(
                Link(
                    source_kind=source_kind,
                    source_id=source,
                    source_service_id=source_service,
                    target_kind=target_kind,
                    target_id=target,
                    target_service_id=target_service,
                )
            )
        Link.objects.bulk_create(batch, ignore_conflicts=True)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def explain(title: str, sql: str, params: list) -> None:
    prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(prefix + sql, params)
        rows = cursor.fetchall()
    print(f"\n## {title}")
    for row in rows:
        print("   ", row[-1])


def explain_queryset(title: str, queryset) -> None:
    sql, params = queryset.query.sql_with_params()
    explain(title, sql, list(params))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=200_000, help="rows in the link table (default 200,000)")
    args = parser.parse_args()
    top_up(args.links)
    print(f"# {connection.vendor}: {Link.objects.count()} links")
    linked = list(Link.objects.filter(source_kind="comment", target_kind="item").values_list("source_id", flat=True))
    page = sorted(set(linked))[:50]  # a comments page: 50 comments
    item = Link.objects.filter(target_kind="item").values_list("target_id", flat=True).first()
    items = list(BacklogItem.objects.values_list("pk", flat=True)[:100])
    service = BacklogItem.objects.get(pk=item).service_id

    for target in ("item", "insight"):
        _model, sql, params = queries.joined("source", "comment", page, target)
        explain(f"Panels of a comments page: the {target}s of 50 comments", sql, params)
    _model, sql, params = queries.joined("target", "item", [item], "comment")
    explain("Item page: its comments, newest first", sql, params)
    counted = BacklogItem.objects.filter(service_id=service).annotate(
        comment_count=queries.source_count("item", "comment"), insight_count=queries.source_count("item", "insight")
    )
    explain_queryset("Backlog list: evidence counts per item", counted)
    ids = Link.objects.filter(target_kind="item", target_id__in=items, source_kind="comment")
    explain_queryset(
        "API /backlog-items: comment ids of 100 items",
        ids.order_by("target_id", "source_id").values_list("target_id", "source_id"),
    )
    explain_queryset(
        "API /links: outgoing of one comment",
        Link.objects.filter(source_kind="comment", source_id=page[0]).order_by("target_kind", "target_id"),
    )
    explain_queryset(
        "API /links: incoming of one item",
        Link.objects.filter(target_kind="item", target_id=item).order_by("source_kind", "source_id"),
    )
    explain_queryset("Deleting an item: its links as a target", Link.objects.filter(target_kind="item", target_id=item))


if __name__ == "__main__":
    main()
