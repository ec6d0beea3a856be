"""Severity rules: the shipped rules.yaml, the level fallback, and malformed rule files."""

import pytest

from functions.ingest.rules import RulesError, default_rules, load_rules, parse_rules

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("line", "level", "severity", "category", "rule"),
    [
        (
            "Pricing error | Missing price for product 9",
            "CRITICAL",
            "CRITICAL",
            "pricing",
            "pricing-error",
        ),
        (
            "Payment gateway timeout after 30s",
            "ERROR",
            "HIGH",
            "payments",
            "payment-gateway-timeout",
        ),
        ("Inventory lock held for 12s by till 3", "ERROR", "HIGH", "inventory", "inventory-lock"),
        ("Receipt printer offline", "WARNING", "MEDIUM", "hardware", "printer-offline"),
        ("Slow query took 1532ms", "INFO", "LOW", "database", "slow-query"),
        (
            'x\nTraceback (most recent call last):\n  File "a.py", line 1, in f\nKeyError: 1',
            "ERROR",
            "HIGH",
            "crash",
            "python-crash",
        ),
    ],
)
def test_the_shipped_rules(line, level, severity, category, rule):
    result = default_rules().classify(line, level)

    assert (result.severity, result.category, result.rule) == (severity, category, rule)
    assert result.rules_version == default_rules().version


def test_the_first_matching_rule_wins():
    text = (
        "Pricing error\n"
        'Traceback (most recent call last):\n  File "p.py", line 1, in f\nKeyError: 1'
    )

    assert default_rules().classify(text, "ERROR").category == "pricing"


@pytest.mark.parametrize(
    ("level", "severity"),
    [("CRITICAL", "CRITICAL"), ("ERROR", "HIGH"), ("WARNING", "LOW")],
)
def test_without_a_rule_the_level_decides(level, severity):
    result = default_rules().classify("disk quota reached", level)

    assert (result.severity, result.category, result.rule) == (severity, None, None)


@pytest.mark.parametrize("level", ["INFO", "DEBUG", "TRACE"])
def test_below_warning_without_a_rule_is_no_error(level):
    assert default_rules().classify("order 12 paid", level) is None


def test_a_rule_makes_an_error_of_an_info_line():
    assert default_rules().classify("Slow query took 3s", "INFO").severity == "LOW"


def test_the_rules_file_is_versioned():
    rules = load_rules()

    assert rules.version
    assert rules.to_document()["rules"][0]["name"] == "pricing-error"
    assert parse_rules(rules.to_document()) == rules


def _document(**rule_changes) -> dict:
    rule = {"name": "r", "pattern": "boom", "severity": "HIGH", "category": "c", **rule_changes}
    return {"version": "7", "rules": [rule]}


@pytest.mark.parametrize(
    ("document", "complaint"),
    [
        ([], "mapping"),
        ({"rules": []}, "version"),
        ({"version": "1", "rules": {}}, "rules must be a list"),
        (_document(severity="SEVERE"), "rules[0].severity"),
        (_document(pattern="(unclosed"), "rules[0].pattern"),
        (_document(category=""), "rules[0].category"),
        ({"version": "1", "rules": [_document()["rules"][0]] * 2}, "unique"),
    ],
)
def test_a_malformed_rule_file_is_refused_saying_where(document, complaint):
    with pytest.raises(RulesError, match=complaint.replace("[", r"\[").replace("]", r"\]")):
        parse_rules(document)


def test_rule_patterns_ignore_case():
    rules = parse_rules(_document(pattern="Printer Offline"))

    assert rules.classify("PRINTER OFFLINE on till 2", "INFO").rule == "r"
