"""cfnpy.aws_lambda_destinations and user-written IDestination classes."""

from __future__ import annotations

from typing import Any

import pytest

import cfnpy.aws_lambda_destinations as destinations
from cfnpy.aws_lambda import (
    DestinationConfig,
    DestinationType,
    EventInvokeConfig,
    Function,
    IDestination,
    IFunction,
)
from cfnpy.aws_lambda_destinations import (
    EventBridgeDestination,
    IEventBus,
    IQueue,
    ITopic,
    LambdaDestination,
    SnsDestination,
    SqsDestination,
)
from cfnpy.core import App, CfnParameter, Construct, Fn, Stack, ValidationError

FN_ARN = "arn:aws:lambda:us-east-1:123456789012:function:Source"
QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:failed"
TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:done"
BUS_ARN = "arn:aws:events:us-east-1:123456789012:event-bus/custom"


def make_stack(**env: str) -> Stack:
    return Stack(App(), "S", env=env or None)


def source(stack: Stack) -> IFunction:
    return Function.from_function_arn(stack, "Source", FN_ARN)


def bind(destination: IDestination, stack: Stack, type: DestinationType = DestinationType.FAILURE) -> Any:
    """The resolved ARN the destination gives for a function in ``stack``."""
    config = destination.bind(stack, source(stack), type=type)
    assert isinstance(config, DestinationConfig)
    return stack.resolve(config.destination)


def destination_config(stack: Stack) -> Any:
    (resource,) = stack.to_template()["Resources"].values()
    assert resource["Type"] == "AWS::Lambda::EventInvokeConfig"
    return resource["Properties"].get("DestinationConfig")


class Queue:
    def __init__(self, queue_arn: str) -> None:
        self.queue_arn = queue_arn


class Topic:
    @property
    def topic_arn(self) -> str:
        return TOPIC_ARN


class Bus:
    event_bus_arn = BUS_ARN


def test_module_exports() -> None:
    assert sorted(destinations.__all__) == [
        "EventBridgeDestination",
        "IEventBus",
        "IQueue",
        "ITopic",
        "LambdaDestination",
        "SnsDestination",
        "SqsDestination",
    ]


def test_destinations_are_idestinations() -> None:
    stack = make_stack()
    fn = Function.from_function_arn(stack, "Target", FN_ARN)
    all_kinds: list[IDestination] = [
        LambdaDestination(fn),
        SqsDestination(QUEUE_ARN),
        SnsDestination(TOPIC_ARN),
        EventBridgeDestination(),
    ]
    assert all(isinstance(d, IDestination) for d in all_kinds)


# -- LambdaDestination ---------------------------------------------------------------


def test_lambda_destination_literal_arn() -> None:
    stack = make_stack()
    target = Function.from_function_arn(stack, "Target", "arn:aws:lambda:us-east-1:123456789012:function:Target")
    assert bind(LambdaDestination(target), stack) == "arn:aws:lambda:us-east-1:123456789012:function:Target"


def test_lambda_destination_token_arn() -> None:
    stack = make_stack()
    arn = CfnParameter(stack, "TargetArn", type="String").value_as_string
    target = Function.from_function_arn(stack, "Target", arn)
    assert bind(LambdaDestination(target), stack) == {"Ref": "TargetArn"}


def test_lambda_destination_from_function_name() -> None:
    stack = make_stack(account="111111111111", region="eu-west-1")
    target = Function.from_function_name(stack, "Target", "target")
    assert bind(LambdaDestination(target), stack) == "arn:aws:lambda:eu-west-1:111111111111:function:target"


def test_lambda_destination_needs_a_function() -> None:
    with pytest.raises(ValidationError, match="LambdaDestination: expected an IFunction, got str"):
        LambdaDestination(FN_ARN)  # type: ignore[arg-type]


# -- SqsDestination / SnsDestination -------------------------------------------------


def test_sqs_destination() -> None:
    stack = make_stack()
    assert bind(SqsDestination(QUEUE_ARN), stack) == QUEUE_ARN
    assert bind(SqsDestination(Queue(QUEUE_ARN)), make_stack()) == QUEUE_ARN
    assert isinstance(Queue(QUEUE_ARN), IQueue)


