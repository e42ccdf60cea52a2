"""Every property, both destinations, given as property-type classes."""

from cfnpy.aws_lambda import CfnEventInvokeConfig
from cfnpy.core import App, Stack


def build() -> Stack:
    stack = Stack(App(), "AllProps")
    CfnEventInvokeConfig(
        stack,
        "Config",
        function_name="arn:aws:lambda:us-east-1:123456789012:function:my-function",
        qualifier="live",
        destination_config=CfnEventInvokeConfig.DestinationConfigProperty(
            on_failure=CfnEventInvokeConfig.OnFailureProperty(
                destination="arn:aws:sqs:us-east-1:123456789012:failures"
            ),
            on_success=CfnEventInvokeConfig.OnSuccessProperty(
                destination="arn:aws:sns:us-east-1:123456789012:successes"
            ),
        ),
        maximum_event_age_in_seconds=3600,
        maximum_retry_attempts=1,
    )
    return stack
