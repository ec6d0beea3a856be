"""The ML confidence: how likely a log line is an actionable error, from a small labelled corpus.

A TF-IDF (words + character n-grams) logistic regression, trained on first use and kept for the
life of the process; the corpus file's hash names the model in every decision it takes part in.
"""

import csv
import hashlib
from functools import lru_cache
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

CORPUS_PATH = Path(__file__).with_name("training_corpus.csv")
RANDOM_STATE = 0


def _model_version(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


MODEL_VERSION = _model_version(CORPUS_PATH)


def model_text(level: str, message: str) -> str:
    """What the model reads: the level first, so it can learn how much to trust it."""
    return f"{(level or '').upper()} {message or ''}"


def load_corpus(path: Path = CORPUS_PATH) -> tuple[list[str], list[int]]:
    """The labelled lines as model texts and 0/1 labels (1 = actionable)."""
    texts: list[str] = []
    labels: list[int] = []
    with path.open(newline="", encoding="utf-8") as corpus:
        for row in csv.DictReader(corpus):
            texts.append(model_text(row["level"], row["text"]))
            labels.append(int(row["actionable"]))
    return texts, labels


def build_pipeline() -> Pipeline:
    """Words catch meaning ("succeeded", "declined"); character n-grams survive ids and typos."""
    features = FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True)),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2
                ),
            ),
        ]
    )
    classifier = LogisticRegression(C=4.0, max_iter=1000, random_state=RANDOM_STATE)
    return Pipeline([("features", features), ("classifier", classifier)])


@lru_cache(maxsize=1)
def trained_model() -> Pipeline:
    """The model trained on the shipped corpus, once per process."""
    texts, labels = load_corpus()
    return build_pipeline().fit(texts, labels)


def score(level: str, message: str) -> float:
    """Probability (0..1) that a line with this level and message is an actionable error."""
    model = trained_model()
    actionable_column = list(model.classes_).index(1)
    probability = model.predict_proba([model_text(level, message)])[0][actionable_column]
    return round(float(probability), 4)
