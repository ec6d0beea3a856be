"""The trained confidence model scored with numpy alone: the learnt numbers (vocabularies, idf
weights, coefficients, the calibration's sigmoid, the blend of the two heads) applied to an
event's terms.

This is what decide loads at a cold start, so it must not import scikit-learn (over half a
second); `ConfidenceModel.export()` writes these numbers and a test holds both to 1e-9.
"""

from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

import numpy as np

from functions.decide import features

SEVERITIES = ("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO")
ERROR_PLUS = ("CRITICAL", "HIGH")
# The term blocks, in column order: each is TF-IDF weighted and scaled to unit length alone.
TERM_BLOCKS: tuple[tuple[str, Callable[[features.Text], list[str]]], ...] = (
    ("words", features.word_terms),
    ("chars", features.char_terms),
    ("shape", features.shape_terms),
)

CHAR_BLOCK = [name for name, _ in TERM_BLOCKS].index("chars")
if SEVERITIES[: len(ERROR_PLUS)] != ERROR_PLUS:
    raise ValueError("the ERROR-or-worse severities must come first")
WORD_CACHE_SIZE = 1 << 16
# The summed CRITICAL + HIGH probability from which a line is called ERROR or worse. Chosen on
# the corpus's grouped CV alone: the best mean error_plus_f1 with and without the level, averaged
# over each grid point and its two neighbours (0.025 apart) so one noisy point does not decide.
# On the 919-template corpus: 0.824 at 0.4, 0.831 at 0.475, 0.833 at 0.5, 0.823 at 0.525.
# See BENCHMARKS.md.
ERROR_PLUS_THRESHOLD = 0.475


def severity_of(severity_probability: np.ndarray) -> list[str]:
    """The severity class of each row of probabilities (one column per SEVERITIES entry).

    ERROR or worse is the outcome decide acts on, so it is called when its classes' summed
    probability reaches ERROR_PLUS_THRESHOLD, then the likelier class inside it is named; else
    the likeliest milder class. A plain argmax calls a line INFO at 0.42 when CRITICAL and HIGH
    hold 0.21 each.
    """
    split = len(ERROR_PLUS)
    worse, milder = severity_probability[:, :split], severity_probability[:, split:]
    error_plus = worse.sum(axis=1) >= ERROR_PLUS_THRESHOLD
    index = np.where(error_plus, worse.argmax(axis=1), split + milder.argmax(axis=1))
    return [SEVERITIES[i] for i in index]


def blended_actionability(
    actionable_head: np.ndarray, severity_probability: np.ndarray, blend: np.ndarray
) -> np.ndarray:
    """The actionable probability decide uses: the calibrated actionable head, blended with what
    the severity head says (CRITICAL + HIGH + a share of MEDIUM). `blend` is (the severity
    head's weight, the MEDIUM share). Two heads trained apart err apart on a voice neither has
    read: on the writer CV the blend's Brier score is lower than the actionable head's alone
    (see model.py)."""
    weight, medium_share = (float(x) for x in blend)
    from_severity = (
        severity_probability[:, SEVERITIES.index("CRITICAL")]
        + severity_probability[:, SEVERITIES.index("HIGH")]
        + medium_share * severity_probability[:, SEVERITIES.index("MEDIUM")]
    )
    return (1.0 - weight) * actionable_head + weight * from_severity


@dataclass(frozen=True)
class Predictions:
    severity: list[str]
    severity_probability: np.ndarray  # one column per SEVERITIES entry
    actionable_probability: np.ndarray


