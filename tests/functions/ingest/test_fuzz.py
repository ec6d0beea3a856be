"""Fuzzing /ingest with valid batches bent out of shape: every answer is below 500, and a
refused batch leaves nothing behind (no group, occurrence, ledger or feed row)."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from functions.common.models import EventModel, GroupModel, OccurrenceModel, SeenModel
from tests.functions.ingest.http import batch, event, json_of, post_signed, register

pytestmark = pytest.mark.integration

LINES = [
    "2026-11-26 12:00:00,000 CRITICAL [pos.pricing] Pricing error | Missing price for 9",
    "2026-11-26 12:00:00,000 ERROR [pos.payments] Payment declined for order 7",
    "2026-11-26 12:00:00,000 INFO [pos.checkout] order 7 paid",
]
ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)
BATCH_FIELDS = ["batch_id", "host", "store", "events"]
EVENT_FIELDS = ["source", "file_id", "offset", "line", "observed_at"]


def _rows() -> tuple[int, ...]:
    return tuple(
        sum(1 for _ in model.scan())
        for model in (GroupModel, OccurrenceModel, SeenModel, EventModel)
    )


@st.composite
def mutated_batches(draw) -> dict:
    events = [event(LINES[i % 3], offset=draw(st.integers(0, 10**6)) + i) for i in range(3)]
    body = batch(events)
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(st.sampled_from(["batch_field", "event_field", "drop_batch", "drop_event"]))
        if kind == "batch_field":
            body[draw(st.sampled_from(BATCH_FIELDS))] = draw(ODD_VALUES)
        elif kind == "drop_batch":
            body.pop(draw(st.sampled_from(BATCH_FIELDS)), None)
        elif isinstance(body.get("events"), list) and body["events"]:
            index = draw(st.integers(0, len(body["events"]) - 1))
            target = body["events"][index]
            if not isinstance(target, dict):
                continue
            target = body["events"][index] = copy.deepcopy(target)
            field = draw(st.sampled_from(EVENT_FIELDS))
            if kind == "event_field":
                target[field] = draw(ODD_VALUES)
            else:
                target.pop(field, None)
    return body


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    body=mutated_batches(),
    compress=st.booleans(),
    cut=st.one_of(st.just(0), st.just(0), st.integers(1, 40)),
)
def test_a_bent_batch_is_answered_below_500_and_a_refused_one_stores_nothing(
    aws_key, body, compress, cut
):
    raw = json.dumps(body).encode()
    if cut:  # sometimes the body is cut short: no longer JSON at all
        raw = raw[: max(0, len(raw) - cut * 7)]
    before = _rows()

    answer = post_signed("/ingest", aws_key, raw, compress=compress)

    assert answer.status < 500, answer.body
    if answer.status >= 400:
        assert isinstance(json_of(answer).get("error"), str), answer.body
        assert _rows() == before
    else:
        assert answer.status == 202


@pytest.fixture
def aws_key(aws) -> str:
    return register("pos-1", store="S001")
