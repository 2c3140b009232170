"""Quizzes in a games pack (see kuulo.games.packs)."""

from django.utils.translation import gettext as _


def export_quiz(quiz) -> dict:
    raise NotImplementedError


def check_quiz(data, where: str) -> dict:
    from kuulo.games.packs import PackError

    raise PackError(f"{where}: " + _("quizzes cannot be imported yet"))


def write_quiz(data: dict):
    raise NotImplementedError
