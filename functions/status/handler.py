"""The status function: the status API, the live stream (SSE) and the status page.

Routes are those of StatusFunction in template.yaml. The page and its assets are open (the
login form is there), and so is the API description; every other /api route needs the admin
token or the session it opens.
"""

import json
import re
from collections.abc import Iterator
from datetime import timedelta
from itertools import islice
from pathlib import Path

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response

from functions.common import clock, live_feed, models, sessions
from functions.common.http import (
    ApiError,
    install_error_handlers,
    json_body,
    require_admin,
    same_secret,
)
from functions.common.metrics import count, publishes_metrics
from functions.common.settings import SEVERITIES, load
from functions.status import (
    dead_letters,
    export,
    history,
    jira_check,
    openapi,
    queries,
    stats,
    stream,
    views,
)

PAGE_DIR = Path(__file__).resolve().parent / "page"
# The only files /assets/{name} serves: a fixed list, so no name can reach outside PAGE_DIR.
ASSETS = {
    "index.html": "text/html; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    **{
        f"{module}.js": "text/javascript; charset=utf-8"
        for module in (
            "app",
            "api",
            "dom",
            "tabs",
            "live",
            "overview",
            "chart",
            "rules",
            "history",
            "jira",
        )
    },
}
AUDIT_DAYS_SHOWN = 30
# An export holds at most this many rows (the newest); the JSON says when it was cut.
EXPORT_MAX_ROWS = 10_000
# The status tab's last hour reads at most this many feed events (the newest).
STATS_MAX_EVENTS = 20_000
EXPORT_FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
DEFAULT_LIMIT = 100
MAX_LIMIT = 500
LIMIT_PATTERN = re.compile(r"[0-9]{1,4}")

logger = Logger()
app = APIGatewayHttpResolver()
install_error_handlers(app)
models.bind(load())


def _page_file(name: str) -> Response:
    # Read on every request: the files are small, and the local runner's hot reload sees edits.
    return Response(
        status_code=200,
        content_type=ASSETS[name],
        body=(PAGE_DIR / name).read_text(encoding="utf-8"),
        headers={"Cache-Control": "no-cache"},
    )


def _limit() -> int:
    raw = app.current_event.get_query_string_value("limit")
    if raw is None:
        return DEFAULT_LIMIT
    if not LIMIT_PATTERN.fullmatch(raw) or not 1 <= int(raw) <= MAX_LIMIT:
        raise ApiError(400, f"limit must be an integer from 1 to {MAX_LIMIT}", "limit")
    return int(raw)


def _optional_field(body: dict, name: str, kind: type):
    value = body.get(name)
    if value is not None and not isinstance(value, kind):
        raise ApiError(400, f"{name} must be a {kind.__name__}", name)
    return value


@app.get("/")
def page() -> Response:
    return _page_file("index.html")


@app.get("/assets/<name>")
def asset(name: str) -> Response:
    # API Gateway hands over the decoded name; the matched raw path is the fallback.
    name = app.current_event.path_parameters.get("name", name)
    if name not in ASSETS:
        raise ApiError(404, "no such asset", "name")
    return _page_file(name)


@app.get("/api/session")
def session() -> dict:
    require_admin(app, load().admin_token)
    return {"authenticated": True}


@app.post("/api/session")
def log_in() -> Response:
    """Trade the admin token for a session cookie, so the page never keeps the token."""
    settings = load()
    token = json_body(app).get("token")
    if not isinstance(token, str) or not settings.admin_token:
        raise ApiError(400, "token must be a string", "token")
    if not same_secret(token, settings.admin_token):
        raise ApiError(401, "admin token wrong", "token")
    cookie = sessions.set_cookie(sessions.issue(settings.admin_token), _is_https())
    return Response(200, "application/json", json.dumps({"authenticated": True}), cookies=[cookie])


@app.delete("/api/session")
def log_out() -> Response:
    cookie = sessions.clear_cookie(_is_https())
    return Response(200, "application/json", json.dumps({"authenticated": False}), cookies=[cookie])


def _is_https() -> bool:
    # API Gateway always serves HTTPS; the local runner serves plain HTTP.
    forwarded = app.current_event.headers.get("x-forwarded-proto", "")
    return forwarded == "https" or app.current_event.request_context.domain_name.endswith(
        ".amazonaws.com"
    )


@app.get("/api/jira/status")
def jira_status() -> dict:
    settings = load()
    require_admin(app, settings.admin_token)
    answer = views.jira_configuration(settings)
    answer["dead_letter_jobs"] = dead_letters.depth(settings)
    if app.current_event.get_query_string_value("test", "") in ("1", "true"):
        answer |= jira_check.check(settings)
    return answer


