"""The automation policy, case by case: what happens to a group that changed."""

import pytest

from functions.common.settings import DEFAULT_THRESHOLDS
from functions.decide.policy import decide, over_budget, threshold_for

pytestmark = pytest.mark.unit


def group(severity="HIGH", count=5):
    return {"fingerprint": "fp-1", "severity": severity, "count": count, "template": "t"}


OPEN = {"fingerprint": "fp-1", "status": "open", "jira_key": "STACK-1", "commented_count": 3}
CLAIMED = {"fingerprint": "fp-1", "status": "claimed"}
RESOLVED = {"fingerprint": "fp-1", "status": "resolved", "jira_key": "STACK-1"}

CASES = [
    # (name, group, ticket, automation, confidence, previous_count, action, reason contains)
    ("critical always opens", group("CRITICAL", 1), None, True, 0.01, None, "create", ">="),
    ("high above threshold", group("HIGH", 1), None, True, 0.6, None, "create", "0.60 >="),
    ("high at threshold", group("HIGH", 1), None, True, 0.5, None, "create", ">="),
    ("high below threshold", group("HIGH", 1), None, True, 0.49, None, "skip", "below"),
    ("low needs 0.9", group("LOW", 2), None, True, 0.85, 1, "skip", "LOW threshold 0.90"),
    ("automation off", group("CRITICAL", 1), None, False, 0.99, None, "skip", "automation is off"),
    ("automation off, open", group(count=9), OPEN, False, 0.99, 5, "skip", "automation is off"),
    ("open ticket, count grew", group(count=9), OPEN, True, 0.1, 5, "update", "4 more"),
    ("claimed ticket, count grew", group(count=2), CLAIMED, True, 0.9, 1, "update", "1 more"),
    ("open ticket, same count", group(count=5), OPEN, True, 0.99, 5, "skip", "nothing changed"),
    ("no ticket, same count", group("CRITICAL", 5), None, True, 0.99, 5, "skip", "nothing"),
    ("no old image: vs reported", group(count=3), OPEN, True, 0.9, None, "skip", "nothing"),
    ("no old image: more than reported", group(count=8), OPEN, True, 0.9, None, "update", "5"),
    ("resolved, back", group(count=7), RESOLVED, True, 0.9, 5, "reopen", "came back"),
    ("resolved, low confidence", group(count=7), RESOLVED, True, 0.1, 5, "skip", "resolved"),
]


@pytest.mark.parametrize(
    "name, grp, ticket, automation, confidence, previous, action, reason",
    CASES,
    ids=[case[0] for case in CASES],
)
def test_decide(name, grp, ticket, automation, confidence, previous, action, reason):
    decision = decide(grp, ticket, automation, DEFAULT_THRESHOLDS, confidence, previous)
    assert decision.action == action, decision.reason
    assert reason in decision.reason
    assert decision.severity == grp["severity"]
    assert decision.threshold == DEFAULT_THRESHOLDS[grp["severity"]]
    assert decision.confidence == confidence


def test_admin_thresholds_override_the_defaults():
    stricter = {"CRITICAL": 0.95}
    assert decide(group("CRITICAL", 1), None, True, stricter, 0.9).action == "skip"
    assert decide(group("CRITICAL", 1), None, True, stricter, 0.96).action == "create"
    # Severities the override leaves out keep their defaults.
    assert decide(group("HIGH", 1), None, True, stricter, 0.5).threshold == 0.5


def test_an_unknown_severity_needs_the_highest_threshold():
    assert threshold_for("WEIRD", {}) == max(DEFAULT_THRESHOLDS.values())
    assert decide(group("WEIRD", 1), None, True, {}, 0.8).action == "skip"


def test_a_create_beyond_the_hourly_budget_becomes_a_suppress_that_says_why():
    create = decide(group("HIGH", 1), None, True, DEFAULT_THRESHOLDS, 0.7)

    held = over_budget(create, 20)

    assert held.action == "suppress"
    assert "20 new issues opened this hour" in held.reason and "digest" in held.reason
    assert create.reason in held.reason  # why it would have been a create
    assert (held.severity, held.confidence, held.threshold) == ("HIGH", 0.7, 0.5)
