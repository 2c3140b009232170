"""QR codes of the survey link for posters, and the demo host page of the widget."""

import pytest
import segno
from django.test import RequestFactory
from django.urls import reverse

from kuulo.feedback.public.views import _qr
from tests.factories import published_survey


@pytest.fixture
def point(db):
    return published_survey(kind="qr")[1]


def test_the_svg_qr_code_is_an_inline_cacheable_image(client, point):
    response = client.get(reverse("public:qr_svg", args=[point.key]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response["Content-Disposition"].startswith("inline")
    assert "max-age" in response["Cache-Control"]
    assert response.content.lstrip().startswith(b"<svg")


def test_the_png_qr_code_encodes_the_absolute_survey_address(client, point):
    response = client.get(reverse("public:qr_png", args=[point.key]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert response["Content-Disposition"] == f'inline; filename="survey-{point.key}.png"'


def test_the_qr_code_holds_the_survey_page_url(point, settings):
    """The symbol the view draws equals one made from the expected absolute URL."""
    settings.ALLOWED_HOSTS = ["palaute.example.fi"]
    request = RequestFactory().get("/", HTTP_HOST="palaute.example.fi", secure=True)
    expected = segno.make(f"https://palaute.example.fi/s/{point.key}/", error="m")
    assert _qr(request, point.key).matrix == expected.matrix


def test_an_unknown_key_has_no_qr_code(client, db):
    assert client.get(reverse("public:qr_svg", args=["nope"])).status_code == 404


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Housing allowance – apply online")],
)
def test_the_demo_page_embeds_the_widget_with_one_script_tag(client, db, language, heading):
    _version, point = published_survey(kind="widget")
    html = client.get(reverse("public:widget_demo", args=[point.key]) + f"?lang={language}").content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert html.count("<script") == 1
    assert f'data-kuulo-survey="{point.key}"' in html
    assert "/static/kuulo/widget.js" in html


def test_the_demo_page_is_only_for_widget_collection_points(client, point):
    assert client.get(reverse("public:widget_demo", args=[point.key])).status_code == 404
