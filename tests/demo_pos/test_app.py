"""The POS over HTTP: what a till sees, and the lines its failures leave in the log."""

import re

import pytest

from demo_pos.catalogue import STUCK_STOCKTAKE_PRODUCT_ID, find_product
from demo_pos.failures import FailureKind

pytestmark = pytest.mark.integration

TIMESTAMP = r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}"
ORDER_ID = r"[0-9a-f]{12}"

# What each /simulate kind answers, and the line it logs (after the timestamp).
SIMULATED = {
    "missing-price": (
        422,
        r"CRITICAL \[pos\.pricing\] Pricing error \| Missing price for product 999 "
        rf"\(order (?P<order>{ORDER_ID}), store S001, terminal T01\)",
    ),
    "payment-timeout": (
        402,
        r"ERROR \[pos\.payment\] Payment gateway timeout \| provider=Adyen after 30000 ms "
        rf"\(order (?P<order>{ORDER_ID}), amount (?P<amount>\d+\.\d\d) EUR\)",
    ),
    "inventory-lock": (
        409,
        r"ERROR \[pos\.inventory\] Inventory lock timeout \| could not lock SKU (?P<sku>\d{13}) "
        rf"after 5 retries \(order (?P<order>{ORDER_ID}), store S001\)",
    ),
    "printer-offline": (
        201,
        r"WARNING \[pos\.printer\] Receipt printer offline \| device=EPSON TM-T88VI at "
        r"192\.168\.1\.50:9100 not responding after 3 attempts "
        rf"\(order (?P<order>{ORDER_ID}), terminal T01\)",
    ),
    "crash": (
        500,
        r"ERROR \[pos\.api\] Unhandled exception \| POST /simulate/crash failed "
        rf"\(order (?P<order>{ORDER_ID}), store S001, terminal T01\)",
    ),
    "slow-query": (
        201,
        r"WARNING \[pos\.db\] Slow query \| SELECT sku, on_hand FROM stock WHERE store_id = 'S001' "
        r"AND sku IN \((?P<skus>'\d{13}'(, '\d{13}')*)\) FOR UPDATE took (?P<ms>\d+) ms",
    ),
}


def find_line(lines: list[str], pattern: str) -> tuple[int, re.Match]:
    """The index and match of the one log line matching `pattern`."""
    found = [
        (index, match)
        for index, line in enumerate(lines)
        if (match := re.fullmatch(rf"{TIMESTAMP} {pattern}", line))
    ]
    assert len(found) == 1, f"{pattern!r} matched {len(found)} lines of:\n" + "\n".join(lines)
    return found[0]


