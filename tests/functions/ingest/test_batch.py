"""The wire batch: decompression, validation (400/413 naming the field), per-group totals."""

import gzip
import json
import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from functions.ingest.batch import (
    MAX_BODY_BYTES,
    MAX_LINE_BYTES,
    aggregate,
    analyse,
    decompress,
    mark_demo_sources,
    read_batch,
    validate_batch,
)
from functions.ingest.rules import default_rules
from functions.ingest.validation import Rejected

pytestmark = pytest.mark.unit

RECEIVED = "2026-11-26T12:30:00.000Z"


def _event(line="ERROR:pos:boom", offset=0, **changes) -> dict:
    event = {"source": "/var/log/pos/app.log", "file_id": "f1", "offset": offset, "line": line}
    event.update(changes)
    return {k: v for k, v in event.items() if v is not Ellipsis}


def _document(*events, **changes) -> dict:
    document = {"batch_id": str(uuid.uuid4()), "host": "pos-1", "store": "S001"}
    document["events"] = list(events) or [_event()]
    document.update(changes)
    return {k: v for k, v in document.items() if v is not Ellipsis}


def _refusal(document) -> Rejected:
    with pytest.raises(Rejected) as caught:
        validate_batch(document, "pos-1", RECEIVED)
    return caught.value


def test_a_valid_batch():
    document = _document(
        _event(offset=5, observed_at="2026-11-26T13:00:00+01:00"), _event(offset=9)
    )

    batch = validate_batch(document, "pos-1", RECEIVED)

    assert batch.batch_id == document["batch_id"] and batch.host == "pos-1"
    assert batch.store == "S001"
    assert [e.offset for e in batch.events] == [5, 9]
    # Times are stored as UTC with milliseconds; a missing one is the time it was received.
    assert batch.events[0].observed_at == "2026-11-26T12:00:00.000Z"
    assert batch.events[1].observed_at == RECEIVED


def test_an_empty_batch_is_valid():
    assert validate_batch(_document(events=[]), "pos-1", RECEIVED).events == ()


@pytest.mark.parametrize(
    ("document", "field"),
    [
        (_document(batch_id=...), "batch_id"),
        (_document(batch_id="1234"), "batch_id"),
        (_document(batch_id=None), "batch_id"),
        (_document(host=...), "host"),
        (_document(host="pos-2"), "host"),
        (_document(store=["S1"]), "store"),
        (_document(store="S" * 65), "store"),
        (_document(events=...), "events"),
        (_document(events="x"), "events"),
        (_document(_event(), 3), "events[1]"),
        (_document(_event(), _event(source=...)), "events[1].source"),
        (_document(_event(source="")), "events[0].source"),
        (_document(_event(source=5)), "events[0].source"),
        (_document(_event(file_id=...)), "events[0].file_id"),
        (_document(_event(file_id="f" * 513)), "events[0].file_id"),
        (_document(_event(offset=...)), "events[0].offset"),
        (_document(_event(offset=-1)), "events[0].offset"),
        (_document(_event(offset=2**63)), "events[0].offset"),
        (_document(_event(offset=1.0)), "events[0].offset"),
        (_document(_event(offset=False)), "events[0].offset"),
        (_document(_event(offset="1")), "events[0].offset"),
        (_document(_event(line=...)), "events[0].line"),
        (_document(_event(line=None)), "events[0].line"),
        (_document(_event(line="bad \udc80 bytes")), "events[0].line"),
        (_document(_event(observed_at="soon")), "events[0].observed_at"),
        (_document(_event(observed_at=12)), "events[0].observed_at"),
    ],
)
def test_each_invalid_field_is_a_400_naming_it(document, field):
    refusal = _refusal(document)

    assert (refusal.status, refusal.field) == (400, field)


def test_an_over_long_line_is_a_413():
    refusal = _refusal(_document(_event(line="x" * (MAX_LINE_BYTES + 1))))

    assert (refusal.status, refusal.field) == (413, "events[0].line")


