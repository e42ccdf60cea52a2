"""Parameters, outputs, conditions, mappings and the template as a whole."""

from __future__ import annotations

import pytest

from cfnpy.core import (
    App,
    Aws,
    CfnCondition,
    CfnMapping,
    CfnOutput,
    CfnParameter,
    CfnResource,
    Fn,
    IResolvable,
    Stack,
    Token,
    ValidationError,
)


def new_stack(**kwargs: str) -> Stack:
    return Stack(App(), "S", **kwargs)  # type: ignore[arg-type]


def test_parameter_rendering() -> None:
    stack = new_stack()
    CfnParameter(stack, "Plain")
    CfnParameter(
        stack,
        "Full",
        type="Number",
        default=5,
        allowed_pattern="[0-9]+",
        allowed_values=["1", "5"],
        constraint_description="digits",
        description="a number",
        max_length=3,
        max_value=10,
        min_length=1,
        min_value=0,
        no_echo=True,
    )
    parameters = stack.to_template()["Parameters"]
    assert parameters["Plain"] == {"Type": "String"}
    assert parameters["Full"] == {
        "Type": "Number",
        "Default": 5,
        "AllowedPattern": "[0-9]+",
        "AllowedValues": ["1", "5"],
        "ConstraintDescription": "digits",
        "Description": "a number",
        "MaxLength": 3,
        "MaxValue": 10,
        "MinLength": 1,
        "MinValue": 0,
        "NoEcho": True,
    }


def test_parameter_values() -> None:
    stack = new_stack()
    text = CfnParameter(stack, "Text")
    number = CfnParameter(stack, "Num", type="Number")
    items = CfnParameter(stack, "Items", type="List<AWS::EC2::Subnet::Id>")
    assert isinstance(text.value, IResolvable)
    assert stack.resolve(text.value) == {"Ref": "Text"}
    assert stack.resolve(text) == {"Ref": "Text"}
    assert isinstance(text.value_as_string, str)
    assert isinstance(number.value_as_number, float) and Token.is_unresolved(number.value_as_number)
    assert stack.resolve(number.value_as_number) == {"Ref": "Num"}
    assert stack.resolve(number.value_as_string) == {"Ref": "Num"}
    assert stack.resolve(items.value_as_list) == {"Ref": "Items"}
    with pytest.raises(ValidationError, match=r"Parameter type \(String\) is not a number type"):
        _ = text.value_as_number
    with pytest.raises(ValidationError, match=r"Parameter type \(String\) is not a string list type"):
        _ = text.value_as_list
    with pytest.raises(ValidationError, match=r"Parameter type \(List<AWS::EC2::Subnet::Id>\) is not a string or number type"):
        _ = items.value_as_string
    text.default = "changed"
    assert stack.to_template()["Parameters"]["Text"] == {"Type": "String", "Default": "changed"}


def test_outputs() -> None:
    stack = new_stack()
    bucket = CfnResource(stack, "Bucket", type="AWS::S3::Bucket")
    condition = CfnCondition(stack, "Cond", expression=Fn.condition_equals(Aws.REGION, "eu-west-1"))
    CfnOutput(stack, "Name", value=bucket.ref)
    exported = CfnOutput(
        stack,
        "Arn",
        value=bucket.get_att("Arn"),
        description="the arn",
        export_name=f"{Aws.STACK_NAME}-arn",
        condition=condition,
    )
    outputs = stack.to_template()["Outputs"]
    assert outputs["Name"] == {"Value": {"Ref": "Bucket"}}
    assert outputs["Arn"] == {
        "Description": "the arn",
        "Value": {"Fn::GetAtt": ["Bucket", "Arn"]},
        "Export": {"Name": {"Fn::Join": ["", [{"Ref": "AWS::StackName"}, "-arn"]]}},
        "Condition": "Cond",
    }
    assert stack.resolve(exported.import_value) == {
        "Fn::ImportValue": {"Fn::Join": ["", [{"Ref": "AWS::StackName"}, "-arn"]]}
    }
    with pytest.raises(ValidationError, match='Missing value for CloudFormation output at path "S/Missing"'):
        CfnOutput(stack, "Missing", value=None)
    with pytest.raises(ValidationError, match="cannot create an ImportValue without an export name"):
        _ = CfnOutput(stack, "NoExport", value="x").import_value


