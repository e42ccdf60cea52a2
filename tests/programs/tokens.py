"""Values given as tokens: CfnParameter values and a GetAtt of another resource."""

from cfnpy.aws_lambda import CfnEventInvokeConfig
from cfnpy.core import App, CfnParameter, CfnResource, Fn, Stack


def build() -> Stack:
    stack = Stack(App(), "Tokens")
    name = CfnParameter(stack, "FunctionName", type="String")
    age = CfnParameter(stack, "MaxAge", type="Number", default=120)
    queue = CfnResource(stack, "Queue", type="AWS::SQS::Queue")
    CfnEventInvokeConfig(
        stack,
        "Config",
        function_name=name.value_as_string,
        qualifier=Fn.join("", ["v", name.value_as_string]),
        maximum_event_age_in_seconds=age.value_as_number,
        destination_config={"on_failure": {"destination": queue.get_att("Arn")}},
    )
    return stack
