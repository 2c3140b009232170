"""Starts the test OpenID Connect provider (tests/oidc_provider) in its own process on a free port."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Provider:
    url: str  # e.g. http://localhost:41234
    process: subprocess.Popen

    @property
    def issuer(self) -> str:
        return f"{self.url}/openid"

    def settings(self) -> dict:
        """Kuulo's settings for this provider, for override_settings."""
        from tests.oidc_provider.setup import CLIENT_ID, CLIENT_SECRET

        return {
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "KUULO_OIDC_ISSUER": self.issuer,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.issuer}/authorize",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.issuer}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.issuer}/userinfo",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.issuer}/jwks",
            "OIDC_RP_SCOPES": "openid email profile groups",
        }

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(kuulo_url: str) -> Provider:
    """The provider, set up for a Kuulo at `kuulo_url`, answering once this returns."""
    port = free_port()
    url = f"http://localhost:{port}"  # another host name than Kuulo's 127.0.0.1: cookies stay apart
    database = Path(tempfile.mkdtemp()) / "provider.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings",
        "OIDC_PROVIDER_DB": str(database),
        "OIDC_PROVIDER_URL": url,
    }
    env.pop("DATABASE_URL", None)
    redirect_uri = f"{kuulo_url}/oidc/callback/"
    subprocess.run(
        [sys.executable, "-m", "tests.oidc_provider.setup", redirect_uri],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    provider = Provider(url, process)
    deadline = time.monotonic() + 30
    while True:
        try:
            requests.get(f"{provider.issuer}/.well-known/openid-configuration", timeout=2).raise_for_status()
            return provider
        except requests.RequestException:
            if time.monotonic() > deadline or process.poll() is not None:
                provider.stop()
                raise RuntimeError("The test OpenID Connect provider did not start.") from None
            time.sleep(0.2)


@pytest.fixture(scope="module")
def oidc_provider(live_server):
    """The provider for the module's tests (import this fixture into the test module)."""
    started = start(live_server.url)
    yield started
    started.stop()
