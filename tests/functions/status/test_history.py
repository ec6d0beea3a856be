"""History and export routes of the status function, called as API Gateway calls them, on moto:
filters, keyset pages, CSV/JSON downloads, and 400s naming the bad parameter."""

import csv
import io
import json

import pytest

from functions.common.models import DecisionModel, TicketModel
from tests.functions.groups import save_group
from tests.functions.status.http import call, json_of

pytestmark = pytest.mark.integration

ANONYMOUS: dict = {}


def by_kind(route: str, kind: str, query: str = "", headers=None):
    """GET /api/<route>/<kind> as API Gateway would route it."""
    return call(
        "GET",
        f"/api/{route}/{kind}",
        route=f"/api/{route}/{{kind}}",
        path_parameters={"kind": kind},
        query=query,
        headers=headers,
    )


def history(kind: str, query: str = "", headers=None):
    return by_kind("history", kind, query, headers)


def export(kind: str, query: str = "", headers=None):
    return by_kind("export", kind, query, headers)


def decide(fingerprint: str, minute: int, action: str, severity: str = "HIGH", **extra) -> str:
    decided_at = f"2026-11-26T10:{minute:02d}:00.000Z"
    key = f"{decided_at}#{fingerprint}"
    DecisionModel(
        fingerprint,
        key,
        action=action,
        reason=extra.pop("reason", f"{action} because"),
        severity=severity,
        confidence=0.8,
        threshold=0.5,
        feedback_adjustment=-0.1,
        count=minute,
        decided_at=decided_at,
        **extra,
    ).save()
    return key


@pytest.fixture
def some_history(aws):
    """Three groups, two tickets, five decisions at known times."""
    save_group("fp-pay", "payment gateway timeout", last_seen="2026-11-26T10:05:00.000Z")
    save_group(
        "fp-print",
        "printer offline",
        severity="LOW",
        category="hardware",
        last_seen="2026-11-26T10:03:00.000Z",
    )
    save_group(
        "fp-db",
        "database deadlock",
        severity="CRITICAL",
        last_seen="2026-11-26T10:09:00.000Z",
    )
    for fingerprint, key, minute, status in (
        ("fp-pay", "STACK-1", 1, "open"),
        ("fp-db", "STACK-2", 8, "resolved"),
    ):
        at = f"2026-11-26T10:{minute:02d}:00.000Z"
        TicketModel(fingerprint, jira_key=key, status=status, claimed_at=at, created_at=at).save()
    decide("fp-pay", 1, "create")
    decide("fp-pay", 4, "update")
    decide("fp-print", 2, "skip", severity="LOW")
    decide("fp-db", 8, "create", severity="CRITICAL")
    decide("fp-db", 9, "update", severity="CRITICAL")


def test_groups_newest_first_with_their_ticket(some_history):
    page = json_of(history("groups"))
    assert [row["fingerprint"] for row in page["items"]] == ["fp-db", "fp-pay", "fp-print"]
    assert page["items"][1]["ticket"] == "STACK-1" and page["items"][2]["ticket"] is None
    assert page["next_cursor"] is None


def test_decisions_filtered_by_action_severity_text_and_time(some_history):
    def keys(query: str) -> list[tuple[str, str]]:
        items = json_of(history("decisions", query))["items"]
        return [(row["fingerprint"], row["action"]) for row in items]

    assert keys("action=update") == [("fp-db", "update"), ("fp-pay", "update")]
    assert keys("severity=low") == [("fp-print", "skip")]
    assert keys("q=GATEWAY") == [("fp-pay", "update"), ("fp-pay", "create")]
    assert keys("q=hardware") == [("fp-print", "skip")]  # the group's category
    assert keys("since=2026-11-26T10:02:00Z&until=2026-11-26T10:08:00%2B00:00") == [
        ("fp-db", "create"),
        ("fp-pay", "update"),
        ("fp-print", "skip"),
    ]
    assert keys("fingerprint=fp-db&action=create") == [("fp-db", "create")]


def test_decision_rows_name_their_group(some_history):
    (row,) = json_of(history("decisions", "action=skip"))["items"]
    assert row["template"] == "printer offline"
    assert row["decision_key"] == "2026-11-26T10:02:00.000Z#fp-print"
    assert row["confidence"] == 0.8 and row["threshold"] == 0.5


def test_tickets_filtered_by_status_with_their_group(some_history):
    (row,) = json_of(history("tickets", "status=resolved"))["items"]
    assert row["jira_key"] == "STACK-2" and row["template"] == "database deadlock"
    assert row["severity"] == "CRITICAL"
    assert [r["jira_key"] for r in json_of(history("tickets"))["items"]] == ["STACK-2", "STACK-1"]


def test_pages_follow_the_cursor_without_repeat_or_gap_as_rows_arrive(some_history):
    first = json_of(history("decisions", "limit=2"))
    assert [row["count"] for row in first["items"]] == [9, 8]
    decide("fp-new", 30, "create")  # newer than every page: it must not shift the next ones
    second = json_of(history("decisions", f"limit=2&cursor={first['next_cursor']}"))
    assert [row["count"] for row in second["items"]] == [4, 2]
    third = json_of(history("decisions", f"limit=2&cursor={second['next_cursor']}"))
    assert [row["count"] for row in third["items"]] == [1]
    assert third["next_cursor"] is None


