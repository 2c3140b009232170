"""A games pack: maturity models (and quizzes) as one JSON file, to share between organisations.

`export_pack` writes what `import_pack` reads. Import checks the whole file
first and then writes everything in one transaction, so a malformed file
stores nothing; an existing model or quiz with the same slug is replaced.
The shipped content (kuulo/games/content/*.json) uses the same format.
"""

import json
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from kuulo.games.models import Descriptor, Dimension, LevelName, MaturityModel, Suggestion

FORMAT = "kuulo-games-pack"
VERSION = 1
LANGUAGES = ("fi", "sv", "en")
CONTENT = Path(__file__).parent / "content"


class PackError(ValueError):
    """The file is not a valid pack; the message says where, for the person who uploaded it."""


def _texts(obj, prefix: str) -> dict[str, str]:
    return {code: getattr(obj, f"{prefix}_{code}") for code in LANGUAGES}


def export_model(model: MaturityModel) -> dict:
    return {
        "slug": model.slug,
        "name": _texts(model, "name"),
        "description": _texts(model, "description"),
        "levels": [{"number": level.number, "name": _texts(level, "name")} for level in model.levels.all()],
        "dimensions": [
            {
                "code": dimension.code,
                "name": _texts(dimension, "name"),
                "question": _texts(dimension, "question"),
                "descriptors": [{"number": d.number, "text": _texts(d, "text")} for d in dimension.descriptors.all()],
                "suggestions": [
                    {"kind": s.kind, "card_slug": s.card_slug, "title": _texts(s, "title")}
                    for s in dimension.suggestions.all()
                ],
            }
            for dimension in model.dimensions.all()
        ],
    }


def export_pack(models=(), quizzes=()) -> dict:
    from kuulo.games.quizpacks import export_quiz

    return {
        "format": FORMAT,
        "version": VERSION,
        "maturity_models": [export_model(model) for model in models],
        "quizzes": [export_quiz(quiz) for quiz in quizzes],
    }


# Checking


