"""Training is deterministic, the numpy scorer decide loads gives scikit-learn's own numbers,
and the shipped artifact is the one the committed corpus gives, small, and refused when
altered."""

import hashlib
import io
import shutil
import subprocess
import sys

import numpy as np
import pytest
import sklearn

from functions.decide import artifact, blas
from functions.decide.corpus.generate import CORPUS_PATH
from functions.decide.model import MEDIUM_SHARE, SEVERITY_BLEND
from functions.decide.predictor import (
    ERROR_PLUS_THRESHOLD,
    Predictor,
    blended_actionability,
    severity_of,
)
from functions.decide.training import load_corpus, train

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def retrained(corpus):
    """The model `stacklens train` builds from the committed corpus, fitted once here."""
    return train(corpus, seed=artifact.Manifest.read().seed)


def save(model, directory):
    return artifact.save(
        model.export(),
        seed=model.seed,
        sklearn_version=sklearn.__version__,
        corpus_sha256="x",
        examples=10,
        directory=directory,
    )


def test_training_twice_gives_the_same_bytes(corpus):
    small = corpus.subset(range(0, len(corpus), 4))
    assert artifact.archive_bytes(train(small).export()) == artifact.archive_bytes(
        train(small).export()
    )


def test_the_numpy_scorer_gives_scikit_learns_probabilities(corpus, retrained):
    numpy_model = Predictor(retrained.export())
    for levels in (corpus.levels, [None] * len(corpus)):
        ours = numpy_model.predict(corpus.messages, levels)
        theirs = retrained.predict(corpus.messages, levels)
        assert ours.severity == theirs.severity
        np.testing.assert_allclose(
            ours.actionable_probability, theirs.actionable_probability, rtol=0, atol=1e-9
        )
        np.testing.assert_allclose(
            ours.severity_probability, theirs.severity_probability, rtol=0, atol=1e-9
        )


def test_the_shipped_artifact_is_what_the_committed_corpus_trains(corpus, retrained):
    # Bit for bit only with the BLAS kernels it was trained with (functions/decide/blas.py).
    assert blas.pinned_kernels() <= {blas.KERNELS}, blas.pinned_kernels()
    shipped, manifest = artifact.load()
    assert manifest.corpus_sha256 == hashlib.sha256(CORPUS_PATH.read_bytes()).hexdigest()
    assert manifest.examples == len(corpus)
    sample = corpus.subset(range(0, len(corpus), 7))
    ours = retrained.predict(sample.messages, sample.levels)
    theirs = shipped.predict(sample.messages, sample.levels)
    assert ours.severity == theirs.severity
    np.testing.assert_allclose(
        ours.actionable_probability, theirs.actionable_probability, rtol=0, atol=1e-9
    )


def test_artifact_is_small_and_scores():
    assert (artifact.ARTIFACT_DIR / artifact.MODEL_FILE).stat().st_size <= 5 * 1024 * 1024
    model, _ = artifact.load()
    predictions = model.predict(["Payment service down: every authorization failed"], [""])
    assert predictions.severity[0] in ("CRITICAL", "HIGH")
    assert 0.5 < predictions.actionable_probability[0] <= 1.0


def test_decide_loads_and_scores_without_scikit_learn():
    # A Lambda cold start pays for every import: the shipped model must not need scikit-learn.
    script = (
        "import sys; from functions.decide import confidence; "
        "confidence.score('ERROR', 'Printer offline'); "
        "print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def test_save_then_load_round_trips(tmp_path, corpus):
    model = train(corpus.subset(range(0, len(corpus), 5)))
    manifest = save(model, tmp_path)
    loaded, read_back = artifact.load(tmp_path)
    assert read_back == manifest
    assert (
        loaded.predict(["disk full"], ["ERROR"]).severity
        == model.predict(["disk full"], ["ERROR"]).severity
    )


def test_an_altered_artifact_is_refused_before_it_is_read(tmp_path):
    shutil.copytree(artifact.ARTIFACT_DIR, tmp_path, dirs_exist_ok=True)
    # A pickle that would run a shell command if it were ever unpickled.
    (tmp_path / artifact.MODEL_FILE).write_bytes(b"cos\nsystem\n(S'echo pwned'\ntR.")
    with pytest.raises(artifact.ArtifactError, match="sha256"):
        artifact.load(tmp_path)


def test_an_archive_holding_a_pickle_is_refused_even_when_vouched_for(tmp_path):
    # Even a manifest that vouches for it cannot make the loader unpickle anything.
    shutil.copytree(artifact.ARTIFACT_DIR, tmp_path, dirs_exist_ok=True)
    parameters = dict(np.load(artifact.ARTIFACT_DIR / artifact.MODEL_FILE))
    parameters["calibration"] = np.array([object()], dtype=object)
    buffer = io.BytesIO()
    np.savez(buffer, **parameters, allow_pickle=True)
    payload = buffer.getvalue()
    (tmp_path / artifact.MODEL_FILE).write_bytes(payload)
    manifest = (tmp_path / artifact.MANIFEST_FILE).read_text()
    shipped_sha = artifact.Manifest.read().sha256
    (tmp_path / artifact.MANIFEST_FILE).write_text(
        manifest.replace(shipped_sha, hashlib.sha256(payload).hexdigest())
    )
    with pytest.raises(artifact.ArtifactError, match="not a model archive"):
        artifact.load(tmp_path)


def test_a_missing_manifest_is_an_artifact_error(tmp_path):
    with pytest.raises(artifact.ArtifactError):
        artifact.load(tmp_path)


def test_error_or_worse_is_called_from_its_summed_probability():
    probabilities = np.array(
        [
            # CRITICAL, HIGH, MEDIUM, LOW, INFO
            [0.22, 0.26, 0.10, 0.06, 0.36],  # together at the threshold: ERROR or worse
            [0.10, 0.25, 0.05, 0.20, 0.40],  # below it: the likeliest milder class
            [0.32, 0.16, 0.35, 0.05, 0.12],  # inside ERROR or worse, the likelier class
        ]
    )
    assert probabilities[0, :2].sum() >= ERROR_PLUS_THRESHOLD > probabilities[1, :2].sum()
    assert severity_of(probabilities) == ["HIGH", "INFO", "CRITICAL"]


def test_actionability_blends_the_actionable_head_with_the_severity_head():
    severity = np.array(
        [
            # CRITICAL, HIGH, MEDIUM, LOW, INFO
            [0.50, 0.10, 0.20, 0.10, 0.10],
            [0.00, 0.00, 0.00, 0.10, 0.90],
        ]
    )
    head = np.array([0.20, 0.60])
    blended = blended_actionability(head, severity, np.array([0.3, 0.5]))
    # 0.7 x the head + 0.3 x (CRITICAL + HIGH + half of MEDIUM)
    assert blended == pytest.approx([0.7 * 0.20 + 0.3 * 0.70, 0.7 * 0.60 + 0.3 * 0.0])
    model, _ = artifact.load()
    assert list(model.blend) == [SEVERITY_BLEND, MEDIUM_SHARE]
