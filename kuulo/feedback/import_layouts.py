"""The export layouts of other survey tools that the importer recognises outright.

A layout lists the columns its tool always writes (to recognise a file by its
header) and what those columns mean in Kuulo: the response id, the answer
time, the language. Question columns are matched to the survey's metrics by
their text (kuulo.feedback.import_suggestions), whatever the tool.

The layouts follow the tools' published exports: GSA Touchpoints (ID, UUID,
question texts, Location Code … Page, Hostname, Referrer, Created At in UTC),
Formbricks (Response ID, Timestamp with a GMT offset, Finished, question
headlines, url, …), Qualtrics (StartDate … ResponseId … UserLanguage, Q1 …,
then a row of question texts and a row of ImportIds that names the export's
time zone), Microsoft Forms (ID, Start time, Completion time, Email, Name, …
in the language of the form's owner), Google Forms (Timestamp first, in the
language of the form's owner) and Webropol (numbered questions, "1. …").
"""

import json
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

AUTO = "auto"


def normal(header: str) -> str:
    """A header as layouts compare it: lower case, single spaces, no question number."""
    text = re.sub(r"[\s_]+", " ", header.strip().casefold())
    return re.sub(r"^(?:q?\d+[.)]\s*)+", "", text).strip() if re.match(r"^q?\d+[.)]\s", text) else text


@dataclass(frozen=True)
class Layout:
    code: str
    name: str
    marks: frozenset[str]  # normalised headers the tool writes
    needed: int  # how many of the marks make the file this tool's
    columns: dict[str, str] = field(default_factory=dict)  # normalised header -> target
    first: frozenset[str] = frozenset()  # when set, the first header must be one of these
    numbered_questions: bool = False  # questions are written "1. …", "2. …"

    def score(self, headers: list[str]) -> int:
        """How many of this layout's marks the headers carry; 0 when the file is not this tool's."""
        names = {normal(header) for header in headers}
        if self.first and (not headers or normal(headers[0]) not in self.first):
            return 0
        found = len(self.marks & names)
        if self.numbered_questions:
            numbered = sum(bool(re.match(r"^\d+\.\s*\S", header.strip())) for header in headers)
            found += min(numbered, 2) if numbered >= 2 else 0
        return found if found >= self.needed else 0


