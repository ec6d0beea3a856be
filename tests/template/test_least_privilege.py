"""Each function's role, as CloudFormation receives it (after the SAM transform), reaches only
what that function may touch: the table below, exactly, and no "*" resource anywhere."""

import ast
import json

import pytest

from functions.common import models
from lambda_bundle.bundle import handler_module, imported_modules
from local_runner.template import load_template
from tests.template.test_template_check import transformed

pytestmark = pytest.mark.unit

LOGS = {"logs:CreateLogStream", "logs:PutLogEvents"}
READ = {
    "dynamodb:GetItem",
    "dynamodb:BatchGetItem",
    "dynamodb:Query",
    "dynamodb:Scan",
    "dynamodb:ConditionCheckItem",
}
READ_WRITE = READ | {
    "dynamodb:PutItem",
    "dynamodb:UpdateItem",
    "dynamodb:DeleteItem",
    "dynamodb:BatchWriteItem",
}
# What Lambda's poller needs to play a DynamoDB stream into a function.
STREAM = {
    "dynamodb:DescribeStream",
    "dynamodb:GetRecords",
    "dynamodb:GetShardIterator",
    "dynamodb:ListStreams",
}
# What Lambda's poller needs to play an SQS queue into a function (it deletes what succeeded).
QUEUE_POLLER = {
    "sqs:ReceiveMessage",
    "sqs:DeleteMessage",
    "sqs:GetQueueAttributes",
    "sqs:ChangeMessageVisibility",
}
# The Jira token: the stack's own secret, or the one JiraTokenSecretArn names.
JIRA_TOKEN = "JiraTokenSecret|JiraTokenSecretArn"
GET_SECRET = {"secretsmanager:GetSecretValue"}

# Resource (as written in the template) -> actions, per function. No entry is "*": every
# action here takes a resource ARN. CloudWatch metrics need no permission at all, as
# Powertools writes them to the log group (embedded metric format), and tracing is off.
MAY_TOUCH = {
    "IngestFunction": {
        "IngestLogGroup.Arn": LOGS,
        "GroupsTable.Arn": READ_WRITE,
        "OccurrencesTable.Arn": READ_WRITE,
        "SeenTable.Arn": READ_WRITE,
        "HostsTable.Arn": READ_WRITE,
    },
    "DecideFunction": {
        "DecideLogGroup.Arn": LOGS,
        "GroupsTable.Arn": READ,
        "TicketsTable.Arn": READ,
        "DecisionsTable.Arn": READ_WRITE,
        "EventsTable.Arn": READ_WRITE,
        "SettingsTable.Arn": READ_WRITE,  # books the hour's ticket budget before queueing
        "GroupsTable.Arn/stream/*": STREAM,
        "TicketQueue.Arn": {"sqs:SendMessage"},
    },
    "JiraFunction": {
        "JiraLogGroup.Arn": LOGS,
        "GroupsTable.Arn": READ,
        "OccurrencesTable.Arn": READ,  # a new issue's sample lines
        "TicketsTable.Arn": READ_WRITE,
        "EventsTable.Arn": READ_WRITE,
        "SettingsTable.Arn": READ_WRITE,  # the hourly ticket budget
        # The poller, plus the function's own requeue of a waiting job.
        "TicketQueue.Arn": QUEUE_POLLER | {"sqs:SendMessage"},
        JIRA_TOKEN: GET_SECRET,
    },
    "StatusFunction": {
        "StatusLogGroup.Arn": LOGS,
        "GroupsTable.Arn": READ,
        "TicketsTable.Arn": READ,
        "DecisionsTable.Arn": READ,
        "DecisionsTable.Arn/index/by-action": {"dynamodb:Query"},  # history and counts
        "EventsTable.Arn": READ,
        "HostsTable.Arn": READ_WRITE,
        "SettingsTable.Arn": READ_WRITE,
        "AuditTable.Arn": READ_WRITE,
        "TicketDeadLetterQueue.Arn": {
            "sqs:GetQueueAttributes",
            "sqs:ReceiveMessage",
            "sqs:DeleteMessage",
        },
        "TicketQueue.Arn": {"sqs:SendMessage"},  # the redrive
        JIRA_TOKEN: GET_SECRET,  # the connection test
    },
    "FeedbackFunction": {
        "FeedbackLogGroup.Arn": LOGS,
        "GroupsTable.Arn": READ,
        "DecisionsTable.Arn": READ,
        "TicketsTable.Arn": READ_WRITE,
        "FeedbackTable.Arn": READ_WRITE,
        "SettingsTable.Arn": READ_WRITE,  # the feedback tally decide reads with its settings
    },
}


