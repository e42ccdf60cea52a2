"""The Fn intrinsic functions: return types and rendered CloudFormation."""

from __future__ import annotations

from typing import Any

import pytest

from cfnpy.core import (
    App,
    Aws,
    CfnCondition,
    CfnParameter,
    CfnResource,
    Fn,
    ICfnRuleConditionExpression,
    IResolvable,
    Stack,
    Token,
    ValidationError,
)


@pytest.fixture
def stack() -> Stack:
    return Stack(App(), "S")


def resolve(stack: Stack, value: Any) -> Any:
    return stack.resolve(value)


def test_ref(stack: Stack) -> None:
    value = Fn.ref("Thing")
    assert isinstance(value, str) and Token.is_unresolved(value)
    assert resolve(stack, value) == {"Ref": "Thing"}


def test_get_att(stack: Stack) -> None:
    value = Fn.get_att("Res", "Arn")
    assert isinstance(value, IResolvable)
    assert resolve(stack, value) == {"Fn::GetAtt": ["Res", "Arn"]}
    assert resolve(stack, value.to_string()) == {"Fn::GetAtt": ["Res", "Arn"]}


def test_join_of_literals_is_a_plain_string() -> None:
    assert Fn.join("-", ["a", "b", "c"]) == "a-b-c"
    with pytest.raises(ValidationError, match="FnJoin requires at least one value to be provided"):
        Fn.join(",", [])


def test_join_folds_adjacent_literals(stack: Stack) -> None:
    value = Fn.join("-", ["a", "b", Aws.REGION, "c", "d"])
    assert Token.is_unresolved(value)
    assert resolve(stack, value) == {"Fn::Join": ["-", ["a-b", {"Ref": "AWS::Region"}, "c-d"]]}


def test_join_flattens_nested_joins_with_same_delimiter(stack: Stack) -> None:
    inner = Fn.join("-", ["x", Aws.REGION])
    value = Fn.join("-", ["a", inner])
    assert resolve(stack, value) == {"Fn::Join": ["-", ["a-x", {"Ref": "AWS::Region"}]]}
    other = Fn.join(",", ["a", inner])
    assert resolve(stack, other) == {
        "Fn::Join": [",", ["a", {"Fn::Join": ["-", ["x", {"Ref": "AWS::Region"}]]}]]
    }


def test_join_of_a_single_token_is_the_token(stack: Stack) -> None:
    assert resolve(stack, Fn.join(",", [Aws.REGION])) == {"Ref": "AWS::Region"}


def test_join_of_a_list_token(stack: Stack) -> None:
    param = CfnParameter(stack, "L", type="CommaDelimitedList")
    assert resolve(stack, Fn.join("|", param.value_as_list)) == {"Fn::Join": ["|", {"Ref": "L"}]}


def test_select(stack: Stack) -> None:
    assert Fn.select(1, ["a", "b"]) == "b"
    with pytest.raises(ValidationError, match="out of range"):
        Fn.select(5, ["a"])
    value = Fn.select(0, Fn.get_azs())
    assert isinstance(value, str)
    assert resolve(stack, value) == {"Fn::Select": [0, {"Fn::GetAZs": ""}]}
    assert resolve(stack, Fn.select(1, ["a", Aws.REGION])) == {"Fn::Select": [1, ["a", {"Ref": "AWS::Region"}]]}


def test_split(stack: Stack) -> None:
    assert Fn.split(",", "a,b") == ["a", "b"]
    param = CfnParameter(stack, "P")
    value = Fn.split(",", param.value_as_string)
    assert isinstance(value, list) and len(value) == 1 and Token.is_unresolved(value)
    assert resolve(stack, value) == {"Fn::Split": [",", {"Ref": "P"}]}
    three = Fn.split(",", param.value_as_string, 3)
    assert len(three) == 3
    assert resolve(stack, three[2]) == {"Fn::Select": [2, {"Fn::Split": [",", {"Ref": "P"}]}]}
    with pytest.raises(ValidationError, match="'delimiter' may not be a token value"):
        Fn.split(Aws.REGION, param.value_as_string)


def test_sub_base64_import_find_in_map(stack: Stack) -> None:
    assert resolve(stack, Fn.sub("${AWS::Region}-x")) == {"Fn::Sub": "${AWS::Region}-x"}
    assert resolve(stack, Fn.sub("${A}", {"A": Aws.REGION})) == {
        "Fn::Sub": ["${A}", {"A": {"Ref": "AWS::Region"}}]
    }
    assert resolve(stack, Fn.base64("data")) == {"Fn::Base64": "data"}
    assert resolve(stack, Fn.import_value("Exp")) == {"Fn::ImportValue": "Exp"}
    assert resolve(stack, Fn.find_in_map("M", "a", "b")) == {"Fn::FindInMap": ["M", "a", "b"]}
    assert resolve(stack, Fn.find_in_map("M", "a", "b", "d")) == {
        "Fn::FindInMap": ["M", "a", "b", {"DefaultValue": "d"}]
    }
    assert all(isinstance(v, str) for v in (Fn.sub("x"), Fn.base64("x"), Fn.import_value("x")))


