"""oneOf/anyOf/allOf in the registry schemas: how the model reads them, and the rules the
generated classes check.

AWS writes "one of these properties" rules (``oneOf: [{required: [A]}, {required: [B]}]``),
tagged unions (``oneOf`` branches that each bring their own properties), property counts
(``minProperties: 1``) and alternatives of plain values (``anyOf`` of patterns). The model
keeps them as ``Choice`` rules, structures and unions; the runtime checks the rules when a
structure is built and when the template is synthesized.
"""

from __future__ import annotations

from typing import Any, Dict, Mapping, Optional

import pytest

from codegen.model.build import build_model
from codegen.model.samples import sample_inner, sample_properties
from codegen.model.types import Choice, Constraints, PropertyType, ResourceType, TypeRef

TYPE = "Test::Demo::Thing"
_SPEC = {"ResourceSpecificationVersion": "1.0.0", "ResourceTypes": {}, "PropertyTypes": {}}


def _resource(properties: Mapping[str, Any], **extra: Any) -> ResourceType:
    schema = {"typeName": TYPE, "description": "demo", "properties": dict(properties), "additionalProperties": False}
    schema.update(extra)
    model = build_model(
        resource_spec=_SPEC,
        resource_spec_file="spec.json",
        registry_schemas={"test-demo-thing.json": schema},
        registry_version="test",
        type_names=[TYPE],
    )
    return model.services[0].resources[0]


def _struct(resource: ResourceType, name: str) -> PropertyType:
    return next(s for s in resource.property_types if s.cfn_name == name)


def _prop_type(resource: ResourceType, name: str, struct: Optional[str] = None) -> TypeRef:
    props = _struct(resource, struct).properties if struct else resource.properties
    return next(p.type for p in props if p.cfn_name == name)


STRING = {"type": "string"}


# -- the model ---------------------------------------------------------------------------


def test_required_alternatives_become_a_choice() -> None:
    destination = {
        "type": "object",
        "additionalProperties": False,
        "properties": {"Amp": STRING, "CloudWatch": STRING, "Note": STRING},
        "oneOf": [{"required": ["Amp"]}, {"required": ["CloudWatch"]}],
    }
    resource = _resource({"Destination": {"$ref": "#/definitions/Destination"}}, definitions={"Destination": destination})
    assert _struct(resource, "Destination").choices == (Choice(exactly_one=True, options=(("Amp",), ("CloudWatch",))),)


def test_a_tagged_union_is_one_structure_with_every_branch_property() -> None:
    details = {
        "oneOf": [
            {"type": "object", "additionalProperties": False, "properties": {"Required": STRING}, "required": ["Required"]},
            {"type": "object", "additionalProperties": False, "properties": {"Hidden": STRING}, "required": ["Hidden"]},
        ]
    }
    resource = _resource({"Rule": {"$ref": "#/definitions/Details"}}, definitions={"Details": details})
    assert _prop_type(resource, "Rule") == TypeRef.of_struct("Details")
    struct = _struct(resource, "Details")
    assert [p.cfn_name for p in struct.properties] == ["Hidden", "Required"]
    assert not any(p.required for p in struct.properties)
    assert struct.choices == (Choice(exactly_one=True, options=(("Required",), ("Hidden",))),)


def test_all_of_and_one_branch_combinators_add_required_names() -> None:
    resource = _resource(
        {"A": STRING, "B": STRING, "C": STRING},
        allOf=[{"required": ["A"]}, {"oneOf": [{"required": ["B"]}]}],
    )
    assert {p.cfn_name for p in resource.properties if p.required} == {"A", "B"}
    assert resource.choices == ()


def test_a_branch_narrowing_a_shared_property_makes_one_of_at_least_one() -> None:
    resource = _resource(
        {"Kind": {"type": "string"}, "X": STRING, "Y": STRING},
        oneOf=[
            {"properties": {"Kind": {"enum": ["x"]}}, "required": ["Kind", "X"]},
            {"properties": {"Kind": {"enum": ["y"]}}, "required": ["Kind", "Y"]},
        ],
    )
    # Kind=x with X and Y set matches only the first branch: "exactly one" would be wrong.
    assert resource.choices == (Choice(exactly_one=False, options=(("Kind", "X"), ("Kind", "Y"))),)


