"""The aggregated results in the API, and the JSON pack: export, import, and refusal of bad files."""

import copy
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kuulo.api.models import ApiToken, Scope
from kuulo.games.models import Descriptor, MaturityModel, Question, Quiz
from kuulo.games.packs import CONTENT
from kuulo.games.results import MIN_RESPONDENTS
from tests.games.test_maturity import crowd


def results(client, token: str, **params):
    return client.get("/api/v1/maturity-results", params, headers={"Authorization": f"Bearer {token}"})


def test_the_api_gives_unit_averages_and_hides_small_rounds(client, service):
    users = crowd(service, MIN_RESPONDENTS, level=4)
    token = ApiToken.issue("BI", scopes=[Scope.READ])[1]
    body = results(client, token).json()
    (unit,) = body["units"]
    (round_,) = unit["rounds"]
    assert round_["respondents"] == MIN_RESPONDENTS and round_["overall"] == 4.0
    assert {d["mean"] for d in round_["dimensions"]} == {4.0}
    assert not any(user.username in json.dumps(body) for user in users)


def test_the_api_shows_nothing_but_hidden_for_fewer_than_five(client, service):
    crowd(service, MIN_RESPONDENTS - 1, level=4)
    token = ApiToken.issue("BI", scopes=[Scope.READ])[1]
    (round_,) = results(client, token).json()["units"][0]["rounds"]
    assert round_["hidden"] and round_["respondents"] is None and round_["overall"] is None
    assert all(d["mean"] is None for d in round_["dimensions"])


def test_the_api_refuses_an_unknown_model_and_a_token_without_read(client, service):
    token = ApiToken.issue("BI", scopes=[Scope.READ])[1]
    assert results(client, token, model="nope").status_code == 404
    ingest_only = ApiToken.issue("CRM", scopes=[Scope.INGEST])[1]
    assert results(client, ingest_only).status_code == 403
    assert client.get("/api/v1/maturity-results").status_code == 401


def test_an_org_admin_exports_a_pack_that_imports_back_unchanged(client_as, service):
    client = client_as("admin")
    response = client.get(reverse("games:pack_export"))
    assert response["Content-Disposition"].startswith("attachment")
    pack = json.loads(response.content)
    assert {model["slug"] for model in pack["maturity_models"]} == {"kuulo-customer-centricity"}
    assert len(pack["quizzes"]) == 4
    Quiz.objects.all().delete()
    upload = SimpleUploadedFile("pack.json", response.content, content_type="application/json")
    assert client.post(reverse("games:pack_import"), {"file": upload}).status_code == 302
    assert Quiz.objects.count() == 4
    again = json.loads(client.get(reverse("games:pack_export")).content)
    assert again == pack


def shipped_pack() -> dict:
    return json.loads((CONTENT / "maturity.json").read_text(encoding="utf-8")) | {
        "quizzes": json.loads((CONTENT / "quizzes.json").read_text(encoding="utf-8"))["quizzes"]
    }


def broken(change) -> bytes:
    pack = copy.deepcopy(shipped_pack())
    pack["maturity_models"][0]["slug"] = "shared-model"
    pack["quizzes"][0]["slug"] = "shared-quiz"
    change(pack)
    return json.dumps(pack).encode()


BAD_FILES = {
    "not json": b"{nope",
    "not a pack": json.dumps({"hello": 1}).encode(),
    "a level missing": broken(lambda p: p["maturity_models"][0]["levels"].pop()),
    "a descriptor missing": broken(lambda p: p["maturity_models"][0]["dimensions"][0]["descriptors"].pop()),
    "a Swedish text missing": broken(lambda p: p["maturity_models"][0]["name"].update(sv="")),
    "two right answers to a single question": broken(
        lambda p: [c.update(correct=True) for c in p["quizzes"][-1]["questions"][-1]["choices"]]
    ),
    "a bad slug": broken(lambda p: p["quizzes"][-1].update(slug="no spaces here")),
    "a number as text": broken(lambda p: p["quizzes"][-1]["questions"][0].update(text=5)),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_a_malformed_pack_is_refused_and_nothing_is_stored(client_as, service, name):
    before = (MaturityModel.objects.count(), Quiz.objects.count(), Question.objects.count(), Descriptor.objects.count())
    upload = SimpleUploadedFile("pack.json", BAD_FILES[name], content_type="application/json")
    response = client_as("admin").post(reverse("games:pack_import"), {"file": upload})
    assert response.status_code == 422
    after = (MaturityModel.objects.count(), Quiz.objects.count(), Question.objects.count(), Descriptor.objects.count())
    assert after == before
    assert not MaturityModel.objects.filter(slug="shared-model").exists()


def test_a_valid_pack_from_another_organisation_adds_its_model_and_quiz(client_as, service):
    upload = SimpleUploadedFile("pack.json", broken(lambda p: None), content_type="application/json")
    client_as("admin").post(reverse("games:pack_import"), {"file": upload})
    assert MaturityModel.objects.filter(slug="shared-model").exists()
    assert Quiz.objects.filter(slug="shared-quiz").exists()


@pytest.mark.parametrize("role", ["product_owner", "viewer"])
def test_only_org_admins_export_or_import_packs(client_as, service, role):
    client = client_as(role)
    assert client.get(reverse("games:pack_export")).status_code == 404
    assert client.get(reverse("games:pack_import")).status_code == 404
