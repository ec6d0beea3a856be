"""POS log lines for the load test: what the demo POS writes, with ids, amounts and times that
vary on every line, and a known share of errors of a few kinds (one with a traceback).

Each error kind names a marker its group's template keeps after masking, so the load test can
find the group of each kind in the status API and check its count against the lines sent.
"""

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True)
class ErrorKind:
    name: str
    marker: str  # a phrase masking leaves in the group's template
    level: str
    logger: str
    text: str  # a str.format template over the values of _values()


ERROR_KINDS = (
    ErrorKind(
        "pricing", "Missing price for product", "CRITICAL", "pos.pricing",
        "Pricing error | Missing price for product {product} (order {order}, store {store}, "
        "terminal {till})",
    ),
    ErrorKind(
        "payment", "Payment gateway timeout", "ERROR", "pos.payment",
        "Payment gateway timeout | provider=Adyen after 30000 ms (order {order}, amount "
        "{amount} EUR)",
    ),
    ErrorKind(
        "inventory", "Inventory lock timeout", "ERROR", "pos.inventory",
        "Inventory lock timeout | could not lock SKU {sku} after 5 retries (order {order}, "
        "store {store})",
    ),
    ErrorKind(
        "printer", "Receipt printer offline", "WARNING", "pos.printer",
        "Receipt printer offline | device=EPSON TM-T88VI at 192.168.1.50:9100 not responding "
        "after 3 attempts (order {order}, terminal {till})",
    ),
    ErrorKind(
        "crash", "KeyError", "ERROR", "pos.api",
        "Unhandled exception | POST /orders failed (order {order}, store {store}, terminal "
        "{till})\n"
        "Traceback (most recent call last):\n"
        '  File "/opt/pos/demo_pos/app.py", line 118, in create_order\n'
        "    return checkout.place(order_request)\n"
        '  File "/opt/pos/demo_pos/checkout.py", line {line}, in place\n'
        "    lines = self._price(order_id, request)\n"
        '  File "/opt/pos/demo_pos/discounts.py", line {line2}, in apply\n'
        "    rule = PROMOTIONS[code]\n"
        "KeyError: '{promo}'",
    ),
)  # fmt: skip

_INFO = (
    ("pos.orders", "Order completed | order {order}, {items} items, total {amount} EUR, "
     "paid by {method}"),
    ("pos.basket", "Basket {basket} opened at terminal {till} by cashier {cashier}"),
    ("pos.basket", "Scanned product {product} x{items} into basket {basket}"),
    ("pos.receipt", "Receipt printed for order {order} in {ms} ms"),
    ("pos.api", "GET /products/{product} 200 {ms}ms"),
    ("pos.db", "Query | SELECT qty FROM stock WHERE sku = '{sku}' took {small_ms} ms"),
    ("pos.payment", "Card authorised | provider=Adyen ref PSP{psp} (order {order})"),
)  # fmt: skip


def _values(rng: random.Random) -> dict:
    return {
        "order": f"O-{rng.getrandbits(40):010x}",
        "basket": str(uuid.UUID(int=rng.getrandbits(128))),
        "amount": f"{rng.randint(100, 40000) / 100:.2f}",
        "items": rng.randint(1, 12),
        "method": rng.choice(("card", "cash", "voucher")),
        "store": f"S{rng.randint(1, 400):03d}",
        "till": f"T{rng.randint(1, 16):02d}",
        "cashier": rng.randint(100, 999),
        "product": rng.randint(100, 99999),
        "sku": f"SKU-{rng.randint(1, 99999):05d}",
        "ms": rng.randint(5, 900),
        "small_ms": rng.randint(1, 40),
        "psp": rng.randrange(10**15, 10**16),
        "line": rng.randint(60, 140),
        "line2": rng.randint(20, 90),
        "promo": f"PROMO{rng.randint(1, 999)}",
    }


def _stamp(moment: float) -> str:
    """The demo POS's time format (UTC, milliseconds after a comma)."""
    when = datetime.fromtimestamp(moment, UTC)
    return when.strftime("%Y-%m-%d %H:%M:%S,") + f"{when.microsecond // 1000:03d}"


class PosTraffic:
    """One POS host's lines; `error_rate` of them errors, spread over ERROR_KINDS evenly."""

    def __init__(self, seed: int, error_rate: float):
        self.rng = random.Random(seed)
        self.error_rate = error_rate
        self.errors_sent = {kind.name: 0 for kind in ERROR_KINDS}

    def line(self, written_at: float) -> str:
        rng = self.rng
        values = _values(rng)
        if rng.random() < self.error_rate:
            kind = rng.choice(ERROR_KINDS)
            self.errors_sent[kind.name] += 1
            return f"{_stamp(written_at)} {kind.level} [{kind.logger}] {kind.text.format(**values)}"
        logger, text = rng.choice(_INFO)
        return f"{_stamp(written_at)} INFO [{logger}] {text.format(**values)}"
