"""IFunction.configure_async_invoke creates the EventInvokeConfig child of the function."""

import cfnpy.aws_lambda as lambda_
import cfnpy.core as cdk


def build() -> cdk.Stack:
    stack = cdk.Stack(cdk.App(), "L2Configure")
    fn = lambda_.Function.from_function_arn(stack, "Fn", "arn:aws:lambda:us-east-1:123456789012:function:my-function")
    fn.configure_async_invoke(retry_attempts=1, max_event_age=cdk.Duration.hours(1))
    return stack
