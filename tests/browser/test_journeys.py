"""A journey map in Chromium: built and reordered by keyboard from the outline (htmx swaps the
outline in place and keeps the focus), the stale-save message and the step form in its error
state pass axe."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from kuulo.journeys.models import Step
from tests.browser.test_accessibility import axe_violations
from tests.journeys.pages import journey_map


def test_a_team_member_reorders_steps_by_keyboard_in_place(new_page, personas, service):
    journey = journey_map(service)
    decision = Step.objects.get(name="Päätös")
    page = new_page(personas["team_member"], "en")
    page.goto(journey.get_absolute_url())
    page.focus(f"#up-step-{decision.pk}")
    page.keyboard.press("Enter")
    ours = page.locator(f"#phase-{decision.phase_id} h4")
    expect(ours.first).to_have_text("Päätös")
    assert page.url.endswith(journey.get_absolute_url())  # no page load: htmx swapped the outline
    assert [step.name for step in decision.phase.steps.all()] == ["Päätös", "Hakemus"]
    # The step is now first: the button that moves it down has the focus's place in the tab order.
    expect(page.locator(f"#up-step-{decision.pk}")).to_have_count(0)
    expect(page.locator(f"#down-step-{decision.pk}")).to_be_visible()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_a_stale_save_shows_who_changed_the_step_and_passes_axe(new_page, personas, service, language):
    journey = journey_map(service)
    step = Step.objects.get(name="Hakemus")
    page = new_page(personas["team_member"], language)
    page.goto(reverse("journeys:step_edit", args=[service.pk, journey.pk, step.pk]))
    Step.objects.filter(pk=step.pk).update(version=step.version + 1, updated_by=personas["product_owner"])
    page.fill("#id_does", "Kirjoitettu työpajassa")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("#stale")).to_be_visible()
    expect(page.locator("#id_does")).to_have_value("Kirjoitettu työpajassa")
    assert str(personas["product_owner"]) in page.locator("#stale").inner_text()
    assert axe_violations(page) == []
    page.fill("#id_name", "")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert axe_violations(page) == []
