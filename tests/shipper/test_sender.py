"""The sender against a real HTTP ingest: batching, gzip, signing, retries, splitting,
dead letters."""

import json
import threading
import time

import pytest

from shipper.event import ShippedEvent, rfc3339_now
from shipper.sender import Sender, SenderSettings
from shipper.spool import Spool, SpooledEvent
from tests.shipper.support import wait_until

pytestmark = pytest.mark.integration


def events(count: int, text: str = "2024-05-01 10:00:00 INFO sale {n}", file_id="f" * 32):
    now = time.monotonic()
    shipped = [
        ShippedEvent("/logs/app.log", file_id, n * 100, text.format(n=n), rfc3339_now())
        for n in range(count)
    ]
    return [
        SpooledEvent(file_id, event.offset + 100, now, json.dumps(event.to_wire()).encode())
        for event in shipped
    ]


@pytest.fixture
def delivered():
    done: list[tuple[str, int]] = []
    lock = threading.Lock()

    def on_done(acknowledged):
        with lock:  # one entry per acknowledged event, so tests can count them
            for file_id, end, count in acknowledged:
                done.extend([(file_id, end)] * count)

    return done, on_done


@pytest.fixture
def start_sender(ingest, tmp_path, delivered):
    senders = []

    def start(**overrides) -> Sender:
        defaults = {
            "endpoint": ingest.url,
            "host_id": ingest.host_id,
            "store_id": ingest.store_id,
            "key": ingest.key,
            "dead_letter_path": tmp_path / "dead-letter.jsonl",
            "backoff_base": 0.01,
            "backoff_cap": 0.1,
        }
        settings = SenderSettings(**{**defaults, **overrides})
        spool = Spool(tmp_path / f"spool-{len(senders)}", on_done=delivered[1])
        spool.open({})
        sender = Sender(settings, spool)
        sender.start()
        senders.append(sender)
        return sender

    yield start
    for sender in senders:
        sender.stop()
        sender.spool.close()


def test_batches_hold_at_most_500_events_and_big_ones_are_gzipped(ingest, start_sender, delivered):
    start_sender().spool.append(events(1200))
    wait_until(lambda: len(delivered[0]) == 1200, message="1200 acknowledged events")
    batches = [request for request in ingest.requests if request["path"] == "/ingest"]
    assert sum(len(batch["events"]) for batch in batches) == 1200
    assert max(len(batch["events"]) for batch in batches) == 500
    assert all(batch["gzip"] for batch in batches)
    assert len(ingest.stored) == 1200


def test_a_small_batch_goes_plain(ingest, start_sender, delivered):
    sender = start_sender()
    (event,) = events(1)
    sender.spool.append([event])
    wait_until(lambda: delivered[0], message="one acknowledged event")
    (request,) = ingest.requests
    assert request["gzip"] is False


def test_ordinary_lines_wait_for_the_linger_and_leave_together(ingest, start_sender, delivered):
    sender = start_sender(linger=0.6)
    first, *rest = events(4)
    sender.spool.append([first])
    time.sleep(0.2)
    sender.spool.append(rest)
    wait_until(lambda: len(delivered[0]) == 4, message="4 acknowledged events")
    (request,) = ingest.requests
    assert len(request["events"]) == 4
    assert request["at"] - first.read_at >= 0.6


def test_an_error_leaves_at_once_with_the_lines_before_it(ingest, start_sender, delivered):
    sender = start_sender(linger=30)
    ordinary = events(2)
    sender.spool.append(ordinary)
    time.sleep(0.1)
    (error,) = events(1, text="2024-05-01 10:00:01 ERROR Payment gateway timeout {n}")
    sender.spool.append([error])
    wait_until(lambda: len(delivered[0]) == 3, message="3 acknowledged events", timeout=5)
    (request,) = ingest.requests
    assert len(request["events"]) == 3
    assert request["at"] - error.read_at < 2  # not the 30 s linger


