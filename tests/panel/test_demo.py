"""The demo's customer panel: members in three languages, studies, rules respected, an outcome told."""

from django.contrib.auth.models import Group

from kuulo.backlog.models import BacklogItem
from kuulo.panel import rules
from kuulo.panel.access import can_manage_panel
from kuulo.panel.demo import load_demo_panel
from kuulo.panel.models import MemberEvent, PanelMember, Participation, RewardEntry, Study
from kuulo.panel.outcomes import outcomes_for_member
from tests.factories import ServiceFactory, UserFactory
from tests.panel.factories import organisation


def test_the_demo_panel_loads_once_and_shows_every_part(db):
    organisation()
    owner = UserFactory(username="owner")
    UserFactory(username="team")
    service = ServiceFactory(slug="housing-allowance-online")
    ServiceFactory(slug="appointment-booking")
    item = BacklogItem.objects.create(service=service, title="Lomake", status="done", rank=1, we_did_fi="Korjasimme.")
    load_demo_panel()
    load_demo_panel()
    assert PanelMember.objects.count() == 150
    assert set(PanelMember.objects.values_list("language", flat=True)) == {"fi", "sv", "en"}
    assert Study.objects.count() == 3
    interviews = Study.objects.get(kind=Study.Kind.INTERVIEW)
    assert interviews.slots.count() > 6 and interviews.quotas.exists()
    assert RewardEntry.objects.exists()
    survey = Study.objects.get(kind=Study.Kind.SURVEY)
    interviewed = set(interviews.participations.values_list("member_id", flat=True))
    assert not survey.invitations.filter(member_id__in=interviewed).exists()  # the cooldown held
    assert not survey.invitations.exclude(member__status=PanelMember.Status.ACTIVE).exists()
    told = MemberEvent.objects.get(kind=MemberEvent.Kind.NOTICE).member
    assert [outcome["title"] for outcome in outcomes_for_member(told)] == ["Korjasimme."]
    assert item.pk
    owner = type(owner).objects.get(pk=owner.pk)
    assert can_manage_panel(owner) and owner.groups.filter(pk=Group.objects.get(name="Panel managers").pk).exists()
    attended = Participation.objects.filter(status=Participation.Status.ATTENDED).first()
    assert rules.refusal(attended.member) == rules.COOLDOWN
