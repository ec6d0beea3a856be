import pytest

from shipper.acks import AckTracker

pytestmark = pytest.mark.unit


def test_the_checkpoint_moves_only_over_acknowledged_events_from_the_start():
    tracker = AckTracker(committed=100)
    tracker.issue(100, 150, size=50)
    tracker.issue(150, 180, size=30)
    tracker.issue(180, 200, size=20)

    tracker.ack(150)  # the second batch half came back first
    assert tracker.committed == 100
    tracker.ack(100)
    assert tracker.committed == 180
    assert (tracker.in_flight, tracker.in_flight_bytes) == (1, 20)
    tracker.ack(180)
    assert tracker.committed == 200 == tracker.issued_through


def test_skipped_blank_events_never_hold_the_checkpoint_back():
    tracker = AckTracker(committed=0)
    tracker.issue(0, 10, size=10)
    tracker.skip(10, 11)
    assert tracker.committed == 0
    tracker.ack(0)
    assert tracker.committed == 11


def test_an_unknown_or_repeated_ack_changes_nothing():
    tracker = AckTracker(committed=0)
    tracker.issue(0, 10, size=10)
    tracker.ack(5)
    tracker.ack(0)
    tracker.ack(0)
    assert (tracker.committed, tracker.in_flight, tracker.in_flight_bytes) == (10, 0, 0)
