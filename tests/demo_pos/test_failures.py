"""The simulated outside systems: when they fail, and the log line each failure leaves."""

import random
import re

import pytest

from demo_pos.baskets import order_body_for
from demo_pos.catalogue import MEAL_DEAL_CATEGORIES, STUCK_STOCKTAKE_PRODUCT_ID, find_product
from demo_pos.failures import (
    Chaos,
    FailureKind,
    Inventory,
    PaymentGateway,
    PaymentTimeout,
    ReceiptPrinter,
    StockLocked,
    StoreDatabase,
)
from demo_pos.logs import PosLogs
from demo_pos.order_request import parse_order

pytestmark = pytest.mark.unit

TIMESTAMP = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}"


@pytest.fixture
def logs(tmp_path):
    opened = PosLogs(tmp_path / "pos.log")
    yield opened
    opened.close()


def logged(tmp_path) -> list[str]:
    return (tmp_path / "pos.log").read_text().splitlines()


def test_rates_decide_unless_a_kind_is_forced():
    rng = random.Random(3)
    always = Chaos({FailureKind.SLOW_QUERY: 1.0}, rng)
    assert always.strikes(FailureKind.SLOW_QUERY)
    assert not always.strikes(FailureKind.PAYMENT_TIMEOUT)
    forced = Chaos({FailureKind.SLOW_QUERY: 1.0}, rng, forced=FailureKind.PRINTER_OFFLINE)
    assert forced.strikes(FailureKind.PRINTER_OFFLINE)
    assert not forced.strikes(FailureKind.SLOW_QUERY)
    sometimes = Chaos({FailureKind.SLOW_QUERY: 0.3}, rng)
    hits = sum(sometimes.strikes(FailureKind.SLOW_QUERY) for _ in range(2000))
    assert 450 < hits < 750


def test_payment_timeout_logs_order_and_amount(logs, tmp_path):
    gateway = PaymentGateway(logs.logger("pos.payment"))
    chaos = Chaos({}, random.Random(1), forced=FailureKind.PAYMENT_TIMEOUT)
    with pytest.raises(PaymentTimeout):
        gateway.charge("a1b2c3d4e5f6", "12.34", "EUR", chaos)
    assert re.fullmatch(
        TIMESTAMP + r" ERROR \[pos\.payment\] Payment gateway timeout \| provider=Adyen after "
        r"30000 ms \(order a1b2c3d4e5f6, amount 12\.34 EUR\)",
        logged(tmp_path)[-1],
    )


def test_a_healthy_gateway_returns_a_reference(logs, tmp_path):
    gateway = PaymentGateway(logs.logger("pos.payment"))
    assert gateway.charge("a1", "1.00", "EUR", Chaos({}, random.Random(1))).startswith("PSP")
    assert logged(tmp_path) == []


def test_the_stuck_stocktake_row_always_times_out(logs, tmp_path):
    stuck = find_product(STUCK_STOCKTAKE_PRODUCT_ID).sku
    inventory = Inventory(logs.logger("pos.inventory"), "S042", frozenset({stuck}))
    with pytest.raises(StockLocked) as raised:
        inventory.reserve("ord1", ["8710526018152", stuck], Chaos({}, random.Random(1)))
    assert raised.value.sku == stuck
    assert logged(tmp_path)[-1].endswith(
        f"ERROR [pos.inventory] Inventory lock timeout | could not lock SKU {stuck} after 5 "
        "retries (order ord1, store S042)"
    )
    inventory.reserve("ord2", ["8710526018152"], Chaos({}, random.Random(1)))  # not stuck


def test_an_offline_printer_is_a_warning_not_a_failed_sale(logs, tmp_path):
    printer = ReceiptPrinter(logs.logger("pos.printer"), "T07")
    chaos = Chaos({}, random.Random(1), forced=FailureKind.PRINTER_OFFLINE)
    assert printer.print_receipt("ord9", chaos) is False
    assert (
        " WARNING [pos.printer] Receipt printer offline | device=EPSON TM-T88VI at "
        in (logged(tmp_path)[-1])
    )
    assert "(order ord9, terminal T07)" in logged(tmp_path)[-1]


def test_slow_queries_log_the_sql_and_a_varying_duration(logs, tmp_path):
    database = StoreDatabase(logs.logger("pos.db"))
    chaos = Chaos({}, random.Random(5), forced=FailureKind.SLOW_QUERY)
    durations = {database.run("SELECT 1 FROM stock", chaos) for _ in range(5)}
    assert len(durations) > 1 and min(durations) > StoreDatabase.SLOW_QUERY_MS
    for line in logged(tmp_path):
        assert re.fullmatch(
            TIMESTAMP + r" WARNING \[pos\.db\] Slow query \| SELECT 1 FROM stock took \d+ ms", line
        )


def test_two_log_files_never_share_lines(tmp_path):
    first, second = PosLogs(tmp_path / "a.log"), PosLogs(tmp_path / "b.log")
    first.logger("pos.app").info("only in a")
    second.logger("pos.app").warning("only in b")
    first.close()
    second.close()
    assert (tmp_path / "a.log").read_text().endswith("INFO [pos.app] only in a\n")
    assert (tmp_path / "b.log").read_text().count("\n") == 1


@pytest.mark.parametrize("kind", list(FailureKind))
def test_simulated_orders_are_valid_and_fail_only_the_intended_way(kind):
    rng = random.Random(11)
    for _ in range(30):
        order = parse_order(order_body_for(kind, rng))
        ids = [line.product.id for line in order.lines]
        assert STUCK_STOCKTAKE_PRODUCT_ID not in ids
        assert (999 in ids) == (kind == FailureKind.MISSING_PRICE)
        if kind == FailureKind.CRASH:
            assert order.promo_code == "MEALDEAL"
            assert not {line.product.category for line in order.lines} & MEAL_DEAL_CATEGORIES
        if kind == FailureKind.PAYMENT_TIMEOUT:
            assert order.payment_method == "card"
