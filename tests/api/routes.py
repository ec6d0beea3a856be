"""The template's HTTP routes by who may call them: the list the API and security tests share.

Every route not named here is an admin route, so a route added to template.yaml is checked
for the admin token without anyone remembering to add it.
"""

import functools
import re
from pathlib import Path

import yaml

from local_runner.template import read_stack

OPENAPI_PATH = Path(__file__).resolve().parents[2] / "openapi.yaml"

PUBLIC = {
    ("GET", "/"),
    ("GET", "/assets/{name}"),
    ("GET", "/api/openapi.json"),
    ("POST", "/api/session"),  # the login form: it takes the token
    ("DELETE", "/api/session"),  # logging out needs nothing
}
SIGNED_BY_HOST = {
    ("POST", "/ingest"),
    ("POST", "/api/demo-events"),
    ("POST", "/api/watcher/heartbeat"),
}
SIGNED_BY_JIRA = {("POST", "/api/jira/webhook")}


def template_routes() -> set[tuple[str, str]]:
    return {(route.method, route.path) for route in read_stack().routes}


def admin_routes() -> list[tuple[str, str]]:
    return sorted(template_routes() - PUBLIC - SIGNED_BY_HOST - SIGNED_BY_JIRA)


def described_routes(description: dict) -> set[tuple[str, str]]:
    methods = {"get", "put", "post", "delete", "patch", "head", "options"}
    return {
        (method.upper(), path)
        for path, item in description["paths"].items()
        for method in item
        if method in methods
    }


@functools.cache
def _parsed_description(modified_ns: int) -> dict:
    return yaml.safe_load(OPENAPI_PATH.read_text(encoding="utf-8"))


def load_description() -> dict:
    """openapi.yaml as data (parsed once per version of the file; do not change it)."""
    return _parsed_description(OPENAPI_PATH.stat().st_mtime_ns)


def concrete_path(path: str, value: str = "pos-1") -> str:
    """/api/hosts/{host_id}/rotate -> /api/hosts/pos-1/rotate."""
    return re.sub(r"\{[^}]+\}", value, path)
