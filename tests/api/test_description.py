"""openapi.yaml describes exactly the routes of template.yaml, with the right security, and the
status function serves it at GET /api/openapi.json without a token."""

import json

import pytest
from openapi_spec_validator import validate

from tests.api.routes import (
    PUBLIC,
    SIGNED_BY_HOST,
    SIGNED_BY_JIRA,
    admin_routes,
    described_routes,
    load_description,
    template_routes,
)
from tests.functions.status.http import call


@pytest.mark.unit
def test_the_description_is_valid_openapi():
    validate(load_description())


@pytest.mark.unit
def test_the_description_and_the_template_list_the_same_routes():
    described = described_routes(load_description())
    template = template_routes()
    assert sorted(template - described) == [], "routes of template.yaml missing in openapi.yaml"
    assert sorted(described - template) == [], "routes of openapi.yaml not in template.yaml"


def _security(method: str, path: str) -> list[dict]:
    operation = load_description()["paths"][path][method.lower()]
    return operation.get("security", load_description().get("security", []))


@pytest.mark.unit
def test_each_route_is_described_with_the_credentials_it_takes():
    for method, path in PUBLIC:
        assert _security(method, path) == [], (method, path)
    for method, path in SIGNED_BY_HOST:
        assert _security(method, path) == [{"hostSignature": []}], (method, path)
    for method, path in SIGNED_BY_JIRA:
        assert _security(method, path) == [{"webhookSignature": []}], (method, path)
    for method, path in admin_routes():
        session = (
            {"sessionCookie": []} if method == "GET" else {"sessionCookie": [], "csrfHeader": []}
        )
        assert _security(method, path) == [{"adminBearer": []}, session], (method, path)


@pytest.mark.integration
def test_the_status_function_serves_the_description_without_a_token(aws):
    answer = call("GET", "/api/openapi.json", headers={})
    assert answer.status == 200
    assert answer.headers["content-type"].startswith("application/json")
    assert json.loads(answer.body) == load_description()
