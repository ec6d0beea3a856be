"""Confidence model speed: artifact load time (a Lambda cold start pays it) and batched scoring
throughput of `stacklens score`, on one thread, over corpus messages written as log lines."""

import os
import subprocess
import sys
import time

from functions.decide import artifact
from functions.decide.corpus.generate import CORPUS_PATH
from functions.decide.scoring import BATCH_SIZE, score_lines
from functions.decide.training import load_corpus

EVENTS = 40_000


def log_lines(count: int) -> list[str]:
    """Corpus messages as the log lines a POS host writes (Python logging layout, or bare)."""
    corpus = load_corpus(CORPUS_PATH)
    lines = []
    for index in range(count):
        i = index % len(corpus)
        level = corpus.levels[i]
        message = corpus.messages[i]
        lines.append(
            f"2024-05-01 12:00:{index % 60:02d},123 {level} pos.app: {message}"
            if level
            else message
        )
    return lines


COLD_START = (
    "import time; t = time.perf_counter(); from functions.decide import confidence; "
    "confidence.trained_model(); print((time.perf_counter() - t) * 1000)"
)


def cold_start_ms() -> float:
    """A fresh interpreter importing the decide model and loading it (libraries included)."""
    output = subprocess.run(
        [sys.executable, "-c", COLD_START], capture_output=True, text=True, check=True
    ).stdout
    return round(float(output.strip()), 1)


def run() -> dict:
    started = time.perf_counter()
    model, manifest = artifact.load()
    load_ms = (time.perf_counter() - started) * 1000
    lines = log_lines(EVENTS)
    started = time.perf_counter()
    scored = sum(1 for _ in score_lines(model, lines, BATCH_SIZE))
    elapsed = time.perf_counter() - started
    messages = [line.rsplit(": ", 1)[-1] for line in lines]
    started = time.perf_counter()
    model.predict(messages, [None] * len(messages))
    model_only = time.perf_counter() - started
    return {
        "scoring": {
            "model_version": manifest.version,
            "artifact_bytes": os.path.getsize(artifact.ARTIFACT_DIR / artifact.MODEL_FILE),
            "artifact_load_ms": round(load_ms, 1),
            "cold_start_with_imports_ms": cold_start_ms(),
            "events": scored,
            "batch_size": BATCH_SIZE,
            "events_per_s_with_parsing": round(scored / elapsed),
            "events_per_s_model_only": round(len(messages) / model_only),
        }
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
