"""The ingest function's routes, called as API Gateway calls them, on moto."""

import gzip
import json
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from functions.common.models import (
    EventModel,
    GroupModel,
    HostModel,
    OccurrenceModel,
    SeenModel,
)
from functions.ingest.batch import MAX_LINE_BYTES
from local_runner.apigw import FUNCTION_URL_ROUTE_KEY
from shipper.signing import signed_headers
from tests.functions.ingest.http import (
    ADMIN,
    batch,
    call,
    event,
    json_of,
    post_signed,
    register,
)

pytestmark = pytest.mark.integration

PRICING = (
    "2026-11-26 12:00:00,123 CRITICAL [pos.pricing] Pricing error | "
    "Missing price for product 999 (order 7f3a, store S001)"
)
PRICING_AGAIN = (
    "2026-11-26 12:00:05,456 CRITICAL [pos.pricing] Pricing error | "
    "Missing price for product 12 (order 9c1e, store S001)"
)
PAYMENT = "2026-11-26 12:00:01,000 ERROR [pos.payments] Payment gateway timeout after 30s"
SALE = "2026-11-26 12:00:02,000 INFO [pos.checkout] Order 7f3a paid, total 12.50"


def _groups() -> dict[str, GroupModel]:
    return {group.template: group for group in GroupModel.scan()}


def _occurrences(fingerprint: str) -> list[OccurrenceModel]:
    return list(OccurrenceModel.query(fingerprint))


def _rows(model) -> int:
    # Not Model.count(): GroupModel has a `count` attribute that hides it.
    return sum(1 for _ in model.scan())


def _nothing_stored() -> bool:
    return not any(_rows(model) for model in (GroupModel, OccurrenceModel, SeenModel, EventModel))


@pytest.fixture
def key(aws) -> str:
    return register("pos-1", store="S001")


def test_a_signed_batch_is_grouped_and_stored(key):
    sent = batch([event(PRICING, 0), event(PRICING_AGAIN, 30), event(PAYMENT, 40), event(SALE, 50)])

    answer = post_signed("/ingest", key, sent)

    assert answer.status == 202
    assert json_of(answer) == {"accepted": 4, "duplicates": 0}
    groups = _groups()
    pricing_template = "Pricing error | Missing price for product <*> (order <*>, store <*>)"
    assert set(groups) == {pricing_template, "Payment gateway timeout after <duration>"}
    pricing = groups[pricing_template]
    assert pricing.count == 2
    assert (pricing.severity, pricing.category, pricing.rule) == (
        "CRITICAL",
        "pricing",
        "pricing-error",
    )
    assert pricing.level == "CRITICAL"
    assert (
        pricing.message == "Pricing error | Missing price for product 999 (order 7f3a, store S001)"
    )
    assert pricing.hosts == {"pos-1"} and pricing.stores == {"S001"}
    assert pricing.sources == {"/var/log/pos/app.log"}
    assert pricing.first_seen == "2026-11-26T12:00:00.000Z"
    assert (
        pricing.last_seen == "2026-11-26T12:00:00.000Z" or pricing.last_seen >= pricing.first_seen
    )
    assert pricing.rules_version
    payment = groups["Payment gateway timeout after <duration>"]
    assert (payment.count, payment.severity, payment.category) == (1, "HIGH", "payments")
    # The INFO line is accepted but is no error: no group, no occurrence.
    occurrences = _occurrences(pricing.fingerprint)
    assert sorted(o.offset for o in occurrences) == [0, 30]
    assert {o.line for o in occurrences} == {PRICING, PRICING_AGAIN}
    assert all(o.host == "pos-1" and o.store == "S001" for o in occurrences)
    assert len(_occurrences(payment.fingerprint)) == 1
    assert _rows(OccurrenceModel) == 3
    # Where it was seen last: the live feed's error event names it (decide writes the feed).
    assert (pricing.last_host, pricing.last_store) == ("pos-1", "S001")
    assert pricing.last_source == "/var/log/pos/app.log"


def test_the_same_batch_again_stores_and_counts_nothing(key):
    sent = batch([event(PRICING, 0), event(SALE, 100)])
    assert json_of(post_signed("/ingest", key, sent)) == {"accepted": 2, "duplicates": 0}
    stored = _rows(OccurrenceModel)

    again = post_signed("/ingest", key, sent)

    assert again.status == 202
    # Only error events are claimed (the rest is neither stored nor counted, and a claim per
    # line would cost a write per line): the INFO line is taken again, harmlessly.
    assert json_of(again) == {"accepted": 1, "duplicates": 1}
    (group,) = GroupModel.scan()
    assert group.count == 1
    assert _rows(OccurrenceModel) == stored


