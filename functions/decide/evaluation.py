"""Honest measurement of the confidence model: 5 folds grouped by template on the corpus (no
template in both training and test), each writer's set of templates judged by a model trained
on the other writers' (a fold grouped by template still holds near relatives written in the same
sitting, so it flatters), the shipped model on the blind held-out set, and the
shipped model on Loghub's real logs (message text only) next to a keyword baseline run in the
same process."""

import csv
import re
from pathlib import Path

import numpy as np
from sklearn.metrics import brier_score_loss, f1_score
from sklearn.model_selection import GroupKFold

from functions.decide.corpus.generate import parse_templates
from functions.decide.holdout.generate import HOLDOUT_PATH
from functions.decide.model import SEED
from functions.decide.predictor import ERROR_PLUS, Predictor
from functions.decide.training import Examples, load_corpus, train

FOLDS = 5
RELIABILITY_BINS = 10
LOGHUB_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "loghub"
# Loghub level words that mean ERROR or worse.
LOGHUB_ERROR_PLUS = {"ERROR", "FATAL", "SEVERE", "CRITICAL", "CRIT", "EMERG", "ALERT", "PANIC"}
# The baseline: what a grep for alarming words would call an error.
KEYWORDS = re.compile(
    r"\b(error|errors|fail|failed|failure|fatal|exception|critical|severe|panic|crash(ed)?)\b",
    re.IGNORECASE,
)


def keyword_error_plus(message: str) -> bool:
    return bool(KEYWORDS.search(message))


def template_folds(examples: Examples, folds: int = FOLDS) -> list[tuple[np.ndarray, np.ndarray]]:
    """Train/test index pairs; every template's lines fall in exactly one test fold."""
    indices = np.arange(len(examples))
    return list(GroupKFold(n_splits=folds).split(indices, groups=examples.templates))


def reliability_table(truth: list[int], probability: list[float], bins: int = RELIABILITY_BINS):
    """Per probability bin: how many events, the mean predicted and the observed rate."""
    table = []
    edges = np.linspace(0.0, 1.0, bins + 1)
    probability = np.asarray(probability)
    truth = np.asarray(truth)
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = (probability >= low) & ((probability < high) | (high == 1.0))
        count = int(inside.sum())
        table.append(
            {
                "bin": f"{low:.1f}-{high:.1f}",
                "count": count,
                "mean_predicted": round(float(probability[inside].mean()), 4) if count else None,
                "observed_rate": round(float(truth[inside].mean()), 4) if count else None,
            }
        )
    return table


def error_plus_f1(truth: list[bool], predicted: list[bool]) -> float:
    return round(float(f1_score(truth, predicted, zero_division=0.0)), 4)


def scores(severity_truth, severity_predicted, actionable_truth, actionable_probability) -> dict:
    """Macro F1 over the severities, F1 of ERROR-or-worse, and the Brier score."""
    return {
        "macro_f1": round(float(f1_score(severity_truth, severity_predicted, average="macro")), 4),
        "error_plus_f1": error_plus_f1(
            [s in ERROR_PLUS for s in severity_truth], [s in ERROR_PLUS for s in severity_predicted]
        ),
        "brier": round(float(brier_score_loss(actionable_truth, actionable_probability)), 4),
    }


def predicted_both_ways(model, test: Examples) -> dict[str, tuple[list[str], list[float]]]:
    """The model's severities and actionable probabilities for `test`, twice: with the lines'
    levels (`level`), and with every level removed (`no_level`), as Loghub is scored and as a
    line without a level arrives."""
    both = {}
    for condition, levels in (("level", test.levels), ("no_level", [None] * len(test))):
        predictions = model.predict(test.messages, levels)
        both[condition] = (
            list(predictions.severity),
            [float(p) for p in predictions.actionable_probability],
        )
    return both


def scored_both_ways(test: Examples, both: dict[str, tuple[list[str], list[float]]]) -> dict:
    """`scores` with levels at the top, and without them under `no_level`."""
    measured = {
        condition: scores(test.severities, severities, test.actionable, probabilities)
        for condition, (severities, probabilities) in both.items()
    }
    return {**measured["level"], "no_level": measured["no_level"]}


class Pooled:
    """Test lines and their predictions gathered over folds, to be scored as one."""

    def __init__(self) -> None:
        self.tested = Examples()
        self.predicted: dict[str, tuple[list[str], list[float]]] = {
            "level": ([], []),
            "no_level": ([], []),
        }

    def add(self, test: Examples, both: dict[str, tuple[list[str], list[float]]]) -> None:
        self.tested.extend(test)
        for condition, (severities, probabilities) in both.items():
            self.predicted[condition][0].extend(severities)
            self.predicted[condition][1].extend(probabilities)

    def scored(self) -> dict:
        return scored_both_ways(self.tested, self.predicted)


