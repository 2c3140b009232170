"""The hosted survey page: what a customer without JavaScript sees and sends."""

import re

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from kuulo.feedback.models import Answer, Comment, Response
from kuulo.feedback.public.views import render_survey_page
from tests.factories import published_survey


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def survey(db):
    return published_survey(kind="link")


def page_url(point, **query) -> str:
    url = reverse("public:survey_page", args=[point.key])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def hidden(html: str, name: str) -> str:
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def answer_form(client, point, *, language="fi", **overrides) -> dict:
    """The values a customer sends after opening the page: its hidden fields and some answers."""
    html = client.get(page_url(point, lang=language)).content.decode()
    open_id = point.survey.live_version().questions.get(kind="open").pk
    data = {
        "idempotency_key": hidden(html, "idempotency_key"),
        "started": hidden(html, "started"),
        "lang": language,
        "tp": "",
        "group": "",
        "website": "",
        "answers.csat": "4",
        "answers.nps": "9",
        "answers.umux_lite.0": "6",
        "answers.umux_lite.1": "7",
        f"comments.{open_id}": "Hakemus oli selkeä.",
    }
    return {**data, **overrides}


@pytest.fixture
def slow_enough(settings):
    settings.KUULO_MIN_FILL_SECONDS = 0


@pytest.mark.parametrize(
    ("language", "title", "label"),
    [
        ("fi", "Kerro kokemuksestasi", "Erittäin tyytyväinen"),
        ("sv", "Berätta om din upplevelse", "Mycket nöjd"),
        ("en", "Tell us about your experience", "Very satisfied"),
    ],
)
def test_the_survey_page_shows_the_questions_in_the_chosen_language(client, survey, language, title, label):
    version, point = survey
    response = client.get(page_url(point, lang=language))
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html
    assert label in html
    assert version.survey.service.name_en.replace("Service", "") in html


def test_without_lang_the_best_accept_language_match_is_used(client, survey):
    _version, point = survey
    response = client.get(page_url(point), HTTP_ACCEPT_LANGUAGE="de-DE, sv;q=0.8, en;q=0.5")
    assert '<html lang="sv">' in response.content.decode()


def test_a_language_the_survey_lacks_falls_back_to_its_first_language(client, survey):
    version, point = survey
    version.languages = ["sv", "en"]
    version.save(update_fields=["languages"])
    response = client.get(page_url(point, lang="fi"), HTTP_ACCEPT_LANGUAGE="fi")
    assert '<html lang="sv">' in response.content.decode()


def test_scales_are_radio_groups_in_fieldsets_with_legends(client, survey):
    _version, point = survey
    html = client.get(page_url(point, lang="en")).content.decode()
    assert html.count("<fieldset") == 5  # csat, nps, and umux-lite around one fieldset per statement
    assert html.count('type="radio"') == 5 + 11 + 7 + 7
    assert "0 = Not at all likely · 10 = Extremely likely" in html
    assert 'maxlength="1000"' in html


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_customer_answers_without_javascript_and_sees_the_thanks(client, survey, slow_enough, language):
    version, point = survey
    response = client.post(page_url(point), answer_form(client, point, language=language))
    assert response.status_code == 303
    assert response["Location"] == reverse("public:survey_thanks", args=[point.key]) + f"?lang={language}"
    stored = Response.objects.get()
    assert (stored.language, stored.channel, stored.status) == (language, point.channel, Response.Status.ACCEPTED)
    assert Answer.objects.filter(response=stored).count() == 4
    assert Comment.objects.get(response=stored).text == "Hakemus oli selkeä."
    thanks = client.get(response["Location"]).content.decode()
    assert version.text("thank_you", language) in thanks


def test_sending_the_same_form_twice_stores_it_once(client, survey, slow_enough):
    _version, point = survey
    data = answer_form(client, point)
    assert client.post(page_url(point), data).status_code == 303
    assert client.post(page_url(point), data).status_code == 303
    assert Response.objects.count() == 1


def test_the_touchpoint_and_customer_group_come_from_the_link(client, survey, slow_enough):
    _version, point = survey
    data = answer_form(client, point, tp="service-desk", group="private")
    client.post(page_url(point), data)
    assert Response.objects.values_list("touchpoint", "customer_group").get() == ("service-desk", "private")


