"""Every route of the status function, called as API Gateway calls it, on moto."""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest

from functions.common import clock, live_feed
from functions.common.models import (
    DecisionModel,
    GroupModel,
    HostModel,
    SettingModel,
    TicketModel,
)
from tests.functions.status.http import ADMIN, call, json_of

pytestmark = pytest.mark.integration


def _group(fingerprint: str, last_seen: str, **extra) -> GroupModel:
    group = GroupModel(
        fingerprint,
        template=f"payment failed for order <num> ({fingerprint})",
        message=f"payment failed for order 42 ({fingerprint})",
        level="ERROR",
        severity="HIGH",
        category="payment",
        count=3,
        first_seen="2024-05-01T09:00:00.000Z",
        last_seen=last_seen,
        hosts={"pos-1", "pos-2"},
        stores={"S001"},
        **extra,
    )
    group.save()
    return group


def _host(host_id: str, heartbeat_age_seconds: float | None = 1.0, **extra) -> HostModel:
    heartbeat = (
        None
        if heartbeat_age_seconds is None
        else clock.iso(clock.now() - timedelta(seconds=heartbeat_age_seconds))
    )
    host = HostModel(
        host_id,
        key=f"signing-key-of-{host_id}",
        store="S001",
        registered_at=clock.iso(),
        last_heartbeat=heartbeat,
        **extra,
    )
    host.save()
    return host


# ---- the page and its assets ----


def test_the_page_is_html_that_loads_its_script_and_style(aws):
    answer = call("GET", "/")
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/html")
    page = answer.body.decode()
    assert "<title>StackLens</title>" in page
    assert 'src="/assets/app.js"' in page and 'href="/assets/style.css"' in page
    assert 'id="stream-state"' in page and 'id="errors"' in page and 'id="tickets"' in page


@pytest.mark.parametrize(
    ("name", "content_type", "marker"),
    [
        ("app.js", "text/javascript", "setUpTabs("),
        ("live.js", "text/javascript", "new EventSource("),
        ("chart.js", "text/javascript", "createElementNS("),
        ("style.css", "text/css", "--critical"),
    ],
)
def test_assets_are_served_with_their_content_type(aws, name, content_type, marker):
    answer = call("GET", f"/assets/{name}", route="/assets/{name}", path_parameters={"name": name})
    assert answer.status == 200
    assert answer.headers["content-type"].startswith(content_type)
    assert marker in answer.body.decode()


def test_every_module_the_page_imports_is_served(aws):
    """The page has no build step: each `import … from './x.js'` must be an asset."""
    from functions.status import handler

    page_dir = Path(handler.PAGE_DIR)
    imported = set()
    for script in page_dir.glob("*.js"):
        imported |= set(re.findall(r"from '\./([\w-]+\.js)'", script.read_text()))
    assert imported and imported <= set(handler.ASSETS)
    assert {path.name for path in page_dir.iterdir()} == set(handler.ASSETS)
    for name in imported:
        answer = call(
            "GET", f"/assets/{name}", route="/assets/{name}", path_parameters={"name": name}
        )
        assert answer.status == 200, name


@pytest.mark.parametrize(
    ("raw", "decoded"),
    [
        ("..%2f..%2fetc%2fpasswd", "../../etc/passwd"),
        ("handler.py", "handler.py"),
        ("..%2fhandler.py", "../handler.py"),
        ("APP.JS", "APP.JS"),
        ("%2fetc%2fpasswd", "/etc/passwd"),
    ],
)
def test_only_the_page_files_are_served(aws, raw, decoded):
    answer = call(
        "GET", f"/assets/{raw}", route="/assets/{name}", path_parameters={"name": decoded}
    )
    assert answer.status == 404
    assert json_of(answer) == {"error": "no such asset", "field": "name"}
    assert b"root:" not in answer.body and b"lambda_handler" not in answer.body


def test_an_unknown_route_is_a_json_404(aws):
    answer = call("GET", "/api/nothing")
    assert answer.status == 404
    assert json_of(answer) == {"error": "no such route"}


# ---- Jira status ----


def test_jira_status_shows_the_settings_but_never_the_token(aws, monkeypatch):
    monkeypatch.setenv("JIRA_URL", "https://jira.example.test")
    monkeypatch.setenv("JIRA_USER", "bot@example.test")
    monkeypatch.setenv("JIRA_API_TOKEN", "very-secret-jira-token")
    answer = call("GET", "/api/jira/status")
    assert answer.status == 200
    status = json_of(answer)
    assert status["configured"] is True
    assert status["url"] == "https://jira.example.test"
    assert status["user"] == "bot@example.test"
    assert status["project"] == "STACK" and status["issue_type"] == "Bug"
    assert status["priority_map"]["CRITICAL"] == "Highest"
    assert "reachable" not in status
    assert b"very-secret-jira-token" not in answer.body
    assert b"demo-token" not in answer.body  # the secret's value


