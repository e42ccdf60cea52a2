"""cfnpy.aws_lambda: IFunction, FunctionBase and the Function import methods (AWS CDK v1 semantics)."""

from __future__ import annotations

from typing import Any

import pytest

import cfnpy.aws_lambda as lambda_
from cfnpy.aws_lambda import EventInvokeConfig, Function, FunctionBase, IFunction
from cfnpy.core import (
    App,
    ArnFormat,
    CfnParameter,
    Construct,
    Duration,
    RemovalPolicy,
    Resource,
    ResourceEnvironment,
    Stack,
    Token,
    ValidationError,
)

ARN = "arn:aws:lambda:us-east-1:123456789012:function:MyFn"
ARN_TOKEN_NAME: dict[str, Any] = {"Fn::Select": [6, {"Fn::Split": [":", {"Ref": "FnArn"}]}]}


def make_stack(**env: str) -> Stack:
    return Stack(App(), "S", env=env or None)


def resources(stack: Stack) -> dict[str, Any]:
    template = stack.to_template()
    result: dict[str, Any] = template.get("Resources", {})
    return result


# -- the public names ------------------------------------------------------------


def test_names_are_exported_by_the_package() -> None:
    for name in ("Function", "FunctionBase", "IFunction"):
        assert name in lambda_.__all__
        assert getattr(lambda_, name).__module__ == "cfnpy.aws_lambda._function"


def test_function_cannot_be_instantiated() -> None:
    stack = make_stack()
    with pytest.raises(ValidationError) as info:
        Function(stack, "Fn")  # type: ignore[call-arg]
    assert str(info.value).startswith("cfnpy.aws_lambda.Function cannot create a Lambda function")
    assert "from_function_arn" in str(info.value)
    assert stack.node.children == []


def test_function_base_is_abstract() -> None:
    with pytest.raises(TypeError, match="abstract"):
        FunctionBase(make_stack(), "Fn")  # type: ignore[abstract]


# -- from_function_arn / from_function_attributes ------------------------------------


def test_from_function_arn_with_a_literal_arn() -> None:
    stack = make_stack(account="111111111111", region="eu-west-1")
    fn = Function.from_function_arn(stack, "Fn", ARN)
    assert isinstance(fn, IFunction)
    assert isinstance(fn, FunctionBase) and isinstance(fn, Resource)
    assert fn.function_arn == ARN
    assert fn.function_name == "MyFn"
    assert fn.node.path == "S/Fn"
    assert fn.stack is stack
    # The environment is the ARN's, not the stack's.
    assert fn.env == ResourceEnvironment(account="123456789012", region="us-east-1")
    # An import adds no resource to the template.
    assert resources(stack) == {}


def test_qualified_arn_gives_the_unqualified_name() -> None:
    # AWS CDK takes the 7th ARN component (Fn.select(6, Fn.split(":", arn))).
    fn = Function.from_function_arn(make_stack(), "Fn", ARN + ":prod")
    assert fn.function_name == "MyFn"
    assert fn.function_arn == ARN + ":prod"


def test_from_function_arn_with_a_token_arn() -> None:
    stack = make_stack(account="111111111111", region="eu-west-1")
    arn = CfnParameter(stack, "FnArn", type="String").value_as_string
    fn = Function.from_function_arn(stack, "Fn", arn)
    assert fn.function_arn == arn
    assert Token.is_unresolved(fn.function_name)
    assert stack.resolve(fn.function_name) == ARN_TOKEN_NAME
    assert stack.resolve(fn.env.account) == {"Fn::Select": [4, {"Fn::Split": [":", {"Ref": "FnArn"}]}]}
    assert stack.resolve(fn.env.region) == {"Fn::Select": [3, {"Fn::Split": [":", {"Ref": "FnArn"}]}]}


def test_from_function_arn_with_a_partly_tokenized_arn() -> None:
    stack = make_stack()
    region = CfnParameter(stack, "Region", type="String").value_as_string
    fn = Function.from_function_arn(stack, "Fn", f"arn:aws:lambda:{region}:123456789012:function:MyFn")
    joined = {"Fn::Join": ["", ["arn:aws:lambda:", {"Ref": "Region"}, ":123456789012:function:MyFn"]]}
    assert stack.resolve(fn.function_name) == {"Fn::Select": [6, {"Fn::Split": [":", joined]}]}


