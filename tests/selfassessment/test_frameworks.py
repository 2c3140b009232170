"""The shipped frameworks and the import of an organisation's own (CSV and JSON): every
problem named by place and field, nothing stored from a file that has one."""

import copy
import io
import json

import pytest
from django.core.management import call_command

from kuulo.selfassessment.importing import FrameworkFileError, check, import_framework, read_json
from kuulo.selfassessment.models import Band, Criterion, Framework, Subcriterion

MADE_UP = {
    "format": "kuulo-framework/1",
    "code": "made-up-excellence",
    "version": "1",
    "name": {"fi": "Keksitty malli", "sv": "Påhittad modell", "en": "Made-up model"},
    "panels": [
        {
            "code": "all",
            "name": {"fi": "Asteikko", "sv": "Skala", "en": "Scale"},
            "min": 0,
            "max": 4,
            "bands": [
                {"low": 0, "high": 1, "label": {"fi": "Alku", "sv": "Början", "en": "Start"}},
                {"low": 2, "high": 4, "label": {"fi": "Pitkällä", "sv": "Långt", "en": "Far"}},
            ],
        }
    ],
    "criteria": [
        {
            "code": "A",
            "panel": "all",
            "name": {"fi": "Asiakkaat", "sv": "Kunder", "en": "Customers"},
            "subcriteria": [
                {
                    "code": "A1",
                    "name": {"fi": "Kuuntelemme", "sv": "Vi lyssnar", "en": "We listen"},
                    "examples": [{"text": {"fi": "Kysely", "sv": "Enkät", "en": "Survey"}}],
                },
                {"code": "A2", "name": {"fi": "Vastaamme", "sv": "Vi svarar", "en": "We answer"}},
            ],
        }
    ],
}

MADE_UP_CSV = """record,code,parent,low,high,name_fi,name_sv,name_en,description_fi,description_sv,description_en
framework,made-up-csv,,,,Keksitty CSV-malli,Påhittad CSV-modell,Made-up CSV model,,,
panel,all,,1,3,Asteikko,Skala,Scale,,,
band,,all,1,1,Ei,Nej,No,,,
band,,all,2,3,Kyllä,Ja,Yes,,,
criterion,A,all,,,Asiakkaat,Kunder,Customers,,,
subcriterion,A1,A,,,Kuuntelemme,Vi lyssnar,We listen,,,
example,,A1,,,Kysely,Enkät,Survey,,,
"""


def test_caf_2020_ships_nine_criteria_28_subcriteria_and_the_classical_bands(db):
    caf = Framework.objects.get(code="caf-2020")
    assert caf.is_builtin
    criteria = list(Criterion.objects.filter(framework=caf).select_related("panel"))
    assert [criterion.code for criterion in criteria] == [str(number) for number in range(1, 10)]
    assert [criterion.panel.code for criterion in criteria] == ["enablers"] * 5 + ["results"] * 4
    assert Subcriterion.objects.filter(criterion__framework=caf).count() == 28
    for panel in caf.panels.all():
        assert [(band.low, band.high) for band in panel.bands.all()] == [
            (0, 10), (11, 30), (31, 50), (51, 70), (71, 90), (91, 100)
        ]  # fmt: skip
    for sub in Subcriterion.objects.filter(criterion__framework=caf):
        assert sub.name_fi and sub.name_sv and sub.name_en and sub.name_fi != sub.name_en


def test_digital_service_quality_ships_six_areas_on_a_three_step_scale(db):
    areas = Framework.objects.get(code="digital-service-quality")
    assert areas.criteria.count() == 6
    panel = areas.panels.get()
    assert (panel.minimum, panel.maximum, panel.bands.count()) == (1, 3, 3)


def test_loading_the_shipped_frameworks_again_changes_nothing(db):
    before = Subcriterion.objects.count(), Band.objects.count()
    call_command("load_frameworks", stdout=io.StringIO())
    assert (Subcriterion.objects.count(), Band.objects.count()) == before


def test_a_made_up_json_framework_is_imported_whole(admin_user):
    framework = import_framework("model.json", json.dumps(MADE_UP).encode(), admin_user)
    assert not framework.is_builtin and framework.imported_by == admin_user
    assert [sub.code for sub in Subcriterion.objects.filter(criterion__framework=framework)] == ["A1", "A2"]
    assert Subcriterion.objects.get(code="A1", criterion__framework=framework).examples.get().text_sv == "Enkät"


