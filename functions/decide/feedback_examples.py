"""Feedback rows as training examples: what people said about a fingerprint's tickets.

The rows come as JSON lines, one Feedback item each (`GET /api/decisions/feedback` answers
the same shape), so training runs anywhere without AWS credentials.
"""

import json
from pathlib import Path

from functions.decide.predictor import SEVERITIES
from functions.decide.training import Examples

# An example marked not actionable is learnt as a LOW error: real, not worth a ticket.
NOT_ACTIONABLE_SEVERITY = "LOW"


def example_row(row: dict) -> tuple[str, str, str, int, str]:
    """(message, level, severity, actionable, template) of one Feedback row; ValueError if bad."""
    message = row.get("message")
    if not isinstance(message, str) or not message.strip():
        raise ValueError("a feedback row needs a non-empty message")
    actionable = row.get("actionable")
    if actionable not in (0, 1, True, False):
        raise ValueError("a feedback row needs actionable 0 or 1")
    severity = str(row.get("severity") or "").upper()
    if not actionable:
        severity = NOT_ACTIONABLE_SEVERITY
    elif severity not in SEVERITIES or severity == "INFO":
        severity = "HIGH"
    # One fingerprint is one template: it must never be split across evaluation folds.
    template = f"feedback-{row.get('fingerprint') or message}"
    return message, str(row.get("level") or ""), severity, int(actionable), template


def read_file(path: str | Path) -> Examples:
    """Examples from a JSON-lines export of the Feedback table."""
    examples = Examples()
    with Path(path).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                examples.add(*example_row(json.loads(line)))
            except ValueError as error:
                raise ValueError(f"{path}:{number}: {error}") from None
    return examples
