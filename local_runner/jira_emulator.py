"""A Jira Cloud stand-in on HTTP: the REST routes StackLens and atlassian-python-api 5.x call.

Answers carry Jira Cloud's shapes, statuses and error bodies (DESIGN.md section 7); issues live in
memory (jira_issues), searches use a JQL subset (jql). Tests and the local runner call serve();
by hand: python -m local_runner.jira_emulator --host 127.0.0.1 --port 3002
"""

import argparse
import base64
import binascii
import hashlib
import hmac
import json
import re
import threading
import time

from flask import Blueprint, Flask, Response, current_app, g, request
from werkzeug.exceptions import HTTPException
from werkzeug.serving import WSGIRequestHandler, make_server

from local_runner.jira_faults import Faults, FaultsError, parse_faults
from local_runner.jira_issues import JiraError, JiraState
from local_runner.jira_views import COMMENT_PAGE_MAX, ISSUE_FIELDS, Views, wanted_fields
from local_runner.jql import JqlError

DEFAULT_USERS = {"demo@example.com": "demo-token"}
DEFAULT_PROJECTS = ("STACK",)
JSON_TYPE = "application/json;charset=UTF-8"  # Jira's exact type; atlassian's 401 check wants it
API = "/rest/api/<int(min=2, max=3):version>"
SEARCH_PAGE_DEFAULT = 50
SEARCH_PAGE_MAX = 100  # Jira returns fewer issues a page when fields are asked for...
SEARCH_PAGE_MAX_IDS = 5000  # ...than when only ids and keys are.
NOT_AUTHENTICATED = "You are not authenticated. Authentication required to perform this operation."
SEARCH_GONE = (
    "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. "
    "A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046"
)
BAD_PAGE_TOKEN = "The provided next page token is invalid or expired."

jira = Blueprint("jira", __name__)


def _state() -> JiraState:
    return current_app.extensions["jira_emulator"]


def _faults() -> Faults:
    return current_app.extensions["jira_faults"]


def _views(version: int) -> Views:
    return Views(_state(), version)


def _answer(body, status: int = 200) -> Response:
    return Response(json.dumps(body), status=status, content_type=JSON_TYPE)


def _json_body() -> dict:
    """The request's JSON object, or the 4xx Jira answers for a missing or malformed one."""
    raw = request.get_data(cache=True)
    if raw and request.mimetype != "application/json":
        raise JiraError(415, [f"Unsupported Media Type '{request.mimetype}': send JSON."])
    if not raw.strip():
        raise JiraError(400, ["No content to map to Object due to end of input"])
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError) as problem:
        raise JiraError(400, [f"The request body is not valid JSON: {problem}"]) from None
    if not isinstance(body, dict):
        raise JiraError(400, ["The request body must be a JSON object."])
    return body


def _int_arg(name: str, value, default: int, least: int) -> int:
    """A paging number from the query string or a JSON body, or Jira's 400."""
    if value is None:
        return default
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value)
    if number is None or number < least:
        raise JiraError(400, [f"'{name}' must be a whole number of at least {least}: {value!r}"])
    return number


# Search paging: the token names the query it belongs to and where the next page starts.


