import json

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from kuulo.panel import gdpr, tokens
from kuulo.panel.models import MemberEvent, PanelMember, Participation, RewardEntry, Study
from tests.factories import UserFactory
from tests.panel.factories import MemberFactory, SegmentFactory, StudyFactory

pytestmark = pytest.mark.django_db


def url(name: str, member) -> str:
    return reverse(f"panel_public:{name}", args=[tokens.magic_token(member)])


def database_dump() -> str:
    """Every row of every table as text: what a leaked backup would show."""
    lines = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (table names of our own)
            lines += [repr(row) for row in cursor.fetchall()]
    return "\n".join(lines)


@pytest.fixture
def member_with_history():
    member = MemberFactory(name="Ainutlaatuinen Nimi", email="erase.me@example.org", phone="+358 40 765 4321")
    member.self_segments.add(SegmentFactory())
    study = StudyFactory(kind=Study.Kind.INTERVIEW)
    participation = Participation.objects.create(
        study=study, member=member, status=Participation.Status.ATTENDED, notes="Talked about moving."
    )
    RewardEntry.objects.create(participation=participation, kind="given", reward="gift_card", amount=20)
    return member


def test_the_members_page_lists_their_studies(client, member_with_history):
    response = client.get(url("my_page", member_with_history))
    assert response.status_code == 200
    assert member_with_history.participations.get().study.title_en in response.content.decode()


def test_a_forged_or_expired_magic_link_is_404(client, db):
    assert client.get(reverse("panel_public:my_page", args=["forged"])).status_code == 404


def test_the_member_downloads_their_data_as_json_and_the_download_is_recorded(client, member_with_history):
    response = client.get(url("my_data_json", member_with_history))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["email"] == "erase.me@example.org"
    assert data["participations"][0]["rewards"][0]["value"] == "20.00"
    assert member_with_history.events.filter(kind=MemberEvent.Kind.DOWNLOADED).exists()


def test_the_member_reads_their_data_as_a_page(client, member_with_history):
    response = client.get(url("my_data_html", member_with_history))
    assert response.status_code == 200 and "Ainutlaatuinen Nimi" in response.content.decode()


def test_the_member_corrects_their_name(client, member_with_history):
    edit = url("my_edit", member_with_history)
    data = {"name": "Uusi Nimi", "email": "erase.me@example.org", "language": "sv", "contact_channel": "email"}
    assert client.post(edit, data).status_code == 303
    member_with_history.refresh_from_db()
    assert member_with_history.name == "Uusi Nimi" and member_with_history.language == "sv"


def test_a_new_address_gets_a_new_link_and_the_old_one_dies(
    client, member_with_history, django_capture_on_commit_callbacks
):
    old = url("my_page", member_with_history)
    data = {"name": "Uusi Nimi", "email": "new@example.org", "language": "fi", "contact_channel": "email"}
    client.post(url("my_edit", member_with_history), data)
    assert mail.outbox[-1].to == ["new@example.org"]
    assert client.get(old).status_code == 404


def test_bad_corrections_are_refused_with_422(client, member_with_history):
    response = client.post(url("my_edit", member_with_history), {"name": "", "email": "x"})
    assert response.status_code == 422
    member_with_history.refresh_from_db()
    assert member_with_history.name == "Ainutlaatuinen Nimi"


def test_withdrawing_consent_stops_invitations(client, member_with_history):
    assert client.get(url("my_withdraw", member_with_history)).status_code == 200
    assert client.post(url("my_withdraw", member_with_history)).status_code == 200
    member_with_history.refresh_from_db()
    assert member_with_history.status == PanelMember.Status.OPTED_OUT
    assert not member_with_history.consents.filter(withdrawn_at__isnull=True).exists()


def test_erasure_leaves_nothing_findable_but_keeps_the_anonymous_count(client, member_with_history):
    client.get(url("my_data_json", member_with_history))
    assert "erase.me@example.org" in database_dump()
    assert client.post(url("my_erase", member_with_history)).status_code == 200
    dump = database_dump()
    for trace in ("erase.me@example.org", "Ainutlaatuinen", "765 4321", "Talked about moving"):
        assert trace not in dump
    study = Study.objects.get()
    assert study.participations.filter(status=Participation.Status.ATTENDED).count() == 1
    assert client.get(url("my_page", member_with_history)).status_code == 404


def test_staff_erasure_on_request_is_recorded_with_who_did_it(member_with_history):
    manager = UserFactory(is_superuser=True)
    gdpr.erase(member_with_history, by=manager)
    assert member_with_history.events.get(kind=MemberEvent.Kind.ERASED).by == manager
