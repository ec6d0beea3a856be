"""The confidence model, trained: from a log message (and its level, when the line has one) to
a severity class and a calibrated probability that the event is actionable.

Words, character n-grams and shape terms of the message with its variable values masked (so
templates, not values, are learnt; see features.py), plus the level as a separate one-hot
input the model learns how far to trust. A multinomial logistic regression predicts the
severity; a second one, calibrated (sigmoid) on folds grouped by template, predicts
actionability, blended with what the severity says. `export()` hands the learnt numbers to
the numpy-only Predictor decide loads.
"""

import numpy as np
import scipy.sparse as sp
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from functions.decide import features
from functions.decide.predictor import (
    SEVERITIES,
    TERM_BLOCKS,
    Predictions,
    blended_actionability,
    severity_of,
)

SEED = 5
CALIBRATION_FOLDS = 5
# A term must occur in this many training lines to be learnt (words, chars, shape).
MIN_LINES = {"words": 2, "chars": 3, "shape": 1}
# How loud the level speaks next to the words (the level is a hint, not the answer).
LEVEL_WEIGHT = 1.0
# Inverse regularisation strength of both heads, chosen on the corpus's grouped CV (mean
# error_plus_f1 with and without the level, at the 0.4 threshold of the time): on the final
# corpus 0.822 / 0.824 / 0.824 / 0.823 at C = 1 / 2 / 4 / 8, flat; 4 has the lowest brier
# (0.087). See BENCHMARKS.md.
REGULARISATION_C = 4.0
# The actionable probability is the calibrated actionable head blended with the severity head's
# CRITICAL + HIGH + MEDIUM_SHARE x MEDIUM, the latter weighing SEVERITY_BLEND. Chosen on the
# writer CV (each writer's templates judged by a model trained on the others'): pooled brier on
# 2,415 templates by nine writers 0.1032 unblended, 0.1012 / 0.1007 / 0.1010 / 0.1017 at blend
# 0.2 / 0.3 / 0.4 / 0.5 with a MEDIUM share of 0.5 (0.3 and 0.7: within 0.0006); without levels
# 0.1283 -> 0.1250. See BENCHMARKS.md.
SEVERITY_BLEND = 0.3
MEDIUM_SHARE = 0.5


def level_matrix(levels: list[str | None], weight: float = LEVEL_WEIGHT) -> sp.csr_matrix:
    """One-hot level classes, one row per event."""
    columns = [features.LEVEL_CLASSES.index(features.level_class(level)) for level in levels]
    rows = np.arange(len(columns))
    data = np.full(len(columns), weight)
    return sp.csr_matrix((data, (rows, columns)), shape=(len(columns), len(features.LEVEL_CLASSES)))


class ConfidenceModel:
    """Severity and actionability of log events, trained on labelled examples."""

    def __init__(self, seed: int = SEED) -> None:
        self.seed = seed
        self.vectorizers = [
            TfidfVectorizer(analyzer=terms_of, sublinear_tf=True, min_df=MIN_LINES[name])
            for name, terms_of in TERM_BLOCKS
        ]
        # Balanced: a rare severity (CRITICAL) counts as much as the common ones when learnt.
        self.severity_classifier = LogisticRegression(
            C=REGULARISATION_C, class_weight="balanced", max_iter=3000, random_state=seed
        )
        self.actionable_classifier: CalibratedClassifierCV | None = None

    def _features(self, messages: list[str], levels: list[str | None], fit: bool = False):
        texts = [features.text_of(message) for message in messages]
        blocks = [
            vectorizer.fit_transform(texts) if fit else vectorizer.transform(texts)
            for vectorizer in self.vectorizers
        ]
        return sp.hstack(blocks + [level_matrix(levels)], format="csr")

    def fit(
        self,
        messages: list[str],
        levels: list[str | None],
        severities: list[str],
        actionable: list[int],
        groups: list[str],
    ) -> "ConfidenceModel":
        """Train both heads; `groups` (template ids) keep calibration folds template-disjoint."""
        matrix = self._features(messages, levels, fit=True)
        self.severity_classifier.fit(matrix, severities)
        folds = min(CALIBRATION_FOLDS, len(set(groups)))
        splits = list(GroupKFold(n_splits=folds).split(matrix, actionable, groups))
        self.actionable_classifier = CalibratedClassifierCV(
            LogisticRegression(C=REGULARISATION_C, max_iter=3000, random_state=self.seed),
            method="sigmoid",
            cv=splits,
            ensemble=False,
        ).fit(matrix, actionable)
        return self

    def predict(self, messages: list[str], levels: list[str | None]) -> Predictions:
        """Severity class and probabilities for a batch of events (scikit-learn's own path)."""
        matrix = self._features(messages, levels)
        severity_probability = self.severity_classifier.predict_proba(matrix)
        order = [list(self.severity_classifier.classes_).index(s) for s in SEVERITIES]
        severity_probability = severity_probability[:, order]
        severity = severity_of(severity_probability)
        actionable_column = list(self.actionable_classifier.classes_).index(1)
        actionable_head = self.actionable_classifier.predict_proba(matrix)[:, actionable_column]
        actionable_probability = blended_actionability(
            actionable_head, severity_probability, np.array([SEVERITY_BLEND, MEDIUM_SHARE])
        )
        return Predictions(severity, severity_probability, actionable_probability)

    def export(self) -> dict[str, np.ndarray]:
        """The learnt numbers, as plain arrays the numpy Predictor scores with."""
        parameters = {}
        for (name, _), vectorizer in zip(TERM_BLOCKS, self.vectorizers, strict=True):
            terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
            if any("\n" in term for term in terms):
                raise ValueError(f"a {name} term holds a newline, the export's separator")
            parameters[f"{name}_vocabulary"] = np.frombuffer(
                "\n".join(terms).encode("utf-8"), dtype=np.uint8
            )
            parameters[f"{name}_idf"] = vectorizer.idf_.astype(np.float64)
        order = [list(self.severity_classifier.classes_).index(s) for s in SEVERITIES]
        parameters["severity_coef"] = self.severity_classifier.coef_[order]
        parameters["severity_intercept"] = self.severity_classifier.intercept_[order]
        (calibrated,) = self.actionable_classifier.calibrated_classifiers_
        if list(calibrated.estimator.classes_) != [0, 1]:
            raise ValueError("the actionable head must be trained on classes 0 and 1")
        parameters["actionable_coef"] = calibrated.estimator.coef_
        parameters["actionable_intercept"] = calibrated.estimator.intercept_
        (sigmoid,) = calibrated.calibrators
        parameters["calibration"] = np.array([sigmoid.a_, sigmoid.b_], dtype=np.float64)
        parameters["level_weight"] = np.array([LEVEL_WEIGHT])
        parameters["actionable_blend"] = np.array([SEVERITY_BLEND, MEDIUM_SHARE])
        return parameters
