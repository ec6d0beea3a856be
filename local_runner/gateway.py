"""The HTTP API in front of the functions: every HttpApi route of template.yaml, each request
turned into a payload 2.0 event and the function's answer mapped back. A function URL
(FunctionUrlConfig) is served apart, on its own port, as Lambda serves it on its own host.

Requests are answered one function invocation at a time: Lambda never runs two invocations in
one process, and the handlers rely on it (Powertools' resolver keeps the current event in a
class attribute shared by every function, so two requests at once would read each other's
headers and body).

The live stream is the one place the runner does more than API Gateway: where AWS answers a
finite Server-Sent Events response that the browser reconnects, the runner holds the
connection open and asks the function again with the last event id it sent.
"""

import logging
import re
import threading
import time
from collections.abc import Iterator

from flask import Flask, Response, request, stream_with_context

from local_runner.apigw import FUNCTION_URL_ROUTE_KEY, HttpAnswer, http_answer, http_event
from local_runner.invoke import invoke
from local_runner.template import Route, Stack

log = logging.getLogger("stacklens.gateway")

STREAM_POLL_SECONDS = 0.1
KEEPALIVE_SECONDS = 15
_EVENT_ID = re.compile(r"^id: ?(.*)$", re.MULTILINE)
_RETRY_LINE = re.compile(r"^retry:.*\n\n?", re.MULTILINE)
_ONE_INVOCATION_AT_A_TIME = threading.Lock()
# A request waits this long at most for its turn, then is answered 503 with Retry-After (the
# ingest contract's "cannot take it now"). A longer queue outlasts clients' timeouts (the
# shipper's is 10 s): they would send again work that is still queued.
BUSY_AFTER_SECONDS = 5.0


def _busy() -> HttpAnswer:
    return HttpAnswer(
        503,
        {"content-type": "application/json", "retry-after": "1"},
        b'{"error": "the local stack is busy, retry later"}',
    )


def _answer_alone(spec, event: dict) -> HttpAnswer:
    """The function's answer to one request, invoked while no other invocation runs."""
    if not _ONE_INVOCATION_AT_A_TIME.acquire(timeout=BUSY_AFTER_SECONDS):
        log.warning("%s: busy for %.0f s, answered 503", spec.logical_id, BUSY_AFTER_SECONDS)
        return _busy()
    try:
        return http_answer(invoke(spec, event))
    finally:
        _ONE_INVOCATION_AT_A_TIME.release()


def _route_key(route: Route) -> str:
    return f"{route.method} {route.path}"


def _response(answer: HttpAnswer) -> Response:
    response = Response(answer.body, status=answer.status, headers=answer.headers)
    for cookie in answer.cookies:
        response.headers.add("Set-Cookie", cookie)
    return response


def flask_rule(path: str) -> str:
    """/assets/{name} -> /assets/<name>; /files/{proxy+} -> /files/<path:proxy>."""
    path = re.sub(r"\{(\w+)\+\}", r"<path:\1>", path)
    return re.sub(r"\{(\w+)\}", r"<\1>", path)


def _event_for(route_key: str, path_parameters: dict, headers: dict | None = None) -> dict:
    """The event of the request being served, as API Gateway or a function URL sends it."""
    return http_event(
        request.method,
        request.path,
        route_key=route_key,
        path_parameters={k: str(v) for k, v in path_parameters.items()} or None,
        headers=headers if headers is not None else dict(request.headers),
        query=request.query_string.decode("latin-1"),
        body=request.get_data(cache=False),
        source_ip=request.remote_addr or "127.0.0.1",
    )


def _held_open_stream(
    stack: Stack, route: Route, path_parameters: dict, first: bytes, keepalive_seconds: float
):
    """Yields the first answer, then every later answer of the function, on one connection;
    a comment line after `keepalive_seconds` without an event keeps proxies from closing it."""
    headers = dict(request.headers)
    spec = stack.functions[route.function]

    def chunks() -> Iterator[bytes]:
        yield first
        ids = _EVENT_ID.findall(first.decode("utf-8"))
        last_id = ids[-1] if ids else headers.get("Last-Event-Id", "")
        last_sent = time.monotonic()
        while True:
            time.sleep(STREAM_POLL_SECONDS)
            if last_id:
                headers["Last-Event-Id"] = last_id
            answer = _answer_alone(spec, _event_for(_route_key(route), path_parameters, headers))
            if answer.status == 503 and answer.headers.get("retry-after"):
                continue  # busy: ask again at the next poll
            if answer.status != 200:
                return
            text = _RETRY_LINE.sub("", answer.body.decode("utf-8"))
            ids = _EVENT_ID.findall(text)
            if ids:
                last_id = ids[-1]
                last_sent = time.monotonic()
                yield text.encode("utf-8")
            elif time.monotonic() - last_sent >= keepalive_seconds:
                last_sent = time.monotonic()
                yield b": keepalive\n\n"

    # The request context stays alive while the generator runs (query string, path).
    return stream_with_context(chunks())


def create_gateway(
    stack: Stack, hold_streams: bool = True, keepalive_seconds: float = KEEPALIVE_SECONDS
) -> Flask:
    """The Flask app of every route. With `hold_streams` off, a live stream is answered as API
    Gateway answers it (finite: the browser reconnects), not held open."""
    app = Flask("stacklens.gateway")

    def make_view(route: Route):
        def view(**path_parameters):
            spec = stack.functions[route.function]
            answer = _answer_alone(spec, _event_for(_route_key(route), path_parameters))
            content_type = answer.headers.get("content-type", "")
            is_stream = content_type.startswith("text/event-stream")
            if hold_streams and answer.status == 200 and is_stream:
                body = _held_open_stream(
                    stack, route, path_parameters, answer.body, keepalive_seconds
                )
                response = Response(body, status=200, headers=answer.headers)
                response.headers["X-Accel-Buffering"] = "no"
                return response
            return _response(answer)

        view.__name__ = f"{route.function}_{route.method}_{route.path}"
        return view

    for route in stack.routes:
        app.add_url_rule(flask_rule(route.path), view_func=make_view(route), methods=[route.method])

    @app.errorhandler(404)
    def not_found(_error):
        return {"error": "no such route"}, 404

    @app.errorhandler(405)
    def wrong_method(error):
        # RFC 9110: a 405 lists the methods the route does take.
        allowed = ", ".join(sorted(getattr(error, "valid_methods", None) or []))
        return {"error": "method not allowed on this route"}, 405, {"Allow": allowed}

    return app


def create_function_url_app(stack: Stack, logical_id: str) -> Flask:
    """The Flask app of one function URL: every method and path goes to the function."""
    app = Flask(f"stacklens.url.{logical_id}")
    spec = stack.functions[logical_id]

    def view(path: str = ""):  # noqa: ARG001 - the event carries the path
        return _response(_answer_alone(spec, _event_for(FUNCTION_URL_ROUTE_KEY, {})))

    methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
    app.add_url_rule("/", view_func=view, methods=methods)
    app.add_url_rule("/<path:path>", view_func=view, methods=methods)
    return app
