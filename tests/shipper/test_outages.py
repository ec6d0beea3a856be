"""Ingest down: reading goes on into the disk spool, which survives restarts and rotations,
and drops (and counts) its oldest events only when full."""

import os
import time

import pytest

from shipper.status import status_report
from tests.shipper.support import append, wait_until

pytestmark = pytest.mark.integration


def line(n: int, text: str = "INFO sale") -> str:
    return f"2024-05-01 10:{n // 60 % 60:02d}:{n % 60:02d} {text} {n}\n"


def spooled_events(shipper) -> int:
    return shipper.shipper.stats.snapshot().get("events_read", 0)


@pytest.mark.parametrize("outage", ["error", "stall", "drop"])
def test_reading_goes_on_during_an_outage_and_a_rotated_away_file_is_not_lost(
    ingest, config, logs, start_shipper, outage
):
    log = logs / "app.log"
    ingest.outage = outage
    ingest.stall_seconds = 0.2
    shipper = start_shipper(config, request_timeout=0.5)
    append(log, "".join(line(n) for n in range(50)))
    wait_until(lambda: spooled_events(shipper) == 50, message="50 events in the spool")
    assert shipper.shipper.spool.pending_bytes > 0
    assert ingest.stored == {}

    # Rotated and deleted while ingest is down: only the spool still has these lines.
    os.rename(log, logs / "app.log.1")
    append(log, line(50, "INFO new file"))
    wait_until(lambda: spooled_events(shipper) == 51, message="the new file read")
    (logs / "app.log.1").unlink()

    ingest.outage = None
    lines = ingest.wait_for_lines(51, timeout=10)
    assert sorted(lines) == sorted(
        text.rstrip("\n") for text in [*map(line, range(50)), line(50, "INFO new file")]
    )
    wait_until(lambda: shipper.shipper.spool.pending_bytes == 0, message="an empty spool")


def test_the_spool_survives_a_restart_after_the_file_is_gone(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    ingest.outage = "error"
    append(log, "".join(line(n) for n in range(20)))
    shipper = start_shipper(config)
    wait_until(lambda: spooled_events(shipper) == 20, message="20 events in the spool")
    shipper.stop()
    log.unlink()
    assert status_report(config.state_dir)["spool_bytes"] > 0

    ingest.outage = None
    start_shipper(config)
    assert sorted(ingest.wait_for_lines(20)) == sorted(line(n).rstrip("\n") for n in range(20))
    wait_until(lambda: status_report(config.state_dir)["spool_bytes"] == 0, message="spool drained")


def test_a_full_spool_drops_the_oldest_and_counts_them(ingest, config, logs, start_shipper):
    log = logs / "app.log"
    ingest.outage = "error"
    shipper = start_shipper(config, spool_max_bytes=32 * 1024)
    written = 1000
    append(log, "".join(line(n) for n in range(written)))  # about 250 KiB of spooled events
    wait_until(lambda: spooled_events(shipper) == written, message="every line read")
    dropped = shipper.shipper.stats.snapshot()["events_dropped"]
    assert dropped > written // 2

    ingest.outage = None
    ingest.wait_for_lines(written - dropped, timeout=10)
    kept = sorted(int(text.rsplit(" ", 1)[1]) for text in ingest.lines())
    assert kept == list(range(dropped, written))  # the newest are the ones kept
    wait_until(
        lambda: status_report(config.state_dir)["files"][0]["offset"] == log.stat().st_size,
        message="the checkpoint past the dropped and the delivered",
    )
    assert status_report(config.state_dir)["events_dropped"] == dropped


def test_while_ingest_is_slow_but_answering_reading_stays_close_behind_it(
    ingest, config, logs, start_shipper
):
    log = logs / "app.log"
    append(log, "".join(line(n) for n in range(30_000)))  # about 1 MiB
    ingest.stall_seconds = 1.5
    ingest.outage = "stall"  # the first request hangs; no failure yet
    shipper = start_shipper(config, read_ahead_bytes=8 * 1024, request_timeout=5.0)
    wait_until(lambda: spooled_events(shipper) > 0, message="reading")
    time.sleep(0.5)
    assert spooled_events(shipper) < 30_000  # it stopped reading: the log file is the buffer

    ingest.outage = None
    assert len(ingest.wait_for_lines(30_000, timeout=15)) == 30_000


def test_a_file_truncated_while_stopped_is_told_apart_from_what_the_spool_holds(
    ingest, config, logs, start_shipper
):
    log = logs / "app.log"
    ingest.outage = "error"
    append(log, "".join(line(n) for n in range(40)))  # more than the 1 KiB identity window
    shipper = start_shipper(config)
    wait_until(lambda: spooled_events(shipper) == 40, message="40 events in the spool")
    shipper.stop()

    # Rewritten while stopped: the same first kilobyte, but shorter than what was read.
    rewritten = "".join(line(n) for n in range(35)) + line(90, "INFO rewritten")
    log.write_text(rewritten)
    ingest.outage = None
    start_shipper(config)
    ingest.wait_for_lines(40 + 36)
    by_file = {}
    for event in ingest.stored.values():
        by_file.setdefault(event["file_id"], []).append(event["line"])
    assert sorted(map(len, by_file.values())) == [36, 40]
