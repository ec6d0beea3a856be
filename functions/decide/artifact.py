"""The trained model on disk: the learnt numbers as a plain numpy archive (`.npz`, read with
pickles refused) plus a manifest committed beside it that records the archive's sha256. The
hash is checked before the archive is read, so only the file `stacklens train` wrote (and the
manifest vouches for) is ever loaded. Loading needs numpy alone, not scikit-learn."""

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from functions.decide.predictor import Predictor

ARTIFACT_DIR = Path(__file__).with_name("artifact")
MODEL_FILE = "confidence-model.npz"
MANIFEST_FILE = "manifest.json"
# Bumped when the model's inputs or outputs change meaning.
# 6: shape terms for access-line status and state-field values; 7: the actionable head blended
# with the severity head (`actionable_blend`)
MODEL_GENERATION = 7
# A fixed member date, so the same numbers always make the same bytes (and the same version).
_MEMBER_DATE = (1980, 1, 1, 0, 0, 0)


class ArtifactError(Exception):
    """The artifact is missing, altered or unreadable."""


@dataclass(frozen=True)
class Manifest:
    version: str
    sha256: str
    sklearn_version: str  # what trained it; scoring needs numpy only
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


def archive_bytes(parameters: dict[str, np.ndarray]) -> bytes:
    """The parameters as an .npz archive, byte for byte the same for the same numbers."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(parameters):
            member = io.BytesIO()
            np.lib.format.write_array(
                member, np.ascontiguousarray(parameters[name]), allow_pickle=False
            )
            info = zipfile.ZipInfo(f"{name}.npy", date_time=_MEMBER_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, member.getvalue())
    return buffer.getvalue()


def save(
    parameters: dict[str, np.ndarray],
    *,
    seed: int,
    sklearn_version: str,
    corpus_sha256: str,
    examples: int,
    feedback_examples: int = 0,
    directory: Path = ARTIFACT_DIR,
) -> Manifest:
    """Write the parameters and their manifest; the version names the exact bytes written."""
    directory.mkdir(parents=True, exist_ok=True)
    payload = archive_bytes(parameters)
    digest = hashlib.sha256(payload).hexdigest()
    manifest = Manifest(
        version=f"{MODEL_GENERATION}-{digest[:12]}",
        sha256=digest,
        sklearn_version=sklearn_version,
        seed=seed,
        corpus_sha256=corpus_sha256,
        examples=examples,
        feedback_examples=feedback_examples,
    )
    (directory / MODEL_FILE).write_bytes(payload)
    (directory / MANIFEST_FILE).write_text(json.dumps(manifest.__dict__, indent=2) + "\n")
    return manifest


def load(directory: Path = ARTIFACT_DIR) -> tuple[Predictor, Manifest]:
    """The model the manifest vouches for; raises ArtifactError on any mismatch."""
    manifest = Manifest.read(directory)
    try:
        payload = (directory / MODEL_FILE).read_bytes()
    except OSError as error:
        raise ArtifactError(f"cannot read the model: {error}") from error
    if hashlib.sha256(payload).hexdigest() != manifest.sha256:
        raise ArtifactError(f"{directory / MODEL_FILE} does not match its manifest's sha256")
    try:
        with np.load(io.BytesIO(payload), allow_pickle=False) as archive:
            parameters = {name: archive[name] for name in archive.files}
        return Predictor(parameters), manifest
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
        raise ArtifactError(f"{directory / MODEL_FILE} is not a model archive: {error}") from error
