"""The generated L2 EventInvokeConfig behaves as AWS CDK's."""

from __future__ import annotations

import re
from typing import Any, Dict

import pytest

import cfnpy.aws_lambda as lambda_
import cfnpy.core as cdk
from cfnpy.core import Construct

ARN = "arn:aws:lambda:us-east-1:123456789012:function:my-function"
AGE_ERROR = "`maximumEventAge` must represent a `Duration` that is between 60 and 21600 seconds."
RETRY_ERROR = "`retryAttempts` must be between 0 and 2."


class QueueDestination:
    """A user-written destination: IDestination is a protocol."""

    def __init__(self, arn: str) -> None:
        self.arn = arn
        self.bound: list[lambda_.DestinationType] = []

    def bind(self, scope: Construct, fn: lambda_.IFunction, *, type: lambda_.DestinationType) -> lambda_.DestinationConfig:
        self.bound.append(type)
        return lambda_.DestinationConfig(destination=self.arn)


def setup() -> tuple[cdk.Stack, lambda_.IFunction]:
    stack = cdk.Stack(cdk.App(), "Stack")
    return stack, lambda_.Function.from_function_arn(stack, "Fn", ARN)


def props(stack: cdk.Stack, logical_id: str = "Config57D1D894") -> Dict[str, Any]:
    resource: Dict[str, Any] = stack.to_template()["Resources"][logical_id]
    assert resource["Type"] == "AWS::Lambda::EventInvokeConfig"
    return dict(resource["Properties"])


def test_one_l1_child_named_resource_with_cdk_logical_id() -> None:
    stack, fn = setup()
    config = lambda_.EventInvokeConfig(stack, "Config", function=fn)
    child = config.node.default_child
    assert isinstance(child, lambda_.CfnEventInvokeConfig)
    assert child.node.id == "Resource"
    assert child.logical_id == "Config57D1D894"
    assert props(stack) == {"FunctionName": "my-function", "Qualifier": "$LATEST"}


@pytest.mark.parametrize("qualifier, written", [(None, "$LATEST"), ("", "$LATEST"), ("live", "live"), ("7", "7")])
def test_qualifier_default(qualifier: Any, written: str) -> None:
    stack, fn = setup()
    lambda_.EventInvokeConfig(stack, "Config", function=fn, qualifier=qualifier)
    assert props(stack)["Qualifier"] == written


def test_options_are_converted() -> None:
    stack, fn = setup()
    lambda_.EventInvokeConfig(stack, "Config", function=fn, max_event_age=cdk.Duration.minutes(30), retry_attempts=0)
    assert props(stack)["MaximumEventAgeInSeconds"] == 1800
    assert props(stack)["MaximumRetryAttempts"] == 0
    assert "DestinationConfig" not in props(stack)


@pytest.mark.parametrize(
    "age", [cdk.Duration.seconds(60), cdk.Duration.minutes(1), cdk.Duration.hours(6), cdk.Duration.seconds(21600)]
)
def test_event_age_bounds_accepted(age: cdk.Duration) -> None:
    stack, fn = setup()
    lambda_.EventInvokeConfig(stack, "Config", function=fn, max_event_age=age)
    assert props(stack)["MaximumEventAgeInSeconds"] == age.to_seconds()


@pytest.mark.parametrize(
    "age", [cdk.Duration.seconds(59), cdk.Duration.seconds(0), cdk.Duration.hours(7), cdk.Duration.seconds(21601)]
)
def test_event_age_bounds_rejected_with_the_documented_message(age: cdk.Duration) -> None:
    stack, fn = setup()
    with pytest.raises(ValueError, match=re.escape(AGE_ERROR)):
        lambda_.EventInvokeConfig(stack, "Config", function=fn, max_event_age=age)


@pytest.mark.parametrize("retries", [-1, 3, 2.5 + 1])
def test_retry_bounds_rejected_with_the_documented_message(retries: float) -> None:
    stack, fn = setup()
    with pytest.raises(ValueError, match=re.escape(RETRY_ERROR)):
        lambda_.EventInvokeConfig(stack, "Config", function=fn, retry_attempts=retries)


