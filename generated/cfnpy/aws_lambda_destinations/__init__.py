"""cfnpy.aws_lambda_destinations: destinations for asynchronous Lambda invocations.

Hand-written counterpart of AWS CDK's ``aws_cdk.aws_lambda_destinations``
(v1 semantics): the ``IDestination`` implementations that send the invocation
record of a function to another Lambda function, an SQS queue, an SNS topic or
an EventBridge event bus.

Unlike AWS CDK, the destinations grant nothing: cfnpy has no IAM roles, so the
function's execution role must already allow ``lambda:InvokeFunction``,
``sqs:SendMessage``, ``sns:Publish`` or ``events:PutEvents`` on the destination.

A queue, topic or event bus is given by its ARN (a literal or a token, e.g.
``Fn.get_att("Queue", "Arn")`` or a ``CfnParameter``'s ``value_as_string``) or
by any object with a ``queue_arn``, ``topic_arn`` or ``event_bus_arn``
property (``IQueue``, ``ITopic``, ``IEventBus``).

Example::

    import cfnpy.aws_lambda as lambda_
    import cfnpy.aws_lambda_destinations as destinations

    fn = lambda_.Function.from_function_name(self, "Function", "my-function")
    fn.configure_async_invoke(
        on_failure=destinations.SqsDestination("arn:aws:sqs:us-east-1:123456789012:failed"),
        on_success=destinations.EventBridgeDestination(),
    )
"""

from __future__ import annotations

import typing

from cfnpy.aws_lambda import DestinationConfig, DestinationType, IDestination, IFunction
from cfnpy.core import Construct, Stack, Token, ValidationError

__all__ = [
    "EventBridgeDestination",
    "IEventBus",
    "IQueue",
    "ITopic",
    "LambdaDestination",
    "SnsDestination",
    "SqsDestination",
]


@typing.runtime_checkable
class IQueue(typing.Protocol):
    """An SQS queue, as far as a Lambda destination needs it (AWS CDK's ``aws_sqs.IQueue``)."""

    @property
    def queue_arn(self) -> str:
        """The ARN of this queue.

        :attribute: true
        """
        ...


@typing.runtime_checkable
class ITopic(typing.Protocol):
    """An SNS topic, as far as a Lambda destination needs it (AWS CDK's ``aws_sns.ITopic``)."""

    @property
    def topic_arn(self) -> str:
        """The ARN of the topic.

        :attribute: true
        """
        ...


@typing.runtime_checkable
class IEventBus(typing.Protocol):
    """An EventBridge event bus, as far as a Lambda destination needs it (AWS CDK's ``aws_events.IEventBus``)."""

    @property
    def event_bus_arn(self) -> str:
        """The ARN of this event bus resource.

        :attribute: true
        :link: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-eventbus.html#Arn-fn::getatt
        """
        ...


class LambdaDestination(IDestination):
    """Use a Lambda function as a Lambda destination.

    The destination receives the full invocation record. AWS CDK's
    ``response_only`` option (which forwards only the response payload through
    an EventBridge rule) is not supported, and no ``lambda:InvokeFunction``
    permission is granted to the source function.

    :param fn: -
    """

    def __init__(self, fn: IFunction) -> None:
        if not isinstance(fn, IFunction):
            raise ValidationError(
                f"LambdaDestination: expected an IFunction, got {type(fn).__name__}",
                hint="use cfnpy.aws_lambda.Function.from_function_arn() to refer to a function by its ARN",
            )
        self._fn = fn

    def bind(self, scope: Construct, fn: IFunction, *, type: DestinationType) -> DestinationConfig:
        """Returns a destination configuration.

        :param scope: -
        :param fn: -
        :param type: The destination type.
        """
        return DestinationConfig(destination=self._fn.function_arn)


class SqsDestination(IDestination):
    """Use a SQS queue as a Lambda destination.

    No ``sqs:SendMessage`` permission is granted to the function.

    :param queue: The queue, or its ARN.
    """

    def __init__(self, queue: IQueue | str) -> None:
        _check_reference("SqsDestination", queue, IQueue, "queue_arn", "sqs")
        self._queue = queue

    def bind(self, scope: Construct, fn: IFunction, *, type: DestinationType) -> DestinationConfig:
        """Returns a destination configuration.

        :param scope: -
        :param fn: -
        :param type: The destination type.
        """
        queue = self._queue
        return DestinationConfig(destination=queue if isinstance(queue, str) else queue.queue_arn)


class SnsDestination(IDestination):
    """Use a SNS topic as a Lambda destination.

    No ``sns:Publish`` permission is granted to the function.

    :param topic: The topic, or its ARN.
    """

    def __init__(self, topic: ITopic | str) -> None:
        _check_reference("SnsDestination", topic, ITopic, "topic_arn", "sns")
        self._topic = topic

    def bind(self, scope: Construct, fn: IFunction, *, type: DestinationType) -> DestinationConfig:
        """Returns a destination configuration.

        :param scope: -
        :param fn: -
        :param type: The destination type.
        """
        topic = self._topic
        return DestinationConfig(destination=topic if isinstance(topic, str) else topic.topic_arn)


class EventBridgeDestination(IDestination):
    """Use an Event Bridge event bus as a Lambda destination.

    If no event bus is specified, the default event bus is used:
    ``arn:<partition>:events:<region>:<account>:event-bus/default`` in the
    partition, region and account of the function's stack (tokens when the
    stack has no explicit environment). No ``events:PutEvents`` permission is
    granted to the function.

    :param event_bus: The event bus, or its ARN. Default: - use the default event bus
    """

    def __init__(self, event_bus: IEventBus | str | None = None) -> None:
        if event_bus is not None:
            _check_reference("EventBridgeDestination", event_bus, IEventBus, "event_bus_arn", "events")
        self._event_bus = event_bus

    def bind(self, scope: Construct, fn: IFunction, *, type: DestinationType) -> DestinationConfig:
        """Returns a destination configuration.

        :param scope: -
        :param fn: -
        :param type: The destination type.
        """
        event_bus = self._event_bus
        if event_bus is None:
            destination = Stack.of(fn).format_arn(service="events", resource="event-bus", resource_name="default")
        elif isinstance(event_bus, str):
            destination = event_bus
        else:
            destination = event_bus.event_bus_arn
        return DestinationConfig(destination=destination)


def _check_reference(owner: str, value: object, protocol: type, attribute: str, service: str) -> None:
    """Reject what is neither an ARN of ``service`` nor an object with the ``attribute`` ARN."""
    if isinstance(value, str):
        if Token.is_unresolved(value):
            return
        parts = value.split(":")
        if len(parts) < 6 or parts[0] != "arn" or parts[2] != service:
            raise ValidationError(
                f"{owner}: expected an ARN of the form arn:<partition>:{service}:<region>:<account-id>:..., got '{value}'",
            )
        return
    if not isinstance(value, protocol):
        raise ValidationError(
            f"{owner}: expected an ARN or an object with a '{attribute}' property, got {type(value).__name__}",
        )
