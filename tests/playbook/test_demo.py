"""The playbook's demo content loads on the demo organisation and can be loaded again."""

import pytest
from django.urls import reverse

from kuulo.demo.organisation import load_organisation
from kuulo.playbook.demo import load_demo_playbook
from kuulo.playbook.models import HelpRequest, MethodTemplate, SparringPartner

pytestmark = pytest.mark.django_db


def test_demo_gives_cards_templates_and_sparring_partners_and_runs_twice(client):
    load_organisation()
    load_demo_playbook()
    load_demo_playbook()
    assert SparringPartner.objects.filter(method__slug="customer-journey-mapping", user__username="team").exists()
    assert MethodTemplate.objects.count() == 2
    assert HelpRequest.objects.count() == 1
    from kuulo.accounts.models import User

    client.force_login(User.objects.get(username="viewer"))
    page = client.get(reverse("playbook:method_detail", args=["customer-journey-mapping"]))
    assert "Request help" in page.content.decode()
