"""The gateway serves exactly the template's routes and speaks payload 2.0 both ways."""

import base64
import gzip
import json

import pytest

from local_runner.apigw import http_answer, http_event
from local_runner.gateway import create_function_url_app, create_gateway, flask_rule
from local_runner.template import read_stack
from tests.functions.ingest.http import ADMIN

pytestmark = pytest.mark.unit


def test_path_parameters_become_flask_rules():
    assert flask_rule("/assets/{name}") == "/assets/<name>"
    assert flask_rule("/files/{proxy+}") == "/files/<path:proxy>"
    assert flask_rule("/api/hosts/{id}/rotate") == "/api/hosts/<id>/rotate"


def test_every_template_route_is_served_and_nothing_else():
    stack = read_stack()
    app = create_gateway(stack)
    served = {
        (method, rule.rule)
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert served == {(route.method, flask_rule(route.path)) for route in stack.routes}
    assert {"/ingest", "/api/monitoring/live", "/"} <= {route.path for route in stack.routes}


def test_the_template_gives_the_ingest_function_a_url():
    assert read_stack().function_urls == ["IngestFunction"]


@pytest.mark.integration
def test_a_function_url_hands_every_path_to_its_function(aws):
    """As Lambda does: route key $default, the path as sent; the function does the routing."""
    client = create_function_url_app(read_stack(), "IngestFunction").test_client()

    unsigned = client.post("/ingest", data=b"{}", content_type="application/json")
    assert unsigned.status_code == 401
    assert unsigned.get_json()["field"] == "X-StackLens-Host"

    admin = client.post("/api/hosts", json={"host_id": "pos-1"}, headers=ADMIN)
    assert admin.status_code == 404
    assert admin.get_json() == {"error": "no such route on the shippers' URL"}


def test_unknown_route_answers_json_404():
    answer = create_gateway(read_stack()).test_client().get("/no/such/thing")
    assert answer.status_code == 404
    assert answer.get_json() == {"error": "no such route"}


def test_event_shape_for_a_json_request():
    event = http_event(
        "POST",
        "/api/hosts",
        headers={"Content-Type": "application/json", "Authorization": "Bearer x"},
        query="a=1&b=two%20words&a=3",
        body=b'{"host_id": "pos-1"}',
    )
    assert event["version"] == "2.0"
    assert event["routeKey"] == "POST /api/hosts"
    assert event["requestContext"]["http"]["method"] == "POST"
    assert event["headers"]["authorization"] == "Bearer x"
    assert event["queryStringParameters"] == {"a": "1,3", "b": "two words"}
    assert event["isBase64Encoded"] is False
    assert json.loads(event["body"]) == {"host_id": "pos-1"}


def test_a_gzipped_body_arrives_base64_encoded_byte_for_byte():
    body = gzip.compress(b'{"events": []}')
    event = http_event(
        "POST",
        "/ingest",
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        body=body,
    )
    assert event["isBase64Encoded"] is True
    assert base64.b64decode(event["body"]) == body


def test_answers_map_back_including_base64_bodies():
    answer = http_answer(
        {
            "statusCode": 202,
            "headers": {"Content-Type": "application/json"},
            "body": base64.b64encode(b"\x00\x01").decode(),
            "isBase64Encoded": True,
        }
    )
    assert (answer.status, answer.headers["content-type"], answer.body) == (
        202,
        "application/json",
        b"\x00\x01",
    )
    assert http_answer({"ok": True}).status == 200


@pytest.mark.integration
def test_a_held_open_stream_sends_a_comment_line_when_no_event_comes(aws):
    """Proxies close a silent connection: with no event for the keep-alive time the runner
    sends an SSE comment (`: keepalive`), which EventSource ignores."""
    from tests.conftest import ADMIN_TOKEN

    app = create_gateway(read_stack(), keepalive_seconds=0.3)
    answer = app.test_client().get(
        "/api/monitoring/live", headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}, buffered=False
    )
    assert answer.status_code == 200
    assert answer.headers["Content-Type"].startswith("text/event-stream")
    chunks = iter(answer.response)
    assert next(chunks).startswith(b"id: ")  # the feed's position: nothing has happened yet
    assert next(chunks) == b": keepalive\n\n"  # the connection stays open, and says so
    answer.close()
