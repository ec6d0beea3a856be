"""Lambda execution environments for the HTTP functions: a few processes, each running one
invocation at a time, as Lambda runs concurrent invocations in environments of their own.

Why processes: one Python process runs one thread at a time, and a function's invocations
cannot share one process anyway (Powertools' resolver keeps the current event in a class
attribute). With the invocations of the HTTP API in a pool of processes, `make load` uses
every core, and each environment keeps its own module state, as on AWS (ingest's known groups,
the Jira client).

The runner and an environment (`python -m local_runner.containers`) speak JSON lines, as
Lambda's runtime API speaks JSON: the runner writes an invocation to its standard input; it
answers on a pipe of its own (standard output stays the functions' log, as it is in the
runner), first `{"ready": true}`, then for each invocation any number of `{"wrote": true}`
(a DynamoDB write was answered: the runner wakes the stream pollers, so decide starts on a new
group while ingest still writes the rest of its batch) and one `{"result": ...}` or
`{"error": "..."}`. An environment ends when its standard input closes: the runner holds the
other end, so it ends with the runner, however the runner ends.
"""

import argparse
import gc
import json
import logging
import os
import queue
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable

from local_runner.template import FunctionSpec

log = logging.getLogger("stacklens.containers")

STARTUP_SECONDS = 120
# See stack.GC_YOUNG_THRESHOLD.
GC_YOUNG_THRESHOLD = 20_000


class Busy(Exception):
    """No environment came free in time."""


class InvocationFailed(Exception):
    """The function raised; the message is its exception's."""


class InThisProcess:
    """One environment in the runner's own process (for tests of the gateway): one invocation
    at a time, a handler's exception raised as it is."""

    def __init__(self):
        self._turn = threading.Lock()

    def invoke(self, spec: FunctionSpec, event: dict, wait_seconds: float):
        from local_runner.invoke import invoke

        if not self._turn.acquire(timeout=wait_seconds):
            raise Busy
        try:
            return invoke(spec, event)
        finally:
            self._turn.release()


class EnvironmentEnded(InvocationFailed):
    """The environment's process ended during the invocation (a crash, a kill)."""


class _Environment:
    def __init__(self, handlers: list[str]):
        answers_read, answers_write = os.pipe()
        self.process = subprocess.Popen(  # noqa: S603 - our own module, no shell
            [
                sys.executable,
                "-m",
                "local_runner.containers",
                "--answers-fd",
                str(answers_write),
                "--handlers",
                ",".join(handlers),
            ],
            stdin=subprocess.PIPE,
            pass_fds=(answers_write,),
            text=True,
        )
        os.close(answers_write)
        self.answers = os.fdopen(answers_read, encoding="utf-8")

    def wait_ready(self) -> None:
        if json.loads(self.answers.readline() or "{}").get("ready") is not True:
            raise RuntimeError(f"a function environment did not start ({self.process.wait()})")

    def invoke(self, spec: FunctionSpec, event: dict, on_write: Callable[[], None]):
        request = {"handler": spec.handler, "function": spec.logical_id, "timeout": spec.timeout}
        try:
            self.process.stdin.write(json.dumps({**request, "event": event}) + "\n")
            self.process.stdin.flush()
        except OSError:
            raise EnvironmentEnded(f"the environment of {spec.logical_id} ended") from None
        while True:
            line = self.answers.readline()
            if not line:
                raise EnvironmentEnded(f"the environment of {spec.logical_id} ended")
            answer = json.loads(line)
            if answer.get("wrote"):
                on_write()
            elif "result" in answer:
                return answer["result"]
            else:
                raise InvocationFailed(answer.get("error", "unknown error"))

    def stop(self) -> None:
        try:
            self.process.stdin.close()  # its cue to end
        except OSError:
            pass
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.answers.close()


class ContainerPool:
    """`size` environments for the functions whose handlers are given (loaded at start, as
    Lambda's init phase would; `wait_ready` waits for it); `on_write` runs in the runner for
    every DynamoDB write they make, and after every invocation."""

    def __init__(self, handlers: list[str], size: int, on_write: Callable[[], None]):
        self.handlers = handlers
        self.on_write = on_write
        self._idle: queue.Queue[_Environment] = queue.Queue()
        self._all: list[_Environment] = []
        self._lock = threading.Lock()
        # They start at once, each on its own, while the runner goes on with its own start.
        self._starting = [self._start() for _ in range(size)]

    def wait_ready(self) -> None:
        for environment in self._starting:
            environment.wait_ready()
            self._idle.put(environment)
        self._starting = []

    def _start(self) -> _Environment:
        environment = _Environment(self.handlers)
        with self._lock:
            self._all.append(environment)
        return environment

    def invoke(self, spec: FunctionSpec, event: dict, wait_seconds: float):
        """The function's result, in the first environment free within `wait_seconds` (Busy if
        none is). A function's exception is raised as InvocationFailed."""
        try:
            environment = self._idle.get(timeout=wait_seconds)
        except queue.Empty:
            raise Busy from None
        try:
            result = environment.invoke(spec, event, self.on_write)
        except EnvironmentEnded:  # a new one takes its place
            with self._lock:
                self._all.remove(environment)
            environment.stop()
            environment = self._start()
            environment.wait_ready()
            raise
        finally:
            self._idle.put(environment)
            self.on_write()  # an invocation may have written anything
        return result

    def stop(self) -> None:
        with self._lock:
            environments, self._all = self._all, []
        for environment in environments:
            environment.stop()


def _serve(answers, handlers: list[str]) -> None:
    """One environment: the init phase, then invocations until standard input closes."""
    from functions.common import models
    from functions.common.settings import load
    from local_runner.aws_process import LocalAwsClients
    from local_runner.invoke import invoke, load_handler

    write_lock = threading.Lock()

    def answer(document: dict) -> None:
        with write_lock:
            answers.write(json.dumps(document) + "\n")
            answers.flush()

    def wrote() -> None:
        answer({"wrote": True})

    if os.environ.get("AWS_ENDPOINT_URL"):  # the local moto (the runner sets it)
        LocalAwsClients(os.environ["AWS_ENDPOINT_URL"], on_write=wrote).install()
    models.bind(load())
    for handler in handlers:
        load_handler(FunctionSpec(handler, handler, {}, 30))
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    answer({"ready": True})
    for line in sys.stdin:
        request = json.loads(line)
        spec = FunctionSpec(request["function"], request["handler"], {}, request["timeout"])
        try:
            result = invoke(spec, request["event"])
        except Exception as error:  # the function's failure, as Lambda reports it
            traceback.print_exc()
            answer({"error": f"{type(error).__name__}: {error}"})
        else:
            answer({"result": result})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m local_runner.containers")
    parser.add_argument("--answers-fd", type=int, required=True)
    parser.add_argument("--handlers", default="")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    for chatty in ("botocore", "pynamodb"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    with os.fdopen(args.answers_fd, "w", encoding="utf-8") as answers:
        _serve(answers, [handler for handler in args.handlers.split(",") if handler])
    return 0


if __name__ == "__main__":
    sys.exit(main())
