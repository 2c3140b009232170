"""Code run inside Django (through manage.py shell) to create benchmark data."""

SURVEY = """
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Service, Unit
from kuulo.surveys.models import CollectionPoint, Question, Survey, SurveyVersion
from django.utils import timezone

unit = Unit.objects.create(name_fi="Bench", name_sv="Bench", name_en="Bench")
service = Service.objects.create(unit=unit, slug="bench-{kind}", name_fi="Palvelu", name_sv="Tjänst", name_en="Service")
survey = Survey.objects.create(service=service, name="Bench")
version = SurveyVersion.objects.create(
    survey=survey, status="published", languages=["fi", "sv", "en"], published_at=timezone.now(),
    title_fi="Kysely", title_sv="Enkät", title_en="Survey",
    thank_you_fi="Kiitos", thank_you_sv="Tack", thank_you_en="Thanks",
)
for position, code in enumerate(["csat", "nps", "ease"]):
    Question.objects.create(version=version, position=position, kind="metric", metric=Metric.objects.get(code=code))
Question.objects.create(version=version, position=3, kind="open", text_fi="Mitä voisimme parantaa?",
                        text_sv="Vad kunde vi förbättra?", text_en="What could we improve?")
point = CollectionPoint.objects.create(
    survey=survey, kind="{kind}", name="Bench", allowed_origins=["https://bench.kuulo.test"], max_per_minute=10**9
)
print(point.key, version.questions.get(kind="open").pk)
"""


def survey_code(kind: str) -> str:
    return SURVEY.replace("{kind}", kind)