def test_closed_branches_without_required_names_ask_for_one_of_their_properties() -> None:
    owner = {
        "oneOf": [
            {"type": "object", "additionalProperties": False, "properties": {"User": STRING}},
            {"type": "object", "additionalProperties": False, "properties": {"Group": STRING}},
        ]
    }
    resource = _resource({"Owner": {"$ref": "#/definitions/Owner"}}, definitions={"Owner": owner})
    assert _struct(resource, "Owner").choices == (Choice(exactly_one=False, options=(("User",), ("Group",))),)


def test_property_counts_on_a_structure() -> None:
    one = {"type": "object", "minProperties": 1, "maxProperties": 1, "properties": {"A": STRING, "B": STRING}}
    some = {"type": "object", "minProperties": 1, "properties": {"A": STRING, "B": STRING}}
    two = {"type": "object", "minProperties": 2, "properties": {"A": STRING, "B": STRING}}
    resource = _resource(
        {"One": {"$ref": "#/definitions/One"}, "Some": {"$ref": "#/definitions/Some"}, "Two": {"$ref": "#/definitions/Two"}},
        definitions={"One": one, "Some": some, "Two": two},
    )
    assert _struct(resource, "One").choices == (Choice(exactly_one=True, options=(("A",), ("B",))),)
    assert _struct(resource, "Some").choices == (Choice(exactly_one=False, options=(("A",), ("B",))),)
    assert _struct(resource, "Two").choices == ()


def test_requirements_inside_a_narrowed_structure_are_dotted_names() -> None:
    grouping = {"type": "object", "properties": {"Ids": {"type": "array", "items": STRING}, "Arn": STRING}}
    resource = _resource(
        {"Grouping": {"$ref": "#/definitions/Grouping"}, "Primary": STRING},
        definitions={"Grouping": grouping},
        anyOf=[
            {"properties": {"Grouping": {"required": ["Ids"]}}, "required": ["Primary"]},
            {"properties": {"Grouping": {"required": ["Arn"]}}, "required": ["Grouping"]},
        ],
    )
    assert resource.choices == (
        Choice(exactly_one=False, options=(("Primary", "Grouping.Ids"), ("Grouping", "Grouping.Arn"))),
    )
    chosen = sample_properties(resource.properties, resource.choices, optional=False)
    assert [p.cfn_name for p in chosen] == ["Primary"]
    assert sample_inner(resource.choices) == {"Grouping": frozenset({"Ids"})}


@pytest.mark.parametrize(
    "rule",
    [
        {"anyOf": [{"required": ["A"]}, {}]},  # an empty option: always met
        {"oneOf": [{"required": ["A"]}, {"required": ["A", "B"]}]},  # one option inside another
        {"oneOf": [{"required": ["A"]}, {"required": ["Missing"]}]},  # a name that is no property
        {"oneOf": [{"required": ["A"]}, {"$ref": "#/definitions/Other"}]},  # a branch not read
        {"oneOf": [{"required": ["A"]}, {"required": ["ReadOnly"]}]},  # an attribute, not a property
    ],
)
def test_rules_that_cannot_be_checked_as_written_are_dropped(rule: Dict[str, Any]) -> None:
    resource = _resource(
        {"A": STRING, "B": STRING, "ReadOnly": STRING},
        definitions={"Other": {"type": "object", "properties": {"A": STRING}}},
        readOnlyProperties=["/properties/ReadOnly"],
        **rule,
    )
    assert resource.choices == ()


def test_one_of_with_an_empty_option_forbids_the_others_together() -> None:
    resource = _resource({"Include": STRING, "Exclude": STRING}, oneOf=[{}, {"required": ["Include", "Exclude"]}])
    assert resource.choices == (Choice(exactly_one=True, options=((), ("Include", "Exclude"))),)
    chosen = sample_properties(resource.properties, resource.choices, optional=True)
    assert chosen == []  # a sample meeting the empty option must not meet the other


def test_scalar_alternatives_are_a_union_of_constrained_values() -> None:
    resource = _resource(
        {
            "Mode": {"type": "string", "anyOf": [{"enum": ["SINGLE", "MULTI"]}, {"pattern": "^[Ss]ingle$"}]},
            "Arn": {
                "type": "string",
                "pattern": "^arn:",
                "anyOf": [{"$ref": "#/definitions/FunctionArn"}, {"$ref": "#/definitions/WebArn"}],
            },
        },
        definitions={
            "FunctionArn": {"type": "string", "pattern": "function:"},
            "WebArn": {"type": "string", "pattern": "web-function/"},
        },
    )
    mode = _prop_type(resource, "Mode")
    assert mode.kind == "union"
    assert [o.constraints.enum for o in mode.options] == [("SINGLE", "MULTI"), None]
    arn = _prop_type(resource, "Arn")
    import regex

    both = arn.options[0].constraints.pattern
    assert both is not None
    assert regex.search(both, "arn:aws:lambda:function:x") and not regex.search(both, "function:x")


