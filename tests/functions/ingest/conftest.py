"""Each test starts as a fresh ingest container: no occurrence counts from earlier tests."""

import pytest

from functions.ingest import pipeline


@pytest.fixture(autouse=True)
def fresh_occurrence_sampler():
    pipeline._SAMPLER.reset()
    yield
    pipeline._SAMPLER.reset()
