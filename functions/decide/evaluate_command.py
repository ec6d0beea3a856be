"""`stacklens evaluate --json`: grouped 5-fold CV on the corpus, each writer's templates judged
by a model trained on the other writers' (`writer_cv`), the shipped model on the blind
held-out set, and the shipped model against a keyword baseline on Loghub, printed as one JSON
object."""

import argparse
import json
import sys
from pathlib import Path

from functions.decide import artifact, evaluation
from functions.decide.model import SEED
from functions.decide.training import load_corpus

# The goals of issue 5, reported next to what was reached.
GOALS = {"error_plus_f1": 0.80, "brier": 0.10, "loghub_margin": 0.15}


def evaluate(loghub_dir: Path, seed: int = SEED) -> dict:
    corpus = load_corpus()
    cv = evaluation.grouped_cv(corpus, seed=seed)
    by_writer = evaluation.writer_cv(corpus, seed=seed)
    model, manifest = artifact.load()
    holdout = evaluation.holdout(model)
    loghub = (
        evaluation.loghub(model, loghub_dir)
        if loghub_dir.is_dir()
        else {"error": f"no Loghub data at {loghub_dir}"}
    )
    return {
        "model_version": manifest.version,
        "corpus": {"lines": len(corpus), "templates": len(set(corpus.templates))},
        "grouped_cv": cv,
        "writer_cv": by_writer,
        "holdout": holdout,
        "loghub": loghub,
        "goals": {
            "error_plus_f1": {
                "goal": GOALS["error_plus_f1"],
                "met": cv["error_plus_f1"] >= GOALS["error_plus_f1"],
                "writer_cv_met": by_writer["error_plus_f1"] >= GOALS["error_plus_f1"],
                "holdout_met": holdout["error_plus_f1"] >= GOALS["error_plus_f1"],
            },
            "brier": {
                "goal": GOALS["brier"],
                "met": cv["brier"] <= GOALS["brier"],
                "writer_cv_met": by_writer["brier"] <= GOALS["brier"],
                "holdout_met": holdout["brier"] <= GOALS["brier"],
            },
            "loghub_margin": {
                "goal": GOALS["loghub_margin"],
                "met": loghub.get("margin", -1.0) >= GOALS["loghub_margin"],
            },
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stacklens evaluate", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object (default)")
    parser.add_argument("--loghub", default=str(evaluation.LOGHUB_DIR), help="Loghub directory")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    try:
        report = evaluate(Path(args.loghub), seed=args.seed)
    except artifact.ArtifactError as error:
        print(f"stacklens evaluate: {error}", file=sys.stderr)
        return 1
    print(json.dumps(report, indent=None if args.json else 2))
    return 0
