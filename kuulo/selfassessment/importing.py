"""Reading a framework from the documented JSON or CSV format (docs/self-assessment.md),
checking all of it, and storing it whole or not at all.

Both formats become the same nested dict; every node carries `_where` (a JSON path such as
`criteria[2].subcriteria[0]`, or `row 7` of the CSV) so that each problem names the place
and the field. `check` lists every problem at once; `store` writes in one transaction.
"""

import csv
import io
import json
import re
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

LANGUAGES = ("fi", "sv", "en")
FORMAT = "kuulo-framework/1"
CSV_COLUMNS = [
    "record",
    "code",
    "parent",
    "low",
    "high",
    "name_fi",
    "name_sv",
    "name_en",
    "description_fi",
    "description_sv",
    "description_en",
]
RECORDS = ("framework", "panel", "band", "criterion", "subcriterion", "example")
SLUG = re.compile(r"^[-a-z0-9_]+$")
MAX_BYTES = 2_000_000
DATA_DIR = Path(__file__).parent / "data"


class FrameworkFileError(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


# --- reading -------------------------------------------------------------------------------


def read_json(text: str) -> dict:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FrameworkFileError(
            [
                _("The file is not valid JSON (line %(line)s, column %(column)s).")
                % {"line": error.lineno, "column": error.colno}
            ]
        ) from None
    if not isinstance(data, dict):
        raise FrameworkFileError([_("The file must hold one JSON object, the framework.")])
    data["_where"] = _("the framework")
    for index, panel in enumerate(_list(data, "panels")):
        _mark(panel, f"panels[{index}]")
        for band_index, band in enumerate(_list(panel, "bands")):
            _mark(band, f"panels[{index}].bands[{band_index}]")
    for index, criterion in enumerate(_list(data, "criteria")):
        _mark(criterion, f"criteria[{index}]")
        for sub_index, sub in enumerate(_list(criterion, "subcriteria")):
            _mark(sub, f"criteria[{index}].subcriteria[{sub_index}]")
            for example_index, example in enumerate(_list(sub, "examples")):
                _mark(example, f"criteria[{index}].subcriteria[{sub_index}].examples[{example_index}]")
    return data


def _list(node, key: str) -> list:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, list) else []


def _mark(node, where: str) -> None:
    if isinstance(node, dict):
        node["_where"] = where


