"""Typical use of the generated package; `make typecheck` runs mypy --strict on it."""

from __future__ import annotations

from cfnpy.aws_lambda import CfnEventInvokeConfig
from cfnpy.core import App, CfnParameter, Fn, Stack

stack = Stack(App(), "Typed")
age = CfnParameter(stack, "Age", type="Number")
config = CfnEventInvokeConfig(
    stack,
    "Config",
    function_name="fn",
    qualifier="$LATEST",
    maximum_event_age_in_seconds=age.value_as_number,
    destination_config=CfnEventInvokeConfig.DestinationConfigProperty(
        on_failure=CfnEventInvokeConfig.OnFailureProperty(destination=Fn.get_att("Queue", "Arn")),
        on_success={"destination": "arn:aws:sns:us-east-1:123456789012:topic"},
    ),
)
config.maximum_retry_attempts = 2
retries: int | float | None = None if config.maximum_retry_attempts is None else config.maximum_retry_attempts
name: str = config.function_name if isinstance(config.function_name, str) else "token"
