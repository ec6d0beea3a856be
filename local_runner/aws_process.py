"""moto in a process of its own beside the runner, and the runner's clients of it.

One Python process runs one thread at a time. With moto inside the runner, moto's work (about
half of the runner's under load) and the functions' shared one core; in a process of its own,
moto answers on the other core while the functions go on.

The clients' hooks (every botocore client of the runner's process calls them):
- DynamoDB requests to this moto go unsigned: moto checks no signature, and signing was a
  twelfth of the runner's time under load. moto's app tells DynamoDB requests by their target
  header (aws_server.DynamoDBWithoutFlask); DynamoDB Streams and the other services stay
  signed, as moto tells them apart by the signature's scope.
- each answered DynamoDB write wakes the stream pollers, so decide starts on a new group while
  ingest still writes the rest of its batch, instead of at the pollers' next look.
"""

import subprocess
import sys
from collections.abc import Callable
from urllib.parse import urlsplit

import boto3
from botocore import UNSIGNED
from botocore.handlers import BUILTIN_HANDLERS

STARTUP_SECONDS = 60
DYNAMODB_WRITES = frozenset(
    ("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems")
)


class AwsProcess:
    """`python -m local_runner.aws_server` as a child of this process."""

    def __init__(self, host: str, port: int):
        self.process = subprocess.Popen(  # noqa: S603 - our own module, no shell
            [sys.executable, "-m", "local_runner.aws_server", "--host", host, "--port", str(port)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        # Its first line is its URL, once it listens.
        self.url = (self.process.stdout.readline() or "").strip()
        if not self.url:
            self.process.kill()
            raise RuntimeError(f"moto did not start (exit code {self.process.wait()})")

    def stop(self) -> None:
        self.process.stdin.close()  # its cue to end
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class LocalAwsClients:
    """The botocore hooks for the clients of one local moto (see the module's docstring)."""

    def __init__(self, url: str, on_write: Callable[[], None]):
        parts = urlsplit(url)
        self.netloc = parts.netloc
        self.on_write = on_write

    def install(self) -> None:
        hooks = (
            ("before-call.dynamodb", self.mark_local),
            ("choose-signer.dynamodb", self.unsigned_if_local),
            ("after-call.dynamodb", self.wake_on_write),
        )
        # Every botocore session created from now on (pynamodb's, boto3's) calls the hooks,
        # and so does boto3's default session if it exists already.
        BUILTIN_HANDLERS.extend(hooks)
        if boto3.DEFAULT_SESSION is not None:
            for event, hook in hooks:
                boto3.DEFAULT_SESSION.events.register(event, hook)

    def mark_local(self, params: dict, context: dict, **_kwargs) -> None:
        """before-call: note in the request's context that it goes to the local moto."""
        if urlsplit(params.get("url", "")).netloc == self.netloc:
            context["stacklens_local_moto"] = True

    def unsigned_if_local(self, context: dict, **_kwargs):
        return UNSIGNED if context.get("stacklens_local_moto") else None

    def wake_on_write(self, model, context: dict, **_kwargs) -> None:
        if context.get("stacklens_local_moto") and model.name in DYNAMODB_WRITES:
            self.on_write()
