"""Millions of realistic responses, quickly, for the dashboard benchmarks.

    python -m bench.generate --responses 1000000 --database-url postgres://postgres@127.0.0.1:5432/kuulo_1m
    python -m bench.generate --responses 10M --database-url sqlite:////tmp/kuulo-10m.sqlite3

Starts from a fresh, migrated database (an existing one of that name is
dropped) with 8 services, each with a published survey (csat plus two other
metrics, or UMUX-Lite's two items, and an open question) and four collection
points (widget, link, QR code, API) on its own channels, organisation and
service targets, and an organisation admin `bench-admin`.

The rows are made by the database itself: Python plans every service-day
(volume with weekly, seasonal and holiday rhythm and growth; a satisfaction
level with each service's story: a redesign that lifts, queues that sink, a
slow improvement, a steady service below target) into a small table, and
INSERT … SELECT statements expand it into responses, answers and comments.
Randomness is a hash of the response id, so a response's answers, comment
and segments agree with each other (an unhappy respondent answers low
everywhere and is the one who writes), and the two databases get the same
responses. About 20 % leave a comment, drawn from kuulo.demo.comments in
the respondent's language and mood and redacted like real ones, analysed
as the background analysis would (detected language, lemmas, sentiment, the
response's score, links to the demo's rule themes; no automatic themes);
0.4 % wait
in the review queue as suspects. Widget displays follow each service's
response rate.

For speed the secondary indexes are dropped during the load and built
afterwards, foreign key checks are off for the load (PostgreSQL: replica
role; SQLite: PRAGMA foreign_keys) and SQLite skips syncing. The rollups
are computed afterwards by GROUP BY over the loaded rows, to the same cells
the write path produces; `manage.py rebuild_rollups --check` confirms it.
"""

import argparse
import math
import os
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
DAYS = 730
STRIDE_MIN = 1000
P = 2147483647  # the Mersenne prime 2**31 - 1 of the hash

LANGUAGES = {"fi": 0.8, "sv": 0.12, "en": 0.08}
LANGUAGE_SHIFT = {"fi": 0.0, "sv": -0.05, "en": -0.25}
GROUPS = {"private-person": 0.82, "business": 0.1, "organisation": 0.08}
GROUP_SHIFT = {"private-person": 0.0, "business": -0.15, "organisation": 0.05}
MONTHS = {1: 1.1, 2: 1.05, 3: 1.05, 4: 1.0, 5: 0.95, 6: 0.8, 7: 0.5, 8: 0.85, 9: 1.05, 10: 1.05, 11: 1.0, 12: 0.75}
WEEKDAYS = [1.15, 1.0, 1.0, 1.0, 0.85, 0.3, 0.2]  # Monday … Sunday
HOLIDAYS = {(1, 1), (1, 6), (5, 1), (12, 6), (12, 24), (12, 25), (12, 26)}
SUSPECT_SHARE = 0.004
SKIP_SHARE = 0.04  # of the non-CSAT questions
LIFT = 0.3  # added to every level: most people are fairly satisfied
COMMENT_POOL = 60  # texts per service × language × mood

# Metric offsets on the latent scale and the cut of each scale size: value =
# scale minimum + floor((latent - low) / step), clamped into the scale.
OFFSETS = {"csat": 0.0, "nps": -0.15, "ces": -0.1, "trust": 0.1, "ease": 0.05, "effectiveness": 0.0, "umux_lite": 0.0}
CUTS = {5: (-1.6, 0.65), 7: (-2.1, 0.6), 11: (-2.8, 0.42)}


def redesign(days_ago: int) -> float:
    return 0.15 if days_ago > 92 else 0.85 if days_ago < 80 else 0.15 + 0.7 * (92 - days_ago) / 12


def queues(days_ago: int) -> float:
    return 0.8 if days_ago > 60 else 0.8 - 0.9 * (60 - days_ago) / 60


