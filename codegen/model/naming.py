"""Python names for CloudFormation names, as AWS CDK's Python binding spells them."""

from __future__ import annotations

import functools
import keyword

import regex

# AWS CDK names an L1 property in two steps: CloudFormation's name to jsii's
# camelCase (cfn2ts: the npm package camelcase, with one special case), then
# jsii-pacmak's camelCase to snake_case (codemaker: decamelize).
_CFN_TO_CAMEL_SPECIAL = {"VPCs": "vpcs"}
_SEPARATORS_AND_IDENTIFIER = regex.compile(r"[_.\- ]+([\p{Alpha}\p{N}_]|$)")
_NUMBERS_AND_IDENTIFIER = regex.compile(r"\d+([\p{Alpha}\p{N}_]|$)")
_ABBREVIATIONS = regex.compile(r"(^|[^A-Z])(KiB|MiB|GiB)($|[^a-z])")
_LOWER_THEN_UPPER = regex.compile(r"([\p{Ll}\d])(\p{Lu})")
_UPPER_THEN_WORD = regex.compile(r"(\p{Lu})(\p{Lu}\p{Ll}+)")


def _is_lower(c: str) -> bool:
    return c.lower() == c and c.upper() != c


def _is_upper(c: str) -> bool:
    return c.upper() == c and c.lower() != c


def _preserve_camel_case(text: str) -> str:
    chars = list(text)
    last_lower = last_upper = last_last_upper = False
    i = 0
    while i < len(chars):
        c = chars[i]
        if last_lower and _is_upper(c):
            chars.insert(i, "-")
            last_lower, last_last_upper, last_upper = False, last_upper, True
            i += 1
        elif last_upper and last_last_upper and _is_lower(c):
            chars.insert(i - 1, "-")
            last_last_upper, last_upper, last_lower = last_upper, False, True
        else:
            last_lower, last_last_upper, last_upper = _is_lower(c), last_upper, _is_upper(c)
        i += 1
    return "".join(chars)


def camel_case(name: str) -> str:
    """The npm package camelcase (6.x), as cfn2ts applies it: ``CidrIPv6`` -> ``cidrIPv6``."""
    if name in _CFN_TO_CAMEL_SPECIAL:
        return _CFN_TO_CAMEL_SPECIAL[name]
    if len(name) == 1:
        return name.lower()
    if name != name.lower():
        name = _preserve_camel_case(name)
    name = regex.sub(r"^[_.\- ]+", "", name).lower()
    name = _SEPARATORS_AND_IDENTIFIER.sub(lambda m: m.group(1).upper(), name)
    return _NUMBERS_AND_IDENTIFIER.sub(lambda m: m.group(0).upper(), name)


def decamelize(name: str) -> str:
    """codemaker's ``toSnakeCase``, as jsii-pacmak applies it: ``maxEventAge`` -> ``max_event_age``."""
    name = _ABBREVIATIONS.sub(lambda m: m.group(1) + m.group(2).capitalize() + m.group(3), name)
    if len(name) < 2:
        return name.lower()
    name = _LOWER_THEN_UPPER.sub(r"\1_\2", name)
    return _UPPER_THEN_WORD.sub(r"\1_\2", name).lower()


@functools.lru_cache(maxsize=None)  # the same few thousand names, asked for ~100,000 times
def snake_case(name: str) -> str:
    """A CloudFormation name as AWS CDK's Python binding spells it: ``VPCs`` -> ``vpcs``."""
    return decamelize(camel_case(name))


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
    """``Arn`` -> ``attr_arn``; ``Endpoint.Address`` -> ``attr_endpoint_address`` (cfn2ts joins the parts)."""
    return "attr_" + snake_case("".join(part[:1].upper() + part[1:] for part in cfn_name.split(".")))


# Public members of the runtime's CfnResourceBase: a property may not take one of
# these names (tests/test_naming.py keeps the list in step with the runtime).
RESOURCE_MEMBERS = frozenset(
    """CFN_RESOURCE_TYPE_NAME add_deletion_override add_dependency add_depends_on add_metadata
    add_override add_property_deletion_override add_property_override add_resource_dependency
    apply_removal_policy cfn_options cfn_resource_type creation_stack env get_att get_metadata
    is_cfn_element is_cfn_resource is_construct logical_id node obtain_dependencies
    obtain_resource_dependencies override_logical_id ref remove_dependency remove_resource_dependency
    replace_dependency stack to_string""".split()
)


def unique_names(wanted: "list[tuple[str, str]]", reserved: "frozenset[str]") -> "dict[str, str]":
    """Python names for (key, wanted name) pairs, in order: a name that is reserved or
    already taken gets trailing underscores until it is free. Keys map to final names."""
    taken = set(reserved)
    result = {}
    for key, name in wanted:
        while name in taken:
            name += "_"
        taken.add(name)
        result[key] = name
    return result
