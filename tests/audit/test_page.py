"""The audit log page: organisation admins only, filters, cursor paging and an audited CSV export."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo import audit
from kuulo.audit import views
from kuulo.audit.models import Entry
from tests.factories import ServiceFactory

LIST = reverse("audit:entry_list")
EXPORT = reverse("audit:entry_export")


@pytest.mark.parametrize("role", ["product_owner", "team_member", "viewer", "outsider"])
def test_only_organisation_admins_see_the_log_or_export_it(client_as, role):
    client = client_as(role)
    assert client.get(LIST).status_code == 404
    assert client.get(EXPORT).status_code == 404
    assert not Entry.objects.filter(action="audit.exported").exists()


def test_signed_out_people_are_sent_to_sign_in(client):
    assert client.get(LIST).status_code == 302


def test_the_admin_sees_their_own_sign_in_and_viewing_the_log_records_nothing(client_as, admin_user):
    client = client_as("admin")
    before = Entry.objects.count()
    page = client.get(LIST).content.decode()
    assert "Signed in" in page and str(admin_user.get_full_name()) in page
    assert 'aria-current="page"' in page and reverse("audit:entry_list") in page
    assert Entry.objects.count() == before


def test_filters_narrow_the_entries(client_as, service, admin_user):
    other = ServiceFactory(name_en="Other service")
    audit.record(None, "service.deleted", service, note="mine")
    audit.record(None, "service.deleted", other)
    client = client_as("admin")
    response = client.get(LIST, {"action": "service.deleted", "service": service.pk})
    assert [entry.service for entry in response.context["entries"]] == [service]
    response = client.get(LIST, {"q": "other serv"})
    assert [entry.target_label for entry in response.context["entries"]] == ["Other service"]
    response = client.get(LIST, {"actor": admin_user.pk})
    assert {entry.action for entry in response.context["entries"]} == {"auth.login"}
    tomorrow = timezone.localdate() + timezone.timedelta(days=1)
    assert not client.get(LIST, {"start": tomorrow}).context["entries"]
    assert len(client.get(LIST, {"end": tomorrow, "action": "service.deleted"}).context["entries"]) == 2


def test_a_bad_filter_falls_back_instead_of_failing(client_as):
    response = client_as("admin").get(LIST, {"start": "not-a-date", "action": "nonsense"})
    assert response.status_code == 200
    assert "not valid" in response.content.decode()


def test_pages_follow_a_cursor_without_gaps_or_repeats(client_as, monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    for number in range(7):
        audit.record(None, "audit.purged", purged=number)
    client = client_as("admin")
    seen = []
    response = client.get(LIST, {"action": "audit.purged"})
    while True:
        seen += [entry.details["purged"] for entry in response.context["entries"]]
        if not response.context["next_before"]:
            break
        response = client.get(LIST, {"action": "audit.purged", "before": response.context["next_before"]})
    assert seen == [6, 5, 4, 3, 2, 1, 0]


def test_the_csv_export_holds_the_filtered_entries_and_is_itself_audited(client_as, service, admin_user):
    audit.record(None, "service.deleted", service)
    response = client_as("admin").get(EXPORT, {"action": "service.deleted"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][0] == "Time" and len(rows) == 2
    assert rows[1][3] == "Service deleted" and rows[1][4] == "service.deleted"
    exported = Entry.objects.get(action="audit.exported")
    assert exported.actor == admin_user
    assert exported.details == {"filters": {"action": "service.deleted"}, "rows": 1}
