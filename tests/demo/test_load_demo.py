from io import StringIO

from django.core.management import call_command

from kuulo.accounts.models import User
from kuulo.organisation.models import Membership, Role, Service, Unit


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_has_an_agency_with_units_services_and_a_user_per_role(db):
    output = load_demo()
    assert Unit.objects.count() >= 3
    assert Service.objects.count() >= 8
    assert len({channel for service in Service.objects.all() for channel in service.channels}) >= 5
    assert all(service.name_fi and service.name_sv and service.name_en for service in Service.objects.all())
    assert User.objects.get(username="admin").is_org_admin
    for username, role in [("owner", Role.PRODUCT_OWNER), ("team", Role.TEAM_MEMBER), ("viewer", Role.VIEWER)]:
        assert Membership.objects.filter(user__username=username, role=role).exists()
    assert "kuulo-demo" in output
    assert "admin" in output


def test_loading_the_demo_twice_changes_nothing(db):
    load_demo()
    counts = (Unit.objects.count(), Service.objects.count(), User.objects.count(), Membership.objects.count())
    load_demo()
    assert counts == (Unit.objects.count(), Service.objects.count(), User.objects.count(), Membership.objects.count())


def test_demo_users_can_log_in(client, db):
    load_demo()
    response = client.post("/accounts/login/", {"username": "owner", "password": "kuulo-demo"})
    assert response.status_code == 302
