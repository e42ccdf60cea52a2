"""L2 EventInvokeConfig with the function only: documented defaults are not written."""

import cfnpy.aws_lambda as lambda_
import cfnpy.core as cdk


def build() -> cdk.Stack:
    stack = cdk.Stack(cdk.App(), "L2Defaults")
    fn = lambda_.Function.from_function_arn(stack, "Fn", "arn:aws:lambda:us-east-1:123456789012:function:my-function")
    lambda_.EventInvokeConfig(stack, "Config", function=fn)
    return stack
