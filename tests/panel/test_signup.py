import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kuulo.feedback import abuse
from kuulo.panel import signup
from kuulo.panel.models import ConsentRecord, PanelMember, ScreenerOption, ScreenerQuestion
from tests.factories import ServiceFactory
from tests.panel.factories import ConsentTextFactory, MemberFactory, SegmentFactory

JOIN = "/panel/join/"


@pytest.fixture
def consent(db):
    return ConsentTextFactory(version=3)


@pytest.fixture
def screener(db):
    segment = SegmentFactory(name_en="Families with children")
    question = ScreenerQuestion.objects.create(
        kind=ScreenerQuestion.Kind.CHOICE, text_en="Do you have children under 18?", required=True
    )
    yes = ScreenerOption.objects.create(question=question, label_en="Yes", segment=segment)
    no = ScreenerOption.objects.create(question=question, label_en="No")
    return question, yes, no, segment


def form_data(consent_text, **changes) -> dict:
    started = abuse.start_token()
    data = {
        "name": "Maija Meikäläinen",
        "email": "Maija@Example.org",
        "phone": "",
        "language": "fi",
        "contact_channel": "email",
        "consent": "on",
        "consent_version": consent_text.version,
        "started": started,
        "website": "",
        "outcome_notices": "on",
    }
    data.update(changes)
    return data


@pytest.fixture
def slow_enough(settings):
    settings.KUULO_MIN_FILL_SECONDS = 0


def test_the_sign_up_page_shows_the_current_consent_text_in_the_asked_language(client, consent):
    response = client.get(JOIN + "?lang=sv")
    assert response.status_code == 200
    assert consent.text_sv in response.content.decode()
    assert response["Content-Language"] == "sv"


def test_signing_up_stores_a_pending_member_and_emails_a_confirmation_link(
    client, consent, screener, slow_enough, django_capture_on_commit_callbacks
):
    question, yes, _no, segment = screener
    service = ServiceFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN, form_data(consent, **{f"q{question.pk}": yes.pk, "services": [service.pk]}))
    assert response.status_code == 303
    member = PanelMember.objects.get()
    assert member.status == PanelMember.Status.PENDING
    assert member.email == "maija@example.org"
    assert list(member.self_segments.all()) == [segment]
    assert not member.staff_segments.exists()
    assert list(member.services.all()) == [service]
    record = member.consents.get()
    assert record.consent_text == consent and record.method == ConsentRecord.Method.ONLINE
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["maija@example.org"]
    link = re.search(r"https?://\S+/panel/confirm/[^/?\s]+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200  # a button, so mail scanners confirm nothing
    member.refresh_from_db()
    assert member.status == PanelMember.Status.PENDING
    assert client.post("/" + path).status_code == 200
    member.refresh_from_db()
    assert member.status == PanelMember.Status.ACTIVE and member.confirmed_at


def test_an_expired_confirmation_link_is_refused(client, consent, slow_enough):
    member = MemberFactory(status=PanelMember.Status.PENDING)
    from kuulo.panel import tokens

    token = tokens.confirm_token(member)
    later = timezone.now() + datetime.timedelta(days=8)
    from unittest import mock

    with mock.patch("django.core.signing.time.time", return_value=later.timestamp()):
        response = client.post(reverse("panel_public:confirm", args=[token]))
    assert response.status_code == 410
    member.refresh_from_db()
    assert member.status == PanelMember.Status.PENDING


@pytest.mark.parametrize(
    "changes",
    [
        {"email": "not an address"},
        {"name": "   "},
        {"consent": ""},
        {"consent_version": "2"},
        {"language": "de"},
        {"contact_channel": "phone", "phone": ""},
        {"name": "x" * 500},
    ],
)
def test_bad_input_is_refused_with_422_and_nothing_is_stored(client, consent, slow_enough, changes):
    response = client.post(JOIN, form_data(consent, **changes))
    assert response.status_code == 422
    assert not PanelMember.objects.exists()
    assert not mail.outbox


def test_a_required_screener_question_must_be_answered(client, consent, screener, slow_enough):
    response = client.post(JOIN, form_data(consent))
    assert response.status_code == 422
    assert not PanelMember.objects.exists()


def test_a_filled_honeypot_looks_like_success_but_stores_nothing(client, consent, slow_enough):
    response = client.post(JOIN, form_data(consent, website="http://spam.example"))
    assert response.status_code == 303
    assert not PanelMember.objects.exists() and not mail.outbox


def test_a_form_sent_faster_than_a_person_can_stores_nothing(client, consent, settings):
    settings.KUULO_MIN_FILL_SECONDS = 60
    assert client.post(JOIN, form_data(consent)).status_code == 303
    assert not PanelMember.objects.exists()


def test_too_many_sign_ups_from_one_connection_get_429(client, consent, settings, slow_enough):
    settings.KUULO_RESPONSES_PER_CLIENT_PER_MINUTE = 2
    for number in range(2):
        client.post(JOIN, form_data(consent, email=f"p{number}@example.org"))
    response = client.post(JOIN, form_data(consent, email="p9@example.org"))
    assert response.status_code == 429 and response["Retry-After"]
    assert PanelMember.objects.count() == 2


def test_an_existing_member_signing_up_again_gets_a_link_and_nothing_changes(
    client, consent, slow_enough, django_capture_on_commit_callbacks
):
    member = MemberFactory(email="maija@example.org", name="Old Name")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(JOIN, form_data(consent))
    member.refresh_from_db()
    assert member.name == "Old Name" and PanelMember.objects.count() == 1
    assert "/panel/me/" in mail.outbox[0].body


def test_unconfirmed_sign_ups_are_purged_after_seven_days(db, consent):
    old = MemberFactory(status=PanelMember.Status.PENDING, created_at=timezone.now() - datetime.timedelta(days=8))
    fresh = MemberFactory(status=PanelMember.Status.PENDING)
    active = MemberFactory(created_at=timezone.now() - datetime.timedelta(days=80))
    assert signup.purge_unconfirmed() == 1
    assert set(PanelMember.objects.values_list("pk", flat=True)) == {fresh.pk, active.pk}
    assert not ConsentRecord.objects.filter(member_id=old.pk).exists()


def test_the_purge_is_a_registered_periodic_job(settings):
    assert "purge_panel_signups" in dict(settings.KUULO_PERIODIC_JOBS)


def test_one_click_unsubscribe_opts_the_member_out(client, db):
    from kuulo.panel import tokens

    member = MemberFactory()
    url = reverse("panel_public:unsubscribe", args=[tokens.unsubscribe_token(member)])
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 200
    member.refresh_from_db()
    assert member.status == PanelMember.Status.OPTED_OUT


def test_a_forged_unsubscribe_link_is_404(client, db):
    assert client.post(reverse("panel_public:unsubscribe", args=["forged"])).status_code == 404


def test_asking_for_a_link_never_tells_whether_the_address_is_known(client, db):
    MemberFactory(email="known@example.org")
    known = client.post("/panel/me/", {"email": "known@example.org"})
    unknown = client.post("/panel/me/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert known.content == unknown.content
    assert len(mail.outbox) == 1