@pytest.mark.parametrize(
    "arn",
    [
        "MyFn",
        "arn:aws:lambda:us-east-1:123456789012:function",
        "arn:aws:lambda:us-east-1:123456789012:function:",
        "nra:aws:lambda:us-east-1:123456789012:function:MyFn",
    ],
)
def test_malformed_literal_arns_are_rejected(arn: str) -> None:
    stack = make_stack()
    with pytest.raises(ValidationError, match="Function ARN must be of the form"):
        Function.from_function_arn(stack, "Fn", arn)
    assert stack.node.try_find_child("Fn") is None


def test_from_function_attributes() -> None:
    stack = make_stack()
    fn = Function.from_function_attributes(stack, "Fn", function_arn=ARN)
    assert (fn.function_name, fn.function_arn) == ("MyFn", ARN)
    assert fn.env == ResourceEnvironment(account="123456789012", region="us-east-1")


def _can_create_permissions(fn: IFunction) -> bool:
    assert isinstance(fn, FunctionBase)
    return fn._can_create_permissions


@pytest.mark.parametrize(
    "env, same_environment, expected",
    [
        ({"account": "123456789012", "region": "eu-west-1"}, None, True),
        ({"account": "111111111111", "region": "us-east-1"}, None, False),
        ({}, None, False),
        ({}, True, True),
        ({"account": "123456789012", "region": "us-east-1"}, False, False),
    ],
)
def test_same_environment(env: dict[str, str], same_environment: bool | None, expected: bool) -> None:
    fn = Function.from_function_attributes(
        make_stack(**env), "Fn", function_arn=ARN, same_environment=same_environment
    )
    assert _can_create_permissions(fn) is expected


def test_same_environment_is_false_for_a_token_arn() -> None:
    stack = make_stack(account="123456789012", region="us-east-1")
    arn = CfnParameter(stack, "FnArn", type="String").value_as_string
    assert _can_create_permissions(Function.from_function_arn(stack, "Fn", arn)) is False


def test_skip_permissions() -> None:
    stack = make_stack()
    default = Function.from_function_attributes(stack, "A", function_arn=ARN)
    skipped = Function.from_function_attributes(stack, "B", function_arn=ARN, skip_permissions=True)
    assert isinstance(default, FunctionBase) and isinstance(skipped, FunctionBase)
    assert default._skip_permissions is False
    assert skipped._skip_permissions is True


# -- from_function_name ---------------------------------------------------------


def test_from_function_name_in_a_stack_with_an_environment() -> None:
    stack = make_stack(account="111111111111", region="eu-west-1")
    fn = Function.from_function_name(stack, "Fn", "my-fn")
    assert fn.function_arn == "arn:aws:lambda:eu-west-1:111111111111:function:my-fn"
    assert fn.function_name == "my-fn"
    assert fn.env == ResourceEnvironment(account="111111111111", region="eu-west-1")


def test_from_function_name_in_a_china_region() -> None:
    stack = make_stack(account="111111111111", region="cn-north-1")
    fn = Function.from_function_name(stack, "Fn", "my-fn")
    assert fn.function_arn == "arn:aws-cn:lambda:cn-north-1:111111111111:function:my-fn"


def test_from_function_name_in_an_environment_agnostic_stack() -> None:
    stack = make_stack()
    fn = Function.from_function_name(stack, "Fn", "my-fn")
    arn = {
        "Fn::Join": [
            "",
            [
                "arn:",
                {"Ref": "AWS::Partition"},
                ":lambda:",
                {"Ref": "AWS::Region"},
                ":",
                {"Ref": "AWS::AccountId"},
                ":function:my-fn",
            ],
        ]
    }
    assert stack.resolve(fn.function_arn) == arn
    # As in AWS CDK, the name is taken back from the (token) ARN.
    assert stack.resolve(fn.function_name) == {"Fn::Select": [6, {"Fn::Split": [":", arn]}]}


def test_from_function_name_below_a_nested_construct() -> None:
    stack = make_stack(account="111111111111", region="eu-west-1")
    fn = Function.from_function_name(Construct(stack, "Group"), "Fn", "my-fn")
    assert fn.node.path == "S/Group/Fn"
    assert fn.stack is stack


# -- configure_async_invoke ---------------------------------------------------------


