"""What the status API shows, shaped from plain rows (no AWS)."""

from datetime import UTC, datetime, timedelta

import pytest

from functions.common import clock
from functions.common.settings import Settings
from functions.status import views

pytestmark = pytest.mark.unit

NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("heartbeat", "online"),
    [
        (clock.iso(NOW - timedelta(seconds=5)), True),
        (clock.iso(NOW - timedelta(seconds=90)), True),
        (clock.iso(NOW - timedelta(seconds=91)), False),
        (clock.iso(NOW + timedelta(seconds=2)), True),
        (None, False),
        ("not a time", False),
    ],
)
def test_a_host_is_online_with_a_heartbeat_in_the_last_30_seconds(heartbeat, online):
    assert views.is_online(heartbeat, NOW) is online


def test_a_host_view_never_shows_the_signing_key():
    host = {"host_id": "pos-1", "key": "s3cret", "store": "S1", "registered_at": "x"}
    view = views.host_view(host, NOW)
    assert "s3cret" not in str(view)
    assert view == {
        "host_id": "pos-1",
        "store": "S1",
        "last_heartbeat": None,
        "desired_state": "running",
        "files": [],
        "stats": {},
        "online": False,
    }


def test_latest_groups_are_newest_first_and_cut_at_the_limit():
    groups = [
        {"fingerprint": f"g{n}", "last_seen": f"2024-05-01T10:00:0{n}.000Z"} for n in range(5)
    ]
    assert [g["fingerprint"] for g in views.latest_groups(groups, 3)] == ["g4", "g3", "g2"]


def test_tickets_are_newest_first_with_a_link_to_jira():
    settings = Settings(jira_url="https://jira.example/")
    tickets = [
        {"fingerprint": "a", "jira_key": "S-1", "status": "open", "created_at": "2024-01-01"},
        {"fingerprint": "b", "jira_key": "S-2", "status": "open", "created_at": "2024-02-01"},
    ]
    shown = views.latest_tickets(tickets, settings, 10)
    assert [t["jira_key"] for t in shown] == ["S-2", "S-1"]
    assert shown[0]["url"] == "https://jira.example/browse/S-2"


def test_jira_configuration_never_holds_the_token():
    settings = Settings(jira_url="https://j", jira_user="u", jira_api_token="tok-123")
    shown = views.jira_configuration(settings)
    assert shown["configured"] is True
    assert "tok-123" not in str(shown)
    assert views.jira_configuration(Settings(jira_url="", jira_user="u"))["configured"] is False
