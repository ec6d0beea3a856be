"""Ingest function (HTTP): signed batches in, errors grouped and stored once; host
registration and heartbeats. Thin: the domain is in batch, hosts and pipeline."""

import functools
import json
import secrets
from dataclasses import replace

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from pynamodb.exceptions import PynamoDBException

from functions.common import clock, models
from functions.common.http import (
    ApiError,
    install_error_handlers,
    json_body,
    json_response,
    raw_body,
    require_admin,
)
from functions.common.metrics import count, publishes_metrics
from functions.common.settings import Settings, load
from functions.ingest import pipeline
from functions.ingest.batch import decompress, mark_demo_sources, read_batch
from functions.ingest.hosts import (
    Host,
    authenticate,
    is_host_id,
    read_heartbeat,
    registration,
    rotation_grace_seconds,
)
from functions.ingest.rules import default_rules
from functions.ingest.store import DynamoHostRegistry, DynamoIngestStore
from functions.ingest.validation import Rejected

# DynamoDB saying "not now": the shipper retries a 503 with backoff.
_BUSY_CODES = {
    "ProvisionedThroughputExceededException",
    "ThrottlingException",
    "RequestLimitExceeded",
}

# The function URL (template: the shippers' endpoint) serves what hosts sign with their keys;
# registering hosts and rotating keys, which take the admin token, stay behind the API. Lambda
# sends a function URL's every request with this route key (the API's routes have their own;
# local_runner/apigw.py builds such events with the same constant).
FUNCTION_URL_ROUTE_KEY = "$default"
SIGNED_PATHS = frozenset({"/ingest", "/api/demo-events", "/api/watcher/heartbeat"})

logger = Logger()
app = APIGatewayHttpResolver()
install_error_handlers(app)


def _settings() -> Settings:
    settings = load()
    if models.GroupModel.Meta.table_name != settings.groups_table:
        models.bind(settings)
    return settings


def _answers_refusals(route):
    """Domain refusals become 4xx answers; a throttled table becomes a 503 to retry."""

    @functools.wraps(route)
    def answered(*args, **kwargs):
        try:
            return route(*args, **kwargs)
        except Rejected as error:
            raise ApiError(error.status, error.message, error.field) from None
        except PynamoDBException as error:
            if error.cause_response_code in _BUSY_CODES:
                raise ApiError(
                    503, "storage is busy, retry later", None, {"Retry-After": "1"}
                ) from None
            raise

    return answered


def _signed_body(registry: DynamoHostRegistry) -> tuple[Host, bytes]:
    raw = raw_body(app)
    return authenticate(app.current_event.headers, raw, registry.find), raw


def _ingest(demo: bool):
    settings = _settings()
    host, raw = _signed_body(DynamoHostRegistry())
    batch = read_batch(
        raw, app.current_event.headers.get("content-encoding"), host.host_id, clock.iso()
    )
    if batch.store is None and host.store:
        batch = replace(batch, store=host.store)
    if demo:
        batch = mark_demo_sources(batch)
    result = pipeline.ingest(batch, DynamoIngestStore(settings.retention_days), default_rules())
    count("AcceptedLines", result.accepted)
    count("DuplicateLines", result.duplicates)
    # Two batches in three hold no error: logged at INFO they were half of what ingest paid
    # CloudWatch Logs, to say what AcceptedLines already counts. A batch that added to a group
    # or was sent again is what an operator traces; the rest is logged at DEBUG.
    log = logger.info if result.groups or result.duplicates else logger.debug
    log(
        "batch ingested",
        extra={
            "batch_id": batch.batch_id,
            "host": batch.host,
            "events": len(batch.events),
            "accepted": result.accepted,
            "duplicates": result.duplicates,
            "groups": result.groups,
        },
    )
    return json_response(202, {"accepted": result.accepted, "duplicates": result.duplicates})


@app.post("/ingest")
@_answers_refusals
def ingest_batch():
    return _ingest(demo=False)


@app.post("/api/demo-events")
@_answers_refusals
def ingest_demo_events():
    return _ingest(demo=True)


@app.post("/api/watcher/heartbeat")
@_answers_refusals
def heartbeat():
    _settings()
    registry = DynamoHostRegistry()
    host, raw = _signed_body(registry)
    body = decompress(raw, app.current_event.headers.get("content-encoding"))
    desired_state = registry.record_heartbeat(read_heartbeat(body, host.host_id))
    return json_response(200, {"desired_state": desired_state})


@app.post("/api/hosts")
@_answers_refusals
def register_host():
    settings = _settings()
    require_admin(app, settings.admin_token)
    host_id, store = registration(json_body(app))
    key = secrets.token_urlsafe(32)
    if not DynamoHostRegistry().register(host_id, key, store):
        raise ApiError(409, f"host {host_id} is already registered", "host_id")
    logger.info("host registered", extra={"host": host_id, "store": store})
    # The key is shown this once: the shipper's configuration keeps it.
    return json_response(201, {"host_id": host_id, "key": key})


@app.post("/api/hosts/<host_id>/rotate")
@_answers_refusals
def rotate_host_key(host_id: str):
    """A new key for the host (admin); the replaced one signs for the grace period more."""
    require_admin(app, _settings().admin_token)
    # API Gateway hands over the decoded id; the matched raw path is the fallback.
    host_id = app.current_event.path_parameters.get("host_id", host_id)
    if not is_host_id(host_id):
        raise ApiError(400, "host_id must be 1-64 characters of A-Z a-z 0-9 . _ -", "host_id")
    grace_seconds = rotation_grace_seconds(json_body(app))
    key = secrets.token_urlsafe(32)
    if not DynamoHostRegistry().rotate(host_id, key, grace_seconds):
        raise ApiError(404, f"no host {host_id}", "host_id")
    logger.info("host key rotated", extra={"host": host_id, "grace_seconds": grace_seconds})
    # Shown this once, like the first key: the shipper's key file takes it.
    return json_response(200, {"host_id": host_id, "key": key, "grace_seconds": grace_seconds})


@publishes_metrics
def lambda_handler(event: dict, context) -> dict:
    via_url = event.get("routeKey") == FUNCTION_URL_ROUTE_KEY
    if via_url and event.get("rawPath") not in SIGNED_PATHS:
        return {
            "statusCode": 404,
            "headers": {"Content-Type": "application/json"},
            "body": json.dumps({"error": "no such route on the shippers' URL"}),
        }
    return app.resolve(event, context)
