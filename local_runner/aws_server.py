"""The embedded moto server: AWS for the local stack, on a free port.

DynamoDB requests are served one at a time. DynamoDB isolates each request, but moto undoes a
cancelled TransactWriteItems by restoring a copy of the tables, which would also undo what
other threads wrote in the meantime; serving them in turn keeps every write.

moto backs up every table a transaction names with a deep copy before it starts: its time grows
with the tables (and their stream records), and under load it was most of the runner's time.
`install_item_level_transactions` makes the backup the items the transaction touches and the
length of each stream instead, which undoes a cancelled transaction just as well, and keeps
the table: a restored copy left every open stream iterator on the old table's stream, so the
stream poller saw the cancelled changes and none after them.

The other `install_*` functions take out what moto repeats on every request and that made most
of the runner's time under load (each is measured in BENCHMARKS.md, and each has a test that
the answers stay moto's): parsing an update expression's text and a condition, copying and
checking an update's tree, serializing plain results against the API model, listing its
handler's methods.
"""

import copy
import io
import json
import math
import sys
import threading
import uuid
import zlib
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache
from http import HTTPStatus
from types import SimpleNamespace
from urllib.parse import urlsplit

import boto3
from botocore import UNSIGNED
from botocore.awsrequest import AWSPreparedRequest, AWSResponse
from botocore.exceptions import ClientError
from botocore.handlers import BUILTIN_HANDLERS
from moto.core import responses as moto_responses
from moto.core.exceptions import HTTPException
from moto.core.request import environ_key_for_header
from moto.core.responses import ActionResult, BaseResponse
from moto.core.utils import unix_time
from moto.dynamodb import comparisons as dynamodb_comparisons
from moto.dynamodb import models as dynamodb_models
from moto.dynamodb.models.dynamo_type import DynamoType
from moto.dynamodb.models.table import Table
from moto.dynamodb.parsing import expressions as dynamodb_expressions
from moto.dynamodb.parsing import validators as dynamodb_validators
from moto.dynamodb.parsing.ast_nodes import Node, UpdateExpression
from moto.dynamodb.responses import DynamoHandler, DynamoResult
from moto.dynamodbstreams.models import dynamodbstreams_backends
from moto.moto_server.werkzeug_app import (
    BackendRequest,
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import BaseWSGIServer, make_server

GET_RECORDS_TARGET = "DynamoDBStreams_20120810.GetRecords"
DYNAMODB_TARGET_PREFIX = "DynamoDB_20120810."
# moto's backends are the process's, so one turn for all: every DynamoDB and DynamoDB Streams
# request, and every direct read of moto's streams, waits for it.
DYNAMODB_TURN = threading.Lock()


class OneDynamoDBRequestAtATime:
    """WSGI middleware: DYNAMODB_TURN around every DynamoDB and DynamoDB Streams request."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if not target.startswith("DynamoDB"):
            return self.app(environ, start_response)
        with DYNAMODB_TURN:
            if target == GET_RECORDS_TARGET:
                answer = _stream_records_answer(environ, start_response)
                if answer is not None:
                    return answer
            # The body is produced inside the lock: moto does its work while answering.
            return list(self.app(environ, start_response))


class DynamoDBWithoutFlask:
    """WSGI: a DynamoDB request answered by moto's DynamoDB handler itself (see the module's
    docstring); any other request by moto's own app."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if not environ.get("HTTP_X_AMZ_TARGET", "").startswith(DYNAMODB_TARGET_PREFIX):
            return self.app(environ, start_response)
        request = BackendRequest(environ)
        try:
            status, headers, body = DynamoHandler.dispatch(
                request, request.raw_url, dict(request.headers)
            )
        except HTTPException as error:  # what moto's Flask app makes of it
            status, headers, body = error.code, error.get_headers(), error.get_body()
        except ClientError as error:
            status, headers, body = 400, {}, error.response["Error"]["Message"]
        body = body.encode("utf-8") if isinstance(body, str) else body
        headers = [(str(k), str(v)) for k, v in dict(headers).items() if k.lower() != "status"]
        start_response(
            f"{status} {HTTPStatus(int(status)).phrase}",
            [
                *[(k, v) for k, v in headers if k.lower() != "content-length"],
                ("Content-Length", str(len(body))),
            ],
        )
        return [body]


