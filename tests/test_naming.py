from __future__ import annotations

import pytest

from codegen.model import naming


@pytest.mark.parametrize(
    "cfn, python",
    [
        ("FunctionName", "function_name"),
        ("MaximumEventAgeInSeconds", "maximum_event_age_in_seconds"),
        ("DestinationConfig", "destination_config"),
        ("HTTPEndpoint", "http_endpoint"),
        ("S3Bucket", "s3_bucket"),
        ("Lambda", "lambda_"),
        ("Class", "class_"),
        ("Type", "type"),
    ],
)
def test_property_names(cfn: str, python: str) -> None:
    assert naming.property_name(cfn) == python


def test_module_and_class_names() -> None:
    assert naming.module_name("AWS", "Lambda") == "aws_lambda"
    assert naming.module_name("Alexa", "ASK") == "alexa_ask"
    assert naming.resource_class_name("EventInvokeConfig") == "CfnEventInvokeConfig"
    assert naming.property_type_class_name("OnFailure") == "OnFailureProperty"
    assert naming.attribute_name("Endpoint.Address") == "attr_endpoint_address"
