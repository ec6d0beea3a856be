"""The ML confidence the decide function uses: the shipped artifact, and what it says of lines
it never saw."""

import pytest

from functions.decide import artifact, confidence

pytestmark = pytest.mark.unit


def test_a_pricing_error_scores_higher_than_a_recovered_retry():
    pricing = confidence.score("ERROR", "Missing price for product 999 (store 0042, lane 3)")
    retry = confidence.score("ERROR", "Retry 1/3 succeeded")
    assert pricing > 0.5 > retry


@pytest.mark.parametrize(
    "level, message",
    [
        ("ERROR", "Receipt printer on lane 8 is not responding"),
        ("CRITICAL", "No space left on device while writing /var/lib/pos/journal.db"),
        ("ERROR", "Payment terminal V240 disconnected during authorization"),
        ("", "Receipt printer on lane 8 is not responding"),
    ],
)
def test_unseen_real_errors_are_actionable(level, message):
    assert confidence.score(level, message) > 0.5


@pytest.mark.parametrize(
    "level, message",
    [
        ("ERROR", "Card declined by issuer: insufficient funds, customer paid cash"),
        ("WARN", "Connection to loyalty host reset, reconnected on retry 1"),
        ("DEBUG", "basket 4411 total recalculated after discount"),
        ("", "basket 4411 total recalculated after discount"),
    ],
)
def test_unseen_noise_is_not_actionable(level, message):
    assert confidence.score(level, message) < 0.5


def test_the_level_is_an_input_not_the_answer():
    message = "Disk usage of /var at 96%"
    assert confidence.score("CRITICAL", message) > confidence.score("DEBUG", message)
    # An error logged at INFO is still an error; a harmless line logged at ERROR is still noise.
    assert confidence.predict("INFO", "Failed to print receipt 123: printer offline").severity == [
        "HIGH"
    ]
    assert confidence.predict("ERROR", "Retry 2/3 posting sale 5 succeeded").severity == ["INFO"]


def test_severity_class_without_a_level():
    assert confidence.predict("", "kernel: Out of memory: Killed process 77 (posd)").severity[
        0
    ] in ("CRITICAL", "HIGH")
    assert confidence.predict(None, "Cashier bob logged in on lane 3").severity == ["INFO"]


def test_scores_are_probabilities_and_repeatable():
    first = confidence.score("ERROR", "Tax calculation failed for basket 1")
    assert 0.0 <= first <= 1.0
    confidence.trained_model.cache_clear()
    confidence.score.cache_clear()  # scored again by the reloaded model, not remembered
    assert confidence.score("ERROR", "Tax calculation failed for basket 1") == first


def test_model_version_is_the_manifest_s():
    manifest = artifact.Manifest.read()
    assert confidence.MODEL_VERSION == manifest.version
    assert manifest.version.endswith(manifest.sha256[:12])