def test_jira_status_is_not_configured_without_a_url(aws, monkeypatch):
    monkeypatch.setenv("JIRA_URL", "")
    answer = call("GET", "/api/jira/status", query="test=1")
    assert answer.status == 200
    status = json_of(answer)
    assert status["configured"] is False
    assert status["reachable"] is False


# ---- automation ----


def test_automation_status_counts_decisions_and_tickets(aws):
    for number, action in enumerate(["create", "create", "skip", "update"]):
        DecisionModel(
            f"fp-{number}",
            f"2024-05-01T10:00:0{number}.000Z#x",
            action=action,
            reason="test",
            severity="HIGH",
            confidence=0.9,
            threshold=0.5,
            decided_at="2024-05-01T10:00:00.000Z",
        ).save()
    TicketModel("fp-0", jira_key="STACK-1", status="open", claimed_at="t").save()
    TicketModel("fp-1", status="claimed", claimed_at="t").save()  # not created yet
    status = json_of(call("GET", "/api/automation/status"))
    assert status["enabled"] is True
    assert status["thresholds"] == {"CRITICAL": 0.0, "HIGH": 0.5, "MEDIUM": 0.75, "LOW": 0.9}
    assert status["counts"]["create"] == 2
    assert status["counts"]["skip"] == 1
    assert status["counts"]["update"] == 1
    assert status["counts"]["suppress"] == 0
    assert status["tickets"] == 1


def test_stored_thresholds_show_over_the_defaults(aws):
    SettingModel("thresholds", value={"HIGH": 0.6}).save()
    thresholds = json_of(call("GET", "/api/automation/status"))["thresholds"]
    assert thresholds["HIGH"] == 0.6 and thresholds["LOW"] == 0.9


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer wrong-token"}, {"Authorization": "Basic abc"}],
)
def test_the_automation_switch_needs_the_admin_token(aws, headers):
    answer = call("POST", "/api/automation/toggle", headers=headers, body={"enabled": False})
    assert answer.status == 401
    assert json_of(answer)["field"] == "Authorization"
    assert json_of(call("GET", "/api/automation/status"))["enabled"] is True


def test_the_automation_switch_sets_flips_and_persists(aws):
    answer = call("POST", "/api/automation/toggle", headers=ADMIN, body={"enabled": False})
    assert answer.status == 200 and json_of(answer) == {"enabled": False}
    assert SettingModel.get("automation").enabled is False
    assert json_of(call("GET", "/api/automation/status"))["enabled"] is False

    flipped = call("POST", "/api/automation/toggle", headers=ADMIN)  # no body: flip
    assert json_of(flipped) == {"enabled": True}
    assert json_of(call("GET", "/api/automation/status"))["enabled"] is True

    again = call("POST", "/api/automation/toggle", headers=ADMIN, body={"enabled": True})
    assert json_of(again) == {"enabled": True}


@pytest.mark.parametrize(
    ("body", "field"),
    [(b'{"enabled": "no"}', "enabled"), (b"[true]", "body"), (b"{not json", "body")],
)
def test_a_bad_switch_body_is_a_400_naming_the_field(aws, body, field):
    answer = call("POST", "/api/automation/toggle", headers=ADMIN, body=body)
    assert answer.status == 400
    assert json_of(answer)["field"] == field


# ---- watchers ----


def test_watcher_status_lists_hosts_online_or_not_without_keys(aws):
    _host("pos-1", 2, files=[{"path": "/var/log/pos/app.log", "offset": 120}], stats={"sent": 7})
    _host("pos-2", 120)
    _host("pos-3", None)
    answer = call("GET", "/api/watcher/status")
    hosts = {host["host_id"]: host for host in json_of(answer)["hosts"]}
    assert b"signing-key-of" not in answer.body
    assert hosts["pos-1"]["online"] is True
    assert hosts["pos-1"]["files"] == [{"path": "/var/log/pos/app.log", "offset": 120}]
    assert hosts["pos-1"]["stats"] == {"sent": 7}
    assert hosts["pos-1"]["desired_state"] == "running"
    assert hosts["pos-2"]["online"] is False
    assert hosts["pos-3"]["online"] is False and hosts["pos-3"]["last_heartbeat"] is None
    assert set(hosts["pos-1"]) == {
        "host_id", "store", "last_heartbeat", "desired_state", "files", "stats", "online"
    }  # fmt: skip