def test_a_made_up_csv_framework_is_imported_whole(admin_user):
    framework = import_framework("model.csv", MADE_UP_CSV.encode(), admin_user)
    assert framework.name_en == "Made-up CSV model"
    assert framework.panels.get().bands.count() == 2
    assert Subcriterion.objects.get(criterion__framework=framework).examples.count() == 1


def broken(change) -> dict:
    data = copy.deepcopy(MADE_UP)
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.pop("code"), "the framework, code: the code is missing."),
        (lambda d: d.update(code="Not a slug"), "the framework, code: use only lower-case"),
        (lambda d: d["name"].update(fi=""), "the framework, name.fi: the Finnish text is missing."),
        (lambda d: d.update(panels=[]), "the framework, panels: at least one scoring panel is needed."),
        (lambda d: d["panels"][0]["bands"][1].update(low=3), "panels[0].bands[1], low: the bands must cover"),
        (lambda d: d["panels"][0].update(max="four"), "panels[0], min/max: give whole numbers"),
        (lambda d: d["criteria"][0].update(panel="none"), "criteria[0], panel: name the code of one"),
        (lambda d: d["criteria"][0]["subcriteria"][1].update(code="A1"), "criteria[0].subcriteria[1], code: another"),
        (lambda d: d["criteria"][0]["subcriteria"][0].update(name="text"), "criteria[0].subcriteria[0], name: give"),
    ],
)
def test_a_malformed_json_framework_is_refused_with_the_place_and_field(admin_user, change, message):
    content = json.dumps(broken(change)).encode()
    with pytest.raises(FrameworkFileError) as error:
        import_framework("model.json", content, admin_user)
    assert any(problem.startswith(message) for problem in error.value.problems), error.value.problems
    assert not Framework.objects.filter(is_builtin=False).exists()


def test_every_problem_is_listed_at_once():
    data = read_json(json.dumps(broken(lambda d: (d["name"].update(fi=""), d["criteria"][0].update(panel="x")))))
    assert len(check(data)) == 2


@pytest.mark.parametrize(
    ("csv_text", "message"),
    [
        ("record,code\nframework,x\n", "The first row must name the columns; missing: parent"),
        (MADE_UP_CSV.replace("subcriterion,A1,A,", "subcriterion,A1,B,"), "row 7, parent: no criterion"),
        (MADE_UP_CSV.replace("band,,all,2,3", "band,,all,3,2"), "row 5, low/high: give whole numbers"),
        (MADE_UP_CSV.replace("example,", "exampel,"), "row 8, record: “exampel” is not one of"),
        (MADE_UP_CSV.replace("criterion,A,all,,,Asiakkaat", "criterion,A,all,,,"), "row 6, name.fi: the Finnish"),
        (MADE_UP_CSV.replace("framework,", "panel,"), "The file must have exactly one framework row"),
    ],
)
def test_a_malformed_csv_framework_is_refused_with_the_row_and_field(admin_user, csv_text, message):
    with pytest.raises(FrameworkFileError) as error:
        import_framework("model.csv", csv_text.encode(), admin_user)
    assert any(problem.startswith(message) for problem in error.value.problems), error.value.problems
    assert not Framework.objects.filter(is_builtin=False).exists()


def test_a_second_import_with_the_same_code_is_refused(admin_user):
    import_framework("model.json", json.dumps(MADE_UP).encode(), admin_user)
    with pytest.raises(FrameworkFileError, match="exists already"):
        import_framework("model.json", json.dumps(MADE_UP).encode(), admin_user)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("model.json", b"{not json", "The file is not valid JSON (line 1, column 2)."),
        ("model.json", b"[]", "The file must hold one JSON object"),
        ("model.xlsx", b"{}", "The file name must end in .json or .csv."),
        ("model.csv", "ä".encode("latin-1"), "The file must be UTF-8 text."),
    ],
)
def test_unreadable_files_are_refused(admin_user, name, content, message):
    with pytest.raises(FrameworkFileError) as error:
        import_framework(name, content, admin_user)
    assert error.value.problems == [message] or error.value.problems[0].startswith(message)