@app.post("/api/jira/redrive")
def jira_redrive() -> dict:
    """Send the ticket jobs that used up their tries back to the queue (admin)."""
    settings = load()
    require_admin(app, settings.admin_token)
    limit = _optional_field(json_body(app), "limit", int)
    if limit is not None and (isinstance(limit, bool) or not 1 <= limit <= 1000):
        raise ApiError(400, "limit must be from 1 to 1000", "limit")
    moved = dead_letters.redrive(settings, limit or 1000)
    count("DeadLetterJobsRedriven", moved)
    return {"redriven": moved, "remaining": dead_letters.depth(settings)}


@app.get("/api/automation/status")
def automation_status() -> dict:
    require_admin(app, load().admin_token)
    return {
        "enabled": queries.automation_enabled(),
        "thresholds": queries.thresholds(),
        "counts": queries.decision_counts(),
        "tickets": sum(1 for ticket in queries.tickets() if ticket.get("jira_key")),
    }


@app.post("/api/automation/toggle")
def automation_toggle() -> dict:
    require_admin(app, load().admin_token)
    enabled = _optional_field(json_body(app), "enabled", bool)
    if enabled is None:
        enabled = not queries.automation_enabled()
    before = queries.automation_enabled()
    queries.set_automation(enabled)
    queries.record_audit("automation", before, enabled, _who())
    logger.info("automation switched", extra={"enabled": enabled})
    return {"enabled": enabled}


@app.put("/api/automation/rules")
def automation_rules() -> dict:
    """Change the confidence thresholds per severity (admin); every change is audited."""
    require_admin(app, load().admin_token)
    given = json_body(app).get("thresholds")
    if not isinstance(given, dict) or not given:
        raise ApiError(400, "thresholds must be an object of severity -> 0..1", "thresholds")
    for severity, value in given.items():
        field = f"thresholds.{severity}"
        if severity not in SEVERITIES:
            raise ApiError(400, f"severity must be one of {', '.join(SEVERITIES)}", field)
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
            raise ApiError(400, "a threshold is a number from 0 to 1", field)
    before = queries.thresholds()
    after = {**before, **{severity: float(value) for severity, value in given.items()}}
    queries.set_thresholds(after)
    queries.record_audit("thresholds", before, after, _who())
    return {"thresholds": after}


@app.get("/api/audit")
def audit() -> dict:
    require_admin(app, load().admin_token)
    return {"entries": queries.audit(days=AUDIT_DAYS_SHOWN)}


def _who() -> str:
    """Who changed it, as far as the API can tell: the page's session or an API client."""
    headers = app.current_event.headers
    return "api (bearer token)" if headers.get("authorization") else "status page session"


@app.get("/api/watcher/status")
def watcher_status() -> dict:
    require_admin(app, load().admin_token)
    now = clock.now()
    return {"hosts": [views.host_view(host, now) for host in queries.hosts()]}


def _set_watchers(state: str) -> dict:
    require_admin(app, load().admin_token)
    host_id = _optional_field(json_body(app), "host_id", str)
    hosts = queries.set_desired_state(state, host_id)
    if hosts is None:
        raise ApiError(404, f"no host {host_id!r}", "host_id")
    logger.info("watchers set", extra={"desired_state": state, "hosts": hosts})
    return {"desired_state": state, "hosts": hosts}


@app.post("/api/watcher/start")
def watcher_start() -> dict:
    return _set_watchers("running")


@app.post("/api/watcher/stop")
def watcher_stop() -> dict:
    return _set_watchers("paused")


@app.get("/api/groups")
def groups() -> dict:
    require_admin(app, load().admin_token)
    latest = views.latest_groups(queries.groups(), _limit())
    keys = queries.ticket_keys([group["fingerprint"] for group in latest])
    return {"groups": [views.group_view(group, keys.get(group["fingerprint"])) for group in latest]}


@app.get("/api/tickets")
def tickets() -> dict:
    require_admin(app, load().admin_token)
    return {"tickets": views.latest_tickets(queries.tickets(), load(), _limit())}


def _query() -> dict[str, str]:
    return dict(app.current_event.query_string_parameters or {})


def _history_rows(
    kind: str, filters: history.Filters, cursor: tuple[str, str] | None = None
) -> Iterator[dict]:
    """The rows of `kind` that pass the filters, newest first (after the cursor, when one is
    given); decisions are read from their index only as far as the caller takes them."""
    if kind == "decisions":
        summaries = queries.group_summaries()
        decisions = queries.decisions_newest_first(
            filters.fingerprint, filters.action, cursor[1] if cursor else None, filters.since
        )
        rows = (
            history.decision_row(decision, summaries.get(decision["fingerprint"]))
            for decision in decisions
        )
        return (row for row in rows if history.matches(kind, row, filters))
    if kind == "groups":
        keys = {row["fingerprint"]: row.get("jira_key") for row in queries.tickets()}
        rows = [
            history.group_row(group, keys.get(group["fingerprint"])) for group in queries.groups()
        ]
    else:
        summaries = queries.group_summaries()
        settings = load()
        rows = [
            history.ticket_row(
                ticket,
                summaries.get(ticket["fingerprint"]),
                views.issue_url(settings, ticket.get("jira_key")),
            )
            for ticket in queries.tickets()
        ]
    return iter(history.newest_first(kind, rows, filters))


