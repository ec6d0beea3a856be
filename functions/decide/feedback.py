"""How feedback moves a fingerprint's confidence: each label people gave it (a ticket resolved
as Won't Do, a decision marked wrong) shifts the model's probability at once, until the next
`stacklens train --with-feedback` teaches the model itself."""

from dataclasses import dataclass

# One "should not have been a ticket" takes half the scale off; one "should have been" adds it.
STEP = 0.5


@dataclass(frozen=True)
class Adjusted:
    model_probability: float
    feedback_adjustment: float
    confidence: float


def adjustment(labels: list[int]) -> float:
    """The shift for a fingerprint's feedback labels (1 actionable, 0 not), within -1..1."""
    shift = sum(STEP if label else -STEP for label in labels)
    return max(-1.0, min(1.0, shift))


def adjust(model_probability: float, labels: list[int]) -> Adjusted:
    """The confidence decide uses, with the parts it is made of."""
    shift = adjustment(labels)
    confidence = max(0.0, min(1.0, model_probability + shift))
    return Adjusted(round(model_probability, 4), round(shift, 4), round(confidence, 4))