def test_sqs_destination_token_arns() -> None:
    stack = make_stack()
    assert bind(SqsDestination(Fn.get_att("Queue", "Arn").to_string()), stack) == {"Fn::GetAtt": ["Queue", "Arn"]}
    parameter = CfnParameter(make_stack(), "QueueArn", type="String")
    assert bind(SqsDestination(Queue(parameter.value_as_string)), parameter.stack) == {"Ref": "QueueArn"}


def test_sns_destination() -> None:
    assert bind(SnsDestination(TOPIC_ARN), make_stack()) == TOPIC_ARN
    assert bind(SnsDestination(Topic()), make_stack()) == TOPIC_ARN
    assert isinstance(Topic(), ITopic)


def test_sns_destination_token_arn() -> None:
    stack = make_stack()
    topic_arn = CfnParameter(stack, "TopicArn", type="String").value_as_string
    assert bind(SnsDestination(topic_arn), stack) == {"Ref": "TopicArn"}


@pytest.mark.parametrize(
    "make, arn, message",
    [
        (SqsDestination, TOPIC_ARN, "SqsDestination: expected an ARN of the form arn:<partition>:sqs:"),
        (SqsDestination, "failed", "SqsDestination: expected an ARN"),
        (SnsDestination, QUEUE_ARN, "SnsDestination: expected an ARN of the form arn:<partition>:sns:"),
        (EventBridgeDestination, QUEUE_ARN, "EventBridgeDestination: expected an ARN of the form arn:<partition>:events:"),
    ],
)
def test_literal_arns_of_another_service_are_rejected(make: Any, arn: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        make(arn)
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(
    "make, attribute",
    [(SqsDestination, "queue_arn"), (SnsDestination, "topic_arn"), (EventBridgeDestination, "event_bus_arn")],
)
def test_other_objects_are_rejected(make: Any, attribute: str) -> None:
    with pytest.raises(ValidationError, match=f"expected an ARN or an object with a '{attribute}' property, got int"):
        make(42)


def test_a_queue_is_not_a_topic() -> None:
    with pytest.raises(ValidationError, match="'topic_arn'"):
        SnsDestination(Queue(QUEUE_ARN))  # type: ignore[arg-type]


# -- EventBridgeDestination ----------------------------------------------------------


def test_event_bridge_destination_with_a_bus() -> None:
    assert bind(EventBridgeDestination(BUS_ARN), make_stack()) == BUS_ARN
    assert bind(EventBridgeDestination(Bus()), make_stack()) == BUS_ARN
    assert isinstance(Bus(), IEventBus)
    stack = make_stack()
    bus_arn = CfnParameter(stack, "BusArn", type="String").value_as_string
    assert bind(EventBridgeDestination(bus_arn), stack) == {"Ref": "BusArn"}


def test_event_bridge_destination_default_bus_in_a_stack_with_an_environment() -> None:
    stack = make_stack(account="111111111111", region="eu-west-1")
    assert bind(EventBridgeDestination(), stack) == "arn:aws:events:eu-west-1:111111111111:event-bus/default"
    china = make_stack(account="111111111111", region="cn-north-1")
    assert bind(EventBridgeDestination(), china) == "arn:aws-cn:events:cn-north-1:111111111111:event-bus/default"


def test_event_bridge_destination_default_bus_in_an_environment_agnostic_stack() -> None:
    assert bind(EventBridgeDestination(), make_stack()) == {
        "Fn::Join": [
            "",
            [
                "arn:",
                {"Ref": "AWS::Partition"},
                ":events:",
                {"Ref": "AWS::Region"},
                ":",
                {"Ref": "AWS::AccountId"},
                ":event-bus/default",
            ],
        ]
    }


def test_event_bridge_default_bus_is_in_the_stack_of_the_function() -> None:
    app = App()
    here = Stack(app, "Here", env={"account": "111111111111", "region": "eu-west-1"})
    there = Stack(app, "There", env={"account": "222222222222", "region": "us-west-2"})
    fn = Function.from_function_arn(there, "Source", FN_ARN)
    config = EventBridgeDestination().bind(here, fn, type=DestinationType.SUCCESS)
    assert config.destination == "arn:aws:events:us-west-2:222222222222:event-bus/default"


# -- through configure_async_invoke ----------------------------------------------------


def test_destinations_in_the_template() -> None:
    stack = make_stack(account="111111111111", region="eu-west-1")
    fn = Function.from_function_arn(stack, "Source", FN_ARN)
    fn.configure_async_invoke(on_failure=SqsDestination(QUEUE_ARN), on_success=EventBridgeDestination())
    assert destination_config(stack) == {
        "OnFailure": {"Destination": QUEUE_ARN},
        "OnSuccess": {"Destination": "arn:aws:events:eu-west-1:111111111111:event-bus/default"},
    }


def test_one_destination_in_the_template() -> None:
    stack = make_stack()
    fn = Function.from_function_arn(stack, "Source", FN_ARN)
    target = Function.from_function_arn(stack, "Target", "arn:aws:lambda:us-east-1:123456789012:function:Target")
    fn.configure_async_invoke(on_success=LambdaDestination(target))
    assert destination_config(stack) == {
        "OnSuccess": {"Destination": "arn:aws:lambda:us-east-1:123456789012:function:Target"}
    }


def test_token_destinations_in_the_template() -> None:
    stack = make_stack()
    fn = Function.from_function_arn(stack, "Source", FN_ARN)
    topic_arn = CfnParameter(stack, "TopicArn", type="String").value_as_string
    fn.configure_async_invoke(
        on_failure=SnsDestination(topic_arn), on_success=SqsDestination(Fn.get_att("Queue", "Arn").to_string())
    )
    assert destination_config(stack) == {
        "OnFailure": {"Destination": {"Ref": "TopicArn"}},
        "OnSuccess": {"Destination": {"Fn::GetAtt": ["Queue", "Arn"]}},
    }


# -- user-written destinations ---------------------------------------------------------


class RecordingDestination:
    """An IDestination written by a user (structurally, without subclassing)."""

    def __init__(self, arn: str) -> None:
        self.arn = arn
        self.calls: list[tuple[Construct, IFunction, DestinationType]] = []

    def bind(self, scope: Construct, fn: IFunction, *, type: DestinationType) -> DestinationConfig:
        self.calls.append((scope, fn, type))
        return DestinationConfig(destination=self.arn)


class SubclassDestination(IDestination):
    """An IDestination written by a user, declared explicitly."""

    def bind(self, scope: Construct, fn: IFunction, *, type: DestinationType) -> DestinationConfig:
        return DestinationConfig(destination=f"arn:aws:sqs:us-east-1:123456789012:{type.name.lower()}")


def test_user_written_destination() -> None:
    stack = make_stack()
    fn = Function.from_function_arn(stack, "Source", FN_ARN)
    recording = RecordingDestination(QUEUE_ARN)
    assert isinstance(recording, IDestination)
    fn.configure_async_invoke(on_failure=recording, on_success=recording)

    config = fn.node.find_child("EventInvokeConfig")
    assert isinstance(config, EventInvokeConfig)
    # AWS CDK binds with the EventInvokeConfig as scope, the function, and the destination type.
    assert recording.calls == [(config, fn, DestinationType.FAILURE), (config, fn, DestinationType.SUCCESS)]
    assert destination_config(stack) == {"OnFailure": {"Destination": QUEUE_ARN}, "OnSuccess": {"Destination": QUEUE_ARN}}


def test_user_written_destination_subclass_with_event_invoke_config() -> None:
    stack = make_stack()
    fn = Function.from_function_arn(stack, "Source", FN_ARN)
    EventInvokeConfig(stack, "Config", function=fn, qualifier="live", on_failure=SubclassDestination())
    (resource,) = stack.to_template()["Resources"].values()
    assert resource["Properties"] == {
        "DestinationConfig": {"OnFailure": {"Destination": "arn:aws:sqs:us-east-1:123456789012:failure"}},
        "FunctionName": "Source",
        "Qualifier": "live",
    }


def test_destination_config_compares_by_value() -> None:
    stack = make_stack()
    config = SqsDestination(QUEUE_ARN).bind(stack, source(stack), type=DestinationType.FAILURE)
    assert config == DestinationConfig(destination=QUEUE_ARN)
