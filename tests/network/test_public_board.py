"""The public idea board: closed by default, customers post without an account, abuse protection,
nothing public before moderation, kept apart from the staff board."""

import pytest
from django.urls import reverse

from kuulo.network.models import Idea, PublicBoard, PublicIdea

pytestmark = pytest.mark.django_db

NEW = "network:public_idea_new"


def _open():
    PublicBoard.objects.update_or_create(pk=1, defaults={"enabled": True})


def _form(client, language="fi") -> dict:
    page = client.get(reverse(NEW), {"lang": language})
    return {"started": page.context["form"]["started"].value(), "lang": language}


def test_the_public_board_is_closed_by_default(client):
    for name in ("network:public_ideas", NEW, "network:public_idea_thanks"):
        assert client.get(reverse(name)).status_code == 404
    assert client.post(reverse(NEW), {"title": "x", "description": "y"}).status_code == 404
    assert not PublicIdea.objects.exists()


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_customer_posts_an_idea_which_waits_for_moderation(client, settings, language):
    _open()
    settings.KUULO_MIN_FILL_SECONDS = 0
    data = _form(client, language) | {"title": "Chat", "description": "Chat-palvelu iltaisin."}
    response = client.post(reverse(NEW), data)
    assert response.status_code == 302
    idea = PublicIdea.objects.get()
    assert idea.status == PublicIdea.Status.PENDING and idea.language == language and idea.suspect_reason == ""
    assert "Chat" not in client.get(reverse("network:public_ideas"), {"lang": language}).content.decode()
    assert not Idea.objects.exists(), "customers' ideas stay apart from the staff board"


def test_bad_input_is_refused_with_422_and_nothing_is_stored(client):
    _open()
    response = client.post(reverse(NEW), {"title": "", "description": "x" * 5000, "lang": "en"})
    assert response.status_code == 422
    assert "error-summary" in response.content.decode()
    assert not PublicIdea.objects.exists()


def test_a_filled_honeypot_or_a_too_fast_answer_is_marked_suspect(client):
    _open()
    client.post(reverse(NEW), {"title": "Bot", "description": "spam", "website": "http://spam", **_form(client)})
    client.post(reverse(NEW), {"title": "Fast", "description": "spam", **_form(client)})
    reasons = dict(PublicIdea.objects.values_list("title", "suspect_reason"))
    assert reasons == {"Bot": "honeypot", "Fast": "too_fast"}


def test_too_many_ideas_from_one_client_get_429_and_are_not_stored(client):
    _open()
    statuses = [
        client.post(reverse(NEW), {"title": f"Idea {n}", "description": "x", "lang": "en"}).status_code
        for n in range(5)
    ]
    assert statuses == [302, 302, 302, 429, 429]
    assert PublicIdea.objects.count() == 3
    response = client.post(reverse(NEW), {"title": "More", "description": "x", "lang": "en"})
    assert int(response["Retry-After"]) >= 1


def test_an_organisation_admin_publishes_and_rejects(admin_client):
    _open()
    shown = PublicIdea.objects.create(title="Näytä", description="Hyvä idea.", language="fi")
    hidden = PublicIdea.objects.create(title="Piilota", description="Asiaton.", language="fi")
    page = admin_client.get(reverse("network:moderation"))
    assert "Näytä" in page.content.decode() and "Piilota" in page.content.decode()
    admin_client.post(reverse("network:moderate", args=[shown.pk]), {"decision": "published"})
    admin_client.post(reverse("network:moderate", args=[hidden.pk]), {"decision": "rejected"})
    public = admin_client.get(reverse("network:public_ideas")).content.decode()
    assert "Näytä" in public and "Piilota" not in public


def test_an_organisation_admin_opens_and_closes_the_board(admin_client, client):
    admin_client.post(reverse("network:moderation"), {"enabled": "on"})
    assert client.get(reverse("network:public_ideas")).status_code == 200
    admin_client.post(reverse("network:moderation"), {})
    assert client.get(reverse("network:public_ideas")).status_code == 404


def test_staff_who_are_not_admins_cannot_moderate(client, product_owner):
    idea = PublicIdea.objects.create(title="Odottaa", description="x", language="fi")
    client.force_login(product_owner)
    assert client.get(reverse("network:moderation")).status_code == 404
    assert client.post(reverse("network:moderate", args=[idea.pk]), {"decision": "published"}).status_code == 404
    idea.refresh_from_db()
    assert idea.status == PublicIdea.Status.PENDING
