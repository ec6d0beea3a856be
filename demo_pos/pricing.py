"""Prices the lines of an order from the catalogue."""

from dataclasses import dataclass

from demo_pos.catalogue import Product


class MissingPrice(Exception):
    """A product in the order has no price in the catalogue."""

    def __init__(self, product: Product) -> None:
        super().__init__(f"Missing price for product {product.id}")
        self.product = product


@dataclass(frozen=True)
class PricedLine:
    product: Product
    quantity: int
    unit_cents: int

    @property
    def line_cents(self) -> int:
        return self.unit_cents * self.quantity


def price_line(product: Product, quantity: int) -> PricedLine:
    """The line at the catalogue price; raises MissingPrice when the product has none."""
    if product.price_cents is None:
        raise MissingPrice(product)
    return PricedLine(product, quantity, product.price_cents)


def subtotal_cents(lines: list[PricedLine]) -> int:
    return sum(line.line_cents for line in lines)
