"""Method cards as staff read them, and as organisation admins change them."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kuulo.playbook.models import Method, MethodTemplate, MethodVersion
from tests.playbook.pages import SLUG

pytestmark = pytest.mark.django_db


def card_url(slug=SLUG, name="playbook:method_detail", *args):
    return reverse(name, args=[slug, *args])


def test_visitor_who_has_not_logged_in_sees_nothing_of_the_playbook(client):
    for url in [reverse("playbook:method_list"), card_url(), reverse("playbook:glossary")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_any_member_of_staff_reads_a_card_in_their_language(client_as):
    client = client_as("outsider")
    response = client.get(card_url(), headers={"accept-language": "sv"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Kartlägga kundresan" in page
    assert "Not yet translated" not in page and "Ännu inte översatt" not in page


def test_a_missing_translation_is_marked_in_the_readers_language_never_silently_replaced(client_as, settings):
    method = Method.objects.get(slug=SLUG)
    del method.content["sv"]["purpose"]
    method.save()
    response = client_as("viewer").get(card_url(), headers={"accept-language": "sv"})
    page = response.content.decode()
    assert "Ännu inte översatt till svenska" in page
    # the text shown instead says which language it is in
    assert '<p lang="fi">' in page and "näyttää koko asiakkaan kokemuksen" in page


def test_glossary_terms_are_linked_once_where_they_first_appear_with_a_tooltip(client_as):
    page = client_as("viewer").get(card_url(), headers={"accept-language": "fi"}).content.decode()
    assert page.count('aria-describedby="tip-pain-point"') == 1
    assert 'id="tip-pain-point"' in page and 'role="tooltip"' in page
    assert reverse("playbook:glossary") + "#term-pain-point" in page
    assert "<script>" not in page  # the tooltip's script is a static file


def test_search_finds_cards_by_text_in_the_readers_language(client_as):
    client = client_as("team_member")
    page = client.get(reverse("playbook:method_list"), {"q": "haastattelurunko"}, headers={"accept-language": "fi"})
    assert "Asiakashaastattelu" in page.content.decode()
    assert "Retrospektiivi" not in page.content.decode()
    english = client.get(reverse("playbook:method_list"), {"q": "haastattelurunko"}, headers={"accept-language": "en"})
    assert "Customer interviews" not in english.content.decode()


def test_cards_are_filtered_by_phase_and_role(client_as):
    client = client_as("viewer")
    page = client.get(reverse("playbook:method_list"), {"phase": "follow_up", "role": "panel_manager"}).content.decode()
    assert "You said, we did" in page
    assert "Customer interviews" not in page
    assert client.get(reverse("playbook:method_list"), {"phase": "nonsense"}).status_code == 200


def test_the_start_button_opens_the_artefact_page_of_the_chosen_service(client_as, service):
    client = client_as("product_owner")
    assert "Start in Kuulo" in client.get(card_url()).content.decode()
    response = client.get(card_url(SLUG, "playbook:method_start"), {"service": service.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("journeys:journey_create", args=[service.pk])


@pytest.mark.parametrize(
    ("slug", "url_name"),
    [("effect-mapping", "effectmaps:map_create"), ("focus-groups", "panel:study_create")],
)
def test_effect_mapping_starts_an_effect_map_and_a_focus_group_a_panel_study(client_as, service, slug, url_name):
    response = client_as("product_owner").get(card_url(slug, "playbook:method_start"), {"service": service.pk})
    assert response["Location"] == reverse(url_name, args=[service.pk])


def test_the_start_page_offers_only_services_where_the_role_allows_it(client_as, service):
    client = client_as("viewer")  # a journey map needs a product owner
    response = client.get(card_url(SLUG, "playbook:method_start"), {"service": service.pk})
    assert response.status_code == 422
    assert str(service) not in response.content.decode().split("<main", 1)[1].split("</form>")[0]


def test_org_admin_edit_saves_a_new_version_and_history_shows_who_changed_what(client_as, admin_user):
    client = client_as("admin")
    method = Method.objects.get(slug=SLUG)
    form = client.get(card_url(SLUG, "playbook:method_edit")).context["form"]
    data = {name: value for name, value in form.initial.items() if name not in ("phases", "roles")}
    data.update(phases=method.phases, roles=method.roles, title_sv="Kundresan steg för steg", note="Ny rubrik")
    response = client.post(card_url(SLUG, "playbook:method_edit"), data)
    assert response.status_code == 302
    method.refresh_from_db()
    assert method.version == 2 and method.content["sv"]["title"] == "Kundresan steg för steg"
    assert MethodVersion.objects.filter(method=method).count() == 2
    history = client.get(card_url(SLUG, "playbook:method_history")).content.decode()
    assert "Title (Swedish)" in history and str(admin_user) in history and "Ny rubrik" in history
    old = client.get(card_url(SLUG, "playbook:method_version", 1), headers={"accept-language": "sv"})
    assert "Kartlägga kundresan" in old.content.decode()


@pytest.mark.parametrize("role", ["product_owner", "team_member", "viewer", "outsider"])
def test_only_org_admins_edit_cards(client_as, role):
    response = client_as(role).post(card_url(SLUG, "playbook:method_edit"), {"title_en": "Hijacked"})
    assert response.status_code == 404
    assert Method.objects.get(slug=SLUG).content["en"]["title"] == "Customer journey mapping"


def test_a_new_card_needs_a_title_and_a_free_identifier(client_as):
    client = client_as("admin")
    assert client.post(reverse("playbook:method_create"), {"slug": "x-card"}).status_code == 422
    assert client.post(reverse("playbook:method_create"), {"slug": SLUG, "title_fi": "X"}).status_code == 422
    assert client.post(reverse("playbook:method_create"), {"slug": "glossary", "title_fi": "X"}).status_code == 422
    response = client.post(reverse("playbook:method_create"), {"slug": "kahvitreffit", "title_fi": "Kahvitreffit"})
    assert response.status_code == 302
    assert Method.objects.get(slug="kahvitreffit").versions.count() == 1


def test_admin_adds_a_template_that_staff_download(client_as):
    upload = SimpleUploadedFile("haastattelurunko.odt", b"ODT", content_type="application/octet-stream")
    response = client_as("admin").post(
        card_url(SLUG, "playbook:template_upload"), {"name": "Haastattelurunko", "file": upload}
    )
    assert response.status_code == 302
    template = MethodTemplate.objects.get(method__slug=SLUG)
    download = client_as("viewer").get(card_url(SLUG, "playbook:template_download", template.pk))
    assert download.status_code == 200
    assert download.content == b"ODT"
    assert download["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert "attachment" in download["Content-Disposition"]


def test_a_template_of_a_forbidden_type_is_refused(client_as):
    upload = SimpleUploadedFile("macro.exe", b"MZ")
    response = client_as("admin").post(card_url(SLUG, "playbook:template_upload"), {"name": "X", "file": upload})
    assert response.status_code == 422
    assert not MethodTemplate.objects.exists()


def test_the_card_list_and_a_card_cost_a_fixed_number_of_queries(client_as, django_assert_max_num_queries):
    client = client_as("viewer")
    with django_assert_max_num_queries(12):
        client.get(reverse("playbook:method_list"), {"q": "asiakas"})
    with django_assert_max_num_queries(16):
        client.get(card_url())
