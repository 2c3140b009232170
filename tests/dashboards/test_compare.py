import pytest
from django.urls import reverse

from kuulo.metrics.models import Metric
from kuulo.organisation.models import Role
from tests.dashboards.test_overview import answer
from tests.factories import MembershipFactory, published_survey

URL = reverse("dashboards:compare")


@pytest.fixture
def two_services(personas, service):
    strong_version, strong_point = published_survey(service=service, codes=("csat",), open_question=False)
    weak_version, weak_point = published_survey(codes=("csat",), open_question=False)
    MembershipFactory(user=personas["viewer"], service=weak_version.survey.service, role=Role.VIEWER)
    for value in [5] * 12:
        answer(strong_version, strong_point, value)
    for value in [1] * 6 + [5] * 6:
        answer(weak_version, weak_point, value)
    return service, weak_version.survey.service


def test_services_are_compared_best_first_with_a_chart_and_a_table(client_as, two_services):
    strong, weak = two_services
    content = client_as("viewer").get(URL).content.decode()
    assert content.index(f">{strong.name_en}</a>") < content.index(f">{weak.name_en}</a>")
    assert 'role="img"' in content and "<table>" in content
    assert "100%" in content and "50%" in content


def test_a_chosen_metric_is_compared(client_as, two_services):
    nps = Metric.objects.get(code="nps")
    content = client_as("viewer").get(URL, {"metric": nps.pk}).content.decode()
    assert "too few answers" in content


def test_outsider_sees_none_of_the_services(client_as, two_services):
    strong, weak = two_services
    content = client_as("outsider").get(URL).content.decode()
    assert strong.name_en not in content and weak.name_en not in content


@pytest.mark.parametrize("params", [{"metric": "999999"}, {"period": "2"}])
def test_bad_filters_fall_back_to_the_default_with_a_notice(client_as, two_services, params):
    response = client_as("viewer").get(URL, params)
    assert response.status_code == 200
    assert "Some filters in the address were not valid" in response.content.decode()
    assert response.context["metric"].code == "csat"


def test_htmx_gets_only_the_body(client_as, two_services):
    response = client_as("viewer").get(URL, headers={"HX-Request": "true"})
    assert "<html" not in response.content.decode()


def test_the_menu_shows_the_metric_compared_by_default(client_as, two_services):
    csat = Metric.objects.get(code="csat")
    content = client_as("viewer").get(URL).content.decode()
    assert f'<option value="{csat.pk}" selected>' in content
