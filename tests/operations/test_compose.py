"""deploy/compose.yaml brings up a production-like Kuulo where a container engine runs; elsewhere
the file is at least checked for what an operator relies on."""

import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
COMPOSE = ROOT / "deploy" / "compose.yaml"


def engine_runs() -> bool:
    if not shutil.which("docker"):
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def test_the_compose_file_runs_every_part_as_the_image_and_checks_readiness():
    spec = yaml.safe_load(COMPOSE.read_text())
    services = spec["services"]
    assert set(services) == {"migrate", "web", "worker", "periodic", "proxy", "db", "cache"}
    assert services["worker"]["command"][:3] == ["python", "manage.py", "db_worker"]
    assert services["periodic"]["command"] == ["python", "manage.py", "run_periodic"]
    assert "/readyz" in " ".join(services["web"]["healthcheck"]["test"])
    for name in ("web", "worker", "periodic"):
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "USER kuulo" in dockerfile and "useradd" in dockerfile  # not root


@pytest.mark.skipif(not engine_runs(), reason="no container engine runs here: docker info failed")
def test_compose_brings_up_a_ready_kuulo(tmp_path):
    env_file = ROOT / "deploy" / "kuulo.env"
    created = not env_file.exists()
    if created:
        env_file.write_text((ROOT / "deploy" / "kuulo.env.example").read_text().replace("change-me", "x" * 40))
    command = ["docker", "compose", "-f", str(COMPOSE), "-p", "kuulo-test"]
    try:
        subprocess.run([*command, "up", "-d", "--build", "--wait"], check=True, timeout=1800)
        deadline = time.monotonic() + 120
        status = None
        while time.monotonic() < deadline and status != 200:
            result = subprocess.run(
                [*command, "exec", "-T", "web", "python", "-c",
                 "import urllib.request;print(urllib.request.urlopen('http://127.0.0.1:8000/readyz').status)"],
                capture_output=True, text=True,
            )  # fmt: skip
            status = int(result.stdout.strip() or 0)
            time.sleep(2)
        assert status == 200
    finally:
        subprocess.run([*command, "down", "-v"], timeout=600)
        if created:
            env_file.unlink()
