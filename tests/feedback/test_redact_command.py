import io
import subprocess
import sys
from pathlib import Path
from unittest import mock

from django.core.management import call_command


def run_redact(text: str) -> str:
    stdout = io.StringIO()
    with mock.patch("sys.stdin", io.StringIO(text)):
        call_command("redact", stdout=stdout)
    return stdout.getvalue()


def test_redact_command_prints_standard_input_redacted() -> None:
    assert run_redact("Hetu 131052-308T, puh. 040 123 4567\n") == "Hetu [ID], puh. [PHONE]\n"


def test_redact_command_keeps_the_line_structure() -> None:
    text = "Rivi yksi: matti@example.fi\n\nRad tre: 880320-0016\nLast line without newline 12.3.2024"

    assert run_redact(text) == ("Rivi yksi: [EMAIL]\n\nRad tre: [ID]\nLast line without newline 12.3.2024")


def test_redact_command_passes_ordinary_text_through_unchanged() -> None:
    text = "Maksoin 1 250,50 € 12.3.2024, viite 12345 67890.\n"

    assert run_redact(text) == text


def test_redact_command_prints_nothing_for_empty_input() -> None:
    assert run_redact("") == ""


def test_redact_command_accepts_a_stdin_stream_from_call_command() -> None:
    stdout = io.StringIO()

    call_command("redact", stdin=io.StringIO("FI21 1234 5600 0007 85\n"), stdout=stdout)

    assert stdout.getvalue() == "[IBAN]\n"


def test_redact_command_streams_through_manage_py() -> None:
    manage = Path(__file__).resolve().parents[2] / "manage.py"

    result = subprocess.run(
        [sys.executable, str(manage), "redact"],
        input="Ring 070-123 45 67\nTack!\n",
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    assert result.stdout == "Ring [PHONE]\nTack!\n"
