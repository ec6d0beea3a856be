"""The runner's moto server: a cancelled transaction undoes exactly its own writes (and its
stream records), a stream reader keeps reading after one, GetRecords answers what moto's
own serializer would, and the runner's own clients are answered without HTTP."""

import json
import threading

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError, EndpointConnectionError, ReadTimeoutError
from moto.core.responses import BaseResponse
from moto.dynamodb.models import DynamoDBBackend
from moto.dynamodb.responses import DynamoHandler
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import make_server

from local_runner import aws_server
from local_runner.aws_server import start_moto, stop_moto

pytestmark = pytest.mark.integration

TABLE = "aws-server-test"
CREDENTIALS = {
    "region_name": "us-east-1",
    "aws_access_key_id": "local",
    "aws_secret_access_key": "local",
}


@pytest.fixture(scope="module")
def moto_url():
    # The runner changes how moto undoes transactions, for this process: put it back after.
    motos_own = DynamoDBBackend.transact_write_items
    server, url = start_moto("127.0.0.1", 0)
    dynamodb = boto3.client("dynamodb", endpoint_url=url, **CREDENTIALS)
    dynamodb.create_table(
        TableName=TABLE,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )
    yield url
    dynamodb.delete_table(TableName=TABLE)
    server.shutdown()
    DynamoDBBackend.transact_write_items = motos_own


def _clients(url):
    return (
        boto3.client("dynamodb", endpoint_url=url, **CREDENTIALS),
        boto3.client("dynamodbstreams", endpoint_url=url, **CREDENTIALS),
    )


def _iterator_at_end(dynamodb, streams):
    arn = dynamodb.describe_table(TableName=TABLE)["Table"]["LatestStreamArn"]
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    return streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="LATEST")[
        "ShardIterator"
    ]


def _item(dynamodb, key):
    return dynamodb.get_item(TableName=TABLE, Key={"pk": {"S": key}}, ConsistentRead=True).get(
        "Item"
    )


def test_a_cancelled_transaction_undoes_only_its_own_writes_and_the_stream_goes_on(moto_url):
    dynamodb, streams = _clients(moto_url)
    dynamodb.put_item(TableName=TABLE, Item={"pk": {"S": "kept"}, "n": {"N": "1"}})
    iterator = _iterator_at_end(dynamodb, streams)
    with pytest.raises(ClientError) as cancelled:
        dynamodb.transact_write_items(
            TransactItems=[
                {  # applied by moto, then undone
                    "Update": {
                        "TableName": TABLE,
                        "Key": {"pk": {"S": "kept"}},
                        "UpdateExpression": "ADD n :one",
                        "ExpressionAttributeValues": {":one": {"N": "1"}},
                    }
                },
                {"Put": {"TableName": TABLE, "Item": {"pk": {"S": "created-then-undone"}}}},
                {
                    "Put": {
                        "TableName": TABLE,
                        "Item": {"pk": {"S": "refused"}},
                        "ConditionExpression": "attribute_exists(pk)",
                    }
                },
            ]
        )
    assert cancelled.value.response["Error"]["Code"] == "TransactionCanceledException"
    assert _item(dynamodb, "kept")["n"] == {"N": "1"}
    assert _item(dynamodb, "created-then-undone") is None
    dynamodb.put_item(TableName=TABLE, Item={"pk": {"S": "after"}})

    records = streams.get_records(ShardIterator=iterator)["Records"]
    # The cancelled writes never reach the stream; the write after it does, through the
    # iterator taken before (a restored copy of the table would have left it behind).
    assert [r["dynamodb"]["Keys"]["pk"]["S"] for r in records] == ["after"]


def test_get_records_answers_what_motos_own_serializer_answers(moto_url):
    dynamodb, streams = _clients(moto_url)
    iterator = _iterator_at_end(dynamodb, streams)
    dynamodb.put_item(
        TableName=TABLE,
        Item={"pk": {"S": "shape"}, "hosts": {"SS": ["a", "b"]}, "n": {"N": "2"}},
    )
    dynamodb.update_item(
        TableName=TABLE,
        Key={"pk": {"S": "shape"}},
        UpdateExpression="SET samples = :s ADD n :one",
        ExpressionAttributeValues={
            ":s": {"L": [{"S": "line"}, {"M": {"deep": {"BOOL": True}}}]},
            ":one": {"N": "1"},
        },
    )
    dynamodb.delete_item(TableName=TABLE, Key={"pk": {"S": "shape"}})

    # moto without the runner's middleware, on the same backends (they are per process).
    plain = make_server("127.0.0.1", 0, DomainDispatcherApplication(create_backend_app))
    threading.Thread(target=plain.serve_forever, daemon=True).start()
    try:
        _, plain_streams = _clients(f"http://127.0.0.1:{plain.server_address[1]}")
        ours = streams.get_records(ShardIterator=iterator)
        theirs = plain_streams.get_records(ShardIterator=iterator)
    finally:
        plain.shutdown()
    assert [r["eventName"] for r in ours["Records"]] == ["INSERT", "MODIFY", "REMOVE"]
    assert ours["Records"] == theirs["Records"]
    assert ours["NextShardIterator"] and theirs["NextShardIterator"]


