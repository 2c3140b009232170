import pytest
from django.core import mail
from django.urls import reverse

from kuulo.backlog.actions import change_status
from kuulo.backlog.models import BacklogItem
from kuulo.insights.models import Insight
from kuulo.panel import tokens
from kuulo.panel.models import MemberEvent, PanelMember, Participation
from kuulo.traceability import registry
from kuulo.traceability.actions import link
from tests.panel.factories import MemberFactory, StudyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(service):
    study = StudyFactory(service=service, title_en="Moving interviews")
    return Participation.objects.create(
        study=study, member=MemberFactory(name="Taking Part", language="en"), status=Participation.Status.ATTENDED
    )


def test_a_panel_session_is_a_kind_of_evidence_that_never_shows_the_members_name(session):
    kind = registry.kind("panel_session")
    assert kind.service_id(session) == session.study.service_id
    assert "Taking Part" not in kind.label(session)
    assert registry.pair("panel_session", "insight") and registry.pair("panel_session", "item")


def test_members_whose_session_led_to_a_done_item_get_one_notice(
    service, session, admin_user, django_capture_on_commit_callbacks
):
    insight = Insight.objects.create(service=service, statement="Movers miss the deadline")
    item = BacklogItem.objects.create(service=service, title="Deadline reminder", rank=1, we_did_en="We now remind.")
    link(session, insight, admin_user)
    link(insight, item, admin_user)
    other = Participation.objects.create(
        study=session.study, member=MemberFactory(outcome_notices=False), status=Participation.Status.ATTENDED
    )
    link(other, item, admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        change_status(item, admin_user, "done")
    assert [message.to for message in mail.outbox] == [[session.member.email]]
    assert "We now remind." in mail.outbox[0].body and "/panel/unsubscribe/" in mail.outbox[0].body
    assert session.member.events.filter(kind=MemberEvent.Kind.NOTICE).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        change_status(item, admin_user, "verified")
    assert len(mail.outbox) == 1  # told once per item


def test_opted_out_members_get_no_notice(service, session, admin_user, django_capture_on_commit_callbacks):
    PanelMember.objects.filter(pk=session.member_id).update(status=PanelMember.Status.OPTED_OUT)
    item = BacklogItem.objects.create(service=service, title="Fix", rank=1)
    link(session, item, admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        change_status(item, admin_user, "done")
    assert not mail.outbox


def test_the_members_page_shows_what_their_input_changed(client, service, session, admin_user):
    item = BacklogItem.objects.create(service=service, title="Fix", rank=1, we_did_en="Shorter form.")
    link(session, item, admin_user)
    url = reverse("panel_public:my_page", args=[tokens.magic_token(session.member)]) + "?lang=en"
    assert "Shorter form." not in client.get(url).content.decode()
    change_status(item, admin_user, "done")
    assert "Shorter form." in client.get(url).content.decode()
