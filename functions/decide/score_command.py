"""`stacklens score [FILE]`: one JSON object per input line (FILE or standard input):
{"severity": ..., "confidence": ..., "actionable": ...}."""

import argparse
import json
import sys

from functions.decide import artifact
from functions.decide.scoring import BATCH_SIZE, score_lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stacklens score", description=__doc__)
    parser.add_argument("file", nargs="?", help="log file to score (default: standard input)")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    args = parser.parse_args(argv)
    if args.batch_size < 1:
        parser.error("--batch-size must be at least 1")
    try:
        model, _ = artifact.load()
    except artifact.ArtifactError as error:
        print(f"stacklens score: {error}", file=sys.stderr)
        return 1
    try:
        source = open(args.file, encoding="utf-8", errors="replace") if args.file else sys.stdin
    except OSError as error:
        print(f"stacklens score: {error}", file=sys.stderr)
        return 2
    with source:
        out = sys.stdout
        for result in score_lines(model, source, args.batch_size):
            out.write(json.dumps(result) + "\n")
    return 0
