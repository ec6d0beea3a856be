"""Creates the template's tables, queues and secrets on the AWS endpoint in use (moto here),
and resolves the functions' environment against them, as CloudFormation would on deploy."""

import json
import secrets as secrets_module
from collections.abc import Mapping
from dataclasses import dataclass, field

import boto3

from local_runner.template import Stack

REGION = "us-east-1"
ACCOUNT_ID = "123456789012"


@dataclass
class Resources:
    """Physical names of what was created, by logical id."""

    tables: dict[str, str] = field(default_factory=dict)  # logical id -> table name
    streams: dict[str, str] = field(default_factory=dict)  # table logical id -> stream ARN
    queues: dict[str, str] = field(default_factory=dict)  # logical id -> queue URL
    queue_arns: dict[str, str] = field(default_factory=dict)
    secrets: dict[str, str] = field(default_factory=dict)  # logical id -> secret ARN


def physical_name(logical_id: str) -> str:
    return f"stacklens-{logical_id}"


def _create_table(client, name: str, props: dict) -> str | None:
    spec = {
        "TableName": name,
        "KeySchema": props["KeySchema"],
        "AttributeDefinitions": props["AttributeDefinitions"],
        "BillingMode": props.get("BillingMode", "PAY_PER_REQUEST"),
    }
    for optional in ("GlobalSecondaryIndexes", "LocalSecondaryIndexes"):
        if optional in props:
            spec[optional] = props[optional]
    stream = props.get("StreamSpecification")
    if stream:
        spec["StreamSpecification"] = {
            "StreamEnabled": True,
            "StreamViewType": stream["StreamViewType"],
        }
    description = client.create_table(**spec)["TableDescription"]
    ttl = props.get("TimeToLiveSpecification")
    if ttl and ttl.get("Enabled"):
        client.update_time_to_live(
            TableName=name,
            TimeToLiveSpecification={"AttributeName": ttl["AttributeName"], "Enabled": True},
        )
    return description.get("LatestStreamArn")


def parameter_value(name: str, stack: Stack, parameters: dict[str, str]) -> str:
    """A parameter's local value: the runner's own, else the template's default."""
    if name in parameters:
        return parameters[name]
    return str(stack.parameters[name].get("Default", ""))


def _evaluate(expression, stack: Stack, parameters: dict[str, str]):
    """A condition expression: Fn::Equals, Fn::Not, Fn::And, Fn::Or of parameters and literals."""
    if not isinstance(expression, dict):
        return str(expression)
    if "Ref" in expression and expression["Ref"] in stack.parameters:
        return parameter_value(expression["Ref"], stack, parameters)
    if "Condition" in expression:
        return condition_holds(expression["Condition"], stack, parameters)
    if "Fn::Equals" in expression:
        left, right = (_evaluate(side, stack, parameters) for side in expression["Fn::Equals"])
        return left == right
    if "Fn::Not" in expression:
        return not _evaluate(expression["Fn::Not"][0], stack, parameters)
    if "Fn::And" in expression:
        return all(_evaluate(part, stack, parameters) for part in expression["Fn::And"])
    if "Fn::Or" in expression:
        return any(_evaluate(part, stack, parameters) for part in expression["Fn::Or"])
    raise ValueError(f"the local runner cannot evaluate the condition {expression!r}")


def condition_holds(name: str, stack: Stack, parameters: dict[str, str]) -> bool:
    return bool(_evaluate(stack.conditions[name], stack, parameters))


def _exists(resource: dict, stack: Stack, parameters: dict[str, str]) -> bool:
    condition = resource.get("Condition")
    return condition is None or condition_holds(condition, stack, parameters)


def parameters_from_environment(stack: Stack, environ: Mapping[str, str]) -> dict[str, str]:
    """Parameters whose function variable is already set in `environ` take its value, so
    `MAX_NEW_TICKETS_PER_HOUR=1000 stacklens local` works as a deploy with that parameter."""
    parameters: dict[str, str] = {}
    for function in stack.functions.values():
        for variable, value in function.environment.items():
            name = value.get("Ref") if isinstance(value, dict) else None
            if name in stack.parameters and environ.get(variable):
                parameters[name] = environ[variable]
    return parameters


