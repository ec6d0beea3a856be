"""Pricing and promotions, including the meal-deal bug the demo crashes on."""

import pytest

from demo_pos.catalogue import find_product
from demo_pos.discounts import MEAL_DEAL_OFF_CENTS, line_discounts
from demo_pos.pricing import MissingPrice, price_line

pytestmark = pytest.mark.unit


def priced(*id_and_quantity):
    return [price_line(find_product(pid), quantity) for pid, quantity in id_and_quantity]


def test_a_line_costs_unit_price_times_quantity():
    (line,) = priced((1, 3))
    assert line.unit_cents == find_product(1).price_cents
    assert line.line_cents == 3 * find_product(1).price_cents


def test_the_gift_card_has_no_price():
    with pytest.raises(MissingPrice) as raised:
        priced((999, 1))
    assert raised.value.product.id == 999


def test_save10_takes_ten_percent_off_each_line():
    lines = priced((23, 1), (5, 2))  # 15.99 and 2 x 3.49
    assert line_discounts("SAVE10", lines) == [159, 69]


def test_meal_deal_spreads_its_discount_over_qualifying_lines():
    lines = priced((8, 1), (11, 1), (14, 1), (1, 1))  # wrap, water, crisps, milk
    discounts = line_discounts("MEALDEAL", lines)
    assert discounts[3] == 0
    assert sum(discounts) == MEAL_DEAL_OFF_CENTS
    assert all(off <= line.line_cents for off, line in zip(discounts, lines, strict=True))


def test_meal_deal_without_a_qualifying_line_crashes():
    with pytest.raises(ZeroDivisionError):
        line_discounts("MEALDEAL", priced((1, 1), (5, 1)))


def test_no_promotion_takes_nothing_off():
    assert line_discounts(None, priced((1, 2), (2, 1))) == [0, 0]
