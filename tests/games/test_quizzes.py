"""Quizzes: the shipped banks, an attempt answered question by question, the score, and bad input."""

import pytest
from django.urls import reverse

from kuulo.games.models import Attempt, AttemptAnswer, Question, Quiz
from kuulo.games.quiz_actions import start_attempt

SHIPPED = ["metric-library", "the-loop", "accessibility-basics", "gdpr-basics"]


@pytest.mark.parametrize("slug", SHIPPED)
def test_each_shipped_quiz_has_six_to_eight_questions_in_three_languages(db, slug):
    quiz = Quiz.objects.get(slug=slug)
    questions = list(quiz.questions.prefetch_related("choices"))
    assert 6 <= len(questions) <= 8
    for question in questions:
        assert question.text_fi and question.text_sv and question.text_en
        assert question.explanation_fi and question.explanation_sv and question.explanation_en
        right = [choice for choice in question.choices.all() if choice.correct]
        assert len(right) == 1 if question.kind == Question.Kind.SINGLE else len(right) >= 1


def right_answer(question) -> list[str]:
    return [str(choice.pk) for choice in question.choices.all() if choice.correct]


def wrong_answer(question) -> list[str]:
    return [str(next(choice.pk for choice in question.choices.all() if not choice.correct))]


def test_a_staff_member_takes_a_quiz_and_passes(client_as, service):
    client = client_as("viewer")
    response = client.post(reverse("games:quiz_start", args=["the-loop"]))
    attempt = Attempt.objects.get()
    assert response["Location"] == reverse("games:attempt", args=[attempt.pk])
    for question in attempt.quiz.questions.all():
        url = reverse("games:attempt_answer", args=[attempt.pk, question.pk])
        client.post(url, {"choice": right_answer(question)})
    attempt.refresh_from_db()
    assert attempt.finished_at is not None
    assert attempt.score == attempt.quiz.questions.count()
    assert attempt.passed
    page = client.get(reverse("games:attempt", args=[attempt.pk])).content.decode()
    assert "You passed the quiz." in page


def test_the_explanation_comes_back_in_the_live_region_for_htmx(client_as, service, personas):
    client = client_as("viewer")
    quiz = Quiz.objects.get(slug="gdpr-basics")
    attempt = start_attempt(quiz, personas["viewer"])
    question = quiz.questions.first()
    url = reverse("games:attempt_answer", args=[attempt.pk, question.pk])
    response = client.post(url, {"choice": wrong_answer(question)}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Not quite." in page
    assert question.explanation_en in page
    assert "autofocus" in page  # the way on takes the focus
    assert 'hx-swap-oob="true"' in page  # the answered form goes
    attempt_page = client.get(reverse("games:attempt", args=[attempt.pk])).content.decode()
    assert 'id="quiz-feedback" role="status" aria-live="polite"' in attempt_page


def test_without_javascript_the_answer_redirects_to_the_same_verdict(client_as, service):
    client = client_as("viewer")
    quiz = Quiz.objects.get(slug="metric-library")
    client.post(reverse("games:quiz_start", args=[quiz.slug]))
    attempt = Attempt.objects.get()
    question = quiz.questions.first()
    response = client.post(
        reverse("games:attempt_answer", args=[attempt.pk, question.pk]), {"choice": right_answer(question)}
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Right answer." in page and question.explanation_en in page


def test_an_answer_counts_once(client_as, service):
    client = client_as("viewer")
    client.post(reverse("games:quiz_start", args=["metric-library"]))
    attempt = Attempt.objects.get()
    question = attempt.quiz.questions.first()
    url = reverse("games:attempt_answer", args=[attempt.pk, question.pk])
    client.post(url, {"choice": wrong_answer(question)})
    client.post(url, {"choice": right_answer(question)})
    answer = AttemptAnswer.objects.get()
    assert not answer.right


@pytest.mark.parametrize("choice", [[], ["x"], ["999999"]])
def test_an_empty_or_foreign_answer_is_refused_and_nothing_is_stored(client_as, service, choice):
    client = client_as("viewer")
    client.post(reverse("games:quiz_start", args=["metric-library"]))
    attempt = Attempt.objects.get()
    question = attempt.quiz.questions.first()
    url = reverse("games:attempt_answer", args=[attempt.pk, question.pk])
    response = client.post(url, {"choice": choice}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "Choose an answer first." in response.content.decode()
    assert not AttemptAnswer.objects.exists()


def test_two_answers_to_a_single_choice_question_are_refused(client_as, service):
    client = client_as("viewer")
    client.post(reverse("games:quiz_start", args=["metric-library"]))
    attempt = Attempt.objects.get()
    question = attempt.quiz.questions.filter(kind=Question.Kind.SINGLE).first()
    both = [str(choice.pk) for choice in question.choices.all()][:2]
    url = reverse("games:attempt_answer", args=[attempt.pk, question.pk])
    response = client.post(url, {"choice": both}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert not AttemptAnswer.objects.exists()


def test_a_question_of_another_quiz_is_not_found(client_as, service):
    client = client_as("viewer")
    client.post(reverse("games:quiz_start", args=["metric-library"]))
    attempt = Attempt.objects.get()
    other = Quiz.objects.get(slug="gdpr-basics").questions.first()
    url = reverse("games:attempt_answer", args=[attempt.pk, other.pk])
    assert client.post(url, {"choice": right_answer(other)}).status_code == 404


def test_nobody_sees_or_answers_another_persons_attempt(client_as, service, personas):
    attempt = start_attempt(Quiz.objects.get(slug="metric-library"), personas["team_member"])
    question = attempt.quiz.questions.first()
    client = client_as("admin")
    assert client.get(reverse("games:attempt", args=[attempt.pk])).status_code == 404
    url = reverse("games:attempt_answer", args=[attempt.pk, question.pk])
    assert client.post(url, {"choice": right_answer(question)}).status_code == 404


def test_the_questions_are_keyboard_usable_native_controls_in_a_fieldset(client_as, service):
    client = client_as("viewer")
    client.post(reverse("games:quiz_start", args=["accessibility-basics"]))
    page = client.get(reverse("games:attempt", args=[Attempt.objects.get().pk])).content.decode()
    assert "<fieldset" in page and "<legend>" in page
    assert 'type="radio"' in page
    assert "<label for=" in page
    assert "onclick" not in page and "<script>" not in page


def test_an_anonymous_visitor_sees_no_quiz(client, db):
    assert client.get(reverse("games:quiz_detail", args=["metric-library"])).status_code == 302