def test_stop_and_start_one_host(aws):
    _host("pos-1")
    _host("pos-2")
    stopped = call("POST", "/api/watcher/stop", headers=ADMIN, body={"host_id": "pos-1"})
    assert stopped.status == 200
    assert json_of(stopped) == {"desired_state": "paused", "hosts": ["pos-1"]}
    assert HostModel.get("pos-1").desired_state == "paused"
    assert HostModel.get("pos-2").desired_state == "running"
    assert HostModel.get("pos-1").key == "signing-key-of-pos-1"  # the rest of the item kept

    started = call("POST", "/api/watcher/start", headers=ADMIN, body={"host_id": "pos-1"})
    assert json_of(started) == {"desired_state": "running", "hosts": ["pos-1"]}
    assert HostModel.get("pos-1").desired_state == "running"


def test_stop_without_a_host_stops_every_host(aws):
    _host("pos-1")
    _host("pos-2")
    answer = call("POST", "/api/watcher/stop", headers=ADMIN)
    assert sorted(json_of(answer)["hosts"]) == ["pos-1", "pos-2"]
    states = {
        h["host_id"]: h["desired_state"]
        for h in json_of(call("GET", "/api/watcher/status"))["hosts"]
    }
    assert states == {"pos-1": "paused", "pos-2": "paused"}


def test_an_unknown_host_is_a_404_and_creates_nothing(aws):
    answer = call("POST", "/api/watcher/start", headers=ADMIN, body={"host_id": "nope"})
    assert answer.status == 404
    assert json_of(answer)["field"] == "host_id"
    assert HostModel.count() == 0


@pytest.mark.parametrize("path", ["/api/watcher/start", "/api/watcher/stop"])
def test_watcher_changes_need_the_admin_token(aws, path):
    _host("pos-1")
    assert call("POST", path, headers={}, body={"host_id": "pos-1"}).status == 401
    assert call("POST", path, headers=ADMIN, body={"host_id": 7}).status == 400


# ---- groups and tickets ----


def test_groups_are_the_latest_first_with_their_ticket(aws):
    _group("fp-old", "2024-05-01T10:00:00.000Z")
    _group("fp-new", "2024-05-01T11:00:00.000Z")
    _group("fp-mid", "2024-05-01T10:30:00.000Z")
    TicketModel("fp-mid", jira_key="STACK-9", status="open", claimed_at="t").save()
    groups = json_of(call("GET", "/api/groups"))["groups"]
    assert [g["fingerprint"] for g in groups] == ["fp-new", "fp-mid", "fp-old"]
    mid = groups[1]
    assert mid["ticket"] == "STACK-9" and groups[0]["ticket"] is None
    assert mid["hosts"] == ["pos-1", "pos-2"] and mid["stores"] == ["S001"]
    assert mid["count"] == 3 and mid["severity"] == "HIGH" and mid["category"] == "payment"
    assert mid["message"] == "payment failed for order 42 (fp-mid)"
    assert mid["template"].startswith("payment failed for order <num>")
    assert mid["first_seen"] == "2024-05-01T09:00:00.000Z"
    assert mid["last_seen"] == "2024-05-01T10:30:00.000Z"

    limited = json_of(call("GET", "/api/groups", query="limit=1"))["groups"]
    assert [g["fingerprint"] for g in limited] == ["fp-new"]


@pytest.mark.parametrize("limit", ["0", "501", "abc", "-1", "1.5", ""])
def test_a_bad_limit_is_a_400(aws, limit):
    answer = call("GET", "/api/groups", query=f"limit={limit}")
    assert answer.status == 400
    assert json_of(answer)["field"] == "limit"


def test_tickets_list_keys_statuses_and_links(aws):
    TicketModel(
        "a",
        jira_key="STACK-1",
        status="open",
        claimed_at="t",
        created_at="2024-05-01T10:00:00.000Z",
    ).save()
    TicketModel(
        "b",
        jira_key="STACK-2",
        status="resolved",
        claimed_at="t",
        created_at="2024-05-01T11:00:00.000Z",
    ).save()
    tickets = json_of(call("GET", "/api/tickets"))["tickets"]
    assert [(t["jira_key"], t["status"]) for t in tickets] == [
        ("STACK-2", "resolved"),
        ("STACK-1", "open"),
    ]
    assert tickets[0]["created_at"] == "2024-05-01T11:00:00.000Z"
    assert tickets[0]["url"].endswith("/browse/STACK-2")


