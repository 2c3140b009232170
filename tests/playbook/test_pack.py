"""The shipped playbook, and sharing a playbook as a JSON pack."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kuulo.playbook.models import METHOD_TEXTS, GlossaryTerm, Method, MethodTemplate, RoleGuide
from kuulo.playbook.pack import GUIDE_TEXTS, PackError, import_pack, shipped_pack, validate_pack

pytestmark = pytest.mark.django_db

SLUGS = {
    "customer-interviews", "focus-groups", "customer-journey-mapping", "effect-mapping", "survey-design",
    "reading-the-dashboards", "comment-analysis", "insight-synthesis", "backlog-prioritisation",
    "co-design-workshop", "usability-testing", "experiments-and-pilots", "weekly-follow-up", "retrospective",
    "you-said-we-did", "celebrating-successes",
}  # fmt: skip


def test_a_fresh_database_has_the_sixteen_shipped_cards_by_their_stable_slugs():
    assert set(Method.objects.values_list("slug", flat=True)) == SLUGS
    assert GlossaryTerm.objects.count() >= 25
    assert set(RoleGuide.objects.values_list("role", flat=True)) == {
        "product_owner", "team_member", "management", "staff", "panel_manager"
    }  # fmt: skip


def test_every_shipped_text_is_written_in_all_three_languages():
    pack = shipped_pack()
    validate_pack(pack)
    for method in pack["methods"]:
        for language in ("fi", "sv", "en"):
            assert set(method["content"][language]) == set(METHOD_TEXTS), (method["slug"], language)
    for guide in pack["role_guides"]:
        for language in ("fi", "sv", "en"):
            assert set(guide["content"][language]) == set(GUIDE_TEXTS)
    for term in pack["glossary"]:
        for language in ("fi", "sv", "en"):
            assert term["content"][language]["term"] and term["content"][language]["definition"]


def test_every_card_that_produces_something_has_a_page_to_start_it():
    from kuulo.playbook.artefacts import artefact

    for method in Method.objects.exclude(produces=""):
        assert artefact(method.produces) is not None, method.slug


def test_load_playbook_keeps_what_the_organisation_changed(admin_user):
    from django.core.management import call_command

    method = Method.objects.get(slug="retrospective")
    method.content["fi"]["title"] = "Retro"
    method.save()
    Method.objects.filter(slug="focus-groups").delete()
    call_command("load_playbook")
    assert Method.objects.get(slug="retrospective").content["fi"]["title"] == "Retro"
    assert Method.objects.filter(slug="focus-groups").exists()


def test_export_and_import_carry_cards_templates_and_terms_to_another_organisation(client_as):
    method = Method.objects.get(slug="retrospective")
    MethodTemplate.objects.create(method=method, name="Pohja", filename="retro.txt", content_type="text/plain",
                                  data=b"retro", size=5)  # fmt: skip
    response = client_as("admin").get(reverse("playbook:pack_export"))
    assert response.status_code == 200
    pack = json.loads(response.content)
    Method.objects.all().delete()
    GlossaryTerm.objects.all().delete()
    counts = import_pack(pack)
    assert counts["added"] >= 16
    assert bytes(MethodTemplate.objects.get(method__slug="retrospective").data) == b"retro"
    assert GlossaryTerm.objects.get(slug="nps").see_also.filter(slug="csat").exists()


def test_only_org_admins_export_and_import(client_as):
    for role in ("product_owner", "team_member", "viewer", "outsider"):
        assert client_as(role).get(reverse("playbook:pack_export")).status_code == 404
        assert client_as(role).post(reverse("playbook:pack_import")).status_code == 404


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"not json", "not valid JSON"),
        (b'{"format": "other"}', "kuulo-playbook"),
        (b'{"format": "kuulo-playbook", "methods": [{"slug": "Bad Slug", "content": {"fi": {"title": "X"}}}]}',
         "identifier"),
        (b'{"format": "kuulo-playbook", "methods": [{"slug": "a", "content": {"de": {"title": "X"}}}]}',
         "not a language"),
        (b'{"format": "kuulo-playbook", "methods": [{"slug": "a", "content": {"fi": {}}, "phases": ["x"]}]}',
         "unknown"),
    ],
)  # fmt: skip
def test_a_bad_pack_is_refused_with_a_clear_message_and_stores_nothing(client_as, body, message):
    before = Method.objects.count()
    upload = SimpleUploadedFile("pack.json", body, content_type="application/json")
    response = client_as("admin").post(reverse("playbook:pack_import"), {"file": upload})
    assert response.status_code == 422
    assert message in response.content.decode()
    assert "Nothing was imported." in response.content.decode()
    assert Method.objects.count() == before


def test_a_pack_bad_halfway_stores_none_of_its_good_cards():
    pack = {
        "format": "kuulo-playbook",
        "methods": [
            {"slug": "good-card", "content": {"fi": {"title": "Hyvä"}}},
            {"slug": "bad-card", "content": {"fi": {"steps": "not a list"}}},
        ],
    }
    with pytest.raises(PackError):
        import_pack(pack)
    assert not Method.objects.filter(slug="good-card").exists()


def test_importing_with_replace_gives_a_changed_card_a_new_version(client_as):
    pack = shipped_pack()
    card = next(method for method in pack["methods"] if method["slug"] == "retrospective")
    card["content"]["en"]["title"] = "Team retrospective"
    upload = SimpleUploadedFile("pack.json", json.dumps(pack).encode(), content_type="application/json")
    response = client_as("admin").post(reverse("playbook:pack_import"), {"file": upload, "replace": "on"})
    assert response.status_code == 302
    method = Method.objects.get(slug="retrospective")
    assert method.content["en"]["title"] == "Team retrospective"
    assert method.version == 2
