"""A step shows the comment themes of its touchpoints' comments, as the comments panel counts them."""

import pytest
from django.urls import reverse

from kuulo.comments.models import CommentTheme, Theme
from kuulo.journeys.models import Step
from tests.insights.pages import answered
from tests.journeys.pages import journey_map


@pytest.fixture
def step(service):
    journey = journey_map(service)
    return Step.objects.get(phase__journey=journey, name="Hakemus")


def _themed(service, count=6):
    theme = Theme.objects.create(service=service, kind=Theme.Kind.RULE, name_en="Queueing", name_fi="Jonotus")
    for comment in answered(service, count=count):  # touchpoint "queue"
        CommentTheme.objects.create(comment=comment, theme=theme)
    return theme


def test_step_shows_the_themes_of_its_touchpoints_comments(client_as, service, step):
    theme = _themed(service)
    step.measured_touchpoints = ["queue"]
    step.save()
    page = client_as("viewer").get(step.get_absolute_url()).content.decode()
    assert "Queueing (6)" in page
    assert f"{reverse('comments:comment_list', args=[service.pk])}?theme={theme.pk}" in page


def test_step_of_other_touchpoints_shows_no_themes(client_as, service, step):
    _themed(service)
    step.measured_touchpoints = ["web-form"]
    step.save()
    page = client_as("viewer").get(step.get_absolute_url()).content.decode()
    assert "Queueing" not in page
    assert "No comment themes in this feedback yet." in page