def resource_name(resource) -> str:
    """The template's reference as one readable string: `!GetAtt T.Arn` -> `T.Arn`."""
    if isinstance(resource, str):
        return resource
    if "Fn::GetAtt" in resource:
        return ".".join(resource["Fn::GetAtt"])
    if "Fn::Sub" in resource:
        return resource["Fn::Sub"].replace("${", "").replace("}", "")
    if "Fn::If" in resource:
        return "|".join(resource_name(branch) for branch in resource["Fn::If"][1:])
    if "Ref" in resource:
        return resource["Ref"]
    raise AssertionError(f"an unexpected resource form {resource!r}")


@pytest.fixture(scope="module")
def resources() -> dict:
    return transformed(load_template())["Resources"]


def role_of(function: dict, resources: dict) -> dict:
    role = function["Properties"]["Role"]
    assert set(role) == {"Fn::GetAtt"} and role["Fn::GetAtt"][1] == "Arn", role
    return resources[role["Fn::GetAtt"][0]]


def granted(role: dict) -> dict[str, set[str]]:
    """Resource -> actions over every statement of the role's inline policies."""
    grants: dict[str, set[str]] = {}
    for policy in role["Properties"].get("Policies", []):
        for statement in policy["PolicyDocument"]["Statement"]:
            assert statement["Effect"] == "Allow"
            assert "NotAction" not in statement and "NotResource" not in statement
            actions = statement["Action"]
            actions = [actions] if isinstance(actions, str) else actions
            targets = statement["Resource"]
            targets = targets if isinstance(targets, list) else [targets]
            for target in targets:
                grants.setdefault(resource_name(target), set()).update(actions)
    return grants


def test_every_function_is_in_the_table(resources):
    functions = {k for k, v in resources.items() if v["Type"] == "AWS::Lambda::Function"}
    assert functions == set(MAY_TOUCH)


@pytest.mark.parametrize("function", sorted(MAY_TOUCH))
def test_the_role_grants_exactly_what_the_function_may_touch(function, resources):
    role = role_of(resources[function], resources)
    assert granted(role) == MAY_TOUCH[function]


@pytest.mark.parametrize("function", sorted(MAY_TOUCH))
def test_the_role_has_no_managed_policy_and_only_lambda_assumes_it(function, resources):
    role = role_of(resources[function], resources)
    assert not role["Properties"].get("ManagedPolicyArns")
    assert not role["Properties"].get("PermissionsBoundary")
    (trust,) = role["Properties"]["AssumeRolePolicyDocument"]["Statement"]
    assert trust["Principal"] == {"Service": "lambda.amazonaws.com"}
    assert trust["Action"] == "sts:AssumeRole"


