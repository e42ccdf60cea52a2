"""Demo: an L1 CfnEventInvokeConfig in a stack, printed as a CloudFormation template.

    python examples/cfn_event_invoke_config.py
"""

import json

from cfnpy.aws_lambda import CfnEventInvokeConfig
from cfnpy.core import App, CfnParameter, Stack

app = App()
stack = Stack(app, "AsyncInvokeDemo")
function_name = CfnParameter(stack, "FunctionName", type="String", description="The function to configure")

CfnEventInvokeConfig(
    stack,
    "EventInvokeConfig",
    function_name=function_name.value_as_string,
    qualifier="$LATEST",
    maximum_event_age_in_seconds=3600,
    maximum_retry_attempts=1,
    destination_config=CfnEventInvokeConfig.DestinationConfigProperty(
        on_failure=CfnEventInvokeConfig.OnFailureProperty(destination="arn:aws:sqs:us-east-1:123456789012:failed"),
    ),
)

print(json.dumps(stack.to_template(), indent=2))

# Validation happens at construction, from the registry schema's constraints:
try:
    CfnEventInvokeConfig(stack, "TooYoung", function_name="f", qualifier="$LATEST", maximum_event_age_in_seconds=59)
except ValueError as error:
    print(f"\nrejected as expected: {error}")