def _page_token(jql: str, offset: int) -> str:
    digest = hashlib.sha256(jql.encode()).hexdigest()[:16]
    raw = json.dumps({"query": digest, "offset": offset}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _page_offset(jql: str, token) -> int:
    if token is None:
        return 0
    try:
        data = json.loads(base64.urlsafe_b64decode(str(token) + "=" * (-len(str(token)) % 4)))
        offset, digest = data["offset"], data["query"]
    except (ValueError, binascii.Error, KeyError, TypeError):
        raise JiraError(400, [BAD_PAGE_TOKEN]) from None
    if digest != hashlib.sha256(jql.encode()).hexdigest()[:16] or not isinstance(offset, int):
        raise JiraError(400, [BAD_PAGE_TOKEN])
    return offset


# Routes


@jira.before_app_request
def inject_faults():
    """The faults set through /_emulator/faults, on REST routes only (jira_faults)."""
    if not request.path.startswith("/rest/"):
        return None
    status, hang = _faults().draw()
    if status is not None:
        message = "Rate limit exceeded." if status == 429 else "Jira is unavailable right now."
        answer = _answer({"errorMessages": [message], "errors": {}}, status)
        if status in (429, 503):
            answer.headers["Retry-After"] = str(_faults().retry_after)
        return answer
    g.hang = hang
    return None


@jira.after_app_request
def hang_after_the_work(response: Response) -> Response:
    """A hanging answer: the request was carried out, the client is not told in time."""
    if g.get("hang"):
        time.sleep(_faults().hang_ms / 1000)
    return response


@jira.before_app_request
def authenticate():
    """Basic auth (email + API token) on every REST route, as Jira Cloud asks."""
    if not request.path.startswith("/rest/"):
        return None
    credentials = request.authorization
    if credentials is None or credentials.type != "basic":
        return _answer({"errorMessages": [NOT_AUTHENTICATED], "errors": {}}, 401)
    expected = _state().users.get(credentials.username or "")
    given = (credentials.password or "").encode()
    if expected is None or not hmac.compare_digest(expected.encode(), given):
        return _answer({"errorMessages": [NOT_AUTHENTICATED], "errors": {}}, 401)
    g.user = credentials.username
    return None


@jira.get(API + "/myself")
def myself(version: int):
    return _answer(_views(version).user(g.user) | {"locale": "en_US"})


@jira.get(API + "/serverInfo")
def server_info(version: int):
    return _answer(
        {
            "baseUrl": request.host_url.rstrip("/"),
            "displayUrl": request.host_url.rstrip("/"),
            "version": "1001.0.0-SNAPSHOT",
            "versionNumbers": [1001, 0, 0],
            "deploymentType": "Cloud",
            "buildNumber": 100000,
            "serverTitle": "Jira (StackLens emulator)",
        }
    )


@jira.get(API + "/mypermissions")
def my_permissions(version: int):
    """Every emulated user may browse and create in every project; an unknown project is
    Jira's 404."""
    wanted = [name for name in request.args.get("permissions", "").split(",") if name]
    if not wanted:
        raise JiraError(400, ["The 'permissions' query parameter is required."])
    key = request.args.get("projectKey")
    if key is not None and key.upper() not in _state().projects:
        raise JiraError(404, [f"No project could be found with key '{key}'."])
    permissions = {
        name: {"key": name, "name": name.replace("_", " ").title(), "havePermission": True}
        for name in wanted
    }
    return _answer({"permissions": permissions})


@jira.get(API + "/project/<key>")
def project(version: int, key: str):
    if key.upper() not in _state().projects:
        raise JiraError(404, [f"No project could be found with key '{key}'."])
    return _answer(_views(version).project(key.upper()))


@jira.post(API + "/issue")
def create_issue(version: int):
    body = _json_body()
    state = _state()
    with state.lock:
        issue = state.create(body, version, g.user)
    link = f"{_views(version).api}/issue/{issue.id}"
    return _answer({"id": issue.id, "key": issue.key, "self": link}, 201)


@jira.get(API + "/issue/<issue_ref>")
def get_issue(version: int, issue_ref: str):
    wanted = wanted_fields(",".join(request.args.getlist("fields")) or "*all")
    state = _state()
    with state.lock:
        return _answer(_views(version).issue(state.find(issue_ref), wanted))


@jira.put(API + "/issue/<issue_ref>")
def edit_issue(version: int, issue_ref: str):
    body = _json_body()
    state = _state()
    with state.lock:
        issue = state.find(issue_ref)
        state.edit(issue, body, version, g.user)
        if request.args.get("returnIssue") == "true":
            return _answer(_views(version).issue(issue, wanted_fields("*navigable")))
    return Response(status=204)


@jira.get(API + "/issue/<issue_ref>/comment")
def list_comments(version: int, issue_ref: str):
    start = _int_arg("startAt", request.args.get("startAt"), 0, 0)
    limit = _int_arg("maxResults", request.args.get("maxResults"), COMMENT_PAGE_MAX, 1)
    state = _state()
    with state.lock:
        issue = state.find(issue_ref)
        return _answer(_views(version).comments(issue, start, min(limit, COMMENT_PAGE_MAX)))


@jira.post(API + "/issue/<issue_ref>/comment")
def add_comment(version: int, issue_ref: str):
    body = _json_body()
    state = _state()
    with state.lock:
        issue = state.find(issue_ref)
        comment = state.comment_on(issue, body, version, g.user)
        return _answer(_views(version).comment(issue, comment), 201)


@jira.get(API + "/issue/<issue_ref>/transitions")
def list_transitions(version: int, issue_ref: str):
    with_fields = "transitions.fields" in request.args.get("expand", "")
    state = _state()
    with state.lock:
        return _answer(_views(version).transitions(state.find(issue_ref), with_fields))


@jira.post(API + "/issue/<issue_ref>/transitions")
def transition_issue(version: int, issue_ref: str):
    body = _json_body()
    state = _state()
    with state.lock:
        state.transition(state.find(issue_ref), body, version, g.user)
    return Response(status=204)


@jira.route(API + "/search/jql", methods=["GET", "POST"])
def search(version: int):
    """Enhanced JQL search: cursor pages (nextPageToken), the last one marked isLast."""
    if request.method == "POST":
        body = _json_body()
        jql, fields = body.get("jql", ""), body.get("fields", "id")
        max_results, token = body.get("maxResults"), body.get("nextPageToken")
        fields = ",".join(map(str, fields)) if isinstance(fields, list) else fields
    else:
        jql, max_results = request.args.get("jql", ""), request.args.get("maxResults")
        fields = ",".join(request.args.getlist("fields")) or "id"
        token = request.args.get("nextPageToken")
    if not isinstance(jql, str) or not isinstance(fields, str):
        raise JiraError(400, ["'jql' must be a string and 'fields' a list of field names."])
    wanted = wanted_fields(fields)
    ids_only = not any(wanted(name) for name in ISSUE_FIELDS)
    most = SEARCH_PAGE_MAX_IDS if ids_only else SEARCH_PAGE_MAX
    limit = min(_int_arg("maxResults", max_results, SEARCH_PAGE_DEFAULT, 1), most)
    offset = _page_offset(jql, token)
    state = _state()
    faults = _faults()
    with state.lock:
        found = [
            issue for issue in state.search(jql) if not faults.hidden_from_search(issue.created)
        ]
        views = _views(version)
        page = [views.issue(issue, wanted) for issue in found[offset : offset + limit]]
    answer = {"issues": page, "isLast": offset + limit >= len(found)}
    if not answer["isLast"]:
        answer["nextPageToken"] = _page_token(jql, offset + limit)
    return _answer(answer)


@jira.route(API + "/search", methods=["GET", "POST"])
def search_removed(version: int):
    return _answer({"errorMessages": [SEARCH_GONE], "errors": {}}, 410)


@jira.get("/status")
def status():
    return _answer({"state": "RUNNING"})


@jira.get("/_emulator/issues")
def all_issues():
    """Every issue as the v2 API shows it, for people and for debugging (no auth)."""
    state = _state()
    with state.lock:
        issues = sorted(state.issues.values(), key=lambda issue: int(issue.id))
        views = _views(2)
        every_field = wanted_fields("*all")
        rendered = [views.issue(issue, every_field) for issue in issues]
        return _answer({"total": len(issues), "issues": rendered})


@jira.post("/_emulator/reset")
def reset():
    _state().reset()
    current_app.extensions["jira_faults"] = Faults()
    return _answer({"reset": True})


@jira.route("/_emulator/faults", methods=["GET", "POST", "DELETE"])
def faults():
    """Make a share of REST requests fail, hang or search stale (jira_faults)."""
    if request.method == "POST":
        try:
            current_app.extensions["jira_faults"] = parse_faults(_json_body_or_empty())
        except FaultsError as problem:
            return _answer(
                {"errorMessages": [str(problem)], "errors": {problem.field: str(problem)}}, 400
            )
    elif request.method == "DELETE":
        current_app.extensions["jira_faults"] = Faults()
    return _answer(_faults().public())


def _json_body_or_empty() -> dict:
    return _json_body() if request.get_data(cache=True).strip() else {}


@jira.app_errorhandler(JiraError)
def jira_error(error: JiraError):
    return _answer({"errorMessages": error.messages, "errors": error.errors}, error.status)


@jira.app_errorhandler(JqlError)
def jql_error(error: JqlError):
    return _answer({"errorMessages": [str(error)], "errors": {}}, 400)


@jira.app_errorhandler(HTTPException)
def http_error(error: HTTPException):
    return _answer({"errorMessages": [error.description or error.name], "errors": {}}, error.code)


@jira.app_errorhandler(Exception)
def unexpected_error(error: Exception):
    # A bug in the emulator: still a JSON answer, and the traceback in the log.
    current_app.logger.exception("Jira emulator failed on %s %s", request.method, request.path)
    return _answer({"errorMessages": [f"The Jira emulator failed: {error!r}"], "errors": {}}, 500)


# App and server


def create_app(
    users: dict[str, str] | None = None, projects: tuple[str, ...] = DEFAULT_PROJECTS
) -> Flask:
    """A Flask app speaking Jira Cloud REST for `users` (email -> API token) and `projects`."""
    for key in projects:
        if not re.fullmatch(r"[A-Z][A-Z0-9_]{1,9}", key):
            raise ValueError(f"{key!r} is not a Jira project key (2-10 capitals and digits)")
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 10 * 1024 * 1024
    app.extensions["jira_emulator"] = JiraState(users or DEFAULT_USERS, tuple(projects))
    app.extensions["jira_faults"] = Faults()
    app.register_blueprint(jira)
    return app


class _QuietRequestHandler(WSGIRequestHandler):
    def log_request(self, code="-", size="-") -> None:
        """Embedded servers stay quiet; the command line logs every request."""


class EmulatorServer:
    """A Jira emulator answering on a daemon thread until shutdown()."""

    def __init__(self, app: Flask, host: str, port: int, log_requests: bool = False):
        handler = WSGIRequestHandler if log_requests else _QuietRequestHandler
        self.app = app
        self._server = make_server(host, port, app, threaded=True, request_handler=handler)
        self.port: int = self._server.server_port
        self.url = f"http://{_url_host(host)}:{self.port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name=f"jira-emulator-{self.port}", daemon=True
        )
        self._thread.start()

    def shutdown(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> "EmulatorServer":
        return self

    def __exit__(self, *exc_info) -> None:
        self.shutdown()


def _url_host(host: str) -> str:
    if host in ("", "0.0.0.0"):
        return "127.0.0.1"
    return f"[{host}]" if ":" in host else host


def serve(
    host: str = "127.0.0.1", port: int = 0, log_requests: bool = False, **create_app_kwargs
) -> EmulatorServer:
    """Start an emulator on a daemon thread (port 0: a free port; see `.url`)."""
    return EmulatorServer(create_app(**create_app_kwargs), host, port, log_requests)


def _user_argument(text: str) -> tuple[str, str]:
    email, separator, token = text.partition(":")
    if not separator or not email or not token:
        raise argparse.ArgumentTypeError(f"expected EMAIL:TOKEN, got {text!r}")
    return email, token


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m local_runner.jira_emulator",
        description="A Jira Cloud emulator for StackLens (in memory; state lasts until exit).",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=3002, help="0 picks a free port")
    parser.add_argument(
        "--user",
        action="append",
        type=_user_argument,
        metavar="EMAIL:TOKEN",
        help="an account allowed in (repeatable; default demo@example.com:demo-token)",
    )
    parser.add_argument(
        "--project",
        action="append",
        type=str.upper,
        metavar="KEY",
        help="a project key (repeatable; default STACK)",
    )
    args = parser.parse_args(argv)
    try:
        app = create_app(
            dict(args.user or DEFAULT_USERS.items()), tuple(args.project or DEFAULT_PROJECTS)
        )
    except ValueError as problem:
        parser.error(str(problem))
    server = make_server(args.host, args.port, app, threaded=True)
    print(f"Jira emulator on http://{_url_host(args.host)}:{server.server_port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
