"""Batch scoring of raw log lines: parse each (JSON, log4j, Python logging, syslog, ...), take
its level only when the line really carries one, and score a batch at a time."""

from collections.abc import Iterable, Iterator

from functions.decide.predictor import Predictor
from functions.ingest.parsing import parse

BATCH_SIZE = 4096
# At this calibrated probability an event counts as actionable.
ACTIONABLE_AT = 0.5


def event_of(line: str) -> tuple[str | None, str]:
    """(level or None, message) of one raw line; a level ingest had to guess is not given."""
    parsed = parse(line)
    level = None if parsed.layout == "unknown" else parsed.level
    return level, parsed.message


def score_events(model: Predictor, events: list[tuple[str | None, str]]) -> list[dict]:
    """One result per (level, message): severity, confidence (P actionable), actionable."""
    if not events:
        return []
    predictions = model.predict([m for _, m in events], [level for level, _ in events])
    return [
        {
            "severity": severity,
            "confidence": round(float(probability), 4),
            "actionable": bool(probability >= ACTIONABLE_AT),
        }
        for severity, probability in zip(
            predictions.severity, predictions.actionable_probability, strict=True
        )
    ]


def score_lines(
    model: Predictor, lines: Iterable[str], batch_size: int = BATCH_SIZE
) -> Iterator[dict]:
    """Results in input order, computed `batch_size` lines at a time."""
    batch: list[tuple[str | None, str]] = []
    for line in lines:
        batch.append(event_of(line.rstrip("\r\n")))
        if len(batch) >= batch_size:
            yield from score_events(model, batch)
            batch = []
    yield from score_events(model, batch)