def test_the_same_events_in_a_new_batch_are_duplicates(key):
    events = [event(PRICING, 0), event(PAYMENT, 100), event(SALE, 200)]
    post_signed("/ingest", key, batch(events))

    answer = post_signed("/ingest", key, batch(events + [event(PRICING_AGAIN, 300)]))

    assert json_of(answer) == {"accepted": 2, "duplicates": 2}  # the INFO line is not claimed
    counts = {g.template.split(" |")[0]: g.count for g in GroupModel.scan()}
    assert counts == {"Pricing error": 2, "Payment gateway timeout after <duration>": 1}
    assert _rows(OccurrenceModel) == 3


def test_the_same_offset_in_another_file_or_host_is_another_event(key):
    other_key = register("pos-2", store="S002")
    post_signed("/ingest", key, batch([event(PRICING, 0, file_id="a")]))
    post_signed("/ingest", key, batch([event(PRICING, 0, file_id="b")]))
    answer = post_signed(
        "/ingest",
        other_key,
        batch([event(PRICING, 0, file_id="a")], host="pos-2", store="S002"),
        host="pos-2",
    )

    assert json_of(answer) == {"accepted": 1, "duplicates": 0}
    (group,) = GroupModel.scan()
    assert group.count == 3
    assert group.hosts == {"pos-1", "pos-2"} and group.stores == {"S001", "S002"}


def test_a_gzipped_body_is_accepted(key):
    answer = post_signed("/ingest", key, batch([event(PAYMENT, 0)]), compress=True)

    assert answer.status == 202
    assert json_of(answer) == {"accepted": 1, "duplicates": 0}
    assert _rows(GroupModel) == 1


def test_a_batch_without_store_takes_the_hosts_registered_store(key):
    post_signed("/ingest", key, batch([event(PAYMENT, 0)], store=None))

    (group,) = GroupModel.scan()
    assert group.stores == {"S001"}


def test_tracebacks_of_one_crash_make_one_group(key):
    def crash(line_number: int, value: str) -> str:
        return (
            f"2026-11-26 12:00:00,000 ERROR [pos.checkout] Checkout failed for order {value}\n"
            "Traceback (most recent call last):\n"
            f'  File "/opt/pos/checkout.py", line {line_number}, in pay\n'
            "    total = price_of(item)\n"
            f'  File "/opt/pos/pricing.py", line {line_number + 7}, in price_of\n'
            "    return PRICES[item.sku]\n"
            f"KeyError: '{value}'"
        )

    post_signed("/ingest", key, batch([event(crash(40, "sku-1"), 0)]))
    post_signed("/ingest", key, batch([event(crash(52, "sku-77"), 900)]))

    (group,) = GroupModel.scan()
    assert group.count == 2
    assert (group.severity, group.category) == ("HIGH", "crash")
    assert "KeyError at pricing.price_of < checkout.pay" in group.template


def test_a_group_deleted_meanwhile_is_created_again_whole(key):
    post_signed("/ingest", key, batch([event(PAYMENT, 0), event(PAYMENT, 1)]))
    (first,) = GroupModel.scan()
    first.delete()

    post_signed("/ingest", key, batch([event(PAYMENT, 2)]))

    (group,) = GroupModel.scan()
    assert group.count == 1 and group.first_seen and group.template == first.template
    assert group.message == first.message and group.severity == first.severity


@pytest.mark.parametrize(
    ("signing", "field"),
    [
        ({"key": "not-the-key"}, "X-StackLens-Signature"),
        ({"now": time.time() - 3600}, "X-StackLens-Timestamp"),
        ({"host": "pos-unknown"}, "X-StackLens-Host"),
        ({"extra_headers": {"X-StackLens-Signature": ""}}, "X-StackLens-Signature"),
        ({"extra_headers": {"X-StackLens-Timestamp": "yesterday"}}, "X-StackLens-Timestamp"),
    ],
)
def test_a_badly_signed_request_is_refused(key, signing, field):
    options = dict(signing)
    signing_key = options.pop("key", key)
    body = batch([event(PRICING, 0)], host=options.get("host", "pos-1"))

    answer = post_signed("/ingest", signing_key, body, **options)

    assert answer.status == 401
    assert json_of(answer)["field"] == field
    assert _nothing_stored()