class Predictor:
    """Severity and actionability from exported parameters (see `ConfidenceModel.export`)."""

    def __init__(self, parameters: dict[str, np.ndarray]) -> None:
        self.vocabularies: list[dict[str, int]] = []
        self.idf: list[np.ndarray] = []
        for name, _ in TERM_BLOCKS:
            terms = bytes(parameters[f"{name}_vocabulary"]).decode("utf-8").split("\n")
            self.vocabularies.append({term: i for i, term in enumerate(terms)})
            self.idf.append(parameters[f"{name}_idf"])
        self.level_weight = float(parameters["level_weight"][0])
        # One weight row per column, one weight per output: five severities, then actionability.
        self.weights = np.hstack([parameters["severity_coef"].T, parameters["actionable_coef"].T])
        self.intercepts = np.concatenate(
            [parameters["severity_intercept"], parameters["actionable_intercept"]]
        )
        self.calibration_a, self.calibration_b = (float(x) for x in parameters["calibration"])
        self.blend = np.asarray(parameters["actionable_blend"], dtype=np.float64)
        # Masked words repeat from line to line: each word's char columns are looked up once.
        self._columns_of_word: dict[str, list[int]] = {}
        columns = sum(len(v) for v in self.vocabularies) + len(features.LEVEL_CLASSES)
        if self.weights.shape != (columns, len(SEVERITIES) + 1):
            raise ValueError("the exported coefficients do not match the vocabularies")

    def _char_columns(self, texts: list[features.Text]) -> tuple[list[int], list[int]]:
        """The char block's columns of the texts, one after the other, and how many each text
        has; word by word through a per-word cache."""
        cache = self._columns_of_word
        known = self.vocabularies[CHAR_BLOCK].get
        columns, lengths = [], []
        for text in texts:
            before = len(columns)
            for word in text.masked.split():
                cached = cache.get(word)
                if cached is None:
                    cached = [known(gram, -1) for gram in features.word_ngrams(word)]
                    if len(cache) < WORD_CACHE_SIZE:
                        cache[word] = cached
                columns += cached
            lengths.append(len(columns) - before)
        return columns, lengths

    def _scores(self, messages: list[str], levels: list[str | None]) -> np.ndarray:
        """Raw linear scores, one row per event, one column per output."""
        count = len(messages)
        texts = [features.text_of(message) for message in messages]
        scores = np.tile(self.intercepts, (count, 1))
        offset = 0
        for (_, terms_of), vocabulary, idf in zip(
            TERM_BLOCKS, self.vocabularies, self.idf, strict=True
        ):
            if terms_of is features.char_terms:
                columns, lengths = self._char_columns(texts)
            else:
                known = vocabulary.get
                rows = [[known(term, -1) for term in terms_of(text)] for text in texts]
                columns = list(chain.from_iterable(rows))
                lengths = [len(row) for row in rows]
            column_of = np.asarray(columns, dtype=np.int64)
            row_of = np.repeat(np.arange(count), lengths)
            inside = column_of >= 0
            # Each (row, column) pair once, with how often the term occurs in that row.
            pairs, times = np.unique(
                row_of[inside] * len(vocabulary) + column_of[inside], return_counts=True
            )
            row_of, column_of = np.divmod(pairs, len(vocabulary))
            first_column, offset = offset, offset + len(vocabulary)
            if not len(pairs):
                continue
            # The pairs come sorted by row: each row's terms are one run, summed in one pass.
            starts = np.flatnonzero(np.concatenate(([True], row_of[1:] != row_of[:-1])))
            rows = row_of[starts]
            # scikit-learn's sublinear tf (1 + log count) times idf, then unit length per row.
            values = (np.log(times) + 1.0) * idf[column_of]
            lengths_of_rows = np.sqrt(np.add.reduceat(values * values, starts))
            values /= np.repeat(lengths_of_rows, np.diff(np.append(starts, len(values))))
            contributions = self.weights[first_column + column_of] * values[:, None]
            scores[rows] += np.add.reduceat(contributions, starts, axis=0)
        level_columns = offset + np.array(
            [features.LEVEL_CLASSES.index(features.level_class(level)) for level in levels],
            dtype=np.int64,
        )
        scores += self.level_weight * self.weights[level_columns]
        return scores

    def predict(self, messages: list[str], levels: list[str | None]) -> Predictions:
        """Severity class and probabilities for a batch of events."""
        scores = self._scores(messages, levels)
        severity_scores = scores[:, : len(SEVERITIES)]
        exponentials = np.exp(severity_scores - severity_scores.max(axis=1, keepdims=True))
        severity_probability = exponentials / exponentials.sum(axis=1, keepdims=True)
        severity = severity_of(severity_probability)
        raw = scores[:, len(SEVERITIES)]
        actionable = 1.0 / (1.0 + np.exp(self.calibration_a * raw + self.calibration_b))
        actionable = blended_actionability(actionable, severity_probability, self.blend)
        return Predictions(severity, severity_probability, actionable)
