"""The live feed hands out one strict order and never lets a reader skip a late write."""

import pytest

from functions.common import live_feed
from functions.common.models import EventModel

pytestmark = pytest.mark.integration


def test_sequence_numbers_increase_and_readers_resume_after_an_id(aws):
    ids = [live_feed.append("error", {"n": n}) for n in range(5)]
    assert ids == [1, 2, 3, 4, 5]
    assert [e["data"]["n"] for e in live_feed.read_after(2)] == [2, 3, 4]
    assert [e["id"] for e in live_feed.read_after(None, limit=2)] == [4, 5]
    assert live_feed.last_seq() == 5


def test_a_reader_waits_for_a_number_taken_but_not_yet_saved(aws, monkeypatch):
    live_feed.append("error", {"n": 1})
    late = live_feed._next_seq()  # a writer that took number 2 and has not saved yet
    live_feed.append("error", {"n": 3})
    assert [e["id"] for e in live_feed.read_after(1)] == []

    monkeypatch.setattr(live_feed, "GAP_WAIT_SECONDS", 0.0)  # the write never landed
    assert [e["id"] for e in live_feed.read_after(1)] == [3]
    assert late == 2
    assert EventModel.count() == 3  # counter + two events


def test_events_appended_together_share_one_row_and_read_back_one_by_one(aws):
    live_feed.append("ticket", {"n": 0})
    ids = live_feed.append_many("error", [{"n": n} for n in range(1, 5)])

    assert ids == [2, 3, 4, 5]
    assert EventModel.count() == 3  # counter, the single event, one row for the four
    assert [(e["id"], e["data"]["n"]) for e in live_feed.read_after(2)] == [(3, 2), (4, 3), (5, 4)]
    assert [e["id"] for e in live_feed.read_after(None, limit=3)] == [3, 4, 5]
    # A reader that stopped inside the run resumes inside it.
    assert [e["id"] for e in live_feed.read_after(4, limit=1)] == [5]


def test_a_run_too_large_for_one_row_is_split(aws, monkeypatch):
    monkeypatch.setattr(live_feed, "MAX_ROW_BYTES", 40)
    live_feed.append_many("error", [{"text": "x" * 20, "n": n} for n in range(3)])

    assert EventModel.count() == 4  # counter + three rows
    assert [e["data"]["n"] for e in live_feed.read_after(0)] == [0, 1, 2]


def test_events_of_several_kinds_take_one_number_each_and_a_row_per_run_of_a_kind(aws):
    ids = live_feed.append_events(
        [("error", {"n": 1}), ("error", {"n": 2}), ("decision", {"n": 3}), ("decision", {"n": 4})]
    )

    assert ids == [1, 2, 3, 4]
    assert EventModel.count() == 3  # counter, the errors' row, the decisions' row
    assert [(e["id"], e["kind"], e["data"]["n"]) for e in live_feed.read_after(0)] == [
        (1, "error", 1),
        (2, "error", 2),
        (3, "decision", 3),
        (4, "decision", 4),
    ]
