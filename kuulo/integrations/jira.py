"""A small Jira Cloud REST v3 client on the standard library (urllib).

Only what Kuulo needs: who am I, create an issue, read statuses, list and
make transitions. Every failure becomes a JiraError with a code that
`error_text` puts into words; nothing here raises anything else.
"""

import base64
import json
import socket
import urllib.error
import urllib.request
from urllib.parse import quote

from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from kuulo.lib import jsonbody
from kuulo.lib.secrets import SecretUnreadable

TIMEOUT_SECONDS = 10
JIRA_ANSWER_LIMIT = 16 * 1024 * 1024


class JiraError(Exception):
    """code: auth, forbidden, not_found, timeout, unreachable, rejected, bad_answer, no_token,
    token_unreadable (saved under an encryption key Kuulo no longer has), no_transition."""

    def __init__(self, code: str, detail: str = "", status: int | None = None) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.status = status  # the HTTP status, when Jira answered

    @property
    def text(self) -> str:
        return error_text(self.code)


def error_text(code: str) -> str:
    texts = {
        "auth": _("Jira did not accept the e-mail address and API token (401). Check them and save again."),
        "forbidden": _("The Jira account has no permission for this (403)."),
        "not_found": _("Jira could not find the project or issue (404). Check the address and the project key."),
        "timeout": _("Jira did not answer in time. Try again later."),
        "unreachable": _("Kuulo could not reach Jira at this address. Check the address."),
        "rejected": _("Jira refused the request. Check the project key, the issue type and the status mapping."),
        "bad_answer": _("Jira answered with something Kuulo did not understand."),
        "no_token": _("No API token has been set."),
        "token_unreadable": _("The saved token can no longer be read; enter it again."),
        "no_transition": _("Jira offers no transition to the matching status."),
    }
    return texts.get(code, _("Something went wrong with Jira."))


class Client:
    @sensitive_variables("token", "credentials")
    def __init__(self, base_url: str, email: str, token: str, timeout: float | None = None) -> None:
        if not token:
            raise JiraError("no_token")
        if not base_url.startswith(("https://", "http://")):
            raise JiraError("unreachable", "not an http(s) address")
        self.base_url = base_url.rstrip("/")
        credentials = base64.b64encode(f"{email}:{token}".encode()).decode()
        self.headers = {
            "Authorization": f"Basic {credentials}",
            "Accept": "application/json",
            "Content-Type": "application/json",
        }
        self.timeout = timeout or TIMEOUT_SECONDS

    @classmethod
    @sensitive_variables("token")
    def for_config(cls, config) -> "Client":
        try:
            token = config.read_api_token()
        except SecretUnreadable:
            raise JiraError("token_unreadable") from None
        return cls(config.base_url, config.email, token)

    def request(self, method: str, path: str, body: dict | None = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        # The scheme is checked in __init__: only http(s).
        request = urllib.request.Request(self.base_url + path, data=data, method=method, headers=self.headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                raw = response.read()
        except urllib.error.HTTPError as error:
            detail = error.read()[:500].decode("utf-8", "replace")
            code = {401: "auth", 403: "forbidden", 404: "not_found"}.get(error.code, "rejected")
            raise JiraError(code, f"HTTP {error.code} {detail}", status=error.code) from None
        except TimeoutError:
            raise JiraError("timeout") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError | socket.timeout):
                raise JiraError("timeout") from None
            raise JiraError("unreachable", str(error.reason)) from None
        except (OSError, ValueError) as error:
            raise JiraError("unreachable", str(error)) from None
        if not raw:
            return {}
        try:
            return jsonbody.parse(raw, limit=JIRA_ANSWER_LIMIT, max_depth=64)
        except ValueError:
            raise JiraError("bad_answer", raw[:200].decode("utf-8", "replace")) from None

    # The endpoints

    def myself(self) -> dict:
        return self.request("GET", "/rest/api/3/myself")

    def create_issue(self, fields: dict) -> dict:
        answer = self.request("POST", "/rest/api/3/issue", {"fields": fields})
        if "key" not in answer:
            raise JiraError("bad_answer", str(answer)[:200])
        return answer

    def statuses(self, keys: list[str]) -> dict[str, dict]:
        """{key: status} for the issues that exist; status is Jira's {"name", "statusCategory": {"key"}}.

        One search per 50 keys. Jira refuses the whole search (400) when one key no
        longer exists; then each issue of that chunk is read on its own."""
        found = {}
        for start in range(0, len(keys), 50):
            chunk = keys[start : start + 50]
            body = {"jql": f"key in ({','.join(chunk)})", "fields": ["status"], "maxResults": 100}
            try:
                answer = self.request("POST", "/rest/api/3/search/jql", body)
            except JiraError as error:
                if error.status != 400:
                    raise
                found.update(self._statuses_one_by_one(chunk))
                continue
            for issue in answer.get("issues", []):
                status = (issue.get("fields") or {}).get("status")
                if status:
                    found[issue["key"]] = status
        return found

    def _statuses_one_by_one(self, keys: list[str]) -> dict[str, dict]:
        found = {}
        for key in keys:
            try:
                issue = self.request("GET", f"/rest/api/3/issue/{quote(key)}?fields=status")
            except JiraError as error:
                if error.code == "not_found":
                    continue
                raise
            status = (issue.get("fields") or {}).get("status")
            if status:
                found[issue.get("key", key)] = status
        return found

    def transitions(self, key: str) -> list[dict]:
        return self.request("GET", f"/rest/api/3/issue/{quote(key)}/transitions").get("transitions", [])

    def transition(self, key: str, transition_id: str) -> None:
        self.request("POST", f"/rest/api/3/issue/{quote(key)}/transitions", {"transition": {"id": transition_id}})


def adf(text: str) -> dict:
    """Plain text as an Atlassian Document Format document: one paragraph per block of lines."""
    paragraphs = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n") if block.strip()]
    content = []
    for paragraph in paragraphs:
        nodes = []
        for number, line in enumerate(paragraph.split("\n")):
            if number:
                nodes.append({"type": "hardBreak"})
            if line:
                nodes.append({"type": "text", "text": line})
        content.append({"type": "paragraph", "content": nodes})
    return {"type": "doc", "version": 1, "content": content}


def label(name: str) -> str:
    """A tag as a Jira label (labels cannot contain spaces)."""
    return "-".join(name.split())[:255]
