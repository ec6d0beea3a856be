"""Reads `template.yaml`: the one list of StackLens's functions, routes, triggers and resources.

Only what the local runner plays is read; intrinsic functions (!Ref, !GetAtt, !Sub) are kept
as CloudFormation's JSON form so they can be resolved against local resources.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml

TEMPLATE_PATH = Path(__file__).resolve().parent.parent / "template.yaml"


class _CfnLoader(yaml.SafeLoader):
    """A YAML loader that understands CloudFormation's short tags (!Ref, !GetAtt, ...)."""


def _construct_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node):
    name = "Ref" if suffix == "Ref" else f"Fn::{suffix}"
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if suffix == "GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return {name: value}


_CfnLoader.add_multi_constructor("!", _construct_tag)


def load_template(path: Path = TEMPLATE_PATH) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_CfnLoader)


@dataclass(frozen=True)
class Route:
    method: str
    path: str  # API Gateway form, e.g. /assets/{name}
    function: str  # logical id


@dataclass(frozen=True)
class Trigger:
    function: str
    kind: str  # DynamoDB | SQS
    source: str  # logical id of the table or queue
    batch_size: int
    report_batch_item_failures: bool


@dataclass
class FunctionSpec:
    logical_id: str
    handler: str  # module.path.function
    environment: dict = field(default_factory=dict)  # unresolved values
    timeout: int = 3
    has_url: bool = False  # a function URL (FunctionUrlConfig): its own HTTPS endpoint
    memory_mb: int = 128  # Lambda's default, as the template may leave it


@dataclass
class Stack:
    """What the runner needs from the template."""

    functions: dict[str, FunctionSpec]
    routes: list[Route]
    triggers: list[Trigger]
    resources: dict[str, dict]  # logical id -> resource (Type, Properties, Condition)
    parameters: dict[str, dict]
    conditions: dict[str, dict] = field(default_factory=dict)  # name -> unresolved expression

    @property
    def function_urls(self) -> list[str]:
        """The functions with a URL of their own, in the template's order."""
        return [spec.logical_id for spec in self.functions.values() if spec.has_url]

    def resources_of_type(self, resource_type: str) -> dict[str, dict]:
        return {
            logical_id: resource
            for logical_id, resource in self.resources.items()
            if resource.get("Type") == resource_type
        }


def _source_of(reference) -> str:
    """The logical id behind `!GetAtt X.StreamArn` / `!GetAtt X.Arn` / `!Ref X`."""
    if isinstance(reference, dict):
        if "Fn::GetAtt" in reference:
            return reference["Fn::GetAtt"][0]
        if "Ref" in reference:
            return reference["Ref"]
    raise ValueError(f"cannot tell the event source of {reference!r}")


def read_stack(template: dict | None = None) -> Stack:
    template = template or load_template()
    globals_ = template.get("Globals", {}).get("Function", {})
    global_env = globals_.get("Environment", {}).get("Variables", {})
    functions: dict[str, FunctionSpec] = {}
    routes: list[Route] = []
    triggers: list[Trigger] = []
    for logical_id, resource in template.get("Resources", {}).items():
        if resource.get("Type") != "AWS::Serverless::Function":
            continue
        props = resource.get("Properties", {})
        env = {**global_env, **props.get("Environment", {}).get("Variables", {})}
        functions[logical_id] = FunctionSpec(
            logical_id=logical_id,
            handler=props["Handler"],
            environment=env,
            timeout=int(props.get("Timeout", globals_.get("Timeout", 3))),
            has_url="FunctionUrlConfig" in props,
            memory_mb=int(props.get("MemorySize", globals_.get("MemorySize", 128))),
        )
        for event in props.get("Events", {}).values():
            event_props = event.get("Properties", {})
            kind = event.get("Type")
            if kind == "HttpApi":
                routes.append(Route(event_props["Method"].upper(), event_props["Path"], logical_id))
            elif kind in ("DynamoDB", "SQS"):
                source = event_props["Stream"] if kind == "DynamoDB" else event_props["Queue"]
                triggers.append(
                    Trigger(
                        function=logical_id,
                        kind=kind,
                        source=_source_of(source),
                        batch_size=int(event_props.get("BatchSize", 10 if kind == "SQS" else 100)),
                        report_batch_item_failures="ReportBatchItemFailures"
                        in event_props.get("FunctionResponseTypes", []),
                    )
                )
    return Stack(
        functions=functions,
        routes=routes,
        triggers=triggers,
        resources=template.get("Resources", {}),
        parameters=template.get("Parameters", {}),
        conditions=template.get("Conditions", {}),
    )
