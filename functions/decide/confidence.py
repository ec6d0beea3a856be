"""The ML confidence the decide function uses: the trained artifact, loaded once per process
(in Lambda's init phase), never trained at cold start, scored with numpy alone (no
scikit-learn import). `stacklens train` rebuilds it."""

from functools import lru_cache

from functions.decide import artifact
from functions.decide.predictor import Predictions, Predictor

# The version every Decision records: the generation plus the artifact's hash.
MODEL_VERSION = artifact.Manifest.read().version


@lru_cache(maxsize=1)
def trained_model() -> Predictor:
    """The shipped model, hash-checked against its manifest."""
    model, _ = artifact.load()
    return model


def predict(level: str | None, message: str) -> Predictions:
    """Severity and actionability of one event; `level` may be empty."""
    return trained_model().predict([message or ""], [level or ""])


# A group's level and message never change (its first event's), so decide asks the same
# question every time a busy group changes: answer it from memory (one shipped model a process).
SCORES_KEPT = 4096


@lru_cache(maxsize=SCORES_KEPT)
def score(level: str | None, message: str) -> float:
    """Calibrated probability (0..1) that an event with this level and message is actionable."""
    return round(float(predict(level, message).actionable_probability[0]), 4)
