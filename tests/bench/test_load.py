"""`make load` in small: simulated shippers post signed batches to a real `stacklens local`,
and every line sent is accounted for (202 answers, and each error kind's group count)."""

import pytest

from bench.load import LoadPlan, check_counts, run_load
from bench.load_traffic import ERROR_KINDS, PosTraffic


@pytest.mark.e2e
def test_a_short_load_loses_nothing():
    # 5 % errors so that every kind shows up in 750 lines.
    plan = LoadPlan(shippers=5, duration=3, rate=50, error_rate=0.05, drain=60)
    report = run_load(plan)["load"]
    assert report["shipper_failures"] == []
    assert report["lines_sent"] == report["accepted"] == 750
    assert report["statuses"].keys() == {"202"}
    assert report["error_lines_sent"] == report["error_lines_counted_in_groups"] > 0
    for name, kind in report["error_kinds"].items():
        assert kind["sent"] > 0, name
        assert kind == {**kind, "counted": kind["sent"], "groups": 1, "equal": True}, name
    assert report["nothing_lost"] is True
    assert report["ingest_request_ms"]["p95"] > 0
    # 250 lines/s offered and easily taken: after the first sixth the stack accepts about
    # that, and each sixth's lines wait about their linger (bounds wide enough for a slow CI).
    assert 100 <= report["accepted_lines_per_s_steady"] <= 300
    latencies = report["line_p50_ms_by_sixth_of_run"]
    assert len(latencies) == 6
    assert all(0 < ms < 10_000 for ms in latencies)
    backlog = report["backlog_lines_at_end_of_each_sixth"]
    assert len(backlog) == 6
    assert all(0 <= lines <= 1_000 for lines in backlog)


@pytest.mark.unit
def test_a_missing_or_extra_count_is_reported_as_unequal():
    sent = {"pricing": 3, "payment": 2}
    pricing = next(kind for kind in ERROR_KINDS if kind.name == "pricing")
    groups = [{"template": f"Pricing error | {pricing.marker} <num> (order <id>)", "count": 2}]
    kinds = check_counts(groups, sent)
    assert kinds["pricing"] == {"sent": 3, "counted": 2, "groups": 1, "equal": False}
    assert kinds["payment"]["equal"] is False  # sent but never counted
    assert kinds["crash"] == {"sent": 0, "counted": 0, "groups": 0, "equal": True}


@pytest.mark.unit
def test_traffic_has_the_asked_share_of_errors_of_every_kind():
    traffic = PosTraffic(seed=3, error_rate=0.01)
    lines = [traffic.line(1_764_000_000.0 + n / 50) for n in range(20_000)]
    errors = sum(traffic.errors_sent.values())
    assert 150 < errors < 250
    assert all(count > 0 for count in traffic.errors_sent.values())
    assert sum(1 for line in lines if " INFO [" not in line.split("\n")[0]) == errors