def test_a_lone_event_leaves_at_once_and_what_comes_meanwhile_goes_next(
    ingest, start_sender, delivered
):
    """Nagle's rule without a linger: nothing in flight, the batch leaves; events spooled while
    a batch is in flight wait for it and leave together."""
    ingest.answer_next(503, headers={"Retry-After": "0.3"})  # keeps the first batch in flight
    sender = start_sender(linger=0)
    first, *rest = events(6)
    sender.spool.append([first])
    wait_until(lambda: ingest.requests, message="the first attempt")
    for event in rest:
        sender.spool.append([event])
    wait_until(lambda: len(delivered[0]) == 6, message="6 acknowledged events")
    assert [len(request["events"]) for request in ingest.requests] == [1, 1, 5]
    assert [request["status"] for request in ingest.requests] == [503, 202, 202]


def test_a_batch_is_cut_before_it_passes_the_byte_limit(ingest, start_sender, delivered):
    start_sender(max_bytes=4096).spool.append(events(20, text="x" * 400 + " {n}"))
    wait_until(lambda: len(delivered[0]) == 20, message="20 acknowledged events")
    assert all(len(request["events"]) <= 9 for request in ingest.requests)


def test_server_errors_are_retried_until_ingest_takes_the_batch(ingest, start_sender, delivered):
    ingest.answer_next(500, times=3)
    ingest.answer_next(503, times=1)
    start_sender().spool.append(events(5))
    wait_until(lambda: len(delivered[0]) == 5, message="5 acknowledged events")
    assert [request["status"] for request in ingest.requests] == [500, 500, 500, 503, 202]
    assert len(ingest.deliveries) == 5


def test_retry_after_is_honoured(ingest, start_sender, delivered):
    ingest.answer_next(429, headers={"Retry-After": "1"})
    start_sender().spool.append(events(2))
    wait_until(lambda: len(delivered[0]) == 2, timeout=5, message="2 acknowledged events")
    refused, taken = ingest.requests
    assert refused["status"] == 429 and taken["status"] == 202
    assert taken["at"] - refused["at"] >= 0.95


def test_an_unreachable_ingest_is_retried(start_sender, delivered):
    sender = start_sender(endpoint="http://127.0.0.1:9")  # nothing listens there
    sender.spool.append(events(1))
    wait_until(lambda: sender.stats.snapshot().get("retries", 0) >= 2, message="2 retries")
    assert delivered[0] == []


def test_a_batch_too_large_is_split_until_ingest_takes_it(ingest, start_sender, delivered):
    ingest.max_events_per_batch = 3
    start_sender().spool.append(events(10))
    wait_until(lambda: len(delivered[0]) == 10, message="10 acknowledged events")
    statuses = [request["status"] for request in ingest.requests]
    assert 413 in statuses
    taken = [request for request in ingest.requests if request["status"] == 202]
    assert all(len(request["events"]) <= 3 for request in taken)
    assert sorted(event["offset"] for event in ingest.deliveries) == [n * 100 for n in range(10)]


def test_a_refused_batch_is_dead_lettered_and_shipping_goes_on(
    ingest, start_sender, delivered, tmp_path
):
    ingest.reject_lines_containing = "poison"
    sender = start_sender()
    sender.spool.append(events(2, text="poison {n}", file_id="a" * 32))
    wait_until(lambda: len(delivered[0]) == 2, message="the refused batch set aside")
    sender.spool.append(events(2, text="fine {n}", file_id="b" * 32))
    wait_until(lambda: len(delivered[0]) == 4, message="the next batch delivered")

    (dead,) = [
        json.loads(line) for line in (tmp_path / "dead-letter.jsonl").read_text().splitlines()
    ]
    assert dead["status"] == 400
    assert "bad line" in dead["answer"]
    assert [event["line"] for event in dead["batch"]["events"]] == ["poison 0", "poison 1"]
    assert ingest.lines() == ["fine 0", "fine 1"]
    assert sender.stats.snapshot()["events_dead_lettered"] == 2
