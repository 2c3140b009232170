"""Kuulo's own 403, 404 and 500 pages: branded, translated, with a way on; static files without debug."""

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from tests.factories import published_survey


def test_a_missing_page_answers_404_in_the_users_language_with_navigation(client_as):
    response = client_as("viewer").get("/no-such-page/", headers={"Accept-Language": "fi"})
    content = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="fi">' in content and "Sivua ei löytynyt" in content
    assert 'class="main-nav"' in content and reverse("organisation:home") in content


def test_a_role_too_low_answers_403_with_the_reason_and_navigation(client_as, service):
    response = client_as("viewer").get(
        reverse("organisation:service_edit", args=[service.pk]), headers={"Accept-Language": "sv"}
    )
    content = response.content.decode()
    assert response.status_code == 403
    assert "Du har inte behörighet att göra det här" in content and 'class="main-nav"' in content


def test_an_anonymous_visitor_gets_a_404_page_with_a_way_to_log_in(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert reverse("accounts:login") in response.content.decode()


def test_the_500_page_renders_without_the_database_or_a_request_context():
    # no database fixture: any query here would fail the test
    with translation.override("sv"):
        response = server_error(RequestFactory().get("/"))
    content = response.content.decode()
    assert response.status_code == 500
    assert "Något gick fel" in content and reverse("organisation:home") in content
    assert "language-switcher" not in content  # it would post without a CSRF token


@pytest.mark.parametrize("path", ["/static/kuulo/kuulo.css", "/static/kuulo/favicon.svg"])
def test_static_files_are_served_without_debug(client, settings, path):
    assert settings.DEBUG is False
    response = client.get(path)
    assert response.status_code == 200


def test_staff_and_public_pages_link_the_favicon(client_as, service):
    staff = client_as("viewer").get(reverse("organisation:home")).content.decode()
    assert 'rel="icon" href="/static/kuulo/favicon.svg"' in staff
    _version, point = published_survey(service=service)
    public = client_as("viewer").get(reverse("public:survey_page", args=[point.key]))
    assert 'rel="icon" href="/static/kuulo/favicon.svg"' in public.content.decode()
