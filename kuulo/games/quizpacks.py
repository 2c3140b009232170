"""Quizzes in a games pack (see kuulo.games.packs for the file and its checks)."""

from django.utils.translation import gettext as _

from kuulo.games.models import Choice, Question, Quiz, slug_list


def _texts(obj, prefix: str) -> dict[str, str]:
    return {code: getattr(obj, f"{prefix}_{code}") for code in ("fi", "sv", "en")}


def export_quiz(quiz: Quiz) -> dict:
    return {
        "slug": quiz.slug,
        "title": _texts(quiz, "title"),
        "description": _texts(quiz, "description"),
        "pass_percent": quiz.pass_percent,
        "card_slugs": slug_list(quiz.card_slugs),
        "questions": [
            {
                "kind": question.kind,
                "text": _texts(question, "text"),
                "explanation": _texts(question, "explanation"),
                "card_slugs": slug_list(question.card_slugs),
                "choices": [
                    {"text": _texts(choice, "text"), "correct": choice.correct} for choice in question.choices.all()
                ],
            }
            for question in quiz.questions.all()
        ],
    }


def check_slugs(value, where: str) -> list[str]:
    from kuulo.games.packs import check_list, check_slug

    return [check_slug(slug, f"{where}[{i}]") for i, slug in enumerate(check_list(value, where))]


def check_quiz(data, where: str) -> dict:
    from kuulo.games.packs import check_list, check_slug, check_texts, need

    need(isinstance(data, dict), where, _("expected an object"))
    percent = data.get("pass_percent", 80)
    need(isinstance(percent, int) and 1 <= percent <= 100, f"{where}.pass_percent", _("expected a whole number 1–100"))
    questions = check_list(data.get("questions"), f"{where}.questions")
    need(len(questions) > 0, f"{where}.questions", _("a quiz needs at least one question"))
    checked = {
        "slug": check_slug(data.get("slug"), f"{where}.slug"),
        "title": check_texts(data.get("title"), f"{where}.title", max_length=200),
        "description": check_texts(data.get("description", {}), f"{where}.description", required=False),
        "pass_percent": percent,
        "card_slugs": check_slugs(data.get("card_slugs", []), f"{where}.card_slugs"),
        "questions": [],
    }
    for i, question in enumerate(questions):
        at = f"{where}.questions[{i}]"
        need(isinstance(question, dict), at, _("expected an object"))
        need(question.get("kind") in Question.Kind.values, f"{at}.kind", _("expected single or multiple"))
        choices = check_list(question.get("choices"), f"{at}.choices")
        need(len(choices) >= 2, f"{at}.choices", _("a question needs at least two answer options"))
        checked_choices = []
        for j, choice in enumerate(choices):
            need(isinstance(choice, dict), f"{at}.choices[{j}]", _("expected an object"))
            need(isinstance(choice.get("correct"), bool), f"{at}.choices[{j}].correct", _("expected true or false"))
            checked_choices.append(
                {
                    "text": check_texts(choice.get("text"), f"{at}.choices[{j}].text", max_length=300),
                    "correct": choice["correct"],
                }
            )
        right = sum(choice["correct"] for choice in checked_choices)
        if question["kind"] == Question.Kind.SINGLE:
            need(right == 1, f"{at}.choices", _("a single-choice question needs exactly one right answer"))
        else:
            need(right >= 1, f"{at}.choices", _("a question needs at least one right answer"))
        checked["questions"].append(
            {
                "kind": question["kind"],
                "text": check_texts(question.get("text"), f"{at}.text"),
                "explanation": check_texts(question.get("explanation"), f"{at}.explanation"),
                "card_slugs": check_slugs(question.get("card_slugs", []), f"{at}.card_slugs"),
                "choices": checked_choices,
            }
        )
    return checked


def _columns(prefix: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{code}": value for code, value in texts.items()}


def write_quiz(data: dict) -> Quiz:
    """Writes a checked quiz; an existing quiz with the slug gets these questions instead of its own.
    Earlier attempts keep their scores but lose their answers to the replaced questions."""
    quiz, _created = Quiz.objects.update_or_create(
        slug=data["slug"],
        defaults={
            **_columns("title", data["title"]),
            **_columns("description", data["description"]),
            "pass_percent": data["pass_percent"],
            "card_slugs": ", ".join(data["card_slugs"]),
        },
    )
    quiz.questions.all().delete()
    for position, item in enumerate(data["questions"]):
        question = Question.objects.create(
            quiz=quiz,
            position=position,
            kind=item["kind"],
            card_slugs=", ".join(item["card_slugs"]),
            **_columns("text", item["text"]),
            **_columns("explanation", item["explanation"]),
        )
        Choice.objects.bulk_create(
            [
                Choice(question=question, position=i, correct=choice["correct"], **_columns("text", choice["text"]))
                for i, choice in enumerate(item["choices"])
            ]
        )
    return quiz
