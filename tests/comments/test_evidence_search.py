"""Adding comments as evidence by searching them (words, theme, sentiment, time), from the thing they
back (an insight, a backlog item, a pain point) and in bulk from the comments page."""

import pytest
from django.urls import reverse

from kuulo.backlog.models import BacklogItem
from kuulo.feedback.models import Response
from kuulo.insights.models import Insight
from kuulo.journeys.models import PainPoint
from kuulo.traceability.actions import link
from kuulo.traceability.models import Link
from tests.comments.pages import auto_theme, make_comment
from tests.factories import ServiceFactory
from tests.journeys.pages import journey_map


@pytest.fixture
def item(service):
    return BacklogItem.objects.create(service=service, title="Jonotuksen lyhentäminen", rank=1)


@pytest.fixture
def insight(service):
    return Insight.objects.create(service=service, statement="Puhelinjonot ovat liian pitkiä.")


def search_url(service, kind, thing) -> str:
    return reverse("comments:evidence_search", args=[service.pk, kind, thing.pk])


def add_url(service, kind, thing) -> str:
    return reverse("comments:evidence_add", args=[service.pk, kind, thing.pk])


def linked(thing, kind="comment") -> set[int]:
    return set(Link.objects.incoming(thing, kind).values_list("source_id", flat=True))


def found(response) -> list[str]:
    return [comment.text for comment in response.context["page"].comments]


def test_the_search_finds_by_inflected_words_theme_and_sentiment_and_leaves_out_what_is_linked(
    client_as, service, item
):
    queue = auto_theme(service)
    waited = make_comment(service, "Jonossa meni tunti.", sentiment="negative", lemmas="jono mennä tunti")
    make_comment(service, "Jonotin turhaan.", sentiment="negative", lemmas="jonottaa turha", themes=[queue])
    make_comment(service, "Kiitos nopeasta palvelusta!", sentiment="positive", lemmas="kiitos nopea palvelu")
    client = client_as("team_member")
    assert found(client.get(search_url(service, "item", item), {"q": "tunnin"})) == ["Jonossa meni tunti."]
    assert found(client.get(search_url(service, "item", item), {"theme": queue.pk})) == ["Jonotin turhaan."]
    by_sentiment = client.get(search_url(service, "item", item), {"sentiment": "positive"})
    assert found(by_sentiment) == ["Kiitos nopeasta palvelusta!"]
    link(waited, item, None)
    assert "Jonossa meni tunti." not in found(client.get(search_url(service, "item", item)))


def test_the_search_keeps_to_the_period(client_as, service, insight):
    make_comment(service, "Uusi kommentti.", days_ago=2)
    make_comment(service, "Vanha kommentti.", days_ago=200)
    response = client_as("team_member").get(search_url(service, "insight", insight), {"period": "30"})
    assert found(response) == ["Uusi kommentti."]


def test_chosen_comments_are_added_at_once_and_only_the_services_accepted_ones(client_as, service, item):
    mine = [make_comment(service, f"Kommentti {n}") for n in range(3)]
    suspect = make_comment(service, status=Response.Status.SUSPECT)
    elsewhere = make_comment(ServiceFactory())
    back = search_url(service, "item", item) + "?q=kommentti"
    chosen = [comment.pk for comment in [*mine, suspect, elsewhere]]
    response = client_as("team_member").post(add_url(service, "item", item), {"comments": chosen, "next": back})
    assert response.status_code == 302 and response["Location"] == back
    assert linked(item) == {comment.pk for comment in mine}
    page = client_as("team_member").get(back)
    assert "3 comments were added as evidence." in page.content.decode()


def test_a_pain_point_gets_comments_the_same_way(client_as, service):
    journey_map(service)
    pain = PainPoint.objects.get(service=service)
    comment = make_comment(service, "En tiedä, missä hakemukseni on.")
    assert found(client_as("team_member").get(search_url(service, "pain_point", pain))) == [comment.text]
    client_as("team_member").post(add_url(service, "pain_point", pain), {"comments": [comment.pk]})
    assert linked(pain) == {comment.pk}


