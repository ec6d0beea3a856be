"""The SSE wire format and the resume rules of the live stream (no AWS)."""

import json

import pytest

from functions.status import stream

pytestmark = pytest.mark.unit


def _event(seq: int, kind: str = "error", **data) -> dict:
    return {"id": seq, "kind": kind, "at": "2024-05-01T10:00:00.000Z", "data": data}


def test_an_event_is_id_event_and_one_data_line():
    text = stream.format_event(_event(7, "ticket", key="STACK-1", summary="two\nlines"))
    lines = text.split("\n")
    assert lines[0] == "id: 7"
    assert lines[1] == "event: ticket"
    assert lines[2].startswith("data: ")
    assert lines[3:] == ["", ""]  # the blank line that ends the message
    assert json.loads(lines[2][len("data: ") :]) == {
        "key": "STACK-1",
        "summary": "two\nlines",
        "at": "2024-05-01T10:00:00.000Z",
    }


def test_the_stream_ends_with_retry_after_the_events_in_order():
    body = stream.format_stream([_event(1), _event(2, "decision")])
    assert body.index("id: 1\n") < body.index("id: 2\n")
    assert body.endswith(f"retry: {stream.RETRY_MS}\n\n")


def test_an_empty_answer_tells_a_new_client_where_the_feed_is():
    assert stream.format_stream([], position_if_empty=12) == "id: 12\n\nretry: 1000\n\n"
    assert stream.format_stream([]) == "retry: 1000\n\n"


@pytest.mark.parametrize(
    ("header", "query", "expected"),
    [(None, None, None), ("", None, None), ("5", None, 5), (None, "9", 9), ("5", "9", 5)],
)
def test_last_event_id_comes_from_the_header_first(header, query, expected):
    assert stream.parse_last_event_id(header, query) == expected


@pytest.mark.parametrize("bad", ["abc", "-1", "1.5", "1e3", "²", "9" * 19, "1 2"])
def test_a_bad_last_event_id_is_refused(bad):
    with pytest.raises(stream.BadEventId):
        stream.parse_last_event_id(bad, None)


def test_an_id_the_feed_never_handed_out_starts_over():
    assert stream.resume_point(None, 10) is None
    assert stream.resume_point(4, 10) == 4
    assert stream.resume_point(10, 10) == 10
    assert stream.resume_point(11, 10) is None
