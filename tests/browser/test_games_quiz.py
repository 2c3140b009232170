"""A quiz answered with the keyboard alone: the verdict lands in the live region and the focus
moves to the way on."""

from django.urls import reverse
from playwright.sync_api import expect

from kuulo.games.models import Quiz


def test_a_quiz_is_answered_with_the_keyboard_and_the_explanation_is_announced(new_page, personas):
    quiz = Quiz.objects.get(slug="accessibility-basics")
    page = new_page(personas["viewer"], "en")
    page.goto(reverse("games:quiz_detail", args=[quiz.slug]))
    page.get_by_role("button", name="Start the quiz").focus()
    page.keyboard.press("Enter")
    first = page.locator("#quiz-question input[name=choice]").first
    first.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Check answer").focus()
    page.keyboard.press("Enter")
    feedback = page.locator("#quiz-feedback")
    expect(feedback).to_contain_text(quiz.questions.first().explanation_en)
    expect(feedback).to_have_attribute("aria-live", "polite")
    expect(page.get_by_role("link", name="Next question")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#quiz-question legend")).to_contain_text("Question 2 of")
