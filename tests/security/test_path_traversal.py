"""The status page's assets are a fixed list: no name, however encoded, reaches another file.
Path parameters of other routes cannot walk out either. Raw paths go over http.client, as
requests would tidy the dot segments away before sending."""

import http.client
import json
from urllib.parse import urlsplit

import pytest

TRAVERSALS = [
    "/assets/../handler.py",
    "/assets/..%2Fhandler.py",
    "/assets/%2e%2e%2fhandler.py",
    "/assets/%2e%2e/%2e%2e/openapi.py",
    "/assets/..%252Fhandler.py",
    "/assets/....//handler.py",
    "/assets/..\\handler.py",
    "/assets/..%5Chandler.py",
    "/assets/%2Fetc%2Fpasswd",
    "/assets//etc/passwd",
    "/assets/app.js%00.css",
    "/assets/app.js/../../handler.py",
    "/assets/%c0%ae%c0%ae%c0%afhandler.py",
    "/assets/handler.py",
    "/assets/page",
    "/assets/.",
    "/assets/index.html%20",
    "/api/hosts/..%2F..%2Fassets%2Fapp.js/rotate",
    "/api/history/..%2F..%2Fhandler.py",
    "/api/export/..%2Fgroups",
]
# What any file of the functions' source would show.
SOURCE_MARKS = ("import ", "def ", "root:", "lambda_handler")


def _get(base_url: str, raw_path: str, headers: dict) -> tuple[int, str, str]:
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", raw_path, headers=headers)
        answer = connection.getresponse()
        return answer.status, answer.getheader("Content-Type", ""), answer.read().decode()
    finally:
        connection.close()


@pytest.mark.e2e
@pytest.mark.parametrize("raw_path", TRAVERSALS)
def test_no_path_reaches_a_file_outside_the_page(secret_stack, raw_path):
    status, content_type, body = _get(secret_stack.api_url, raw_path, secret_stack.admin)
    assert status in (400, 404), (status, body[:200])
    assert content_type.startswith("application/json")
    assert "error" in json.loads(body)
    assert not any(mark in body for mark in SOURCE_MARKS), body[:200]


@pytest.mark.e2e
def test_the_listed_assets_are_served(secret_stack):
    status, content_type, body = _get(secret_stack.api_url, "/assets/style.css", {})
    assert (status, content_type.split(";")[0]) == (200, "text/css")
    assert body
