"""The catalogue a till shows: enough real-looking products, and one without a price."""

import pytest

from demo_pos.catalogue import (
    MYSTERY_GIFT_CARD_ID,
    PRODUCTS,
    find_product,
    format_cents,
    product_json,
)

pytestmark = pytest.mark.unit


def test_at_least_twenty_priced_products_numbered_from_one():
    priced = [product for product in PRODUCTS if product.price_cents is not None]
    assert len(priced) >= 20
    assert [product.id for product in priced] == list(range(1, len(priced) + 1))
    assert all(product.price_cents > 0 for product in priced)


def test_product_999_is_a_gift_card_without_a_price():
    gift_card = find_product(MYSTERY_GIFT_CARD_ID)
    assert MYSTERY_GIFT_CARD_ID == 999
    assert gift_card is not None and "Gift Card" in gift_card.name
    assert gift_card.price_cents is None
    assert product_json(gift_card)["price"] is None


def test_names_and_barcodes_are_unique_ean13():
    assert len({product.name for product in PRODUCTS}) == len(PRODUCTS)
    assert len({product.sku for product in PRODUCTS}) == len(PRODUCTS)
    for product in PRODUCTS:
        digits = [int(d) for d in product.sku]
        assert len(digits) == 13
        weighted = sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits[:12]))
        assert (10 - weighted % 10) % 10 == digits[12], product.sku


@pytest.mark.parametrize(
    ("cents", "shown"), [(0, "0.00"), (5, "0.05"), (99, "0.99"), (1234, "12.34"), (-150, "-1.50")]
)
def test_prices_show_as_euros_and_cents(cents, shown):
    assert format_cents(cents) == shown


def test_unknown_product_is_none():
    assert find_product(4242) is None
