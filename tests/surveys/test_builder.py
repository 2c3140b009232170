"""The survey builder: surveys, draft texts, publishing, closing and new versions."""

import pytest
from django.urls import reverse

from kuulo.surveys.models import Question, Survey, SurveyVersion
from tests.factories import ServiceFactory, published_survey
from tests.surveys.factories import draft_version


def texts(**overrides) -> dict:
    data = {
        "languages": ["fi", "sv", "en"],
        "title_fi": "Kerro meille",
        "title_sv": "Berätta för oss",
        "title_en": "Tell us",
        "intro_fi": "",
        "intro_sv": "",
        "intro_en": "",
        "thank_you_fi": "Kiitos!",
        "thank_you_sv": "Tack!",
        "thank_you_en": "Thank you!",
    }
    return {**data, **overrides}


def test_survey_list_shows_live_version_status_and_answers(client_as, service):
    version, _point = published_survey(service=service)
    draft_version(service)
    response = client_as("viewer").get(reverse("surveys:survey_list", args=[service.pk]))
    content = response.content.decode()
    assert version.survey.name in content
    assert "Collecting answers" in content
    assert "Draft, not published yet" in content


def test_survey_list_shows_only_the_services_own_surveys(client_as, service):
    other, _point = published_survey(service=ServiceFactory())
    content = client_as("viewer").get(reverse("surveys:survey_list", args=[service.pk])).content.decode()
    assert other.survey.name not in content


def test_product_owner_creates_a_survey_with_a_first_draft(client_as, service):
    response = client_as("product_owner").post(
        reverse("surveys:survey_create", args=[service.pk]), {"name": "After a visit", "languages": ["en", "fi"]}
    )
    survey = Survey.objects.get(service=service, name="After a visit")
    version = survey.versions.get()
    assert response["Location"] == reverse("surveys:version_edit", args=[version.pk])
    assert (version.number, version.status, version.languages) == (1, "draft", ["fi", "en"])


def test_new_survey_form_offers_all_three_languages_checked(client_as, service):
    form = client_as("product_owner").get(reverse("surveys:survey_create", args=[service.pk])).context["form"]
    assert form["languages"].value() == ["fi", "sv", "en"]


@pytest.mark.parametrize(
    "data",
    [{"name": "", "languages": ["fi"]}, {"name": "Kysely", "languages": []}, {"name": "Kysely", "languages": ["de"]}],
    ids=["no-name", "no-language", "unknown-language"],
)
def test_bad_survey_input_creates_nothing(client_as, service, data):
    response = client_as("product_owner").post(reverse("surveys:survey_create", args=[service.pk]), data)
    assert response.status_code == 422
    assert not Survey.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_create_surveys(client_as, service, role, status):
    response = client_as(role).post(
        reverse("surveys:survey_create", args=[service.pk]), {"name": "Kysely", "languages": ["fi"]}
    )
    assert response.status_code == status
    assert not Survey.objects.exists()


def test_product_owner_saves_the_texts_of_a_draft(client_as, service):
    version = draft_version(service)
    response = client_as("product_owner").post(
        reverse("surveys:version_edit", args=[version.pk]), texts(languages=["sv", "fi"], title_en="")
    )
    version.refresh_from_db()
    assert response.status_code == 302
    assert (version.title_sv, version.languages) == ("Berätta för oss", ["fi", "sv"])


def test_a_draft_needs_at_least_one_language(client_as, service):
    version = draft_version(service)
    response = client_as("product_owner").post(reverse("surveys:version_edit", args=[version.pk]), texts(languages=[]))
    version.refresh_from_db()
    assert response.status_code == 422
    assert version.languages == ["fi", "sv", "en"]


@pytest.mark.parametrize("status", ["published", "closed"])
def test_a_published_or_closed_version_cannot_be_edited(client_as, service, status):
    version, _point = published_survey(service=service)
    SurveyVersion.objects.filter(pk=version.pk).update(status=status)
    url = reverse("surveys:version_edit", args=[version.pk])
    assert client_as("product_owner").get(url).status_code == 409
    response = client_as("product_owner").post(url, texts(title_en="Changed"))
    version.refresh_from_db()
    assert response.status_code == 409
    assert version.title_en == "Tell us about your experience"


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_edit_drafts(client_as, service, role, status):
    version = draft_version(service)
    response = client_as(role).post(reverse("surveys:version_edit", args=[version.pk]), texts(title_en="Hacked"))
    version.refresh_from_db()
    assert response.status_code == status
    assert version.title_en == "Tell us about your experience"


def test_publishing_a_complete_draft_makes_it_live(client_as, service):
    version = draft_version(service)
    response = client_as("product_owner").post(reverse("surveys:version_publish", args=[version.pk]))
    version.refresh_from_db()
    assert response["Location"] == version.survey.get_absolute_url()
    assert version.status == "published"
    assert version.published_at is not None
    assert version.survey.live_version() == version


def test_publishing_closes_the_previous_live_version(client_as, service):
    live, _point = published_survey(service=service)
    client_as("product_owner").post(reverse("surveys:version_new", args=[live.survey.pk]))
    draft = live.survey.versions.get(status="draft")
    client_as("product_owner").post(reverse("surveys:version_publish", args=[draft.pk]))
    live.refresh_from_db()
    draft.refresh_from_db()
    assert (live.status, draft.status) == ("closed", "published")
    assert live.closed_at == draft.published_at
    assert live.survey.versions.filter(status="published").count() == 1


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda v: v.questions.all().delete(), "Add at least one question"),
        (lambda v: SurveyVersion.objects.filter(pk=v.pk).update(title_sv=""), "The title in Swedish is missing"),
        (lambda v: SurveyVersion.objects.filter(pk=v.pk).update(thank_you_fi=" "), "thank-you text in Finnish"),
        (lambda v: v.questions.filter(kind="open").update(text_en=""), "Question 2 has no text in English"),
        (lambda v: SurveyVersion.objects.filter(pk=v.pk).update(languages=[]), "at least one language"),
    ],
    ids=["no-questions", "no-title", "no-thank-you", "open-question-text", "no-languages"],
)
def test_an_incomplete_draft_is_not_published(client_as, service, change, problem):
    version = draft_version(service)
    change(version)
    response = client_as("product_owner").post(reverse("surveys:version_publish", args=[version.pk]))
    version.refresh_from_db()
    assert response.status_code == 422
    assert problem in " ".join(response.context["problems"])
    assert version.status == "draft"


