"""`stacklens train`: the artifact from the corpus, with feedback rows when given."""

import json

import pytest

from cli import main as stacklens
from functions.decide import artifact
from functions.decide.feedback_examples import read_file

pytestmark = pytest.mark.unit


def test_train_writes_a_loadable_artifact_named_by_its_hash(tmp_path):
    assert stacklens(["train", "--out", str(tmp_path)]) == 0
    model, manifest = artifact.load(tmp_path)
    assert manifest.version == f"{artifact.MODEL_GENERATION}-{manifest.sha256[:12]}"
    assert manifest.examples >= 3000 and manifest.feedback_examples == 0
    assert model.predict(["Printer offline"], [""]).severity


def test_feedback_rows_become_examples_of_their_own_template(tmp_path):
    rows = [
        {
            "fingerprint": "f1",
            "message": "Nightly report mailed",
            "level": "ERROR",
            "actionable": 0,
        },
        {"fingerprint": "f2", "message": "Till froze", "severity": "CRITICAL", "actionable": 1},
    ]
    path = tmp_path / "feedback.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n")
    examples = read_file(path)
    assert examples.severities == ["LOW", "CRITICAL"]
    assert examples.actionable == [0, 1]
    assert examples.templates == ["feedback-f1", "feedback-f2"]


@pytest.mark.parametrize(
    "line, problem",
    [
        ('{"actionable": 0}', "message"),
        ('{"message": "x", "actionable": "no"}', "actionable"),
        ("not json", ""),
    ],
)
def test_a_bad_feedback_file_is_refused_with_its_line(tmp_path, capsys, line, problem):
    path = tmp_path / "feedback.jsonl"
    path.write_text('{"message": "ok", "actionable": 1}\n' + line + "\n")
    assert stacklens(["train", "--with-feedback", str(path), "--out", str(tmp_path)]) == 2
    error = capsys.readouterr().err
    assert "feedback.jsonl:2" in error and problem in error
    assert not (tmp_path / artifact.MANIFEST_FILE).exists()