def test_list_valued_functions(stack: Stack) -> None:
    azs = Fn.get_azs("eu-west-1")
    assert isinstance(azs, list) and Token.is_unresolved(azs)
    assert resolve(stack, azs) == {"Fn::GetAZs": "eu-west-1"}
    assert resolve(stack, Fn.get_azs()) == {"Fn::GetAZs": ""}
    assert resolve(stack, Fn.cidr("10.0.0.0/16", 4, "8")) == {"Fn::Cidr": ["10.0.0.0/16", 4, "8"]}
    assert resolve(stack, Fn.cidr("10.0.0.0/16", 4)) == {"Fn::Cidr": ["10.0.0.0/16", 4]}
    with pytest.raises(ValidationError, match="Fn::Cidr's count attribute must be between 1 and 256, 0 was provided."):
        Fn.cidr("10.0.0.0/16", 0)
    assert resolve(stack, Fn.ref_all("AWS::EC2::VPC::Id")) == {"Fn::RefAll": "AWS::EC2::VPC::Id"}
    assert resolve(stack, Fn.value_of_all("T", "Tags")) == {"Fn::ValueOfAll": ["T", "Tags"]}
    assert resolve(stack, Fn.value_of("P", "Tags")) == {"Fn::ValueOf": ["P", "Tags"]}
    imported = Fn.import_list_value("Exp", 2)
    assert resolve(stack, imported[1]) == {"Fn::Select": [1, {"Fn::Split": [",", {"Fn::ImportValue": "Exp"}]}]}


def test_parse_domain_name(stack: Stack) -> None:
    param = CfnParameter(stack, "Url")
    value = Fn.parse_domain_name(param.value_as_string)
    assert resolve(stack, value) == {
        "Fn::Select": [0, {"Fn::Split": ["/", {"Fn::Select": [1, {"Fn::Split": ["//", {"Ref": "Url"}]}]}]}]
    }
    assert Fn.parse_domain_name("https://example.com/path") == "example.com"


def test_transform_json_and_length(stack: Stack) -> None:
    assert resolve(stack, Fn.transform("Macro", {"a": 1})) == {"Fn::Transform": {"Name": "Macro", "Parameters": {"a": 1}}}
    CfnResource(stack, "R", type="AWS::X::Y", properties={"J": Fn.to_json_string({"a": Aws.REGION}), "L": Fn.len(Fn.get_azs())})
    template = stack.to_template()
    assert template["Transform"] == "AWS::LanguageExtensions"
    props = template["Resources"]["R"]["Properties"]
    assert props["J"] == {"Fn::ToJsonString": {"a": {"Ref": "AWS::Region"}}}
    assert props["L"] == {"Fn::Length": {"Fn::GetAZs": ""}}
    assert Fn.len(["a", "b"]) == 2


def test_conditions(stack: Stack) -> None:
    eq = Fn.condition_equals(Aws.REGION, "us-east-1")
    assert isinstance(eq, ICfnRuleConditionExpression)
    assert resolve(stack, eq) == {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}
    cond = CfnCondition(stack, "IsUs", expression=eq)
    assert resolve(stack, Fn.condition_not(cond)) == {"Fn::Not": [{"Condition": "IsUs"}]}
    assert resolve(stack, Fn.condition_and(eq)) == resolve(stack, eq)
    assert resolve(stack, Fn.condition_and(eq, cond)) == {
        "Fn::And": [{"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}, {"Condition": "IsUs"}]
    }
    assert resolve(stack, Fn.condition_or(cond, cond)) == {"Fn::Or": [{"Condition": "IsUs"}, {"Condition": "IsUs"}]}
    many = Fn.condition_or(*([cond] * 11))
    rendered = resolve(stack, many)
    assert list(rendered) == ["Fn::Or"] and len(rendered["Fn::Or"]) == 2
    assert len(rendered["Fn::Or"][0]["Fn::Or"]) == 10
    assert resolve(stack, Fn.condition_if("IsUs", "a", Aws.NO_VALUE)) == {
        "Fn::If": ["IsUs", "a", {"Ref": "AWS::NoValue"}]
    }
    assert resolve(stack, Fn.condition_contains(["a"], "a")) == {"Fn::Contains": [["a"], "a"]}
    assert resolve(stack, Fn.condition_each_member_equals(["a"], "a")) == {"Fn::EachMemberEquals": [["a"], "a"]}
    assert resolve(stack, Fn.condition_each_member_in(["a"], ["b"])) == {"Fn::EachMemberIn": [["a"], ["b"]]}
    with pytest.raises(ValidationError, match=r"Fn.conditionAnd\(\) needs at least one argument"):
        Fn.condition_and()
