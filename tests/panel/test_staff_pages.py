import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from kuulo.audit.models import Entry
from kuulo.organisation.models import Role
from kuulo.panel.access import MANAGERS_GROUP
from kuulo.panel.models import ConsentText, ContactAccess, MemberEvent, PanelMember, Participation, RewardEntry
from tests.factories import MembershipFactory
from tests.panel.factories import ConsentTextFactory, MemberFactory, StudyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def panel_manager(service):
    """A team member of the persona service who is also in the Panel managers group."""
    user = MembershipFactory(service=service, role=Role.TEAM_MEMBER, user__username="panelist").user
    user.groups.add(Group.objects.get(name=MANAGERS_GROUP))
    return user


def test_a_panel_manager_who_is_not_an_admin_sees_the_members(client, panel_manager):
    MemberFactory(name="Visible Member")
    client.force_login(panel_manager)
    response = client.get(reverse("panel:member_list"))
    assert response.status_code == 200 and "Visible Member" in response.content.decode()


def test_every_view_of_contact_details_is_logged_with_who_viewed(client, panel_manager):
    member = MemberFactory()
    client.force_login(panel_manager)
    client.get(member.get_absolute_url())
    client.get(member.get_absolute_url())
    assert ContactAccess.objects.filter(member=member, user=panel_manager).count() == 2
    audited = Entry.objects.filter(action="panel.contact_viewed", actor=panel_manager)
    assert [entry.details for entry in audited] == [{"member": f"#{member.pk}"}] * 2  # by number, never by name


def test_the_member_list_filters_by_status_segment_and_language(client_as):
    MemberFactory(name="Finnish Active", language="fi")
    MemberFactory(name="Swedish Active", language="sv")
    MemberFactory(name="Gone Away", status=PanelMember.Status.OPTED_OUT)
    client = client_as("admin")
    page = client.get(reverse("panel:member_list"), {"language": "sv", "status": "active"}).content.decode()
    assert "Swedish Active" in page and "Finnish Active" not in page and "Gone Away" not in page
    assert client.get(reverse("panel:member_list"), {"status": "nonsense"}).status_code == 200


def test_staff_add_a_member_who_agreed_in_person_with_who_when_and_which_version(client_as, admin_user):
    consent = ConsentTextFactory(version=1)
    client = client_as("admin")
    data = {
        "name": "Kalle Kävijä",
        "email": "kalle@example.org",
        "language": "sv",
        "contact_channel": "email",
        "consent_text": consent.pk,
        "given_at": "2026-11-30T10:00",
    }
    response = client.post(reverse("panel:member_add"), data)
    assert response.status_code == 302
    member = PanelMember.objects.get(email="kalle@example.org")
    record = member.consents.get()
    assert record.method == "in_person" and record.recorded_by == admin_user and record.consent_text == consent
    assert member.status == PanelMember.Status.ACTIVE
    assert client.post(reverse("panel:member_add"), data).status_code == 422  # the same address again


def test_a_new_consent_version_keeps_the_old_records_on_theirs(client_as):
    old = ConsentTextFactory(version=1)
    member = MemberFactory()
    client_as("admin").post(reverse("panel:consent_create"), {"text_fi": "Uusi", "text_sv": "Ny", "text_en": "New"})
    assert ConsentText.current().version == 2
    assert member.consents.get().consent_text == old


def test_staff_erase_on_request_and_it_is_recorded(client_as, admin_user):
    member = MemberFactory()
    response = client_as("admin").post(reverse("panel:member_erase", args=[member.pk]))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.status == PanelMember.Status.ERASED and member.email is None
    assert member.events.get(kind=MemberEvent.Kind.ERASED).by == admin_user


def test_a_team_member_creates_a_study_and_records_participation_with_redacted_notes(client_as, service):
    client = client_as("team_member")
    data = {
        "kind": "interview",
        "title_fi": "Muuttajien haastattelu",
        "starts_on": "2026-12-01",
        "ends_on": "2026-12-31",
        "reward": "gift_card",
        "reward_value": "20",
        "budget": "100",
        "status": "recruiting",
    }
    response = client.post(reverse("panel:study_create", args=[service.pk]), data)
    assert response.status_code == 302
    study = service.studies.get()
    participation = Participation.objects.create(study=study, member=MemberFactory())
    url = reverse("panel:participation_edit", args=[service.pk, study.pk, participation.pk])
    response = client.post(url, {"p-status": "attended", "p-notes": "Call me at 040 123 4567 or maija@example.org"})
    assert response.status_code == 302
    participation.refresh_from_db()
    assert participation.status == "attended"
    assert "040" not in participation.notes and "maija@" not in participation.notes and "[PHONE]" in participation.notes
    client.post(url, {"r-kind": "given", "r-reward": "gift_card", "r-amount": "20", "r-note": ""})
    assert RewardEntry.objects.get().amount == 20


def test_a_study_that_ends_before_it_starts_is_refused(client_as, service):
    data = {"kind": "survey", "title_fi": "X", "starts_on": "2026-12-10", "ends_on": "2026-12-01", "reward": "none"}
    data.update({"reward_value": "0", "budget": "0", "status": "draft"})
    assert client_as("team_member").post(reverse("panel:study_create", args=[service.pk]), data).status_code == 422


def test_the_rewards_csv_names_participants_only_for_panel_managers(client_as, service):
    study = StudyFactory(service=service)
    member = MemberFactory(name="Rewarded Person")
    participation = Participation.objects.create(study=study, member=member)
    RewardEntry.objects.create(participation=participation, kind="given", reward="cinema", amount="12.50")
    url = reverse("panel:rewards_csv", args=[service.pk, study.pk])
    admin_csv = b"".join(client_as("admin").get(url).streaming_content).decode()
    assert "Rewarded Person" in admin_csv and "12.50" in admin_csv
    team_csv = b"".join(client_as("team_member").get(url).streaming_content).decode()
    assert "Rewarded Person" not in team_csv and "12.50" in team_csv
    assert client_as("viewer").get(url).status_code == 403


def test_the_study_page_hides_participant_names_from_non_managers(client_as, service):
    study = StudyFactory(service=service)
    Participation.objects.create(study=study, member=MemberFactory(name="Hidden Name"))
    assert "Hidden Name" not in client_as("team_member").get(study.get_absolute_url()).content.decode()
    assert "Hidden Name" in client_as("admin").get(study.get_absolute_url()).content.decode()


def test_the_main_navigation_links_to_the_panel(client_as):
    page = client_as("viewer").get(reverse("organisation:home")).content.decode()
    assert reverse("panel:home") in page


def test_the_member_list_costs_the_same_queries_for_many_members(client_as, django_assert_max_num_queries):
    client = client_as("admin")
    MemberFactory()
    client.get(reverse("panel:member_list"))
    for _ in range(30):
        member = MemberFactory()
        Participation.objects.create(study=StudyFactory(), member=member)
    with django_assert_max_num_queries(15):
        page = client.get(reverse("panel:member_list")).content.decode()
    assert "In cooldown after taking part" in page
