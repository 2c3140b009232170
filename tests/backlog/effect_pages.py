"""Args builders for tests/pages.py: effects, experiments and the public page."""

from datetime import timedelta

from django.utils import timezone

from kuulo.backlog.models import BacklogItem, PublicQuote
from kuulo.effects.models import Experiment
from kuulo.metrics.models import Metric
from kuulo.traceability import actions as links
from kuulo.traceability.models import Link
from tests.backlog.effect_data import answer, csat_survey
from tests.insights.pages import answered
from tests.surveys.public_pages import ensure_metric_library


def done_item_with_answers(service) -> BacklogItem:
    """A done, published item naming CSAT, with answers before and after it and one linked comment."""
    ensure_metric_library()
    today = timezone.localdate()
    done_at = today - timedelta(days=80)
    survey = csat_survey(service)
    for weeks in range(1, 9):
        answer(survey, done_at - timedelta(weeks=weeks), [2, 3, 4, 5, 3, 4, 3, 4, 5, 2])
        answer(survey, done_at + timedelta(weeks=weeks), [4, 5, 4, 5, 3, 4, 5, 4, 5, 4])
    item = BacklogItem.objects.create(
        service=service,
        title="Hakemuslomake uusiksi",
        status=BacklogItem.Status.DONE,
        done_at=done_at,
        expected_metric=Metric.objects.get(code="csat", version=1),
        expected_target=80,
        published=True,
        we_did_fi="Uudistimme hakemuslomakkeen.",
        we_did_sv="Vi förnyade ansökningsblanketten.",
        we_did_en="We redesigned the application form.",
    )
    comments = answered(service, count=3)
    PublicQuote.objects.create(link=links.link(comments[0], item, None)[0])
    links.link(comments[1], item, None)
    return item


def item_effect_args(service) -> list:
    return [service.pk, done_item_with_answers(service).pk]


def service_with_effects(service) -> list:
    done_item_with_answers(service)
    return [service.pk]


def experiment(service) -> Experiment:
    item = done_item_with_answers(service)
    today = timezone.localdate()
    found = Experiment.objects.create(
        service=service,
        title="Takaisinsoitto neuvontaan",
        hypothesis="Takaisinsoitto lyhentää koettua jonotusta.",
        change="Asiakas voi varata takaisinsoiton.",
        metric=item.expected_metric,
        direction="up",
        minimum_change=5,
        starts_on=item.done_at + timedelta(days=7),
        ends_on=today - timedelta(days=20),
        decision="continue",
        learning="Takaisinsoitto toimii.",
    )
    found.items.add(item)
    return found


def experiment_args(service) -> list:
    return [service.pk, experiment(service).pk]


def service_with_experiment(service) -> list:
    experiment(service)
    return [service.pk]


def we_did_args(service) -> list:
    done_item_with_answers(service)
    return [service.slug]


def quote_args(service) -> list:
    """The done item with the linked comment that is not yet approved for quoting: [service, item, link]."""
    item = done_item_with_answers(service)
    return [service.pk, item.pk, Link.objects.incoming(item, "comment").filter(public_quote__isnull=True).get().pk]
