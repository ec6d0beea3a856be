"""The confidence model: from a log message (and its level, when the line has one) to a severity
class and a calibrated probability that the event is actionable.

Words and character n-grams of the message with numbers and ids masked (so templates, not
values, are learnt), plus the level as a separate one-hot input the model learns how far to
trust. A multinomial logistic regression predicts the severity; a second one, calibrated with
folds grouped by template, predicts actionability.
"""

import re
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import FeatureUnion

from functions.ingest.parsing import normalise_level

SEVERITIES = ("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO")
ERROR_PLUS = ("CRITICAL", "HIGH")
SEED = 5
CALIBRATION_FOLDS = 5

# The level classes the model reads; "none" when the line has no level (or one we do not know).
LEVEL_CLASSES = ("none", "debug", "info", "warn", "error", "critical")
# ingest's level names (one list of logger level words, in functions/ingest/parsing.py).
_LEVEL_CLASS_OF = {
    "TRACE": "debug",
    "DEBUG": "debug",
    "INFO": "info",
    "WARNING": "warn",
    "ERROR": "error",
    "CRITICAL": "critical",
}
# Values that vary between events of one template: uuids, addresses, paths, hex ids, numbers.
_MASKS = (
    (
        re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.I),
        " uuid ",
    ),
    (re.compile(r"\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b"), " ipaddr "),
    (re.compile(r"(?<![\w.])(/[\w.\-]+)+/?"), " fspath "),
    (re.compile(r"\b0x[0-9a-f]+\b", re.I), " hexnum "),
    (re.compile(r"\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b", re.I), " hexid "),
    (re.compile(r"\d+"), "0"),
)


def level_class(level: str | None) -> str:
    """The level's class; an unknown word counts as no level."""
    return _LEVEL_CLASS_OF.get(normalise_level(level or None) or "", "none")


def normalise(message: str) -> str:
    """The message as the model reads it: lower case, variable values masked."""
    text = (message or "").lower()
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


def level_matrix(levels: list[str | None]) -> sp.csr_matrix:
    """One-hot level classes, one row per event."""
    columns = [LEVEL_CLASSES.index(level_class(level)) for level in levels]
    rows = np.arange(len(columns))
    data = np.ones(len(columns))
    return sp.csr_matrix((data, (rows, columns)), shape=(len(columns), len(LEVEL_CLASSES)))


def build_text_features() -> FeatureUnion:
    """Words catch meaning ("succeeded", "declined"); character n-grams survive new words."""
    return FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(
                    ngram_range=(1, 2), sublinear_tf=True, min_df=2, token_pattern=r"[a-z_]+"
                ),
            ),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(3, 4), sublinear_tf=True, min_df=3
                ),
            ),
        ]
    )


@dataclass(frozen=True)
class Predictions:
    severity: list[str]
    severity_probability: np.ndarray  # one column per SEVERITIES entry
    actionable_probability: np.ndarray


class ConfidenceModel:
    """Severity and actionability of log events, trained on labelled examples."""

    def __init__(self, seed: int = SEED, level_weight: float = 1.0) -> None:
        self.seed = seed
        # How loud the level speaks next to the words (the level is a hint, not the answer).
        self.level_weight = level_weight
        self.text_features = build_text_features()
        self.severity_classifier = LogisticRegression(C=1.0, max_iter=2000, random_state=seed)
        self.actionable_classifier: CalibratedClassifierCV | None = None

    def _features(self, messages: list[str], levels: list[str | None], fit: bool = False):
        texts = [normalise(message) for message in messages]
        if fit:
            words = self.text_features.fit_transform(texts)
        else:
            words = self.text_features.transform(texts)
        return sp.hstack([words, level_matrix(levels) * self.level_weight], format="csr")

    def fit(
        self,
        messages: list[str],
        levels: list[str | None],
        severities: list[str],
        actionable: list[int],
        groups: list[str],
    ) -> "ConfidenceModel":
        """Train both heads; `groups` (template ids) keep calibration folds template-disjoint."""
        features = self._features(messages, levels, fit=True)
        # Dropped so the same data and seed pickle to the same bytes: the pruned terms are a set
        # (its order follows the hash seed) kept for introspection only, and the stop-word
        # check's cache holds a memory address (getattr with a default reads it).
        for _, vectorizer in self.text_features.transformer_list:
            for attribute in ("stop_words_", "_stop_words_id"):
                if hasattr(vectorizer, attribute):
                    delattr(vectorizer, attribute)
        self.severity_classifier.fit(features, severities)
        folds = min(CALIBRATION_FOLDS, len(set(groups)))
        splits = list(GroupKFold(n_splits=folds).split(features, actionable, groups))
        self.actionable_classifier = CalibratedClassifierCV(
            LogisticRegression(C=1.0, max_iter=2000, random_state=self.seed),
            method="sigmoid",
            cv=splits,
            ensemble=False,
        ).fit(features, actionable)
        return self

    def predict(self, messages: list[str], levels: list[str | None]) -> Predictions:
        """Severity class and probabilities for a batch of events."""
        features = self._features(messages, levels)
        severity_probability = self.severity_classifier.predict_proba(features)
        order = [list(self.severity_classifier.classes_).index(s) for s in SEVERITIES]
        severity_probability = severity_probability[:, order]
        severity = [SEVERITIES[i] for i in severity_probability.argmax(axis=1)]
        actionable_column = list(self.actionable_classifier.classes_).index(1)
        actionable_probability = self.actionable_classifier.predict_proba(features)[
            :, actionable_column
        ]
        return Predictions(severity, severity_probability, actionable_probability)