def need(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise PackError(f"{where}: {message}")


def check_texts(value, where: str, *, required: bool = True, max_length: int | None = None) -> dict[str, str]:
    need(isinstance(value, dict), where, _("expected the texts in fi, sv and en"))
    for code in LANGUAGES:
        text = value.get(code, "")
        need(isinstance(text, str), f"{where}.{code}", _("expected text"))
        if required:
            need(bool(text.strip()), f"{where}.{code}", _("the text is missing"))
        if max_length:
            need(len(text) <= max_length, f"{where}.{code}", _("the text is too long"))
    return {code: value.get(code, "").strip() for code in LANGUAGES}


def check_slug(value, where: str) -> str:
    from django.core.validators import validate_slug

    need(isinstance(value, str) and 0 < len(value) <= 60, where, _("expected a short name"))
    try:
        validate_slug(value)
    except Exception:
        raise PackError(f"{where}: " + _("only letters, digits, hyphens and underscores")) from None
    return value


def check_list(value, where: str) -> list:
    need(isinstance(value, list), where, _("expected a list"))
    return value


def check_model(data, where: str) -> dict:
    need(isinstance(data, dict), where, _("expected an object"))
    levels = check_list(data.get("levels"), f"{where}.levels")
    numbers = sorted(level.get("number") for level in levels if isinstance(level, dict))
    need(numbers == [1, 2, 3, 4, 5], f"{where}.levels", _("a model has exactly the levels 1 to 5"))
    dimensions = check_list(data.get("dimensions"), f"{where}.dimensions")
    need(len(dimensions) > 0, f"{where}.dimensions", _("a model needs at least one dimension"))
    checked = {
        "slug": check_slug(data.get("slug"), f"{where}.slug"),
        "name": check_texts(data.get("name"), f"{where}.name", max_length=200),
        "description": check_texts(data.get("description", {}), f"{where}.description", required=False),
        "levels": [
            {
                "number": level["number"],
                "name": check_texts(level.get("name"), f"{where}.levels[{i}].name", max_length=100),
            }
            for i, level in enumerate(levels)
        ],
        "dimensions": [],
    }
    codes = set()
    for i, dimension in enumerate(dimensions):
        at = f"{where}.dimensions[{i}]"
        need(isinstance(dimension, dict), at, _("expected an object"))
        code = check_slug(dimension.get("code"), f"{at}.code")
        need(code not in codes, f"{at}.code", _("the code is used twice"))
        codes.add(code)
        descriptors = check_list(dimension.get("descriptors"), f"{at}.descriptors")
        numbers = sorted(d.get("number") for d in descriptors if isinstance(d, dict))
        need(numbers == [1, 2, 3, 4, 5], f"{at}.descriptors", _("every level 1 to 5 needs one description"))
        suggestions = check_list(dimension.get("suggestions", []), f"{at}.suggestions")
        checked_suggestions = []
        for j, suggestion in enumerate(suggestions):
            sat = f"{at}.suggestions[{j}]"
            need(isinstance(suggestion, dict), sat, _("expected an object"))
            need(suggestion.get("kind") in Suggestion.Kind.values, f"{sat}.kind", _("expected read or act"))
            slug = suggestion.get("card_slug", "")
            if slug:
                check_slug(slug, f"{sat}.card_slug")
            checked_suggestions.append(
                {
                    "kind": suggestion["kind"],
                    "card_slug": slug,
                    "title": check_texts(suggestion.get("title"), f"{sat}.title", max_length=200),
                }
            )
        checked["dimensions"].append(
            {
                "code": code,
                "name": check_texts(dimension.get("name"), f"{at}.name", max_length=200),
                "question": check_texts(dimension.get("question", {}), f"{at}.question", required=False),
                "descriptors": [
                    {"number": d["number"], "text": check_texts(d.get("text"), f"{at}.descriptors[{k}].text")}
                    for k, d in enumerate(descriptors)
                ],
                "suggestions": checked_suggestions,
            }
        )
    return checked


def check_pack(data) -> dict:
    from kuulo.games.quizpacks import check_quiz

    need(isinstance(data, dict), "pack", _("expected a JSON object"))
    need(data.get("format") == FORMAT, "format", _("this is not a Kuulo games pack"))
    need(data.get("version") == VERSION, "version", _("unknown version"))
    models = check_list(data.get("maturity_models", []), "maturity_models")
    quizzes = check_list(data.get("quizzes", []), "quizzes")
    need(bool(models or quizzes), "pack", _("the pack is empty"))
    return {
        "maturity_models": [check_model(model, f"maturity_models[{i}]") for i, model in enumerate(models)],
        "quizzes": [check_quiz(quiz, f"quizzes[{i}]") for i, quiz in enumerate(quizzes)],
    }


def parse_pack(raw: bytes) -> dict:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PackError(_("The file is not valid JSON: %(error)s") % {"error": error}) from None
    return check_pack(data)


# Writing


def _columns(prefix: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{code}": texts[code] for code in LANGUAGES}


def write_model(data: dict) -> MaturityModel:
    model, _created = MaturityModel.objects.update_or_create(
        slug=data["slug"], defaults={**_columns("name", data["name"]), **_columns("description", data["description"])}
    )
    model.levels.all().delete()
    LevelName.objects.bulk_create(
        [LevelName(model=model, number=level["number"], **_columns("name", level["name"])) for level in data["levels"]]
    )
    kept = []
    for position, item in enumerate(data["dimensions"]):
        # Kept by code, so the answers given to a dimension survive a new version of its texts.
        dimension, _created = Dimension.objects.update_or_create(
            model=model,
            code=item["code"],
            defaults={"position": position, **_columns("name", item["name"]), **_columns("question", item["question"])},
        )
        kept.append(dimension.pk)
        dimension.descriptors.all().delete()
        Descriptor.objects.bulk_create(
            [
                Descriptor(dimension=dimension, number=d["number"], **_columns("text", d["text"]))
                for d in item["descriptors"]
            ]
        )
        dimension.suggestions.all().delete()
        Suggestion.objects.bulk_create(
            [
                Suggestion(
                    dimension=dimension,
                    kind=s["kind"],
                    card_slug=s["card_slug"],
                    position=i,
                    **_columns("title", s["title"]),
                )
                for i, s in enumerate(item["suggestions"])
            ]
        )
    model.dimensions.exclude(pk__in=kept).delete()
    return model


@transaction.atomic
def import_pack(checked: dict) -> tuple[list, list]:
    """Writes a pack that `check_pack` accepted; all or nothing."""
    from kuulo.games.quizpacks import write_quiz

    models = [write_model(data) for data in checked["maturity_models"]]
    quizzes = [write_quiz(data) for data in checked["quizzes"]]
    return models, quizzes


def load_shipped(name: str) -> tuple[list, list]:
    """The pack kuulo/games/content/`name`.json, as shipped with Kuulo."""
    return import_pack(parse_pack((CONTENT / f"{name}.json").read_bytes()))
