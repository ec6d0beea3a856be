"""The page against the live stream as AWS answers it: an HTTP API cannot hold a response open,
so each answer is finite (the events, then `retry:`) and the browser's EventSource reconnects
with Last-Event-ID. The same page must show every error live, once, in order."""

import pytest
import requests

from tests.browser.pages import ingest_line, log_line, open_logged_in, unique_word
from tests.running_stack import start_running_stack

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def finite_stack(tmp_path_factory):
    yield from start_running_stack(
        tmp_path_factory, with_demo=False, extra_environment={"STACKLENS_STREAM": "finite"}
    )


def test_the_live_tab_shows_every_error_once_over_reconnecting_finite_answers(
    finite_stack, browser
):
    stack = finite_stack
    answer = requests.post(
        f"{stack.api_url}/api/hosts",
        json={"host_id": "pos-finite-01", "store": "S042"},
        headers=stack.admin,
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    key = answer.json()["key"]
    # The stream really is finite here: one request, one complete answer ending in `retry:`.
    finite = requests.get(f"{stack.api_url}/api/monitoring/live", headers=stack.admin, timeout=5)
    assert finite.status_code == 200
    assert finite.text.rstrip().splitlines()[-1].startswith("retry:")

    page = open_logged_in(browser, stack, tab="live")
    page.evaluate("window.__notReloaded = true")
    words = [unique_word() for _ in range(5)]
    for word in words:  # each arrives on a later answer than the page's first
        ingest_line(
            stack, log_line("ERROR", f"Receipt spooler stalled on {word}"), "pos-finite-01", key
        )
        page.wait_for_function(
            f"document.querySelector('#errors').textContent.includes('{word}')", timeout=5000
        )
    assert page.evaluate("window.__notReloaded") is True
    shown = page.locator("#errors").inner_text()
    assert [shown.count(word) for word in words] == [1] * len(words)
    page.close()