def test_a_filled_honeypot_is_stored_as_suspect_without_telling_the_sender(client, survey, slow_enough):
    _version, point = survey
    response = client.post(page_url(point), answer_form(client, point, website="http://spam.example"))
    assert response.status_code == 303
    stored = Response.objects.get()
    assert (stored.status, stored.suspect_reason) == (Response.Status.SUSPECT, "honeypot")


def test_an_answer_faster_than_the_minimum_fill_time_is_suspect(client, survey, settings):
    settings.KUULO_MIN_FILL_SECONDS = 60
    _version, point = survey
    assert client.post(page_url(point), answer_form(client, point)).status_code == 303
    assert Response.objects.get().suspect_reason == "too_fast"


def test_a_forged_start_time_is_suspect(client, survey, slow_enough):
    _version, point = survey
    client.post(page_url(point), answer_form(client, point, started="1.0:forged"))
    assert Response.objects.get().suspect_reason == "no_start_time"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"answers.csat": "9"}, "Values must be between 1 and 5."),
        ({"answers.csat": "lots"}, "Expected whole numbers."),
        ({"answers.umux_lite.1": ""}, "Please answer every statement."),
        ({"group": "<script>"}, "Use letters, digits, spaces and - _ . : / only."),
        ({"idempotency_key": "not-a-uuid"}, "Enter a valid UUID."),
    ],
)
def test_invalid_answers_show_an_error_summary_and_store_nothing(client, survey, slow_enough, changes, message):
    _version, point = survey
    response = client.post(page_url(point), answer_form(client, point, language="en", **changes))
    html = response.content.decode()
    assert response.status_code == 422
    assert 'class="error-summary"' in html
    assert message in html
    assert Response.objects.count() == 0


def test_an_empty_form_asks_for_an_answer(client, survey, slow_enough):
    _version, point = survey
    data = {
        key: value
        for key, value in answer_form(client, point, language="en").items()
        if not key.startswith(("answers", "comments"))
    }
    response = client.post(page_url(point), data)
    assert response.status_code == 422
    assert "The response has no answers." in response.content.decode()
    assert Response.objects.count() == 0


def test_the_errors_link_to_the_question(client, survey, slow_enough):
    _version, point = survey
    html = client.post(page_url(point), answer_form(client, point, **{"answers.nps": "11"})).content.decode()
    assert 'href="#q-nps"' in html
    assert 'id="q-nps"' in html


@pytest.mark.parametrize("status", ["closed", "draft"])
def test_a_closed_survey_says_so_with_410(client, survey, status):
    version, point = survey
    version.status = status
    version.save(update_fields=["status"])
    response = client.get(page_url(point, lang="en"))
    assert response.status_code == 410
    assert "This survey is closed" in response.content.decode()


def test_posting_to_a_closed_survey_stores_nothing(client, survey, slow_enough):
    version, point = survey
    data = answer_form(client, point)
    version.status = "closed"
    version.save(update_fields=["status"])
    assert client.post(page_url(point), data).status_code == 410
    assert Response.objects.count() == 0


def test_an_unknown_key_is_404(client, db):
    assert client.get(reverse("public:survey_page", args=["nope"])).status_code == 404


def test_api_collection_points_have_no_survey_page(client, db):
    _version, point = published_survey(kind="api")
    assert client.get(page_url(point)).status_code == 404


def test_too_many_answers_from_one_client_are_refused_with_retry_after(client, survey, slow_enough, settings):
    settings.KUULO_RESPONSES_PER_CLIENT_PER_MINUTE = 1
    _version, point = survey
    assert client.post(page_url(point), answer_form(client, point)).status_code == 303
    response = client.post(page_url(point), answer_form(client, point))
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert Response.objects.count() == 1


def test_the_preview_says_answers_are_not_saved_and_cannot_be_sent(survey):
    version, _point = survey
    request = RequestFactory().get("/preview/")
    html = render_survey_page(request, version, "en", preview=True).content.decode()
    assert "Preview – answers are not saved" in html
    assert 'method="post"' not in html
    assert 'type="submit"' not in html


def test_the_page_sets_no_cookies(client, survey):
    _version, point = survey
    response = client.get(page_url(point, lang="fi"))
    assert response.cookies == {} or all(not morsel.value for morsel in response.cookies.values())
