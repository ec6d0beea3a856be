"""Fixtures shared by every test: AWS on in-process moto with the template's resources."""

import os
import secrets

import pytest

from functions.decide.blas import pin_kernels

# Before anything imports numpy: retraining gives the shipped artifact on any x86 machine.
pin_kernels()
# Tests never reach real AWS: fake credentials, one region, and the endpoint mode that lets
# in-process moto serve DynamoDB streams (DESIGN.md section 7).
os.environ.update(
    AWS_ACCESS_KEY_ID="testing",
    AWS_SECRET_ACCESS_KEY="testing",
    AWS_SESSION_TOKEN="testing",
    AWS_DEFAULT_REGION="us-east-1",
    AWS_ACCOUNT_ID_ENDPOINT_MODE="disabled",
    POWERTOOLS_TRACE_DISABLED="true",
    POWERTOOLS_METRICS_NAMESPACE="StackLens",
)
os.environ.pop("AWS_ENDPOINT_URL", None)

ADMIN_TOKEN = "test-admin-token-0123456789"


@pytest.fixture
def aws(monkeypatch):
    """In-process moto holding every table, queue and secret of template.yaml; the functions'
    environment set from it, as the local runner and CloudFormation would."""
    from moto import mock_aws

    from functions.common import models
    from functions.common.settings import load
    from functions.ingest.store import KNOWN_GROUPS
    from local_runner.aws_resources import create_resources, function_environment
    from local_runner.template import read_stack

    KNOWN_GROUPS.clear()  # new tables: what an ingest container learned of the old ones is void
    with mock_aws():
        stack = read_stack()
        resources = create_resources(stack, secret_values={"JiraTokenSecret": "demo-token"})
        environment = function_environment(stack, resources, {"AdminToken": ADMIN_TOKEN})
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        models.bind(load())
        yield resources
    models.bind(load())


# The API and security tests' stack runs with secrets of its own, which no log line may show.
SECRET_STACK_SECRETS = {
    "ADMIN_TOKEN": f"admin-{secrets.token_hex(16)}",
    "JIRA_API_TOKEN": f"jira-{secrets.token_hex(16)}",
}


@pytest.fixture(scope="session")
def secret_stack(tmp_path_factory):
    """`stacklens local` without the demo, with SECRET_STACK_SECRETS and the functions logging
    at DEBUG; `aws_url` is its moto server, so a test can look into the tables."""
    from tests.running_stack import start_running_stack

    environment = {**SECRET_STACK_SECRETS, "POWERTOOLS_LOG_LEVEL": "DEBUG"}
    yield from start_running_stack(tmp_path_factory, False, environment)


@pytest.fixture(scope="session")
def running_stack(tmp_path_factory):
    """`stacklens local --with-demo` as real processes on free ports, shared by the e2e and
    browser tests (it takes seconds to start)."""
    from tests.running_stack import start_running_stack

    yield from start_running_stack(tmp_path_factory)
