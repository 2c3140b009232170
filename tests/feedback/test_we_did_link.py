"""The thank-you of the widget and of the survey page link to the service's "you said, we did" page
when it has something published there, and only then."""

import pytest
from django.urls import reverse

from kuulo.backlog.models import BacklogItem
from kuulo.feedback.public.widget import forget_cached_points
from tests.factories import published_survey


@pytest.fixture(autouse=True)
def _fresh():
    forget_cached_points()
    yield
    forget_cached_points()


def publish(service, **extra) -> BacklogItem:
    fields = {"title": "Lomake", "status": "done", "published": True, "we_did_fi": "Korjasimme."} | extra
    return BacklogItem.objects.create(service=service, **fields)


def test_the_widget_config_has_no_we_did_link_without_published_items(client, service):
    _version, point = published_survey(service=service, kind="widget")
    publish(service, published=False)
    config = client.get(reverse("public:widget_config", args=[point.key]) + "?lang=sv").json()
    assert config["we_did"] == ""


def test_the_widget_config_links_the_we_did_page_in_the_widgets_language(client, service):
    _version, point = published_survey(service=service, kind="widget")
    publish(service)
    config = client.get(reverse("public:widget_config", args=[point.key]) + "?lang=sv").json()
    assert config["we_did"] == reverse("effects:we_did", args=[service.slug]) + "?lang=sv"


def test_the_survey_thank_you_page_links_the_we_did_page(client, service):
    _version, point = published_survey(service=service, kind="link")
    thanks = reverse("public:survey_thanks", args=[point.key])
    assert reverse("effects:we_did", args=[service.slug]) not in client.get(thanks + "?lang=fi").content.decode()
    publish(service)
    content = client.get(thanks + "?lang=fi").content.decode()
    assert f'href="{reverse("effects:we_did", args=[service.slug])}?lang=fi"' in content
    assert "Katso, mitä olemme muuttaneet asiakkaiden palautteen perusteella" in content