TOUCHPOINTS = Layout(
    "touchpoints",
    "GSA Touchpoints",
    frozenset(
        {
            "id",
            "uuid",
            "location code",
            "user agent",
            "status",
            "archived",
            "flagged",
            "page",
            "hostname",
            "referrer",
            "created at",
            "ip address",
            "tags",
        }
    ),
    needed=5,
    columns={"uuid": "response_id", "created at": "responded_at", "page": "language"},
)
FORMBRICKS = Layout(
    "formbricks",
    "Formbricks",
    frozenset(
        {
            "response id",
            "timestamp",
            "finished",
            "url",
            "user id",
            "userid",
            "tags",
            "notes",
            "verified email",
            "hidden fields",
            "meta",
            "device",
            "country",
            "action",
            "source",
            "survey id",
            "quotas",
        }
    ),
    needed=3,
    columns={"response id": "response_id", "timestamp": "responded_at", "url": "language"},
)
QUALTRICS = Layout(
    "qualtrics",
    "Qualtrics",
    frozenset(
        {
            "startdate",
            "enddate",
            "status",
            "ipaddress",
            "progress",
            "duration (in seconds)",
            "finished",
            "recordeddate",
            "responseid",
            "recipientlastname",
            "recipientfirstname",
            "recipientemail",
            "externalreference",
            "locationlatitude",
            "locationlongitude",
            "distributionchannel",
            "userlanguage",
        }
    ),
    needed=5,
    columns={"responseid": "response_id", "recordeddate": "responded_at", "userlanguage": "language"},
)
MSFORMS = Layout(
    "msforms",
    "Microsoft Forms",
    frozenset(
        {
            "id",
            "start time",
            "completion time",
            "email",
            "name",
            "last modified time",
            "tunnus",
            "aloitusaika",
            "valmistumisaika",
            "sähköposti",
            "nimi",
            "viimeksi muokattu",
            "starttid",
            "tid för slutförande",
            "sluttid",
            "e-post",
            "namn",
            "senaste ändringstid",
        }
    ),
    needed=3,
    columns={
        "id": "response_id",
        "tunnus": "response_id",
        "completion time": "responded_at",
        "valmistumisaika": "responded_at",
        "tid för slutförande": "responded_at",
        "sluttid": "responded_at",
    },
)
GOOGLE_FORMS = Layout(
    "googleforms",
    "Google Forms",
    frozenset(
        {
            "timestamp",
            "aikaleima",
            "tidstämpel",
            "tidsstämpel",
            "email address",
            "sähköpostiosoite",
            "e-postadress",
            "score",
            "pisteet",
            "poäng",
        }
    ),
    needed=1,
    columns={"timestamp": "responded_at", "aikaleima": "responded_at", "tidstämpel": "responded_at"},
    first=frozenset({"timestamp", "aikaleima", "tidstämpel", "tidsstämpel"}),
)
WEBROPOL = Layout(
    "webropol",
    "Webropol",
    frozenset(
        {
            "vastaaja",
            "vastaajan numero",
            "vastaajan tunnus",
            "vastausaika",
            "vastauspäivä",
            "vastattu",
            "lähetetty",
            "aloitettu",
            "päivämäärä",
            "respondent",
            "response time",
            "response date",
            "submitted",
            "started",
            "date",
            "svarande",
            "svarstid",
            "svarsdatum",
            "skickat",
            "datum",
        }
    ),
    needed=2,
    columns={
        "vastaajan tunnus": "response_id",
        "vastaaja": "response_id",
        "vastaajan numero": "response_id",
        "respondent": "response_id",
        "svarande": "response_id",
        "vastausaika": "responded_at",
        "vastauspäivä": "responded_at",
        "lähetetty": "responded_at",
        "vastattu": "responded_at",
        "response time": "responded_at",
        "response date": "responded_at",
        "submitted": "responded_at",
        "svarstid": "responded_at",
        "svarsdatum": "responded_at",
        "skickat": "responded_at",
    },
    numbered_questions=True,
)
LAYOUTS = {layout.code: layout for layout in (QUALTRICS, TOUCHPOINTS, FORMBRICKS, MSFORMS, WEBROPOL, GOOGLE_FORMS)}
FORMAT_CHOICES = [(AUTO, _("Recognise automatically"))] + [(code, layout.name) for code, layout in LAYOUTS.items()]


def detect(headers: list[str]) -> Layout | None:
    """The layout whose marks the headers carry most of, or None for a file of no known tool."""
    scored = [(layout.score(headers), layout) for layout in LAYOUTS.values()]
    best = max(scored, key=lambda pair: pair[0])
    return best[1] if best[0] else None


def layout_named(code: str, headers: list[str]) -> Layout | None:
    """The layout `code` names (AUTO: the one recognised); ValueError for an unknown code."""
    if code in ("", AUTO):
        return detect(headers)
    if code not in LAYOUTS:
        raise ValueError(f"Unknown format {code!r}. Formats: {', '.join([AUTO, *LAYOUTS])}")
    return LAYOUTS[code]


def metadata_columns(layout: Layout, headers: list[str]) -> dict[int, str]:
    """Column index -> target for the columns whose meaning the layout knows, each target once."""
    found: dict[int, str] = {}
    for index, header in enumerate(headers):
        target = layout.columns.get(normal(header))
        if target and target not in found.values():
            found[index] = target
    return found


# --- Qualtrics' extra header rows ---


def qualtrics_extra_rows(rows: list[list[str]]) -> tuple[list[str], str] | None:
    """The question texts (row 2) and the time zone (from the ImportId row 3) of a Qualtrics
    export whose first data rows are its two extra header rows; None otherwise."""
    if len(rows) < 2 or not rows[1] or not rows[1][0].lstrip().startswith('{"ImportId"'):
        return None
    zone = ""
    for cell in rows[1]:
        try:
            data = json.loads(cell)
        except ValueError:
            continue
        if isinstance(data, dict) and isinstance(data.get("timeZone"), str):
            zone = data["timeZone"]
            break
    return rows[0], zone
