"""URL arguments for the review queue and import pages in tests/pages.py, with data worth scanning."""

import uuid

SAMPLE = (
    "Vastaus ID;Päivämäärä;Asiakastyytyväisyys;Suositteluhalukkuus (NPS);Mitä voisimme parantaa?\n"
    "r1;1.3.2026 12:30;Erittäin tyytyväinen;9;Nopea palvelu\n"
    "r2;2.3.2026 8:05;Melko tyytymätön;11;\n"
)


def review_args(service) -> list:
    """A service with one suspect response waiting."""
    from kuulo.feedback import actions
    from kuulo.feedback.submissions import clean_submission
    from tests.factories import published_survey

    version, point = published_survey(service=service, codes=("csat", "nps"))
    submission = clean_submission(
        version, {"idempotency_key": str(uuid.uuid4()), "language": "fi", "channel": "web", "answers": {"csat": 1}}
    )
    submission.suspect_reason = "Sent faster than a person can answer"
    actions.record_response(point, version, submission)
    return [service.pk]


def import_args(service) -> list:
    from tests.factories import published_survey

    version, _point = published_survey(service=service, codes=("csat", "nps"))
    return [version.survey_id]


def map_args(service) -> list:
    from kuulo.feedback import uploads

    survey_pk = import_args(service)[0]
    return [survey_pk, uploads.save([SAMPLE.encode()], survey_pk, "export.csv")]


def preview_args(service) -> list:
    from kuulo.feedback import imports, uploads
    from kuulo.surveys.models import Survey

    survey_pk, upload = map_args(service)
    version = Survey.objects.get(pk=survey_pk).live_version()
    headers = imports.read_table(uploads.path_of(upload)).headers
    mapping = imports.Mapping(columns=imports.suggest_mapping(headers, version), language="fi")
    note = uploads.note(upload)
    note["mapping"] = mapping.to_note()
    uploads.write_note(upload, note)
    return [survey_pk, upload]
