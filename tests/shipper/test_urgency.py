"""Which events the shipper sends at once: the ones that look like errors, by their line only."""

import pytest

from shipper.event import encode_event
from shipper.urgency import looks_like_error

pytestmark = pytest.mark.unit


def wire(line: str, source: str = "/var/log/pos/app.log") -> bytes:
    return encode_event(f'"{source}"', "f" * 32, 0, line, "2026-11-27T03:00:00.000Z")


@pytest.mark.parametrize(
    "line",
    [
        "2026-11-27 03:00:00,123 ERROR [pos.pricing] Missing price for product 999",
        "2026-11-27 03:00:00 CRITICAL Till database is corrupt",
        "03:00:00.123 [main] FATAL c.s.Checkout - cannot start",
        "2026/11/27 03:00:00 [error] 1234#0: *5 upstream timed out",
        "2026/11/27 03:00:00 [crit] 1234#0: SSL_do_handshake() failed",
        "Nov 27 03:00:00 till-01 kernel: <emerg> disk failure",
        '{"level":50,"time":1732676400000,"msg":"payment gateway timeout"}',
        '{"level":"error","msg":"printer offline"}',
        'level=error msg="queue full"',
        'Traceback (most recent call last):\n  File "pos.py", line 1, in <module>',
        "java.lang.NullPointerException: price is null\n\tat pos.Pricing.lookup(Pricing.java:42)",
        "SEVERE: Servlet.service() threw exception",
    ],
)
def test_error_lines_leave_at_once(line):
    assert looks_like_error(wire(line))


@pytest.mark.parametrize(
    "line",
    [
        "2026-11-27 03:00:00,123 INFO [pos.checkout] Order 42 paid, total 12.50",
        "2026-11-27 03:00:00 WARNING Slow query took 812 ms",
        "nightly check finished: 0 errors, error_count=0",
        '{"level":30,"msg":"basket opened"}',
        "GET /api/products/SKU-1 200 12ms",
    ],
)
def test_ordinary_lines_wait_for_company(line):
    assert not looks_like_error(wire(line))


def test_the_source_path_says_nothing():
    assert not looks_like_error(wire("upstream answered in 12 ms", "/var/log/nginx/error.log"))
