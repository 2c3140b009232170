"""A person logs in, switches language and finds their way, by mouse and by keyboard."""

from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import PASSWORD


def test_user_logs_in_switches_language_and_navigates(new_page, personas, service):
    page = new_page(None, "fi")
    page.goto(reverse("accounts:login"))
    expect(page.locator("h1")).to_have_text("Kirjaudu sisään Kuuloon")
    page.fill("#id_username", personas["product_owner"].username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h2").first).to_have_text("Omat palvelut")

    page.get_by_role("button", name="Svenska").click()
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.locator("h2").first).to_have_text("Mina tjänster")

    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Tjänster").click()
    page.get_by_role("link", name=service.name_sv).click()
    expect(page.locator("h1")).to_have_text(service.name_sv)

    page.get_by_role("button", name="English").click()
    expect(page.locator("h1")).to_have_text(service.name_en)
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(f"{page.url.split('/accounts')[0]}/accounts/login/")


def test_keyboard_user_skips_to_the_content(new_page, personas):
    page = new_page(personas["viewer"], "en")
    page.goto(reverse("organisation:home"))
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_adding_a_team_member_updates_the_team_in_place(new_page, personas, service, user):
    page = new_page(personas["product_owner"], "en")
    page.goto(reverse("organisation:service_members", args=[service.pk]))
    page.get_by_label("User").select_option(str(user.pk))
    page.get_by_label("Role").select_option("team_member")
    with page.expect_response(lambda response: "members" in response.url) as answer:
        page.get_by_role("button", name="Add", exact=True).click()
    assert answer.value.request.headers.get("hx-request") == "true"
    expect(page.locator("#team table")).to_contain_text(str(user))


def test_layout_works_on_a_phone(new_page, personas, service):
    page = new_page(personas["admin"], "fi")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(reverse("organisation:service_list"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