def test_types_implied_without_type() -> None:
    resource = _resource(
        {
            "Action": {"enum": ["SHARE", "DENY"]},
            "Tags": {"patternProperties": {"^.+$": {"type": "array", "items": STRING}}, "additionalProperties": False},
            "Drop": {"type": "object", "additionalProperties": False},
            "Either": {"oneOf": [{"$ref": "#/definitions/A"}, {"$ref": "#/definitions/B"}]},
        },
        definitions={
            "A": {"type": "object", "properties": {"X": STRING}},
            "B": {"type": "object", "properties": {"Y": STRING}},
        },
    )
    assert _prop_type(resource, "Action").primitive == "String"
    tags = _prop_type(resource, "Tags")
    assert tags.kind == "map" and tags.item is not None and tags.item.kind == "list"
    assert _prop_type(resource, "Drop").constraints.max_keys == 0
    either = _prop_type(resource, "Either")
    assert either.kind == "union" and [o.struct for o in either.options] == ["A", "B"]


# -- the generated classes ------------------------------------------------------------------


def _stack() -> Any:
    from cfnpy.core import App, Stack

    return Stack(App(), "Choices")


def test_at_least_one_of_is_checked_when_a_structure_is_built() -> None:
    from cfnpy.aws_gamelift import CfnAlias
    from cfnpy.core._props import PropertyValueError

    with pytest.raises(PropertyValueError, match=r"must set at least one of: fleet_id \| message \(set: none of them\)"):
        CfnAlias(_stack(), "Alias", name="a", routing_strategy={"type": "TERMINAL"})
    CfnAlias(_stack(), "Alias", name="a", routing_strategy={"type": "TERMINAL", "message": "gone"})


def test_exactly_one_of_is_checked_at_synthesis_and_names_the_construct() -> None:
    from cfnpy.aws_route53 import CfnRecordSet
    from cfnpy.core._props import PropertyValueError

    stack = _stack()
    CfnRecordSet(stack, "Record", name="a.example.com.", type="A", hosted_zone_id="Z1", hosted_zone_name="example.com.")
    with pytest.raises(PropertyValueError) as caught:
        stack.to_template()
    message = str(caught.value)
    assert "CfnRecordSet: must set exactly one of: hosted_zone_id | hosted_zone_name" in message
    assert "set: hosted_zone_id, hosted_zone_name" in message and "Choices/Record" in message


def test_tokens_count_as_set() -> None:
    from cfnpy.aws_route53 import CfnRecordSet
    from cfnpy.core import CfnParameter

    stack = _stack()
    zone = CfnParameter(stack, "Zone")
    CfnRecordSet(stack, "Record", name="a.example.com.", type="A", hosted_zone_id=zone.value_as_string)
    assert stack.to_template()["Resources"]["Record"]["Properties"]["HostedZoneId"] == {"Ref": "Zone"}


def test_a_dotted_name_is_needed_only_when_its_structure_is_set() -> None:
    from cfnpy.aws_billingconductor import CfnBillingGroup
    from cfnpy.core._props import PropertyValueError

    plan = {"pricing_plan_arn": "arn:aws:billingconductor::aws:pricingplan/BasicPricingPlan"}
    stack = _stack()
    CfnBillingGroup(
        stack, "Ok", name="n", primary_account_id="000000000000", computation_preference=plan,
        account_grouping={"linked_account_ids": ["111111111111"]},
    )
    stack.to_template()
    stack = _stack()
    CfnBillingGroup(stack, "Bad", name="n", primary_account_id="000000000000", computation_preference=plan, account_grouping={})
    with pytest.raises(PropertyValueError, match="account_grouping.linked_account_ids"):
        stack.to_template()


def test_scalar_alternatives_name_every_rule_the_value_breaks() -> None:
    from cfnpy.aws_amazonmq import CfnBroker
    from cfnpy.core._props import PropertyValueError

    spec = CfnBroker.deployment_mode.spec
    assert spec.check("single_instance", "CfnBroker.deployment_mode") == "single_instance"
    with pytest.raises(PropertyValueError) as caught:
        spec.check("TRIPLE", "CfnBroker.deployment_mode")
    assert "is not one of" in str(caught.value) and "does not match the pattern" in str(caught.value)


