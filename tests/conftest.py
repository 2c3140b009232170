"""Shared personas: one service with an organisation admin, a product owner,
a team member and a viewer, and an outsider who belongs to another service."""

import os

import pytest
from django.core.cache import cache
from hypothesis import settings

from kuulo.organisation.models import Role
from tests.factories import AdminFactory, MembershipFactory, ServiceFactory, UserFactory

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by fixtures in that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Tests never assert timings: a busy CI machine must not fail a property test by its deadline.
settings.register_profile("kuulo", deadline=None)
settings.load_profile("kuulo")


@pytest.fixture(autouse=True)
def _seeded_metric_library(request):
    """Tests on a flushed database (live server, transactional) lose the
    metrics the migration seeded: seed them again with its own function."""
    if not {"transactional_db", "live_server"} & set(request.fixturenames):
        return
    request.getfixturevalue("transactional_db")
    from tests.surveys.public_pages import ensure_metric_library

    ensure_metric_library()


ROLES = ["admin", "product_owner", "team_member", "viewer", "outsider"]


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.LANGUAGE_CODE = "en"
    settings.DATA_DIR = tmp_path
    # Argon2 is slow on purpose; tests of other things need not pay for it.
    # Tasks run where they are enqueued, so a test sees their effect at once.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Rows of a rolled-back test may come back with the same ids; nothing cached may outlive its test.
    cache.clear()


@pytest.fixture
def service(db):
    return ServiceFactory()


@pytest.fixture
def admin_user(db):
    return AdminFactory(username="admin")


@pytest.fixture
def product_owner(service):
    return MembershipFactory(service=service, role=Role.PRODUCT_OWNER, user__username="owner").user


@pytest.fixture
def team_member(service):
    return MembershipFactory(service=service, role=Role.TEAM_MEMBER, user__username="team").user


@pytest.fixture
def viewer(service):
    return MembershipFactory(service=service, role=Role.VIEWER, user__username="viewer").user


@pytest.fixture
def outsider(db):
    return MembershipFactory(role=Role.PRODUCT_OWNER, user__username="outsider").user


@pytest.fixture
def personas(admin_user, product_owner, team_member, viewer, outsider) -> dict:
    return {
        "admin": admin_user,
        "product_owner": product_owner,
        "team_member": team_member,
        "viewer": viewer,
        "outsider": outsider,
    }


@pytest.fixture
def client_as(client, personas):
    """`client_as("viewer")` logs the test client in as that persona."""

    def log_in(role: str):
        client.force_login(personas[role])
        return client

    return log_in


@pytest.fixture
def user(db):
    return UserFactory()
