"""Checking a POST /orders body: a clear message naming the wrong field."""

import pytest

from demo_pos.order_request import InvalidInput, parse_order

pytestmark = pytest.mark.unit


def test_a_valid_order_parses_with_card_as_the_default_payment():
    order = parse_order({"items": [{"productId": 1, "quantity": 2}, {"productId": 999}]})
    assert [(line.product.id, line.quantity) for line in order.lines] == [(1, 2), (999, 1)]
    assert order.payment_method == "card"
    assert order.promo_code is None


def test_payment_method_and_promo_code_are_read():
    order = parse_order(
        {"items": [{"productId": 8, "quantity": 1}], "paymentMethod": "cash", "promoCode": "save10"}
    )
    assert order.payment_method == "cash"
    assert order.promo_code == "SAVE10"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (None, "body"),
        ([], "body"),
        ("items", "body"),
        ({}, "items"),
        ({"items": []}, "items"),
        ({"items": {"productId": 1}}, "items"),
        ({"items": [{"productId": 1}] * 51}, "items"),
        ({"items": [7]}, "items[0]"),
        ({"items": [{"quantity": 1}]}, "items[0].productId"),
        ({"items": [{"productId": "1"}]}, "items[0].productId"),
        ({"items": [{"productId": True}]}, "items[0].productId"),
        ({"items": [{"productId": 1.5}]}, "items[0].productId"),
        ({"items": [{"productId": 1}, {"productId": 4242}]}, "items[1].productId"),
        ({"items": [{"productId": 1, "quantity": 0}]}, "items[0].quantity"),
        ({"items": [{"productId": 1, "quantity": 100}]}, "items[0].quantity"),
        ({"items": [{"productId": 1, "quantity": "2"}]}, "items[0].quantity"),
        ({"items": [{"productId": 1}], "paymentMethod": "bitcoin"}, "paymentMethod"),
        ({"items": [{"productId": 1}], "paymentMethod": None}, "paymentMethod"),
        ({"items": [{"productId": 1}], "promoCode": "FREESTUFF"}, "promoCode"),
        ({"items": [{"productId": 1}], "promoCode": 10}, "promoCode"),
    ],
)
def test_bad_bodies_name_the_field(body, field):
    with pytest.raises(InvalidInput) as raised:
        parse_order(body)
    assert raised.value.field == field
    assert raised.value.error
