"""Questions of a draft: metrics from the library, open questions, order and removal."""

import pytest
from django.urls import reverse

from kuulo.metrics.models import Metric
from tests.factories import published_survey
from tests.surveys.factories import draft_version


def metric(code: str) -> Metric:
    return Metric.objects.get(code=code, version=1)


def order(version) -> list[str]:
    return [str(question) for question in version.questions.order_by("position")]


def add_metric_url(version) -> str:
    return reverse("surveys:question_add_metric", args=[version.pk])


def add_open_url(version) -> str:
    return reverse("surveys:question_add_open", args=[version.pk])


def move(client, question, direction: str, **headers):
    return client.post(reverse("surveys:question_move", args=[question.pk]), {"direction": direction}, **headers)


def open_question(**overrides) -> dict:
    data = {
        "text_fi": "Mitä muuta haluat sanoa?",
        "text_sv": "Vad mer vill du säga?",
        "text_en": "Anything else?",
        "required": "",
        "max_length": "500",
    }
    return {**data, **overrides}


def test_product_owner_adds_a_metric_at_the_end(client_as, service):
    version = draft_version(service)
    response = client_as("product_owner").post(add_metric_url(version), {"metric": metric("nps").pk})
    assert response.status_code == 302
    assert order(version) == ["csat", "What could we improve?", "nps"]


def test_a_metric_can_be_in_a_version_only_once(client_as, service):
    version = draft_version(service)
    response = client_as("product_owner").post(add_metric_url(version), {"metric": metric("csat").pk})
    assert response.status_code == 422
    assert "already in the survey" in " ".join(response.context["metric_form"].errors["metric"])
    assert order(version) == ["csat", "What could we improve?"]


def test_another_version_of_a_metric_already_in_the_survey_is_refused(client_as, service):
    version = draft_version(service)
    csat = metric("csat")
    newer = Metric.objects.create(
        **{field.name: getattr(csat, field.name) for field in Metric._meta.concrete_fields if field.name != "id"}
        | {"version": 2, "previous": csat, "created_at": None}
    )
    response = client_as("product_owner").post(add_metric_url(version), {"metric": newer.pk})
    assert response.status_code == 422
    assert version.questions.count() == 2


def test_a_metric_out_of_use_cannot_be_added(client_as, service):
    version = draft_version(service)
    Metric.objects.filter(code="nps").update(is_active=False)
    response = client_as("product_owner").post(add_metric_url(version), {"metric": metric("nps").pk})
    assert response.status_code == 422
    assert version.questions.count() == 2


def test_product_owner_adds_an_open_question(client_as, service):
    version = draft_version(service)
    response = client_as("product_owner").post(add_open_url(version), open_question(required="on"))
    question = version.questions.get(text_en="Anything else?")
    assert response.status_code == 302
    assert (question.kind, question.required, question.max_length, question.position) == ("open", True, 500, 2)


@pytest.mark.parametrize(
    "overrides",
    [{"text_sv": ""}, {"max_length": "0"}, {"max_length": "100000"}, {"max_length": "many"}],
    ids=["missing-swedish", "too-short", "too-long", "not-a-number"],
)
def test_bad_open_question_is_refused(client_as, service, overrides):
    version = draft_version(service)
    response = client_as("product_owner").post(add_open_url(version), open_question(**overrides))
    assert response.status_code == 422
    assert version.questions.count() == 2


def test_open_question_text_is_needed_only_in_the_versions_languages(client_as, service):
    version = draft_version(service, languages=["fi"])
    response = client_as("product_owner").post(add_open_url(version), open_question(text_sv="", text_en=""))
    assert response.status_code == 302
    assert version.questions.count() == 3


def test_moving_a_question_up_without_javascript_redirects_back_to_it(client_as, service):
    version = draft_version(service, codes=("csat", "nps"))
    nps = version.questions.get(metric__code="nps")
    response = move(client_as("product_owner"), nps, "up")
    assert response["Location"].endswith(f"#question-{nps.pk}")
    assert order(version) == ["nps", "csat", "What could we improve?"]


def test_moving_with_htmx_returns_the_list_in_place_and_keeps_focus(client_as, service):
    version = draft_version(service, codes=("csat", "nps"))
    csat = version.questions.get(metric__code="csat")
    response = move(client_as("product_owner"), csat, "down", headers={"HX-Request": "true"})
    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content
    assert "HX-Request" in response["Vary"]
    assert f'id="down-{csat.pk}" autofocus' in content
    assert "Moved to place 2 of 3." in content
    assert order(version) == ["nps", "csat", "What could we improve?"]


def test_moving_the_first_question_up_changes_nothing(client_as, service):
    version = draft_version(service, codes=("csat", "nps"))
    move(client_as("product_owner"), version.questions.get(metric__code="csat"), "up")
    assert order(version) == ["csat", "nps", "What could we improve?"]


def test_moving_needs_a_direction(client_as, service):
    version = draft_version(service, codes=("csat", "nps"))
    response = move(client_as("product_owner"), version.questions.get(metric__code="csat"), "sideways")
    assert response.status_code == 400
    assert order(version) == ["csat", "nps", "What could we improve?"]


def test_removing_a_question_closes_the_gap(client_as, service):
    version = draft_version(service, codes=("csat", "nps", "ces"))
    nps = version.questions.get(metric__code="nps")
    response = client_as("product_owner").post(reverse("surveys:question_remove", args=[nps.pk]))
    assert response.status_code == 302
    assert order(version) == ["csat", "ces", "What could we improve?"]
    assert list(version.questions.order_by("position").values_list("position", flat=True)) == [0, 1, 2]


def test_questions_of_a_published_version_do_not_change(client_as, service):
    version, _point = published_survey(service=service)
    before = order(version)
    first = version.questions.order_by("position").first()
    client = client_as("product_owner")
    assert client.post(add_metric_url(version), {"metric": metric("ces").pk}).status_code == 409
    assert client.post(add_open_url(version), open_question()).status_code == 409
    assert move(client, first, "down").status_code == 409
    assert client.post(reverse("surveys:question_remove", args=[first.pk])).status_code == 409
    assert order(version) == before


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_change_questions(client_as, service, role, status):
    version = draft_version(service, codes=("csat", "nps"))
    first = version.questions.order_by("position").first()
    client = client_as(role)
    assert client.post(add_metric_url(version), {"metric": metric("ces").pk}).status_code == status
    assert client.post(add_open_url(version), open_question()).status_code == status
    assert move(client, first, "down").status_code == status
    assert client.post(reverse("surveys:question_remove", args=[first.pk])).status_code == status
    assert order(version) == ["csat", "nps", "What could we improve?"]


def test_editor_lists_the_questions_in_order(client_as, service):
    version = draft_version(service, codes=("nps", "csat"))
    content = client_as("product_owner").get(reverse("surveys:version_edit", args=[version.pk])).content.decode()
    assert content.index("Net Promoter Score (NPS)") < content.index("Customer satisfaction (CSAT)")
    assert "What could we improve?" in content


def test_editor_words_library_questions_as_customers_read_them(client_as, service):
    version = draft_version(service, codes=("csat",))
    content = client_as("product_owner").get(reverse("surveys:version_edit", args=[version.pk])).content.decode()
    assert "Overall, how satisfied are you with this service?" in content
