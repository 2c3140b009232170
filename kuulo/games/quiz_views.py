"""Quizzes: the list on the front page, a quiz's intro, an attempt question by question.

Answering posts with htmx and gets back the verdict and explanation, swapped
into a live region that screen readers announce; the link onwards takes the
focus. Without JavaScript the same answer redirects to the attempt page,
which shows the same verdict in the same place.
"""

from django.contrib.auth.decorators import login_required
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kuulo.games import quiz_actions
from kuulo.games.cards import card_links
from kuulo.games.models import Attempt, AttemptAnswer, Question, Quiz, slug_list


def get_attempt_for_user(request: HttpRequest, pk: int) -> Attempt:
    """One's own attempts only; others' do not exist."""
    attempt = Attempt.objects.select_related("quiz").filter(pk=pk, user=request.user).first()
    if attempt is None:
        raise Http404("No such attempt.")
    return attempt


def quiz_list(user) -> list[Quiz]:
    quizzes = list(Quiz.objects.filter(active=True).prefetch_related("questions"))
    best = dict(
        Attempt.objects.filter(user=user, finished_at__isnull=False)
        .values("quiz_id")
        .annotate(best=Max("score"))
        .values_list("quiz_id", "best")
    )
    passed = set(Attempt.objects.filter(user=user, passed=True).values_list("quiz_id", flat=True))
    for quiz in quizzes:
        quiz.best = best.get(quiz.pk)
        quiz.is_passed = quiz.pk in passed
        quiz.total = len(quiz.questions.all())
    return quizzes


@login_required
def quiz_detail(request: HttpRequest, slug: str) -> HttpResponse:
    quiz = get_object_or_404(Quiz, slug=slug, active=True)
    attempts = Attempt.objects.filter(quiz=quiz, user=request.user, finished_at__isnull=False)[:5]
    context = {
        "quiz": quiz,
        "total": quiz.questions.count(),
        "attempts": attempts,
        "cards": card_links(slug_list(quiz.card_slugs)),
    }
    return render(request, "games/quiz_detail.html", context)


@require_POST
@login_required
def quiz_start(request: HttpRequest, slug: str) -> HttpResponse:
    quiz = get_object_or_404(Quiz, slug=slug, active=True)
    attempt = quiz_actions.start_attempt(quiz, request.user)
    return redirect("games:attempt", pk=attempt.pk)


def feedback_context(attempt: Attempt, answer: AttemptAnswer) -> dict:
    question = answer.question
    return {
        "attempt": attempt,
        "answer": answer,
        "question": question,
        "right_choices": [choice for choice in question.choices.all() if choice.correct],
        "cards": card_links(slug_list(question.card_slugs)),
        "finished": attempt.finished_at is not None,
    }


@login_required
def attempt_page(request: HttpRequest, pk: int) -> HttpResponse:
    attempt = get_attempt_for_user(request, pk)
    question = quiz_actions.next_question(attempt)
    total = attempt.quiz.questions.count()
    context = {"attempt": attempt, "quiz": attempt.quiz, "question": question, "total": total}
    context["number"] = attempt.answers.count() + 1
    after = request.GET.get("after", "")
    if after.isdigit():
        answer = AttemptAnswer.objects.filter(attempt=attempt, question_id=int(after)).first()
        if answer:
            context["feedback"] = feedback_context(attempt, answer)
    if attempt.finished_at:
        context["review"] = (
            AttemptAnswer.objects.filter(attempt=attempt).select_related("question").order_by("question__position")
        )
    return render(request, "games/attempt.html", context)


@require_POST
@login_required
def attempt_answer(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    attempt = get_attempt_for_user(request, pk)
    question = get_object_or_404(Question.objects.prefetch_related("choices"), pk=question_pk, quiz=attempt.quiz)
    ids = {value for value in request.POST.getlist("choice") if value.isdigit()}
    choices = [choice for choice in question.choices.all() if str(choice.pk) in ids]
    problem = ""
    if not choices or len(choices) != len(request.POST.getlist("choice")):
        problem = _("Choose an answer first.")
    elif question.kind == Question.Kind.SINGLE and len(choices) > 1:
        problem = _("Choose only one answer.")
    if problem:
        if request.htmx:
            return render(request, "games/_quiz_problem.html", {"problem": problem}, status=422)
        return redirect(reverse("games:attempt", args=[attempt.pk]))
    answer = quiz_actions.answer_question(attempt, question, choices)
    attempt.refresh_from_db()
    if request.htmx:
        return render(request, "games/_quiz_feedback.html", feedback_context(attempt, answer) | {"oob": True})
    return redirect(reverse("games:attempt", args=[attempt.pk]) + f"?after={question.pk}")
