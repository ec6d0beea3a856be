"""The blind held-out set: reproducible from its templates, apart from the corpus (no shared
template, no shared line), never read by training, and scored by the evaluation."""

import csv
import inspect

import pytest

from functions.decide import artifact, evaluation, model, train_command, training
from functions.decide.corpus import generate as corpus_generate
from functions.decide.holdout import generate

pytestmark = pytest.mark.unit


def read(path):
    with path.open(newline="", encoding="utf-8") as lines:
        return list(csv.DictReader(lines))


@pytest.fixture(scope="module")
def holdout():
    return read(generate.HOLDOUT_PATH)


@pytest.fixture(scope="module")
def corpus():
    return read(corpus_generate.CORPUS_PATH)


def test_the_committed_csv_is_what_the_generator_writes(holdout):
    assert [{k: str(v) for k, v in row.items()} for row in generate.generate()] == holdout


def test_size_spread_and_columns(holdout, corpus):
    assert list(holdout[0]) == list(corpus[0])
    assert len(holdout) >= 600
    assert len({row["template_id"] for row in holdout}) >= 150
    assert {row["domain"] for row in holdout} == {row["domain"] for row in corpus}
    assert {row["severity"] for row in holdout} == {"CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO"}
    assert any(not row["level"] for row in holdout)


def test_shares_no_template_and_no_line_with_the_corpus(holdout, corpus):
    assert not {row["template_id"] for row in holdout} & {row["template_id"] for row in corpus}
    assert not {row["text"] for row in holdout} & {row["text"] for row in corpus}


def test_training_never_reads_the_holdout(corpus):
    # Training reads the corpus path alone; no training module even names the holdout.
    for module in (training, train_command, model, corpus_generate):
        assert "holdout" not in inspect.getsource(module).lower()
    assert training.load_corpus.__defaults__ == (corpus_generate.CORPUS_PATH,)
    assert len(training.load_corpus()) == len(corpus)


def test_holdout_scores_with_and_without_levels(tmp_path):
    rows = [
        ("t-1", "ERROR", "CRITICAL", 1, "kernel: Out of memory: Killed process 12 (posd)"),
        ("t-1", "", "CRITICAL", 1, "kernel: Out of memory: Killed process 99 (posd)"),
        ("t-2", "INFO", "INFO", 0, "Cashier bob logged in on lane 2"),
    ]
    path = tmp_path / "holdout.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(corpus_generate.COLUMNS)
        writer.writerows((tid, "os", level, sev, act, text) for tid, level, sev, act, text in rows)
    predictor, _ = artifact.load()
    result = evaluation.holdout(predictor, path)
    assert (result["lines"], result["templates"]) == (3, 2)
    for name in ("macro_f1", "error_plus_f1", "brier"):
        assert 0.0 <= result[name] <= 1.0
        assert 0.0 <= result["no_level"][name] <= 1.0
