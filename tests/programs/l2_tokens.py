"""L2 EventInvokeConfig with token values: checks are skipped, references are written."""

import cfnpy.aws_lambda as lambda_
import cfnpy.core as cdk


def build() -> cdk.Stack:
    stack = cdk.Stack(cdk.App(), "L2Tokens")
    arn = cdk.CfnParameter(stack, "FunctionArn")
    age = cdk.CfnParameter(stack, "MaxAge", type="Number")
    retries = cdk.CfnParameter(stack, "Retries", type="Number")
    fn = lambda_.Function.from_function_arn(stack, "Fn", arn.value_as_string)
    lambda_.EventInvokeConfig(
        stack,
        "Config",
        function=fn,
        max_event_age=cdk.Duration.seconds(age.value_as_number),
        retry_attempts=retries.value_as_number,
    )
    return stack
