"""The API description (openapi.yaml at the repo root) as the JSON `GET /api/openapi.json` serves.

Public, like the page: it says what the routes are and how to authenticate, which the page's
script shows anyway, and holds no data and no secret. Tools read it before they have a token.
"""

from functools import lru_cache
from pathlib import Path

import yaml

# The deployed code is the repo (CodeUri: .), so the description travels with the functions.
DESCRIPTION_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"


@lru_cache(maxsize=4)
def _parsed(path: Path, modified_ns: int) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def description(path: Path = DESCRIPTION_PATH) -> dict:
    """The OpenAPI document; read again when the file changes (the local runner's edits)."""
    return _parsed(path, path.stat().st_mtime_ns)
