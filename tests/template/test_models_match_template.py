"""The pynamodb models and template.yaml describe the same tables (DESIGN.md section 3)."""

import pytest
from pynamodb.attributes import TTLAttribute

from functions.common import models
from functions.common.settings import Settings
from local_runner.template import read_stack

pytestmark = pytest.mark.unit

DYNAMODB_TYPES = {"S": "S", "N": "N", "B": "B"}


def template_tables() -> dict[str, dict]:
    return {
        logical_id: resource["Properties"]
        for logical_id, resource in read_stack().resources_of_type("AWS::DynamoDB::Table").items()
    }


def model_keys(model) -> dict[str, tuple[str, str]]:
    keys = {}
    for attribute in model.get_attributes().values():
        if attribute.is_hash_key:
            keys["HASH"] = (attribute.attr_name, attribute.attr_type)
        if attribute.is_range_key:
            keys["RANGE"] = (attribute.attr_name, attribute.attr_type)
    return keys


def test_every_table_has_exactly_one_model_and_back():
    resources = [model.Meta.template_resource for model in models.ALL_MODELS]
    assert sorted(resources) == sorted(template_tables())


def model_indexes(model) -> dict[str, dict]:
    indexes = {}
    for index in model._indexes.values():
        keys = {}
        for attribute in index.Meta.attributes.values():
            if attribute.is_hash_key:
                keys["HASH"] = attribute.attr_name
            if attribute.is_range_key:
                keys["RANGE"] = attribute.attr_name
        indexes[index.Meta.index_name] = {
            "keys": keys,
            "projection": index.Meta.projection.projection_type,
        }
    return indexes


def template_indexes(table: dict) -> dict[str, dict]:
    return {
        index["IndexName"]: {
            "keys": {k["KeyType"]: k["AttributeName"] for k in index["KeySchema"]},
            "projection": index["Projection"]["ProjectionType"],
        }
        for index in table.get("GlobalSecondaryIndexes", [])
    }


@pytest.mark.parametrize("model", models.ALL_MODELS, ids=lambda m: m.__name__)
def test_keys_stream_ttl_and_indexes_match(model):
    table = template_tables()[model.Meta.template_resource]
    types = {d["AttributeName"]: d["AttributeType"] for d in table["AttributeDefinitions"]}
    template_keys = {
        k["KeyType"]: (k["AttributeName"], types[k["AttributeName"]]) for k in table["KeySchema"]
    }
    assert model_keys(model) == template_keys

    stream = table.get("StreamSpecification", {}).get("StreamViewType")
    assert getattr(model.Meta, "stream_view_type", None) == stream

    ttl_spec = table.get("TimeToLiveSpecification")
    ttl_attributes = [
        a.attr_name for a in model.get_attributes().values() if isinstance(a, TTLAttribute)
    ]
    assert ttl_attributes == ([ttl_spec["AttributeName"]] if ttl_spec else [])

    assert model_indexes(model) == template_indexes(table)
    assert table.get("BillingMode") == "PAY_PER_REQUEST"


def test_each_table_reaches_the_functions_under_the_setting_the_model_reads():
    """GROUPS_TABLE=!Ref GroupsTable in the template, and GroupModel binds to GROUPS_TABLE."""
    environment = read_stack().functions["IngestFunction"].environment
    for model, setting in models.TABLE_SETTING.items():
        variable = setting.upper()
        assert environment[variable] == {"Ref": model.Meta.template_resource}
        assert setting in Settings.__dataclass_fields__