def test_a_body_changed_after_signing_is_refused(key):
    raw = json.dumps(batch([event(PRICING, 0)])).encode()
    headers = signed_headers("pos-1", key, raw)
    answer = call("/ingest", raw.replace(b"999", b"998"), headers)

    assert answer.status == 401
    assert _nothing_stored()


def _valid_body() -> dict:
    return batch([event(PRICING, 0), event(PAYMENT, 100)])


def _without(document: dict, name: str) -> dict:
    return {k: v for k, v in document.items() if k != name}


def _with_event(index: int, **changes) -> dict:
    body = _valid_body()
    body["events"][index] = {
        k: v for k, v in {**body["events"][index], **changes}.items() if v is not Ellipsis
    }
    return body


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b"not json", "body"),
        (b"[1, 2]", "body"),
        (_without(_valid_body(), "batch_id"), "batch_id"),
        ({**_valid_body(), "batch_id": "not-a-uuid"}, "batch_id"),
        ({**_valid_body(), "host": "pos-2"}, "host"),
        ({**_valid_body(), "events": {"line": "x"}}, "events"),
        ({**_valid_body(), "events": ["a line"]}, "events[0]"),
        (_with_event(1, source=...), "events[1].source"),
        (_with_event(1, file_id=""), "events[1].file_id"),
        (_with_event(1, offset=-1), "events[1].offset"),
        (_with_event(1, line=...), "events[1].line"),
        (_with_event(1, observed_at="last tuesday"), "events[1].observed_at"),
    ],
)
def test_an_invalid_batch_is_refused_naming_the_field_and_nothing_is_stored(key, body, field):
    # Every field's check is in test_batch; here: the answer, and that nothing was written
    # even when the events before the bad one were fine.
    answer = post_signed("/ingest", key, body)

    assert answer.status == 400
    assert json_of(answer)["field"] == field
    assert _nothing_stored()


def test_a_lone_surrogate_in_a_line_is_a_400_not_a_crash(key):
    raw = json.dumps(batch([event("ERROR broken \ud800 text", 0)])).encode()

    answer = post_signed("/ingest", key, raw)

    assert answer.status == 400
    assert json_of(answer)["field"] == "events[0].line"


def test_a_gzip_header_on_a_plain_body_is_a_400(key):
    raw = json.dumps(batch([event(PRICING, 0)])).encode()

    answer = post_signed("/ingest", key, raw, extra_headers={"Content-Encoding": "gzip"})

    assert answer.status == 400
    assert json_of(answer)["field"] == "body"


def test_an_over_long_line_is_a_413_and_nothing_is_stored(key):
    body = batch([event(PRICING, 0), event("ERROR " + "x" * MAX_LINE_BYTES, 100)])

    answer = post_signed("/ingest", key, body)

    assert answer.status == 413
    assert json_of(answer)["field"] == "events[1].line"
    assert _nothing_stored()


def test_a_body_over_the_limit_decompressed_is_a_413(key):
    events = [event("INFO " + "y" * 900_000, offset) for offset in range(6)]

    answer = post_signed("/ingest", key, batch(events), compress=True)

    assert answer.status == 413
    assert json_of(answer)["field"] == "body"
    assert _nothing_stored()


def test_an_event_as_large_as_the_shipper_sends_is_stored_cut_to_fit_an_item(key):
    trace = "ERROR [pos.sync] Sync failed\n" + "  at frame\n" * 90_000  # about 1 MiB

    answer = post_signed("/ingest", key, batch([event(trace, 0)]), compress=True)

    assert answer.status == 202, answer.body
    (occurrence,) = list(OccurrenceModel.scan())
    assert occurrence.line.startswith("ERROR [pos.sync] Sync failed")
    assert occurrence.line.endswith("more characters not stored]")
    assert len(occurrence.line) < 70_000


def test_demo_events_are_marked_with_their_source(key):
    body = batch([event(PAYMENT, 0, source="demo-pos"), event(PRICING, 100, source="webhook:pos")])

    answer = post_signed("/api/demo-events", key, body)

    assert answer.status == 202
    assert json_of(answer) == {"accepted": 2, "duplicates": 0}
    sources = {o.source for o in OccurrenceModel.scan()}
    assert sources == {"webhook:demo-pos", "webhook:pos"}
    assert all(group.last_source.startswith("webhook:") for group in GroupModel.scan())


