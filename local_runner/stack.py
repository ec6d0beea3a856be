"""The whole StackLens stack in one process: moto as AWS, the template's resources, the
functions behind the HTTP gateway, the trigger pollers, and the Jira emulator."""

import gc
import logging
import os
import threading
from dataclasses import dataclass, field

from werkzeug.serving import BaseWSGIServer, make_server

from local_runner import jira_emulator
from local_runner.aws_resources import (
    REGION,
    Resources,
    create_resources,
    function_environment,
    parameters_from_environment,
)
from local_runner.aws_server import start_moto, stop_moto
from local_runner.config import LocalConfig
from local_runner.gateway import create_function_url_app, create_gateway
from local_runner.invoke import invoked, keep_invocation_log_keys_apart, load_handler
from local_runner.template import Stack, read_stack
from local_runner.triggers import WakeOnTableWrite, start_pollers

log = logging.getLogger("stacklens.local")

# Collections of the youngest generation after this many new container objects (Python's
# default: 700). The runner allocates fast (moto, botocore, every request): the default
# collected about 50 times a second under the latency bench.
GC_YOUNG_THRESHOLD = 20_000
# The function whose URL the shippers post to (the template's output ShipperUrl).
SHIPPER_FUNCTION = "IngestFunction"


def _start_aws(config: LocalConfig) -> tuple[BaseWSGIServer, str]:
    server, url = start_moto(config.host, config.moto_port)
    # Before any table exists: every write from now on wakes the stream pollers.
    server.app = WakeOnTableWrite(server.app, invoked.set)
    # Every boto3 and pynamodb client of this process now talks to moto.
    os.environ.update(
        AWS_ENDPOINT_URL=url,
        AWS_ACCESS_KEY_ID="local",
        AWS_SECRET_ACCESS_KEY="local",
        AWS_DEFAULT_REGION=REGION,
        AWS_REGION=REGION,
    )
    return server, url


@dataclass
class LocalStack:
    config: LocalConfig
    stack: Stack = field(default_factory=read_stack)
    resources: Resources | None = None
    jira_url: str = ""
    aws_url: str = ""
    function_urls: dict[str, str] = field(default_factory=dict)  # logical id -> base URL
    _aws: BaseWSGIServer | None = None
    _jira: object | None = None
    _api: BaseWSGIServer | None = None
    _url_servers: list[BaseWSGIServer] = field(default_factory=list)
    _stop_pollers: threading.Event | None = None

    def start(self) -> "LocalStack":
        self._aws, self.aws_url = _start_aws(self.config)
        if self.config.jira_url:
            self.jira_url = self.config.jira_url
        else:
            self._jira = jira_emulator.serve(
                host=self.config.host,
                port=self.config.jira_port,
                users={self.config.jira_user: self.config.jira_api_token},
                projects=(self.config.jira_project,),
            )
            self.jira_url = self._jira.url
        # The template's parameters: what the environment sets, then the runner's own values.
        parameters = {
            **parameters_from_environment(self.stack, os.environ),
            "AdminToken": self.config.admin_token,
            "JiraUrl": self.jira_url,
            "JiraUser": self.config.jira_user,
            "JiraProject": self.config.jira_project,
        }
        self.resources = create_resources(
            self.stack,
            secret_values={"JiraTokenSecret": self.config.jira_api_token},
            parameters=parameters,
        )
        environment = function_environment(self.stack, self.resources, parameters)
        environment["STATUS_PAGE_URL"] = self.config.api_url + "/"
        environment.setdefault("POWERTOOLS_METRICS_NAMESPACE", "StackLens")
        environment.setdefault("POWERTOOLS_TRACE_DISABLED", "true")
        os.environ.update(environment)

        from functions.common import models
        from functions.common.settings import load

        models.bind(load())
        keep_invocation_log_keys_apart()
        # Load every handler now, as Lambda's init phase would, so the first request does not
        # pay for imports and model training.
        for spec in self.stack.functions.values():
            load_handler(spec)
        # pynamodb makes each table's client on its first use, the first of them loading
        # DynamoDB's API description: some 200,000 objects that the collector walked, in
        # collections of 100-160 ms, while the first errors went through.
        for model in models.ALL_MODELS:
            model._get_connection().connection.client  # noqa: B018 - made on first access
        self._stop_pollers = start_pollers(
            self.stack.functions, self.stack.triggers, self.resources
        )
        self._api = make_server(
            self.config.host,
            self.config.api_port,
            create_gateway(self.stack, hold_streams=self.config.stream_mode == "held"),
            threaded=True,
        )
        for port, logical_id in enumerate(self.stack.function_urls, self.config.function_url_port):
            server = make_server(
                self.config.host,
                port,
                create_function_url_app(self.stack, logical_id),
                threaded=True,
            )
            self._url_servers.append(server)
            self.function_urls[logical_id] = f"http://{self.config.host}:{port}"
        # What start made (moto, the handlers, the model, the clients) lives as long as the
        # process: frozen, the collector no longer walks it. Full collections of it had stopped
        # every thread for 170-225 ms, a few times a minute under the latency bench.
        gc.collect()
        gc.freeze()
        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
        for name, server in [
            ("api", self._api),
            *zip(self.function_urls, self._url_servers, strict=True),
        ]:
            threading.Thread(target=server.serve_forever, name=name, daemon=True).start()
        return self

    @property
    def shipper_url(self) -> str:
        """Where shippers post: the ingest function's URL (the template's ShipperUrl)."""
        return self.function_urls.get(SHIPPER_FUNCTION, self.config.api_url)

    def stop(self) -> None:
        for server in [self._api, *self._url_servers]:
            if server:
                server.shutdown()
        if self._stop_pollers:
            self._stop_pollers.set()
        if self._jira:
            self._jira.shutdown()
        if self._aws:
            stop_moto(self._aws)
