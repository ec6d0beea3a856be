"""`python -m shipper` as a real process: kill it, restart it, nothing lost, nothing resent."""

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from shipper.checkpoint import CheckpointStore
from tests.shipper.support import append, shipper_command, wait_until

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]


def line(n: int) -> str:
    return f"2024-05-01 10:00:{n:02d} INFO sale {n}\n"


@pytest.fixture
def command(ingest, tmp_path, logs):
    # A trailing slash on the endpoint is fine.
    command = shipper_command(ingest, tmp_path, str(logs / "*.log"), "--heartbeat-interval", "0.2")
    command[command.index("--endpoint") + 1] += "/"
    return command


@pytest.fixture
def processes():
    started: list[subprocess.Popen] = []

    def start(command: list[str]) -> subprocess.Popen:
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=5)


def committed(tmp_path, log) -> int | None:
    store = CheckpointStore(tmp_path / "state" / "checkpoints.json")
    store.load()
    return next((r.offset for r in store.records.values() if r.path == str(log)), None)


def test_killed_and_restarted_it_loses_nothing_and_resends_nothing(
    ingest, command, processes, logs, tmp_path
):
    log = logs / "app.log"
    append(log, line(1) + line(2) + line(3))
    shipper = processes(command)
    ingest.wait_for_lines(3, timeout=10)
    wait_until(lambda: committed(tmp_path, log) == log.stat().st_size, message="the checkpoint")
    shipper.send_signal(signal.SIGKILL)
    shipper.wait(timeout=5)

    append(log, line(4) + line(5))
    processes(command)
    assert ingest.wait_for_lines(5, timeout=10) == [line(n).rstrip("\n") for n in range(1, 6)]
    wait_until(lambda: committed(tmp_path, log) == log.stat().st_size, message="the checkpoint")
    assert len(ingest.deliveries) == 5


def test_killed_while_ingest_fails_it_ships_everything_after_restart(
    ingest, command, processes, logs, tmp_path
):
    log = logs / "app.log"
    append(log, line(1) + line(2))
    ingest.answer_next(503, times=10_000)
    shipper = processes(command)
    ingest.wait_for(lambda: len(ingest.requests) >= 2, timeout=10)
    shipper.send_signal(signal.SIGKILL)
    shipper.wait(timeout=5)
    assert committed(tmp_path, log) in (None, 0)

    ingest.recover()
    processes(command)
    assert ingest.wait_for_lines(2, timeout=10) == [line(1).rstrip("\n"), line(2).rstrip("\n")]


def test_once_ships_what_is_there_and_exits(ingest, command, processes, logs, tmp_path):
    log = logs / "app.log"
    append(log, line(1) + line(2) + "2024-05-01 10:00:03 INFO no newline yet")
    shipper = processes([*command, "--once"])
    assert shipper.wait(timeout=15) == 0
    assert ingest.lines() == [line(1).rstrip("\n"), line(2).rstrip("\n")]
    assert committed(tmp_path, log) == len(line(1) + line(2))


def test_sigterm_stops_it_cleanly(ingest, command, processes, logs):
    append(logs / "app.log", line(1))
    shipper = processes(command)
    ingest.wait_for_lines(1, timeout=10)
    shipper.send_signal(signal.SIGTERM)
    assert shipper.wait(timeout=5) == 0


def test_a_missing_key_file_is_a_clear_usage_error(command, processes, tmp_path):
    broken = [tmp_path / "absent.key" if part.endswith("host.key") else part for part in command]
    process = processes([str(part) for part in broken])
    assert process.wait(timeout=10) == 2
    _out, err = process.communicate()
    assert "--key-file" in err and "absent.key" in err


def test_python_dash_m_shipper_shows_its_usage():
    result = subprocess.run(
        [sys.executable, "-m", "shipper", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0
    for flag in ("--watch", "--endpoint", "--host-id", "--store-id", "--key-file", "--state-dir"):
        assert flag in result.stdout
