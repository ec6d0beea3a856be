"""bench/cost.py: request units as DynamoDB bills them, and a small priced run of the real
functions on moto."""

import boto3
import pytest
from moto.dynamodb.models import DynamoDBBackend

from bench import cost


def _table(name: str) -> None:
    boto3.client("dynamodb").create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )


@pytest.mark.integration
def test_units_follow_item_sizes_and_transactions_cost_twice(aws):
    dynamodb = boto3.client("dynamodb")
    _table("units")
    big = {"pk": {"S": "big"}, "text": {"S": "x" * 1500}}  # two write units
    small = {"pk": {"S": "small"}}
    dynamodb.put_item(TableName="units", Item=big)
    dynamodb.put_item(TableName="units", Item=small)
    assert cost._write_units("PutItem", {"TableName": "units", "Item": big}) == 2
    batch = {
        "RequestItems": {"units": [{"PutRequest": {"Item": big}}, {"PutRequest": {"Item": small}}]}
    }
    assert cost._write_units("BatchWriteItem", batch) == 3
    transaction = {
        "TransactItems": [
            {"Update": {"TableName": "units", "Key": {"pk": {"S": "big"}}}},
            {"Update": {"TableName": "units", "Key": {"pk": {"S": "small"}}}},
        ]
    }
    assert cost._write_units("TransactWriteItems", transaction) == 2 * 2 + 2 * 1

    huge = {"pk": {"S": "huge"}, "text": {"S": "y" * 5000}}  # two read units when consistent
    consistent = {"TableName": "units", "ConsistentRead": True}
    assert cost._read_units("GetItem", consistent, {"Item": huge}) == 2
    assert cost._read_units("GetItem", {"TableName": "units"}, {"Item": huge}) == 1
    assert cost._read_units("Query", {"TableName": "units"}, {"Items": [small] * 3}) == 0.5


@pytest.mark.integration
def test_a_small_priced_run_counts_every_function_and_price():
    priced = cost.measure(batch_lines=100, lines=1_000)
    assert not getattr(DynamoDBBackend.transact_write_items, "item_level", False)  # moto's own
    assert priced["lines_per_batch"] == 100
    ingest = priced["functions"]["ingest"]
    assert ingest["invocations_per_million_lines"] == 10_000
    assert ingest["read_units_per_million_lines"] > 0  # the host is looked up for every batch
    # every invocation writes its metrics: the least of them is at least one line of them
    assert 0 < ingest["least_log_bytes_per_invocation"] <= ingest["log_bytes_per_invocation"]
    dollars = priced["dollars_per_million_lines"]
    # The shippers post to the ingest function's URL: no API Gateway request to pay for.
    assert dollars["api_gateway"] == 0
    assert priced["total_dollars_per_million_lines"] == pytest.approx(
        sum(dollars.values()), abs=1e-4
    )
    assert priced["total_if_shippers_post_to_the_api"] == pytest.approx(
        priced["total_dollars_per_million_lines"] + 10_000 * cost.HTTP_API_PER_REQUEST, abs=1e-4
    )
    assert priced["dominated_by"] in dollars
    if priced["error_lines"]:
        assert ingest["write_units_per_million_lines"] > 0
        assert priced["functions"]["decide"]["invocations_per_million_lines"] > 0


@pytest.mark.integration
def test_what_a_problem_costs_once_is_paid_in_the_warm_up():
    """A new problem's group, Jira issue and first lines of the hour are paid once, not per
    line: metered from the first line, a short run is mostly that."""
    cold = cost.measure(batch_lines=100, lines=2_000, warm_up_lines=0)
    warm = cost.measure(batch_lines=100, lines=2_000, warm_up_lines=5_000)
    assert cold["functions"]["jira"]["invocations_per_million_lines"] > 0  # issues opened
    assert warm["functions"]["jira"]["invocations_per_million_lines"] == 0
    assert warm["warm_up_lines_not_metered"] == 5_000
    cold_writes = cold["functions"]["ingest"]["write_units_per_million_lines"]
    warm_writes = warm["functions"]["ingest"]["write_units_per_million_lines"]
    assert warm_writes < cold_writes  # the first kept lines of each group are not priced


@pytest.mark.unit
def test_with_errors_sent_at_once_api_gateway_alone_puts_the_floor_above_the_goal():
    floor = cost.floor_if_errors_leave_at_once(0.01)
    assert floor["error_lines_per_million_lines"] == 10_000
    # 10,000 invocations, write units and key reads per million lines, at least
    assert floor["with_api_gateway"] == pytest.approx(10_000 * (1.00 + 0.20 + 0.625 + 0.125) / 1e6)
    assert floor["with_function_url"] == pytest.approx(10_000 * (0.20 + 0.625 + 0.125) / 1e6)
    assert floor["with_function_url"] < cost.GOAL_DOLLARS_PER_MILLION_LINES
    assert floor["with_api_gateway"] > cost.GOAL_DOLLARS_PER_MILLION_LINES


@pytest.mark.unit
def test_the_floor_prices_the_least_each_error_request_logs():
    """A 100-byte metrics line per request is 1 GB per 10 million requests: $0.0005 here."""
    silent = cost.floor_if_errors_leave_at_once(0.01, log_bytes_per_request=0)
    logged = cost.floor_if_errors_leave_at_once(0.01, log_bytes_per_request=100)
    assert logged["dollars_per_million_lines"]["metrics_log_line"] == pytest.approx(0.0005)
    assert logged["with_function_url"] - silent["with_function_url"] == pytest.approx(0.0005)


@pytest.mark.unit
def test_a_batch_pays_api_gateway_only_when_the_ingest_function_has_no_url():
    from local_runner.template import load_template

    template = load_template()
    assert cost.api_gateway_requests_per_batch(template) == 0
    del template["Resources"]["IngestFunction"]["Properties"]["FunctionUrlConfig"]
    assert cost.api_gateway_requests_per_batch(template) == 1


@pytest.mark.unit
def test_lambdas_own_log_lines_are_priced_unless_the_template_drops_them():
    from local_runner.template import load_template

    template = load_template()
    functions = [
        logical_id
        for logical_id, resource in template["Resources"].items()
        if resource["Type"] == "AWS::Serverless::Function"
    ]
    assert functions and all(cost.platform_log_bytes(template, f) == 0 for f in functions)
    # Lambda's default: START, END and REPORT for every invocation.
    template["Resources"]["IngestFunction"]["Properties"]["LoggingConfig"] = {"LogGroup": "x"}
    assert 200 < cost.platform_log_bytes(template, "IngestFunction") < 400