def read_csv(text: str) -> dict:
    """The CSV: one record per row, its kind in the first column; parents are named by code."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip() for name in (reader.fieldnames or [])]
    missing = [name for name in CSV_COLUMNS if name not in header]
    if missing:
        raise FrameworkFileError(
            [_("The first row must name the columns; missing: %(columns)s.") % {"columns": ", ".join(missing)}]
        )
    data: dict = {"_where": _("the framework row"), "panels": [], "criteria": []}
    frameworks = 0
    panels, criteria, subcriteria = {}, {}, {}
    problems = []
    for number, raw in enumerate(reader, start=2):
        row = {(key or "").strip(): (value or "").strip() for key, value in raw.items() if key}
        where = _("row %(number)s") % {"number": number}
        record = row["record"].lower()
        if not any(row.values()):
            continue

        def texts(field: str, row: dict = row) -> dict:
            return {code: row[f"{field}_{code}"] for code in LANGUAGES}

        if record == "framework":
            frameworks += 1
            data.update(code=row["code"], name=texts("name"), description=texts("description"), _where=where)
        elif record == "panel":
            panels[row["code"]] = panel = {
                "_where": where,
                "code": row["code"],
                "name": texts("name"),
                "min": _number(row["low"]),
                "max": _number(row["high"]),
                "bands": [],
            }
            data["panels"].append(panel)
        elif record == "band":
            node = {
                "_where": where,
                "low": _number(row["low"]),
                "high": _number(row["high"]),
                "label": texts("name"),
                "description": texts("description"),
            }
            _attach(
                panels, row["parent"], "bands", node, problems, _PARENT_PANEL % {"where": where, "code": row["parent"]}
            )
        elif record == "criterion":
            criteria[row["code"]] = node = {
                "_where": where,
                "code": row["code"],
                "panel": row["parent"],
                "name": texts("name"),
                "description": texts("description"),
                "subcriteria": [],
            }
            data["criteria"].append(node)
        elif record == "subcriterion":
            subcriteria[row["code"]] = node = {
                "_where": where,
                "code": row["code"],
                "name": texts("name"),
                "description": texts("description"),
                "examples": [],
            }
            _attach(
                criteria,
                row["parent"],
                "subcriteria",
                node,
                problems,
                _PARENT_CRITERION % {"where": where, "code": row["parent"]},
            )
        elif record == "example":
            node = {"_where": where, "text": texts("name")}
            _attach(
                subcriteria,
                row["parent"],
                "examples",
                node,
                problems,
                _PARENT_SUB % {"where": where, "code": row["parent"]},
            )
        else:
            problems.append(
                _("%(where)s, record: “%(value)s” is not one of %(allowed)s.")
                % {"where": where, "value": row["record"], "allowed": ", ".join(RECORDS)}
            )
    if frameworks != 1:
        problems.insert(0, _("The file must have exactly one framework row; it has %(count)s.") % {"count": frameworks})
    if problems:
        raise FrameworkFileError(problems)
    return data


def _number(text: str):
    return int(text) if text.isdigit() else (text or None)


_PARENT_PANEL = _lazy("%(where)s, parent: no panel with the code “%(code)s” comes before this row.")
_PARENT_CRITERION = _lazy("%(where)s, parent: no criterion with the code “%(code)s” comes before this row.")
_PARENT_SUB = _lazy("%(where)s, parent: no subcriterion with the code “%(code)s” comes before this row.")


def _attach(parents: dict, code: str, key: str, node: dict, problems: list, problem: str) -> None:
    if code not in parents:
        problems.append(problem)
    else:
        parents[code][key].append(node)


def read_upload(name: str, content: bytes) -> dict:
    if len(content) > MAX_BYTES:
        raise FrameworkFileError([_("The file is larger than 2 MB.")])
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise FrameworkFileError([_("The file must be UTF-8 text.")]) from None
    if name.lower().endswith(".csv"):
        return read_csv(text)
    if name.lower().endswith(".json"):
        return read_json(text)
    raise FrameworkFileError([_("The file name must end in .json or .csv.")])


# --- checking ------------------------------------------------------------------------------


def check(data: dict, existing_codes: set[str] = frozenset()) -> list[str]:
    """Every problem of the framework, each naming its place and field; empty when it can be stored."""
    problems: list[str] = []

    def problem(node, field: str, text: str) -> None:
        problems.append(f"{node.get('_where', '?')}, {field}: {text}")

    def texts(node, field: str, required: bool = True, limit: int | None = None) -> None:
        value = node.get(field)
        if value is None and not required:
            return
        if not isinstance(value, dict) or not all(isinstance(value.get(code, ""), str) for code in LANGUAGES):
            problem(node, field, _("give the text as an object with the languages fi, sv and en."))
            return
        if required and not value.get("fi", "").strip():
            problem(node, f"{field}.fi", _("the Finnish text is missing."))
        for code in LANGUAGES:
            if limit and len(value.get(code, "")) > limit:
                problem(node, f"{field}.{code}", _("longer than %(limit)s characters.") % {"limit": limit})

    def code_of(node, field: str = "code", slug: bool = False) -> str:
        value = node.get(field)
        if not isinstance(value, str) or not value.strip():
            problem(node, field, _("the code is missing."))
            return ""
        if slug and not SLUG.match(value):
            problem(node, field, _("use only lower-case letters a–z, digits, hyphens and underscores."))
        if len(value) > (60 if slug else 20):
            problem(node, field, _("the code is too long."))
        return value

    framework_code = code_of(data, slug=True)
    if framework_code and framework_code in existing_codes:
        problem(data, "code", _("a framework with this code exists already."))
    texts(data, "name", limit=200)
    texts(data, "description", required=False)
    if not isinstance(data.get("version", ""), str) or not isinstance(data.get("source", ""), str):
        problem(data, "version", _("give the version and source as text."))

    panels = data.get("panels")
    panel_codes = set()
    if not isinstance(panels, list) or not panels:
        problem(data, "panels", _("at least one scoring panel is needed."))
        panels = []
    for panel in panels:
        if not isinstance(panel, dict):
            problem(data, "panels", _("each panel must be an object."))
            continue
        code = code_of(panel, slug=True)
        if code in panel_codes:
            problem(panel, "code", _("another panel has the same code."))
        panel_codes.add(code)
        texts(panel, "name", limit=200)
        low, high = panel.get("min"), panel.get("max")
        if not _whole(low) or not _whole(high) or not low < high:
            problem(panel, "min/max", _("give whole numbers from 0 to 1000, the lowest below the highest."))
            continue
        bands = panel.get("bands")
        if not isinstance(bands, list) or not bands or not all(isinstance(band, dict) for band in bands):
            problem(panel, "bands", _("at least one band is needed."))
            continue
        for band in bands:
            texts(band, "label", limit=200)
            texts(band, "description", required=False)
            if not _whole(band.get("low")) or not _whole(band.get("high")) or band["low"] > band["high"]:
                problem(band, "low/high", _("give whole numbers, the first not above the second."))
        if any(not _whole(band.get("low")) or not _whole(band.get("high")) for band in bands):
            continue
        expected = low
        for band in sorted(bands, key=lambda band: band["low"]):
            if band["low"] != expected:
                problem(
                    band,
                    "low",
                    _("the bands must cover the scale without gaps or overlaps; this band should start at %(number)s.")
                    % {"number": expected},
                )
            expected = band["high"] + 1
        if expected - 1 != high:
            problem(panel, "bands", _("the last band must end at the highest score, %(number)s.") % {"number": high})

    criteria = data.get("criteria")
    if not isinstance(criteria, list) or not criteria:
        problem(data, "criteria", _("at least one criterion is needed."))
        criteria = []
    criterion_codes, sub_codes = set(), set()
    for criterion in criteria:
        if not isinstance(criterion, dict):
            problem(data, "criteria", _("each criterion must be an object."))
            continue
        code = code_of(criterion)
        if code in criterion_codes:
            problem(criterion, "code", _("another criterion has the same code."))
        criterion_codes.add(code)
        if criterion.get("panel") not in panel_codes:
            problem(criterion, "panel", _("name the code of one of the framework's panels."))
        texts(criterion, "name", limit=300)
        texts(criterion, "description", required=False)
        subs = criterion.get("subcriteria")
        if not isinstance(subs, list) or not subs or not all(isinstance(sub, dict) for sub in subs):
            problem(criterion, "subcriteria", _("at least one subcriterion is needed."))
            continue
        for sub in subs:
            sub_code = code_of(sub)
            if sub_code in sub_codes:
                problem(sub, "code", _("another subcriterion has the same code."))
            sub_codes.add(sub_code)
            texts(sub, "name")
            texts(sub, "description", required=False)
            examples = sub.get("examples", [])
            if not isinstance(examples, list) or not all(isinstance(example, dict) for example in examples):
                problem(sub, "examples", _("give the examples as a list of objects."))
                continue
            for example in examples:
                texts(example, "text")
    return problems


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 1000


# --- storing -------------------------------------------------------------------------------


def _columns(node: dict, field: str, column: str | None = None) -> dict:
    values = node.get(field) or {}
    return {f"{column or field}_{code}": (values.get(code) or "").strip() for code in LANGUAGES}


def store(data: dict, user=None, builtin: bool = False, models=None):
    """Store a checked framework in one transaction. A built-in one is updated in place by its
    codes (so rounds that scored it keep their scores); an imported one is always new.

    `models` maps the model names to classes (a migration passes its historical models)."""
    if models is None:
        from kuulo.selfassessment import models as app_models

        models = {
            name: getattr(app_models, name)
            for name in ("Framework", "Panel", "Band", "Criterion", "Subcriterion", "Example")
        }
    Framework, Panel, Band, Criterion, Subcriterion, Example = (
        models[name] for name in ("Framework", "Panel", "Band", "Criterion", "Subcriterion", "Example")
    )
    with transaction.atomic():
        framework, _created = Framework.objects.update_or_create(
            code=data["code"],
            defaults={
                "version": data.get("version", ""),
                "source": data.get("source", ""),
                "is_builtin": builtin,
                **_columns(data, "name"),
                **_columns(data, "description"),
                **({"imported_by": user} if user is not None else {}),
            },
        )
        panels = {}
        for position, panel_data in enumerate(data["panels"]):
            panel, _created = Panel.objects.update_or_create(
                framework=framework,
                code=panel_data["code"],
                defaults={
                    "position": position,
                    "minimum": panel_data["min"],
                    "maximum": panel_data["max"],
                    **_columns(panel_data, "name"),
                },
            )
            Band.objects.filter(panel=panel).delete()
            Band.objects.bulk_create(
                Band(
                    panel=panel,
                    low=band["low"],
                    high=band["high"],
                    **_columns(band, "label"),
                    **_columns(band, "description"),
                )
                for band in panel_data["bands"]
            )
            panels[panel.code] = panel
        for position, criterion_data in enumerate(data["criteria"]):
            criterion, _created = Criterion.objects.update_or_create(
                framework=framework,
                code=criterion_data["code"],
                defaults={
                    "position": position,
                    "panel": panels[criterion_data["panel"]],
                    **_columns(criterion_data, "name"),
                    **_columns(criterion_data, "description"),
                },
            )
            for sub_position, sub_data in enumerate(criterion_data["subcriteria"]):
                sub, _created = Subcriterion.objects.update_or_create(
                    criterion=criterion,
                    code=sub_data["code"],
                    defaults={
                        "position": sub_position,
                        **_columns(sub_data, "name"),
                        **_columns(sub_data, "description"),
                    },
                )
                Example.objects.filter(subcriterion=sub).delete()
                Example.objects.bulk_create(
                    Example(subcriterion=sub, position=index, **_columns(example, "text"))
                    for index, example in enumerate(sub_data.get("examples", []))
                )
    return framework


def import_framework(name: str, content: bytes, user):
    """An uploaded file, read, checked and stored whole; FrameworkFileError lists every problem."""
    from kuulo.selfassessment.models import Framework

    data = read_upload(name, content)
    problems = check(data, set(Framework.objects.values_list("code", flat=True)))
    if problems:
        raise FrameworkFileError(problems)
    return store(data, user=user)


def load_builtin(models=None) -> list[str]:
    """Store (or update) the frameworks shipped in data/; returns their codes."""
    codes = []
    for path in sorted(DATA_DIR.glob("*.json")):
        data = read_json(path.read_text(encoding="utf-8"))
        problems = check(data)
        if problems:
            raise FrameworkFileError([f"{path.name}: {text}" for text in problems])
        store(data, builtin=True, models=models)
        codes.append(data["code"])
    return codes
