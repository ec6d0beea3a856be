"""The evaluation measures unseen templates (folds share none) and runs Loghub-shaped data
through the model and the keyword baseline side by side."""

import json

import pytest

from functions.decide import evaluate_command, evaluation
from functions.decide.training import load_corpus

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_folds_share_no_template_and_cover_everything(corpus):
    folds = evaluation.template_folds(corpus)
    assert len(folds) == 5
    tested = []
    for train_indices, test_indices in folds:
        train_templates = {corpus.templates[i] for i in train_indices}
        test_templates = {corpus.templates[i] for i in test_indices}
        assert not train_templates & test_templates
        tested += list(test_indices)
    assert sorted(tested) == list(range(len(corpus)))


def test_writer_splits_test_each_writers_set_on_a_model_that_never_read_it(corpus):
    from functions.decide.corpus.generate import TEMPLATE_SETS, parse_templates

    set_of_template = {t.template_id: t.template_set for t in parse_templates()}
    splits = evaluation.writer_splits(corpus)
    assert [name for name, _, _ in splits] == list(TEMPLATE_SETS)
    tested = []
    for name, train_indices, test_indices in splits:
        assert {set_of_template[corpus.templates[i]] for i in test_indices} == {name}
        assert name not in {set_of_template[corpus.templates[i]] for i in train_indices}
        assert len(train_indices) + len(test_indices) == len(corpus)
        tested += list(test_indices)
    assert sorted(tested) == list(range(len(corpus)))


def test_reliability_table_counts_every_prediction():
    table = evaluation.reliability_table([0, 1, 1, 0], [0.05, 0.95, 1.0, 0.42])
    assert sum(row["count"] for row in table) == 4
    assert table[-1] == {
        "bin": "0.9-1.0",
        "count": 2,
        "mean_predicted": 0.975,
        "observed_rate": 1.0,
    }
    assert table[4]["observed_rate"] == 0.0


def test_keyword_baseline():
    assert evaluation.keyword_error_plus("Connection FAILED to host")
    assert not evaluation.keyword_error_plus("Connection established")


def write_system(directory, name, rows):
    folder = directory / name
    folder.mkdir()
    lines = ["LineId,Level,Content,EventId"] + [
        f'{i},{level},"{content}",E{i}' for i, (level, content) in enumerate(rows)
    ]
    (folder / f"{name}_2k.log_structured.csv").write_text("\n".join(lines) + "\n")


def test_loghub_scores_model_and_baseline_per_system(tmp_path):
    write_system(
        tmp_path,
        "Shop",
        [
            ("ERROR", "Payment service down: every authorization failed"),
            ("FATAL", "kernel: Out of memory: Killed process 12 (posd)"),
            ("INFO", "Cashier bob logged in on lane 2"),
            ("INFO", "Error log rotated, new file created"),
        ],
    )
    write_system(tmp_path, "Quiet", [("INFO", "Session opened"), ("WARN", "Slow request")])
    (tmp_path / "NoLevel").mkdir()
    (tmp_path / "NoLevel" / "NoLevel_2k.log_structured.csv").write_text("LineId,Content\n1,x\n")
    from functions.decide import artifact

    model, _ = artifact.load()
    result = evaluation.loghub(model, tmp_path)
    assert set(result["systems"]) == {"Shop", "Quiet"}
    shop = result["systems"]["Shop"]
    assert shop["error_plus_lines"] == 2
    assert shop["model_error_plus_f1"] == 1.0
    # The keyword grep calls the rotated error log an error.
    assert shop["baseline_false_alarms"] == 1
    assert result["systems"]["Quiet"]["model_error_plus_f1"] is None
    assert result["margin"] == pytest.approx(1.0 - shop["baseline_error_plus_f1"], abs=1e-4)


# It trains and scores the model on the whole corpus once per fold, per writer set and for
# the held-out set: about five minutes on these 2-core machines, over the default limit.
@pytest.mark.timeout(900)
def test_evaluate_prints_one_json_object(tmp_path, capsys):
    write_system(tmp_path, "Shop", [("ERROR", "Printer on lane 2 not responding")])
    assert evaluate_command.main(["--json", "--loghub", str(tmp_path)]) == 0
    report = json.loads(capsys.readouterr().out)
    cv = report["grouped_cv"]
    assert len(cv["folds"]) == 5
    for name in ("macro_f1", "error_plus_f1", "brier"):
        assert 0.0 <= cv[name] <= 1.0
        assert 0.0 <= cv["no_level"][name] <= 1.0
    # Without its level a line is harder to read: the same folds score it apart.
    assert cv["no_level"] != {name: cv[name] for name in cv["no_level"]}
    assert len(cv["reliability"]) == 10
    by_writer = report["writer_cv"]
    assert set(by_writer["sets"]) >= {"first_corpus", "second_held_out", "documented_formats"}
    for scored in (by_writer, *by_writer["sets"].values()):
        for name in ("macro_f1", "error_plus_f1", "brier"):
            assert 0.0 <= scored[name] <= 1.0
            assert 0.0 <= scored["no_level"][name] <= 1.0
    assert report["loghub"]["systems"]["Shop"]["lines"] == 1
    holdout = report["holdout"]
    assert holdout["lines"] >= 600 and holdout["templates"] >= 150
    for name in ("macro_f1", "error_plus_f1", "brier"):
        assert 0.0 <= holdout[name] <= 1.0
        assert 0.0 <= holdout["no_level"][name] <= 1.0
    assert set(report["goals"]) == {"error_plus_f1", "brier", "loghub_margin"}
    assert isinstance(report["goals"]["brier"]["holdout_met"], bool)
