"""Promotions a cashier can key in. MEALDEAL carries the demo's deliberate crash."""

from demo_pos.catalogue import MEAL_DEAL_CATEGORIES
from demo_pos.pricing import PricedLine

MEAL_DEAL_OFF_CENTS = 150
SAVE10_PERCENT = 10

PROMOTION_CODES = frozenset({"SAVE10", "MEALDEAL"})


def line_discounts(promo_code: str | None, lines: list[PricedLine]) -> list[int]:
    """What the promotion takes off each line, in cents (receipts show it per line)."""
    if promo_code is None:
        return [0] * len(lines)
    if promo_code == "SAVE10":
        return [line.line_cents * SAVE10_PERCENT // 100 for line in lines]
    if promo_code == "MEALDEAL":
        return meal_deal_line_discounts(lines)
    raise ValueError(f"unknown promotion {promo_code!r}")


def meal_deal_line_discounts(lines: list[PricedLine]) -> list[int]:
    """The meal-deal discount spread evenly over the lines that qualify.

    The bug the demo relies on: nothing checks that any line qualifies before dividing, so a
    MEALDEAL order without a sandwich, drink or snack raises ZeroDivisionError.
    """
    qualifying = [line.product.category in MEAL_DEAL_CATEGORIES for line in lines]
    share = MEAL_DEAL_OFF_CENTS // qualifying.count(True)
    return [
        min(share, line.line_cents) if qualifies else 0
        for line, qualifies in zip(lines, qualifying, strict=True)
    ]
