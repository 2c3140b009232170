"""100,000 comments analysed on SQLite: language, lemmas, sentiment, score,
rule themes, clustering and writing back, measured as one run.

The comments are written by the demo's comment generator
(kuulo.demo.comments: openers, topic sentences and closings in fi/sv/en,
moods following the answer, typos), so they repeat the way real short
feedback does; a few in other languages are mixed in. Wall-clock and CPU
seconds are both printed: on a shared machine the CPU time is the fairer one.
Then the background refinement (e5 embeddings and the classifiers) runs
over BENCH_REFINE random comments (default 2,000; embedding every text takes
too long for a benchmark run), and its rate gives the time the whole
background analysis would take: each distinct text is embedded once. Memory is the process' peak resident
size after each step. Run it with OMP_NUM_THREADS=2 for the two-core figure.
Environment: BENCH_COMMENTS (default 100000), BENCH_REFINE (default 2000).
"""

import os
import random
import time
import uuid
from datetime import timedelta

from bench.fixtures import survey_code
from bench.harness import fresh_database, report, run_python

COMMENTS = int(os.environ.get("BENCH_COMMENTS", "100000"))
REFINE = int(os.environ.get("BENCH_REFINE", "2000"))
FOREIGN = [
    "Ich habe sehr lange am Telefon gewartet.",
    "Очень долго ждал ответа.",
    "Muy buen servicio, gracias.",
    "Ootasin telefonijärjekorras üle tunni.",
    "Le formulaire est trop compliqué.",
]
RULES = {
    "Jonotus / Köer / Queues": ["jono", "jonottaa", "kö", "köa", "queue"],
    "Verkkoasiointi / E-tjänster / Online": ["verkkopalvelu", "e-tjänst", "online", "sivusto", "webbplats", "website"],
    "Liitteet / Bilagor / Attachments": ["liite", "bilaga", "attachment"],
}


def store_comments(count: int, key: str) -> int:
    """Responses with a CSAT answer and a comment each; returns the distinct texts."""
    from django.utils import timezone

    from kuulo.demo.comments import SERVICE_TOPICS, write_comment
    from kuulo.feedback.actions import RESPONSE_COLUMNS
    from kuulo.feedback.inserts import adapt_datetime, insert_rows
    from kuulo.feedback.models import Answer, Comment, Response
    from kuulo.surveys.models import CollectionPoint

    rng = random.Random(7)
    point = CollectionPoint.objects.get(key=key)
    version = point.survey.versions.get()
    csat = version.questions.get(metric__code="csat")
    open_question = version.questions.get(kind="open")
    now, slugs = timezone.now(), list(SERVICE_TOPICS)
    responses, values, texts = [], [], []
    for _ in range(count):
        language = rng.choices(["fi", "sv", "en"], [0.75, 0.17, 0.08])[0]
        value = rng.choices([1, 2, 3, 4, 5], [0.12, 0.13, 0.2, 0.3, 0.25])[0]
        slug = rng.choice(slugs)
        days_ago = rng.randrange(365)
        if rng.random() < 0.003:
            text = rng.choice(FOREIGN)
        else:
            text = write_comment(rng, slug, rng.choice(list(SERVICE_TOPICS[slug])), value, language, days_ago)
        when = adapt_datetime(now - timedelta(days=days_ago))
        row = {
            "survey_version_id": version.pk,
            "service_id": point.survey.service_id,
            "collection_point_id": point.pk,
            "idempotency_key": uuid.uuid4().hex,
            "received_at": when,
            "responded_at": when,
            "channel": "web",
            "language": language,
            "status": "accepted",
        }
        responses.append(tuple(row.get(column, "") for column in RESPONSE_COLUMNS))
        values.append(value)
        texts.append((text, language))
    ids = insert_rows(Response, RESPONSE_COLUMNS, responses, returning_id=True)
    answers = [(pk, csat.metric_id, 0, value) for pk, value in zip(ids, values, strict=True)]
    insert_rows(Answer, ["response_id", "metric_id", "item", "value"], answers)
    service, when = RESPONSE_COLUMNS.index("service_id"), RESPONSE_COLUMNS.index("responded_at")
    comments = [
        (pk, response[service], response[when], open_question.pk, text, language)
        for pk, response, (text, language) in zip(ids, responses, texts, strict=True)
    ]
    columns = ["response_id", "service_id", "responded_at", "question_id", "text", "language"]
    insert_rows(Comment, columns, comments)
    return len(set(texts))


