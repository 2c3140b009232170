"""The demo's experiment (the advice line's callback trial) and the housing
allowance's public page: the result comes from the demo feedback."""

import pytest
from django.urls import reverse

from kuulo.backlog.models import BacklogItem, PublicQuote
from kuulo.comments.models import Theme
from kuulo.demo.experiments import EXPERIMENT, EXPERIMENT_ITEMS, FORM_THEME, QUOTED_ITEM, load_demo_experiments
from kuulo.demo.feedback import load_feedback
from kuulo.demo.organisation import load_organisation
from kuulo.effects import effect
from kuulo.effects.models import Experiment
from kuulo.feedback.models import Comment
from kuulo.organisation.models import Service
from kuulo.traceability import actions as links
from kuulo.traceability.models import Link

pytestmark = pytest.mark.django_db


def demo_with(days: int, scale: float):
    load_organisation()
    load_feedback(days=days, scale=scale)
    advice = Service.objects.get(slug="advice-line")
    housing = Service.objects.get(slug="housing-allowance-online")
    for title in EXPERIMENT_ITEMS:
        BacklogItem.objects.create(service=advice, title=title)
    item = BacklogItem.objects.create(
        service=housing, title=QUOTED_ITEM, status="done", published=True, we_did_en="We redesigned the form."
    )
    for comment in Comment.objects.filter(response__service=housing, language="fi")[:6]:
        links.link(comment, item, None)
    return advice, housing, item


@pytest.fixture
def demo():
    """Enough feedback before and during the callback trial to compute its result."""
    return demo_with(185, 0.25)


@pytest.fixture
def light_demo():
    return demo_with(20, 0.1)


def test_the_callback_trial_lifted_ces(demo):
    advice, _housing, _item = demo

    load_demo_experiments()

    experiment = Experiment.objects.get(service=advice, title=EXPERIMENT["title"])
    assert experiment.metric.code == "ces"
    assert sorted(experiment.items.values_list("title", flat=True)) == sorted(EXPERIMENT_ITEMS)
    assert experiment.decision == "continue" and experiment.learning
    result = effect.experiment_result(experiment)
    assert result.complete
    assert not result.comparison.suppressed
    # A quarter of the demo's volume: the rise shows; at full volume (make demo) it is also significant.
    assert result.comparison.difference > 3


def test_the_housing_page_gets_a_theme_and_one_approved_quote(light_demo, client):
    _advice, housing, item = light_demo

    load_demo_experiments()

    assert PublicQuote.objects.filter(link__in=Link.objects.incoming(item, "comment")).count() == 1
    theme = Theme.objects.get(service=housing, name_fi=FORM_THEME[0]["fi"])
    assert theme.kind == Theme.Kind.RULE
    response = client.get(reverse("effects:we_did", args=[housing.slug]) + "?lang=en")
    assert response.status_code == 200
    assert "We redesigned the form." in response.content.decode()
    assert response.content.decode().count('class="we-did-quote"') == 1


def test_loading_again_changes_nothing(light_demo):
    load_demo_experiments()
    experiments, approved, themes = (
        Experiment.objects.count(),
        PublicQuote.objects.count(),
        Theme.objects.count(),
    )

    load_demo_experiments()

    assert Experiment.objects.count() == experiments
    assert PublicQuote.objects.count() == approved
    assert Theme.objects.count() == themes
