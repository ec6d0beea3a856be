"""The admin session of the status page: a cookie that proves the admin token was given.

Stateless: the cookie holds its expiry and an HMAC of it keyed by the admin token, so rotating
the token ends every session. HttpOnly (no script reads it), SameSite=Strict (no other site
sends it), Secure over HTTPS. Requests it authenticates that change state must also carry
CSRF_HEADER, which a cross-site form cannot send.
"""

import hashlib
import hmac
import time

COOKIE_NAME = "stacklens_session"
CSRF_HEADER = "x-stacklens-csrf"
SESSION_SECONDS = 12 * 3600
_VERSION = "v1"


def _mac(admin_token: str, expires: int) -> str:
    message = f"stacklens-session.{_VERSION}.{expires}".encode()
    return hmac.new(admin_token.encode(), message, hashlib.sha256).hexdigest()


def issue(admin_token: str, now: float | None = None) -> str:
    """A session value valid for SESSION_SECONDS."""
    expires = int((time.time() if now is None else now) + SESSION_SECONDS)
    return f"{_VERSION}.{expires}.{_mac(admin_token, expires)}"


def is_valid(value: str, admin_token: str, now: float | None = None) -> bool:
    version, _, rest = (value or "").partition(".")
    expires_text, _, mac = rest.partition(".")
    # ASCII digits of a sane length: int() refuses "²" and more than 4,300 digits.
    well_formed = expires_text.isascii() and expires_text.isdigit() and len(expires_text) <= 12
    if version != _VERSION or not well_formed or not admin_token:
        return False
    expires = int(expires_text)
    if expires < (time.time() if now is None else now):
        return False
    # Bytes: compare_digest refuses a str with non-ASCII characters, which a cookie may hold.
    return hmac.compare_digest(
        mac.encode("utf-8", "surrogatepass"), _mac(admin_token, expires).encode()
    )


def set_cookie(value: str, secure: bool) -> str:
    attributes = f"Path=/; Max-Age={SESSION_SECONDS}; HttpOnly; SameSite=Strict"
    return f"{COOKIE_NAME}={value}; {attributes}" + ("; Secure" if secure else "")


def clear_cookie(secure: bool) -> str:
    attributes = "Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
    return f"{COOKIE_NAME}=; {attributes}" + ("; Secure" if secure else "")


def from_cookies(cookies: list[str]) -> str:
    """The session value among API Gateway's `cookies` ("name=value" strings), or ""."""
    for cookie in cookies or []:
        name, _, value = cookie.strip().partition("=")
        if name == COOKIE_NAME:
            return value
    return ""
