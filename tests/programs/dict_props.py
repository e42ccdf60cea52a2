"""Nested properties as plain dicts: snake_case keys and AWS CDK's camelCase keys."""

from cfnpy.aws_lambda import CfnEventInvokeConfig
from cfnpy.core import App, Stack


def build() -> Stack:
    stack = Stack(App(), "DictProps")
    CfnEventInvokeConfig(
        stack,
        "Snake",
        function_name="snake-function",
        qualifier="$LATEST",
        destination_config={"on_failure": {"destination": "arn:aws:sqs:us-east-1:123456789012:q"}},
    )
    CfnEventInvokeConfig(
        stack,
        "Camel",
        function_name="camel-function",
        qualifier="$LATEST",
        destination_config={"onSuccess": {"destination": "arn:aws:sns:us-east-1:123456789012:t"}},
    )
    return stack
