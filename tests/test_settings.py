"""The settings module read from the environment, in a fresh process each time."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        key: value for key, value in os.environ.items() if not key.startswith(("KUULO_", "DATABASE_URL", "DJANGO_"))
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_mode_passes_the_deployment_checks(tmp_path):
    result = manage(
        "check",
        "--deploy",
        KUULO_PRODUCTION="1",
        KUULO_SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        KUULO_ALLOWED_HOSTS="kuulo.example.fi",
        KUULO_SITE_URL="https://kuulo.example.fi",
        KUULO_DATA_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    # HSTS preloading is a commitment for every subdomain, so it stays the operator's choice.
    warnings = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("?: (")]
    assert all("security.W021" in line for line in warnings), warnings


def test_the_deployment_checks_ask_for_the_site_address_used_in_e_mails(tmp_path):
    result = manage(
        "check",
        "--deploy",
        KUULO_PRODUCTION="1",
        KUULO_SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        KUULO_ALLOWED_HOSTS="kuulo.example.fi",
        KUULO_DATA_DIR=str(tmp_path),
    )
    assert "kuulo.W001" in result.stdout + result.stderr


def test_production_mode_refuses_to_start_without_a_secret_key(tmp_path):
    result = manage("check", KUULO_PRODUCTION="1", KUULO_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "KUULO_SECRET_KEY must be set" in result.stderr


def test_embedded_mode_generates_a_secret_key_once_and_keeps_it(tmp_path):
    manage("check", KUULO_DATA_DIR=str(tmp_path))
    key = (tmp_path / "secret_key").read_text()
    manage("check", KUULO_DATA_DIR=str(tmp_path))
    assert (tmp_path / "secret_key").read_text() == key
    assert len(key) >= 50


def test_database_url_selects_postgresql(tmp_path):
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = manage(
        "shell",
        "--no-imports",
        "-c",
        code,
        DATABASE_URL="postgres://kuulo@db.example:5432/kuulo",
        KUULO_DATA_DIR=str(tmp_path),
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_without_database_url_kuulo_uses_sqlite_in_the_data_folder(tmp_path):
    code = "from django.conf import settings; print(settings.DATABASES['default']['NAME'])"
    result = manage("shell", "--no-imports", "-c", code, KUULO_DATA_DIR=str(tmp_path))
    assert result.stdout.strip() == str(tmp_path / "kuulo.sqlite3")


def test_time_zone_and_language_defaults(tmp_path):
    code = "from django.conf import settings; print(settings.TIME_ZONE, settings.LANGUAGE_CODE)"
    result = manage("shell", "--no-imports", "-c", code, KUULO_DATA_DIR=str(tmp_path))
    assert result.stdout.strip() == "Europe/Helsinki fi"
