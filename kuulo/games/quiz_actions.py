"""Taking a quiz: an attempt, one answer per question, the score when the last is answered."""

from django.db import transaction
from django.utils import timezone

from kuulo.games.models import Attempt, AttemptAnswer, Choice, Question, Quiz


def start_attempt(quiz: Quiz, user) -> Attempt:
    return Attempt.objects.create(quiz=quiz, user=user)


def next_question(attempt: Attempt) -> Question | None:
    answered = attempt.answers.values("question_id")
    return attempt.quiz.questions.exclude(pk__in=answered).prefetch_related("choices").first()


@transaction.atomic
def answer_question(attempt: Attempt, question: Question, choices: list[Choice]) -> AttemptAnswer:
    """Records the answer once: a second answer to the same question keeps the first."""
    existing = AttemptAnswer.objects.filter(attempt=attempt, question=question).first()
    if existing:
        return existing
    right = {choice.pk for choice in choices} == question.right_ids()
    answer = AttemptAnswer.objects.create(attempt=attempt, question=question, right=right)
    answer.choices.set(choices)
    if next_question(attempt) is None:
        finish(attempt)
    return answer


def finish(attempt: Attempt) -> None:
    total = attempt.quiz.questions.count()
    attempt.score = attempt.answers.filter(right=True).count()
    attempt.passed = total > 0 and attempt.score * 100 >= attempt.quiz.pass_percent * total
    attempt.finished_at = timezone.now()
    attempt.save(update_fields=["score", "passed", "finished_at"])
    from kuulo.games.signals import quiz_finished

    quiz_finished.send(sender=Attempt, attempt=attempt)
