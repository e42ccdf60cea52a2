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
        # AWS CDK's own spellings: camelcase 6 then decamelize, one special case.
        ("VPCs", "vpcs"),
        ("CNAMEs", "cnam_es"),
        ("CidrIpv6", "cidr_ipv6"),
        ("CidrIPv6", "cidr_i_pv6"),
        ("ACLName", "acl_name"),
        ("DBInstanceClass", "db_instance_class"),
        ("SSESpecification", "sse_specification"),
        ("MemorySizeMiB", "memory_size_mib"),
        ("Ipv6CidrBlock", "ipv6_cidr_block"),
        ("None", "none"),
        ("Id", "id"),
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


def test_reserved_names_are_the_runtime_members() -> None:
    from cfnpy.core._props import CfnResourceBase

    public = {n for n in dir(CfnResourceBase) if not n.startswith("_")}
    assert public == set(naming.RESOURCE_MEMBERS)


def test_clashes_resolved_in_order() -> None:
    names = naming.unique_names([("Node", "node"), ("Type", "type"), ("TYPE", "type")], naming.RESOURCE_MEMBERS)
    assert names == {"Node": "node_", "Type": "type", "TYPE": "type_"}
