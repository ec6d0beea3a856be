"""Thresholds per severity are changed through the API, take effect in decide at once, and
every change of the automation is in the audit log."""

import pytest

from functions.decide import policy, store
from tests.functions.status.http import call, json_of

pytestmark = pytest.mark.integration


def put_rules(body, headers=None):
    return call("PUT", "/api/automation/rules", headers=headers, body=body)


def test_a_threshold_change_takes_effect_in_decide_and_is_audited(aws):
    group = {"fingerprint": "fp-1", "severity": "HIGH", "count": 1}

    def action() -> str:
        runtime = store.read_batch_context([group["fingerprint"]]).runtime
        return policy.decide(group, None, True, runtime.thresholds, 0.6).action

    assert action() == "create"  # HIGH's default threshold is 0.5

    answer = put_rules({"thresholds": {"HIGH": 0.7}})

    assert answer.status == 200
    thresholds = json_of(answer)["thresholds"]
    assert thresholds["HIGH"] == 0.7 and thresholds["CRITICAL"] == 0.0
    assert json_of(call("GET", "/api/automation/status"))["thresholds"]["HIGH"] == 0.7
    assert action() == "skip"
    (entry,) = json_of(call("GET", "/api/audit"))["entries"]
    assert entry["what"] == "thresholds"
    assert (entry["before"]["HIGH"], entry["after"]["HIGH"]) == (0.5, 0.7)


def test_switching_automation_is_audited_too(aws):
    call("POST", "/api/automation/toggle", body={"enabled": False})
    call("POST", "/api/automation/toggle", body={"enabled": True})
    entries = json_of(call("GET", "/api/audit"))["entries"]
    assert [(e["what"], e["before"], e["after"]) for e in entries] == [
        ("automation", False, True),
        ("automation", True, False),
    ]


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "thresholds"),
        ({"thresholds": []}, "thresholds"),
        ({"thresholds": {"URGENT": 0.5}}, "thresholds.URGENT"),
        ({"thresholds": {"HIGH": 1.5}}, "thresholds.HIGH"),
        ({"thresholds": {"LOW": "high"}}, "thresholds.LOW"),
        ({"thresholds": {"LOW": True}}, "thresholds.LOW"),
    ],
)
def test_bad_rules_are_a_400_naming_the_field_and_change_nothing(aws, body, field):
    answer = put_rules(body)
    assert answer.status == 400
    assert json_of(answer)["field"] == field
    assert json_of(call("GET", "/api/audit"))["entries"] == []


def test_rules_and_audit_need_the_admin(aws):
    assert put_rules({"thresholds": {"HIGH": 0.1}}, headers={}).status == 401
    assert call("GET", "/api/audit", headers={}).status == 401
