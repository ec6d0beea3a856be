"""No secret reaches a log line: the secret stack's whole output (the runner's stdout and
stderr, where the functions' JSON logs go, as CloudWatch would hold them) after traffic that
handles every secret, right and wrong. It also holds whatever the tests before it sent."""

import json
import time

import pytest
import requests

from functions.common import sessions
from functions.feedback.jira_webhook import sign
from local_runner.template import read_stack
from tests.conftest import SECRET_STACK_SECRETS
from tests.security.stack import error_batch, post_signed, register, rotate, table_items

WEBHOOK_SECRET = str(read_stack().parameters["JiraWebhookSecret"]["Default"])


def _traffic_with_every_secret(stack) -> str:
    """Requests that use each secret, and some that get them wrong; the session cookie."""
    api = stack.api_url
    login = requests.post(f"{api}/api/session", json={"token": stack.admin_token}, timeout=10)
    cookie = login.cookies[sessions.COOKIE_NAME]
    requests.post(f"{api}/api/session", json={"token": stack.admin_token + "x"}, timeout=10)
    requests.get(f"{api}/api/session", cookies={sessions.COOKIE_NAME: cookie + "0"}, timeout=10)
    requests.get(f"{api}/api/groups", headers={"Authorization": "Bearer wrong"}, timeout=10)
    # The Jira token in use: the connection check calls Jira with it.
    assert requests.get(f"{api}/api/jira/status?test=1", headers=stack.admin, timeout=30).ok
    host_id, key = register(stack)
    new_key = rotate(stack, host_id, grace_seconds=60)
    for signing_key in (key, new_key, "not-a-key"):
        raw = json.dumps(error_batch(host_id)).encode()
        post_signed(stack, "/ingest", host_id, signing_key, raw)
        beat = json.dumps({"host": host_id, "files": [], "stats": {"at": time.time()}}).encode()
        post_signed(stack, "/api/watcher/heartbeat", host_id, signing_key, beat)
    hook = json.dumps({"webhookEvent": "jira:issue_updated", "issue": {"key": "STACK-999"}})
    for signature in (sign(WEBHOOK_SECRET, hook.encode()), "sha256=" + "0" * 64):
        requests.post(
            f"{api}/api/jira/webhook",
            data=hook,
            headers={"X-Hub-Signature": signature, "Content-Type": "application/json"},
            timeout=10,
        )
    return cookie


@pytest.mark.e2e
def test_no_secret_is_in_any_log_line(secret_stack):
    cookie = _traffic_with_every_secret(secret_stack)
    secrets = {
        "admin token (also the session key)": secret_stack.admin_token,
        "Jira API token": SECRET_STACK_SECRETS["JIRA_API_TOKEN"],
        "Jira webhook secret": WEBHOOK_SECRET,
        "session cookie": cookie,
        "session MAC": cookie.rsplit(".", 1)[-1],
    }
    for host in table_items(secret_stack, "HostsTable"):
        for attribute in ("key", "previous_key"):
            if attribute in host:
                secrets[f"{attribute} of {host['host_id']['S']}"] = host[attribute]["S"]
    assert len(secrets) >= 7  # with both keys of this test's host, and those of the tests before
    time.sleep(0.5)  # the runner writes its output unbuffered; let the last lines land
    log = secret_stack.output.read_text(encoding="utf-8", errors="replace")
    # The functions' logs are there, so a leak would be seen.
    assert '"message":"host key rotated"' in log
    assert '"message":"host registered"' in log
    leaked = [name for name, secret in secrets.items() if secret and secret in log]
    assert leaked == [], f"in the logs: {leaked}"
