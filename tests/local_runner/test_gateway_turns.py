"""The gateway runs one invocation at a time, as one Lambda container does, and answers 503
with Retry-After to a request that waited too long for its turn."""

import threading
import time

import pytest

from local_runner import gateway
from local_runner.template import FunctionSpec, Route, Stack

pytestmark = pytest.mark.unit

running = {"now": 0, "most": 0}
guard = threading.Lock()


def slow_handler(event, context):
    """Holds its invocation a while and records how many ran at once."""
    with guard:
        running["now"] += 1
        running["most"] = max(running["most"], running["now"])
    time.sleep(float(event.get("queryStringParameters", {}).get("seconds", "0.05")))
    with guard:
        running["now"] -= 1
    return {"statusCode": 200, "body": event["headers"].get("x-caller", "")}


def _app():
    spec = FunctionSpec("Slow", "tests.local_runner.test_gateway_turns.slow_handler", {}, 30)
    stack = Stack({"Slow": spec}, [Route("GET", "/slow", "Slow")], [], {}, {})
    return gateway.create_gateway(stack)


def _get(app, seconds: float, caller: str, answers: list) -> None:
    answer = app.test_client().get(f"/slow?seconds={seconds}", headers={"X-Caller": caller})
    answers.append((caller, answer.status_code, answer.headers.get("Retry-After"), answer.text))


def test_invocations_run_one_at_a_time_and_each_gets_its_own_request():
    app, answers = _app(), []
    running["most"] = 0
    threads = [threading.Thread(target=_get, args=(app, 0.05, f"c{n}", answers)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert running["most"] == 1
    assert sorted(answers) == [(f"c{n}", 200, None, f"c{n}") for n in range(6)]


def test_a_request_that_waits_too_long_is_answered_503_with_retry_after(monkeypatch):
    monkeypatch.setattr(gateway, "BUSY_AFTER_SECONDS", 0.2)
    app, answers = _app(), []
    first = threading.Thread(target=_get, args=(app, 1.0, "slow", answers))
    first.start()
    time.sleep(0.1)
    _get(app, 0.0, "waiting", answers)
    first.join()
    assert ("slow", 200, None, "slow") in answers
    (waited,) = [answer for answer in answers if answer[0] == "waiting"]
    assert waited[1:3] == (503, "1")
    assert "busy" in waited[3]
