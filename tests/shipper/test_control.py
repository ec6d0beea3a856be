"""How an operator runs it: a TOML config, --from-end, --status, idle handles, SIGTERM."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from shipper.config import build_parser, config_from_args
from shipper.shared_open import open_shared
from tests.shipper.support import append, open_paths, shipper_command, wait_until

ROOT = Path(__file__).resolve().parents[2]


def line(n: int, text: str = "INFO sale") -> str:
    return f"2024-05-01 10:00:{n:02d} {text} {n}\n"


def parse(argv: list[str]):
    parser = build_parser()
    return config_from_args(parser.parse_args(argv), parser)


@pytest.mark.unit
def test_a_toml_config_has_the_flags_keys_and_flags_win(tmp_path):
    (tmp_path / "host.key").write_text("k3y\n")
    config_file = tmp_path / "shipper.toml"
    config_file.write_text(
        f"""
watch = ["/var/log/pos/*.log*", "/var/log/pos/other/*.log"]
endpoint = "http://ingest:3000/"
host-id = "pos-9"
store_id = "s-1"
key-file = "{tmp_path / "host.key"}"
state-dir = "{tmp_path / "state"}"
from-end = true
heartbeat-interval = 30
spool-max-bytes = 1048576
linger = 2
"""
    )
    config = parse(["--config", str(config_file), "--host-id", "pos-10"])
    assert config.watch == ("/var/log/pos/*.log*", "/var/log/pos/other/*.log")
    assert config.endpoint == "http://ingest:3000"
    assert (config.host_id, config.store_id, config.key) == ("pos-10", "s-1", "k3y")
    assert config.from_end is True and config.heartbeat_interval == 30.0
    assert config.spool_max_bytes == 1 << 20 and config.rescan_interval == 2.0
    assert config.linger == 2.0
    assert parse(["--config", str(config_file), "--linger", "0"]).linger == 0.0

    with_watch = parse(["--config", str(config_file), "--watch", "/tmp/*.log"])
    assert with_watch.watch == ("/tmp/*.log",)  # a flag replaces the file's list


@pytest.mark.unit
@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('endpoint = "http://x"\nwatchh = ["a"]', "unknown key 'watchh'"),
        ("heartbeat-interval = 'soon'", "heartbeat-interval must be a float"),
        ("endpoint = ", "shipper.toml"),
        ('endpoint = "http://x"', "missing --watch"),
    ],
)
def test_a_bad_config_file_is_a_clear_usage_error(tmp_path, capsys, content, problem):
    config_file = tmp_path / "shipper.toml"
    config_file.write_text(content)
    with pytest.raises(SystemExit) as exit_:
        parse(["--config", str(config_file)])
    assert exit_.value.code == 2
    assert problem in capsys.readouterr().err


@pytest.mark.unit
def test_a_negative_linger_is_a_clear_usage_error(tmp_path, capsys):
    (tmp_path / "host.key").write_text("k3y\n")
    argv = ["--watch", "a", "--endpoint", "http://x", "--host-id", "h", "--store-id", "s"]
    argv += ["--key-file", str(tmp_path / "host.key"), "--state-dir", str(tmp_path)]
    with pytest.raises(SystemExit) as exit_:
        parse([*argv, "--linger", "-1"])
    assert exit_.value.code == 2
    assert "--linger must be 0 or more" in capsys.readouterr().err


@pytest.mark.integration
def test_from_end_ships_only_what_is_written_after_the_first_start(
    ingest, config, logs, start_shipper
):
    log = logs / "app.log"
    append(log, line(1) + line(2))
    shipper = start_shipper(config, from_end=True)
    wait_until(lambda: shipper.shipper.files_report(), message="the file found")
    append(log, line(3))
    assert ingest.wait_for_lines(1) == [line(3).rstrip("\n")]
    shipper.stop()

    append(log, line(4))  # a restart is not a first start: nothing written meanwhile is skipped
    append(logs / "other.log", line(5))
    start_shipper(config, from_end=True)
    assert sorted(ingest.wait_for_lines(3)) == sorted(
        [line(3).rstrip("\n"), line(4).rstrip("\n"), line(5).rstrip("\n")]
    )


@pytest.mark.integration
@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_an_idle_file_is_closed_and_reopened_when_it_changes(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    append(log, line(1))
    start_shipper(config, close_idle_after=0.2, rescan_interval=0.1)
    ingest.wait_for_lines(1)
    wait_until(lambda: str(log) not in open_paths(), message="the idle file closed")

    append(log, line(2))
    assert ingest.wait_for_lines(2)[1] == line(2).rstrip("\n")
    assert len(ingest.deliveries) == 2


@pytest.mark.unit
def test_a_shared_open_lets_the_writer_rename_and_delete_the_file(tmp_path):
    log = tmp_path / "app.log"
    log.write_bytes(b"one\n")
    with open_shared(str(log)) as handle:
        os.rename(log, tmp_path / "app.log.1")
        (tmp_path / "app.log.1").unlink()
        assert handle.read() == b"one\n"


@pytest.fixture
def command(ingest, tmp_path, logs):
    return shipper_command(ingest, tmp_path, str(logs / "*.log"))


@pytest.mark.e2e
def test_sigterm_sends_the_held_event_and_checkpoints_it(ingest, command, logs, tmp_path):
    log = logs / "app.log"
    append(log, line(1) + "Traceback (most recent call last):\n")
    # A long quiet period: only the shutdown can release the held traceback.
    process = subprocess.Popen(
        [*command, "--multiline-quiet", "60"], cwd=ROOT, stderr=subprocess.PIPE, text=True
    )
    try:
        wait_until(lambda: "shipping" in process.stderr.readline(), timeout=10, message="start")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.stderr.close()
    assert ingest.lines() == [line(1) + "Traceback (most recent call last):"]

    status = subprocess.run(
        [sys.executable, "-m", "shipper", "--status", "--state-dir", str(tmp_path / "state")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert status.returncode == 0
    assert f"{log.stat().st_size:>14}" in status.stdout and str(log) in status.stdout
    assert "spool bytes:          0 owed (0 on disk)" in status.stdout
    assert "events dropped:       0" in status.stdout
    assert "last acknowledgement: 20" in status.stdout


@pytest.mark.e2e
def test_status_counts_dead_letters_and_needs_a_state_dir(ingest, command, logs, tmp_path):
    ingest.reject_lines_containing = "MALFORMED"
    # Lines 1 and 2 are complete in the first read (line 3 starts after 2), so they reach the
    # spool together and go in one batch; line 3, released later, joins it or goes next.
    append(logs / "app.log", line(1, "MALFORMED") + line(2) + line(3))
    once = subprocess.run([*command, "--once"], cwd=ROOT, capture_output=True, timeout=20)
    assert once.returncode == 0
    status = subprocess.run(
        [sys.executable, "-m", "shipper", "--status", "--state-dir", str(tmp_path / "state")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    dead_letters = (tmp_path / "state" / "dead-letter.jsonl").read_text().splitlines()
    (refused,) = map(json.loads, dead_letters)
    held = len(refused["batch"]["events"])
    assert refused["status"] == 400 and held >= 2  # the whole batch is set aside
    assert f"events dead-lettered: {held}" in status.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "shipper", "--status"], cwd=ROOT, capture_output=True, text=True
    )
    assert missing.returncode == 2 and "--state-dir" in missing.stderr


@pytest.mark.unit
def test_the_example_config_in_deploy_is_valid(tmp_path):
    (tmp_path / "host.key").write_text("k3y")
    config = parse(
        [
            "--config",
            str(ROOT / "deploy" / "shipper.example.toml"),
            "--key-file",
            str(tmp_path / "host.key"),
        ]
    )
    assert config.watch == ("/var/log/pos/*.log*",) and config.host_id == "pos-0042"


@pytest.mark.unit
def test_the_systemd_unit_runs_the_shipper_and_stops_it_with_sigterm():
    unit = (ROOT / "deploy" / "stacklens-shipper.service").read_text()
    assert "ExecStart=/opt/stacklens/venv/bin/stacklens ship --config" in unit
    assert "KillSignal=SIGTERM" in unit and "Restart=always" in unit
