"""The corpus: generated reproducibly from the templates written for StackLens, big and varied
enough, with the hard cases in it."""

import csv
from collections import Counter

import pytest

from functions.decide.corpus import generate

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def rows():
    with generate.CORPUS_PATH.open(newline="", encoding="utf-8") as corpus:
        return list(csv.DictReader(corpus))


def test_the_committed_csv_is_what_the_generator_writes(rows):
    regenerated = [{k: str(v) for k, v in row.items()} for row in generate.generate()]
    assert regenerated == rows


def test_size_and_spread(rows):
    assert len(rows) >= 3000
    assert len({row["template_id"] for row in rows}) >= 300
    domains = {row["domain"] for row in rows}
    assert {
        "pos",
        "payments",
        "inventory",
        "printers",
        "web",
        "database",
        "queues",
        "os",
    } <= domains
    assert "runtimes" in domains
    assert set(Counter(row["severity"] for row in rows)) == {
        "CRITICAL",
        "HIGH",
        "MEDIUM",
        "LOW",
        "INFO",
    }


def test_hard_cases_are_there(rows):
    errors_at_info = [r for r in rows if r["severity"] == "HIGH" and r["level"] == "INFO"]
    alarming_but_harmless = [
        r for r in rows if r["severity"] == "INFO" and "error" in r["text"].lower()
    ]
    recovered_retries = [
        r
        for r in rows
        if r["actionable"] == "0" and "retr" in r["text"].lower() and r["level"] == "ERROR"
    ]
    without_level = [r for r in rows if not r["level"]]
    assert len(errors_at_info) >= 50
    assert len(alarming_but_harmless) >= 50
    assert len(recovered_retries) >= 30
    assert 0.15 < len(without_level) / len(rows) < 0.35


def test_every_template_line_parses_and_fills():
    templates = generate.parse_templates()
    assert len({t.template_id for t in templates}) == len(templates)


def test_a_bad_template_line_is_refused(monkeypatch):
    monkeypatch.setattr(generate, "TEMPLATE_SETS", {"first_corpus": {"pos": "X9 | nonsense"}})
    with pytest.raises(ValueError, match="bad template line"):
        generate.parse_templates()
