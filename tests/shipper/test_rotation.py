"""Rotation by rename and by copytruncate, while running and while the shipper was down."""

import os
import shutil
import time

import pytest

from tests.shipper.support import append

pytestmark = pytest.mark.integration


def line(n: int, text: str = "INFO sale") -> str:
    return f"2024-05-01 10:00:{n:02d} {text} {n}\n"


def texts(*numbers: int) -> list[str]:
    return [line(n).rstrip("\n") for n in numbers]


def copytruncate(log) -> None:
    """What logrotate's copytruncate does: copy the file aside, then empty it in place."""
    shutil.copyfile(log, log.with_name(log.name + ".1"))
    with open(log, "r+b") as handle:
        handle.truncate(0)


def test_after_a_copytruncate_the_unread_part_comes_from_the_copy(
    ingest, config, logs, start_shipper
):
    log = logs / "app.log"
    append(log, line(1) + line(2))
    start_shipper(config)
    ingest.wait_for_lines(2)
    ingest.desired_state = "paused"  # hold reading so lines 3 and 4 are still unread
    answered = len(ingest.heartbeats)
    # Two heartbeats answered "paused": the shipper has taken the state in (the heartbeats
    # before it, while the first lines lingered, answered "running").
    ingest.wait_for(lambda: len(ingest.heartbeats) >= answered + 2)
    append(log, line(3) + line(4))
    copytruncate(log)
    append(log, line(5, "INFO after rotation"))

    ingest.desired_state = "running"
    ingest.wait_for_lines(5)
    time.sleep(0.5)
    assert sorted(ingest.lines()) == sorted(
        texts(1, 2, 3, 4) + [line(5, "INFO after rotation").rstrip("\n")]
    )
    assert len(ingest.deliveries) == 5  # the copy's first two lines were not sent again
    by_line = {event["line"]: event for event in ingest.stored.values()}
    assert by_line[texts(3)[0]]["file_id"] == by_line[texts(1)[0]]["file_id"]
    assert by_line[texts(3)[0]]["source"] == str(logs / "app.log.1")


def test_a_copytruncate_while_the_shipper_was_down_is_recovered_from_the_copy(
    ingest, config, logs, start_shipper
):
    log = logs / "app.log"
    append(log, line(1) + line(2))
    shipper = start_shipper(config)
    ingest.wait_for_lines(2)
    shipper.stop()

    append(log, line(3) + line(4))
    copytruncate(log)
    append(log, line(5, "INFO after rotation") + line(6, "INFO after rotation"))
    start_shipper(config)

    ingest.wait_for_lines(6)
    time.sleep(0.5)
    assert len(ingest.deliveries) == 6
    by_line = {event["line"]: event for event in ingest.stored.values()}
    first_id = by_line[texts(1)[0]]["file_id"]
    assert by_line[texts(4)[0]]["file_id"] == first_id
    assert by_line[line(5, "INFO after rotation").rstrip("\n")]["file_id"] != first_id


def test_a_rename_while_the_shipper_was_down_is_read_on_not_again(
    ingest, config, logs, start_shipper
):
    log = logs / "app.log"
    append(log, line(1) + line(2))
    shipper = start_shipper(config)
    ingest.wait_for_lines(2)
    shipper.stop()

    append(log, line(3))
    os.rename(log, logs / "app.log.1")
    append(log, line(4, "INFO new file"))
    start_shipper(config)

    ingest.wait_for_lines(4)
    time.sleep(0.5)
    assert len(ingest.deliveries) == 4


def test_with_only_the_live_name_watched_a_renamed_file_is_read_to_its_end(
    ingest, config, logs, start_shipper
):
    log = logs / "app.log"
    writer = open(log, "a", encoding="utf-8")
    writer.write(line(1))
    writer.flush()
    start_shipper(config, watch=(str(logs / "*.log"),))
    ingest.wait_for_lines(1)

    os.rename(log, logs / "app.log.1")  # no pattern matches this name
    writer.write(line(2, "INFO late write to the rotated file"))
    writer.close()
    append(log, line(3, "INFO new file"))

    ingest.wait_for_lines(3)
    assert line(2, "INFO late write to the rotated file").rstrip("\n") in ingest.lines()


def test_a_file_shorter_than_the_identity_window_is_told_apart_after_truncation(
    ingest, config, logs, start_shipper
):
    log = logs / "app.log"
    append(log, line(1))  # far below the 1 KiB window
    start_shipper(config)
    ingest.wait_for_lines(1)
    with open(log, "r+b") as handle:
        handle.truncate(0)
    append(log, line(2))
    ingest.wait_for_lines(2)
    ids = {event["file_id"] for event in ingest.stored.values()}
    assert len(ids) == 2
