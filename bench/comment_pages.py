"""Comment page latency at millions of responses.

    python -m bench.comment_pages                      # 1 M responses, PostgreSQL and SQLite
    python -m bench.comment_pages --responses 10M postgres
    python -m bench.comment_pages --database-url postgres://postgres@127.0.0.1:5432/kuulo_10m postgres

Uses the data bench.generate makes (the same databases bench.dashboards
uses; made unless --database-url names one made before): about 20 % of the
responses carry a comment, analysed as the background analysis would and
linked to the demo's rule themes. Serves Kuulo with gunicorn and times, one
request after another with an organisation admin's session, the full HTML
of the busiest service's comments page (twelve months, the default: no
filters; a word search for a word common in its comments, for one common
in other services' comments only, and for one no comment has; a theme and a
sentiment filter), the dashboard's comments panel of that
service (twelve months) and the walls of praise of the service and of every
service. Prints p50 and p95 in ms and the row counts behind them.

The client runs on the same machine as the server and the database, and
other work may share the CPU (the 1-minute load average is printed with the
figures); the figures are a ceiling for a quiet server.
"""

import argparse
import json
import os
from pathlib import Path
from urllib.parse import urlencode

from bench.dashboards import WORKERS, database_url, generate, percentiles, time_pages
from bench.harness import free_port, report, run_python, server

SERVICE = "housing-allowance-online"  # the busiest service of bench.generate
THEME = "Jonotus"  # the queueing rule theme's Finnish name (kuulo.comments.demo.RULE_THEMES)
COMMON_WORD = "liite"  # in about a fifth of the service's comments ("liitteet", "liitteiden" by lemma)
ELSEWHERE_WORD = "jono"  # common in the advice line's comments, in none of this service's
ABSENT_WORD = "kirahvi"  # in no comment

FACTS = f"""
from datetime import timedelta
from django.contrib.auth import get_user_model
from django.conf import settings
from django.test import Client
from django.utils import timezone
from kuulo.comments.models import CommentTheme, Theme
from kuulo.feedback.models import Comment, Response
from kuulo.organisation.models import Service
client = Client()
client.force_login(get_user_model().objects.get(username="bench-admin"))
service = Service.objects.get(slug="{SERVICE}")
theme = Theme.objects.get(name_fi="{THEME}", kind="rule", service__isnull=True)
since = timezone.now() - timedelta(days=365)
in_year = Comment.objects.filter(response__service=service, response__responded_at__gte=since)
print(settings.SESSION_COOKIE_NAME, client.cookies[settings.SESSION_COOKIE_NAME].value, service.pk, theme.pk,
    Response.objects.count(), Comment.objects.count(), CommentTheme.objects.count(), in_year.count())
"""


def paths(service_id: str, theme_id: str) -> dict[str, str]:
    comments = f"/services/{service_id}/comments/"
    return {
        "comments": comments,
        "comments_search_common": comments + "?" + urlencode({"q": COMMON_WORD}),
        "comments_search_elsewhere": comments + "?" + urlencode({"q": ELSEWHERE_WORD}),
        "comments_search_absent": comments + "?" + urlencode({"q": ABSENT_WORD}),
        "comments_theme_sentiment": comments + "?" + urlencode({"theme": theme_id, "sentiment": "negative"}),
        "dashboard_panel": f"/services/{service_id}/comments/panel/?period=365",
        "praise_service": f"/services/{service_id}/praise/",
        "praise_organisation": "/praise/",
    }


def bench(kind: str, responses: int, url: str | None, label: str) -> dict:
    if url is None:
        url = database_url(kind, responses)
        generate(url, responses)
    cookie_name, cookie, service_id, theme_id, *counts = run_python(url, FACTS).split()
    prefix = f"comment_pages_{kind}_{label}"
    for name, value in zip(("responses", "comments", "theme_links", "service_comments_12_months"), counts, strict=True):
        report(f"{prefix}_{name}", int(value), "rows")
    pages = paths(service_id, theme_id)
    load_before = os.getloadavg()[0]
    with server(url, port=free_port(), workers=WORKERS) as (base, _process):
        samples = time_pages(base, f"{cookie_name}={cookie}", pages)
    report(f"{prefix}_load_average_before", load_before, "runnable")
    report(f"{prefix}_load_average_after", os.getloadavg()[0], "runnable")
    results = {}
    for name in pages:
        p50, p95 = percentiles(samples[name])
        report(f"{prefix}_{name}_p50", p50, "ms")
        report(f"{prefix}_{name}_p95", p95, "ms")
        results[name] = {"p50": p50, "p95": p95}
    results["load_average"] = os.getloadavg()[0]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kinds", nargs="*", help="postgres and/or sqlite (default both)")
    parser.add_argument("--responses", default="1M", help="1M (default) or 10M; ignored with --database-url")
    parser.add_argument("--database-url", help="a database bench.generate made before (one kind only)")
    parser.add_argument("--label", help="size label in the figure names (default from --responses)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    kinds = args.kinds or ["postgres", "sqlite"]
    if set(kinds) - {"postgres", "sqlite"}:
        parser.error("kinds are postgres and sqlite")
    if args.database_url and len(kinds) != 1:
        parser.error("--database-url needs one kind")
    from bench.generate import count_argument

    responses = count_argument(args.responses)
    label = args.label or args.responses.lower()
    figures = {kind: bench(kind, responses, args.database_url, label) for kind in kinds}
    if args.json:
        Path(args.json).write_text(json.dumps({label: figures}, indent=2))


if __name__ == "__main__":
    main()
