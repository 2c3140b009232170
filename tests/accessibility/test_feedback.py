"""Accessibility feedback: anyone sends it without an account, it becomes a case with a 14-day
deadline counted in the organisation's time zone, admins see the days left and record the reply,
and they are reminded before the deadline and when it has passed."""

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kuulo.accessibility.actions import remind_due
from kuulo.accessibility.models import Feedback, deadline_for
from kuulo.notifications.models import Notification


@pytest.mark.parametrize(
    ("received", "deadline"),
    [
        # 23:30 UTC on 24 October is already 25 October in Helsinki (UTC+3, summer time)
        (datetime(2026, 10, 24, 23, 30, tzinfo=UTC), date(2026, 11, 8)),
        # summer time ends on 25 October: 14 days are counted in calendar days all the same
        (datetime(2026, 10, 20, 9, 0, tzinfo=UTC), date(2026, 11, 3)),
        # 22:30 UTC on 28 March is 00:30 on 29 March in Helsinki (UTC+2, before summer time starts)
        (datetime(2026, 3, 28, 22, 30, tzinfo=UTC), date(2026, 4, 12)),
    ],
)
def test_the_deadline_is_14_days_from_the_local_day_of_arrival(settings, received, deadline):
    settings.TIME_ZONE = "Europe/Helsinki"
    assert deadline_for(received) == deadline


def test_anyone_sends_feedback_and_it_becomes_a_case_with_its_deadline(client, db):
    response = client.post(
        reverse("accessibility:feedback"),
        {
            "message": "Kyselyn liukusäädintä ei voi käyttää näppäimistöllä. Soita 040 123 4567.",
            "page": "/s/abc/",
            "contact": "maija@example.fi",
            "lang": "fi",
        },
    )
    assert response.status_code == 302
    case = Feedback.objects.get()
    assert case.deadline == timezone.localdate() + timezone.timedelta(days=14)
    assert "040 123 4567" not in case.message  # personal identifiers are redacted from the message
    assert case.contact == "maija@example.fi" and case.language == "fi"
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200 and "14" in thanks.content.decode()


@pytest.mark.parametrize("data", [{"message": ""}, {"message": "x" * 4001}, {"message": "ok", "website": "spam"}])
def test_bad_feedback_is_refused_and_nothing_stored(client, db, data):
    response = client.post(reverse("accessibility:feedback"), data)
    assert response.status_code == 422
    assert Feedback.objects.count() == 0


def test_the_statement_is_public_in_every_language_with_the_default_text(client, db):
    for language, words in {
        "fi": "Saavutettavuusseloste",
        "sv": "Tillgänglighetsredogörelse",
        "en": "Accessibility",
    }.items():
        page = client.get(reverse("accessibility:statement"), {"lang": language})
        assert page.status_code == 200
        assert words in page.content.decode()
        site = "www.tillganglighetskrav.fi" if language == "sv" else "www.saavutettavuusvaatimukset.fi"
        assert site in page.content.decode()  # the supervising authority


def test_admins_see_days_left_and_record_the_reply(client_as, settings):
    settings.TIME_ZONE = "Europe/Helsinki"
    late = Feedback.objects.create(
        message="Myöhässä", language="fi", deadline=timezone.localdate() - timezone.timedelta(days=2)
    )
    soon = Feedback.objects.create(
        message="Pian", language="sv", deadline=timezone.localdate() + timezone.timedelta(days=5)
    )
    client = client_as("admin")
    page = client.get(reverse("accessibility:cases")).content.decode()
    assert "2 days late" in page and "5 days left" in page and "1 case is past its deadline." in page
    response = client.post(reverse("accessibility:case", args=[soon.pk]), {"reply": ""})
    assert response.status_code == 422
    client.post(reverse("accessibility:case", args=[late.pk]), {"reply": "Korjasimme säätimen."})
    late.refresh_from_db()
    assert late.reply == "Korjasimme säätimen." and late.replied_at is not None
    assert late.replied_by.username == "admin"


@pytest.mark.parametrize("role", ["product_owner", "team_member", "viewer", "outsider"])
def test_only_organisation_admins_answer_feedback(client_as, role):
    case = Feedback.objects.create(message="x", language="fi", deadline=timezone.localdate())
    client = client_as(role)
    assert client.post(reverse("accessibility:case", args=[case.pk]), {"reply": "y"}).status_code == 404
    case.refresh_from_db()
    assert case.replied_at is None


def test_admins_are_reminded_once_before_the_deadline_and_once_when_late(client_as):
    client_as("admin")
    today = timezone.localdate()
    case = Feedback.objects.create(message="x", language="fi", deadline=today + timezone.timedelta(days=3))
    Feedback.objects.create(message="far", language="fi", deadline=today + timezone.timedelta(days=10))
    assert remind_due(today) == 1
    assert remind_due(today) == 0
    assert remind_due(today + timezone.timedelta(days=4)) == 1  # now overdue
    notes = Notification.objects.filter(kind="accessibility_feedback_due").order_by("pk")
    assert [note.params["overdue"] for note in notes] == [False, True]
    case.reply, case.replied_at = "done", timezone.now()
    case.save()
    assert remind_due(today + timezone.timedelta(days=10)) == 1  # the answered case no more, only the other one


def test_an_admin_saves_the_organisations_statement(client_as):
    client = client_as("admin")
    form = client.get(reverse("accessibility:statement_edit")).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(compliance="full", non_accessible_fi="", contact_fi="saavutettavuus@lupavirasto.fi",
                prepared_on="2026-12-01", reviewed_on="2026-12-07")  # fmt: skip
    assert client.post(reverse("accessibility:statement_edit"), data).status_code == 302
    page = client.get(reverse("accessibility:statement"), {"lang": "fi"}).content.decode()
    assert "saavutettavuus@lupavirasto.fi" in page
    data["reviewed_on"] = "2026-11-01"
    assert client.post(reverse("accessibility:statement_edit"), data).status_code == 422


def test_every_public_page_links_to_the_statement(client, db):
    page = client.get(reverse("accessibility:feedback"), {"lang": "sv"}).content.decode()
    assert reverse("accessibility:statement") in page