def test_demo_events_are_signed_like_ingest(key):
    answer = post_signed("/api/demo-events", "wrong-key", batch([event(PAYMENT, 0)]))

    assert answer.status == 401
    assert _nothing_stored()


def test_a_heartbeat_is_recorded_and_answers_the_desired_state(key):
    body = {
        "host": "pos-1",
        "store": "S009",
        "files": [{"path": "/var/log/pos/app.log", "file_id": "inode-1", "offset": 10, "size": 20}],
        "stats": {"events_sent": 12, "paused": False, "spool_bytes": 0.5},
    }

    answer = post_signed("/api/watcher/heartbeat", key, body)

    assert answer.status == 200
    assert json_of(answer) == {"desired_state": "running"}
    host = HostModel.get("pos-1")
    assert host.last_heartbeat is not None and host.store == "S009"
    assert host.files[0]["path"] == "/var/log/pos/app.log"
    assert host.stats["events_sent"] == 12 and host.stats["paused"] is False

    HostModel("pos-1").update(actions=[HostModel.desired_state.set("paused")])
    assert json_of(post_signed("/api/watcher/heartbeat", key, body)) == {"desired_state": "paused"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"host": "pos-2"}, "host"),
        ({"host": "pos-1", "files": "app.log"}, "files"),
        ({"host": "pos-1", "stats": [1]}, "stats"),
        ({"host": "pos-1", "stats": {"huge": 10**60}}, "stats.huge"),
    ],
)
def test_an_invalid_heartbeat_is_a_400(key, body, field):
    answer = post_signed("/api/watcher/heartbeat", key, body)

    assert answer.status == 400
    assert json_of(answer)["field"] == field
    assert HostModel.get("pos-1").last_heartbeat is None


def test_a_heartbeat_needs_a_signature(key):
    answer = post_signed("/api/watcher/heartbeat", "wrong", {"host": "pos-1"})

    assert answer.status == 401


def test_registering_a_host_shows_its_key_once(aws):
    answer = call("/api/hosts", json.dumps({"host_id": "till-7.S01_a"}).encode(), ADMIN)

    assert answer.status == 201
    body = json_of(answer)
    assert body["host_id"] == "till-7.S01_a" and len(body["key"]) >= 40
    again = call("/api/hosts", json.dumps({"host_id": "till-7.S01_a"}).encode(), ADMIN)
    assert again.status == 409
    assert "key" not in json_of(again)
    assert HostModel.get("till-7.S01_a").key == body["key"]


@pytest.mark.parametrize("host_id", ["", "has space", "x" * 65, 12])
def test_a_bad_host_id_is_a_400(aws, host_id):
    answer = call("/api/hosts", json.dumps({"host_id": host_id}).encode(), ADMIN)

    assert answer.status == 400
    assert json_of(answer)["field"] == "host_id"
    assert _rows(HostModel) == 0


def test_registering_needs_the_admin_token(aws):
    answer = call(
        "/api/hosts", json.dumps({"host_id": "pos-9"}).encode(), {"Authorization": "Bearer no"}
    )

    assert answer.status == 401
    assert _rows(HostModel) == 0


def _logged(caplog) -> list[tuple[str, str]]:
    """(level, message) of the log records at INFO or above since the last call."""
    records = [(r.levelname, r.getMessage()) for r in caplog.records if r.levelno >= 20]
    caplog.clear()
    return records


def test_only_a_batch_that_counted_an_error_or_was_sent_again_is_logged(key, caplog):
    """CloudWatch Logs is paid by the byte: a batch of plain lines is counted in the
    AcceptedLines metric, not logged at INFO; one that counted an error is logged."""
    caplog.clear()
    plain = batch([event(SALE, 0)])
    assert post_signed("/ingest", key, plain).status == 202
    assert _logged(caplog) == []

    failed = batch([event(PAYMENT, 100)])
    assert post_signed("/ingest", key, failed).status == 202
    assert _logged(caplog) == [("INFO", "batch ingested")]

    again = post_signed("/ingest", key, failed)  # the shipper sent it again
    assert json_of(again) == {"accepted": 0, "duplicates": 1}
    assert _logged(caplog) == [("INFO", "batch ingested")]


