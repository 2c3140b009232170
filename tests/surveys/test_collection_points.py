"""Collection points of a survey: create, edit, and what staff use to put each to work."""

import pytest
from django.urls import reverse

from kuulo.organisation.models import Term
from kuulo.surveys.models import CollectionPoint
from tests.factories import CollectionPointFactory, TermFactory, published_survey


def point_data(**overrides) -> dict:
    data = {
        "kind": "widget",
        "name": "Front page",
        "channel": "web",
        "touchpoint": "",
        "allowed_origins": "https://www.example.fi\nhttps://asiointi.example.fi:8443/",
        "sample_percent": "25",
        "quiet_days": "60",
        "max_per_minute": "300",
        "is_active": "on",
    }
    return {**data, **overrides}


@pytest.fixture
def survey(service):
    version, _point = published_survey(service=service)
    return version.survey


def create_url(survey) -> str:
    return reverse("surveys:point_create", args=[survey.pk])


def test_product_owner_adds_a_widget(client_as, survey):
    TermFactory(kind=Term.Kind.TOUCHPOINT, code="after-payment", name_en="After payment")
    response = client_as("product_owner").post(create_url(survey), point_data(touchpoint="after-payment"))
    point = survey.collection_points.get(name="Front page")
    assert response["Location"] == f"{survey.get_absolute_url()}#point-{point.pk}"
    assert point.allowed_origins == ["https://www.example.fi", "https://asiointi.example.fi:8443"]
    assert (point.sample_percent, point.quiet_days, point.max_per_minute) == (25, 60, 300)
    assert (point.channel, point.touchpoint) == ("web", "after-payment")
    assert len(point.key) >= 8


@pytest.mark.parametrize(
    "origins",
    [
        "www.example.fi",
        "https://www.example.fi/feedback",
        "ftp://example.fi",
        "https://example.fi:70000",
        "https://*.example.fi",
        "javascript:alert(1)",
        "https://www.example.fi?x=1",
    ],
)
def test_bad_origins_are_refused_and_nothing_stored(client_as, survey, origins):
    before = CollectionPoint.objects.count()
    response = client_as("product_owner").post(create_url(survey), point_data(allowed_origins=origins))
    assert response.status_code == 422
    assert "Not a web origin" in " ".join(response.context["form"].errors["allowed_origins"])
    assert CollectionPoint.objects.count() == before


def test_a_widget_needs_an_allowed_origin_but_a_link_does_not(client_as, survey):
    client = client_as("product_owner")
    assert client.post(create_url(survey), point_data(allowed_origins="")).status_code == 422
    assert client.post(create_url(survey), point_data(kind="link", allowed_origins="")).status_code == 302


@pytest.mark.parametrize(
    "overrides",
    [
        {"sample_percent": "0"},
        {"sample_percent": "101"},
        {"quiet_days": "-1"},
        {"max_per_minute": "0"},
        {"kind": "import"},
        {"kind": "carrier-pigeon"},
        {"channel": "telepathy"},
        {"name": ""},
    ],
)
def test_bad_point_settings_are_refused(client_as, survey, overrides):
    before = CollectionPoint.objects.count()
    response = client_as("product_owner").post(create_url(survey), point_data(**overrides))
    assert response.status_code == 422
    assert CollectionPoint.objects.count() == before


def test_editing_a_point_keeps_its_kind_and_key(client_as, survey):
    point = CollectionPointFactory(survey=survey, kind="widget")
    key = point.key
    response = client_as("product_owner").post(
        reverse("surveys:point_edit", args=[point.pk]), point_data(kind="api", name="Renamed", sample_percent="10")
    )
    point.refresh_from_db()
    assert response.status_code == 302
    assert (point.kind, point.key, point.name, point.sample_percent) == ("widget", key, "Renamed", 10)


def test_edit_form_shows_origins_one_per_line(client_as, survey):
    point = CollectionPointFactory(survey=survey, allowed_origins=["https://a.example.fi", "https://b.example.fi"])
    form = client_as("product_owner").get(reverse("surveys:point_edit", args=[point.pk])).context["form"]
    assert form["allowed_origins"].value() == "https://a.example.fi\nhttps://b.example.fi"


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_manage_points(client_as, survey, role, status):
    point = CollectionPointFactory(survey=survey, name="Original")
    client = client_as(role)
    before = CollectionPoint.objects.count()
    assert client.post(create_url(survey), point_data()).status_code == status
    assert client.post(reverse("surveys:point_edit", args=[point.pk]), point_data(name="Changed")).status_code == status
    point.refresh_from_db()
    assert point.name == "Original"
    assert CollectionPoint.objects.count() == before


def test_widget_point_shows_its_one_line_snippet(client_as, survey):
    point = CollectionPointFactory(survey=survey, kind="widget", channel="web")
    content = client_as("viewer").get(survey.get_absolute_url()).content.decode()
    snippet = (
        "&lt;script src=&quot;http://testserver/static/kuulo/widget.js&quot; "
        f"data-kuulo-survey=&quot;{point.key}&quot; "
        f"data-lang=&quot;fi&quot; data-channel=&quot;web&quot; async&gt;&lt;/script&gt;"
    )
    assert snippet in content
    assert "readonly" in content


def test_link_point_shows_the_public_survey_address(client_as, survey):
    point = CollectionPointFactory(survey=survey, kind="link")
    content = client_as("viewer").get(survey.get_absolute_url()).content.decode()
    assert f"http://testserver{reverse('public:survey_page', args=[point.key])}" in content


def test_qr_point_shows_both_images_with_download_links(client_as, survey):
    point = CollectionPointFactory(survey=survey, kind="qr")
    content = client_as("viewer").get(survey.get_absolute_url()).content.decode()
    assert f'<img src="http://testserver{reverse("public:qr_svg", args=[point.key])}"' in content
    assert f'href="http://testserver{reverse("public:qr_png", args=[point.key])}" download' in content


def test_api_point_shows_its_endpoint(client_as, survey):
    point = CollectionPointFactory(survey=survey, kind="api")
    content = client_as("viewer").get(survey.get_absolute_url()).content.decode()
    assert f"/api/v1/collection-points/{point.key}/responses" in content
