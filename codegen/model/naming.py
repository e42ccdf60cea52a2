"""Python names for CloudFormation names, as AWS CDK's Python binding spells them."""

from __future__ import annotations

import keyword
import re

_ACRONYM_THEN_WORD = re.compile(r"([A-Z]+)([A-Z][a-z])")
_LOWER_THEN_UPPER = re.compile(r"([a-z0-9])([A-Z])")
_NOT_IDENTIFIER = re.compile(r"[^0-9a-zA-Z_]")


def snake_case(name: str) -> str:
    """``FunctionName`` -> ``function_name``; ``HTTPEndpoint`` -> ``http_endpoint``."""
    name = _NOT_IDENTIFIER.sub("_", name)
    name = _ACRONYM_THEN_WORD.sub(r"\1_\2", name)
    name = _LOWER_THEN_UPPER.sub(r"\1_\2", name)
    return re.sub(r"_+", "_", name).strip("_").lower()


def safe_identifier(name: str) -> str:
    """A keyword gets a trailing underscore, as in AWS CDK (``lambda_``)."""
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in {"self", "cls"}:
        return name + "_"
    return name


def property_name(cfn_name: str) -> str:
    return safe_identifier(snake_case(cfn_name))


def module_name(vendor: str, service: str) -> str:
    """``AWS::Lambda`` -> ``aws_lambda``; ``Alexa::ASK`` -> ``alexa_ask``."""
    return f"{vendor}_{service}".lower()


def resource_class_name(resource_name: str) -> str:
    return "Cfn" + resource_name


def property_type_class_name(cfn_name: str) -> str:
    return cfn_name + "Property"


def attribute_name(cfn_name: str) -> str:
    """``Arn`` -> ``attr_arn``; ``Endpoint.Address`` -> ``attr_endpoint_address``."""
    return "attr_" + snake_case(cfn_name.replace(".", "_"))
