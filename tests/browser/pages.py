"""What the browser tests do on the status page as an operator would: log in, open a tab; and the
error lines they send through ingest, signed as the demo host's shipper signs them."""

import json
import random
import string
import uuid
from datetime import UTC, datetime

import requests

from shipper.signing import signed_headers

LAPTOP = {"width": 1366, "height": 768}


def open_logged_in(browser, stack, tab: str = "overview", viewport=LAPTOP, **page_options):
    """The page, logged in through its form, with the stream live and `tab` shown."""
    page = browser.new_page(viewport=viewport, **page_options)
    page.goto(f"{stack.api_url}/")
    page.wait_for_selector("#token-form:not([hidden])", timeout=5000)
    page.fill("#admin-token", stack.admin_token)
    page.click("#token-submit")
    page.wait_for_function(
        "document.querySelector('#stream-state').textContent.toLowerCase().includes('live')",
        timeout=5000,
    )
    show_tab(page, tab)
    return page


def show_tab(page, tab: str) -> None:
    page.click(f"#tab-{tab}")
    page.wait_for_selector(f"#panel-{tab}:not([hidden])", timeout=2000)


def unique_word() -> str:
    """Lower-case letters only, so masking keeps it and each test has its own group."""
    return "".join(random.choices(string.ascii_lowercase, k=12))


def ingest_line(stack, line: str, host: str = "pos-demo-01", key: str | None = None) -> None:
    """Send one line as a host's shipper would, signed with its key (the demo host's key file
    when no key is given)."""
    if key is None:
        key = (stack.state_dir / "demo" / f"{host}.key").read_text().strip()
    body = json.dumps(
        {
            "batch_id": str(uuid.uuid4()),
            "host": host,
            "store": "S001",
            "events": [
                {
                    "source": "/var/log/pos/app.log",
                    "file_id": f"browser-test-{uuid.uuid4().hex}",
                    "offset": 0,
                    "line": line,
                    "observed_at": datetime.now(UTC).isoformat(),
                }
            ],
        }
    ).encode()
    answer = requests.post(
        f"{stack.api_url}/ingest",
        data=body,
        headers={"Content-Type": "application/json", **signed_headers(host, key, body)},
        timeout=5,
    )
    assert answer.status_code == 202, answer.text


def log_line(level: str, text: str) -> str:
    return f"2026-11-26 12:00:00,000 {level} [pos.ui] {text}"
