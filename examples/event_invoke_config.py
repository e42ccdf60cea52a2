"""The example of AWS CDK's EventInvokeConfig documentation, run on cfnpy.

Its two import lines are changed (aws_cdk -> cfnpy) and its placeholders
(``self``, ``function_``, ``destination``) are real: an imported function and
an SQS queue destination. Prints the CloudFormation template.

    python examples/event_invoke_config.py
"""

import json
import sys

import cfnpy.aws_lambda as lambda_
import cfnpy.aws_lambda_destinations as destinations
import cfnpy.core as cdk

app = cdk.App()
self = cdk.Stack(app, "EventInvokeConfigExample")
function_ = lambda_.Function.from_function_arn(
    self, "Function", "arn:aws:lambda:us-east-1:123456789012:function:my-function"
)
destination = destinations.SqsDestination("arn:aws:sqs:us-east-1:123456789012:async-results")

# The documented example, as written. Its placeholder retry count (123) is outside
# the documented range (Minimum: 0 Maximum: 2), so it is refused, as AWS CDK does.
try:
    event_invoke_config = lambda_.EventInvokeConfig(self, "MyEventInvokeConfig",
        function=function_,

        # the properties below are optional
        max_event_age=cdk.Duration.minutes(30),
        on_failure=destination,
        on_success=destination,
        qualifier="qualifier",
        retry_attempts=123
    )
except ValueError as error:
    print(f"refused as documented: {error}", file=sys.stderr)
    event_invoke_config = lambda_.EventInvokeConfig(self, "MyEventInvokeConfig",
        function=function_,

        # the properties below are optional
        max_event_age=cdk.Duration.minutes(30),
        on_failure=destination,
        on_success=destination,
        qualifier="qualifier",
        retry_attempts=2
    )

print(json.dumps(self.to_template(), indent=2))
