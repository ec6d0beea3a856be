"""Jira's webhook: signatures checked in constant time, bodies read strictly."""

import json

import pytest

from functions.feedback.jira_webhook import Resolution, WebhookRefused, read_event, sign, verify

pytestmark = pytest.mark.unit

SECRET = "a-shared-secret-of-some-length"


def event(resolution: str | None = "Won't Do", kind: str = "jira:issue_updated") -> bytes:
    fields = {"resolution": {"name": resolution} if resolution else None}
    return json.dumps(
        {"webhookEvent": kind, "issue": {"key": "STACK-7", "fields": fields}}
    ).encode()


def test_a_signed_body_passes_and_any_change_fails():
    body = event()
    verify(SECRET, body, sign(SECRET, body))
    with pytest.raises(WebhookRefused) as refused:
        verify(SECRET, body + b" ", sign(SECRET, body))
    assert refused.value.status == 401


@pytest.mark.parametrize("header", [None, "", "sha256=", "md5=abc", "sha256=00ff"])
def test_missing_or_wrong_signatures_are_401(header):
    with pytest.raises(WebhookRefused) as refused:
        verify(SECRET, event(), header)
    assert refused.value.status == 401


def test_without_a_configured_secret_nothing_is_accepted():
    with pytest.raises(WebhookRefused) as refused:
        verify("", event(), sign("", event()))
    assert refused.value.status == 503


@pytest.mark.parametrize(
    "name, rejects",
    [
        ("Won't Do", True),
        ("Won\u2019t Do", True),
        ("Duplicate", True),
        ("Cannot Reproduce", True),
        ("Done", False),
        ("Fixed", False),
        (None, False),
    ],
)
def test_which_resolutions_reject_the_ticket(name, rejects):
    assert read_event(event(name)) == Resolution("STACK-7", name)
    assert read_event(event(name)).rejects_the_ticket is rejects


def test_other_events_are_not_read():
    assert read_event(event(kind="jira:issue_created")) is None


@pytest.mark.parametrize(
    "body, field",
    [
        (b"not json", "body"),
        (b"\xff\xfe", "body"),
        (b"[1, 2]", "body"),
        (b"{}", "webhookEvent"),
        (b'{"webhookEvent": "jira:issue_updated"}', "issue.key"),
        (b'{"webhookEvent": "jira:issue_updated", "issue": {"key": ""}}', "issue.key"),
        (
            b'{"webhookEvent": "jira:issue_updated", "issue": {"key": "S-1", "fields": []}}',
            "issue.fields",
        ),
        (
            b'{"webhookEvent": "jira:issue_updated", "issue": {"key": "S-1",'
            b' "fields": {"resolution": "Done"}}}',
            "issue.fields.resolution",
        ),
    ],
)
def test_malformed_bodies_are_400_naming_the_field(body, field):
    with pytest.raises(WebhookRefused) as refused:
        read_event(body)
    assert (refused.value.status, refused.value.field) == (400, field)
