"""CfnEventInvokeConfig with its required properties only."""

from cfnpy.aws_lambda import CfnEventInvokeConfig
from cfnpy.core import App, Stack


def build() -> Stack:
    stack = Stack(App(), "RequiredOnly")
    CfnEventInvokeConfig(stack, "Config", function_name="my-function", qualifier="$LATEST")
    return stack
