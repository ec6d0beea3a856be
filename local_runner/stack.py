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
from local_runner.gateway import create_gateway
from local_runner.invoke import invoked, load_handler
from local_runner.template import Stack, read_stack
from local_runner.triggers import WakeOnTableWrite, start_pollers

log = logging.getLogger("stacklens.local")

# Collections of the youngest generation after this many new container objects (Python's
# default: 700). The runner allocates fast (moto, botocore, every request): the default
# collected about 50 times a second under the latency bench.
GC_YOUNG_THRESHOLD = 20_000


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
    _aws: BaseWSGIServer | None = None
    _jira: object | None = None
    _api: BaseWSGIServer | None = None
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
        # What start made (moto, the handlers, the model, the clients) lives as long as the
        # process: frozen, the collector no longer walks it. Full collections of it had stopped
        # every thread for 170-225 ms, a few times a minute under the latency bench.
        gc.collect()
        gc.freeze()
        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
        threading.Thread(target=self._api.serve_forever, name="api", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._api:
            self._api.shutdown()
        if self._stop_pollers:
            self._stop_pollers.set()
        if self._jira:
            self._jira.shutdown()
        if self._aws:
            stop_moto(self._aws)