def test_updates_that_share_an_expression_each_apply_their_own_values(moto_url):
    # The runner keeps moto's parse of each expression text: what one update fills in must
    # never reach the next one with the same text.
    dynamodb, _ = _clients(moto_url)
    dynamodb.put_item(TableName=TABLE, Item={"pk": {"S": "shared-1"}, "n": {"N": "5"}})
    for key, value, word in (("shared-1", "1", "one"), ("shared-2", "20", "two")):
        dynamodb.update_item(
            TableName=TABLE,
            Key={"pk": {"S": key}},
            UpdateExpression="SET #w = if_not_exists(#w, :w) ADD n :v",
            ExpressionAttributeNames={"#w": "word"},
            ExpressionAttributeValues={":w": {"S": word}, ":v": {"N": value}},
        )
    assert _item(dynamodb, "shared-1") == {
        "pk": {"S": "shared-1"},
        "n": {"N": "6"},
        "word": {"S": "one"},
    }
    assert _item(dynamodb, "shared-2") == {
        "pk": {"S": "shared-2"},
        "n": {"N": "20"},
        "word": {"S": "two"},
    }


def test_a_condition_parsed_once_is_checked_against_each_item_anew(moto_url):
    # The runner keeps moto's parse of each condition: the same condition, values and all,
    # passes on one item and refuses on another, in single writes and in transactions alike.
    dynamodb, _ = _clients(moto_url)
    dynamodb.put_item(TableName=TABLE, Item={"pk": {"S": "cond-full"}, "tags": {"SS": ["a", "b"]}})
    dynamodb.put_item(TableName=TABLE, Item={"pk": {"S": "cond-room"}, "tags": {"SS": ["a"]}})
    room = {
        "ConditionExpression": "attribute_not_exists(#t) OR size(#t) < :kept OR contains(#t, :v)",
        "ExpressionAttributeNames": {"#t": "tags"},
        "ExpressionAttributeValues": {":kept": {"N": "2"}, ":v": {"S": "c"}, ":c": {"SS": ["c"]}},
    }
    results = []
    for attempt in range(2):
        for key in ("cond-full", "cond-room", "cond-new"):
            try:
                dynamodb.update_item(
                    TableName=TABLE,
                    Key={"pk": {"S": key}},
                    UpdateExpression="ADD #t :c",
                    **room,
                )
                results.append((attempt, key, "written"))
            except ClientError as error:
                results.append((attempt, key, error.response["Error"]["Code"]))
    # "cond-room" and "cond-new" now hold "c": the second round passes on contains().
    assert results == [
        (0, "cond-full", "ConditionalCheckFailedException"),
        (0, "cond-room", "written"),
        (0, "cond-new", "written"),
        (1, "cond-full", "ConditionalCheckFailedException"),
        (1, "cond-room", "written"),
        (1, "cond-new", "written"),
    ]
    update = {"TableName": TABLE, "UpdateExpression": "ADD #t :c", **room}
    with pytest.raises(ClientError) as cancelled:
        dynamodb.transact_write_items(
            TransactItems=[
                {"Update": {"Key": {"pk": {"S": "cond-room"}}, **update}},
                {"Update": {"Key": {"pk": {"S": "cond-full"}}, **update}},
            ]
        )
    reasons = [r["Code"] for r in cancelled.value.response["CancellationReasons"]]
    assert reasons == ["None", "ConditionalCheckFailed"]
    # A name the condition does not use is refused every time, parsed or kept.
    for _ in range(2):
        with pytest.raises(ClientError) as unused:
            dynamodb.update_item(
                TableName=TABLE,
                Key={"pk": {"S": "cond-new"}},
                UpdateExpression="SET n = :kept",
                ConditionExpression="attribute_exists(pk)",
                ExpressionAttributeNames={"#unused": "x"},
                ExpressionAttributeValues={":kept": {"N": "1"}},
            )
        assert unused.value.response["Error"]["Code"] == "ValidationException"
    # A malformed condition fails as moto fails it (its parser raises), every time: never kept.
    for _ in range(2):
        with pytest.raises(ValueError, match="Bad AND expression"):
            dynamodb.update_item(
                TableName=TABLE,
                Key={"pk": {"S": "cond-new"}},
                UpdateExpression="SET n = :kept",
                ConditionExpression="attribute_exists(pk) AND AND",
                ExpressionAttributeValues={":kept": {"N": "1"}},
            )


