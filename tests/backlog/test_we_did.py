"""The public "You said, we did" page: no login, only published items, counts
and themes of the evidence, quotes only when approved, the effect only when
significant, three languages, 404 for unknown services."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.backlog.models import BacklogItem, PublicQuote
from kuulo.comments.models import CommentTheme, Theme
from kuulo.metrics.models import Metric
from kuulo.organisation.models import Service
from kuulo.traceability import actions as links
from kuulo.traceability.models import Link
from tests.backlog.effect_data import answer, csat_survey
from tests.backlog.test_effect import HIGH, LOW, answered_around
from tests.insights.pages import answered


def url(service, **query) -> str:
    address = reverse("effects:we_did", args=[service.slug])
    return address + ("?" + "&".join(f"{key}={value}" for key, value in query.items()) if query else "")


def published_item(service, **fields) -> BacklogItem:
    values = {
        "title": "Hakemuslomake uusiksi",
        "status": BacklogItem.Status.DONE,
        "done_at": timezone.localdate() - timedelta(days=90),
        "published": True,
        "we_did_fi": "Uudistimme hakemuslomakkeen.",
        "we_did_sv": "Vi förnyade ansökningsblanketten.",
        "we_did_en": "We redesigned the application form.",
    }
    return BacklogItem.objects.create(service=service, **(values | fields))


@pytest.fixture
def evidence(service):
    """An item with four linked comments, three of them in the theme "Jonotus" (a rule theme)."""
    comments = answered(service, count=4)
    item = published_item(service)
    theme = Theme.objects.create(name_fi="Jonotus", kind=Theme.Kind.RULE, service=service, terms=["jono"])
    unnamed = Theme.objects.create(name_fi="jono puhelin odottaa", kind=Theme.Kind.AUTO, service=service)
    for comment in comments:
        links.link(comment, item, None)
    for comment in comments[:3]:
        CommentTheme.objects.create(comment=comment, theme=theme)
        CommentTheme.objects.create(comment=comment, theme=unnamed)
    return item, comments


def test_anyone_sees_published_items_without_logging_in(client, service, evidence):
    response = client.get(url(service, lang="en"))

    assert response.status_code == 200
    body = response.content.decode()
    assert "We redesigned the application form." in body
    assert "4 comments led to this change." in body
    assert "3 comments about “Jonotus”" in body
    assert "jono puhelin odottaa" not in body  # an automatic theme nobody named stays off the page
    assert response["Content-Language"] == "en"


def test_themes_are_named_in_the_language_of_the_page(client, service, evidence):
    Theme.objects.filter(name_fi="Jonotus").update(name_sv="Köer")
    assert "3 comments about “Jonotus”" in client.get(url(service, lang="en")).content.decode()  # no English name
    assert "Köer" in client.get(url(service, lang="sv")).content.decode()


def test_raw_comments_are_never_shown_unless_approved(client, service, evidence, product_owner):
    item, comments = evidence

    body = client.get(url(service, lang="en")).content.decode()
    for comment in comments:
        assert comment.text not in body

    link = Link.objects.between(comments[2], item).get()
    PublicQuote.objects.create(link=link, approved_by=product_owner, approved_at=timezone.now())
    body = client.get(url(service, lang="en")).content.decode()
    assert f'<blockquote class="we-did-quote" lang="fi">{comments[2].text}</blockquote>' in body
    assert body.count("we-did-quote") == 1


def test_unpublished_and_dismissed_items_stay_off_the_page(client, service):
    published_item(service, published=False, we_did_en="Secret plan")
    published_item(service, status=BacklogItem.Status.DISMISSED, we_did_en="Dropped idea")

    body = client.get(url(service, lang="en")).content.decode()

    assert "Secret plan" not in body and "Dropped idea" not in body
    assert "Nothing has been published here yet." in body


def test_newest_done_first_then_work_in_progress(client, service):
    today = timezone.localdate()
    published_item(service, done_at=today - timedelta(days=100), we_did_en="Older change")
    published_item(service, done_at=today - timedelta(days=10), we_did_en="Newer change")
    published_item(service, status=BacklogItem.Status.IN_PROGRESS, done_at=None, we_did_en="Coming change")

    body = client.get(url(service, lang="en")).content.decode()

    assert body.index("Newer change") < body.index("Older change") < body.index("Coming change")
    assert "Work in progress" in body


@pytest.mark.parametrize(("language", "text"), [("fi", "Uudistimme"), ("sv", "Vi förnyade"), ("en", "We redesigned")])
def test_the_page_speaks_the_chosen_language(client, service, language, text):
    published_item(service)

    response = client.get(url(service, lang=language))

    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert text in body
    assert response["Content-Language"] == language


def test_the_browser_language_is_used_without_a_choice(client, service):
    published_item(service)

    response = client.get(url(service), HTTP_ACCEPT_LANGUAGE="sv-SE,sv;q=0.9")

    assert response["Content-Language"] == "sv"


def test_a_missing_translation_falls_back_and_says_its_language(client, service):
    published_item(service, we_did_sv="", we_did_en="")

    body = client.get(url(service, lang="sv")).content.decode()

    assert '<p lang="fi">Uudistimme hakemuslomakkeen.</p>' in body


def test_a_significant_effect_is_told_in_plain_words(client, service):
    item = published_item(service, expected_metric=Metric.objects.get(code="csat", version=1))
    answered_around(service, item.done_at, LOW, HIGH)

    body = client.get(url(service, lang="en")).content.decode()

    assert "rose from 50% to 80% in the weeks after the change." in body


def test_an_effect_that_is_not_significant_is_not_claimed(client, service):
    item = published_item(service, expected_metric=Metric.objects.get(code="csat", version=1))
    answered_around(service, item.done_at, LOW, LOW)

    body = client.get(url(service, lang="en")).content.decode()

    assert "The result:" not in body


def test_too_few_answers_claim_no_effect(client, service):
    item = published_item(service, expected_metric=Metric.objects.get(code="csat", version=1))
    answer(csat_survey(service), item.done_at + timedelta(days=10), [5] * 5)

    assert "The result:" not in client.get(url(service, lang="en")).content.decode()


def test_an_unknown_service_is_not_found(client, db):
    assert client.get(reverse("effects:we_did", args=["no-such-service"])).status_code == 404


def test_a_planned_service_is_not_public_yet(client, service):
    service.status = Service.Status.PLANNED
    service.save()
    published_item(service)

    assert client.get(url(service)).status_code == 404


def test_the_page_reads_in_a_fixed_number_of_queries(client, service, evidence, django_assert_max_num_queries):
    for number in range(5):
        published_item(
            service, we_did_en=f"Change {number}", expected_metric=Metric.objects.get(code="csat", version=1)
        )

    with django_assert_max_num_queries(8):
        response = client.get(url(service, lang="en"))

    assert response.status_code == 200


# Approving quotes


def approval_url(service, item, link) -> str:
    return reverse("effects:quote_approval", args=[service.pk, item.pk, link.pk])


def test_the_product_owner_approves_and_withdraws_a_quote(client_as, service, evidence):
    item, comments = evidence
    link = Link.objects.between(comments[0], item).get()
    client = client_as("product_owner")

    response = client.post(approval_url(service, item, link), {"approve": "1"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert "Withdraw from the public page" in response.content.decode()
    quote = PublicQuote.objects.get(link=link)
    assert quote.approved_by.username == "owner" and quote.approved_at

    client.post(approval_url(service, item, link), {"approve": "0"})
    assert not PublicQuote.objects.filter(link=link).exists()


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_the_product_owner_approves_quotes(client_as, service, evidence, role, status):
    item, comments = evidence
    link = Link.objects.between(comments[0], item).get()

    response = client_as(role).post(approval_url(service, item, link), {"approve": "1"})

    assert response.status_code == status
    assert not PublicQuote.objects.filter(link=link).exists()


def test_the_effects_list_links_to_the_public_preview(client_as, service):
    body = client_as("viewer").get(reverse("effects:effect_list", args=[service.pk])).content.decode()

    assert reverse("effects:we_did", args=[service.slug]) in body


def test_the_item_page_offers_quote_approval_to_the_product_owner_only(client_as, service, evidence):
    item, _comments = evidence
    address = reverse("backlog:item_detail", args=[service.pk, item.pk])

    as_owner = client_as("product_owner").get(address).content.decode()
    as_member = client_as("team_member").get(address).content.decode()

    assert as_owner.count("Approve quoting on the public page") == 4
    assert "Approve quoting on the public page" not in as_member
    assert "Experiments" in as_owner


def test_the_backlog_links_to_the_public_preview(client_as, service):
    body = client_as("viewer").get(reverse("backlog:item_list", args=[service.pk])).content.decode()

    assert reverse("effects:we_did", args=[service.slug]) in body


def test_the_finnish_effect_needs_no_ending_on_a_number_and_no_abbreviation(client, service):
    item = published_item(service, expected_metric=Metric.objects.get(code="csat", version=1))
    answered_around(service, item.done_at, LOW, HIGH)

    body = client.get(url(service, lang="fi")).content.decode()

    assert "Asiakastyytyväisyys nousi: ennen muutosta 50\u00a0%, muutoksen jälkeisinä viikkoina 80\u00a0%." in body
    assert "CSAT" not in body and "%:" not in body


@pytest.mark.parametrize(
    ("language", "heading", "context", "absent"),
    [
        ("fi", "Palautteesi pohjalta", "Palvelu: ", ["Te sanoitte", "Me teimme", "palvelun "]),
        ("sv", "Så har vi använt din respons", "Tjänst: ", ["Ni sa", "återkoppling"]),
    ],
)
def test_the_page_speaks_to_you_and_names_the_service_only_on_its_context_line(
    client, service, language, heading, context, absent
):
    published_item(service)
    name = getattr(service, f"name_{language}")

    body = client.get(url(service, lang=language)).content.decode()

    assert f"<h1>{heading}</h1>" in body
    assert f'<p class="survey-context">{context}{name}</p>' in body
    main = body[body.index("<main") : body.index("</main>")]
    assert main.count(name) == 1
    for text in absent:
        assert text not in main