# slug, names (fi, sv, en), metrics after csat, daily volume weight, level(days_ago),
# seasonal, widget response rate, points: (kind, channel, share), touchpoints: name -> (weight, shift)
SERVICES = [
    (
        "housing-allowance-online",
        ("Asumistuen verkkohakemus", "Bostadsbidrag på nätet", "Housing allowance online"),
        ["ease", "nps"],
        3.0,
        redesign,
        True,
        0.04,
        [("widget", "web", 0.55), ("link", "web", 0.2), ("qr", "web", 0.03), ("api", "mobile_app", 0.22)],
        {"application-form": (0.6, 0.0), "attachments": (0.25, -0.3), "application-status": (0.15, 0.1)},
    ),
    (
        "advice-line",
        ("Puhelinneuvonta", "Telefonrådgivning", "Advice line"),
        ["ces", "trust"],
        2.0,
        queues,
        True,
        0.05,
        [("widget", "web", 0.06), ("link", "phone", 0.44), ("qr", "phone", 0.02), ("api", "phone", 0.48)],
        {"general": (0.7, 0.0), "callback": (0.3, 0.15)},
    ),
    (
        "service-point",
        ("Palvelupiste", "Servicepunkt", "Service point"),
        ["nps", "trust"],
        1.5,
        lambda days_ago: 1.0 + 0.05 * math.sin(days_ago / 58),
        True,
        0.05,
        [
            ("widget", "web", 0.05),
            ("link", "service_point", 0.2),
            ("qr", "service_point", 0.45),
            ("api", "service_point", 0.3),
        ],
        {"reception": (0.6, 0.0), "appointment": (0.4, 0.1)},
    ),
    (
        "building-permit",
        ("Rakennuslupa", "Bygglov", "Building permit"),
        ["effectiveness", "ease"],
        0.8,
        lambda days_ago: 0.35,
        True,
        0.03,
        [("widget", "web", 0.5), ("link", "email", 0.3), ("qr", "service_point", 0.05), ("api", "web", 0.15)],
        {"application": (0.5, 0.0), "advice": (0.3, 0.2), "decision": (0.2, -0.2)},
    ),
    (
        "renovation-grant",
        ("Korjausavustus", "Reparationsunderstöd", "Renovation grant"),
        ["umux_lite"],
        0.6,
        lambda days_ago: 0.6,
        True,
        0.04,
        [("widget", "web", 0.6), ("link", "email", 0.25), ("qr", "web", 0.05), ("api", "web", 0.1)],
        {"application-form": (0.7, 0.0), "attachments": (0.3, -0.3)},
    ),
    (
        "chat-advice",
        ("Chat-neuvonta", "Chattrådgivning", "Chat advice"),
        ["ces", "nps"],
        1.2,
        lambda days_ago: 1.15,
        False,
        0.06,
        [("widget", "chat", 0.7), ("link", "chat", 0.1), ("qr", "chat", 0.02), ("api", "chat", 0.18)],
        {"chat-agent": (0.8, 0.1), "chatbot": (0.2, -0.8)},
    ),
    (
        "decision-letters",
        ("Päätöskirjeet", "Beslutsbrev", "Decision letters"),
        ["ease", "trust"],
        1.0,
        lambda days_ago: 0.0 + 0.35 * (DAYS - days_ago) / DAYS,
        False,
        0.02,
        [("widget", "web", 0.15), ("link", "letter", 0.45), ("qr", "letter", 0.3), ("api", "letter", 0.1)],
        {"letter": (1.0, 0.0)},
    ),
    (
        "appointment-booking",
        ("Ajanvaraus", "Tidsbokning", "Appointment booking"),
        ["ease", "nps"],
        1.4,
        lambda days_ago: 0.9,
        True,
        0.05,
        [("widget", "web", 0.5), ("link", "email", 0.2), ("qr", "web", 0.02), ("api", "mobile_app", 0.28)],
        {"booking": (0.8, 0.0), "cancellation": (0.2, -0.2)},
    ),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--responses", type=count_argument, default=1_000_000, help="e.g. 1000000, 1M or 10M")
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--days", type=int, default=DAYS)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    sys.path.insert(0, str(ROOT))
    fresh(args.database_url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    Generator(args.responses, args.days, args.seed).run()


def count_argument(text: str) -> int:
    text = text.strip().upper().replace("_", "")
    factor = {"K": 1_000, "M": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("KM")) * factor)


def fresh(database_url: str) -> None:
    """Drops and creates the database named by the URL."""
    if database_url.startswith("sqlite"):
        path = Path(database_url.split(":///", 1)[1])
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        return
    import psycopg

    base, name = database_url.rsplit("/", 1)
    admin = base.replace("postgres://", "postgresql://", 1) + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


class Generator:
    def __init__(self, responses: int, days: int, seed: int):
        from django.db import connection

        self.connection = connection
        self.pg = connection.vendor == "postgresql"
        self.target = responses
        self.days = days
        self.rng = random.Random(seed)
        self.today = date.today()
        self.zone = ZoneInfo(os.environ.get("KUULO_TIME_ZONE", "Europe/Helsinki"))

    # --- the SQL dialects ---------------------------------------------------

    def uniform(self, x: str, salt: int) -> str:
        """A number in [0, 1) that depends only on the integer `x` and `salt`."""
        x = f"({x})::bigint" if self.pg else f"({x})"
        inner = f"(({x} + {salt * 7919 + 1}) * 1103515245 + 12345) %% {P}"  # %% as these statements bind
        squared = f"(({inner}) * ({inner})) %% {P}"
        return f"(({squared})::float8 / {P})" if self.pg else f"(({squared}) / {P}.0)"

    def normal(self, x: str, salt: int) -> str:
        """Roughly standard normal: four uniforms summed and scaled."""
        return "((" + " + ".join(self.uniform(x, salt + k) for k in range(4)) + f" - 2) * {math.sqrt(3):.6f})"

    def random(self) -> str:
        return "random()" if self.pg else "(((random() %% 1000000) + 1000000) %% 1000000 / 1000000.0)"

    def floor(self, expr: str) -> str:
        return f"floor({expr})::int" if self.pg else f"(CAST(({expr}) + 1000 AS INTEGER) - 1000)"

    def clamp(self, expr: str, low: str, high: str) -> str:
        return f"GREATEST({low}, LEAST({high}, {expr}))" if self.pg else f"max({low}, min({high}, {expr}))"

    def timestamp(self, epoch: str) -> str:
        return f"to_timestamp({epoch})" if self.pg else f"datetime({epoch}, 'unixepoch')"

    def execute(self, sql: str, params=None) -> int:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.rowcount

    def scalar(self, sql: str):
        with self.connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchone()[0]

    # --- the run --------------------------------------------------------------

    def run(self) -> None:
        started = time.monotonic()
        self.setup()
        self.plan()
        self.prepare_load()
        loaded = time.monotonic()
        counts = self.load()
        seconds = time.monotonic() - loaded
        rows = sum(counts.values())
        for name, value in counts.items():
            report(f"generated_{name}", value, "rows")
        report("generate_load_rows_per_s", rows / seconds, "rows/s")
        report("generate_load_responses_per_s", counts["responses"] / seconds, "responses/s")
        phase = time.monotonic()
        self.finish_load(self.TABLES)
        from kuulo.comments.analysis.store import refresh_counts

        refresh_counts()
        report("generate_indexes_s", time.monotonic() - phase, "s")
        phase = time.monotonic()
        self.rollups()
        self.finish_load(self.ROLLUP_TABLES)
        report("generate_rollups_s", time.monotonic() - phase, "s")
        self.cleanup()
        report("generate_total_s", time.monotonic() - started, "s")
        report("generate_total_responses_per_s", counts["responses"] / (time.monotonic() - started), "responses/s")

    def setup(self) -> None:
        """Organisation, services, surveys, collection points, targets and an admin."""
        from django.contrib.auth import get_user_model
        from django.utils import timezone

        from kuulo.metrics.models import Metric, Target
        from kuulo.organisation.models import Service, Unit
        from kuulo.surveys.models import CollectionPoint, Question, Survey, SurveyVersion

        user = get_user_model().objects.create_superuser("bench-admin", "bench@kuulo.test", "bench-admin-password")
        self.user_id = user.pk
        unit = Unit.objects.create(name_fi="Asumisen palvelut", name_sv="Boendetjänster", name_en="Housing services")
        published = timezone.now() - timedelta(days=self.days + 7)
        metrics = {metric.code: metric for metric in Metric.objects.filter(code__in=OFFSETS).order_by("version")}
        self.services = []
        for slug, names, others, weight, level, seasonal, rate, points, touchpoints in SERVICES:
            service = Service.objects.create(unit=unit, slug=slug, name_fi=names[0], name_sv=names[1], name_en=names[2])
            survey = Survey.objects.create(service=service, name="Jatkuva asiakaspalaute")
            version = SurveyVersion.objects.create(
                survey=survey,
                status="published",
                languages=list(LANGUAGES),
                published_at=published,
                title_fi=names[0],
                title_sv=names[1],
                title_en=names[2],
                thank_you_fi="Kiitos!",
                thank_you_sv="Tack!",
                thank_you_en="Thank you!",
            )
            questions = []
            for position, code in enumerate(["csat", *others]):
                Question.objects.create(version=version, position=position, kind="metric", metric=metrics[code])
                questions.append((position, metrics[code]))
            open_question = Question.objects.create(
                version=version,
                position=len(questions),
                kind="open",
                text_fi="Mitä voisimme parantaa?",
                text_sv="Vad kunde vi förbättra?",
                text_en="What could we improve?",
            )
            stored_points = []
            for kind, channel, share in points:
                point = CollectionPoint.objects.create(
                    survey=survey,
                    kind=kind,
                    name=f"{kind} ({channel})",
                    channel=channel,
                    allowed_origins=["https://bench.kuulo.test"],
                    max_per_minute=10**9,
                )
                stored_points.append((point.pk, channel, share, kind))
            self.services.append(
                {
                    "service": service,
                    "version": version,
                    "open_question": open_question,
                    "questions": questions,
                    "weight": weight,
                    "level": level,
                    "seasonal": seasonal,
                    "rate": rate,
                    "points": stored_points,
                    "touchpoints": touchpoints,
                }
            )
        start = self.today - timedelta(days=self.days)
        for code, level in {"csat": 80, "nps": 20, "ces": 75, "trust": 75, "ease": 75, "umux_lite": 70}.items():
            Target.objects.create(metric=metrics[code], level=level, valid_from=start)
        Target.objects.create(metric=metrics["csat"], level=85, valid_from=self.today - timedelta(days=91))
        building = self.services[3]["service"]
        Target.objects.create(metric=metrics["csat"], service=building, level=75, valid_from=start)

    def plan(self) -> None:
        """bench_plan: one row per service and day with its volume and level."""
        rows = []
        weights = []
        for position, spec in enumerate(self.services):
            for days_ago in range(self.days - 1, -1, -1):
                day = self.today - timedelta(days=days_ago)
                resting = (day.month, day.day) in HOLIDAYS
                volume = spec["weight"] * (0.2 if resting else WEEKDAYS[day.weekday()])
                if spec["seasonal"]:
                    volume *= MONTHS[day.month]
                volume *= 1 + 0.25 * (self.days - days_ago) / self.days  # growth as the survey spreads
                volume *= self.rng.uniform(0.85, 1.15)
                level = LIFT + spec["level"](days_ago) + self.rng.gauss(0, 0.05)
                rows.append([position, spec, day, days_ago, level])
                weights.append(volume)
        scale = self.target / sum(weights)
        counts = [int(weight * scale) for weight in weights]
        for index in self.rng.sample(range(len(counts)), self.target - sum(counts)):
            counts[index] += 1  # exactly the number asked for
        self.stride = max(STRIDE_MIN, 10 ** math.ceil(math.log10(max(counts) + 1)))
        self.execute("DROP TABLE IF EXISTS bench_plan")
        self.execute(
            "CREATE TABLE bench_plan (idx BIGINT PRIMARY KEY, position INTEGER, service_id INTEGER, "
            "version_id INTEGER, day DATE, t0 BIGINT, n INTEGER, level DOUBLE PRECISION, rate DOUBLE PRECISION)"
        )
        plan = []
        for idx, ((position, spec, day, _days_ago, level), n) in enumerate(zip(rows, counts, strict=True)):
            midnight = datetime(day.year, day.month, day.day, tzinfo=self.zone)
            plan.append(
                (
                    idx,
                    position,
                    spec["service"].pk,
                    spec["version"].pk,
                    day if self.pg else day.isoformat(),
                    int(midnight.timestamp()),
                    n,
                    level,
                    spec["rate"],
                )
            )
        with self.connection.cursor() as cursor:
            cursor.executemany("INSERT INTO bench_plan VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)", plan)
        self.plan_rows = plan
        self.execute("DROP TABLE IF EXISTS bench_numbers")
        self.execute("CREATE TABLE bench_numbers (k INTEGER PRIMARY KEY)")
        with self.connection.cursor() as cursor:
            cursor.executemany("INSERT INTO bench_numbers VALUES (%s)", [(k,) for k in range(max(counts))])
        self.questions_table()
        self.comments_table()

    def questions_table(self) -> None:
        self.execute("DROP TABLE IF EXISTS bench_question")
        self.execute(
            "CREATE TABLE bench_question (service_id INTEGER, position INTEGER, metric_id INTEGER, item INTEGER, "
            "scale_min INTEGER, size INTEGER, low DOUBLE PRECISION, step DOUBLE PRECISION, "
            "shift DOUBLE PRECISION, required INTEGER)"
        )
        rows = []
        for spec in self.services:
            for position, metric in spec["questions"]:
                assert metric.rule != metric.Rule.SUS, "SUS rollups are not sums of items"
                size = metric.scale_max - metric.scale_min + 1
                low, step = CUTS[size]
                for item in range(metric.item_count):
                    required = int(metric.code == "csat")
                    row = (spec["service"].pk, position, metric.pk, item, metric.scale_min, size, low, step)
                    rows.append((*row, OFFSETS[metric.code], required))
        with self.connection.cursor() as cursor:
            cursor.executemany("INSERT INTO bench_question VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)

    def comments_table(self) -> None:
        """Texts per service, language and mood from the demo's comment writer, redacted and analysed
        (language, lemmas, sentiment, the demo's rule themes) once here, so the load copies the results."""
        from kuulo.comments.analysis import analyse_texts
        from kuulo.comments.analysis.store import Rules
        from kuulo.comments.demo import RULE_THEMES
        from kuulo.comments.models import Theme, name_fields
        from kuulo.demo import comments
        from kuulo.feedback.redaction import redact

        self.execute("DROP TABLE IF EXISTS bench_text")
        self.execute(
            "CREATE TABLE bench_text (service_id INTEGER, language VARCHAR(2), mood VARCHAR(3), idx INTEGER, "
            "text TEXT, detected_language VARCHAR(2), lemmas TEXT, sentiment VARCHAR(8), "
            "PRIMARY KEY (service_id, language, mood, idx))"
        )
        rows = []
        for spec in self.services:
            slug = spec["service"].slug
            touchpoints = list(spec["touchpoints"])
            for language in LANGUAGES:
                for mood, csat in (("neg", 1), ("neu", 3), ("pos", 5)):
                    for idx in range(COMMENT_POOL):
                        touchpoint = touchpoints[idx % len(touchpoints)]
                        days_ago = self.rng.randrange(self.days)
                        text = comments.write_comment(self.rng, slug, touchpoint, csat, language, days_ago)
                        rows.append((spec["service"].pk, language, mood, idx, redact(text)))
        analyses = analyse_texts([row[4] for row in rows], [row[1] for row in rows])
        themes = [
            Theme.objects.create(kind=Theme.Kind.RULE, terms=terms, **name_fields(names))
            for names, terms in RULE_THEMES
        ]
        rules = Rules(themes)
        links = set()
        for row, analysis in zip(rows, analyses, strict=True):
            for theme_id in rules.matching(analysis.lemmas, analysis.language, row[0]):
                links.add((row[4], row[1], theme_id))  # rule themes of every service: the text decides
        with self.connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO bench_text VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                [
                    (*row, analysis.language, " ".join(analysis.lemmas), analysis.sentiment)
                    for row, analysis in zip(rows, analyses, strict=True)
                ],
            )
        self.execute("DROP TABLE IF EXISTS bench_text_theme")
        self.execute("CREATE TABLE bench_text_theme (text TEXT, language VARCHAR(2), theme_id INTEGER)")
        with self.connection.cursor() as cursor:
            cursor.executemany("INSERT INTO bench_text_theme VALUES (%s, %s, %s)", sorted(links))

    # --- loading --------------------------------------------------------------

    TABLES = ["feedback_response", "feedback_answer", "feedback_comment", "comments_commenttheme"]
    ROLLUP_TABLES = ["feedback_dailyaggregate", "feedback_dailytotal", "feedback_monthlytotal"]

    def prepare_load(self) -> None:
        """Drops the secondary indexes and unique constraints; finish_load builds them again."""
        self.saved = []
        if self.pg:
            with self.connection.cursor() as cursor:
                cursor.execute(
                    "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE contype = 'u' AND conrelid::regclass::text = ANY(%s)",
                    [self.TABLES + self.ROLLUP_TABLES],
                )
                constraints = cursor.fetchall()
                for table, name, definition in constraints:
                    cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
                    self.saved.append((table, f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'))
                cursor.execute(
                    "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) "
                    "AND indexname NOT IN (SELECT conname FROM pg_constraint)",
                    [self.TABLES + self.ROLLUP_TABLES],
                )
                for table, name, definition in cursor.fetchall():
                    cursor.execute(f'DROP INDEX "{name}"')
                    self.saved.append((table, definition))
                cursor.execute("SET session_replication_role = replica")  # no foreign key triggers
                cursor.execute("SET maintenance_work_mem = '1GB'")
                cursor.execute("SET work_mem = '256MB'")
        else:
            with self.connection.cursor() as cursor:
                tables = self.TABLES + self.ROLLUP_TABLES
                cursor.execute(
                    f"SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                    f"AND tbl_name IN ({', '.join(['%s'] * len(tables))})",
                    tables,
                )
                for table, name, definition in cursor.fetchall():
                    cursor.execute(f'DROP INDEX "{name}"')
                    self.saved.append((table, definition))
                for pragma in (
                    "foreign_keys = OFF",
                    "synchronous = OFF",
                    "cache_size = -1000000",
                    "temp_store = MEMORY",
                ):
                    cursor.execute(f"PRAGMA {pragma}")

    def load(self) -> dict[str, int]:
        counts = {"responses": 0, "answers": 0, "comments": 0}
        chunk = 500_000
        first, planned, total = 0, 0, len(self.plan_rows)
        for idx, row in enumerate(self.plan_rows):
            planned += row[6]
            if planned >= chunk or idx == total - 1:
                started = time.monotonic()
                counts["responses"] += self.execute(self.responses_sql(), [first, idx])
                low, high = first * self.stride, (idx + 1) * self.stride
                counts["answers"] += self.execute(self.answers_sql(), [low, high])
                counts["comments"] += self.execute(self.comments_sql(), [low, high])
                print(
                    f"  {counts['responses']:,} responses, {counts['answers']:,} answers, "
                    f"{counts['comments']:,} comments ({planned / (time.monotonic() - started):,.0f} responses/s)",
                    file=sys.stderr,
                    flush=True,
                )
                first, planned = idx + 1, 0
        started = time.monotonic()
        if self.pg:  # without statistics of the fresh rows the planner probes responses one answer at a time
            for table in ("feedback_response", "feedback_answer", "feedback_comment"):
                self.execute(f"ANALYZE {table}")
        self.execute(self.scores_sql())
        counts["comment_themes"] = self.execute(
            "INSERT INTO comments_commenttheme (comment_id, theme_id) SELECT c.id, t.theme_id "
            "FROM feedback_comment c JOIN bench_text_theme t ON t.text = c.text AND t.language = c.language"
        )
        print(f"  scores and theme links: {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)
        return counts

    def scores_sql(self) -> str:
        """Each comment's score: its response's first metric answer on 0-100 (as the analysis stores it)."""
        assert all(spec["questions"][0][1].good_direction == "up" for spec in self.services)
        score = "(100 * (a.value - q.scale_min) + (q.size - 1) / 2) / (q.size - 1)"  # rounded, whole numbers
        return f"""
            UPDATE feedback_comment SET score = {score}
            FROM feedback_answer a, bench_question q
            WHERE a.response_id = feedback_comment.response_id AND a.item = 0
                AND q.service_id = feedback_comment.service_id AND q.position = 0 AND q.item = 0
                AND a.metric_id = q.metric_id
        """

    def choice(self, column: str, options_by_position: list[list[tuple[str, float]]]) -> str:
        """CASE choosing one option per service by the uniform in `column`."""
        branches = []
        for position, options in enumerate(options_by_position):
            total = sum(weight for _value, weight in options)
            cumulative, inner = 0.0, []
            for value, weight in options[:-1]:
                cumulative += weight / total
                inner.append(f"WHEN {column} < {cumulative:.6f} THEN {value}")
            inner.append(f"ELSE {options[-1][0]}")
            chosen = f"CASE {' '.join(inner)} END" if len(options) > 1 else options[0][0]
            branches.append(f"WHEN {position} THEN {chosen}")
        return f"CASE position {' '.join(branches)} END"

    def responses_sql(self) -> str:
        quote = lambda text: "'" + text.replace("'", "''") + "'"  # noqa: E731
        point = self.choice("u_point", [[(p[0], p[2]) for p in spec["points"]] for spec in self.services])
        channel = self.choice("u_point", [[(quote(p[1]), p[2]) for p in spec["points"]] for spec in self.services])
        widget = self.choice(
            "u_point", [[(int(p[3] == "widget"), p[2]) for p in spec["points"]] for spec in self.services]
        )
        touchpoint = self.choice(
            "u_touch", [[(quote(name), w) for name, (w, _s) in spec["touchpoints"].items()] for spec in self.services]
        )
        language = self.choice("u_language", [[(quote(k), w) for k, w in LANGUAGES.items()]] * len(self.services))
        group = self.choice("u_group", [[(quote(k), w) for k, w in GROUPS.items()]] * len(self.services))
        moment = f"t0 + 25200 + {self.floor('(u_hour + u_hour2) * 25200')}"  # 07:00–21:00, busiest at 14
        return f"""
            INSERT INTO feedback_response (id, survey_version_id, service_id, collection_point_id, idempotency_key,
                received_at, responded_at, channel, language, customer_group, touchpoint, page_path, status,
                suspect_reason)
            SELECT id, version_id, service_id, {point}, 'bench-' || id,
                {self.timestamp(moment)}, {self.timestamp(moment)}, {channel}, {language}, {group}, tp,
                CASE WHEN {widget} = 1 THEN '/' || tp ELSE '' END,
                CASE WHEN u_suspect < {SUSPECT_SHARE} THEN 'suspect' ELSE 'accepted' END,
                CASE WHEN u_suspect < {SUSPECT_SHARE} THEN 'Answered too fast' ELSE '' END
            FROM (
                SELECT *, {touchpoint} AS tp FROM (
                    SELECT p.idx * {self.stride} + k.k AS id, p.version_id, p.service_id, p.position, p.t0,
                        {self.uniform("p.idx * " + str(self.stride) + " + k.k", 1)} AS u_point,
                        {self.uniform("p.idx * " + str(self.stride) + " + k.k", 2)} AS u_touch,
                        {self.uniform("p.idx * " + str(self.stride) + " + k.k", 3)} AS u_language,
                        {self.uniform("p.idx * " + str(self.stride) + " + k.k", 4)} AS u_group,
                        {self.uniform("p.idx * " + str(self.stride) + " + k.k", 5)} AS u_hour,
                        {self.uniform("p.idx * " + str(self.stride) + " + k.k", 6)} AS u_hour2,
                        {self.uniform("p.idx * " + str(self.stride) + " + k.k", 7)} AS u_suspect
                    FROM bench_plan p JOIN bench_numbers k ON k.k < p.n
                    WHERE p.idx BETWEEN %s AND %s
                    {"OFFSET 0" if self.pg else "LIMIT -1 OFFSET 0"}
                ) AS drawn {"OFFSET 0" if self.pg else "LIMIT -1 OFFSET 0"}
            ) AS chosen
        """

    def satisfaction(self) -> str:
        """A respondent's latent satisfaction: the day's level, their segments' shifts and their own noise."""
        language = " ".join(f"WHEN '{k}' THEN {v}" for k, v in LANGUAGE_SHIFT.items())
        group = " ".join(f"WHEN '{k}' THEN {v}" for k, v in GROUP_SHIFT.items())
        touch = " ".join(
            f"WHEN r.service_id = {spec['service'].pk} AND r.touchpoint = '{name}' THEN {shift}"
            for spec in self.services
            for name, (_w, shift) in spec["touchpoints"].items()
            if shift
        )
        return (
            f"p.level + CASE r.language {language} ELSE 0 END + CASE r.customer_group {group} ELSE 0 END"
            f" + CASE {touch} ELSE 0 END + {self.normal('r.id', 11)}"
        )

    def respondents(self) -> str:
        fence = "OFFSET 0" if self.pg else "LIMIT -1 OFFSET 0"
        return f"""(
            SELECT r.id, r.service_id, r.responded_at, r.language, {self.satisfaction()} AS sat
            FROM feedback_response r JOIN bench_plan p ON p.idx = r.id / {self.stride}
            WHERE r.id >= %s AND r.id < %s {fence}
        ) AS s"""

    def answers_sql(self) -> str:
        centre = (
            f"(s.sat + q.shift + ({self.random()} + {self.random()} + {self.random()} - 1.5) * 1.2 - q.low) / q.step"
        )
        value = f"q.scale_min + {self.clamp(self.floor(centre), '0', 'q.size - 1')}"
        skip = self.uniform("s.id * 8 + q.position", 21)
        return f"""
            INSERT INTO feedback_answer (response_id, metric_id, item, value)
            SELECT s.id, q.metric_id, q.item, {value}
            FROM {self.respondents()} JOIN bench_question q ON q.service_id = s.service_id
            WHERE q.required = 1 OR {skip} >= {SKIP_SHARE}
        """

    def comments_sql(self) -> str:
        questions = " ".join(f"WHEN {spec['service'].pk} THEN {spec['open_question'].pk}" for spec in self.services)
        mood = "CASE WHEN s.sat < -0.3 THEN 'neg' WHEN s.sat < 0.6 THEN 'neu' ELSE 'pos' END"
        chance = "CASE WHEN s.sat < -0.3 THEN 0.42 WHEN s.sat < 0.6 THEN 0.24 ELSE 0.14 END"
        pick = self.floor(f"{self.uniform('s.id', 32)} * {COMMENT_POOL}")
        return f"""
            INSERT INTO feedback_comment (response_id, service_id, responded_at, question_id, text, language,
                detected_language, lemmas, sentiment, analysed_at)
            SELECT s.id, s.service_id, s.responded_at, CASE s.service_id {questions} END, t.text, s.language,
                t.detected_language, t.lemmas, t.sentiment, {self.timestamp(str(int(time.time())))}
            FROM {self.respondents()} JOIN bench_text t
                ON t.service_id = s.service_id AND t.language = s.language AND t.mood = {mood} AND t.idx = {pick}
            WHERE {self.uniform("s.id", 31)} < {chance}
        """

    def finish_load(self, tables: list[str]) -> None:
        """Builds the dropped indexes and constraints of `tables` again."""
        with self.connection.cursor() as cursor:
            for table, statement in self.saved:
                if table in tables:
                    cursor.execute(statement)
            if self.pg:
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence('feedback_response', 'id'), "
                    "(SELECT max(id) FROM feedback_response))"
                )

    def rollups(self) -> None:
        """The rollups by GROUP BY, to the cells the write path makes (see kuulo.feedback.rollups)."""
        multi = sorted({m.pk for spec in self.services for _p, m in spec["questions"] if m.item_count == 2})
        listed = ", ".join(map(str, multi)) or "0"
        single = (
            f"SELECT a.response_id, a.metric_id, a.value FROM feedback_answer a WHERE a.metric_id NOT IN ({listed})"
        )
        double = (
            "SELECT a.response_id, a.metric_id, a.value + b.value AS value FROM feedback_answer a "
            "JOIN feedback_answer b ON b.response_id = a.response_id AND b.metric_id = a.metric_id AND b.item = 1 "
            f"WHERE a.metric_id IN ({listed}) AND a.item = 0"
        )
        month = "date_trunc('month', day)::date" if self.pg else "strftime('%Y-%m-01', day)"
        statements = [
            f"""INSERT INTO feedback_dailyaggregate (service_id, metric_id, day, channel, language, customer_group,
                    touchpoint, value, count)
                SELECT r.service_id, a.metric_id, p.day, r.channel, r.language, r.customer_group, r.touchpoint,
                    a.value, count(*)
                FROM ({single} UNION ALL {double}) a
                JOIN feedback_response r ON r.id = a.response_id
                JOIN bench_plan p ON p.idx = r.id / {self.stride}
                WHERE r.status = 'accepted'
                GROUP BY r.service_id, a.metric_id, p.day, r.channel, r.language, r.customer_group, r.touchpoint,
                    a.value""",
            """INSERT INTO feedback_dailytotal (dimension, service_id, day, metric_id, segment, value, count)
                SELECT '', service_id, day, metric_id, '', value, SUM(count) FROM feedback_dailyaggregate
                GROUP BY service_id, day, metric_id, value""",
            *(
                f"""INSERT INTO feedback_dailytotal (dimension, service_id, day, metric_id, segment, value, count)
                SELECT '{dimension}', service_id, day, metric_id, {dimension}, value, SUM(count)
                FROM feedback_dailyaggregate GROUP BY service_id, day, metric_id, {dimension}, value"""
                for dimension in ("channel", "language", "customer_group", "touchpoint")
            ),
            f"""INSERT INTO feedback_monthlytotal (dimension, service_id, month, metric_id, segment, value, count)
                SELECT dimension, service_id, {month}, metric_id, segment, value, SUM(count) FROM feedback_dailytotal
                GROUP BY dimension, service_id, {month}, metric_id, segment, value""",
            f"""INSERT INTO feedback_dailyresponsecount (collection_point_id, day, count)
                SELECT r.collection_point_id, p.day, count(*) FROM feedback_response r
                JOIN bench_plan p ON p.idx = r.id / {self.stride}
                WHERE r.status = 'accepted' GROUP BY r.collection_point_id, p.day""",
            f"""INSERT INTO feedback_displaycount (collection_point_id, day, count)
                SELECT r.collection_point_id, p.day, {self.floor("count(*) / p.rate")}
                FROM feedback_response r JOIN bench_plan p ON p.idx = r.id / {self.stride}
                JOIN surveys_collectionpoint c ON c.id = r.collection_point_id AND c.kind = 'widget'
                GROUP BY r.collection_point_id, p.day, p.rate""",
        ]
        with self.connection.cursor() as cursor:
            for statement in statements:
                started = time.monotonic()
                cursor.execute(statement)
                print(f"  {statement.split('(')[0].strip()}: {time.monotonic() - started:.1f} s", file=sys.stderr)

    def cleanup(self) -> None:
        if self.pg:
            self.execute("SET session_replication_role = DEFAULT")
        for table in ("bench_plan", "bench_numbers", "bench_question", "bench_text", "bench_text_theme"):
            self.execute(f"DROP TABLE {table}")
        phase = time.monotonic()
        if self.pg:
            self.execute("VACUUM ANALYZE")
        else:
            self.execute("ANALYZE")
            self.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        report("generate_analyze_s", time.monotonic() - phase, "s")


def report(name: str, value: float, unit: str) -> None:
    print(f"{name}: {value:.6g} {unit}", flush=True)


if __name__ == "__main__":
    main()
