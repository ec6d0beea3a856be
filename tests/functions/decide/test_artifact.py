"""Training is deterministic, and the shipped artifact is the one the committed corpus gives,
small, and refused when altered."""

import hashlib
import pickle
import shutil

import numpy as np
import pytest

from functions.decide import artifact
from functions.decide.corpus.generate import CORPUS_PATH
from functions.decide.training import load_corpus, train

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_training_twice_gives_the_same_bytes(corpus):
    small = corpus.subset(range(0, len(corpus), 4))
    assert pickle.dumps(train(small), protocol=5) == pickle.dumps(train(small), protocol=5)


def test_the_shipped_artifact_is_what_the_committed_corpus_trains(corpus):
    shipped, manifest = artifact.load()
    assert manifest.corpus_sha256 == hashlib.sha256(CORPUS_PATH.read_bytes()).hexdigest()
    retrained = train(corpus, seed=manifest.seed)
    sample = corpus.subset(range(0, len(corpus), 7))
    ours = retrained.predict(sample.messages, sample.levels)
    theirs = shipped.predict(sample.messages, sample.levels)
    assert ours.severity == theirs.severity
    np.testing.assert_allclose(
        ours.actionable_probability, theirs.actionable_probability, atol=1e-9
    )


def test_artifact_is_small_and_scores(corpus):
    assert (artifact.ARTIFACT_DIR / artifact.MODEL_FILE).stat().st_size <= 5 * 1024 * 1024
    model, _ = artifact.load()
    predictions = model.predict(["Payment service down: every authorization failed"], [""])
    assert predictions.severity[0] in ("CRITICAL", "HIGH")
    assert 0.5 < predictions.actionable_probability[0] <= 1.0


def test_save_then_load_round_trips(tmp_path, corpus):
    model = train(corpus.subset(range(0, len(corpus), 5)))
    manifest = artifact.save(model, corpus_sha256="x", examples=10, directory=tmp_path)
    loaded, read_back = artifact.load(tmp_path)
    assert read_back == manifest
    assert (
        loaded.predict(["disk full"], ["ERROR"]).severity
        == model.predict(["disk full"], ["ERROR"]).severity
    )


def test_an_altered_artifact_is_refused_before_unpickling(tmp_path):
    shutil.copytree(artifact.ARTIFACT_DIR, tmp_path, dirs_exist_ok=True)
    # A pickle that would run a shell command if it were ever unpickled.
    (tmp_path / artifact.MODEL_FILE).write_bytes(b"cos\nsystem\n(S'echo pwned'\ntR.")
    with pytest.raises(artifact.ArtifactError, match="sha256"):
        artifact.load(tmp_path)


def test_a_missing_manifest_is_an_artifact_error(tmp_path):
    with pytest.raises(artifact.ArtifactError):
        artifact.load(tmp_path)
