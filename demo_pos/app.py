"""The demo POS as a Flask app: products, orders, health, and /simulate/<kind> to fail at will."""

import random
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from flask import Flask, g, request
from werkzeug.exceptions import HTTPException

from demo_pos.baskets import order_body_for
from demo_pos.catalogue import PRODUCTS, product_json
from demo_pos.checkout import Checkout
from demo_pos.failures import DEFAULT_FAILURE_RATES, FailureKind, PaymentTimeout, StockLocked
from demo_pos.logs import PosLogs
from demo_pos.order_request import InvalidInput, parse_order
from demo_pos.pricing import MissingPrice
from demo_pos.webhook import WebhookConfig, WebhookLogHandler, WebhookReporter

# Store and terminal ids go into log lines and SQL text: keep them to one plain token.
_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,32}")
MAX_SEARCH_LENGTH = 40
MAX_BODY_BYTES = 64 * 1024


@dataclass
class PosRuntime:
    """What an app holds besides its routes: app.extensions["demo_pos"]."""

    logs: PosLogs
    checkout: Checkout
    webhook: WebhookReporter | None

    def close(self) -> None:
        """Delivers queued webhook events (briefly), then closes the log file."""
        if self.webhook is not None:
            self.webhook.close()
        self.logs.close()


def create_app(
    log_path: str | PathLike[str],
    store_id: str = "S001",
    terminal_id: str = "T01",
    webhook: WebhookConfig | None = None,
    *,
    failure_rates: Mapping[FailureKind, float] | None = None,
    rng: random.Random | None = None,
) -> Flask:
    """A POS app logging to `log_path`; its systems fail at `failure_rates` ({} for never)."""
    for name, value in (("store_id", store_id), ("terminal_id", terminal_id)):
        if not _ID_PATTERN.fullmatch(value):
            raise ValueError(f"{name} must be 1-32 letters, digits, '-' or '_': {value!r}")
    reporter = WebhookReporter(webhook, store_id) if webhook is not None else None
    logs = PosLogs(Path(log_path), [WebhookLogHandler(reporter)] if reporter else [])
    rng = rng or random.Random()
    checkout = Checkout(
        store_id=store_id,
        terminal_id=terminal_id,
        logs=logs,
        failure_rates=DEFAULT_FAILURE_RATES if failure_rates is None else failure_rates,
        rng=rng,
    )
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.extensions["demo_pos"] = PosRuntime(logs=logs, checkout=checkout, webhook=reporter)

    @app.get("/health")
    def health():
        return {"status": "ok", "store": store_id, "terminal": terminal_id}

    @app.get("/products")
    def products():
        term = request.args.get("search")
        if term is not None and (len(term) > MAX_SEARCH_LENGTH or not term.isprintable()):
            raise InvalidInput(
                f"search must be at most {MAX_SEARCH_LENGTH} printable characters", "search"
            )
        found = checkout.search_products(term, checkout.chaos())
        return [product_json(product) for product in found]

    @app.post("/orders")
    def place_order():
        g.order_id = _new_order_id()
        order = parse_order(request.get_json(force=True, silent=True))
        return checkout.place_order(g.order_id, order, checkout.chaos()), 201

    @app.post("/simulate/<kind>")
    def simulate(kind: str):
        try:
            failure = FailureKind(kind)
        except ValueError:
            kinds = [known.value for known in FailureKind]
            return {"error": f"unknown failure kind {kind!r}", "field": "kind", "kinds": kinds}, 404
        g.order_id = _new_order_id()
        order = parse_order(order_body_for(failure, rng))
        return checkout.place_order(g.order_id, order, checkout.chaos(forced=failure)), 201

    _register_error_answers(app, logs, store_id, terminal_id)
    logs.logger("pos.app").info(
        "POS started | store %s, terminal %s, %d products", store_id, terminal_id, len(PRODUCTS)
    )
    return app


def _register_error_answers(app: Flask, logs: PosLogs, store_id: str, terminal_id: str) -> None:
    """The one place where POS errors become HTTP answers."""
    api_log = logs.logger("pos.api")

    @app.errorhandler(InvalidInput)
    def invalid_input(error: InvalidInput):
        return {"error": error.error, "field": error.field}, 400

    @app.errorhandler(MissingPrice)
    def missing_price(error: MissingPrice):
        product = error.product
        message = f"product {product.id} ({product.name}) has no price; ask a supervisor"
        return {"error": message, "orderId": g.get("order_id")}, 422

    @app.errorhandler(StockLocked)
    def stock_locked(error: StockLocked):
        message = f"stock for SKU {error.sku} is locked by another job; try again shortly"
        return {"error": message, "orderId": g.get("order_id")}, 409

    @app.errorhandler(PaymentTimeout)
    def payment_timeout(error: PaymentTimeout):
        message = "the card payment timed out; the customer was not charged, try again or pay cash"
        return {"error": message, "orderId": g.get("order_id")}, 402

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return {"error": (error.description or error.name)}, error.code or 500

    @app.errorhandler(Exception)
    def crash(error: Exception):
        # The demo's deliberate crash lands here: its traceback follows the log line.
        api_log.exception(
            "Unhandled exception | %s %s failed (order %s, store %s, terminal %s)",
            request.method,
            request.path,
            g.get("order_id", "-"),
            store_id,
            terminal_id,
            exc_info=error,
        )
        return {"error": "internal error"}, 500


def _new_order_id() -> str:
    return uuid.uuid4().hex[:12]
