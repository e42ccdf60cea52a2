"""L2 EventInvokeConfig: 30 minutes, no retries, qualifier ``live``."""

import cfnpy.aws_lambda as lambda_
import cfnpy.core as cdk


def build() -> cdk.Stack:
    stack = cdk.Stack(cdk.App(), "L2Options")
    fn = lambda_.Function.from_function_name(stack, "Fn", "my-function")
    lambda_.EventInvokeConfig(
        stack, "Config", function=fn, max_event_age=cdk.Duration.minutes(30), retry_attempts=0, qualifier="live"
    )
    return stack