def grouped_cv(examples: Examples, seed: int = SEED, folds: int = FOLDS) -> dict:
    """Train on four fifths of the templates, test on the unseen fifth, five times; each test
    fold scored with its lines' levels and without (`predicted_both_ways`)."""
    pooled, fold_sizes = Pooled(), []
    for train_indices, test_indices in template_folds(examples, folds):
        model = train(examples.subset(train_indices), seed=seed)
        test = examples.subset(test_indices)
        pooled.add(test, predicted_both_ways(model, test))
        fold_sizes.append({"lines": len(test), "templates": len(set(test.templates))})
    return {
        "folds": fold_sizes,
        **pooled.scored(),
        "reliability": reliability_table(pooled.tested.actionable, pooled.predicted["level"][1]),
    }


def writer_splits(examples: Examples) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(set name, train indices, test indices) for each set of corpus templates written in one
    sitting (corpus/generate.py's TEMPLATE_SETS): tested on its own, trained on all the others."""
    set_of_template = {t.template_id: t.template_set for t in parse_templates()}
    sets = np.array([set_of_template[template] for template in examples.templates])
    return [
        (name, np.flatnonzero(sets != name), np.flatnonzero(sets == name))
        for name in dict.fromkeys(sets)
    ]


def writer_cv(examples: Examples, seed: int = SEED) -> dict:
    """Each writer's set of templates judged by a model trained on the other sets: the nearest
    the corpus comes to lines in a voice the model has never read (a blind set written by
    another hand scores about as its set does here). Scored with levels and without, like
    `grouped_cv`: per set, and pooled over all of them."""
    pooled, per_set = Pooled(), {}
    for name, train_indices, test_indices in writer_splits(examples):
        model = train(examples.subset(train_indices), seed=seed)
        test = examples.subset(test_indices)
        both = predicted_both_ways(model, test)
        pooled.add(test, both)
        per_set[name] = {
            "lines": len(test),
            "templates": len(set(test.templates)),
            **scored_both_ways(test, both),
        }
    return {"sets": per_set, **pooled.scored()}


def holdout(model: Predictor, path: Path = HOLDOUT_PATH) -> dict:
    """The shipped model on the held-out set, with the lines' levels and without any.

    The set was written by hand before the model was ever run on it (holdout/README.md): its
    figures are only honest while nothing is tuned on them."""
    examples = load_corpus(path)
    return {
        "lines": len(examples),
        "templates": len(set(examples.templates)),
        **scored_both_ways(examples, predicted_both_ways(model, examples)),
    }


def loghub_systems(directory: Path = LOGHUB_DIR) -> dict[str, list[tuple[str, bool]]]:
    """(message, is ERROR or worse) per Loghub system whose lines carry a level."""
    systems = {}
    for structured in sorted(directory.glob("*/*_2k.log_structured.csv")):
        with structured.open(newline="", encoding="utf-8", errors="replace") as lines:
            rows = list(csv.DictReader(lines))
        if not rows or "Level" not in rows[0]:
            continue
        systems[structured.parent.name] = [
            (row["Content"], row["Level"].strip().upper() in LOGHUB_ERROR_PLUS) for row in rows
        ]
    return systems


def loghub(model: Predictor, directory: Path = LOGHUB_DIR) -> dict:
    """Model vs keyword baseline on each system; the message text only, no level."""
    per_system = {}
    for system, lines in loghub_systems(directory).items():
        messages = [message for message, _ in lines]
        truth = [error for _, error in lines]
        predictions = model.predict(messages, [None] * len(messages))
        model_says = [severity in ERROR_PLUS for severity in predictions.severity]
        baseline_says = [keyword_error_plus(message) for message in messages]
        positives = sum(truth)
        per_system[system] = {
            "lines": len(lines),
            "error_plus_lines": positives,
            # F1 means nothing without a single true error: such systems count false alarms only.
            "model_error_plus_f1": error_plus_f1(truth, model_says) if positives else None,
            "baseline_error_plus_f1": error_plus_f1(truth, baseline_says) if positives else None,
            "model_false_alarms": sum(p and not t for p, t in zip(model_says, truth, strict=True)),
            "baseline_false_alarms": sum(
                p and not t for p, t in zip(baseline_says, truth, strict=True)
            ),
        }
    scored = [s for s in per_system.values() if s["model_error_plus_f1"] is not None]
    summary = {"systems": per_system}
    if scored:
        model_mean = float(np.mean([s["model_error_plus_f1"] for s in scored]))
        baseline_mean = float(np.mean([s["baseline_error_plus_f1"] for s in scored]))
        summary.update(
            model_mean_error_plus_f1=round(model_mean, 4),
            baseline_mean_error_plus_f1=round(baseline_mean, 4),
            margin=round(model_mean - baseline_mean, 4),
        )
    return summary
