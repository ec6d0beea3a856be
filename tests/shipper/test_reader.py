import os
import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shipper.reader import LineReader

pytestmark = pytest.mark.unit


def reader_on(path, offset=0, **options):
    return LineReader(open(path, "rb", buffering=0), offset, **options)


def test_a_line_is_returned_only_once_its_newline_is_written(tmp_path):
    log = tmp_path / "app.log"
    log.write_bytes(b"first line\nsecond, half writ")
    reader = reader_on(log)

    lines, more = reader.read_lines()
    assert [line.text for line in lines] == ["first line"]
    assert more is False
    assert reader.offset == len(b"first line\n")

    with open(log, "ab") as handle:
        handle.write(b"ten\n")
    lines, _ = reader.read_lines()
    assert [(line.offset, line.end, line.text) for line in lines] == [
        (11, 11 + len(b"second, half written\n"), "second, half written")
    ]


def test_reading_resumes_at_an_offset_and_strips_crlf(tmp_path):
    log = tmp_path / "app.log"
    log.write_bytes(b"one\r\ntwo\r\nthree\r\n")
    lines, _ = reader_on(log, offset=5).read_lines()
    assert [(line.offset, line.text) for line in lines] == [(5, "two"), (10, "three")]


def test_an_over_long_line_is_cut_into_pieces_and_reading_goes_on(tmp_path):
    log = tmp_path / "app.log"
    log.write_bytes(b"x" * 25 + b"\nnext\n")
    lines, _ = reader_on(log, max_line_bytes=10).read_lines()
    assert [(line.text, line.cut) for line in lines] == [
        ("x" * 10, True),
        ("x" * 10, True),
        ("x" * 5, False),
        ("next", False),
    ]
    assert [line.offset for line in lines] == [0, 10, 20, 26]


def test_invalid_utf8_is_replaced_not_fatal(tmp_path):
    log = tmp_path / "app.log"
    log.write_bytes(b"caf\xe9 ok\n")
    lines, _ = reader_on(log).read_lines()
    assert lines[0].text == "caf\ufffd ok"


texts = st.text(
    st.characters(blacklist_characters="\n\r", blacklist_categories=["Cs"]), max_size=40
)


@settings(max_examples=60, deadline=None)
@given(
    lines=st.lists(texts, max_size=30),
    cuts=st.lists(st.integers(min_value=0, max_value=2000), max_size=8),
    trailing=texts,
    budget=st.integers(min_value=1, max_value=300),
)
def test_lines_come_back_whole_in_order_however_the_writes_are_split(lines, cuts, trailing, budget):
    content = "".join(line + "\n" for line in lines).encode() + trailing.encode()
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "app.log")
        open(path, "wb").close()
        reader = reader_on(path)
        got = []
        written = 0
        for cut in sorted({min(cut, len(content)) for cut in cuts}) + [len(content)]:
            with open(path, "ab") as handle:
                handle.write(content[written:cut])
            written = cut
            more = True
            while more:
                batch, more = reader.read_lines(budget)
                got.extend(batch)
            complete = content[:written].rfind(b"\n") + 1
            assert (got[-1].end if got else 0) == complete  # everything complete, nothing more
        reader.handle.close()
    assert [line.text for line in got] == lines
    assert [line.offset for line in got] == [0, *[line.end for line in got]][: len(got)]