BAD_PARAMETERS = [
    ("decisions", "limit=0", "limit"),
    ("decisions", "limit=501", "limit"),
    ("decisions", "limit=ten", "limit"),
    ("decisions", "cursor=not-a-cursor", "cursor"),
    ("decisions", "cursor=WyJhIl0", "cursor"),  # valid base64 of ["a"]
    ("decisions", "severity=URGENT", "severity"),
    ("decisions", "action=delete", "action"),
    ("tickets", "status=lost", "status"),
    ("groups", "action=create", "action"),  # groups have no action
    ("groups", "since=yesterday", "since"),
    ("groups", "until=2026-11-26T10:00:00", "until"),  # no zone
    ("groups", "since=2026-11-27T00:00:00Z&until=2026-11-26T00:00:00Z", "until"),
    ("groups", "q=" + "x" * 201, "q"),
    ("groups", "sevrity=HIGH", "sevrity"),
]


def test_a_bad_parameter_is_a_400_naming_it(aws):
    # One table set-up for every case: each is a request, not a new fixture.
    for kind, query, parameter in BAD_PARAMETERS:
        answer = history(kind, query)
        assert answer.status == 400, (kind, query)
        assert json_of(answer)["field"] == parameter, (kind, query)


def test_an_unknown_kind_is_a_404_naming_it(aws):
    answer = history("secrets")
    assert answer.status == 404 and json_of(answer)["field"] == "kind"


def test_history_and_export_refuse_without_the_admin_token(some_history):
    for route in (history, export):
        for headers in (ANONYMOUS, {"Authorization": "Bearer wrong"}):
            answer = route("decisions", "", headers)
            assert answer.status == 401
            assert b"fp-pay" not in answer.body


def test_csv_export_has_a_header_and_the_rows_the_filters_show(some_history):
    answer = export("decisions", "format=csv&severity=CRITICAL")
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("text/csv")
    disposition = answer.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="stacklens-decisions-')
    assert disposition.endswith('.csv"')
    rows = list(csv.DictReader(io.StringIO(answer.body.decode())))
    shown = json_of(history("decisions", "severity=CRITICAL"))["items"]
    assert [row["decision_key"] for row in rows] == [row["decision_key"] for row in shown]
    assert rows[0]["action"] == "update" and rows[0]["confidence"] == "0.8"
    assert rows[0]["feedback_adjustment"] == "-0.1"  # a number keeps its sign


def test_csv_export_keeps_formulas_in_log_text_inert(aws):
    for fingerprint, text in (
        ("fp-eq", '=HYPERLINK("http://evil.test","click")'),
        ("fp-plus", "+1+cmd|' /C calc'!A0"),
        ("fp-minus", "-2+3"),
        ("fp-at", "@SUM(A1:A9)"),
        ("fp-tab", "\t=1+1"),
    ):
        save_group(fingerprint, text)
    answer = export("groups", "format=csv")
    rows = list(csv.DictReader(io.StringIO(answer.body.decode())))
    assert len(rows) == 5
    for row in rows:
        assert row["template"].startswith("'"), row["template"]
        assert row["message"].startswith("'")
    assert {row["template"][1:] for row in rows} >= {'=HYPERLINK("http://evil.test","click")'}


def test_json_export_is_every_row_with_the_columns(some_history):
    answer = export("groups", "format=json&q=printer")
    assert answer.status == 200 and answer.headers["content-type"] == "application/json"
    body = json.loads(answer.body)
    assert body["kind"] == "groups" and body["truncated"] is False
    (row,) = body["items"]
    assert row["fingerprint"] == "fp-print" and row["hosts"] == ["till-01"]


def test_a_bad_export_parameter_is_a_400_naming_it(aws):
    for query, parameter in (
        ("format=xlsx", "format"),
        ("format=csv&limit=5", "limit"),
        ("severity=NOPE", "severity"),
    ):
        answer = export("tickets", query)
        assert answer.status == 400 and json_of(answer)["field"] == parameter, query


@pytest.fixture
def requests_made(monkeypatch):
    """(operation, table) of every AWS request made: botocore's own call, recorded."""
    from botocore.client import BaseClient

    made: list[tuple[str, str | None]] = []
    make_api_call = BaseClient._make_api_call

    def recorded(self, operation, params):
        made.append((operation, params.get("TableName")))
        return make_api_call(self, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", recorded)
    return made


def test_many_decisions_page_newest_first_from_the_index_without_a_scan(aws, requests_made):
    actions = ("create", "update", "reopen", "skip", "suppress")
    for n in range(60):  # 60 decisions of 4 groups, every action, a minute apart
        decided_at = f"2026-11-26T{10 + n // 60:02d}:{n % 60:02d}:00.000Z"
        DecisionModel(
            f"fp-{n % 4}",
            f"{decided_at}#{n:04d}",
            action=actions[n % 5],
            reason="r",
            severity="HIGH",
            confidence=0.5,
            threshold=0.5,
            count=n,
            decided_at=decided_at,
        ).save()
    requests_made.clear()

    seen, cursor = [], None
    while True:
        page = json_of(history("decisions", "limit=7" + (f"&cursor={cursor}" if cursor else "")))
        seen += [row["count"] for row in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(range(59, -1, -1))
    # One action, from a time given with an offset (10:50Z = 11:50+01:00), one group's.
    recent_skips = json_of(history("decisions", "action=skip&since=2026-11-26T11:50:00%2B01:00"))
    assert [row["count"] for row in recent_skips["items"]] == [58, 53]
    one_group = json_of(history("decisions", "fingerprint=fp-1&action=update&limit=3"))
    assert [row["count"] for row in one_group["items"]] == [41, 21, 1]
    counts = json_of(call("GET", "/api/automation/status"))["counts"]
    assert counts == {action: 12 for action in actions}

    decisions_table = DecisionModel.Meta.table_name
    assert ("Scan", decisions_table) not in requests_made
    assert ("Query", decisions_table) in requests_made
