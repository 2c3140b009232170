import pytest

from kuulo.integrations import jira
from kuulo.integrations.models import JiraConfig
from kuulo.lib.secrets import encrypt
from tests.integrations.jira_standin import EMAIL, TOKEN, JiraStandIn


@pytest.fixture
def standin():
    server = JiraStandIn().start()
    yield server
    server.stop()


@pytest.fixture
def jira_config(service, standin, monkeypatch):
    monkeypatch.setattr(jira, "TIMEOUT_SECONDS", 2)
    return JiraConfig.objects.create(
        service=service,
        enabled=True,
        base_url=standin.url,
        project_key="KUU",
        email=EMAIL,
        api_token_encrypted=encrypt(TOKEN),
    )
