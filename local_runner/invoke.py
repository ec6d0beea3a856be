"""Invokes a function of the template in this process, as Lambda would: handler by its
import path, a context object, the environment already set by the runner."""

import contextvars
import importlib
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from local_runner.template import FunctionSpec


@dataclass
class LambdaContext:
    """The parts of Lambda's context object that handlers and Powertools read."""

    function_name: str
    timeout_seconds: int
    memory_limit_in_mb: int = 512
    aws_request_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    invoked_function_arn: str = ""
    function_version: str = "$LATEST"
    log_group_name: str = ""
    log_stream_name: str = ""
    started: float = field(default_factory=time.monotonic)

    def get_remaining_time_in_millis(self) -> int:
        elapsed = time.monotonic() - self.started
        return max(0, int((self.timeout_seconds - elapsed) * 1000))


# Set after every invocation and every DynamoDB write (triggers.WakeOnTableWrite): a table whose
# stream a poller plays may have changed. A wake-up hint, like watchdog's for the shipper; the
# pollers still poll on their own.
invoked = threading.Event()


def load_handler(spec: FunctionSpec) -> Callable[[dict, Any], Any]:
    module_name, _, function_name = spec.handler.rpartition(".")
    return getattr(importlib.import_module(module_name), function_name)


def keep_invocation_log_keys_apart() -> None:
    """On Lambda each function has a process of its own; here they share one, and with it
    Powertools' logger, whose keys are the process's. A key one invocation appends (the
    function's name and request id, by `inject_lambda_context`) would then be on every other
    function's lines, ingest's among them. The runner keeps such keys in the invocation's own
    context (Powertools' thread-local keys) instead; the keys a Logger starts with stay shared."""
    from aws_lambda_powertools import Logger

    Logger.append_keys = Logger.thread_safe_append_keys


def invoke(spec: FunctionSpec, event: dict) -> Any:
    context = LambdaContext(
        function_name=spec.logical_id,
        timeout_seconds=spec.timeout,
        memory_limit_in_mb=spec.memory_mb,
        invoked_function_arn=(f"arn:aws:lambda:us-east-1:123456789012:function:{spec.logical_id}"),
    )
    try:
        # A context of its own: what the invocation sets in it ends with the invocation.
        return contextvars.copy_context().run(load_handler(spec), event, context)
    finally:
        invoked.set()
