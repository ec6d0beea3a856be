"""`stacklens score`: one JSON object per input line, levels read only where lines carry them."""

import io
import json

import pytest

from cli import main as stacklens
from functions.decide import artifact
from functions.decide.scoring import event_of, score_lines

pytestmark = pytest.mark.unit


def test_a_level_is_taken_only_from_a_layout_that_has_one():
    assert event_of("2024-05-01 12:00:00,123 ERROR pos.app: Printer offline") == (
        "ERROR",
        "Printer offline",
    )
    level, message = event_of("Printer offline on lane 3")
    assert level is None and message == "Printer offline on lane 3"


def test_results_come_in_input_order_across_batches():
    model, _ = artifact.load()
    lines = ["kernel: Out of memory: Killed process 1 (posd)", "Cashier bob logged in"] * 5
    results = list(score_lines(model, lines, batch_size=3))
    assert len(results) == 10
    assert [r["actionable"] for r in results] == [True, False] * 5
    assert all(set(r) == {"severity", "confidence", "actionable"} for r in results)


def test_score_command_reads_a_file(tmp_path, capsys):
    log = tmp_path / "app.log"
    log.write_text(
        "2024-05-01 12:00:00,123 CRITICAL pos.app: No space left on device writing journal\n"
        "2024-05-01 12:00:01,123 INFO pos.app: Sale 12 completed on lane 2: total 3.20\n"
    )
    assert stacklens(["score", str(log)]) == 0
    lines = capsys.readouterr().out.splitlines()
    results = [json.loads(line) for line in lines]
    assert results[0]["severity"] == "CRITICAL" and results[0]["actionable"] is True
    assert results[1]["severity"] == "INFO" and results[1]["actionable"] is False


def test_score_command_reads_stdin(monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("Payment terminal disconnected\n"))
    assert stacklens(["score"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


def test_score_command_names_a_missing_file(tmp_path, capsys):
    assert stacklens(["score", str(tmp_path / "nope.log")]) == 2
    assert "nope.log" in capsys.readouterr().err