def test_the_shippers_url_takes_signed_batches_and_heartbeats(key):
    answer = post_signed(
        "/ingest", key, batch([event(PAYMENT, 0)]), compress=True, route_key=FUNCTION_URL_ROUTE_KEY
    )
    assert answer.status == 202, answer.body
    assert json_of(answer) == {"accepted": 1, "duplicates": 0}
    assert [group.count for group in _groups().values()] == [1]

    heartbeat = {"host": "pos-1", "store": "S001", "files": [], "stats": {}}
    answer = post_signed("/api/watcher/heartbeat", key, heartbeat, route_key=FUNCTION_URL_ROUTE_KEY)
    assert answer.status == 200, answer.body
    assert HostModel.get("pos-1").last_heartbeat is not None


@pytest.mark.parametrize("path", ["/api/hosts", "/api/hosts/pos-1/rotate", "/", "/ingest/"])
def test_the_shippers_url_serves_no_admin_route(key, path):
    """Registering hosts and rotating keys stay behind the API, even with the admin token."""
    body = json.dumps({"host_id": "pos-2"}).encode()
    answer = call(path, body, {**ADMIN, "Content-Type": "application/json"}, FUNCTION_URL_ROUTE_KEY)

    assert answer.status == 404
    assert json_of(answer) == {"error": "no such route on the shippers' URL"}
    assert [host.host_id for host in HostModel.scan()] == ["pos-1"]
    assert HostModel.get("pos-1").key == key


def _on_one_stack(max_examples: int):
    """Hypothesis settings for examples that share one moto stack (the `key` fixture)."""
    return settings(
        max_examples=max_examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@_on_one_stack(max_examples=40)
@given(
    body=st.one_of(
        st.binary(max_size=300),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
            lambda children: (
                st.lists(children, max_size=4)
                | st.dictionaries(
                    st.sampled_from(["batch_id", "host", "events", "source", "line", "offset"])
                    | st.text(max_size=5),
                    children,
                    max_size=5,
                )
            ),
            max_leaves=20,
        ).map(lambda value: json.dumps(value).encode()),
    ),
    compress=st.booleans(),
)
def test_any_signed_body_gets_an_answer_below_500(key, body, compress):
    raw = gzip.compress(body) if compress else body
    headers = {"Content-Encoding": "gzip"} if compress else {}
    headers.update(signed_headers("pos-1", key, raw))
    for path in ("/ingest", "/api/watcher/heartbeat"):
        answer = call(path, raw, headers)
        assert answer.status < 500, answer.body


@_on_one_stack(max_examples=30)
@given(
    lines=st.lists(
        st.tuples(st.sampled_from(["ERROR", "CRITICAL", "WARNING", "INFO", ""]), st.text()),
        min_size=1,
        max_size=6,
    ),
    file_id=st.text(min_size=1, max_size=40),
)
def test_any_well_formed_batch_is_accepted(key, lines, file_id):
    events = [
        event(f"2026-11-26 12:00:00,000 {level} [pos] {text}", offset, file_id=file_id)
        for offset, (level, text) in enumerate(lines)
    ]

    answer = post_signed("/ingest", key, batch(events))

    assert answer.status == 202, answer.body
    counts = json_of(answer)
    assert counts["accepted"] + counts["duplicates"] == len(events)


def test_a_batch_reads_only_its_hosts_signing_fields_not_its_heartbeat(key):
    files = [
        {"path": f"/var/log/pos/till{n}.log", "file_id": f"inode-{n}", "offset": 10}
        for n in range(30)
    ]
    heartbeat = {"host": "pos-1", "files": files, "stats": {"events_sent": 12}}
    assert post_signed("/api/watcher/heartbeat", key, heartbeat).status == 200
    asked = []
    client = HostModel._get_connection().connection.client
    remember = lambda params, **_: asked.append(params)  # noqa: E731
    client.meta.events.register("before-parameter-build.dynamodb.GetItem", remember)
    try:
        answer = post_signed("/ingest", key, batch([event(PAYMENT, 0)]))
    finally:
        client.meta.events.unregister("before-parameter-build.dynamodb.GetItem", remember)

    assert answer.status == 202
    (read,) = [params for params in asked if params["TableName"] == HostModel.Meta.table_name]
    assert "ProjectionExpression" in read  # without one, GetItem answers the whole item
    fields = set(read["ExpressionAttributeNames"].values())
    assert {"key", "previous_key", "previous_key_until"} <= fields
    assert not fields & {"files", "stats", "last_heartbeat"}