def _answer(request, client) -> dict:
    try:
        answer = request(client)
    except ClientError as error:
        answer = error.response
    answer = dict(answer)
    metadata = answer.pop("ResponseMetadata")
    return {"status": metadata["HTTPStatusCode"], **answer}


def test_dynamodb_answers_as_motos_own_app_answers(moto_url):
    # The runner hands DynamoDB requests to moto's handler without moto's Flask app.
    dynamodb, _ = _clients(moto_url)
    dynamodb.put_item(TableName=TABLE, Item={"pk": {"S": "same"}, "tags": {"SS": ["a", "b"]}})
    plain = make_server("127.0.0.1", 0, DomainDispatcherApplication(create_backend_app))
    threading.Thread(target=plain.serve_forever, daemon=True).start()
    requests = [
        lambda client: client.get_item(TableName=TABLE, Key={"pk": {"S": "same"}}),
        lambda client: client.get_item(TableName="no-such-table", Key={"pk": {"S": "same"}}),
        lambda client: client.put_item(
            TableName=TABLE,
            Item={"pk": {"S": "same"}},
            ConditionExpression="attribute_not_exists(pk)",
        ),
        lambda client: client.transact_write_items(
            TransactItems=[
                {
                    "ConditionCheck": {
                        "TableName": TABLE,
                        "Key": {"pk": {"S": "same"}},
                        "ConditionExpression": "attribute_not_exists(pk)",
                    }
                }
            ]
        ),
        lambda client: client.update_item(
            TableName=TABLE, Key={"pk": {"S": "same"}}, UpdateExpression="SET"
        ),
    ]
    try:
        theirs_client = boto3.session.Session().client(
            "dynamodb", endpoint_url=f"http://127.0.0.1:{plain.server_address[1]}", **CREDENTIALS
        )
        ours = [_answer(request, dynamodb) for request in requests]
        theirs = [_answer(request, theirs_client) for request in requests]
    finally:
        plain.shutdown()
    assert [answer["status"] for answer in ours] == [200, 400, 400, 400, 400]
    assert ours == theirs


def test_plain_answers_are_the_json_motos_serializer_writes(moto_url, monkeypatch):
    # The runner dumps a DynamoDB result as it is; every answer here is also serialized by
    # moto's own serializer, and the two must say the same.
    answered, serialized_by_moto = [], []
    motos_serializer = BaseResponse.serialized

    def counted(handler, action_result):
        serialized_by_moto.append(handler._get_action())
        return motos_serializer(handler, action_result)

    def both(handler, action_result):
        ours = aws_server._plain_json_answer(handler, action_result)
        theirs = motos_serializer(handler, action_result)
        assert ours[0] == theirs[0]
        assert ours[1]["Content-Type"] == theirs[1]["Content-Type"]
        assert json.loads(ours[2]) == json.loads(theirs[2])
        answered.append(handler._get_action())
        return ours

    monkeypatch.setattr(BaseResponse, "serialized", counted)
    monkeypatch.setattr(DynamoHandler, "serialized", both)
    dynamodb, _ = _clients(moto_url)
    item = {
        "pk": {"S": "plain"},
        "n": {"N": "1.50"},
        "tags": {"SS": ["a", "é"]},
        "sizes": {"NS": ["1", "2"]},
        "samples": {"L": [{"S": "line"}, {"M": {"deep": {"BOOL": False}, "none": {"NULL": True}}}]},
        "payload": {"B": b"\x00\xffbinary"},  # bytes: moto's serializer encodes them
    }
    dynamodb.put_item(TableName=TABLE, Item=item, ReturnValues="ALL_OLD")
    dynamodb.put_item(TableName=TABLE, Item={**item, "pk": {"S": "plain-2"}})
    assert _item(dynamodb, "plain-2")["payload"] == {"B": b"\x00\xffbinary"}
    dynamodb.get_item(TableName=TABLE, Key={"pk": {"S": "missing"}})
    dynamodb.update_item(
        TableName=TABLE,
        Key={"pk": {"S": "plain"}},
        UpdateExpression="ADD n :one REMOVE payload",
        ExpressionAttributeValues={":one": {"N": "1"}},
        ReturnValues="ALL_NEW",
        ReturnConsumedCapacity="TOTAL",
    )
    dynamodb.batch_get_item(
        RequestItems={TABLE: {"Keys": [{"pk": {"S": "plain"}}, {"pk": {"S": "missing"}}]}}
    )
    dynamodb.query(
        TableName=TABLE,
        KeyConditionExpression="pk = :pk",
        ExpressionAttributeValues={":pk": {"S": "plain"}},
    )
    dynamodb.scan(TableName=TABLE, Limit=1)
    dynamodb.batch_write_item(
        RequestItems={TABLE: [{"PutRequest": {"Item": {"pk": {"S": "plain-3"}}}}]}
    )
    dynamodb.transact_write_items(
        TransactItems=[
            {
                "Update": {
                    "TableName": TABLE,
                    "Key": {"pk": {"S": "plain-3"}},
                    "UpdateExpression": "SET seen = :t",
                    "ExpressionAttributeValues": {":t": {"BOOL": True}},
                }
            }
        ]
    )
    dynamodb.transact_get_items(
        TransactItems=[{"Get": {"TableName": TABLE, "Key": {"pk": {"S": "plain-3"}}}}]
    )
    dynamodb.delete_item(TableName=TABLE, Key={"pk": {"S": "plain-2"}}, ReturnValues="ALL_OLD")
    dynamodb.describe_table(TableName=TABLE)  # a datetime in it: moto's serializer
    with pytest.raises(ClientError):
        dynamodb.get_item(TableName="no-such-table", Key={"pk": {"S": "x"}})
    assert {
        "PutItem",
        "GetItem",
        "UpdateItem",
        "BatchGetItem",
        "Query",
        "Scan",
        "BatchWriteItem",
        "TransactWriteItems",
        "TransactGetItems",
        "DeleteItem",
        "DescribeTable",
    } <= set(answered)
    # Only what plain JSON cannot carry went to moto's serializer: the item with bytes (read,
    # then deleted) and the table's creation time.
    assert sorted(serialized_by_moto) == ["DeleteItem", "DescribeTable", "GetItem"]


