"""A local stand-in for Jira Cloud REST v3, for tests (no internet).

It answers the endpoints Kuulo uses with the JSON shapes Jira Cloud uses,
keeps issues in memory, checks Basic auth (e-mail:token) and can simulate
errors. Start it with `JiraStandIn().start()`; `stop()` ends it.

    standin.fail_next(500)       the next request answers 500
    standin.delay = 2.0          every answer waits this long (timeouts)
    standin.set_status("KUU-1", "Done")   someone moves the issue in Jira
"""

import base64
import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

EMAIL = "jira-bot@example.org"
TOKEN = "standin-token"
PROJECT = "KUU"
CATEGORIES = {"new": (2, "To Do"), "indeterminate": (4, "In Progress"), "done": (3, "Done")}
# The project's workflow: status name → (status id, category key, transition id to it). Any status to any.
WORKFLOW = {
    "To Do": ("10000", "new", "11"),
    "In Progress": ("3", "indeterminate", "21"),
    "In Review": ("10002", "indeterminate", "41"),
    "Done": ("10001", "done", "31"),
}


class JiraStandIn:
    def __init__(self, email: str = EMAIL, token: str = TOKEN) -> None:
        self.email, self.token = email, token
        self.issues: dict[str, dict] = {}
        self.requests: list[tuple[str, str, dict | None]] = []
        self.last_authorization = ""  # the Authorization header of the last request
        self.delay = 0.0
        self._failures: list[int] = []
        self._next_id = 10000
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "JiraStandIn":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def fail_next(self, status: int, times: int = 1) -> None:
        self._failures.extend([status] * times)

    def status_json(self, name: str) -> dict:
        status_id, category, _transition = WORKFLOW[name]
        category_id, category_name = CATEGORIES[category]
        return {
            "self": f"{self.url}/rest/api/3/status/{status_id}",
            "description": "",
            "name": name,
            "id": status_id,
            "statusCategory": {
                "self": f"{self.url}/rest/api/3/statuscategory/{category_id}",
                "id": category_id,
                "key": category,
                "colorName": "blue-gray",
                "name": category_name,
            },
        }

    def set_status(self, key: str, name: str) -> None:
        self.issues[key]["fields"]["status"] = self.status_json(name)

    def status_of(self, key: str) -> str:
        return self.issues[key]["fields"]["status"]["name"]

    # The HTTP side

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet in tests
                pass

            def _send(self, status: int, body=None) -> None:
                data = b"" if body is None else json.dumps(body).encode()
                self.send_response(status)
                if body is not None:
                    self.send_header("Content-Type", "application/json;charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _authorised(self) -> bool:
                expected = base64.b64encode(f"{standin.email}:{standin.token}".encode()).decode()
                return self.headers.get("Authorization") == f"Basic {expected}"

            def _handle(self, method: str) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                path = urlsplit(self.path).path
                standin.requests.append((method, self.path, body))
                standin.last_authorization = self.headers.get("Authorization", "")
                if standin.delay:
                    time.sleep(standin.delay)
                if standin._failures:
                    status = standin._failures.pop(0)
                    self._send(status, {"errorMessages": [f"Simulated error {status}"], "errors": {}})
                    return
                if not self._authorised():
                    # Jira Cloud answers a wrong token with 401 and a plain message.
                    self.send_response(401)
                    self.send_header("Content-Type", "text/plain")
                    self.end_headers()
                    self.wfile.write(b"Client must be authenticated to access this resource.")
                    return
                status, answer = standin.route(method, path, body)
                self._send(status, answer)

            def do_GET(self) -> None:
                self._handle("GET")

            def do_POST(self) -> None:
                self._handle("POST")

        return Handler

    def route(self, method: str, path: str, body: dict | None) -> tuple[int, dict | None]:
        if method == "GET" and path == "/rest/api/3/myself":
            return 200, {
                "self": f"{self.url}/rest/api/3/user?accountId=5b10ac8d82e05b22cc7d4ef5",
                "accountId": "5b10ac8d82e05b22cc7d4ef5",
                "accountType": "atlassian",
                "emailAddress": self.email,
                "displayName": "Kuulo Bot",
                "active": True,
                "timeZone": "Europe/Helsinki",
            }
        if method == "POST" and path == "/rest/api/3/issue":
            return self._create(body or {})
        if method == "POST" and path == "/rest/api/3/search/jql":
            return self._search(body or {})
        match = re.fullmatch(r"/rest/api/3/issue/([A-Z][A-Z0-9_]*-\d+)(/transitions)?", path)
        if match:
            key, transitions = match.groups()
            if key not in self.issues:
                return 404, {
                    "errorMessages": ["Issue does not exist or you do not have permission to see it."],
                    "errors": {},
                }
            if not transitions and method == "GET":
                issue = self.issues[key]
                return 200, {**issue, "fields": {"status": issue["fields"]["status"]}}
            if transitions and method == "GET":
                return 200, {"expand": "transitions", "transitions": self._transitions()}
            if transitions and method == "POST":
                wanted = ((body or {}).get("transition") or {}).get("id")
                for name, (_status_id, _category, transition_id) in WORKFLOW.items():
                    if transition_id == wanted:
                        self.set_status(key, name)
                        return 204, None
                return 400, {"errorMessages": ["Transition id is not valid for this issue."], "errors": {}}
        return 404, {"errorMessages": ["Not found."], "errors": {}}

    def _transitions(self) -> list[dict]:
        return [
            {
                "id": transition_id,
                "name": name,
                "to": self.status_json(name),
                "hasScreen": False,
                "isGlobal": True,
                "isInitial": False,
                "isAvailable": True,
                "isConditional": False,
                "isLooped": False,
            }
            for name, (_status_id, _category, transition_id) in WORKFLOW.items()
        ]

    def _create(self, body: dict) -> tuple[int, dict]:
        fields = body.get("fields") or {}
        errors = {}
        if (fields.get("project") or {}).get("key") != PROJECT:
            errors["project"] = "valid project is required"
        if (fields.get("issuetype") or {}).get("name") not in ("Task", "Story", "Bug"):
            errors["issuetype"] = "Specify a valid issue type"
        if not fields.get("summary"):
            errors["summary"] = "You must specify a summary of the issue."
        description = fields.get("description")
        if description is not None and (description.get("type") != "doc" or description.get("version") != 1):
            errors["description"] = "Operation value must be an Atlassian Document."
        if any(" " in name for name in fields.get("labels") or []):
            errors["labels"] = "The label can't contain spaces."
        if errors:
            return 400, {"errorMessages": [], "errors": errors}
        self._next_id += 1
        issue_id = str(self._next_id)
        key = f"{PROJECT}-{len(self.issues) + 1}"
        self.issues[key] = {
            "expand": "renderedFields,names,schema",
            "id": issue_id,
            "self": f"{self.url}/rest/api/3/issue/{issue_id}",
            "key": key,
            "fields": {**fields, "status": self.status_json("To Do")},
        }
        return 201, {"id": issue_id, "key": key, "self": f"{self.url}/rest/api/3/issue/{issue_id}"}

    def _search(self, body: dict) -> tuple[int, dict]:
        match = re.fullmatch(r"\s*key in \(([^)]*)\)\s*", body.get("jql", ""))
        if not match:
            return 400, {"errorMessages": ["Error in the JQL Query."], "errors": {}}
        keys = [key.strip() for key in match.group(1).split(",") if key.strip()]
        missing = [key for key in keys if key not in self.issues]
        if missing:
            # As Jira: one unknown key fails the whole query.
            message = f"An issue with key '{missing[0]}' does not exist for field 'key'."
            return 400, {"errorMessages": [message], "errors": {}}
        issues = [
            {
                "expand": "",
                "id": self.issues[key]["id"],
                "self": self.issues[key]["self"],
                "key": key,
                "fields": {"status": self.issues[key]["fields"]["status"]},
            }
            for key in keys
        ]
        return 200, {"issues": issues, "isLast": True}
