"""Random but plausible shopping baskets, for /simulate requests and the traffic generator."""

import random

from demo_pos.catalogue import (
    MEAL_DEAL_CATEGORIES,
    MYSTERY_GIFT_CARD_ID,
    PRODUCTS,
    STUCK_STOCKTAKE_PRODUCT_ID,
    Product,
)
from demo_pos.failures import FailureKind


def orderable_products(
    exclude_categories: frozenset[str] = frozenset(), only_category: str | None = None
) -> list[Product]:
    """Products an order can hold without failing by itself (priced, stock row not stuck)."""
    return [
        product
        for product in PRODUCTS
        if product.price_cents is not None
        and product.id != STUCK_STOCKTAKE_PRODUCT_ID
        and product.category not in exclude_categories
        and only_category in (None, product.category)
    ]


def random_items(
    rng: random.Random, products: list[Product] | None = None, max_lines: int = 4
) -> list[dict[str, int]]:
    """1..max_lines distinct products, mostly one of each, as POST /orders items."""
    choices = orderable_products() if products is None else products
    picked = rng.sample(choices, rng.randint(1, min(max_lines, len(choices))))
    return [
        {"productId": product.id, "quantity": rng.choice((1, 1, 1, 2, 2, 3, 6))}
        for product in picked
    ]


def order_body_for(kind: FailureKind, rng: random.Random) -> dict[str, object]:
    """An order body that, with `kind` forced, fails exactly that way (and only that way)."""
    payment_method = rng.choice(("card", "cash"))
    if kind == FailureKind.MISSING_PRICE:
        items = [
            *random_items(rng, max_lines=3),
            {"productId": MYSTERY_GIFT_CARD_ID, "quantity": 1},
        ]
        rng.shuffle(items)
        return {"items": items, "paymentMethod": payment_method}
    if kind == FailureKind.CRASH:
        no_meal_deal = orderable_products(exclude_categories=MEAL_DEAL_CATEGORIES)
        return {
            "items": random_items(rng, no_meal_deal),
            "paymentMethod": payment_method,
            "promoCode": "MEALDEAL",
        }
    if kind == FailureKind.PAYMENT_TIMEOUT:
        payment_method = "card"
    return {"items": random_items(rng), "paymentMethod": payment_method}