@pytest.mark.parametrize(
    "expression",
    [
        "SET a = :v SET b = :v",  # two SET clauses
        "ADD n :one SET a = :v ADD m :one",  # two ADD clauses, apart
        "SET a = :v, b = :v, a = :v",  # a path set twice
        "SET a = :v ADD a :one",  # a path in two clauses
    ],
)
def test_an_update_dynamodb_refuses_is_still_refused(moto_url, expression):
    # The runner checks a whole expression once where moto checked every subtree of it.
    dynamodb, _ = _clients(moto_url)
    with pytest.raises(ClientError) as refused:
        dynamodb.update_item(
            TableName=TABLE,
            Key={"pk": {"S": "refused-update"}},
            UpdateExpression=expression,
            ExpressionAttributeValues={":v": {"S": "x"}, ":one": {"N": "1"}},
        )
    assert refused.value.response["Error"]["Code"] == "ValidationException"
    assert _item(dynamodb, "refused-update") is None


def test_clients_in_the_runners_process_are_answered_without_http():
    motos_own = DynamoDBBackend.transact_write_items
    server, url = start_moto("127.0.0.1", 0)
    # No retries and a short wait: an answer that had to come over the socket fails fast.
    impatient = Config(read_timeout=1, connect_timeout=1, retries={"total_max_attempts": 1})
    try:
        server.shutdown()  # nothing answers on the socket any more
        dynamodb = boto3.client("dynamodb", endpoint_url=url, config=impatient, **CREDENTIALS)
        dynamodb.create_table(
            TableName="in-process",
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
        dynamodb.put_item(TableName="in-process", Item={"pk": {"S": "a"}, "n": {"N": "1"}})
        item = dynamodb.get_item(TableName="in-process", Key={"pk": {"S": "a"}})["Item"]
        assert item == {"pk": {"S": "a"}, "n": {"N": "1"}}
        with pytest.raises(ClientError) as missing:  # moto's errors come back as they are
            dynamodb.get_item(TableName="no-such-table", Key={"pk": {"S": "a"}})
        assert missing.value.response["Error"]["Code"] == "ResourceNotFoundException"
        dynamodb.delete_table(TableName="in-process")

        stop_moto(server)  # the runner stopped: its clients are no longer answered
        with pytest.raises((EndpointConnectionError, ReadTimeoutError)):
            dynamodb.list_tables()
    finally:
        stop_moto(server)
        server.server_close()
        DynamoDBBackend.transact_write_items = motos_own


def test_dynamodb_requests_answered_in_process_go_unsigned_and_others_signed(moto_url):
    dynamodb, streams = _clients(moto_url)
    signed: dict[str, bool] = {}

    def note(request, **_kwargs):
        target = request.headers.get("X-Amz-Target", b"")
        target = target.decode() if isinstance(target, bytes) else target
        signed[target.split(".")[0]] = "Authorization" in request.headers

    for client in (dynamodb, streams):
        client.meta.events.register_first("before-send", note)

    assert TABLE in dynamodb.list_tables()["TableNames"]  # moto answers the unsigned request
    assert streams.list_streams(TableName=TABLE)["Streams"]
    # moto tells DynamoDB Streams from DynamoDB by the signature's scope: it stays signed.
    assert signed == {"DynamoDB_20120810": False, "DynamoDBStreams_20120810": True}
