"""A deployment's confidence thresholds (template.yaml's Threshold* parameters) become the
defaults every function reads."""

import json
import os
import subprocess
import sys

import pytest

from functions.common.settings import DEFAULT_THRESHOLDS, SEVERITIES

pytestmark = pytest.mark.unit


def thresholds_with(environment: dict[str, str]) -> dict[str, float]:
    """DEFAULT_THRESHOLDS as a fresh process with this environment reads them at import."""
    code = (
        "import json; from functions.common import settings; "
        "print(json.dumps(settings.DEFAULT_THRESHOLDS))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("CONFIDENCE_THRESHOLD_")}
    answer = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **environment},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(answer.stdout)


def test_built_in_thresholds_without_the_variables():
    assert thresholds_with({}) == {"CRITICAL": 0.0, "HIGH": 0.5, "MEDIUM": 0.75, "LOW": 0.9}
    assert set(DEFAULT_THRESHOLDS) == set(SEVERITIES)


def test_each_severity_takes_its_variable():
    chosen = thresholds_with({"CONFIDENCE_THRESHOLD_HIGH": "0.6", "CONFIDENCE_THRESHOLD_LOW": "1"})
    assert chosen == {"CRITICAL": 0.0, "HIGH": 0.6, "MEDIUM": 0.75, "LOW": 1.0}
