"""Arn.split on a token ARN picks the fields as AWS CDK's parseTokenArn does."""

from __future__ import annotations

from cfnpy.core import App, Arn, ArnFormat, CfnParameter, Stack


def test_colon_resource_name_of_a_token_arn() -> None:
    stack = Stack(App(), "S")
    arn = CfnParameter(stack, "Arn").value_as_string
    parts = Arn.split(arn, ArnFormat.COLON_RESOURCE_NAME)
    split = {"Fn::Split": [":", {"Ref": "Arn"}]}
    assert stack.resolve(parts.resource) == {"Fn::Select": [5, split]}
    assert stack.resolve(parts.resource_name) == {"Fn::Select": [6, split]}


def test_slash_resource_name_of_a_token_arn() -> None:
    stack = Stack(App(), "S")
    arn = CfnParameter(stack, "Arn").value_as_string
    parts = Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME)
    fifth = {"Fn::Select": [5, {"Fn::Split": [":", {"Ref": "Arn"}]}]}
    assert stack.resolve(parts.resource_name) == {"Fn::Select": [1, {"Fn::Split": ["/", fifth]}]}