def test_rules_are_documented_on_the_class() -> None:
    from cfnpy.aws_route53 import CfnRecordSet

    assert "Set exactly one of: ``hosted_zone_id``, or ``hosted_zone_name``." in (CfnRecordSet.__doc__ or "")


@pytest.mark.parametrize(
    "branches",
    [
        # A branch holding a rule of its own (a property count, a nested anyOf): presence
        # alone does not decide it, and its option is empty: no rule.
        [{"required": ["A"]}, {"minProperties": 1}],
        [{"required": ["A"]}, {"anyOf": [{"required": ["B"]}, {"required": ["C"]}]}],
        # A closed branch requiring nothing matches only objects within its properties.
        [
            {"type": "object", "properties": {"A": STRING}, "required": ["A"]},
            {"type": "object", "additionalProperties": False, "properties": {"B": STRING}},
        ],
    ],
)
def test_one_of_not_decided_by_presence_keeps_no_exactly_one_rule(branches: Any) -> None:
    resource = _resource({"A": STRING, "B": STRING, "C": STRING}, oneOf=branches)
    assert all(not c.exactly_one for c in resource.choices)
    assert all(all(c.options) for c in resource.choices)


def test_a_hook_target_filter_with_targets_is_accepted() -> None:
    from cfnpy.aws_cloudformation import CfnGuardHook

    target = {"target_name": "AWS::S3::Bucket", "action": "CREATE", "invocation_point": "PRE_PROVISION"}
    assert CfnGuardHook.TargetFiltersProperty(targets=[target]).targets is not None


def test_a_closed_empty_object_must_be_empty() -> None:
    from cfnpy.aws_ec2 import CfnInstance
    from cfnpy.core._props import PropertyTypeError, PropertyValueError

    assert CfnInstance.BlockDeviceMappingProperty(device_name="/dev/sdh", no_device={}).no_device == {}
    with pytest.raises(PropertyValueError, match="must be an empty object"):
        CfnInstance.BlockDeviceMappingProperty(device_name="/dev/sdh", no_device={"a": 1})
    with pytest.raises(PropertyTypeError, match="is not an object"):
        CfnInstance.BlockDeviceMappingProperty(device_name="/dev/sdh", no_device=[])


def test_constraints_of_both_are_the_tighter_ones() -> None:
    from codegen.model.types import Constraints

    own = Constraints(min_length=1, max_length=1024, pattern="^arn:", enum=("a", "b", "c"), multiple_of=2)
    branch = Constraints(max_length=64, minimum=3, pattern="function:", enum=("c", "b"), multiple_of=6)
    both = branch.conjoined(own)
    assert (both.min_length, both.max_length, both.minimum, both.multiple_of) == (1, 64, 3, 6)
    assert both.enum == ("c", "b")
    import regex

    assert both.pattern is not None
    assert regex.search(both.pattern, "arn:function:x") and not regex.search(both.pattern, "function:x")
    assert own.conjoined(own) == own


def test_scalar_branches_that_all_ask_the_same_keep_what_they_ask() -> None:
    resource = _resource({"Name": {"type": "string", "anyOf": [{"maxLength": 5}, {"maxLength": 5}]}})
    assert _prop_type(resource, "Name") == TypeRef.of_primitive("String", Constraints(max_length=5))


def test_dotted_names_go_through_property_types() -> None:
    from codegen.model.types import property_path

    grouping = {"type": "object", "properties": {"Ids": STRING}}
    resource = _resource({"Grouping": {"$ref": "#/definitions/Grouping"}, "Name": STRING}, definitions={"Grouping": grouping})
    structs = {s.cfn_name: s for s in resource.property_types}
    found = property_path("Grouping.Ids", resource.properties, structs)
    assert found is not None and [p.python_name for p in found] == ["grouping", "ids"]
    assert property_path("Grouping.Missing", resource.properties, structs) is None
    assert property_path("Name.Ids", resource.properties, structs) is None  # not a structure


def test_one_of_with_two_empty_options_keeps_no_rule() -> None:
    # Two branches that always match: no value meets "exactly one" - not a rule to check.
    resource = _resource({"A": STRING}, oneOf=[{"required": ["A"]}, {"description": "x"}, {"title": "y"}])
    assert resource.choices == ()
