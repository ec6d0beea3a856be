"""Signed HTTP POSTs to the StackLens API with urllib (the shipper has no third-party HTTP)."""

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message

from shipper.signing import signed_headers


class TransportError(Exception):
    """The request got no HTTP answer (refused, reset, timed out, DNS)."""


@dataclass
class Reply:
    status: int
    body: bytes
    headers: Message = field(default_factory=Message)


def post_signed(
    url: str,
    body: bytes,
    *,
    host_id: str,
    key: str,
    headers: dict[str, str] | None = None,
    timeout: float = 10.0,
) -> Reply:
    """POST `body` signed with the host key; any HTTP answer is a Reply, no answer raises."""
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    all_headers.update(signed_headers(host_id, key, body))
    request = urllib.request.Request(url, data=body, headers=all_headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Reply(response.status, response.read(), response.headers)
    except urllib.error.HTTPError as error:
        return Reply(error.code, _read_quietly(error), error.headers)
    except (OSError, http.client.HTTPException) as error:
        # URLError, connection resets and timeouts are all OSError subclasses.
        raise TransportError(str(error)) from error


def _read_quietly(error: urllib.error.HTTPError) -> bytes:
    try:
        return error.read()
    except (OSError, http.client.HTTPException):
        return b""
    finally:
        error.close()
