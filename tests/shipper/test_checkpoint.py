import json
import logging

import pytest

from shipper.checkpoint import CheckpointStore, FileRecord

pytestmark = pytest.mark.unit


def a_record(file_id="f1", offset=120, seen_at=1_000.0) -> FileRecord:
    return FileRecord(
        file_id=file_id,
        path="/logs/app.log",
        offset=offset,
        window=40,
        generation=0,
        head=b"2024-05-01 10:00:00 INFO till opened\n\xff",
        dev=2049,
        ino=77,
        seen_at=seen_at,
    )


def test_records_survive_a_save_and_a_load(tmp_path):
    store = CheckpointStore(tmp_path / "checkpoints.json")
    store.records["f1"] = a_record()
    store.save()

    again = CheckpointStore(tmp_path / "checkpoints.json")
    again.load()
    assert again.records == {"f1": a_record()}
    assert [path.name for path in tmp_path.iterdir()] == ["checkpoints.json"]  # no temp left


def test_a_missing_file_is_an_empty_store(tmp_path):
    store = CheckpointStore(tmp_path / "checkpoints.json")
    store.load()
    assert store.records == {}


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b'{"version": 1, "files": {"f1": {"file_id": "f1", "pa',  # torn mid-write
        b"\x00\x00\x00\x00",
        b"[1, 2]",
        b'{"version": 1, "files": {"f1": {"file_id": "f1"}}}',
        b'{"version": 1, "files": {"f1": {"file_id": "f1", "path": "p", "offset": -5, '
        b'"window": 1, "generation": 0, "head": "", "dev": 1, "ino": 1, "seen_at": 0}}}',
        b'{"version": 99, "files": {}}',
    ],
)
def test_a_damaged_file_is_survived_as_empty_with_a_warning(tmp_path, caplog, content):
    path = tmp_path / "checkpoints.json"
    path.write_bytes(content)
    store = CheckpointStore(path)
    with caplog.at_level(logging.WARNING, logger="shipper.checkpoint"):
        store.load()
    assert store.records == {}
    assert "damaged" in caplog.text

    store.records["f1"] = a_record()
    store.save()  # and it is replaced by a good one
    assert json.loads(path.read_bytes())["files"]["f1"]["offset"] == 120


def test_records_of_files_gone_for_a_week_are_forgotten(tmp_path):
    store = CheckpointStore(tmp_path / "checkpoints.json")
    week = 7 * 24 * 3600
    store.records = {
        "old": a_record("old", seen_at=0.0),
        "old-but-open": a_record("old-but-open", seen_at=0.0),
        "recent": a_record("recent", seen_at=week),
    }
    assert store.forget_stale(keep={"old-but-open"}, now=week + 10)
    assert set(store.records) == {"old-but-open", "recent"}
