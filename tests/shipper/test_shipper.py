"""The whole shipper, in a thread, on real files, against a real HTTP ingest."""

import json
import os
import time
from dataclasses import replace

import pytest

from shipper.checkpoint import CheckpointStore
from tests.shipper.support import append, open_paths, wait_until

pytestmark = pytest.mark.integration

TRACEBACK = (
    "2024-05-01 10:00:00,123 ERROR pos.payment Card charge failed\n"
    "Traceback (most recent call last):\n"
    '  File "/app/pos/payment.py", line 42, in charge\n'
    "    raise GatewayTimeout(terminal)\n"
    "pos.errors.GatewayTimeout: terminal T-17\n"
)


def line(n: int, text: str = "INFO sale") -> str:
    return f"2024-05-01 10:00:{n:02d} {text} {n}\n"


def committed_offset(config, path) -> int | None:
    store = CheckpointStore(config.state_dir / "checkpoints.json")
    store.load()
    offsets = [record.offset for record in store.records.values() if record.path == str(path)]
    return offsets[0] if offsets else None


def test_lines_arrive_once_in_order_with_their_offsets(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    append(log, line(1) + line(2))
    start_shipper(config)
    append(log, line(3))

    assert ingest.wait_for_lines(3) == [line(n).rstrip("\n") for n in (1, 2, 3)]
    events = list(ingest.stored.values())
    assert [event["offset"] for event in events] == [0, len(line(1)), 2 * len(line(1))]
    assert {event["source"] for event in events} == {str(log)}
    assert len({event["file_id"] for event in events}) == 1
    assert all(event["observed_at"].endswith("Z") for event in events)
    time.sleep(0.2)
    assert len(ingest.deliveries) == 3  # nothing sent twice


def test_a_line_is_on_the_wire_at_once_not_at_the_next_rescan(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    append(log, line(1))
    start_shipper(config, rescan_interval=30.0)  # only watchdog can wake it in time
    ingest.wait_for_lines(1)

    written = time.monotonic()
    append(log, line(2, "ERROR payment declined"))
    ingest.wait_for_lines(2, timeout=3)
    arrived = ingest.requests[-1]["at"]
    assert arrived - written < 0.5, f"took {arrived - written:.3f} s"


def test_a_partial_line_waits_for_its_newline(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    append(log, line(1) + "2024-05-01 10:00:02 INFO half a li")
    start_shipper(config)
    ingest.wait_for_lines(1)
    time.sleep(0.3)
    assert ingest.lines() == [line(1).rstrip("\n")]

    append(log, "ne\n")
    assert ingest.wait_for_lines(2)[1] == "2024-05-01 10:00:02 INFO half a line"


def test_a_traceback_arrives_as_one_event_with_its_first_line(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    start_shipper(config)
    append(log, line(1))
    ingest.wait_for_lines(1)
    append(log, TRACEBACK)

    assert ingest.wait_for_lines(2)[1] == TRACEBACK.rstrip("\n")
    assert list(ingest.stored.values())[1]["offset"] == len(line(1))


def test_offsets_are_checkpointed_only_after_ingest_takes_them(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    append(log, line(1) + line(2))
    ingest.answer_next(500, times=10_000)
    shipper = start_shipper(config)
    ingest.wait_for(lambda: len(ingest.requests) >= 3)
    time.sleep(0.1)
    assert committed_offset(config, log) == 0
    assert ingest.stored == {}

    shipper.stop()  # a restart while ingest is still failing loses nothing
    ingest.recover()
    start_shipper(config)
    assert ingest.wait_for_lines(2) == [line(1).rstrip("\n"), line(2).rstrip("\n")]
    wait_until(lambda: committed_offset(config, log) == log.stat().st_size, message="checkpoint")


def test_a_refused_batch_is_dead_lettered_and_the_file_goes_on(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    ingest.reject_lines_containing = "MALFORMED"
    start_shipper(config)
    append(log, line(1, "MALFORMED"))
    wait_until(lambda: (config.state_dir / "dead-letter.jsonl").exists(), message="dead letter")
    append(log, line(2))
    assert ingest.wait_for_lines(1) == [line(2).rstrip("\n")]
    dead = json.loads((config.state_dir / "dead-letter.jsonl").read_text())
    assert dead["batch"]["events"][0]["line"] == line(1, "MALFORMED").rstrip("\n")
    wait_until(lambda: committed_offset(config, log) == log.stat().st_size, message="checkpoint")


def test_a_batch_too_large_is_split_and_nothing_is_lost(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    append(log, "".join(line(n % 60) for n in range(40)))
    ingest.max_events_per_batch = 7
    start_shipper(config)
    ingest.wait_for_lines(40)
    assert any(request["status"] == 413 for request in ingest.requests)
    assert len(ingest.deliveries) == 40


def test_a_renamed_file_is_read_on_and_never_sent_again(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    writer = open(log, "a", encoding="utf-8")  # the POS app keeps its handle across rotation
    writer.write(line(1) + line(2))
    writer.flush()
    start_shipper(config)
    ingest.wait_for_lines(2)

    os.rename(log, logs / "app.log.1")
    writer.write(line(3, "INFO late write to the rotated file"))
    writer.close()
    append(log, line(4, "INFO first line of the new file"))

    ingest.wait_for_lines(4)
    time.sleep(0.3)
    assert len(ingest.deliveries) == 4
    by_line = {event["line"]: event for event in ingest.stored.values()}
    rotated = by_line[line(3, "INFO late write to the rotated file").rstrip("\n")]
    first = by_line[line(1).rstrip("\n")]
    assert rotated["file_id"] == first["file_id"]
    assert rotated["source"] == str(logs / "app.log.1")
    assert (
        by_line[line(4, "INFO first line of the new file").rstrip("\n")]["file_id"]
        != first["file_id"]
    )


def test_a_truncated_file_is_read_again_from_the_start(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    append(log, line(1) + line(2) + line(3))
    start_shipper(config)
    ingest.wait_for_lines(3)

    log.write_text(line(1))  # truncated, and the same first line written again
    lines = ingest.wait_for_lines(4)
    assert lines[3] == line(1).rstrip("\n")
    events = list(ingest.stored.values())
    assert events[3]["offset"] == 0
    assert events[3]["file_id"] != events[0]["file_id"]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc")
def test_a_deleted_file_is_not_held_open(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    append(log, line(1))
    start_shipper(config)
    ingest.wait_for_lines(1)

    def open_logs():
        return [name for name in open_paths() if name.startswith(str(log))]

    assert open_logs() == [str(log)]
    log.unlink()
    wait_until(lambda: open_logs() == [], timeout=3, message="the deleted file closed")


def test_a_paused_shipper_ships_nothing_until_resumed(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    ingest.desired_state = "paused"
    append(log, line(1))
    start_shipper(config)
    ingest.wait_for(lambda: len(ingest.heartbeats) >= 2)
    append(log, line(2))
    time.sleep(0.4)
    assert [request for request in ingest.requests if request["path"] == "/ingest"] == []

    ingest.desired_state = "running"
    assert ingest.wait_for_lines(2) == [line(1).rstrip("\n"), line(2).rstrip("\n")]
    heartbeat = ingest.heartbeats[-1]
    assert heartbeat["host"] == ingest.host_id and heartbeat["store"] == ingest.store_id
    assert "stats" in heartbeat


def test_the_heartbeat_reports_each_files_offset(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    append(log, line(1))
    start_shipper(config)
    ingest.wait_for_lines(1)
    size = log.stat().st_size

    def reported():
        files = ingest.heartbeats[-1]["files"] if ingest.heartbeats else []
        return [item for item in files if item["offset"] == size]

    (item,) = ingest.wait_for(reported)
    assert item["path"] == str(log) and item["size"] == size
    assert item["file_id"] == next(iter(ingest.stored.values()))["file_id"]


def test_files_found_after_start_are_reported_at_once(ingest, config, logs, start_shipper):
    """The first heartbeat goes before any file is open; the one after the files are found
    comes at once, not at the end of the interval (30 s by default), and only once."""
    log = logs / "app.log"
    append(log, line(1))
    start_shipper(replace(config, heartbeat_interval=60.0))
    ingest.wait_for(lambda: len(ingest.heartbeats) >= 2, timeout=5)
    first, found = ingest.heartbeats[:2]
    assert first["files"] == []
    assert [item["path"] for item in found["files"]] == [str(log)]
    time.sleep(1.5)  # past the least time between two early beats
    assert len(ingest.heartbeats) == 2


def test_a_torn_checkpoint_file_is_survived(ingest, config, logs, start_shipper):
    config.state_dir.mkdir()
    (config.state_dir / "checkpoints.json").write_bytes(b'{"version": 1, "files": {"9f3')
    log = logs / "app.log"
    append(log, line(1))
    start_shipper(config)
    assert ingest.wait_for_lines(1) == [line(1).rstrip("\n")]
    wait_until(lambda: committed_offset(config, log) == log.stat().st_size, message="checkpoint")


def test_its_own_state_files_are_never_shipped(ingest, config, logs, start_shipper):
    append(logs / "app.log", line(1))
    start_shipper(config, watch=(str(logs / "**" / "*"),), state_dir=logs / "state")
    ingest.wait_for_lines(1)
    wait_until(lambda: (logs / "state" / "checkpoints.json").exists(), message="checkpoints")
    append(logs / "app.log", line(2))
    ingest.wait_for_lines(2)
    time.sleep(1.2)  # a rescan later
    assert {event["source"] for event in ingest.stored.values()} == {str(logs / "app.log")}


def test_a_directory_created_after_start_is_found_and_watched(
    ingest, config, tmp_path, start_shipper
):
    later = tmp_path / "later"
    # No linger: the second line's delivery time tells it was watched, not found by a rescan.
    start_shipper(config, watch=(str(later / "*.log"),), linger=0)
    later.mkdir()
    append(later / "app.log", line(1))
    ingest.wait_for_lines(1, timeout=5)  # found by the rescan

    written = time.monotonic()
    append(later / "app.log", line(2))
    ingest.wait_for_lines(2)
    assert ingest.requests[-1]["at"] - written < 0.5  # and watched from then on