def test_texts_of_a_language_not_offered_are_not_needed(client_as, service):
    version = draft_version(service, title_sv="", thank_you_sv="", languages=["fi", "en"])
    client_as("product_owner").post(reverse("surveys:version_publish", args=[version.pk]))
    version.refresh_from_db()
    assert version.status == "published"


def test_a_published_version_cannot_be_published_again(client_as, service):
    version, _point = published_survey(service=service)
    response = client_as("product_owner").post(reverse("surveys:version_publish", args=[version.pk]))
    assert response.status_code == 409


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_publish(client_as, service, role, status):
    version = draft_version(service)
    response = client_as(role).post(reverse("surveys:version_publish", args=[version.pk]))
    version.refresh_from_db()
    assert response.status_code == status
    assert version.status == "draft"


def test_closing_a_survey_stops_its_live_version(client_as, service):
    version, _point = published_survey(service=service)
    response = client_as("product_owner").post(reverse("surveys:survey_close", args=[version.survey.pk]))
    version.refresh_from_db()
    assert response.status_code == 302
    assert version.status == "closed"
    assert version.survey.live_version() is None


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_close_surveys(client_as, service, role, status):
    version, _point = published_survey(service=service)
    response = client_as(role).post(reverse("surveys:survey_close", args=[version.survey.pk]))
    version.refresh_from_db()
    assert response.status_code == status
    assert version.status == "published"


def test_new_version_copies_the_live_versions_texts_and_questions(client_as, service):
    live, _point = published_survey(service=service)
    response = client_as("product_owner").post(reverse("surveys:version_new", args=[live.survey.pk]))
    draft = live.survey.versions.get(status="draft")
    assert response["Location"] == reverse("surveys:version_edit", args=[draft.pk])
    assert draft.number == live.number + 1
    assert (draft.title_fi, draft.thank_you_sv, draft.languages) == (live.title_fi, live.thank_you_sv, live.languages)

    def shape(version):
        return list(version.questions.order_by("position").values_list("kind", "metric_id", "text_en", "max_length"))

    assert shape(draft) == shape(live)
    assert not set(draft.questions.values_list("pk", flat=True)) & set(live.questions.values_list("pk", flat=True))
    live.refresh_from_db()
    assert live.status == "published"


def test_only_one_draft_at_a_time(client_as, service):
    live, _point = published_survey(service=service)
    client = client_as("product_owner")
    client.post(reverse("surveys:version_new", args=[live.survey.pk]))
    response = client.post(reverse("surveys:version_new", args=[live.survey.pk]))
    assert response.status_code == 409
    assert live.survey.versions.count() == 2


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_make_new_versions(client_as, service, role, status):
    live, _point = published_survey(service=service)
    response = client_as(role).post(reverse("surveys:version_new", args=[live.survey.pk]))
    assert response.status_code == status
    assert live.survey.versions.count() == 1


def test_preview_renders_the_customer_page_in_the_chosen_language(client_as, service):
    version = draft_version(service)
    url = reverse("public:version_preview", args=[version.pk])
    response = client_as("viewer").get(url + "?lang=sv")
    content = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="sv"' in content
    assert "Berätta om din upplevelse" in content
    assert "Vad kunde vi förbättra?" in content
    assert Question.objects.filter(version=version).count() == 2


def test_preview_in_a_language_the_survey_lacks_falls_back_to_one_it_has(client_as, service):
    version = draft_version(service, languages=["fi"])
    response = client_as("viewer").get(reverse("public:version_preview", args=[version.pk]) + "?lang=en")
    assert '<html lang="fi"' in response.content.decode()


def test_survey_page_lists_versions_for_viewers_without_change_buttons(client_as, service):
    version, _point = published_survey(service=service)
    content = client_as("viewer").get(version.survey.get_absolute_url()).content.decode()
    assert "Make a new version" not in content
    assert "Close the survey" not in content
    content = client_as("product_owner").get(version.survey.get_absolute_url()).content.decode()
    assert "Make a new version" in content and "Close the survey" in content


def test_survey_list_and_page_do_not_query_per_survey_or_point(client_as, service, django_assert_max_num_queries):
    from tests.factories import CollectionPointFactory

    for _ in range(4):
        version, _point = published_survey(service=service)
        draft_version(service)
    for kind in ("widget", "link", "qr", "api", "widget"):
        CollectionPointFactory(survey=version.survey, kind=kind)
    client = client_as("viewer")
    with django_assert_max_num_queries(10):
        assert client.get(reverse("surveys:survey_list", args=[service.pk])).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(version.survey.get_absolute_url()).status_code == 200


def test_service_page_links_to_its_surveys_and_targets(client_as, service):
    version, _point = published_survey(service=service)
    content = client_as("viewer").get(service.get_absolute_url()).content.decode()
    assert version.survey.get_absolute_url() in content
    assert reverse("surveys:survey_list", args=[service.pk]) in content
    assert reverse("metrics:service_targets", args=[service.pk]) in content
