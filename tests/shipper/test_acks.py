import pytest

from shipper.acks import AckTracker

pytestmark = pytest.mark.unit


def test_the_checkpoint_moves_to_the_end_of_the_last_acknowledged_event():
    tracker = AckTracker(committed=100)
    tracker.issue(100, 150)
    tracker.issue(150, 180)
    assert (tracker.committed, tracker.issued_through, tracker.in_flight) == (100, 180, 2)

    tracker.ack(150)
    assert (tracker.committed, tracker.in_flight) == (150, 1)
    tracker.ack(180)
    assert (tracker.committed, tracker.in_flight) == (180, 0)


def test_skipped_blank_events_never_hold_the_checkpoint_back():
    tracker = AckTracker(committed=0)
    tracker.issue(0, 10)
    tracker.skip(10, 11)
    tracker.skip(11, 12)
    assert tracker.committed == 0
    tracker.ack(10)
    assert tracker.committed == 12

    tracker.skip(12, 13)  # nothing in flight: done at once
    assert tracker.committed == 13


def test_a_resumed_tracker_knows_what_the_spool_still_owes():
    tracker = AckTracker(committed=40, issued_through=90, in_flight=2)
    tracker.ack(70)
    tracker.ack(90)
    assert (tracker.committed, tracker.in_flight) == (90, 0)


def test_an_old_ack_never_moves_the_checkpoint_back():
    tracker = AckTracker(committed=50)
    tracker.ack(20)
    assert tracker.committed == 50
