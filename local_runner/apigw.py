"""API Gateway HTTP API payload format 2.0: requests into Lambda events, and answers back.

The local runner and the handler tests build their events here, so both see what AWS sends.
"""

import base64
import json
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import unquote_plus

# Lambda sends every request through a function URL in payload format 2.0 with this route key,
# whatever the path: the function does its own routing.
FUNCTION_URL_ROUTE_KEY = "$default"
TEXT_TYPES = ("application/json", "text/", "application/javascript", "application/xml")


@dataclass
class HttpAnswer:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    cookies: list[str] = field(default_factory=list)


def _is_text(content_type: str | None) -> bool:
    return not content_type or any(content_type.startswith(kind) for kind in TEXT_TYPES)


def http_event(
    method: str,
    path: str,
    *,
    route_key: str | None = None,
    path_parameters: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    query: str = "",
    body: bytes = b"",
    source_ip: str = "127.0.0.1",
) -> dict:
    """The event API Gateway sends a function for one request (header names lower-cased,
    binary or compressed bodies base64-encoded)."""
    headers = {name.lower(): value for name, value in (headers or {}).items()}
    # API Gateway hands cookies over apart, as "name=value" strings, not as a header.
    cookies = [c.strip() for c in headers.pop("cookie", "").split(";") if c.strip()]
    query_parameters: dict[str, str] = {}
    for pair in filter(None, query.split("&")):
        name, _, value = pair.partition("=")
        name, value = unquote_plus(name), unquote_plus(value)
        query_parameters[name] = (
            f"{query_parameters[name]},{value}" if name in query_parameters else value
        )
    textual = _is_text(headers.get("content-type")) and "content-encoding" not in headers
    if textual:
        try:
            encoded_body, is_base64 = body.decode("utf-8"), False
        except UnicodeDecodeError:
            encoded_body, is_base64 = base64.b64encode(body).decode(), True
    else:
        encoded_body, is_base64 = base64.b64encode(body).decode(), True
    now = time.time()
    event = {
        "version": "2.0",
        "routeKey": route_key or f"{method} {path}",
        "rawPath": path,
        "rawQueryString": query,
        "headers": headers,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "local",
            "domainName": headers.get("host", "localhost"),
            "domainPrefix": "local",
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": source_ip,
                "userAgent": headers.get("user-agent", ""),
            },
            "requestId": str(uuid.uuid4()),
            "routeKey": route_key or f"{method} {path}",
            "stage": "$default",
            "time": time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(now)),
            "timeEpoch": int(now * 1000),
        },
        "isBase64Encoded": is_base64,
    }
    if query_parameters:
        event["queryStringParameters"] = query_parameters
    if path_parameters:
        event["pathParameters"] = path_parameters
    if cookies:
        event["cookies"] = cookies
    if body:
        event["body"] = encoded_body
    return event


def http_answer(result) -> HttpAnswer:
    """What API Gateway makes of a function's return value (payload 2.0 rules)."""
    if not isinstance(result, dict) or "statusCode" not in result:
        # A bare value is a 200 JSON answer.
        return HttpAnswer(200, {"content-type": "application/json"}, json.dumps(result).encode())
    headers = {name.lower(): str(value) for name, value in (result.get("headers") or {}).items()}
    for name, values in (result.get("multiValueHeaders") or {}).items():
        headers[name.lower()] = ", ".join(str(v) for v in values)
    raw = result.get("body") or ""
    body = base64.b64decode(raw) if result.get("isBase64Encoded") else raw.encode("utf-8")
    return HttpAnswer(int(result["statusCode"]), headers, body, list(result.get("cookies") or []))
