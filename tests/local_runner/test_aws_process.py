"""moto in its own process beside the runner: it answers the runner's clients (DynamoDB
unsigned, DynamoDB Streams signed), each DynamoDB write it answers wakes the stream pollers,
and it ends with the runner, also when the runner is killed."""

import os
import signal
import subprocess
import sys
import time

import boto3
import pytest

from local_runner.aws_process import AwsProcess, LocalAwsClients

pytestmark = pytest.mark.integration

TABLE = "aws-process-test"
CREDENTIALS = {
    "region_name": "us-east-1",
    "aws_access_key_id": "local",
    "aws_secret_access_key": "local",
}


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (ended, not yet reaped by its parent) counts as ended.
    with open(f"/proc/{pid}/stat") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


def _wait_for_end(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)
    return False


def test_the_runners_clients_are_answered_and_writes_wake_the_pollers():
    aws = AwsProcess("127.0.0.1", 0)
    writes = []
    LocalAwsClients(aws.url, on_write=lambda: writes.append(True)).install()
    try:
        dynamodb = boto3.client("dynamodb", endpoint_url=aws.url, **CREDENTIALS)
        streams = boto3.client("dynamodbstreams", endpoint_url=aws.url, **CREDENTIALS)
        signed: dict[str, bool] = {}

        def note(request, **_kwargs):
            target = request.headers.get("X-Amz-Target", b"")
            target = target.decode() if isinstance(target, bytes) else target
            signed[target.split(".")[0]] = "Authorization" in request.headers

        for client in (dynamodb, streams):
            client.meta.events.register_first("before-send", note)

        dynamodb.create_table(
            TableName=TABLE,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"},
        )
        assert writes == []  # creating a table is no write of an item
        dynamodb.put_item(TableName=TABLE, Item={"pk": {"S": "a"}})
        assert writes == [True]
        assert dynamodb.get_item(TableName=TABLE, Key={"pk": {"S": "a"}})["Item"] == {
            "pk": {"S": "a"}
        }
        assert writes == [True]  # a read wakes nobody
        assert streams.list_streams(TableName=TABLE)["Streams"]
        # moto tells DynamoDB Streams from DynamoDB by the signature's scope: it stays signed.
        assert signed == {"DynamoDB_20120810": False, "DynamoDBStreams_20120810": True}
    finally:
        aws.stop()
    assert aws.process.returncode is not None


def test_moto_ends_when_the_runner_is_killed():
    # A runner that starts moto, says moto's pid, and waits; then it is killed outright.
    runner = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-c",
            "import time\n"
            "from local_runner.aws_process import AwsProcess\n"
            "aws = AwsProcess('127.0.0.1', 0)\n"
            "print(aws.process.pid, flush=True)\n"
            "time.sleep(600)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        moto_pid = int(runner.stdout.readline())
        assert _alive(moto_pid)
        runner.send_signal(signal.SIGKILL)
        runner.wait()
        assert _wait_for_end(moto_pid), "moto outlived the runner"
    finally:
        runner.kill()