def test_health(pos):
    answer = pos.get("/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "store": "S001", "terminal": "T01"}


def test_products_list_the_catalogue(pos):
    answer = pos.get("/products")
    assert answer.status_code == 200
    products = answer.json()
    assert len(products) >= 21
    by_id = {product["id"]: product for product in products}
    assert by_id[1] == {
        "id": 1,
        "name": "Whole Milk 1L",
        "sku": "8710526018152",
        "category": "dairy",
        "price": "1.19",
        "currency": "EUR",
    }
    assert by_id[999]["price"] is None
    assert all(re.fullmatch(r"\d+\.\d\d", p["price"]) for p in products if p["id"] != 999)


def test_search_finds_products_by_name(pos):
    answer = pos.get("/products?search=JUICE")
    assert answer.status_code == 200
    assert [product["name"] for product in answer.json()] == ["Orange Juice 1L"]
    assert pos.get("/products?search=" + "x" * 41).json()["field"] == "search"
    assert pos.get("/products?search=a%0Ab").status_code == 400


def test_a_good_order_is_totalled_and_logged(pos):
    answer = pos.post(
        "/orders",
        {"items": [{"productId": 1, "quantity": 2}, {"productId": 5}], "paymentMethod": "cash"},
    )
    assert answer.status_code == 201, answer.text
    order = answer.json()
    assert order["total"] == order["subtotal"] == "5.87"  # 2 x 1.19 + 3.49
    assert order["discount"] == "0.00"
    assert [(item["name"], item["lineTotal"]) for item in order["items"]] == [
        ("Whole Milk 1L", "2.38"),
        ("Sourdough Loaf 800g", "3.49"),
    ]
    assert order["status"] == "completed" and order["receiptPrinted"] is True
    assert order["paymentMethod"] == "cash" and order["paymentReference"] is None
    find_line(
        pos.log_lines(),
        rf"INFO \[pos\.orders\] Order completed \| order {order['orderId']}, 3 items, "
        r"total 5\.87 EUR, paid by cash",
    )
    assert not [line for line in pos.log_lines() if " INFO " not in line]


def test_card_orders_carry_the_gateway_reference(pos):
    answer = pos.post("/orders", {"items": [{"productId": 23}]})
    assert answer.status_code == 201
    assert answer.json()["paymentMethod"] == "card"
    assert re.fullmatch(r"PSP\d{16}", answer.json()["paymentReference"])


def test_promotions_take_money_off(pos):
    save10 = pos.post("/orders", {"items": [{"productId": 23}], "promoCode": "SAVE10"}).json()
    assert (save10["subtotal"], save10["discount"], save10["total"]) == ("15.99", "1.59", "14.40")
    meal = {"items": [{"productId": 8}, {"productId": 12}, {"productId": 15}, {"productId": 1}]}
    deal = pos.post("/orders", {**meal, "promoCode": "MEALDEAL"}).json()
    assert deal["discount"] == "1.50"
    assert deal["items"][3]["discount"] == "0.00"


def test_ordering_the_unpriced_gift_card_is_refused_and_logged_critical(pos):
    answer = pos.post("/orders", {"items": [{"productId": 999, "quantity": 1}]})
    assert answer.status_code == 422
    assert "no price" in answer.json()["error"]
    order_id = answer.json()["orderId"]
    find_line(
        pos.log_lines(),
        r"CRITICAL \[pos\.pricing\] Pricing error \| Missing price for product 999 "
        rf"\(order {order_id}, store S001, terminal T01\)",
    )


def test_store_and_terminal_appear_in_the_lines(start_pos):
    pos = start_pos(store_id="S042", terminal_id="T09")
    order_id = pos.post("/orders", {"items": [{"productId": 999}]}).json()["orderId"]
    assert pos.log_lines()[-1].endswith(f"(order {order_id}, store S042, terminal T09)")


@pytest.mark.parametrize("kind", list(SIMULATED))
def test_each_simulated_failure_answers_and_logs_its_line(pos, kind):
    status, pattern = SIMULATED[kind]
    answer = pos.post(f"/simulate/{kind}")
    assert answer.status_code == status, answer.text
    index, match = find_line(pos.log_lines(), pattern)
    if "order" in match.groupdict():
        assert match["order"] == answer.json().get("orderId", match["order"])
    if kind == "crash":
        assert answer.json() == {"error": "internal error"}
        trace = pos.log_lines()[index + 1 :]
        assert trace[0] == "Traceback (most recent call last):"
        assert 'discounts.py", line' in "\n".join(trace)
        assert trace[-1] == "ZeroDivisionError: integer division or modulo by zero"
    if kind == "printer-offline":
        assert answer.json()["receiptPrinted"] is False


@pytest.mark.parametrize("kind", ["payment-timeout", "inventory-lock", "slow-query"])
def test_variable_parts_vary_between_occurrences(pos, kind):
    status, pattern = SIMULATED[kind]
    for _ in range(6):
        assert pos.post(f"/simulate/{kind}").status_code == status
    lines = [line for line in pos.log_lines() if re.fullmatch(rf"{TIMESTAMP} {pattern}", line)]
    assert len(lines) == 6
    variable = [re.sub(rf"^{TIMESTAMP} ", "", line) for line in lines]
    assert len(set(variable)) == 6
    parts = [re.fullmatch(pattern, text).groupdict() for text in variable]
    for name in set(parts[0]) - {"order"}:
        assert len({part[name] for part in parts}) > 1, f"{name} never changes"


def test_an_unknown_simulation_lists_the_kinds(pos):
    answer = pos.post("/simulate/meteor-strike")
    assert answer.status_code == 404
    assert answer.json()["field"] == "kind"
    assert answer.json()["kinds"] == [kind.value for kind in FailureKind]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "items"),
        ({"items": [{"productId": "milk"}]}, "items[0].productId"),
        ({"items": [{"productId": 4242}]}, "items[0].productId"),
        ({"items": [{"productId": 1, "quantity": -1}]}, "items[0].quantity"),
        ({"items": [{"productId": 1}], "paymentMethod": "voucher"}, "paymentMethod"),
        ({"items": [{"productId": 1}], "promoCode": ["SAVE10"]}, "promoCode"),
    ],
)
def test_bad_order_bodies_are_400_naming_the_field(pos, body, field):
    answer = pos.post("/orders", body)
    assert answer.status_code == 400
    assert answer.json()["field"] == field
    assert answer.json()["error"]
    assert [line for line in pos.log_lines() if " INFO " not in line] == []