def run(count: int, key: str) -> None:
    """Inside Django: store the comments, then time the analysis."""
    from kuulo.comments import actions
    from kuulo.comments.analysis import analyse_texts, store
    from kuulo.feedback.models import Comment

    distinct = store_comments(count, key)
    for name, terms in RULES.items():
        actions.create_rule_theme(name, terms)
    print(f"comments: {count} count")
    print(f"comments_distinct_texts: {distinct} count")

    clock, cpu = time.perf_counter(), time.process_time()
    analyse_texts(
        ["Kiitos hyvästä palvelusta", "Tack för bra service", "Thanks for the good service"], ["fi", "sv", "en"]
    )
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    analysed = store.analyse_comments()
    done, done_cpu = time.perf_counter(), time.process_time()
    themes = store.recluster()
    clustered, clustered_cpu = time.perf_counter(), time.process_time()
    latest = Comment.objects.order_by("-pk").values("pk")[:5000]
    store.analyse_comments(Comment.objects.filter(pk__in=latest))
    reassigned = time.perf_counter()
    assert analysed == count and not Comment.objects.filter(analysed_at__isnull=True).exists()
    print(f"comment_analysis_load_models_and_rules: {loaded - clock:.2f} s")
    print(f"comment_analysis_analyse: {done - loaded:.2f} s")
    print(f"comment_analysis_analyse_cpu: {done_cpu - loaded_cpu:.2f} s")
    print(f"comment_analysis_analyse_rate: {count / (done - loaded):.0f} comments/s")
    print(f"comment_analysis_recluster: {clustered - done:.2f} s")
    print(f"comment_analysis_recluster_cpu: {clustered_cpu - done_cpu:.2f} s")
    print(f"comment_analysis_themes: {len(themes)} count")
    print(f"comment_analysis_total: {clustered - clock:.2f} s")
    print(f"comment_analysis_total_cpu: {clustered_cpu - cpu:.2f} s")
    print(f"comment_analysis_total_rate: {count / (clustered - clock):.0f} comments/s")
    print(f"comment_analysis_5000_more_with_existing_themes: {reassigned - clustered:.2f} s")
    print(f"comment_analysis_peak_memory_fast: {peak_mb():.0f} MB")
    refine(count, distinct, clustered - clock)


def peak_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def refine(count: int, distinct: int, fast_seconds: float) -> None:
    """Times the background refinement over a sample and extrapolates to every comment: a
    text embedded once is reused for every comment with the same text, so the whole run
    embeds each distinct text once."""
    from kuulo.comments.analysis.embeddings import model
    from kuulo.comments.analysis.stored_refinement import refine_comments
    from kuulo.feedback.models import Comment

    clock = time.perf_counter()
    model()
    loaded, loaded_cpu = time.perf_counter(), time.process_time()
    sample = Comment.objects.filter(pk__in=Comment.objects.order_by("?").values("pk")[:REFINE])
    refined = refine_comments(sample)
    done, done_cpu = time.perf_counter(), time.process_time()
    rate = refined / (done - loaded)
    print(f"comment_refinement_load_model: {loaded - clock:.2f} s")
    print(f"comment_refinement_sample: {refined} count")
    print(f"comment_refinement_rate: {rate:.1f} comments/s")
    print(f"comment_refinement_cpu_per_comment: {1000 * (done_cpu - loaded_cpu) / refined:.1f} ms")
    print(f"comment_refinement_all_estimate: {distinct / rate / 60:.1f} min")
    print(f"comment_analysis_end_to_end_estimate: {(fast_seconds + distinct / rate) / 60:.1f} min")
    print(f"comment_analysis_peak_memory_with_refinement: {peak_mb():.0f} MB")


def main() -> None:
    database_url = fresh_database("sqlite")
    key, _ = run_python(database_url, survey_code("api")).split()
    output = run_python(database_url, f"from bench.comment_analysis import run; run({COMMENTS}, {key!r})")
    for line in output.splitlines():
        name, _, rest = line.partition(": ")
        if rest:
            value, unit = rest.split()
            report(name, float(value), unit)


if __name__ == "__main__":
    main()
