"""Waiting is not failing: throttling and racing creates wait in the queue; errors use a try."""

import random

import pytest
import requests
from requests import HTTPError

from functions.jira import retry
from functions.jira.tickets import TicketNotReady

pytestmark = pytest.mark.unit


def http_error(status: int, headers: dict | None = None) -> HTTPError:
    response = requests.Response()
    response.status_code = status
    response.headers.update(headers or {})
    return HTTPError(f"HTTP {status}", response=response)


def test_a_429_waits_as_long_as_jira_asks_without_using_a_try():
    assert retry.plan(http_error(429, {"Retry-After": "17"}), 1, 0) == retry.Retry(True, 17)
    assert retry.plan(http_error(429), 4, 0) == retry.Retry(True, retry.DEFAULT_RETRY_AFTER_SECONDS)
    assert retry.plan(http_error(429, {"Retry-After": "86400"}), 1, 0).delay_seconds == 900


def test_a_racing_create_is_waited_for():
    assert retry.plan(TicketNotReady("creating", 2), 1, 0) == retry.Retry(True, 2)
    assert retry.plan(TicketNotReady("dead claim", 48.2), 1, 0) == retry.Retry(True, 49)


def test_a_job_kept_waiting_too_often_fails_like_any_other():
    step = retry.plan(TicketNotReady("creating", 2), 1, retry.MAX_WAITS)
    assert step.requeue is False


@pytest.mark.parametrize(
    "error",
    [http_error(500), http_error(503, {"Retry-After": "1"}), requests.Timeout("slow")],
    ids=["500", "503", "timeout"],
)
def test_errors_use_a_try_with_exponential_backoff_and_full_jitter(error):
    rng = random.Random(7)
    ceilings = {1: 2, 2: 4, 3: 8, 4: 16, 5: 32, 12: 300}
    for receive_count, ceiling in ceilings.items():
        delays = {retry.plan(error, receive_count, 0, rng).delay_seconds for _ in range(200)}
        assert not retry.plan(error, receive_count, 0, rng).requeue
        assert min(delays) >= 1 and max(delays) <= ceiling
        if ceiling >= 8:
            assert len(delays) > min(ceiling, 200) // 3  # spread out, not one fixed wait
