import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shipper.multiline import DEFAULT_EVENT_START, MultilineJoiner
from shipper.reader import Line

pytestmark = pytest.mark.unit

PYTHON_TRACEBACK = [
    "2024-05-01 10:00:00,123 ERROR pos.payment Card charge failed",
    "Traceback (most recent call last):",
    '  File "/app/pos/payment.py", line 42, in charge',
    "    raise GatewayTimeout(terminal)",
    "pos.errors.GatewayTimeout: terminal T-17",
]
JAVA_TRACE = [
    "2024-05-01T10:00:01.456Z ERROR [main] c.pos.Till - Receipt failed",
    "java.lang.IllegalStateException: drawer open",
    "\tat com.pos.Till.print(Till.java:88)",
    "Caused by: java.io.IOException: printer offline",
    "\t... 12 more",
]


def as_lines(texts, start=0):
    lines, offset = [], start
    for text in texts:
        end = offset + len(text.encode()) + 1
        lines.append(Line(offset, end, text))
        offset = end
    return lines


def test_a_python_traceback_is_one_event_with_its_first_line():
    joiner = MultilineJoiner()
    done = joiner.push(as_lines(PYTHON_TRACEBACK + ["2024-05-01 10:00:02,000 INFO next"]), now=0)
    assert [event.text for event in done] == ["\n".join(PYTHON_TRACEBACK)]
    assert done[0].offset == 0
    assert joiner.held_offset == done[0].end  # the next event waits, starting where it ended


def test_java_frames_and_caused_by_join_the_event_before():
    joiner = MultilineJoiner()
    joiner.push(as_lines(JAVA_TRACE), now=0)
    assert [event.text for event in joiner.flush()] == ["\n".join(JAVA_TRACE)]


def test_the_last_event_waits_for_quiet_then_is_released():
    joiner = MultilineJoiner(quiet=0.04, max_hold=2.0)
    joiner.push(as_lines(PYTHON_TRACEBACK[:2]), now=10.0)
    assert joiner.due(10.03) == []
    joiner.push(as_lines(PYTHON_TRACEBACK[2:], start=1000), now=10.03)  # more of the trace
    assert joiner.due(10.06) == []
    (event,) = joiner.due(10.08)
    assert event.text.count("\n") == 4 and event.read_at == 10.0
    assert joiner.held_offset is None


def test_a_trickling_event_is_released_after_the_longest_hold():
    joiner = MultilineJoiner(quiet=0.04, max_hold=2.0)
    joiner.push(as_lines(["2024-05-01 10:00:00 ERROR slow"]), now=0.0)
    moment = 0.0
    while moment < 1.99:
        moment += 0.03
        joiner.push(as_lines(["  still going"], start=int(moment * 1000) + 100), now=moment)
        if moment < 2.0:
            assert joiner.due(moment) == []
    assert len(joiner.due(2.0)) == 1


def test_caps_on_lines_and_bytes_start_a_new_event():
    by_lines = MultilineJoiner(max_lines=3)
    done = by_lines.push(as_lines(["2024-05-01 10:00 a", "  1", "  2", "  3", "  4"]), now=0)
    assert [event.text for event in done + by_lines.flush()] == [
        "2024-05-01 10:00 a\n  1\n  2",
        "  3\n  4",
    ]
    by_bytes = MultilineJoiner(max_bytes=30)
    done = by_bytes.push(as_lines(["2024-05-01 10:00 b", "  0123456789", "  x"]), now=0)
    assert [event.text for event in done + by_bytes.flush()] == [
        "2024-05-01 10:00 b",
        "  0123456789\n  x",
    ]


start_lines = st.builds(lambda text: f"2024-05-01 10:00:00 {text}", st.text("abc ", max_size=10))
other_lines = st.text(
    st.characters(blacklist_characters="\n\r", blacklist_categories=["Cs"]), max_size=20
)


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(st.one_of(start_lines, other_lines), max_size=60),
    max_lines=st.integers(min_value=1, max_value=6),
    split=st.integers(min_value=0, max_value=60),
)
def test_events_partition_the_lines_and_start_only_where_allowed(texts, max_lines, split):
    lines = as_lines(texts)
    joiner = MultilineJoiner(max_lines=max_lines)
    events = joiner.push(lines[:split], now=0) + joiner.push(lines[split:], now=1) + joiner.flush()

    assert "\n".join(event.text for event in events) == "\n".join(texts)
    assert [event.offset for event in events] == [0, *[event.end for event in events]][
        : len(events)
    ]
    starts = re.compile(DEFAULT_EVENT_START)
    for event in events:
        event_lines = event.text.split("\n")
        assert len(event_lines) <= max_lines
        assert not any(starts.match(line) for line in event_lines[1:])
    for before, event in zip(events, events[1:], strict=False):
        # A new event begins at a start line, or because the one before was full.
        assert starts.match(event.text) or len(before.text.split("\n")) == max_lines