# ---- the live stream ----


def _parse_sse(body: bytes) -> list[dict]:
    """The messages of an SSE body, as a browser's EventSource would split them."""
    messages = []
    for block in body.decode().split("\n\n"):
        if not block:
            continue
        fields = dict(line.split(": ", 1) for line in block.split("\n"))
        messages.append(fields)
    return messages


def _events(answer) -> list[dict]:
    return [
        {"id": int(m["id"]), "kind": m["event"], "data": json.loads(m["data"])}
        for m in _parse_sse(answer.body)
        if "event" in m
    ]


def _live(headers: dict | None = None, **kwargs):
    return call("GET", "/api/monitoring/live", headers={**ADMIN, **(headers or {})}, **kwargs)


def test_the_stream_sends_the_feed_as_sse_then_retry(aws):
    live_feed.append("error", {"fingerprint": "fp-1", "message": "card reader offline"})
    live_feed.append("decision", {"fingerprint": "fp-1", "action": "create"})
    live_feed.append("ticket", {"fingerprint": "fp-1", "key": "STACK-1", "action": "created"})
    answer = _live()
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/event-stream")
    assert answer.headers["cache-control"] == "no-cache"
    assert answer.body.endswith(b"retry: 1000\n\n")
    events = _events(answer)
    assert [e["kind"] for e in events] == ["error", "decision", "ticket"]
    assert events[0]["data"]["message"] == "card reader offline"
    assert events[2]["data"]["key"] == "STACK-1" and events[2]["data"]["at"]
    ids = [e["id"] for e in events]
    assert ids == sorted(ids) and len(set(ids)) == 3


def test_resume_after_last_event_id_sends_only_newer_events_once(aws):
    first = [live_feed.append("error", {"n": n}) for n in range(3)]
    seen = _events(_live())
    assert [e["id"] for e in seen] == first

    assert _events(_live(headers={"Last-Event-ID": str(first[-1])})) == []
    later = [live_feed.append("error", {"n": n}) for n in range(3, 5)]
    resumed = _events(_live(headers={"Last-Event-ID": str(first[-1])}))
    assert [e["id"] for e in resumed] == later
    assert [e["data"]["n"] for e in resumed] == [3, 4]

    from_middle = _events(_live(query=f"lastEventId={first[0]}"))
    assert [e["data"]["n"] for e in from_middle] == [1, 2, 3, 4]


def test_a_new_client_gets_the_last_50_events(aws):
    for n in range(55):
        live_feed.append("error", {"n": n})
    events = _events(_live())
    assert [e["data"]["n"] for e in events] == list(range(5, 55))


def test_a_new_client_on_an_empty_feed_resumes_from_its_position(aws):
    answer = _live()
    messages = _parse_sse(answer.body)
    assert messages == [{"id": "0"}, {"retry": "1000"}]
    live_feed.append("ticket", {"key": "STACK-3"})
    events = _events(_live(headers={"Last-Event-ID": messages[0]["id"]}))
    assert [e["data"]["key"] for e in events] == ["STACK-3"]


def test_an_id_from_before_a_feed_reset_gets_the_latest_events(aws):
    live_feed.append("error", {"n": 1})
    events = _events(_live(headers={"Last-Event-ID": "999"}))
    assert [e["data"]["n"] for e in events] == [1]


@pytest.mark.parametrize("bad", ["abc", "-3", "1.0", "99999999999999999999"])
def test_a_bad_last_event_id_is_a_400(aws, bad):
    answer = _live(headers={"Last-Event-ID": bad})
    assert answer.status == 400
    assert json_of(answer)["field"] == "Last-Event-ID"
    assert _live(query=f"lastEventId={bad}").status == 400


def test_a_log_line_with_markup_travels_as_json_text(aws):
    line = "<img src=x onerror=alert(1)>"
    live_feed.append("error", {"message": line})
    events = _events(_live())
    assert events[0]["data"]["message"] == line


def test_a_body_that_is_not_utf8_is_a_400_naming_the_body(aws):
    answer = call(
        "POST",
        "/api/automation/toggle",
        headers={**ADMIN, "Content-Type": "application/octet-stream"},
        body=b"\xff\xfe\x00garbage",
    )
    assert answer.status == 400
    assert json_of(answer)["field"] == "body"
