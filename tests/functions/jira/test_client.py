"""The jira function's client: one a container keeps per Jira, never retrying by itself."""

from dataclasses import replace

import pytest

from functions.common.settings import load
from functions.jira.client import kept_client

pytestmark = pytest.mark.unit


def test_a_container_keeps_one_client_per_jira_and_account(monkeypatch):
    monkeypatch.setenv("JIRA_URL", "http://jira.example:8080")
    monkeypatch.setenv("JIRA_USER", "bot@example.com")
    monkeypatch.setenv("JIRA_API_TOKEN", "token-one")
    settings = load()

    first = kept_client(settings)

    assert kept_client(load()) is first  # the next invocation reuses it (and its connection)
    assert first.url == "http://jira.example:8080"
    rotated = kept_client(replace(settings, jira_api_token="token-two"))
    assert rotated is not first  # a new token is never sent on the old client
    assert rotated.session.auth == ("bot@example.com", "token-two")
    assert kept_client(replace(settings, jira_url="http://other.example")) is not first