def create_resources(
    stack: Stack,
    secret_values: dict[str, str] | None = None,
    parameters: dict[str, str] | None = None,
) -> Resources:
    """Create every table, queue and secret of `stack` whose condition holds with these
    `parameters` (defaults otherwise); `secret_values` by logical id."""
    secret_values = secret_values or {}
    parameters = parameters or {}
    created = Resources()
    dynamodb = boto3.client("dynamodb", region_name=REGION)
    for logical_id, resource in stack.resources_of_type("AWS::DynamoDB::Table").items():
        name = physical_name(logical_id)
        stream_arn = _create_table(dynamodb, name, resource.get("Properties", {}))
        created.tables[logical_id] = name
        if stream_arn:
            created.streams[logical_id] = stream_arn

    sqs = boto3.client("sqs", region_name=REGION)
    queues = stack.resources_of_type("AWS::SQS::Queue")
    for logical_id, resource in queues.items():
        props = resource.get("Properties", {})
        attributes = {
            key: str(props[key])
            for key in ("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds")
            if key in props
        }
        url = sqs.create_queue(QueueName=physical_name(logical_id), Attributes=attributes)[
            "QueueUrl"
        ]
        created.queues[logical_id] = url
        created.queue_arns[logical_id] = sqs.get_queue_attributes(
            QueueUrl=url, AttributeNames=["QueueArn"]
        )["Attributes"]["QueueArn"]
    # Dead-letter targets exist only once every queue does.
    for logical_id, resource in queues.items():
        redrive = resource.get("Properties", {}).get("RedrivePolicy")
        if redrive:
            target = redrive["deadLetterTargetArn"]["Fn::GetAtt"][0]
            policy = {
                "deadLetterTargetArn": created.queue_arns[target],
                "maxReceiveCount": str(redrive["maxReceiveCount"]),
            }
            sqs.set_queue_attributes(
                QueueUrl=created.queues[logical_id],
                Attributes={"RedrivePolicy": json.dumps(policy)},
            )

    secrets = boto3.client("secretsmanager", region_name=REGION)
    for logical_id, resource in stack.resources_of_type("AWS::SecretsManager::Secret").items():
        if not _exists(resource, stack, parameters):
            continue  # e.g. JiraTokenSecret when JiraTokenSecretArn names a secret of one's own
        arn = secrets.create_secret(
            Name=physical_name(logical_id),
            # As GenerateSecretString would, unless the runner brings the value.
            SecretString=secret_values.get(logical_id) or secrets_module.token_urlsafe(24),
        )["ARN"]
        created.secrets[logical_id] = arn
    return created


def resolve(value, stack: Stack, resources: Resources, parameters: dict[str, str]):
    """The deployed value of an environment entry: !Ref of a table, queue, secret or parameter,
    or !If on a condition."""
    if not isinstance(value, dict):
        return str(value)
    if "Fn::If" in value:
        condition, when_true, when_false = value["Fn::If"]
        chosen = when_true if condition_holds(condition, stack, parameters) else when_false
        return resolve(chosen, stack, resources, parameters)
    if "Ref" in value:
        name = value["Ref"]
        for mapping in (resources.tables, resources.queues, resources.secrets):
            if name in mapping:
                return mapping[name]
        if name in stack.parameters:
            return parameter_value(name, stack, parameters)
    if "Fn::GetAtt" in value:
        logical_id, attribute = value["Fn::GetAtt"]
        if attribute == "Arn" and logical_id in resources.queue_arns:
            return resources.queue_arns[logical_id]
        if attribute == "StreamArn" and logical_id in resources.streams:
            return resources.streams[logical_id]
    raise ValueError(f"the local runner cannot resolve {value!r}")


def function_environment(
    stack: Stack, resources: Resources, parameters: dict[str, str] | None = None
) -> dict[str, str]:
    """One environment for all functions (they run in one process locally)."""
    parameters = parameters or {}
    environment: dict[str, str] = {}
    for function in stack.functions.values():
        for name, value in function.environment.items():
            environment[name] = resolve(value, stack, resources, parameters)
    return environment
