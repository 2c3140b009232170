"""Target levels: organisation defaults, service overrides, history and validation."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from kuulo.metrics.models import Metric, Target

TARGETS_URL = reverse("metrics:target_list")


def metric(code: str) -> Metric:
    return Metric.objects.get(code=code, version=1)


def service_url(service) -> str:
    return reverse("metrics:service_targets", args=[service.pk])


def test_admin_adds_an_organisation_default(client_as):
    response = client_as("admin").post(
        TARGETS_URL, {"metric": metric("csat").pk, "level": "80", "valid_from": "2026-01-01"}
    )
    target = Target.objects.get()
    assert response.status_code == 302
    assert (target.service, target.level, target.valid_from) == (None, 80, date(2026, 1, 1))


def test_a_new_default_keeps_the_old_one_in_the_history(client_as):
    client = client_as("admin")
    client.post(TARGETS_URL, {"metric": metric("csat").pk, "level": "75", "valid_from": "2025-01-01"})
    client.post(TARGETS_URL, {"metric": metric("csat").pk, "level": "80", "valid_from": "2026-01-01"})
    assert sorted(Target.objects.values_list("level", flat=True)) == [75, 80]
    rows = client.get(TARGETS_URL).context["rows"]
    row = next(row for row in rows if row["metric"].code == "csat")
    assert row["current"].level == 80
    assert [target.level for target in row["history"]] == [80, 75]


def test_a_future_default_is_not_yet_in_force(client_as):
    tomorrow = date.today() + timedelta(days=1)
    client = client_as("admin")
    client.post(TARGETS_URL, {"metric": metric("csat").pk, "level": "70", "valid_from": "2025-01-01"})
    client.post(TARGETS_URL, {"metric": metric("csat").pk, "level": "90", "valid_from": tomorrow.isoformat()})
    row = next(row for row in client.get(TARGETS_URL).context["rows"] if row["metric"].code == "csat")
    assert row["current"].level == 70


@pytest.mark.parametrize(
    ("code", "level"),
    [("csat", "101"), ("csat", "-1"), ("nps", "-101"), ("nps", "100.5"), ("found", "120"), ("umux_lite", "-5")],
)
def test_target_outside_the_metrics_score_range_is_refused(client_as, code, level):
    response = client_as("admin").post(
        TARGETS_URL, {"metric": metric(code).pk, "level": level, "valid_from": "2026-01-01"}
    )
    assert response.status_code == 422
    assert "the target must be within that" in " ".join(response.context["form"].errors["level"])
    assert not Target.objects.exists()


def test_nps_target_may_be_negative_and_a_mean_target_follows_the_scale(client_as):
    mean_metric = Metric.objects.create(
        code="waiting",
        name_fi="Odotus",
        name_sv="Väntan",
        name_en="Waiting",
        question_fi="?",
        question_sv="?",
        question_en="?",
        scale_min=1,
        scale_max=7,
        rule="mean",
    )
    client = client_as("admin")
    assert (
        client.post(TARGETS_URL, {"metric": metric("nps").pk, "level": "-20", "valid_from": "2026-01-01"}).status_code
        == 302
    )
    assert (
        client.post(TARGETS_URL, {"metric": mean_metric.pk, "level": "5.5", "valid_from": "2026-01-01"}).status_code
        == 302
    )
    assert (
        client.post(TARGETS_URL, {"metric": mean_metric.pk, "level": "8", "valid_from": "2026-02-01"}).status_code
        == 422
    )
    assert Target.objects.count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"metric": "", "level": "80", "valid_from": "2026-01-01"},
        {"metric": "999999", "level": "80", "valid_from": "2026-01-01"},
        {"level": "lots", "valid_from": "2026-01-01"},
        {"level": "80", "valid_from": "tomorrow"},
    ],
    ids=["no-metric", "unknown-metric", "level-not-a-number", "bad-date"],
)
def test_bad_target_input_stores_nothing(client_as, data):
    data = {"metric": metric("csat").pk, **data}
    response = client_as("admin").post(TARGETS_URL, data)
    assert response.status_code == 422
    assert not Target.objects.exists()


def test_two_defaults_cannot_start_on_the_same_day(client_as):
    client = client_as("admin")
    client.post(TARGETS_URL, {"metric": metric("csat").pk, "level": "75", "valid_from": "2026-01-01"})
    response = client.post(TARGETS_URL, {"metric": metric("csat").pk, "level": "85", "valid_from": "2026-01-01"})
    assert response.status_code == 422
    assert Target.objects.get().level == 75


@pytest.mark.parametrize("role", ["product_owner", "team_member", "viewer", "outsider"])
def test_only_admins_add_organisation_defaults(client_as, role):
    response = client_as(role).post(
        TARGETS_URL, {"metric": metric("csat").pk, "level": "80", "valid_from": "2026-01-01"}
    )
    assert response.status_code == 404
    assert not Target.objects.exists()


def test_service_inherits_the_default_until_it_sets_its_own(client_as, service):
    Target.objects.create(metric=metric("csat"), level=75, valid_from=date(2025, 1, 1))
    rows = client_as("viewer").get(service_url(service)).context["rows"]
    row = next(row for row in rows if row["metric"].code == "csat")
    assert (row["current"].level, row["inherited"]) == (75, True)

    response = client_as("product_owner").post(
        service_url(service), {"metric": metric("csat").pk, "level": "85", "valid_from": "2025-06-01"}
    )
    assert response.status_code == 302
    rows = client_as("viewer").get(service_url(service)).context["rows"]
    row = next(row for row in rows if row["metric"].code == "csat")
    assert (row["current"].level, row["inherited"]) == (85, False)
    assert Target.objects.in_force(metric("csat"), service).level == 85
    assert Target.objects.in_force(metric("csat")).level == 75


def test_service_page_does_not_show_other_services_targets(client_as, service):
    from tests.factories import ServiceFactory

    Target.objects.create(metric=metric("csat"), service=ServiceFactory(), level=99, valid_from=date(2025, 1, 1))
    rows = client_as("viewer").get(service_url(service)).context["rows"]
    row = next(row for row in rows if row["metric"].code == "csat")
    assert row["current"] is None


def test_service_target_out_of_range_is_refused(client_as, service):
    response = client_as("product_owner").post(
        service_url(service), {"metric": metric("nps").pk, "level": "150", "valid_from": "2026-01-01"}
    )
    assert response.status_code == 422
    assert not Target.objects.exists()


@pytest.mark.parametrize(("role", "status"), [("team_member", 403), ("viewer", 403), ("outsider", 404)])
def test_only_product_owners_and_admins_set_service_targets(client_as, service, role, status):
    response = client_as(role).post(
        service_url(service), {"metric": metric("csat").pk, "level": "80", "valid_from": "2026-01-01"}
    )
    assert response.status_code == status
    assert not Target.objects.exists()


def test_admin_sets_a_service_target(client_as, service):
    response = client_as("admin").post(
        service_url(service), {"metric": metric("csat").pk, "level": "80", "valid_from": "2026-01-01"}
    )
    assert response.status_code == 302
    assert Target.objects.get().service == service


def test_target_pages_do_not_query_per_metric(client_as, service, django_assert_max_num_queries):
    for code in ("csat", "nps", "ces", "trust"):
        Target.objects.create(metric=metric(code), level=50, valid_from=date(2025, 1, 1))
        Target.objects.create(metric=metric(code), service=service, level=60, valid_from=date(2025, 2, 1))
    client = client_as("viewer")
    with django_assert_max_num_queries(12):
        client.get(service_url(service))
    with django_assert_max_num_queries(12):
        client.get(TARGETS_URL)


def test_valid_from_starts_as_today_in_a_format_date_inputs_read(client_as, service):
    content = client_as("product_owner").get(service_url(service)).content.decode()
    assert f'type="date" name="valid_from" value="{date.today().isoformat()}"' in content