def test_token_values_skip_the_checks() -> None:
    stack, fn = setup()
    number = cdk.CfnParameter(stack, "N", type="Number")
    lambda_.EventInvokeConfig(
        stack,
        "Config",
        function=fn,
        max_event_age=cdk.Duration.seconds(number.value_as_number),
        retry_attempts=number.value_as_number,
    )
    assert props(stack)["MaximumEventAgeInSeconds"] == {"Ref": "N"}
    assert props(stack)["MaximumRetryAttempts"] == {"Ref": "N"}


def test_destinations_only_the_given_keys() -> None:
    stack, fn = setup()
    failure = QueueDestination("arn:aws:sqs:us-east-1:123456789012:failed")
    lambda_.EventInvokeConfig(stack, "Config", function=fn, on_failure=failure)
    assert props(stack)["DestinationConfig"] == {"OnFailure": {"Destination": failure.arn}}
    assert failure.bound == [lambda_.DestinationType.FAILURE]


def test_both_destinations() -> None:
    stack, fn = setup()
    failure = QueueDestination("arn:aws:sqs:us-east-1:123456789012:failed")
    success = QueueDestination("arn:aws:sns:us-east-1:123456789012:done")
    lambda_.EventInvokeConfig(stack, "Config", function=fn, on_failure=failure, on_success=success)
    assert props(stack)["DestinationConfig"] == {
        "OnFailure": {"Destination": failure.arn},
        "OnSuccess": {"Destination": success.arn},
    }
    assert success.bound == [lambda_.DestinationType.SUCCESS]
    assert isinstance(failure, lambda_.IDestination)


def test_removal_policy_env_and_string() -> None:
    stack, fn = setup()
    config = lambda_.EventInvokeConfig(stack, "Config", function=fn)
    config.apply_removal_policy(cdk.RemovalPolicy.RETAIN)
    resource = stack.to_template()["Resources"]["Config57D1D894"]
    assert resource["DeletionPolicy"] == "Retain" and resource["UpdateReplacePolicy"] == "Retain"
    assert config.to_string() == "Stack/Config"
    assert config.stack is stack
    assert config.env.account == stack.account and config.env.region == stack.region
    assert lambda_.EventInvokeConfig.is_resource(config) and lambda_.EventInvokeConfig.is_construct(config)


def test_configure_async_invoke_once() -> None:
    stack, fn = setup()
    fn.configure_async_invoke(retry_attempts=2)
    assert props(stack, "FnEventInvokeConfig6834F094")["MaximumRetryAttempts"] == 2
    with pytest.raises(Exception, match="already been configured"):
        fn.configure_async_invoke(retry_attempts=1)


def test_structs() -> None:
    config = lambda_.DestinationConfig(destination="arn:aws:sqs:us-east-1:123456789012:q")
    assert config.destination == "arn:aws:sqs:us-east-1:123456789012:q"
    assert config == lambda_.DestinationConfig(destination="arn:aws:sqs:us-east-1:123456789012:q")
    options = lambda_.EventInvokeConfigOptions(retry_attempts=1)
    assert options.retry_attempts == 1 and options.max_event_age is None
    assert repr(options) == "EventInvokeConfigOptions(retry_attempts=1)"
    with pytest.raises(TypeError):
        lambda_.DestinationConfig("positional")  # type: ignore[misc]


def test_a_refused_construct_leaves_no_trace() -> None:
    stack, fn = setup()
    with pytest.raises(ValueError, match=re.escape(RETRY_ERROR)) as caught:
        lambda_.EventInvokeConfig(stack, "Config", function=fn, retry_attempts=123)
    assert "Stack/Config" in str(caught.value)
    lambda_.EventInvokeConfig(stack, "Config", function=fn, retry_attempts=2)
    assert props(stack)["MaximumRetryAttempts"] == 2
