"""The runner plays template.yaml's parameters and conditions as CloudFormation would: the
defaults, or its own values, or what the environment already sets."""

import boto3
import pytest
from moto import mock_aws

from local_runner.aws_resources import (
    REGION,
    condition_holds,
    create_resources,
    function_environment,
    parameters_from_environment,
)
from local_runner.template import read_stack

pytestmark = pytest.mark.integration


@pytest.fixture
def stack():
    return read_stack()


def test_with_the_defaults_the_stack_makes_its_own_jira_secret(stack):
    with mock_aws():
        resources = create_resources(stack, secret_values={"JiraTokenSecret": "t0ken"})
        environment = function_environment(stack, resources)
        secret = boto3.client("secretsmanager", region_name=REGION).get_secret_value(
            SecretId=environment["JIRA_SECRET_ARN"]
        )
    assert secret["SecretString"] == "t0ken"
    assert environment["CONFIDENCE_THRESHOLD_HIGH"] == "0.5"
    assert environment["MAX_NEW_TICKETS_PER_HOUR"] == "20"
    assert environment["POWERTOOLS_METRICS_NAMESPACE"] == "StackLens"


def test_a_secret_arn_given_replaces_the_stacks_own(stack):
    arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:jira-token-AbCdEf"
    parameters = {"JiraTokenSecretArn": arn}
    assert not condition_holds("CreateJiraTokenSecret", stack, parameters)
    with mock_aws():
        resources = create_resources(stack, parameters=parameters)
        environment = function_environment(stack, resources, parameters)
    assert resources.secrets == {}
    assert environment["JIRA_SECRET_ARN"] == arn


def test_the_environment_sets_the_parameter_its_variable_comes_from(stack):
    environ = {"MAX_NEW_TICKETS_PER_HOUR": "1000", "CONFIDENCE_THRESHOLD_LOW": "0.95", "HOME": "/"}
    parameters = parameters_from_environment(stack, environ)
    assert parameters == {"MaxNewTicketsPerHour": "1000", "ThresholdLow": "0.95"}
    with mock_aws():
        environment = function_environment(stack, create_resources(stack), parameters)
    assert environment["MAX_NEW_TICKETS_PER_HOUR"] == "1000"
    assert environment["CONFIDENCE_THRESHOLD_LOW"] == "0.95"
    assert environment["COMMENT_INTERVAL_SECONDS"] == "900"


def test_the_alarm_mail_condition_follows_its_parameter(stack):
    assert not condition_holds("MailAlarms", stack, {})
    assert condition_holds("MailAlarms", stack, {"AlarmEmail": "ops@example.com"})
