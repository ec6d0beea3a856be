from email.utils import formatdate

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shipper.retry import backoff_delay, next_delay, retry_after_seconds

pytestmark = pytest.mark.unit


def test_retry_after_in_seconds_or_as_a_date():
    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds(formatdate(1_000_060, usegmt=True), now=1_000_000) == 60.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("-4") == 0.0
    assert retry_after_seconds("99999999") == 300.0


def test_the_servers_word_beats_the_backoff():
    assert next_delay(attempt=20, retry_after="2") == 2.0


@given(attempt=st.integers(min_value=0, max_value=200))
def test_backoff_has_full_jitter_up_to_the_cap(attempt):
    delay = backoff_delay(attempt, base=0.05, cap=30.0)
    assert 0.0 <= delay <= min(30.0, 0.05 * 2**attempt)