@pytest.mark.parametrize("raw", [b"", b"not json", b"[1, 2", b"null", b"\xff\xfe"])
def test_unreadable_bodies_are_400(pos, raw):
    answer = pos.post("/orders", data=raw, headers={"Content-Type": "application/json"})
    assert answer.status_code == 400
    assert answer.json()["field"] == "body"


def test_wrong_paths_methods_and_sizes_answer_json_4xx(pos):
    assert pos.get("/nowhere").status_code == 404
    assert "error" in pos.get("/nowhere").json()
    assert pos.get("/orders").status_code == 405
    huge = {"items": [{"productId": 1}], "note": "x" * 100_000}
    assert pos.post("/orders", huge).status_code == 413


def test_a_card_payment_can_time_out_by_itself(start_pos):
    pos = start_pos(failure_rates={FailureKind.PAYMENT_TIMEOUT: 1.0})
    card = pos.post("/orders", {"items": [{"productId": 3}], "paymentMethod": "card"})
    assert card.status_code == 402
    assert "not charged" in card.json()["error"]
    find_line(
        pos.log_lines(),
        rf"ERROR \[pos\.payment\] .* \(order {card.json()['orderId']}, amount 3\.29 EUR\)",
    )
    cash = pos.post("/orders", {"items": [{"productId": 3}], "paymentMethod": "cash"})
    assert cash.status_code == 201


def test_the_stuck_stocktake_product_cannot_be_sold(pos):
    answer = pos.post("/orders", {"items": [{"productId": 2}, {"productId": 13}]})
    assert answer.status_code == 409
    sku = find_product(STUCK_STOCKTAKE_PRODUCT_ID).sku
    assert sku in answer.json()["error"]
    find_line(pos.log_lines(), rf"ERROR \[pos\.inventory\] .*could not lock SKU {sku} .*")


def test_meal_deal_without_a_meal_crashes_with_a_traceback(pos):
    answer = pos.post("/orders", {"items": [{"productId": 1}], "promoCode": "MEALDEAL"})
    assert answer.status_code == 500
    assert answer.json() == {"error": "internal error"}
    index, _ = find_line(pos.log_lines(), r"ERROR \[pos\.api\] .*POST /orders failed .*")
    assert pos.log_lines()[index + 1] == "Traceback (most recent call last):"


def test_printer_and_database_trouble_do_not_stop_a_sale(start_pos):
    pos = start_pos(failure_rates={FailureKind.PRINTER_OFFLINE: 1.0, FailureKind.SLOW_QUERY: 1.0})
    answer = pos.post("/orders", {"items": [{"productId": 4}], "paymentMethod": "cash"})
    assert answer.status_code == 201
    assert answer.json()["receiptPrinted"] is False
    pos.get("/products?search=o'clock")
    lines = pos.log_lines()
    find_line(lines, r"WARNING \[pos\.printer\] Receipt printer offline .*")
    find_line(lines, r"WARNING \[pos\.db\] Slow query \| SELECT sku, on_hand FROM stock .*")
    find_line(lines, r"WARNING \[pos\.db\] Slow query \| .* ILIKE '%o''clock%' took \d+ ms")


def test_two_pos_apps_keep_their_own_logs(start_pos):
    first, second = start_pos(), start_pos(store_id="S002")
    first.post("/simulate/missing-price")
    assert [line for line in second.log_lines() if "CRITICAL" in line] == []
    assert [line for line in first.log_lines() if "CRITICAL" in line] != []
