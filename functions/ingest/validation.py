"""Checks shared by every ingest route, and the refusal they raise (status, message, field).

Domain code raises Rejected; the handler turns it into the 4xx JSON answer.
"""

import json

MAX_STORE_CHARS = 64


class Rejected(Exception):
    """A request refused as a whole: 400, 401, 409 or 413, and the field at fault."""

    def __init__(self, status: int, message: str, field: str | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field


def _reject_constant(name: str):
    raise ValueError(f"{name} is not a JSON number")


def parse_json_object(body: bytes, field_name: str = "body") -> dict:
    """The JSON object in `body`, or a 400."""
    try:
        document = json.loads(body, parse_constant=_reject_constant)
    except (ValueError, RecursionError) as error:
        raise Rejected(400, f"body is not valid JSON: {error}", field_name) from None
    if not isinstance(document, dict):
        raise Rejected(400, "body must be a JSON object", field_name)
    return document


def text_field(value, name: str, *, max_bytes: int, required: bool = True) -> str:
    """A non-empty string that DynamoDB can store (valid UTF-8, bounded), or a 400."""
    if not isinstance(value, str) or (required and not value):
        raise Rejected(400, f"{name} must be a non-empty string", name)
    try:
        size = len(value.encode("utf-8"))
    except UnicodeEncodeError:
        raise Rejected(400, f"{name} is not valid Unicode text", name) from None
    if size > max_bytes:
        raise Rejected(400, f"{name} is longer than {max_bytes} bytes", name)
    return value


def optional_store(value) -> str | None:
    """A store id (at most MAX_STORE_CHARS characters) or None, or a 400."""
    if value is None:
        return None
    store = text_field(value, "store", max_bytes=4 * MAX_STORE_CHARS, required=False)
    if len(store) > MAX_STORE_CHARS:
        raise Rejected(400, f"store is longer than {MAX_STORE_CHARS} characters", "store")
    return store or None
