"""`stacklens train [--with-feedback FILE] [--seed N]`: rebuild the confidence artifact from the
corpus (and exported feedback examples) with a fixed seed."""

import argparse
import hashlib
import sys
import time
from pathlib import Path

import sklearn

from functions.decide import artifact, feedback_examples
from functions.decide.corpus.generate import CORPUS_PATH
from functions.decide.model import SEED
from functions.decide.training import load_corpus, train


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stacklens train", description=__doc__)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument(
        "--with-feedback",
        metavar="FILE",
        help="JSON lines of Feedback rows (`stacklens feedback-export` or the status API) "
        "to train on besides the corpus",
    )
    parser.add_argument("--out", default=str(artifact.ARTIFACT_DIR), help="artifact directory")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    examples = load_corpus()
    feedback_count = 0
    if args.with_feedback:
        try:
            extra = feedback_examples.read_file(args.with_feedback)
        except (OSError, ValueError) as error:
            print(f"stacklens train: {error}", file=sys.stderr)
            return 2
        feedback_count = len(extra)
        examples.extend(extra)
    model = train(examples, seed=args.seed)
    manifest = artifact.save(
        model.export(),
        seed=args.seed,
        sklearn_version=sklearn.__version__,
        corpus_sha256=hashlib.sha256(CORPUS_PATH.read_bytes()).hexdigest(),
        examples=len(examples),
        feedback_examples=feedback_count,
        directory=Path(args.out),
    )
    print(
        f"trained {manifest.version} on {len(examples)} examples "
        f"({feedback_count} from feedback) in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0