def test_no_two_functions_share_a_role_and_no_policy_is_attached_apart(resources):
    roles = [
        json.dumps(v["Properties"]["Role"])
        for v in resources.values()
        if v["Type"] == "AWS::Lambda::Function"
    ]
    assert len(set(roles)) == len(roles)
    # A separate policy resource could widen a role behind the table's back.
    kinds = {v["Type"] for v in resources.values()}
    assert not kinds & {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy"}


def test_no_statement_anywhere_names_every_resource_or_every_action(resources):
    for logical_id, resource in resources.items():
        if resource["Type"] != "AWS::IAM::Role":
            continue
        for target, actions in granted(resource).items():
            assert "*" != target, logical_id
            assert not any("*" in action for action in actions), (logical_id, actions)


def test_the_check_catches_a_widened_policy():
    """The table is no rubber stamp: one more grant on another function's table is seen."""
    template = load_template()
    role = template["Resources"]["FeedbackRole"]["Properties"]
    statements = role["Policies"][0]["PolicyDocument"]["Statement"]
    audit = {"Fn::GetAtt": ["AuditTable", "Arn"]}
    statements.append({"Effect": "Allow", "Action": ["dynamodb:Scan"], "Resource": audit})
    widened = transformed(template)["Resources"]
    grants = granted(role_of(widened["FeedbackFunction"], widened))
    assert grants != MAY_TOUCH["FeedbackFunction"]
    assert grants["AuditTable.Arn"] == {"dynamodb:Scan"}


# The code's side of the table: which tables each function's modules name, and which they write.
MODEL_TABLES = {model.__name__: model.Meta.template_resource for model in models.ALL_MODELS}
NOT_SCANNED = {"functions.common.models", "functions.common.live_feed"}  # callers count
WRITE_METHODS = {"save", "update", "delete", "batch_write"}
FEED_WRITES = {"append", "append_many", "append_events"}
FEED_READS = {"read_after", "last_seq"}


def _model_of(node: ast.AST, bound: dict[str, str]) -> str | None:
    """The model an expression is an item (or the class) of: `X(...)`, `X.get(...)`, `X`, or
    a name bound to one of those in the same function."""
    if isinstance(node, ast.Call):
        node = node.func.value if isinstance(node.func, ast.Attribute) else node.func
    if isinstance(node, ast.Name):
        return node.id if node.id in MODEL_TABLES else bound.get(node.id)
    return None


def written_models(tree: ast.AST) -> set[str]:
    """Models written in a module: `X(...).save()`, `item = X(...); item.update(...)`,
    `X.batch_write()`, `transaction.update(X(...), ...)`."""
    written = set()
    for function in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
        bound: dict[str, str] = {}
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                model = _model_of(node.value, {})
                if model and isinstance(node.targets[0], ast.Name):
                    bound[node.targets[0].id] = model
        for node in ast.walk(function):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in WRITE_METHODS:
                continue
            model = _model_of(node.func.value, bound)
            if model is None and node.args:  # transaction.update(X(...), ...)
                model = _model_of(node.args[0], bound)
            if model:
                written.add(model)
    return written


def _feed_calls(tree: ast.AST) -> set[str]:
    return {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "live_feed"
    }


def code_reach(function: str) -> dict[str, str]:
    """Table logical id -> "read" or "write", from the sources of every module the
    function's handler imports (lambda_bundle finds them, as it packs them)."""
    reach: dict[str, str] = {}

    def note(table: str, access: str) -> None:
        if reach.get(table) != "write":
            reach[table] = access

    for name, path in imported_modules(handler_module(function)).items():
        if name in NOT_SCANNED:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        written = written_models(tree)
        for model in names & set(MODEL_TABLES):
            note(MODEL_TABLES[model], "write" if model in written else "read")
        feed = _feed_calls(tree)
        if feed & FEED_WRITES:
            note("EventsTable", "write")
        elif feed & FEED_READS:
            note("EventsTable", "read")
    return reach


@pytest.mark.parametrize("function", sorted(MAY_TOUCH))
def test_the_table_grants_the_tables_the_code_reaches_and_no_other(function):
    tables = {
        name.removesuffix(".Arn"): actions
        for name, actions in MAY_TOUCH[function].items()
        if name.endswith("Table.Arn")
    }
    reach = code_reach(function)
    assert set(reach) == set(tables)
    for table, access in reach.items():
        assert tables[table] == (READ_WRITE if access == "write" else READ), table


@pytest.mark.parametrize(
    ("source", "written"),
    [
        ("def f():\n    GroupModel(key).update(actions=[])", {"GroupModel"}),
        ("def f():\n    item = FeedbackModel(key, a=1)\n    item.save()", {"FeedbackModel"}),
        ("def f():\n    row = HostModel.get(key)\n    row.update([])", {"HostModel"}),
        ("def f():\n    with EventModel.batch_write() as w:\n        pass", {"EventModel"}),
        ("def f(t):\n    t.update(SeenModel(key), [])", {"SeenModel"}),
        ("def f():\n    thresholds = {}\n    thresholds.update(SettingModel.get(k).value)", set()),
        ("def f():\n    return [row for row in TicketModel.scan()]", set()),
    ],
)
def test_writes_are_told_from_reads(source, written):
    assert written_models(ast.parse(source)) == written
