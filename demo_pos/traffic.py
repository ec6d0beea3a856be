"""Steady, mixed traffic for a running demo POS: mostly good sales, now and then each failure.

Payment timeouts, printer trouble and slow queries come from the POS's own failure rates; the
mix below adds the failures a request causes by itself (an unpriced product, a stuck stock row,
the meal-deal bug) and some bad input.
"""

import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import requests

from demo_pos.baskets import order_body_for, orderable_products, random_items
from demo_pos.catalogue import MEAL_DEAL_CATEGORIES, STUCK_STOCKTAKE_PRODUCT_ID
from demo_pos.failures import FailureKind

DEFAULT_TARGET = "http://127.0.0.1:3001"
REQUEST_TIMEOUT_SECONDS = 10.0
SEARCH_TERMS = ("milk", "coffee", "sandwich", "choc", "juice", "tomato", "bread", "oil")


@dataclass(frozen=True)
class TrafficRequest:
    label: str
    method: str
    path: str
    body: object = None


@dataclass(frozen=True)
class TrafficResult:
    request: TrafficRequest
    status: int | None  # None: the POS did not answer
    elapsed_ms: float


def _payment(rng: random.Random) -> str:
    return "card" if rng.random() < 0.7 else "cash"


def good_order(rng: random.Random) -> TrafficRequest:
    body = {"items": random_items(rng), "paymentMethod": _payment(rng)}
    if rng.random() < 0.1:
        body["promoCode"] = "SAVE10"
    return TrafficRequest("good-order", "POST", "/orders", body)


def meal_deal_order(rng: random.Random) -> TrafficRequest:
    """A sandwich, a drink and a snack with MEALDEAL: the promotion working as meant."""
    items = [
        {"productId": rng.choice(orderable_products(only_category=category)).id, "quantity": 1}
        for category in sorted(MEAL_DEAL_CATEGORIES)
    ]
    body = {"items": items, "paymentMethod": _payment(rng), "promoCode": "MEALDEAL"}
    return TrafficRequest("meal-deal-order", "POST", "/orders", body)


def meal_deal_without_meal(rng: random.Random) -> TrafficRequest:
    """MEALDEAL keyed in for a basket with no sandwich, drink or snack: the crash."""
    body = order_body_for(FailureKind.CRASH, rng)
    return TrafficRequest("meal-deal-crash", "POST", "/orders", body)


def gift_card_order(rng: random.Random) -> TrafficRequest:
    """A basket holding the unpriced gift card."""
    body = order_body_for(FailureKind.MISSING_PRICE, rng)
    return TrafficRequest("gift-card-order", "POST", "/orders", body)


def stocktake_order(rng: random.Random) -> TrafficRequest:
    items = [{"productId": STUCK_STOCKTAKE_PRODUCT_ID, "quantity": rng.randint(1, 3)}]
    body = {"items": items, "paymentMethod": _payment(rng)}
    return TrafficRequest("stocktake-order", "POST", "/orders", body)


def bad_order(rng: random.Random) -> TrafficRequest:
    body = rng.choice(
        (
            {"items": []},
            {"items": [{"productId": 1, "quantity": 0}]},
            {"items": [{"productId": "milk", "quantity": 1}]},
            {"items": [{"productId": 4242, "quantity": 1}]},
            {"items": [{"productId": 5, "quantity": 1}], "paymentMethod": "bitcoin"},
        )
    )
    return TrafficRequest("bad-order", "POST", "/orders", body)


def browse_products(rng: random.Random) -> TrafficRequest:
    return TrafficRequest("browse", "GET", "/products")


def search_products(rng: random.Random) -> TrafficRequest:
    return TrafficRequest("search", "GET", f"/products?search={rng.choice(SEARCH_TERMS)}")


TRAFFIC_MIX: tuple[tuple[Callable[[random.Random], TrafficRequest], int], ...] = (
    (good_order, 70),
    (browse_products, 6),
    (search_products, 6),
    (meal_deal_order, 4),
    (gift_card_order, 4),
    (stocktake_order, 3),
    (meal_deal_without_meal, 3),
    (bad_order, 4),
)


def next_request(rng: random.Random) -> TrafficRequest:
    """One request drawn from the traffic mix."""
    builders = [builder for builder, _ in TRAFFIC_MIX]
    weights = [weight for _, weight in TRAFFIC_MIX]
    return rng.choices(builders, weights)[0](rng)


def run_traffic(
    target: str = DEFAULT_TARGET,
    *,
    rate: float = 2.0,
    duration: float | None = None,
    count: int | None = None,
    rng: random.Random | None = None,
    on_result: Callable[[TrafficResult], None] | None = None,
) -> Counter[str]:
    """Sends `rate` requests a second until `duration` seconds or `count` requests (or forever).

    Returns how many requests got each answer, keyed "label status".
    """
    if rate <= 0:
        raise ValueError("rate must be above 0")
    rng = rng or random.Random()
    base = target.rstrip("/")
    outcomes: Counter[str] = Counter()
    started = time.monotonic()
    with requests.Session() as session:
        sent = 0
        while count is None or sent < count:
            # A steady pace that does not drift with slow answers.
            due_after = sent / rate
            if duration is not None and due_after >= duration:
                break
            time.sleep(max(0.0, started + due_after - time.monotonic()))
            result = _send(session, base, next_request(rng))
            sent += 1
            outcomes[f"{result.request.label} {result.status or 'unreachable'}"] += 1
            if on_result is not None:
                on_result(result)
    return outcomes


def _send(session: requests.Session, base: str, planned: TrafficRequest) -> TrafficResult:
    began = time.monotonic()
    try:
        response = session.request(
            planned.method, base + planned.path, json=planned.body, timeout=REQUEST_TIMEOUT_SECONDS
        )
        status: int | None = response.status_code
    except requests.RequestException:
        status = None
    return TrafficResult(planned, status, (time.monotonic() - began) * 1000)
