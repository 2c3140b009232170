"""The dashboards link to the export form with their filters."""

from django.urls import reverse

from tests.dashboards.pages import overview_with_answers


def test_the_overview_links_to_a_daily_export_with_its_filters(client_as, service):
    overview_with_answers(service)
    page = client_as("viewer").get(reverse("dashboards:overview"), {"period": "90", "channel": "web"})
    assert f"{reverse('exports:export_new')}?kind=daily&amp;period=90&amp;channel=web" in page.content.decode()


def test_the_service_dashboard_links_to_an_export_of_the_service(client_as, service):
    page = client_as("viewer").get(reverse("dashboards:service_dashboard", args=[service.pk]))
    assert f"{reverse('exports:export_new')}?service={service.pk}" in page.content.decode()
