"""The POS's outside systems, simulated: each one fails now and then and logs it like the real one.

A Chaos object decides, once per request, whether a system fails: at its configured rate, or
always when a /simulate request forces that kind of failure.
"""

import logging
import random
from collections.abc import Mapping
from enum import StrEnum


class FailureKind(StrEnum):
    MISSING_PRICE = "missing-price"
    PAYMENT_TIMEOUT = "payment-timeout"
    INVENTORY_LOCK = "inventory-lock"
    PRINTER_OFFLINE = "printer-offline"
    CRASH = "crash"
    SLOW_QUERY = "slow-query"


# How often each system fails by itself; missing-price and crash come from the request itself.
DEFAULT_FAILURE_RATES: Mapping[FailureKind, float] = {
    FailureKind.PAYMENT_TIMEOUT: 0.05,
    FailureKind.INVENTORY_LOCK: 0.02,
    FailureKind.PRINTER_OFFLINE: 0.03,
    FailureKind.SLOW_QUERY: 0.05,
}


class Chaos:
    """Whether a simulated system fails during one request."""

    def __init__(
        self,
        rates: Mapping[FailureKind, float],
        rng: random.Random,
        forced: FailureKind | None = None,
    ) -> None:
        self._rates = rates
        self.rng = rng
        self._forced = forced

    def strikes(self, kind: FailureKind) -> bool:
        if self._forced is not None:
            return kind == self._forced
        return self.rng.random() < self._rates.get(kind, 0.0)


class PaymentTimeout(Exception):
    """The card gateway did not answer in time; the customer was not charged."""


class StockLocked(Exception):
    """A stock row stayed locked by another job; the order could not reserve it."""

    def __init__(self, sku: str) -> None:
        super().__init__(f"stock row for SKU {sku} is locked")
        self.sku = sku


class PaymentGateway:
    """A card payment provider reached over the network."""

    PROVIDER = "Adyen"
    TIMEOUT_MS = 30_000

    def __init__(self, log: logging.Logger) -> None:
        self._log = log

    def charge(self, order_id: str, amount: str, currency: str, chaos: Chaos) -> str:
        """Charges the card; returns the provider's reference or raises PaymentTimeout."""
        if chaos.strikes(FailureKind.PAYMENT_TIMEOUT):
            self._log.error(
                "Payment gateway timeout | provider=%s after %d ms (order %s, amount %s %s)",
                self.PROVIDER,
                self.TIMEOUT_MS,
                order_id,
                amount,
                currency,
            )
            raise PaymentTimeout(order_id)
        return f"PSP{chaos.rng.randrange(10**15, 10**16)}"


class Inventory:
    """Reserves stock for an order, one row lock per SKU."""

    LOCK_RETRIES = 5

    def __init__(self, log: logging.Logger, store_id: str, stuck_skus: frozenset[str]) -> None:
        self._log = log
        self._store_id = store_id
        self._stuck_skus = stuck_skus

    def reserve(self, order_id: str, skus: list[str], chaos: Chaos) -> None:
        """Reserves every SKU or raises StockLocked for the first that cannot be locked."""
        stuck = [sku for sku in skus if sku in self._stuck_skus]
        if stuck:
            locked = stuck[0]
        elif chaos.strikes(FailureKind.INVENTORY_LOCK):
            locked = chaos.rng.choice(skus)
        else:
            return
        self._log.error(
            "Inventory lock timeout | could not lock SKU %s after %d retries (order %s, store %s)",
            locked,
            self.LOCK_RETRIES,
            order_id,
            self._store_id,
        )
        raise StockLocked(locked)


class ReceiptPrinter:
    """The thermal receipt printer on the till's network."""

    DEVICE = "EPSON TM-T88VI"
    ADDRESS = "192.168.1.50:9100"
    ATTEMPTS = 3

    def __init__(self, log: logging.Logger, terminal_id: str) -> None:
        self._log = log
        self._terminal_id = terminal_id

    def print_receipt(self, order_id: str, chaos: Chaos) -> bool:
        """True when the receipt printed; an offline printer is logged, never fatal to the sale."""
        if not chaos.strikes(FailureKind.PRINTER_OFFLINE):
            return True
        self._log.warning(
            "Receipt printer offline | device=%s at %s not responding after %d attempts "
            "(order %s, terminal %s)",
            self.DEVICE,
            self.ADDRESS,
            self.ATTEMPTS,
            order_id,
            self._terminal_id,
        )
        return False


class StoreDatabase:
    """The store's database: only how long each query takes is simulated."""

    SLOW_QUERY_MS = 1000

    def __init__(self, log: logging.Logger) -> None:
        self._log = log

    def run(self, sql: str, chaos: Chaos) -> int:
        """Runs `sql` (one line, literals inlined as the slow-query log shows them); returns ms."""
        if chaos.strikes(FailureKind.SLOW_QUERY):
            took_ms = chaos.rng.randint(self.SLOW_QUERY_MS + 200, 9_000)
            self._log.warning("Slow query | %s took %d ms", sql, took_ms)
        else:
            took_ms = chaos.rng.randint(2, 40)
        return took_ms
