"""What a group's Jira issue says, within Jira Cloud's limits."""

import hashlib
import re

import pytest

from functions.common.settings import DEFAULT_PRIORITY_MAP, Settings
from functions.jira import issue

pytestmark = pytest.mark.unit

STACK_TRACE = (
    "2024-05-01 10:00:00 ERROR Unhandled exception\n"
    "Traceback (most recent call last):\n"
    '  File "pricing.py", line 88, in lookup\n'
    "KeyError: '999'"
)


def group(**overrides) -> dict:
    base = {
        "fingerprint": "pricing:missing-price",
        "template": "Missing price for product <num> (store <num>)",
        "message": "Missing price for product 999 (store 0042)",
        "level": "ERROR",
        "severity": "CRITICAL",
        "category": "pricing",
        "rule": None,
        "count": 7,
        "first_seen": "2024-05-01T10:00:00.000Z",
        "last_seen": "2024-05-01T10:05:00.000Z",
        "hosts": ["till-02", "till-01"],
        "stores": ["0042"],
        "sources": ["/var/log/pos/app.log"],
    }
    return {**base, **overrides}


def settings(**overrides) -> Settings:
    return Settings(
        **{
            "jira_project": "STACK",
            "jira_issue_type": "Bug",
            "jira_priority_map": dict(DEFAULT_PRIORITY_MAP),
            "status_page_url": "http://localhost:3000/",
            **overrides,
        }
    )


def test_the_fingerprint_label_is_the_documented_hash():
    expected = "stacklens-fp-" + hashlib.sha256(b"pricing:missing-price").hexdigest()[:16]
    assert issue.fingerprint_label("pricing:missing-price") == expected
    assert issue.label_jql("pricing:missing-price") == f'labels = "{expected}" ORDER BY created ASC'


def test_the_summary_names_severity_problem_and_message():
    assert issue.summary(group()) == (
        "[CRITICAL] Pricing error | Missing price for product 999 (store 0042)"
    )
    assert issue.summary(group(rule="price_lookup")).startswith("[CRITICAL] Price lookup |")


def test_a_message_that_already_names_the_problem_is_not_prefixed_twice():
    assert issue.summary(group(rule="missing_price")) == (
        "[CRITICAL] Missing price for product 999 (store 0042)"
    )
    printer = group(rule="printer_offline", message="Receipt printer offline | lane 4")
    assert issue.summary(printer) == "[CRITICAL] Receipt printer offline | lane 4"


def test_a_multiline_message_gives_a_one_line_summary():
    text = issue.summary(group(message="KeyError: '999'\n  at pricing.lookup\n\tat main"))
    assert "\n" not in text and "\t" not in text
    assert text == "[CRITICAL] Pricing error | KeyError: '999'"


def test_a_long_message_is_cut_to_255_with_an_ellipsis():
    text = issue.summary(group(message="Missing price " + "x" * 600))
    assert len(text) == 255
    assert text.endswith("…")
    assert text.startswith("[CRITICAL] Pricing error | Missing price xxx")


def test_labels_have_no_spaces_and_carry_the_fingerprint():
    labels = issue.labels(group(category="Payment Terminal", severity="HIGH"))
    assert labels == [
        "stacklens",
        issue.fingerprint_label("pricing:missing-price"),
        "high",
        "payment-terminal",
    ]
    assert all(re.fullmatch(r"[a-z0-9_.-]+", label) for label in labels)
    assert issue.labels(group(category=None))[-1] == "critical"


@pytest.mark.parametrize(
    "severity, priority",
    [("CRITICAL", "Highest"), ("HIGH", "High"), ("MEDIUM", "Medium"), ("LOW", "Low")],
)
def test_priority_follows_the_default_scheme(severity, priority):
    assert issue.priority_name(severity, DEFAULT_PRIORITY_MAP) == priority


def test_priority_follows_a_blocker_scheme():
    blocker_scheme = {"CRITICAL": "Blocker", "HIGH": "Critical", "MEDIUM": "Major", "LOW": "Minor"}
    fields = issue.issue_fields(group(), settings(jira_priority_map=blocker_scheme))
    assert fields["priority"] == {"name": "Blocker"}
    assert issue.priority_name("HIGH", blocker_scheme) == "Critical"
    assert issue.priority_name("UNKNOWN", blocker_scheme) == "Minor"


SAMPLES = [STACK_TRACE, "2024-05-01 10:05:00 ERROR Missing price for product 999"]


def test_the_fields_of_a_new_issue():
    fields = issue.issue_fields(group(), settings(), SAMPLES)
    assert fields["project"] == {"key": "STACK"}
    assert fields["issuetype"] == {"name": "Bug"}
    assert fields["priority"] == {"name": "Highest"}
    assert "stacklens" in fields["labels"]
    description = fields["description"]
    for expected in (
        "Missing price for product 999 (store 0042)",
        "Template: Missing price for product <num> (store <num>)",
        "Severity: CRITICAL",
        "Category: pricing",
        "Count: 7",
        "First seen: 2024-05-01T10:00:00.000Z",
        "Last seen: 2024-05-01T10:05:00.000Z",
        "Hosts: till-01, till-02",
        "Stores: 0042",
        "Sources: /var/log/pos/app.log",
        "http://localhost:3000#/groups/pricing:missing-price",
    ):
        assert expected in description
    # The samples in their order (oldest first), a stack trace whole.
    samples = description.split("Sample lines:")[1]
    assert samples.index("Traceback") < samples.index("10:05:00")
    assert "KeyError: '999'" in samples


def test_no_status_page_link_when_its_address_is_unknown():
    assert "#/groups/" not in issue.description(group(), status_page_url="")


def test_a_huge_sample_keeps_the_description_within_jira_limits():
    text = issue.description(group(), samples=["x" * 50000] * 20)
    assert len(text) <= issue.DESCRIPTION_MAX


def test_the_update_comment():
    text = issue.comment_text(group(count=12, hosts=["till-01", "till-03"]), 5)
    assert text == (
        "Seen 5 more times (total 12) on 2 hosts in 1 store (till-01, till-03). "
        "Last seen 2024-05-01T10:05:00.000Z."
    )
    assert issue.comment_text(group(count=8), 1).startswith("Seen 1 more time (total 8)")
    many_hosts = [f"till-{n:02d}" for n in range(15)]
    assert "(+5 more)" in issue.comment_text(group(hosts=many_hosts), 2)


def test_a_group_that_lists_only_its_first_hosts_says_there_were_more():
    first = [f"till-{n:02d}" for n in range(20)]
    many = group(hosts=first, more_hosts=True, stores=["0042"], more_stores=True)

    text = issue.comment_text(many, 300)

    assert "on 20+ hosts in 1+ stores" in text
    assert text.count("till-") == issue.HOSTS_LISTED and "and more" in text
    assert "Hosts: till-00" in issue.description(many) and "and more" in issue.description(many)
