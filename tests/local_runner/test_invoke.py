"""local_runner.invoke: the functions share one process here, not their log keys."""

import io
import json
import logging
import threading
from dataclasses import replace

import pytest
from aws_lambda_powertools import Logger

from local_runner.invoke import invoke, keep_invocation_log_keys_apart
from local_runner.template import FunctionSpec, read_stack

pytestmark = pytest.mark.unit

LINES = io.StringIO()
LOGGER = Logger(service="invoke-test", logger_handler=logging.StreamHandler(LINES))


@LOGGER.inject_lambda_context
def named_handler(event, context):
    LOGGER.info("inside")
    return "done"


SPEC = FunctionSpec("NamedFunction", "tests.local_runner.test_invoke.named_handler", {}, 30)


def _logged() -> dict[str, dict]:
    return {line["message"]: line for line in map(json.loads, LINES.getvalue().splitlines())}


@pytest.fixture
def runner_logging(monkeypatch):
    """The runner's setting, undone after the test (it changes Powertools' Logger class)."""
    monkeypatch.setattr(Logger, "append_keys", Logger.append_keys)
    LINES.seek(0)
    LINES.truncate()
    keep_invocation_log_keys_apart()


def test_a_functions_name_stays_on_its_own_lines(runner_logging):
    poller = threading.Thread(target=invoke, args=(SPEC, {}))  # as a trigger's poller calls it
    poller.start()
    poller.join()
    LOGGER.info("outside")  # another function, without inject_lambda_context (as ingest)
    assert invoke(SPEC, {}) == "done"
    LOGGER.info("after")  # the same thread, once the invocation returned
    logged = _logged()
    assert logged["inside"]["function_name"] == "NamedFunction"
    assert "function_request_id" in logged["inside"]
    assert "function_name" not in logged["outside"]
    assert "function_name" not in logged["after"]
    assert logged["outside"]["service"] == "invoke-test"  # the Logger's own keys stay


def memory_handler(event, context):
    return context.memory_limit_in_mb


def test_a_function_is_invoked_with_the_memory_the_template_gives_it():
    functions = read_stack().functions
    assert functions["IngestFunction"].memory_mb == 512  # the template's Globals
    assert functions["DecideFunction"].memory_mb == 1024  # its own MemorySize
    decide = replace(functions["DecideFunction"], handler=f"{__name__}.memory_handler")
    assert invoke(decide, {}) == 1024  # what Powertools logs as function_memory_size
