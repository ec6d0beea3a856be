"""The feedback function on moto: Jira's webhook and "this decision was wrong" become labelled
examples in Feedback, exported as the file `stacklens train --with-feedback` reads."""

import json

import pytest

from functions.common.models import DecisionModel, FeedbackModel, GroupModel, TicketModel
from functions.common.settings import load
from functions.decide import artifact, train_command
from functions.feedback.jira_webhook import sign
from tests.conftest import ADMIN_TOKEN
from tests.functions.feedback.http import call

pytestmark = pytest.mark.integration

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
FINGERPRINT = "printer:offline"
MESSAGE = "Receipt printer on lane 4 not responding"


@pytest.fixture
def known_ticket(aws):
    GroupModel(
        FINGERPRINT,
        template="Receipt printer on lane <num> not responding",
        message=MESSAGE,
        level="ERROR",
        severity="HIGH",
        count=3,
        first_seen="2024-05-01T10:00:00.000Z",
        last_seen="2024-05-01T10:00:00.000Z",
    ).save()
    TicketModel(
        FINGERPRINT, jira_key="STACK-12", status="open", claimed_at="2024-05-01T10:00:00.000Z"
    ).save()
    DecisionModel(
        FINGERPRINT,
        "2024-05-01T10:00:00.000Z#abc",
        action="create",
        reason="confidence 0.96 >= HIGH threshold 0.50",
        severity="HIGH",
        confidence=0.96,
        threshold=0.5,
        decided_at="2024-05-01T10:00:00.000Z",
    ).save()


def jira_call(body: bytes, secret: str | None = None):
    secret = load().jira_webhook_secret if secret is None else secret
    return call(
        "POST", "/api/jira/webhook", headers={"X-Hub-Signature": sign(secret, body)}, body=body
    )


def resolved(key: str, resolution: str | None) -> bytes:
    fields = {"resolution": {"name": resolution} if resolution else None}
    return json.dumps(
        {"webhookEvent": "jira:issue_updated", "issue": {"key": key, "fields": fields}}
    ).encode()


def test_the_webhook_secret_comes_from_the_template(aws):
    assert len(load().jira_webhook_secret) >= 16


def test_a_wont_do_resolution_becomes_a_not_actionable_example_once(known_ticket):
    answer = jira_call(resolved("STACK-12", "Won't Do"))
    assert answer.status == 201
    rows = list(FeedbackModel.query(FINGERPRINT))
    assert [(r.actionable, r.source, r.message, r.jira_key) for r in rows] == [
        (0, "jira-webhook", MESSAGE, "STACK-12")
    ]
    # Jira redelivers on timeouts: the same resolution counts once.
    again = jira_call(resolved("STACK-12", "Won't Do"))
    assert again.status == 202 and len(list(FeedbackModel.query(FINGERPRINT))) == 1


@pytest.mark.parametrize(
    "body",
    [resolved("STACK-12", "Done"), resolved("STACK-99", "Duplicate"), resolved("STACK-12", None)],
)
def test_other_updates_are_acknowledged_and_ignored(known_ticket, body):
    answer = jira_call(body)
    assert answer.status == 202 and "ignored" in json.loads(answer.body)
    assert not list(FeedbackModel.query(FINGERPRINT))


def test_a_bad_secret_is_401_and_stores_nothing(known_ticket):
    answer = jira_call(resolved("STACK-12", "Duplicate"), secret="not-the-secret-at-all")
    assert answer.status == 401
    unsigned = call("POST", "/api/jira/webhook", body=resolved("STACK-12", "Duplicate"))
    assert unsigned.status == 401
    assert json.loads(unsigned.body)["field"] == "X-Hub-Signature"
    assert not list(FeedbackModel.query(FINGERPRINT))


@pytest.mark.parametrize("body", [b"{not json", b"[]", b'{"webhookEvent": "jira:issue_updated"}'])
def test_a_malformed_signed_body_is_400(known_ticket, body):
    answer = jira_call(body)
    assert answer.status == 400
    assert "error" in json.loads(answer.body)


def test_marking_a_decision_wrong_needs_the_admin_token(known_ticket):
    body = {"fingerprint": FINGERPRINT, "decision_key": "2024-05-01T10:00:00.000Z#abc"}
    assert call("POST", "/api/decisions/feedback", body=body).status == 401
    assert not list(FeedbackModel.query(FINGERPRINT))


@pytest.mark.parametrize(
    "body, status, field",
    [
        ({}, 400, "fingerprint"),
        ({"fingerprint": FINGERPRINT}, 400, "decision_key"),
        ({"fingerprint": FINGERPRINT, "decision_key": 5}, 400, "decision_key"),
        ({"fingerprint": FINGERPRINT, "decision_key": "nope"}, 404, "decision_key"),
        ([1], 400, "body"),
    ],
)
def test_bad_marks_are_refused_naming_the_field(known_ticket, body, status, field):
    answer = call("POST", "/api/decisions/feedback", headers=ADMIN, body=body)
    assert answer.status == status
    assert json.loads(answer.body)["field"] == field


def test_a_wrong_create_becomes_a_not_actionable_example_and_is_exported(known_ticket, tmp_path):
    body = {
        "fingerprint": FINGERPRINT,
        "decision_key": "2024-05-01T10:00:00.000Z#abc",
        "note": "printer was unplugged for cleaning",
    }
    answer = call("POST", "/api/decisions/feedback", headers=ADMIN, body=body)
    assert answer.status == 201
    row = json.loads(answer.body)["feedback"]
    assert row["actionable"] == 0 and row["source"] == "status-page"
    assert "unplugged" in row["reason"]

    exported = call("GET", "/api/decisions/feedback", headers=ADMIN)
    assert exported.status == 200
    feedback_file = tmp_path / "feedback.jsonl"
    feedback_file.write_bytes(exported.body)
    assert [json.loads(line)["fingerprint"] for line in exported.body.splitlines()] == [FINGERPRINT]
    assert train_command.main(["--with-feedback", str(feedback_file), "--out", str(tmp_path)]) == 0
    model, manifest = artifact.load(tmp_path)
    assert manifest.feedback_examples == 1
    assert model.predict([MESSAGE], ["ERROR"]).severity


@pytest.mark.parametrize(
    "resolution, status, next_action",
    [
        ("Done", "resolved", "reopen"),  # fixed: the error coming back reopens it
        ("Won't Do", "closed", "skip"),  # rejected: it stays closed, its events are skipped
        ("Duplicate", "closed", "skip"),
        (None, "open", "update"),  # reopened by hand in Jira
    ],
)
def test_what_jira_says_of_the_issue_decides_what_happens_when_the_error_returns(
    known_ticket, resolution, status, next_action
):
    from functions.decide import policy

    jira_call(resolved("STACK-12", resolution))
    ticket = TicketModel.get(FINGERPRINT)
    assert ticket.status == status

    group = {"fingerprint": FINGERPRINT, "severity": "HIGH", "count": 5}
    decision = policy.decide(
        group,
        {"status": ticket.status, "jira_key": "STACK-12", "commented_count": 3},
        automation_enabled=True,
        thresholds={"HIGH": 0.5},
        confidence=0.9,
        previous_count=3,
    )
    assert decision.action == next_action


def test_an_issue_that_is_not_the_tickets_own_changes_nothing(known_ticket):
    TicketModel(FINGERPRINT).update(actions=[TicketModel.jira_key.set("STACK-99")])
    jira_call(resolved("STACK-12", "Done"))
    assert TicketModel.get(FINGERPRINT).status == "open"
