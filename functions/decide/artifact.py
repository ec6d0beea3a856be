"""The trained model on disk: a pickle plus a manifest committed beside it that records the
pickle's sha256. The hash is checked before unpickling, so only the file `stacklens train`
wrote (and the manifest vouches for) is ever loaded; anything else is refused unread."""

import hashlib
import json
import pickle
from dataclasses import dataclass
from pathlib import Path

import sklearn

from functions.decide.model import ConfidenceModel

ARTIFACT_DIR = Path(__file__).with_name("artifact")
MODEL_FILE = "confidence-model.pkl"
MANIFEST_FILE = "manifest.json"
# Bumped when the model's inputs or outputs change meaning.
MODEL_GENERATION = 2


class ArtifactError(Exception):
    """The artifact is missing, altered or from another scikit-learn."""


@dataclass(frozen=True)
class Manifest:
    version: str
    sha256: str
    sklearn_version: str
    seed: int
    corpus_sha256: str
    examples: int
    feedback_examples: int

    @classmethod
    def read(cls, directory: Path = ARTIFACT_DIR) -> "Manifest":
        try:
            return cls(**json.loads((directory / MANIFEST_FILE).read_text()))
        except (OSError, ValueError, TypeError) as error:
            raise ArtifactError(f"cannot read {directory / MANIFEST_FILE}: {error}") from error


def save(
    model: ConfidenceModel,
    corpus_sha256: str,
    examples: int,
    feedback_examples: int = 0,
    directory: Path = ARTIFACT_DIR,
) -> Manifest:
    """Write the model and its manifest; the version names the exact bytes written."""
    directory.mkdir(parents=True, exist_ok=True)
    payload = pickle.dumps(model, protocol=5)
    digest = hashlib.sha256(payload).hexdigest()
    manifest = Manifest(
        version=f"{MODEL_GENERATION}-{digest[:12]}",
        sha256=digest,
        sklearn_version=sklearn.__version__,
        seed=model.seed,
        corpus_sha256=corpus_sha256,
        examples=examples,
        feedback_examples=feedback_examples,
    )
    (directory / MODEL_FILE).write_bytes(payload)
    (directory / MANIFEST_FILE).write_text(json.dumps(manifest.__dict__, indent=2) + "\n")
    return manifest


def load(directory: Path = ARTIFACT_DIR) -> tuple[ConfidenceModel, Manifest]:
    """The model the manifest vouches for; raises ArtifactError on any mismatch."""
    manifest = Manifest.read(directory)
    try:
        payload = (directory / MODEL_FILE).read_bytes()
    except OSError as error:
        raise ArtifactError(f"cannot read the model: {error}") from error
    if hashlib.sha256(payload).hexdigest() != manifest.sha256:
        raise ArtifactError(f"{directory / MODEL_FILE} does not match its manifest's sha256")
    if manifest.sklearn_version != sklearn.__version__:
        raise ArtifactError(
            f"model built with scikit-learn {manifest.sklearn_version}, "
            f"this is {sklearn.__version__}: run `stacklens train`"
        )
    model = pickle.loads(payload)  # noqa: S301 - bytes verified against the manifest above
    return model, manifest
