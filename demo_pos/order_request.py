"""Checks a POST /orders body and turns it into an OrderRequest, naming the field that is wrong."""

from dataclasses import dataclass

from demo_pos.catalogue import Product, find_product
from demo_pos.discounts import PROMOTION_CODES

PAYMENT_METHODS = ("card", "cash")
DEFAULT_PAYMENT_METHOD = "card"
MAX_LINES = 50
MAX_QUANTITY = 99


class InvalidInput(Exception):
    """Bad input (an order body or a query parameter): 400 naming the field."""

    def __init__(self, error: str, field: str) -> None:
        super().__init__(error)
        self.error = error
        self.field = field


@dataclass(frozen=True)
class OrderLine:
    product: Product
    quantity: int


@dataclass(frozen=True)
class OrderRequest:
    lines: tuple[OrderLine, ...]
    payment_method: str
    promo_code: str | None = None


def parse_order(body: object) -> OrderRequest:
    """The order that `body` (decoded JSON) asks for; raises InvalidInput when it is malformed."""
    if not isinstance(body, dict):
        raise InvalidInput("the body must be a JSON object", "body")
    items = body.get("items")
    if not isinstance(items, list) or not items:
        raise InvalidInput("items must be a non-empty list", "items")
    if len(items) > MAX_LINES:
        raise InvalidInput(f"an order holds at most {MAX_LINES} items", "items")
    lines = tuple(_parse_line(item, f"items[{index}]") for index, item in enumerate(items))
    return OrderRequest(
        lines=lines,
        payment_method=_parse_payment_method(body.get("paymentMethod", DEFAULT_PAYMENT_METHOD)),
        promo_code=_parse_promo_code(body.get("promoCode")),
    )


def _parse_line(item: object, where: str) -> OrderLine:
    if not isinstance(item, dict):
        raise InvalidInput("each item must be an object", where)
    product_id = item.get("productId")
    if not _is_int(product_id):
        raise InvalidInput("productId must be an integer", f"{where}.productId")
    product = find_product(product_id)
    if product is None:
        raise InvalidInput(f"unknown product {product_id}", f"{where}.productId")
    quantity = item.get("quantity", 1)
    if not _is_int(quantity) or not 1 <= quantity <= MAX_QUANTITY:
        raise InvalidInput(
            f"quantity must be an integer from 1 to {MAX_QUANTITY}", f"{where}.quantity"
        )
    return OrderLine(product, quantity)


def _parse_payment_method(method: object) -> str:
    if method not in PAYMENT_METHODS:
        raise InvalidInput("paymentMethod must be 'card' or 'cash'", "paymentMethod")
    return str(method)


def _parse_promo_code(code: object) -> str | None:
    if code is None:
        return None
    if not isinstance(code, str) or code.upper() not in PROMOTION_CODES:
        known = ", ".join(sorted(PROMOTION_CODES))
        raise InvalidInput(f"promoCode must be one of: {known}", "promoCode")
    return code.upper()


def _is_int(value: object) -> bool:
    # JSON true/false decode to bool, which Python counts as int.
    return isinstance(value, int) and not isinstance(value, bool)
