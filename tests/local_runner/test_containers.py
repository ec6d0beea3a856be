"""The HTTP functions' environments: processes beside the runner, each running one invocation
at a time. Invocations run at once in different environments, a request finds them all busy
after its wait, a function's failure comes back as such, a dead environment is replaced, a
DynamoDB write in one wakes the runner, and they end with the runner, however it ends."""

import os
import signal
import subprocess
import sys
import threading
import time

import boto3
import pytest

from local_runner.aws_process import AwsProcess
from local_runner.containers import Busy, ContainerPool, InvocationFailed
from local_runner.template import FunctionSpec

pytestmark = pytest.mark.integration

HANDLER = "tests.local_runner.test_containers.handler"
SPEC = FunctionSpec("Probe", HANDLER, {}, 30)


def handler(event, context):
    """What the tests ask of a function, run in an environment."""
    action = event.get("action")
    if action == "fail":
        raise ValueError("refused on purpose")
    if action == "die":
        os._exit(3)
    if action == "write":
        dynamodb = boto3.client("dynamodb", region_name="us-east-1")
        dynamodb.put_item(TableName=event["table"], Item={"pk": {"S": "written"}})
    time.sleep(event.get("seconds", 0))
    return {"pid": os.getpid(), "function": context.function_name}


@pytest.fixture
def pool():
    woken = []
    pool = ContainerPool([HANDLER], size=2, on_write=lambda: woken.append(True))
    pool.wait_ready()
    pool.woken = woken
    yield pool
    pool.stop()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie has ended
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


def test_invocations_run_at_once_in_environments_of_their_own(pool):
    results = []

    def call():
        results.append(pool.invoke(SPEC, {"seconds": 0.5}, wait_seconds=5))

    started = time.monotonic()
    threads = [threading.Thread(target=call) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert time.monotonic() - started < 0.95  # side by side, not one after the other
    assert len({result["pid"] for result in results}) == 2
    assert {result["pid"] for result in results}.isdisjoint({os.getpid()})
    assert {result["function"] for result in results} == {"Probe"}


def test_a_request_finds_every_environment_busy_after_its_wait(pool):
    threads = [
        threading.Thread(target=pool.invoke, args=(SPEC, {"seconds": 1.0}, 5)) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.2)
    with pytest.raises(Busy):
        pool.invoke(SPEC, {}, wait_seconds=0.2)
    for thread in threads:
        thread.join()
    assert pool.invoke(SPEC, {}, wait_seconds=0.2)["function"] == "Probe"  # free again


def test_a_failure_comes_back_and_a_dead_environment_is_replaced(pool):
    with pytest.raises(InvocationFailed, match="ValueError: refused on purpose"):
        pool.invoke(SPEC, {"action": "fail"}, wait_seconds=5)
    with pytest.raises(InvocationFailed, match="ended"):
        pool.invoke(SPEC, {"action": "die"}, wait_seconds=5)
    pids = {pool.invoke(SPEC, {"seconds": 0.3}, wait_seconds=5)["pid"] for _ in range(4)}
    assert all(_alive(pid) for pid in pids)


def test_a_dynamodb_write_in_an_environment_wakes_the_runner(monkeypatch):
    aws = AwsProcess("127.0.0.1", 0)
    for name, value in {
        "AWS_ENDPOINT_URL": aws.url,
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
    }.items():
        monkeypatch.setenv(name, value)
    table = "containers-test"
    boto3.client("dynamodb", region_name="us-east-1").create_table(
        TableName=table,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    events = []
    pool = ContainerPool([HANDLER], size=1, on_write=lambda: events.append("woken"))
    try:
        pool.wait_ready()
        pool.invoke(SPEC, {}, wait_seconds=5)
        assert events == ["woken"]  # after every invocation
        events.clear()
        pool.invoke(SPEC, {"action": "write", "table": table}, wait_seconds=5)
        assert events == ["woken", "woken"]  # the write, then the invocation's end
        item = boto3.client("dynamodb", region_name="us-east-1").get_item(
            TableName=table, Key={"pk": {"S": "written"}}
        )
        assert item["Item"] == {"pk": {"S": "written"}}
    finally:
        pool.stop()
        aws.stop()


def test_environments_end_when_the_runner_is_killed():
    runner = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-c",
            "import time\n"
            "from local_runner.containers import ContainerPool\n"
            f"pool = ContainerPool([{HANDLER!r}], size=2, on_write=lambda: None)\n"
            "pool.wait_ready()\n"
            "print(*[e.process.pid for e in pool._all], flush=True)\n"
            "time.sleep(600)\n",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        pids = [int(pid) for pid in runner.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(pid) for pid in pids)
        runner.send_signal(signal.SIGKILL)
        runner.wait()
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(pid) for pid in pids), "an environment outlived the runner"
    finally:
        runner.kill()
