"""The bell, the list, marking read (htmx and plain forms) and the e-mail setting."""

import pytest
from django.urls import reverse

from kuulo.notifications.actions import notify
from kuulo.notifications.models import Notification, NotificationPreference

LIST = reverse("notifications:notification_list")


def assigned(user, title="Chat etusivulle"):
    return notify(user, "item_assigned", "/", title=title, service="Asumistuki")


@pytest.mark.django_db
def test_the_bell_counts_unread_with_one_query(client_as, team_member, django_assert_max_num_queries):
    for number in range(3):
        assigned(team_member, f"Item {number}")
    client = client_as("team_member")
    page = client.get(reverse("organisation:home")).content.decode()
    assert 'aria-label="Notifications, 3 unread"' in page
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = team_member
    with django_assert_max_num_queries(1):
        Template("{% load notifications %}{% notification_bell %}").render(Context({"request": request}))


@pytest.mark.django_db
def test_the_list_shows_only_ones_own(client_as, team_member, viewer):
    mine = assigned(team_member, "Minun tehtäväni")
    assigned(viewer, "Jonkun muun")
    page = client_as("team_member").get(LIST).content.decode()
    assert "Minun tehtäväni" in page and "Jonkun muun" not in page
    assert reverse("notifications:mark_read", args=[mine.pk]) in page


@pytest.mark.django_db
def test_mark_read_without_javascript(client_as, team_member):
    notification = assigned(team_member)
    response = client_as("team_member").post(reverse("notifications:mark_read", args=[notification.pk]))
    assert response.status_code == 302
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.django_db
def test_mark_read_with_htmx_returns_the_item_and_the_bell(client_as, team_member):
    first, _second = assigned(team_member), assigned(team_member)
    response = client_as("team_member").post(
        reverse("notifications:mark_read", args=[first.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert f'id="notification-{first.pk}"' in body
    assert 'hx-swap-oob="true"' in body and "Notifications, 1 unread" in body


@pytest.mark.django_db
def test_one_cannot_mark_anothers_notification(client_as, viewer):
    notification = assigned(viewer)
    response = client_as("team_member").post(reverse("notifications:mark_read", args=[notification.pk]))
    assert response.status_code == 404
    assert client_as("team_member").get(reverse("notifications:mark_read", args=[notification.pk])).status_code == 405


@pytest.mark.django_db
def test_mark_all_read(client_as, team_member, viewer):
    assigned(team_member), assigned(team_member), assigned(viewer)
    response = client_as("team_member").post(reverse("notifications:mark_all_read"))
    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=team_member, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=viewer, read_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_turning_email_off(client_as, team_member):
    response = client_as("team_member").post(reverse("notifications:preferences"), {})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=team_member).email is False
    client_as("team_member").post(reverse("notifications:preferences"), {"email": "on"})
    assert NotificationPreference.objects.get(user=team_member).email is True


@pytest.mark.django_db
def test_anonymous_visitors_log_in_first(client):
    assert client.get(LIST).status_code == 302
