"""The status page in Chromium against the running stack: errors and tickets arrive live, with
no reload, and log text is shown as text."""

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from shipper.signing import signed_headers

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: .ci/run installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def open_logged_in(browser, stack, **page_options):
    """The page, logged in through its form, with the stream live."""
    page = browser.new_page(**page_options)
    page.goto(f"{stack.api_url}/")
    page.wait_for_selector("#token-form:not([hidden])", timeout=5000)
    page.fill("#admin-token", stack.admin_token)
    page.click("#token-submit")
    page.wait_for_function(
        "document.querySelector('#stream-state').textContent.toLowerCase().includes('live')",
        timeout=5000,
    )
    return page


def ingest_line(stack, line: str) -> None:
    """Send one line as the demo host's shipper would: signed with its key."""
    host = "pos-demo-01"
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


def test_errors_and_tickets_arrive_live_and_log_text_stays_text(running_stack, browser):
    stack = running_stack
    page = open_logged_in(browser, stack, viewport={"width": 1280, "height": 800})
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    before = page.locator("#errors li").count()

    answer = requests.post(f"{stack.pos_url}/simulate/payment-timeout", json={}, timeout=5)
    assert answer.status_code < 500 or answer.status_code == 500  # the POS's own answer
    page.wait_for_function(
        f"document.querySelectorAll('#errors li').length > {before}", timeout=2000
    )
    assert "Payment gateway timeout" in page.locator("#errors").inner_text()
    page.wait_for_function(
        "[...document.querySelectorAll('#tickets li')]"
        ".some(li => li.textContent.includes('Payment gateway timeout'))",
        timeout=5000,
    )

    hostile = "2026-11-26 12:00:00,000 ERROR [pos.ui] Render failed <img src=x onerror=alert(1)>"
    ingest_line(stack, hostile)
    page.wait_for_function(
        "document.querySelector('#errors').textContent.includes('<img src=x onerror=alert(1)>')",
        timeout=2000,
    )
    assert page.locator("#errors img").count() == 0
    assert dialogs == []
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "status-page.png"), full_page=True)
    page.close()


def test_the_page_asks_for_the_token_and_keeps_only_a_session(running_stack, browser):
    stack = running_stack
    page = browser.new_page()
    page.goto(f"{stack.api_url}/")
    page.wait_for_selector("#token-form:not([hidden])", timeout=5000)
    assert page.locator("#stream-state").inner_text() == "connecting"  # nothing shown yet

    page.fill("#admin-token", "wrong-token")
    page.click("#token-submit")
    page.wait_for_function(
        "document.querySelector('#notice').textContent.includes('refused')", timeout=5000
    )
    page.fill("#admin-token", stack.admin_token)
    page.click("#token-submit")
    page.wait_for_function(
        "document.querySelector('#stream-state').textContent.includes('live')", timeout=5000
    )
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "stacklens_session"]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert stack.admin_token not in cookie["value"]
    stored = page.evaluate("JSON.stringify({...sessionStorage, ...localStorage})")
    assert stack.admin_token not in stored

    page.click("#log-out")
    page.wait_for_selector("#token-form:not([hidden])", timeout=5000)
    assert not [c for c in page.context.cookies() if c["name"] == "stacklens_session"]
    page.close()


def test_a_cross_site_style_post_without_the_csrf_header_is_refused(running_stack, browser):
    """The session cookie alone cannot change state: a forged form post has no CSRF header."""
    stack = running_stack
    page = open_logged_in(browser, stack)
    status = page.evaluate(
        """async () => (await fetch('/api/automation/toggle', {
             method: 'POST', headers: {'Content-Type': 'text/plain'},
             body: '{"enabled": false}'})).status"""
    )
    assert status == 403
    assert stack.get("/api/automation/status")["enabled"] is True
    page.close()


def test_automation_toggles_from_the_page(running_stack, browser):
    stack = running_stack

    def automation_enabled() -> bool:
        return stack.get("/api/automation/status")["enabled"]

    page = open_logged_in(browser, stack)
    page.wait_for_function(
        "document.querySelector('#automation-toggle').dataset.enabled === 'true'", timeout=5000
    )
    try:
        page.click("#automation-toggle")
        page.wait_for_function(
            "document.querySelector('#automation-toggle').dataset.enabled === 'false'",
            timeout=5000,
        )
        assert automation_enabled() is False
        page.click("#automation-toggle")
        page.wait_for_function(
            "document.querySelector('#automation-toggle').dataset.enabled === 'true'",
            timeout=5000,
        )
        assert automation_enabled() is True
        page.screenshot(path=str(SCREENSHOTS / "status-bar.png"))
    finally:
        if not automation_enabled():
            requests.post(
                f"{stack.api_url}/api/automation/toggle",
                json={"enabled": True},
                headers=stack.admin,
                timeout=5,
            )
        page.close()


def test_a_decision_can_be_marked_wrong_from_the_page(running_stack, browser):
    stack = running_stack
    page = open_logged_in(browser, stack)
    answer = requests.post(f"{stack.pos_url}/simulate/printer-offline", json={}, timeout=5)
    assert answer.status_code != 404, answer.text
    button = page.locator("#errors li", has_text="printer offline").locator(".mark-wrong")
    button.wait_for(timeout=5000)
    button.click()
    page.wait_for_function(
        "[...document.querySelectorAll('.mark-wrong')].some(b => b.textContent === 'Marked wrong')",
        timeout=5000,
    )
    exported = requests.get(
        f"{stack.api_url}/api/decisions/feedback",
        headers=stack.admin,
        timeout=5,
    )
    assert exported.status_code == 200
    rows = [line for line in exported.text.splitlines() if "marked wrong" in line]
    assert rows, exported.text
    page.close()


def test_thresholds_are_edited_on_the_page_and_take_effect(running_stack, browser):
    stack = running_stack
    page = open_logged_in(browser, stack)
    high = page.locator("#rules-form input[name=HIGH]")
    page.wait_for_function(
        "document.querySelector('#rules-form input[name=HIGH]').value !== ''", timeout=5000
    )
    before = stack.get("/api/automation/status")["thresholds"]
    try:
        high.fill("0.95")
        page.click("#rules-save")
        page.wait_for_function(
            "document.querySelector('#notice').textContent.includes('saved')", timeout=5000
        )
        assert stack.get("/api/automation/status")["thresholds"]["HIGH"] == 0.95
        audit = stack.get("/api/audit")["entries"]
        assert audit[0]["what"] == "thresholds" and audit[0]["after"]["HIGH"] == 0.95
        assert audit[0]["who"] == "status page session"
    finally:
        requests.put(
            f"{stack.api_url}/api/automation/rules",
            json={"thresholds": before},
            headers=stack.admin,
            timeout=5,
        )
        page.close()
