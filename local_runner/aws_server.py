"""The embedded moto server: AWS for the local stack, on a free port.

DynamoDB requests are served one at a time. DynamoDB isolates each request, but moto undoes a
cancelled TransactWriteItems by restoring a copy of the tables, which would also undo what
other threads wrote in the meantime; serving them in turn keeps every write.
"""

import threading

from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import BaseWSGIServer, make_server


class OneDynamoDBRequestAtATime:
    """WSGI middleware: a lock around every DynamoDB and DynamoDB Streams request."""

    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        target = environ.get("HTTP_X_AMZ_TARGET", "")
        if not target.startswith("DynamoDB"):
            return self.app(environ, start_response)
        with self.lock:
            # The body is produced inside the lock: moto does its work while answering.
            return list(self.app(environ, start_response))


def start_moto(host: str, port: int) -> tuple[BaseWSGIServer, str]:
    """Serve moto on host:port (0: any free port) in a daemon thread; the server and its URL."""
    app = OneDynamoDBRequestAtATime(DomainDispatcherApplication(create_backend_app))
    server = make_server(host, port, app, threaded=True, request_handler=MotoRequestHandler)
    threading.Thread(target=server.serve_forever, name="moto", daemon=True).start()
    bound_host, bound_port = server.server_address[:2]
    return server, f"http://{bound_host}:{bound_port}"
