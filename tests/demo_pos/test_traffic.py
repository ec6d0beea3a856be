"""The traffic generator: a steady, bounded mix of sales and failures against a running POS."""

import random
import socket
import time
from collections import Counter

import pytest

from demo_pos.order_request import InvalidInput, parse_order
from demo_pos.traffic import TRAFFIC_MIX, next_request, run_traffic


@pytest.mark.unit
def test_the_mix_is_mostly_good_orders_and_covers_every_kind():
    rng = random.Random(2)
    drawn = [next_request(rng) for _ in range(3000)]
    labels = Counter(request.label for request in drawn)
    assert len(labels) == len(TRAFFIC_MIX)
    assert labels["good-order"] > sum(labels.values()) / 2
    for request in drawn:
        if request.method != "POST":
            continue
        if request.label == "bad-order":
            with pytest.raises(InvalidInput):
                parse_order(request.body)
        else:
            parse_order(request.body)


@pytest.mark.integration
def test_a_bounded_run_sends_exactly_count_requests(start_pos):
    pos = start_pos()
    seen = Counter()
    handle = pos.app.wsgi_app

    def counting(environ, start_response):
        seen[environ["REQUEST_METHOD"]] += 1
        return handle(environ, start_response)

    pos.app.wsgi_app = counting
    results = []
    outcomes = run_traffic(
        pos.url, rate=200, count=40, rng=random.Random(4), on_result=results.append
    )
    assert sum(outcomes.values()) == 40 == sum(seen.values()) == len(results)
    assert all(result.status is not None for result in results)
    for result in results:
        if result.status >= 500:
            assert result.request.label == "meal-deal-crash"
    assert outcomes["good-order 201"] >= 15
    critical = [line for line in pos.log_lines() if " CRITICAL [pos.pricing] " in line]
    assert len(critical) == sum(n for key, n in outcomes.items() if key.startswith("gift-card"))


@pytest.mark.integration
def test_the_rate_is_kept_and_the_duration_ends_the_run(pos):
    started = time.monotonic()
    outcomes = run_traffic(pos.url, rate=25, duration=0.4)
    elapsed = time.monotonic() - started
    assert 9 <= sum(outcomes.values()) <= 10
    assert 0.3 < elapsed < 2.0


@pytest.mark.integration
def test_a_pos_that_is_down_is_counted_not_fatal():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    outcomes = run_traffic(f"http://127.0.0.1:{port}", rate=100, count=3)
    assert sum(n for key, n in outcomes.items() if key.endswith(" unreachable")) == 3
