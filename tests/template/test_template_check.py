"""The offline two-step check of template.yaml (DESIGN.md section 7): cfn-lint alone misses SAM
errors, so the template is first transformed by aws-sam-translator, then linted."""

import copy
import json

import pytest
from cfnlint.api import lint
from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform

from local_runner.template import load_template

pytestmark = pytest.mark.unit


class OfflinePolicyLoader:
    """Resolves managed policy names without calling IAM: the template uses none by name, so an
    empty map makes any such use fail the transform loudly instead of reaching AWS."""

    def load(self) -> dict[str, str]:
        return {}


def packaged(template: dict) -> dict:
    """The template as `sam package` hands it to CloudFormation: local code uploaded to S3."""
    template = copy.deepcopy(template)
    sections = [template.get("Globals", {}).get("Function", {})] + [
        resource.get("Properties", {})
        for resource in template["Resources"].values()
        if resource["Type"] == "AWS::Serverless::Function"
    ]
    for section in sections:
        if isinstance(section.get("CodeUri"), str):
            section["CodeUri"] = "s3://stacklens-artifacts/stacklens.zip"
    return template


def transformed(template: dict) -> dict:
    return transform(packaged(template), {}, OfflinePolicyLoader())


def lint_errors(template: dict) -> list[str]:
    matches = lint(json.dumps(transformed(template)), regions=["us-east-1"])
    return [f"{m.rule.id} {m.message} ({m.path})" for m in matches if m.rule.id.startswith("E")]


def test_template_transforms_and_lints_clean():
    assert lint_errors(load_template()) == []


def test_the_check_catches_a_wrong_event_type():
    template = load_template()
    event = template["Resources"]["DecideFunction"]["Properties"]["Events"]["GroupChanged"]
    event["Type"] = "DynamoDBStream"
    with pytest.raises(InvalidDocumentException, match="DynamoDBStream"):
        lint_errors(template)


def test_the_check_catches_a_bad_getatt():
    template = load_template()
    event = template["Resources"]["JiraFunction"]["Properties"]["Events"]["TicketJob"]
    event["Properties"]["Queue"] = {"Fn::GetAtt": ["TicketQueue", "StreamArn"]}
    assert lint_errors(template)


def test_every_function_is_wired_to_what_it_needs():
    resources = transformed(load_template())["Resources"]
    kinds = {resource["Type"] for resource in resources.values()}
    assert {
        "AWS::Lambda::Function",
        "AWS::ApiGatewayV2::Api",
        "AWS::Lambda::EventSourceMapping",
        "AWS::DynamoDB::Table",
        "AWS::SQS::Queue",
        "AWS::SecretsManager::Secret",
    } <= kinds
    mappings = [r for r in resources.values() if r["Type"] == "AWS::Lambda::EventSourceMapping"]
    assert {json.dumps(m["Properties"]["EventSourceArn"]) for m in mappings} == {
        json.dumps({"Fn::GetAtt": ["GroupsTable", "StreamArn"]}),
        json.dumps({"Fn::GetAtt": ["TicketQueue", "Arn"]}),
    }


def test_the_shippers_url_is_the_ingest_functions_own_and_public():
    """Shippers post to the ingest function's URL (no API Gateway request price). A public
    function URL made since October 2025 answers 403 to every request unless the function's
    policy grants anyone both InvokeFunctionUrl and InvokeFunction (through the URL only)."""
    template = transformed(load_template())
    resources = template["Resources"]
    urls = {key: r for key, r in resources.items() if r["Type"] == "AWS::Lambda::Url"}
    assert [
        (r["Properties"]["TargetFunctionArn"], r["Properties"]["AuthType"]) for r in urls.values()
    ] == [({"Ref": "IngestFunction"}, "NONE")]
    public = {
        r["Properties"]["Action"]: r["Properties"]
        for r in resources.values()
        if r["Type"] == "AWS::Lambda::Permission" and r["Properties"]["Principal"] == "*"
    }
    assert set(public) == {"lambda:InvokeFunctionUrl", "lambda:InvokeFunction"}
    assert public["lambda:InvokeFunctionUrl"]["FunctionUrlAuthType"] == "NONE"
    assert public["lambda:InvokeFunction"]["InvokedViaFunctionUrl"] is True
    assert all(p["FunctionName"] == {"Ref": "IngestFunction"} for p in public.values())
    (url_id,) = urls
    assert template["Outputs"]["ShipperUrl"]["Value"] == {"Fn::GetAtt": [url_id, "FunctionUrl"]}
    # The URL's throttle: without API Gateway, only a reserved concurrency bounds a flood.
    ingest = resources["IngestFunction"]["Properties"]
    assert ingest["ReservedConcurrentExecutions"] == {"Ref": "IngestConcurrency"}
