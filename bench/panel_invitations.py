"""Inviting panel members: the contact rules for every member, then the one background task that
sends all invitations over SMTP to a local test server (aiosmtpd, as the notification tests use).

    python -m bench.panel_invitations                  # 10,000 members, a fresh SQLite database
    python -m bench.panel_invitations --members 2000
    python -m bench.panel_invitations --database-url postgres://postgres@127.0.0.1:5432/kuulo_bench

Prints the seconds to check the rules and queue the invitations, the seconds the sending task
took, and messages per second. Other work may share the CPU (the load average is printed).
"""

import argparse
import os
import socket
import time
from types import SimpleNamespace

from bench.harness import fresh_database, report


class Counter:
    def __init__(self) -> None:
        self.received = 0

    async def handle_DATA(self, server, session, envelope):
        self.received += 1
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build(count: int):
    from django.utils import timezone

    from kuulo.organisation.models import Organisation
    from kuulo.panel.models import ConsentRecord, ConsentText, PanelMember
    from tests.factories import AdminFactory
    from tests.panel.factories import StudyFactory

    organisation = Organisation.objects.create(name_fi="Bench")
    consent = ConsentText.objects.create(organisation=organisation, version=1, text_fi="Suostun.")
    now = timezone.now()
    members = PanelMember.objects.bulk_create(
        PanelMember(
            name=f"Member {n}",
            email=f"member{n}@example.org",
            language=("fi", "sv", "en")[n % 3],
            status=PanelMember.Status.ACTIVE,
            confirmed_at=now,
        )
        for n in range(count)
    )
    ConsentRecord.objects.bulk_create(
        ConsentRecord(member=member, consent_text=consent, method=ConsentRecord.Method.ONLINE) for member in members
    )
    return StudyFactory(), AdminFactory(), PanelMember.objects.all()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--database-url", help="A migrated database to use instead of a fresh SQLite one.")
    args = parser.parse_args()
    from aiosmtpd.controller import Controller

    counter = Counter()
    controller = Controller(counter, hostname="127.0.0.1", port=free_port())
    controller.start()
    os.environ["DATABASE_URL"] = args.database_url or fresh_database("sqlite")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kuulo.settings")
    os.environ["KUULO_TASKS"] = "immediate"
    os.environ["KUULO_EMAIL_HOST"], os.environ["KUULO_EMAIL_PORT"] = "127.0.0.1", str(controller.port)
    import django

    django.setup()
    from django.db import transaction

    from kuulo.panel import invitations
    from kuulo.panel.models import Invitation

    study, manager, members = build(args.members)
    print(f"members: {args.members}; load average {os.getloadavg()[0]:.1f}")
    sending = []
    task = invitations.send_invitations  # enqueued once by invite(); run and timed on its own below
    invitations.send_invitations = SimpleNamespace(enqueue=sending.append)
    started = time.perf_counter()
    with transaction.atomic():
        outcome = invitations.invite(study, members, manager)
    queued = time.perf_counter() - started
    invitations.send_invitations = task
    assert sending == [study.pk], "one task for the whole batch"
    started = time.perf_counter()
    sent = task.call(study.pk)
    seconds = time.perf_counter() - started
    controller.stop()
    assert sent == len(outcome.queued) == counter.received == Invitation.objects.filter(status="sent").count()
    report(f"panel invitations {args.members} rules and queue", queued, "s")
    report(f"panel invitations {args.members} sending task", seconds, "s")
    report(f"panel invitations {args.members} messages per second", sent / seconds, "msg/s")


if __name__ == "__main__":
    main()
