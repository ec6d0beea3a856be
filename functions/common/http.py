"""The one place where domain errors become HTTP answers, and the admin check.

Every HTTP function registers `install_error_handlers(app)` on its Powertools resolver: a
client mistake answers 4xx with `{"error": ..., "field": ...}`, never a 5xx.
"""

import base64
import binascii
import hmac
import json

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response

from functions.common import sessions

# An admin request's JSON is a few fields; anything larger is refused before it is parsed.
MAX_JSON_BODY_BYTES = 64 * 1024


class ApiError(Exception):
    """A request the API refuses, with the status and the JSON body to answer."""

    def __init__(self, status: int, message: str, field: str | None = None, headers=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field
        self.headers = headers or {}

    def body(self) -> dict:
        body = {"error": self.message}
        if self.field:
            body["field"] = self.field
        return body


def json_response(status: int, body, headers: dict | None = None) -> Response:
    return Response(
        status_code=status,
        content_type="application/json",
        body=json.dumps(body),
        headers=headers or {},
    )


def install_error_handlers(app: APIGatewayHttpResolver) -> None:
    @app.exception_handler(ApiError)
    def _api_error(error: ApiError) -> Response:
        return json_response(error.status, error.body(), error.headers)

    @app.not_found
    def _not_found(_error) -> Response:
        return json_response(404, {"error": "no such route"})


def raw_body(app: APIGatewayHttpResolver) -> bytes:
    """The body's bytes exactly as the client sent them (what a signature covers)."""
    body = app.current_event.body or ""
    if app.current_event.is_base64_encoded:
        try:
            return base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError):
            raise ApiError(400, "body is not valid base64", "body") from None
    return body.encode("utf-8", errors="surrogatepass")


def json_body(app: APIGatewayHttpResolver) -> dict:
    """The request's JSON object body, or a 400 naming the problem (413 when too large)."""
    if len(raw_body(app)) > MAX_JSON_BODY_BYTES:
        raise ApiError(413, f"body is larger than {MAX_JSON_BODY_BYTES} bytes", "body")
    try:
        raw = app.current_event.decoded_body or ""
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "body is not UTF-8 text", "body") from None
    # JSON's own whitespace only: str.strip() would also take \x1c-\x1f for an empty body.
    if not raw.strip(" \t\r\n"):
        return {}
    try:
        body = json.loads(raw)
    except ValueError as error:
        raise ApiError(400, f"body is not valid JSON: {error}", "body") from None
    if not isinstance(body, dict):
        raise ApiError(400, "body must be a JSON object", "body")
    return body


SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def same_secret(given: str, expected: str) -> bool:
    """Constant-time equality of any two texts (compare_digest refuses non-ASCII str)."""
    return hmac.compare_digest(
        given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass")
    )


def require_admin(app: APIGatewayHttpResolver, admin_token: str) -> None:
    """401 unless the request carries `Authorization: Bearer <admin token>` or the status page's
    session cookie; 403 for a state change by cookie without the CSRF header."""
    event = app.current_event
    header = event.headers.get("authorization") or ""
    scheme, _, token = header.partition(" ")
    if admin_token and scheme.lower() == "bearer":
        if same_secret(token.strip(), admin_token):
            return
        raise ApiError(401, "admin token missing or wrong", "Authorization")
    if admin_token and sessions.is_valid(sessions.from_cookies(event.cookies), admin_token):
        if event.request_context.http.method in SAFE_METHODS or event.headers.get(
            sessions.CSRF_HEADER
        ):
            return
        raise ApiError(403, "a change by the session needs its CSRF header", sessions.CSRF_HEADER)
    raise ApiError(401, "admin token missing or wrong", "Authorization")
