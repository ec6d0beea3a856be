import pytest

from shipper.checkpoint import FileRecord
from shipper.discovery import Resume, StartNew, identify
from shipper.identity import IDENTITY_WINDOW, file_id_for, identity_window

pytestmark = pytest.mark.unit

HEAD = b"2024-05-01 10:00:00 INFO till 3 opened\n2024-05-01 10:00:01 INFO sale 1\n"


def record_for(head: bytes, offset: int, dev=1, ino=100, generation=0, seen_at=1.0) -> FileRecord:
    window = identity_window(head)
    return FileRecord(
        file_id=file_id_for(head[:window], generation),
        path="/logs/app.log",
        offset=offset,
        window=window,
        generation=generation,
        head=head,
        dev=dev,
        ino=ino,
        seen_at=seen_at,
    )


def test_the_window_is_the_complete_lines_within_the_first_kilobyte():
    assert identity_window(b"") is None
    assert identity_window(b"no newline yet") is None
    assert identity_window(b"one\ntwo\nthr") == len(b"one\ntwo\n")
    assert identity_window(b"x" * 5000) == IDENTITY_WINDOW
    assert identity_window(b"a\n" + b"x" * 5000) == 2


def test_a_growing_file_keeps_the_id_it_got_at_first_sight():
    first_sight = record_for(HEAD, offset=len(HEAD))
    grown = HEAD + b"2024-05-01 10:00:02 INFO sale 2\n" * 50
    decision = identify(grown, 1, 100, len(grown), [first_sight], open_ids=set())
    assert decision == Resume(first_sight)


def test_a_renamed_file_is_the_same_file():
    known = record_for(HEAD, offset=40)
    assert identify(HEAD, 1, 100, len(HEAD), [known], open_ids=set()) == Resume(known)


def test_a_new_file_gets_a_new_id():
    known = record_for(HEAD, offset=len(HEAD))
    other = b"2024-05-02 08:00:00 INFO till 3 opened\n"
    decision = identify(other, 1, 200, len(other), [known], open_ids=set())
    assert isinstance(decision, StartNew)
    assert decision.file_id not in {known.file_id}


def test_a_truncated_file_starting_with_the_same_line_gets_a_new_id():
    known = record_for(HEAD, offset=len(HEAD))
    again = HEAD[: HEAD.index(b"\n") + 1]
    decision = identify(again, 1, 100, len(again), [known], open_ids=set())
    assert isinstance(decision, StartNew)
    assert decision.file_id != known.file_id


def test_a_copy_of_a_file_being_read_waits_and_takes_over_once_it_is_closed():
    known = record_for(HEAD, offset=len(HEAD))
    copy = (HEAD, 1, 999, len(HEAD))
    assert identify(*copy, [known], open_ids={known.file_id}) is None
    assert identify(*copy, [known], open_ids=set()) == Resume(known)


def test_a_copy_still_being_written_waits():
    known = record_for(HEAD, offset=len(HEAD))
    partial = HEAD[:50]
    assert identify(partial, 1, 999, len(partial), [known], open_ids=set()) is None


def test_a_new_file_beginning_like_a_live_one_is_told_apart_by_what_follows():
    banner = b"=== POS till log ===\n"
    live = record_for(banner + b"2024-05-01 10:00:00 INFO old\n", offset=50)
    newcomer = banner + b"2024-05-02 09:00:00 INFO new\n"
    decision = identify(newcomer, 1, 300, len(newcomer), [live], open_ids={live.file_id})
    assert isinstance(decision, StartNew) and decision.file_id != live.file_id


def test_no_identity_before_the_first_complete_line():
    assert identify(b"2024-05-01 10:0", 1, 5, 15, [], open_ids=set()) is None


def test_a_new_file_beginning_like_a_short_live_one_is_not_taken_for_its_copy():
    banner = b"=== POS till log ===\n"
    live = record_for(banner, offset=len(banner))  # the old file never got past its banner
    newcomer = banner + b"2024-05-02 09:00:00 INFO new\n"
    decision = identify(newcomer, 1, 300, len(newcomer), [live], open_ids={live.file_id})
    assert isinstance(decision, StartNew) and decision.file_id != live.file_id
