"""The Jira emulator's faults: errors with Retry-After, answers that hang after the work is done,
and a search index that lags behind creation."""

import time

import pytest
import requests

from local_runner.jira_emulator import serve

pytestmark = pytest.mark.integration

AUTH = ("demo@example.com", "demo-token")
FIELDS = {
    "project": {"key": "STACK"},
    "summary": "Printer offline",
    "issuetype": {"name": "Bug"},
    "labels": ["stacklens-fp-0123456789abcdef"],
}


@pytest.fixture
def jira():
    server = serve()
    yield server
    server.shutdown()


def set_faults(jira, **faults) -> requests.Response:
    return requests.post(f"{jira.url}/_emulator/faults", json=faults, timeout=5)


def search_label(jira) -> list:
    answer = requests.get(
        f"{jira.url}/rest/api/3/search/jql",
        params={"jql": 'labels = "stacklens-fp-0123456789abcdef"'},
        auth=AUTH,
        timeout=5,
    )
    answer.raise_for_status()
    return answer.json()["issues"]


def test_a_failing_share_answers_jira_errors_with_retry_after(jira):
    assert set_faults(jira, rate=1.0, statuses=[429], retry_after=7).status_code == 200
    answer = requests.get(f"{jira.url}/rest/api/2/myself", auth=AUTH, timeout=5)
    assert answer.status_code == 429
    assert answer.headers["Retry-After"] == "7"
    assert answer.json()["errorMessages"]

    requests.delete(f"{jira.url}/_emulator/faults", timeout=5)
    assert requests.get(f"{jira.url}/rest/api/2/myself", auth=AUTH, timeout=5).ok


def test_the_rate_is_a_share_of_requests(jira):
    set_faults(jira, rate=0.3, statuses=[500, 503], seed=42)
    codes = [
        requests.get(f"{jira.url}/rest/api/2/myself", auth=AUTH, timeout=5).status_code
        for _ in range(200)
    ]
    failed = sum(code in (500, 503) for code in codes)
    assert 40 <= failed <= 80
    assert set(codes) <= {200, 500, 503}


def test_a_hanging_answer_still_did_the_work(jira):
    set_faults(jira, timeout_rate=1.0, hang_ms=800)
    with pytest.raises(requests.Timeout):
        requests.post(
            f"{jira.url}/rest/api/2/issue", json={"fields": FIELDS}, auth=AUTH, timeout=0.3
        )
    issues = requests.get(f"{jira.url}/_emulator/issues", timeout=5).json()["issues"]
    assert [issue["fields"]["summary"] for issue in issues] == ["Printer offline"]


def test_search_lags_behind_creation(jira):
    set_faults(jira, index_lag_ms=600)
    created = requests.post(
        f"{jira.url}/rest/api/2/issue", json={"fields": FIELDS}, auth=AUTH, timeout=5
    )
    assert created.status_code == 201
    assert search_label(jira) == []
    time.sleep(0.7)
    assert [issue["key"] for issue in search_label(jira)] == [created.json()["key"]]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"rate": 1.5}, "rate"),
        ({"rate": "half"}, "rate"),
        ({"statuses": [200]}, "statuses"),
        ({"statuses": []}, "statuses"),
        ({"hang_ms": -1}, "hang_ms"),
        ({"index_lag_ms": 10**9}, "index_lag_ms"),
        ({"flood": True}, "flood"),
    ],
)
def test_bad_fault_settings_are_refused_naming_the_field(jira, body, field):
    answer = set_faults(jira, **body)
    assert answer.status_code == 400
    assert field in answer.json()["errors"]


def test_reset_clears_the_faults(jira):
    set_faults(jira, rate=1.0)
    requests.post(f"{jira.url}/_emulator/reset", timeout=5)
    assert requests.get(f"{jira.url}/_emulator/faults", timeout=5).json()["rate"] == 0.0
