"""Powertools metrics per invocation: one EMF line at the end of each, in the template's
namespace, never mixed between concurrent invocations, and the ingest function's line counts."""

import json
import threading

import pytest

from functions.common.metrics import count, publishes_metrics
from tests.functions.ingest.http import batch, event, post_signed, register

pytestmark = pytest.mark.unit


def emf_lines(output: str) -> list[dict]:
    """The embedded-metric-format documents among the printed lines."""
    documents = []
    for line in output.splitlines():
        try:
            document = json.loads(line)
        except ValueError:
            continue
        if isinstance(document, dict) and "_aws" in document:
            documents.append(document)
    return documents


def metric_names(document: dict) -> set[str]:
    (directive,) = document["_aws"]["CloudWatchMetrics"]
    return {metric["Name"] for metric in directive["Metrics"]}


def total(document: dict, name: str) -> float:
    """A metric's value in a document: Powertools writes a list of the values added."""
    value = document[name]
    return sum(value) if isinstance(value, list) else value


@publishes_metrics
def handler(event, context):
    count("Things", event["things"])
    if event.get("fail"):
        raise RuntimeError("the handler failed")
    return "done"


def test_one_emf_line_per_invocation_in_the_namespace(capsys):
    assert handler({"things": 3}, None) == "done"
    (document,) = emf_lines(capsys.readouterr().out)
    assert document["_aws"]["CloudWatchMetrics"][0]["Namespace"] == "StackLens"
    assert metric_names(document) == {"Things"}
    assert total(document, "Things") == 3


def test_a_failed_invocation_still_publishes_what_it_counted(capsys):
    with pytest.raises(RuntimeError):
        handler({"things": 2, "fail": True}, None)
    (document,) = emf_lines(capsys.readouterr().out)
    assert total(document, "Things") == 2


def test_nothing_is_published_without_a_count_or_outside_an_invocation(capsys):
    count("Orphan", 5)  # e.g. domain code run by a CLI
    handler({"things": 0}, None)
    assert emf_lines(capsys.readouterr().out) == []


def test_concurrent_invocations_keep_their_own_counts(capsys):
    """The local runner invokes functions on threads of one process."""
    barrier = threading.Barrier(8)

    @publishes_metrics
    def slow_handler(event, context):
        count("Things", event["things"])
        barrier.wait(timeout=10)  # every invocation has counted before any flushes
        count("Things", event["things"])

    threads = [
        threading.Thread(target=slow_handler, args=({"things": n}, None)) for n in range(1, 9)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    values = sorted(tuple(document["Things"]) for document in emf_lines(capsys.readouterr().out))
    assert values == [(float(n), float(n)) for n in range(1, 9)]


@pytest.mark.integration
def test_the_ingest_function_counts_accepted_and_duplicate_lines(aws, capsys):
    key = register("pos-metrics", store="S001")
    lines = [
        event(f"2026-11-26 12:00:0{n},000 ERROR [pos.pay] Payment failed", n * 60) for n in range(3)
    ]
    sent = batch(lines, host="pos-metrics")
    assert post_signed("/ingest", key, sent, host="pos-metrics").status == 202
    again = batch(lines, host="pos-metrics")
    assert post_signed("/ingest", key, again, host="pos-metrics").status == 202
    first, second = [
        d
        for d in emf_lines(capsys.readouterr().out)
        if "AcceptedLines" in d or "DuplicateLines" in d
    ]
    assert total(first, "AcceptedLines") == 3 and "DuplicateLines" not in first
    assert total(second, "DuplicateLines") == 3 and "AcceptedLines" not in second
    assert first["service"] == "stacklens"
