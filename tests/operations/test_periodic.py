"""manage.py run_periodic: the periodic jobs run on their turns, and one failing job does not stop the rest."""

import io

import pytest
from django.core.management import CommandError, call_command


def test_once_runs_every_job(db, settings):
    settings.KUULO_PERIODIC_JOBS = [("purge_exports", 3600), ("send_reminders", 3600)]
    out = io.StringIO()
    call_command("run_periodic", "--once", stdout=out)
    assert "Deleted 0 expired exports." in out.getvalue()
    assert "Checkpoint reminders made: 0." in out.getvalue()


def test_a_failing_job_is_reported_and_the_next_one_still_runs(db, settings, monkeypatch):
    settings.KUULO_PERIODIC_JOBS = [("send_reminders", 3600), ("purge_exports", 3600)]

    def broken():
        raise RuntimeError("mail server down")

    monkeypatch.setattr("kuulo.plans.management.commands.send_reminders.send_checkpoint_reminders", broken)
    out, err = io.StringIO(), io.StringIO()
    call_command("run_periodic", "--once", stdout=out, stderr=err)
    assert "send_reminders failed" in err.getvalue()
    assert "Deleted 0 expired exports." in out.getvalue()


def test_an_unknown_job_is_refused_before_anything_runs(db, settings):
    settings.KUULO_PERIODIC_JOBS = [("purge_exports", 60), ("no_such_command", 60)]
    out = io.StringIO()
    with pytest.raises(CommandError, match="no_such_command"):
        call_command("run_periodic", "--once", stdout=out)
    assert out.getvalue() == ""
