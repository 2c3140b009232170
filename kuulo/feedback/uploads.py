"""Private temporary storage for import files between the upload, mapping and
preview steps. Files live under DATA_DIR/imports, named by a random id, with a
small JSON note beside them (survey, original name, mapping); they are never
stored in the database and are deleted after the import or after a day."""

import json
import re
import secrets
import time
from pathlib import Path

from django.conf import settings

MAX_AGE = 24 * 60 * 60
ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{20,40}$")


def folder() -> Path:
    path = Path(settings.DATA_DIR) / "imports"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def save(chunks, survey_pk: int, name: str) -> str:
    """Stores an uploaded file (an iterable of bytes) and returns its id."""
    _sweep()
    upload = secrets.token_urlsafe(18)
    path = folder() / upload
    with open(path, "wb") as handle:
        path.chmod(0o600)
        for chunk in chunks:
            handle.write(chunk)
    write_note(upload, {"survey": survey_pk, "name": name, "mapping": None})
    return upload


def path_of(upload: str) -> Path | None:
    if not ID_PATTERN.match(upload):
        return None
    path = folder() / upload
    return path if path.exists() else None


def note(upload: str) -> dict | None:
    if path_of(upload) is None:
        return None
    try:
        return json.loads((folder() / f"{upload}.json").read_text())
    except (OSError, ValueError):
        return None


def write_note(upload: str, data: dict) -> None:
    path = folder() / f"{upload}.json"
    path.write_text(json.dumps(data))
    path.chmod(0o600)


def delete(upload: str) -> None:
    if ID_PATTERN.match(upload):
        for path in (folder() / upload, folder() / f"{upload}.json"):
            path.unlink(missing_ok=True)


def _sweep() -> None:
    """Deletes files abandoned for more than a day."""
    limit = time.time() - MAX_AGE
    for path in folder().iterdir():
        try:
            if path.stat().st_mtime < limit:
                path.unlink(missing_ok=True)
        except OSError:
            continue