@pytest.mark.parametrize(("role", "status"), [("viewer", 403), ("outsider", 404)])
def test_viewers_and_outsiders_neither_search_nor_add(client_as, service, item, role, status):
    comment = make_comment(service)
    client = client_as(role)
    assert client.get(search_url(service, "item", item)).status_code == status
    assert client.post(add_url(service, "item", item), {"comments": [comment.pk]}).status_code == status
    assert not Link.objects.exists()


def test_a_thing_of_another_service_or_an_unknown_kind_is_not_found(client_as, service, item):
    other_item = BacklogItem.objects.create(service=ServiceFactory(), title="Muu", rank=1)
    client = client_as("admin")
    assert client.get(search_url(service, "item", other_item)).status_code == 404
    assert client.get(reverse("comments:evidence_search", args=[service.pk, "nothing", item.pk])).status_code == 404
    assert client.get(reverse("comments:evidence_search", args=[service.pk, "insight", item.pk])).status_code == 404


def test_bad_choices_add_nothing_and_say_why(client_as, service, item):
    client = client_as("team_member")
    response = client.post(add_url(service, "item", item), {"comments": ["x"]}, follow=True)
    assert "Select a valid choice." in response.content.decode()
    response = client.post(add_url(service, "item", item), {}, follow=True)
    assert "Choose at least one comment." in response.content.decode()
    assert not Link.objects.exists()


def test_the_item_and_the_insight_pages_lead_to_the_search_not_to_a_number_field(client_as, service, item, insight):
    client = client_as("team_member")
    item_page = client.get(reverse("backlog:item_detail", args=[service.pk, item.pk])).content.decode()
    assert search_url(service, "item", item) in item_page and 'name="comment"' not in item_page
    insight_page = client.get(insight.get_absolute_url()).content.decode()
    assert search_url(service, "insight", insight) in insight_page


# --- bulk from the comments page ---


def bulk(service) -> str:
    return reverse("comments:comment_bulk", args=[service.pk])


def test_the_comments_page_adds_the_chosen_comments_to_an_item_or_an_insight(client_as, service, item, insight):
    comments = [make_comment(service, f"Kommentti {n}") for n in range(3)]
    client = client_as("team_member")
    page = client.get(reverse("comments:comment_list", args=[service.pk])).content.decode()
    assert f'value="item:{item.pk}"' in page and f'value="insight:{insight.pk}"' in page
    ids = [comment.pk for comment in comments]
    response = client.post(bulk(service), {"action": "link", "target": f"item:{item.pk}", "comments": ids[:2]})
    assert response.status_code == 302
    assert linked(item) == set(ids[:2])
    client.post(bulk(service), {"action": "link", "target": f"insight:{insight.pk}", "comments": ids})
    assert linked(insight) == set(ids)


def test_bulk_linking_needs_a_target_of_the_service(client_as, service, item):
    comment = make_comment(service)
    other_item = BacklogItem.objects.create(service=ServiceFactory(), title="Muu", rank=1)
    client = client_as("team_member")
    missing = client.post(bulk(service), {"action": "link", "comments": [comment.pk]})
    assert missing.status_code == 400 and "Choose what the comments are evidence for." in missing.content.decode()
    foreign = client.post(
        bulk(service), {"action": "link", "target": f"item:{other_item.pk}", "comments": [comment.pk]}
    )
    assert foreign.status_code == 400
    made_up = client.post(bulk(service), {"action": "link", "target": "user:1", "comments": [comment.pk]})
    assert made_up.status_code == 400
    assert not Link.objects.exists()


def test_a_viewer_cannot_link_in_bulk(client_as, service, item):
    comment = make_comment(service)
    response = client_as("viewer").post(
        bulk(service), {"action": "link", "target": f"item:{item.pk}", "comments": [comment.pk]}
    )
    assert response.status_code == 403
    assert not Link.objects.exists()