def _epoch(moment: datetime) -> float:
    """A record's creation time as moto's serializer writes it: epoch seconds, in ms."""
    return math.floor(unix_time(moment) * 1000) / 1000


def _records_body(iterator_arn: str, limit: int) -> bytes | None:
    """GetRecords's answer body straight from moto's stream: its records are already in the
    wire format, and moto's generic serializer, walking every attribute of every image against
    the API model, took a fifth of the runner's time under load. None: no stream here knows the
    iterator. The caller holds DYNAMODB_TURN."""
    for account in list(dynamodbstreams_backends):
        for backend in list(dynamodbstreams_backends[account].values()):
            if iterator_arn in backend.shard_iterators:
                answer = backend.get_records(iterator_arn, limit)
                return json.dumps(answer, default=_epoch).encode()
    return None


def _stream_records_answer(environ, start_response) -> list[bytes] | None:
    """A GetRecords request answered from moto's stream (`_records_body`); None: let moto
    answer (an unknown iterator, a malformed request)."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    raw = environ["wsgi.input"].read(length) if length else b""
    environ["wsgi.input"] = io.BytesIO(raw)  # moto reads it again when it answers itself
    try:
        request = json.loads(raw)
        iterator_arn, limit = request["ShardIterator"], int(request.get("Limit") or 1000)
    except (ValueError, KeyError, TypeError):
        return None
    body = _records_body(iterator_arn, limit)
    if body is None:
        return None
    start_response(
        "200 OK",
        [
            ("Content-Type", "application/x-amz-json-1.0"),
            ("Content-Length", str(len(body))),
            ("x-amz-crc32", str(zlib.crc32(body))),
            ("x-amzn-RequestId", uuid.uuid4().hex),
        ],
    )
    return [body]


def read_stream_records(iterator_arn: str, limit: int) -> dict | None:
    """GetRecords for the runner's own stream poller, read from moto in this process: the
    answer as the wire carries it (a copy, never moto's own records), without botocore, whose
    request and answer handling of the poller's reads were a tenth of the runner's time under
    load. None: no stream in this process knows the iterator (ask over the API)."""
    with DYNAMODB_TURN:
        body = _records_body(iterator_arn, limit)
    return None if body is None else json.loads(body)


class _TouchedItems:
    """What a transaction may change: a copy of each item it names, each stream's length."""

    def __init__(self, backend, transact_items: list[dict]):
        self.items: list[tuple[Table, DynamoType, DynamoType | None, object]] = []
        self.streams: list[tuple[list, int]] = []
        for entry in transact_items:
            operation = next(iter(entry.values()), {})
            table = backend.tables.get(operation.get("TableName"))
            if table is None:
                continue  # moto answers the missing table itself
            key = operation.get("Key") or operation.get("Item") or {}
            if table.hash_key_attr not in key:
                continue
            hash_key = DynamoType(key[table.hash_key_attr])
            range_attr = table.range_key_attr
            range_key = DynamoType(key[range_attr]) if range_attr and range_attr in key else None
            if range_attr and range_key is None:
                continue
            current = table.get_item(hash_key, range_key)
            self.items.append((table, hash_key, range_key, copy.deepcopy(current)))
            if table.stream_shard is not None:
                self.streams.append((table.stream_shard.items, len(table.stream_shard.items)))

    def restore(self) -> None:
        # Backwards, so an item named twice ends as it was before the first.
        for table, hash_key, range_key, before in reversed(self.items):
            if range_key is None:
                if before is None:
                    table.items.pop(hash_key, None)
                else:
                    table.items[hash_key] = before
            elif before is None:
                table.items.get(hash_key, {}).pop(range_key, None)
                if hash_key in table.items and not table.items[hash_key]:
                    del table.items[hash_key]
            else:
                table.items[hash_key][range_key] = before
        for records, length in self.streams:
            del records[length:]  # the cancelled writes never reach the stream


def _copy_all_but_tables(value, *args, **kwargs):
    return value if isinstance(value, Table) else copy.deepcopy(value, *args, **kwargs)


def install_item_level_transactions() -> Callable[[], None]:
    """Make moto back up only what a transaction touches (see the module's docstring); the
    function returned puts moto's own back. Relies on DynamoDB requests being served one at
    a time."""
    backend_class = dynamodb_models.DynamoDBBackend
    installed = backend_class.transact_write_items
    if getattr(installed, "item_level", False):
        return lambda: None
    moto_transact = installed

    def transact_write_items(self, transact_items):
        touched = _TouchedItems(self, transact_items)
        # moto's own table backup becomes the live table: restoring it changes nothing.
        dynamodb_models.copy = SimpleNamespace(deepcopy=_copy_all_but_tables)
        try:
            return moto_transact(self, transact_items)
        except BaseException:
            touched.restore()
            raise
        finally:
            dynamodb_models.copy = copy

    def uninstall() -> None:
        backend_class.transact_write_items = moto_transact

    transact_write_items.item_level = True
    backend_class.transact_write_items = transact_write_items
    return uninstall


# Distinct expression texts kept: the functions send a few dozen.
PARSED_EXPRESSIONS_KEPT = 512


def install_parsed_expression_cache() -> Callable[[], None]:
    """Make moto parse each UpdateExpression text once (see the module's docstring); the
    function returned puts moto's own parser back."""
    parser = dynamodb_expressions.UpdateExpressionParser
    installed = parser.__dict__["make"]
    if getattr(installed, "kept", False):
        return lambda: None
    parse = lru_cache(maxsize=PARSED_EXPRESSIONS_KEPT)(installed.__func__)

    def make(cls, expression_str):
        return parse(cls, expression_str)

    make.kept = True
    parser.make = classmethod(make)

    def uninstall() -> None:
        parser.make = installed

    return uninstall


# Condition trees kept: a transaction's item condition is parsed three times in one request,
# and a group's list conditions repeat from request to request.
PARSED_CONDITIONS_KEPT = 256


def install_parsed_condition_cache() -> Callable[[], None]:
    """Make moto parse each condition (expression text, names and values) once while it is
    recent; the function returned puts moto's own parse back. The parsed tree is only read
    when an item is checked against it, so one tree serves every check. moto parsed each
    condition of a TransactWriteItems update three times: parsing was a tenth of the runner's
    time under load."""
    parser = dynamodb_comparisons.ConditionExpressionParser
    motos_own = parser.parse
    if getattr(motos_own, "kept", False):
        return lambda: None
    kept: OrderedDict = OrderedDict()
    keeping = threading.Lock()

    def parse(self):
        try:
            key = (
                self.condition_expression,
                json.dumps(self.expression_attribute_names, sort_keys=True),
                json.dumps(self.expression_attribute_values, sort_keys=True),
            )
        except TypeError:  # a value JSON cannot hold (bytes): parsed each time, as moto does
            return motos_own(self)
        with keeping:
            if key not in kept:
                tree = motos_own(self)  # raises for a malformed expression: nothing kept
                found = (list(self.expr_attr_names_found), list(self.expr_attr_values_found))
                kept[key] = (tree, *found)
                if len(kept) > PARSED_CONDITIONS_KEPT:
                    kept.popitem(last=False)
            tree, names_found, values_found = kept[key]
            kept.move_to_end(key)
        # What moto's request handlers read after parsing, to refuse unused names and values.
        self.expr_attr_names_found = list(names_found)
        self.expr_attr_values_found = list(values_found)
        return tree

    parse.kept = True
    parser.parse = parse

    def uninstall() -> None:
        parser.parse = motos_own

    return uninstall


_PLAIN_LEAVES = (str, int, float, bool, type(None))


def _copy_tree(node: Node, parent: Node | None) -> Node:
    copied = object.__new__(type(node))
    copied.__dict__.update(node.__dict__)
    copied.parent = parent
    if node.children is not None:
        copied.children = [
            _copy_tree(child, copied)
            if isinstance(child, Node)
            else child
            if isinstance(child, _PLAIN_LEAVES)
            else copy.deepcopy(child)
            for child in node.children
        ]
    return copied


def _copy_expression(value, memo=None):
    """deepcopy, with a plain walk for a whole expression tree (a root: no parent above it)."""
    if isinstance(value, Node) and value.parent is None:
        return _copy_tree(value, None)
    return copy.deepcopy(value, memo)


def _checked_once(check):
    def traverse(self, node):
        return check(self, node) if isinstance(node, UpdateExpression) else node

    return traverse


def install_lighter_update_checks() -> Callable[[], None]:
    """Make moto's copy and two checks of an UpdateExpression walk it once (see the module's
    docstring); the function returned puts moto's own back."""
    count_check = dynamodb_validators.ActionCountValidator
    paths_check = dynamodb_validators.OverlappingPathsValidator
    if getattr(count_check.traverse, "once", False):
        return lambda: None
    motos_own = (dynamodb_validators.deepcopy, count_check.traverse, paths_check.traverse)
    dynamodb_validators.deepcopy = _copy_expression
    count_check.traverse = _checked_once(count_check.verify_action_counts)
    paths_check.traverse = _checked_once(paths_check.check_for_overlapping_paths)
    count_check.traverse.once = True

    def uninstall() -> None:
        dynamodb_validators.deepcopy, count_check.traverse, paths_check.traverse = motos_own

    return uninstall


# Results of these types are plain data; a paginated result reads its pages from the model.
_PLAIN_RESULTS = (ActionResult, DynamoResult)
DYNAMODB_JSON = "application/x-amz-json-1.0"


def _plain_json_answer(self, action_result):
    """A DynamoDB answer whose result is plain JSON data (every data-plane answer: items are
    already {type: value} maps), dumped as it is. moto's serializer walks each attribute of
    each item against the API model and gives the same JSON; it was a tenth of the runner's
    time under load. Bytes (binary attributes) and datetimes fail the dump and go to moto's
    serializer, which encodes them, as do errors."""
    if type(action_result) in _PLAIN_RESULTS and isinstance(action_result.result, dict):
        try:
            body = json.dumps(action_result.result)
        except TypeError:
            pass
        else:
            return 200, {"Content-Type": DYNAMODB_JSON, **self.response_headers}, body
    return BaseResponse.serialized(self, action_result)


def install_plain_json_answers() -> Callable[[], None]:
    """Make moto answer plain DynamoDB results without its serializer (see
    `_plain_json_answer`), and list a handler's action names once per class instead of on
    every request (moto walks the class with inspect.getmembers each time); the function
    returned puts moto's own back."""
    if DynamoHandler.__dict__.get("serialized") is _plain_json_answer:
        return lambda: None
    motos_method_names = moto_responses.method_names_from_class
    DynamoHandler.serialized = _plain_json_answer
    moto_responses.method_names_from_class = lru_cache(maxsize=None)(motos_method_names)

    def uninstall() -> None:
        del DynamoHandler.serialized
        moto_responses.method_names_from_class = motos_method_names

    return uninstall


class _Body(io.BytesIO):
    """A response body as botocore reads one from urllib3."""

    def stream(self, **_kwargs):
        chunk = self.read()
        while chunk:
            yield chunk
            chunk = self.read()


def _request_body(request: AWSPreparedRequest) -> bytes:
    body = request.body or b""
    if hasattr(body, "read"):
        body = body.read()
    return body.encode("utf-8") if isinstance(body, str) else bytes(body)


def _environ(request: AWSPreparedRequest, body: bytes) -> dict:
    """The WSGI environ werkzeug's server would build for this request."""
    url = urlsplit(request.url)
    environ = {
        "REQUEST_METHOD": request.method,
        "SCRIPT_NAME": "",
        "PATH_INFO": url.path or "/",
        "QUERY_STRING": url.query,
        "SERVER_NAME": url.hostname or "127.0.0.1",
        "SERVER_PORT": str(url.port or 80),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": url.netloc,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": url.scheme or "http",
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }
    for name, value in request.headers.items():
        key = environ_key_for_header(name)
        if key != "CONTENT_LENGTH":
            environ[key] = value.decode("latin-1") if isinstance(value, bytes) else str(value)
    return environ


class InProcessClients:
    """The botocore hook: a request for a registered server's URL is answered by that server's
    WSGI app (read at each request: the runner wraps it after start) in the calling thread;
    any other request goes out as usual. One hook for the process, servers come and go."""

    def __init__(self):
        self.servers: dict[str, BaseWSGIServer] = {}  # "http://host:port" -> server
        self.installed = False

    def add(self, url: str, server: BaseWSGIServer) -> None:
        if not self.installed:
            # Every botocore session created from now on (pynamodb's, boto3's) calls the hooks,
            # and so does boto3's default session if it exists already.
            hooks = (
                # DynamoDB only: moto tells the other services apart by the signature's scope.
                ("before-call.dynamodb", self.mark_in_process),
                ("choose-signer.dynamodb", self.unsigned_in_process),
                ("before-send", self),
            )
            BUILTIN_HANDLERS.extend(hooks)
            if boto3.DEFAULT_SESSION is not None:
                for event, hook in hooks:
                    boto3.DEFAULT_SESSION.events.register(event, hook)
            self.installed = True
        self.servers[url.rstrip("/")] = server

    def _serves(self, url: str) -> BaseWSGIServer | None:
        parts = urlsplit(url)
        return self.servers.get(f"{parts.scheme}://{parts.netloc}")

    def mark_in_process(self, params: dict, context: dict, **_kwargs) -> None:
        """before-call: note in the request's context that this process answers it."""
        if self._serves(params.get("url", "")) is not None:
            context["stacklens_in_process"] = True

    def unsigned_in_process(self, context: dict, **_kwargs):
        """choose-signer: no SigV4 for a DynamoDB request answered in this process (moto checks
        no signature; signing was a twelfth of the runner's time under load)."""
        return UNSIGNED if context.get("stacklens_in_process") else None

    def remove(self, url: str) -> None:
        self.servers.pop(url.rstrip("/"), None)

    def __call__(self, request: AWSPreparedRequest, **_kwargs) -> AWSResponse | None:
        server = self._serves(request.url)
        if server is None:
            return None
        answer: dict = {}

        def start_response(status: str, headers: list, exc_info=None) -> None:
            answer["status"], answer["headers"] = int(status.split()[0]), headers

        chunks = server.app(_environ(request, _request_body(request)), start_response)
        try:
            body = b"".join(chunks)
        finally:
            if hasattr(chunks, "close"):
                chunks.close()
        return AWSResponse(request.url, answer["status"], dict(answer["headers"]), _Body(body))


in_process_clients = InProcessClients()


def start_moto(host: str, port: int) -> tuple[BaseWSGIServer, str]:
    """Serve moto on host:port (0: any free port) in a daemon thread, and to this process's
    own clients without HTTP; the server and its URL."""
    install_item_level_transactions()
    install_parsed_expression_cache()
    install_parsed_condition_cache()
    install_lighter_update_checks()
    install_plain_json_answers()
    app = OneDynamoDBRequestAtATime(
        DynamoDBWithoutFlask(DomainDispatcherApplication(create_backend_app))
    )
    server = make_server(host, port, app, threaded=True, request_handler=MotoRequestHandler)
    threading.Thread(target=server.serve_forever, name="moto", daemon=True).start()
    bound_host, bound_port = server.server_address[:2]
    url = f"http://{bound_host}:{bound_port}"
    in_process_clients.add(url, server)
    return server, url


def stop_moto(server: BaseWSGIServer) -> None:
    bound_host, bound_port = server.server_address[:2]
    in_process_clients.remove(f"http://{bound_host}:{bound_port}")
    server.shutdown()
