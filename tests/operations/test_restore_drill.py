"""The backup and restore of docs/operations.md, drilled: a database with responses and rollups is
dumped with pg_dump, restored with pg_restore into a new database, and the restored copy has every
response and rollups that still match its raw answers. PostgreSQL only (the suite's PostgreSQL
pass runs it); SQLite is backed up by copying its file."""

import os
import subprocess
import sys

import psycopg
import pytest

from bench.harness import ROOT, environment, run_manage, run_python

URL = os.environ.get("DATABASE_URL", "")
pytestmark = pytest.mark.skipif(
    not URL.startswith("postgres"), reason="the restore drill runs in the PostgreSQL pass of the suite"
)
COUNT = """
from django.db.models import Sum
from kuulo.feedback.models import Answer, Comment, Response
print(Response.objects.count(), Answer.objects.aggregate(total=Sum("value"))["total"], Comment.objects.count())
"""


def server_url(name: str) -> str:
    return URL.rsplit("/", 1)[0] + "/" + name


def recreate(name: str) -> None:
    admin = server_url("postgres").replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop(name: str) -> None:
    admin = server_url("postgres").replace("postgres://", "postgresql://", 1)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_dump_restores_into_a_new_database_with_every_response_and_matching_rollups(tmp_path):
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    source, copy = f"kuulo_drill_source_{worker}", f"kuulo_drill_copy_{worker}"
    try:
        recreate(source)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "bench.generate",
                "--responses",
                "3000",
                "--days",
                "60",
                "--database-url",
                server_url(source),
            ],
            cwd=ROOT,
            env=environment(server_url(source)),
            check=True,
            capture_output=True,
        )
        before = run_python(server_url(source), COUNT).split()
        assert int(before[0]) == 3000
        dump = tmp_path / "kuulo.dump"
        subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", server_url(source)], check=True)
        recreate(copy)
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={server_url(copy)}", str(dump)], check=True)
        assert run_python(server_url(copy), COUNT).split() == before
        assert "Rollups match the raw answers" in run_manage(server_url(copy), "rebuild_rollups", "--check")
        assert "No migrations to apply" in run_manage(server_url(copy), "migrate")
    finally:
        drop(source)
        drop(copy)
