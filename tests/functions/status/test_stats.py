"""The status tab's numbers: errors per minute by severity over the last hour, top groups and
decision counts, from the live feed (unit) and through GET /api/stats (on moto)."""

from datetime import UTC, datetime

import pytest

from functions.common import live_feed
from functions.status import stats
from tests.functions.status.http import call, json_of
from tests.functions.status.test_history import decide

NOW = datetime(2026, 11, 26, 15, 30, 20, tzinfo=UTC)


def error(at: str, fingerprint: str, severity: str, new: int = 1, **data) -> dict:
    return {
        "kind": "error",
        "at": at,
        "data": {"fingerprint": fingerprint, "severity": severity, "new": new, **data},
    }


@pytest.mark.unit
def test_errors_are_counted_per_minute_and_severity_over_the_hour():
    events = [
        error("2026-11-26T14:31:00.000Z", "fp-a", "HIGH", 2),  # the window's first minute
        error("2026-11-26T14:30:59.999Z", "fp-a", "HIGH", 50),  # one minute too old
        error("2026-11-26T15:30:05.000Z", "fp-b", "CRITICAL", 3),
        error("2026-11-26T15:30:09.000Z", "fp-c", "CRITICAL"),
        error("2026-11-26T15:29:59.000Z", "fp-d", "weird"),
        {"kind": "ticket", "at": "2026-11-26T15:30:00.000Z", "data": {"action": "created"}},
    ]
    buckets = stats.errors_per_minute(events, NOW)
    assert len(buckets) == 60
    assert buckets[0] == {
        "minute": "2026-11-26T14:31:00Z",
        "CRITICAL": 0,
        "HIGH": 2,
        "MEDIUM": 0,
        "LOW": 0,
    }
    assert buckets[-1]["minute"] == "2026-11-26T15:30:00Z" and buckets[-1]["CRITICAL"] == 4
    assert buckets[-2]["OTHER"] == 1
    assert sum(bucket.get("HIGH", 0) for bucket in buckets) == 2


@pytest.mark.unit
def test_top_groups_rank_by_occurrences_and_keep_the_newest_text():
    events = [
        error("2026-11-26T15:00:00.000Z", "fp-a", "HIGH", 2, template="old text", count=2),
        error("2026-11-26T15:01:00.000Z", "fp-b", "LOW", 5, template="b"),
        error("2026-11-26T15:02:00.000Z", "fp-a", "HIGH", 4, template="new text", count=6),
        error("2026-11-26T15:03:00.000Z", "fp-c", "LOW", 1, template="c"),
    ]
    top = stats.top_groups(events, limit=2)
    assert [(g["fingerprint"], g["occurrences"]) for g in top] == [("fp-a", 6), ("fp-b", 5)]
    assert top[0]["template"] == "new text" and top[0]["total"] == 6


@pytest.mark.integration
def test_stats_reads_the_last_hour_of_the_feed_and_counts_decisions(aws):
    live_feed.append_many(
        "error",
        [
            {"fingerprint": "fp-a", "severity": "HIGH", "new": 3, "template": "a"},
            {"fingerprint": "fp-b", "severity": "LOW", "new": 1, "template": "b"},
        ],
    )
    live_feed.append("ticket", {"fingerprint": "fp-a", "action": "created", "key": "STACK-1"})
    decide("fp-a", 1, "create")
    decide("fp-b", 2, "skip")
    answer = call("GET", "/api/stats")
    assert answer.status == 200
    body = json_of(answer)
    assert len(body["errors_per_minute"]) == 60
    # In the last minute, or the one before when the request came just after a minute turned.
    recent = body["errors_per_minute"][-2:]
    assert sum(b["HIGH"] for b in recent) == 3 and sum(b["LOW"] for b in recent) == 1
    assert sum(b["HIGH"] for b in body["errors_per_minute"]) == 3
    assert [g["fingerprint"] for g in body["top_groups"]] == ["fp-a", "fp-b"]
    assert body["ticket_outcomes"] == {"created": 1}
    assert body["decisions"]["create"] == 1 and body["decisions"]["skip"] == 1
    assert body["decisions"]["reopen"] == 0
    assert body["failed_jobs"] == 0 and body["truncated"] is False


@pytest.mark.integration
def test_a_bad_stats_parameter_is_a_400_naming_it_and_no_token_a_401(aws):
    for query, parameter in (("minutes=0", "minutes"), ("minutes=61", "minutes"), ("x=1", "x")):
        answer = call("GET", "/api/stats", query=query)
        assert answer.status == 400 and json_of(answer)["field"] == parameter, query
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        assert call("GET", "/api/stats", headers=headers).status == 401