def test_conditions_and_mappings() -> None:
    stack = new_stack()
    is_prod = CfnCondition(stack, "IsProd", expression=Fn.condition_equals("prod", "prod"))
    CfnCondition(stack, "Empty")
    mapping = CfnMapping(stack, "Map", mapping={"us-east-1": {"ami": "ami-1"}})
    mapping.set_value("eu-west-1", "ami", "ami-2")
    r = CfnResource(stack, "R", type="AWS::X::Y", properties={"Ami": mapping.find_in_map(Aws.REGION, "ami")})
    r.cfn_options.condition = is_prod
    with pytest.raises(ValidationError, match="Mapping doesn't contain top-level key 'nope'"):
        mapping.find_in_map("nope", "ami")
    with pytest.raises(ValidationError, match="Mapping doesn't contain second-level key 'nope'"):
        mapping.find_in_map("us-east-1", "nope")
    template = stack.to_template()
    assert template["Conditions"] == {"IsProd": {"Fn::Equals": ["prod", "prod"]}}
    assert template["Mappings"] == {"Map": {"us-east-1": {"ami": "ami-1"}, "eu-west-1": {"ami": "ami-2"}}}
    assert template["Resources"]["R"]["Properties"] == {"Ami": {"Fn::FindInMap": ["Map", {"Ref": "AWS::Region"}, "ami"]}}
    assert template["Resources"]["R"]["Condition"] == "IsProd"
    mapping.override_logical_id("Renamed")
    assert stack.resolve(mapping.find_in_map("us-east-1", "ami")) == {"Fn::FindInMap": ["Renamed", "us-east-1", "ami"]}


def test_section_order_and_empty_sections() -> None:
    stack = new_stack(description="My stack")
    CfnOutput(stack, "Out", value="x")
    CfnResource(stack, "R", type="AWS::X::Y")
    CfnCondition(stack, "C", expression=Fn.condition_equals("a", "a"))
    CfnParameter(stack, "P")
    stack.add_metadata("Meta", {"a": 1})
    stack.template_options.template_format_version = "2010-09-09"
    template = stack.to_template()
    assert list(template) == [
        "Description",
        "AWSTemplateFormatVersion",
        "Metadata",
        "Parameters",
        "Conditions",
        "Resources",
        "Outputs",
    ]
    assert template["Description"] == "My stack"
    assert new_stack().to_template() == {}


def test_resources_in_construct_tree_order() -> None:
    stack = new_stack()
    from cfnpy.core import Construct

    group = Construct(stack, "Group")
    CfnResource(stack, "Z", type="AWS::X::Y")
    CfnResource(group, "A", type="AWS::X::Y")
    CfnResource(stack, "M", type="AWS::X::Y")
    names = list(stack.to_template()["Resources"])
    assert names[0].startswith("GroupA") and names[1:] == ["Z", "M"]


def test_to_template_is_repeatable() -> None:
    stack = new_stack()
    a = CfnResource(stack, "A", type="AWS::X::Y", properties={"V": Fn.to_json_string({"a": 1})})
    b = CfnResource(stack, "B", type="AWS::X::Y")
    a.add_dependency(b)
    assert stack.to_template() == stack.to_template()


def test_description_limit() -> None:
    with pytest.raises(ValidationError, match="Stack description must be <= 1024 bytes"):
        Stack(App(), "S", description="x" * 513)


def test_synthesis_leaves_the_garbage_collector_as_it_was() -> None:
    import gc

    stack = new_stack()
    CfnResource(stack, "R", type="AWS::SNS::Topic")
    assert gc.isenabled() and gc.get_freeze_count() == 0
    stack.to_template()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    # Objects someone else froze stay frozen; a disabled collector stays disabled.
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        stack.to_template()
        assert gc.isenabled() and gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
    gc.disable()
    try:
        stack.to_template()
        assert not gc.isenabled()
    finally:
        gc.enable()
