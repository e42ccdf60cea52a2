"""L2 EventInvokeConfig with both destinations, from cfnpy.aws_lambda_destinations."""

import cfnpy.aws_lambda as lambda_
import cfnpy.aws_lambda_destinations as destinations
import cfnpy.core as cdk


def build() -> cdk.Stack:
    stack = cdk.Stack(cdk.App(), "L2Destinations")
    fn = lambda_.Function.from_function_arn(stack, "Fn", "arn:aws:lambda:us-east-1:123456789012:function:worker")
    handler = lambda_.Function.from_function_name(stack, "Handler", "failure-handler")
    lambda_.EventInvokeConfig(
        stack,
        "Config",
        function=fn,
        on_failure=destinations.LambdaDestination(handler),
        on_success=destinations.SnsDestination("arn:aws:sns:us-east-1:123456789012:done"),
    )
    return stack
