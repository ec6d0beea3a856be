"""A sale from start to end: price, discount, check and reserve stock, pay, print the receipt."""

import random
from collections.abc import Mapping

from demo_pos.catalogue import (
    CURRENCY,
    PRODUCTS,
    STUCK_STOCKTAKE_PRODUCT_ID,
    Product,
    find_product,
    format_cents,
)
from demo_pos.discounts import line_discounts
from demo_pos.failures import (
    Chaos,
    FailureKind,
    Inventory,
    PaymentGateway,
    ReceiptPrinter,
    StoreDatabase,
)
from demo_pos.logs import PosLogs
from demo_pos.order_request import OrderRequest
from demo_pos.pricing import MissingPrice, PricedLine, price_line


class Checkout:
    """One till: its store, terminal, outside systems and loggers."""

    def __init__(
        self,
        *,
        store_id: str,
        terminal_id: str,
        logs: PosLogs,
        failure_rates: Mapping[FailureKind, float],
        rng: random.Random,
    ) -> None:
        self.store_id = store_id
        self.terminal_id = terminal_id
        self._failure_rates = failure_rates
        self._rng = rng
        self._pricing_log = logs.logger("pos.pricing")
        self._orders_log = logs.logger("pos.orders")
        stuck = find_product(STUCK_STOCKTAKE_PRODUCT_ID)
        self._gateway = PaymentGateway(logs.logger("pos.payment"))
        self._inventory = Inventory(
            logs.logger("pos.inventory"), store_id, frozenset({stuck.sku} if stuck else ())
        )
        self._printer = ReceiptPrinter(logs.logger("pos.printer"), terminal_id)
        self._database = StoreDatabase(logs.logger("pos.db"))

    def chaos(self, forced: FailureKind | None = None) -> Chaos:
        """Failure decisions for one request: random at the configured rates, or one forced."""
        return Chaos(self._failure_rates, self._rng, forced)

    def search_products(self, term: str | None, chaos: Chaos) -> list[Product]:
        """The catalogue, or the products whose name contains `term` (case-insensitive)."""
        if not term:
            return list(PRODUCTS)  # the full list is cached at the till; only searches query
        quoted = term.replace("'", "''")
        self._database.run(
            f"SELECT id, name, sku, price_cents FROM products WHERE name ILIKE '%{quoted}%'",
            chaos,
        )
        return [product for product in PRODUCTS if term.casefold() in product.name.casefold()]

    def place_order(self, order_id: str, request: OrderRequest, chaos: Chaos) -> dict:
        """Completes the sale and returns the order as the till shows it.

        Raises MissingPrice, StockLocked or PaymentTimeout (each logged where it happens), or
        whatever a bug raises (the app logs it with its traceback).
        """
        lines = self._price(order_id, request)
        discounts = line_discounts(request.promo_code, lines)
        subtotal = sum(line.line_cents for line in lines)
        discount = sum(discounts)  # each line's discount is capped at its price
        total = subtotal - discount
        skus = [line.product.sku for line in lines]
        sku_list = ", ".join(f"'{sku}'" for sku in skus)
        self._database.run(
            "SELECT sku, on_hand FROM stock "
            f"WHERE store_id = '{self.store_id}' AND sku IN ({sku_list}) FOR UPDATE",
            chaos,
        )
        self._inventory.reserve(order_id, skus, chaos)
        reference = None
        if request.payment_method == "card":
            reference = self._gateway.charge(order_id, format_cents(total), CURRENCY, chaos)
        printed = self._printer.print_receipt(order_id, chaos)
        self._orders_log.info(
            "Order completed | order %s, %d items, total %s %s, paid by %s",
            order_id,
            sum(line.quantity for line in lines),
            format_cents(total),
            CURRENCY,
            request.payment_method,
        )
        return {
            "orderId": order_id,
            "store": self.store_id,
            "terminal": self.terminal_id,
            "status": "completed",
            "items": [_line_json(line, off) for line, off in zip(lines, discounts, strict=True)],
            "promoCode": request.promo_code,
            "subtotal": format_cents(subtotal),
            "discount": format_cents(discount),
            "total": format_cents(total),
            "currency": CURRENCY,
            "paymentMethod": request.payment_method,
            "paymentReference": reference,
            "receiptPrinted": printed,
        }

    def _price(self, order_id: str, request: OrderRequest) -> list[PricedLine]:
        try:
            return [price_line(line.product, line.quantity) for line in request.lines]
        except MissingPrice as missing:
            self._pricing_log.critical(
                "Pricing error | Missing price for product %d (order %s, store %s, terminal %s)",
                missing.product.id,
                order_id,
                self.store_id,
                self.terminal_id,
            )
            raise


def _line_json(line: PricedLine, discount_cents: int) -> dict[str, object]:
    return {
        "productId": line.product.id,
        "name": line.product.name,
        "sku": line.product.sku,
        "quantity": line.quantity,
        "unitPrice": format_cents(line.unit_cents),
        "discount": format_cents(discount_cents),
        "lineTotal": format_cents(line.line_cents - discount_cents),
    }
