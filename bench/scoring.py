"""Confidence model speed: decide's cold start (a fresh process importing the scoring module,
loading the artifact and scoring one event, as a Lambda init pays it) and batched scoring
throughput of `stacklens score`, on one thread, over corpus messages written as log lines."""

import os
import statistics
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
    "import sys, time; t = time.perf_counter(); from functions.decide import confidence; "
    "confidence.score('ERROR', 'Receipt printer on lane 3 not responding'); "
    "print((time.perf_counter() - t) * 1000, 'sklearn' in sys.modules)"
)
COLD_STARTS = 5


def cold_start_ms() -> tuple[float, bool]:
    """Median of fresh interpreters importing decide's model, loading it and scoring one event
    (libraries included); and whether scikit-learn got imported on the way."""
    times, sklearn_imported = [], False
    for _ in range(COLD_STARTS):
        output = subprocess.run(
            [sys.executable, "-c", COLD_START], capture_output=True, text=True, check=True
        ).stdout.split()
        times.append(float(output[0]))
        sklearn_imported |= output[1] == "True"
    return round(statistics.median(times), 1), sklearn_imported


def run() -> dict:
    started = time.perf_counter()
    model, manifest = artifact.load()
    load_ms = (time.perf_counter() - started) * 1000
    lines = log_lines(EVENTS)
    # CPU seconds of this process: on a shared machine wall time counts other people's work.
    started = time.process_time()
    scored = sum(1 for _ in score_lines(model, lines, BATCH_SIZE))
    elapsed = time.process_time() - started
    messages = [line.rsplit(": ", 1)[-1] for line in lines]
    started = time.process_time()
    model.predict(messages, [None] * len(messages))
    model_only = time.process_time() - started
    cold_start, sklearn_imported = cold_start_ms()
    return {
        "scoring": {
            "model_version": manifest.version,
            "artifact_bytes": os.path.getsize(artifact.ARTIFACT_DIR / artifact.MODEL_FILE),
            "artifact_load_ms": round(load_ms, 1),
            "cold_start_ms": cold_start,
            "cold_start_imports_sklearn": sklearn_imported,
            "events": scored,
            "batch_size": BATCH_SIZE,
            "events_per_cpu_s_with_parsing": round(scored / elapsed),
            "events_per_cpu_s_model_only": round(len(messages) / model_only),
        }
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