def test_a_line_of_exactly_the_limit_is_accepted():
    batch = validate_batch(_document(_event(line="é" * (MAX_LINE_BYTES // 2))), "pos-1", RECEIVED)

    assert len(batch.events) == 1


def test_gzip_is_decompressed_and_bounded():
    body = json.dumps(_document()).encode()

    assert decompress(gzip.compress(body), "gzip") == body
    assert decompress(gzip.compress(body[:10]) + gzip.compress(body[10:]), "gzip") == body
    bomb = gzip.compress(b" " * (MAX_BODY_BYTES + 1))
    with pytest.raises(Rejected) as caught:
        decompress(bomb, "gzip")
    assert (caught.value.status, caught.value.field) == (413, "body")


@pytest.mark.parametrize(
    ("raw", "encoding", "status", "field"),
    [
        (b"{}", "gzip", 400, "body"),
        (gzip.compress(b"{}")[:-4], "gzip", 400, "body"),
        (b"{}", "br", 400, "Content-Encoding"),
        (b" " * (MAX_BODY_BYTES + 1), None, 413, "body"),
    ],
)
def test_bad_or_oversized_bodies(raw, encoding, status, field):
    with pytest.raises(Rejected) as caught:
        decompress(raw, encoding)

    assert (caught.value.status, caught.value.field) == (status, field)


@pytest.mark.parametrize("raw", [b"", b"nope", b"[]", b'"x"', b"NaN", b"\xff\xfe", b"[" * 100_000])
def test_a_body_that_is_no_json_object_is_a_400(raw):
    with pytest.raises(Rejected) as caught:
        read_batch(raw, None, "pos-1", RECEIVED)

    assert (caught.value.status, caught.value.field) == (400, "body")


def test_demo_sources_are_marked_once():
    document = _document(_event(source="pos"), _event(source="webhook:pos", offset=1))

    marked = mark_demo_sources(validate_batch(document, "pos-1", RECEIVED))

    assert [e.source for e in marked.events] == ["webhook:pos", "webhook:pos"]


def test_events_below_warning_without_a_rule_are_no_errors():
    batch = validate_batch(
        _document(_event("INFO:pos:order paid"), _event("INFO:pos:Slow query took 3s", 1)),
        "pos-1",
        RECEIVED,
    )

    assert analyse(batch.events[0], default_rules()) is None
    assert analyse(batch.events[1], default_rules()).classification.severity == "LOW"


def test_aggregate_sums_each_group_once():
    lines = [
        "2026-11-26 12:00:00,000 CRITICAL [pos.pricing] Pricing error | product 1",
        "2026-11-26 12:00:00,000 ERROR [pos.net] Payment gateway timeout after 3s",
    ] + [
        f"2026-11-26 12:00:00,000 CRITICAL [pos.pricing] Pricing error | product {n}"
        for n in range(7)
    ]
    events = [
        _event(line, offset, observed_at=f"2026-11-26T12:00:{offset:02d}Z")
        for offset, line in enumerate(lines)
    ]
    batch = validate_batch(_document(*events), "pos-1", RECEIVED)
    errors = [analyse(event, default_rules()) for event in batch.events]

    pricing, payment = aggregate(errors, "pos-1", "S001")

    assert (pricing.count, payment.count) == (8, 1)
    assert pricing.message == "Pricing error | product 1"
    assert pricing.severity == "CRITICAL" and pricing.category == "pricing"
    assert (pricing.first_seen, pricing.last_seen) == (
        "2026-11-26T12:00:00.000Z",
        "2026-11-26T12:00:08.000Z",
    )
    assert pricing.hosts == {"pos-1"} and pricing.stores == {"S001"}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["batch_id", "host", "events", "source", "file_id", "offset", "line"]),
            children,
            max_size=6,
        )
    ),
    max_leaves=25,
)


@given(json_values)
def test_any_json_document_is_accepted_or_refused_with_a_field(document):
    try:
        read_batch(json.dumps(document).encode(), None, "pos-1", RECEIVED)
    except Rejected as refusal:
        assert refusal.status in (400, 413) and refusal.field


@given(st.binary(max_size=200), st.sampled_from([None, "gzip", "identity", "zstd"]))
def test_any_bytes_are_accepted_or_refused_with_a_field(raw, encoding):
    try:
        read_batch(raw, encoding, "pos-1", RECEIVED)
    except Rejected as refusal:
        assert refusal.status in (400, 413) and refusal.field