def test_configure_async_invoke_adds_one_event_invoke_config() -> None:
    stack = make_stack()
    fn = Function.from_function_arn(stack, "Fn", ARN)
    fn.configure_async_invoke(max_event_age=Duration.hours(1), retry_attempts=0)

    children = fn.node.children
    assert [child.node.id for child in children] == ["EventInvokeConfig"]
    config = children[0]
    assert isinstance(config, EventInvokeConfig)
    assert config.node.path == "S/Fn/EventInvokeConfig"

    template = resources(stack)
    assert list(template.values()) == [
        {
            "Type": "AWS::Lambda::EventInvokeConfig",
            "Properties": {
                "FunctionName": "MyFn",
                "MaximumEventAgeInSeconds": 3600,
                "MaximumRetryAttempts": 0,
                "Qualifier": "$LATEST",
            },
        }
    ]


def test_configure_async_invoke_without_options() -> None:
    stack = make_stack()
    Function.from_function_arn(stack, "Fn", ARN).configure_async_invoke()
    assert [r["Properties"] for r in resources(stack).values()] == [{"FunctionName": "MyFn", "Qualifier": "$LATEST"}]


def test_configure_async_invoke_twice_fails() -> None:
    stack = make_stack()
    fn = Function.from_function_arn(stack, "Fn", ARN)
    fn.configure_async_invoke(retry_attempts=1)
    with pytest.raises(ValidationError) as info:
        fn.configure_async_invoke(retry_attempts=2)
    assert str(info.value).startswith("An EventInvokeConfig has already been configured for the function at S/Fn")
    assert len(fn.node.children) == 1
    assert [r["Properties"]["MaximumRetryAttempts"] for r in resources(stack).values()] == [1]


def test_configure_async_invoke_fails_when_an_event_invoke_config_was_added_directly() -> None:
    stack = make_stack()
    fn = Function.from_function_arn(stack, "Fn", ARN)
    assert isinstance(fn, FunctionBase)
    EventInvokeConfig(fn, "EventInvokeConfig", function=fn)
    with pytest.raises(ValidationError, match="^An EventInvokeConfig has already been configured"):
        fn.configure_async_invoke()


def test_each_function_has_its_own_configuration() -> None:
    stack = make_stack()
    first = Function.from_function_arn(stack, "First", ARN)
    second = Function.from_function_name(stack, "Second", "other")
    first.configure_async_invoke(retry_attempts=1)
    second.configure_async_invoke(retry_attempts=2)
    assert len(resources(stack)) == 2


def test_configure_async_invoke_with_a_token_arn() -> None:
    stack = make_stack()
    arn = CfnParameter(stack, "FnArn", type="String").value_as_string
    Function.from_function_arn(stack, "Fn", arn).configure_async_invoke()
    (resource,) = resources(stack).values()
    assert resource["Properties"]["FunctionName"] == ARN_TOKEN_NAME


def test_configure_async_invoke_checks_the_ranges() -> None:
    stack = make_stack()
    fn = Function.from_function_arn(stack, "Fn", ARN)
    with pytest.raises(ValidationError, match="`maximumEventAge` must represent a `Duration` that is between"):
        fn.configure_async_invoke(max_event_age=Duration.seconds(30))
    with pytest.raises(ValidationError, match="`retryAttempts` must be between 0 and 2"):
        Function.from_function_arn(stack, "Other", ARN).configure_async_invoke(retry_attempts=3)


def test_apply_removal_policy_on_an_import_fails_as_in_aws_cdk() -> None:
    fn = Function.from_function_arn(make_stack(), "Fn", ARN)
    with pytest.raises(ValidationError, match="Cannot apply RemovalPolicy"):
        fn.apply_removal_policy(RemovalPolicy.RETAIN)


# -- user-written functions --------------------------------------------------------


class NamedFunction(FunctionBase):
    """A FunctionBase subclass such as a user would write around an existing function."""

    def __init__(self, scope: Construct, id: str, name: str) -> None:
        super().__init__(scope, id)
        self._name = name

    @property
    def function_arn(self) -> str:
        return self.stack.format_arn(
            service="lambda", resource="function", resource_name=self._name, arn_format=ArnFormat.COLON_RESOURCE_NAME
        )

    @property
    def function_name(self) -> str:
        return self._name

    @property
    def _can_create_permissions(self) -> bool:
        return True


def test_function_base_subclass() -> None:
    stack = make_stack(account="111111111111", region="eu-west-1")
    fn: IFunction = NamedFunction(stack, "Fn", "mine")
    assert isinstance(fn, IFunction)
    assert fn.env == ResourceEnvironment(account="111111111111", region="eu-west-1")
    fn.configure_async_invoke(retry_attempts=2)
    with pytest.raises(ValidationError, match="already been configured for the function at S/Fn"):
        fn.configure_async_invoke()
    assert [r["Properties"]["FunctionName"] for r in resources(stack).values()] == ["mine"]