def _kind(kind: str) -> str:
    kind = app.current_event.path_parameters.get("kind", kind)
    if kind not in history.KINDS:
        raise ApiError(404, f"kind must be one of {', '.join(history.KINDS)}", "kind")
    return kind


@app.get("/api/history/<kind>")
def history_page(kind: str) -> dict:
    """One page of groups, tickets or decisions, newest first, filtered (admin)."""
    require_admin(app, load().admin_token)
    kind = _kind(kind)
    params = _query()
    try:
        filters = history.parse_filters(kind, params, history.PAGING_PARAMETERS)
        limit = history.parse_limit(params.get("limit"))
        cursor = history.decode_cursor(params.get("cursor"))
    except history.BadParameter as error:
        raise ApiError(400, str(error), error.parameter) from None
    return history.page(kind, _history_rows(kind, filters, cursor), limit, cursor)


@app.get("/api/export/<kind>")
def history_export(kind: str) -> Response:
    """Every row the same filters show, as a CSV or JSON download (admin)."""
    require_admin(app, load().admin_token)
    kind = _kind(kind)
    params = _query()
    file_format = params.get("format", "csv")
    if file_format not in EXPORT_FORMATS:
        raise ApiError(400, "format must be csv or json", "format")
    try:
        filters = history.parse_filters(kind, params, ("format",))
    except history.BadParameter as error:
        raise ApiError(400, str(error), error.parameter) from None
    taken = list(islice(_history_rows(kind, filters), EXPORT_MAX_ROWS + 1))
    columns = history.COLUMNS[kind]
    shown = taken[:EXPORT_MAX_ROWS]
    if file_format == "csv":
        body = export.to_csv(columns, shown)
    else:
        body = export.to_json(kind, columns, shown, truncated=len(taken) > len(shown))
    name = export.filename(kind, clock.iso(), file_format)
    return Response(
        status_code=200,
        content_type=EXPORT_FORMATS[file_format],
        body=body,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
            "X-StackLens-Rows": str(len(shown)),
            "X-StackLens-Truncated": str(len(taken) > len(shown)).lower(),
        },
    )


@app.get("/api/stats")
def statistics() -> dict:
    """Errors per minute by severity over the last hour, top groups, decision counts (admin)."""
    settings = load()
    require_admin(app, settings.admin_token)
    params = _query()
    for name in params:
        if name != "minutes":
            raise ApiError(400, f"unknown parameter {name[:40]!r}", name)
    raw = params.get("minutes", str(stats.WINDOW_MINUTES))
    # ASCII and short: "²".isdigit() is true and int() refuses it, as it does 5,000 digits.
    well_formed = raw.isascii() and raw.isdigit() and len(raw) <= 4
    if not well_formed or not 1 <= int(raw) <= stats.WINDOW_MINUTES:
        raise ApiError(
            400, f"minutes must be an integer from 1 to {stats.WINDOW_MINUTES}", "minutes"
        )
    minutes = int(raw)
    now = clock.now()
    start = now.replace(second=0, microsecond=0) - timedelta(minutes=minutes - 1)
    events, truncated = queries.feed_since(start, STATS_MAX_EVENTS)
    return {
        "window": {"from": clock.iso(start), "to": clock.iso(now), "minutes": minutes},
        "errors_per_minute": stats.errors_per_minute(events, now, minutes),
        "top_groups": stats.top_groups(events),
        "ticket_outcomes": stats.ticket_outcomes(events),
        "decisions": queries.decision_counts(),
        "failed_jobs": dead_letters.depth(settings),
        "truncated": truncated,
    }


@app.get("/api/monitoring/live")
def live() -> Response:
    require_admin(app, load().admin_token)
    event = app.current_event
    try:
        last_id = stream.parse_last_event_id(
            event.headers.get("last-event-id"), event.get_query_string_value("lastEventId")
        )
    except stream.BadEventId as error:
        raise ApiError(400, str(error), "Last-Event-ID") from None
    position = live_feed.last_seq()  # read first: nothing handed out later is skipped
    after = stream.resume_point(last_id, position)
    if after is None:
        events = live_feed.read_after(None, stream.INITIAL_EVENTS)
    else:
        events = live_feed.read_after(after, stream.RESUME_LIMIT)
    return Response(
        status_code=200,
        content_type="text/event-stream",
        body=stream.format_stream(events, position if after is None else None),
        headers={"Cache-Control": "no-cache"},
    )


@app.get("/api/openapi.json")
def openapi_description() -> dict:
    """The API description; public, as functions/status/openapi.py says why."""
    return openapi.description()


@logger.inject_lambda_context
@publishes_metrics
def lambda_handler(event: dict, context) -> dict:
    return app.resolve(event, context)
