"""Conformance of every generated resource class with its registry schema.

For every resource type: import its class from the generated package, build an
instance from sample values derived from the schema's constraints (required
properties, nested required properties, the first option of each oneOf/anyOf
rule), synthesize it, and validate the synthesized ``Properties`` against the
type's registry schema with jsonschema. Every type must pass.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any, Dict, FrozenSet, Mapping, Tuple

import jsonschema
import pytest
import regex

from agreement.agreement_schema import REGEX_KEYWORDS
from codegen.load import load_inputs
from codegen.model.build import build_model
from codegen.model.samples import sample_inner, sample_properties, sample_value
from codegen.model.types import Property, ResourceType, TypeRef

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"

# The runtime reads AWS's Java-style patterns with the regex module: so does the check.
Validator = jsonschema.validators.extend(jsonschema.Draft7Validator, REGEX_KEYWORDS)


class _Samples:
    def __init__(self, resource: ResourceType, schema: Mapping[str, Any]) -> None:
        self.resource = resource
        self.schema = schema
        self.structs = {s.cfn_name: s for s in resource.property_types}

    def struct(self, name: str, depth: int, variant: int, wanted: FrozenSet[str]) -> Dict[str, Any]:
        struct = self.structs[name]
        chosen = sample_properties(struct.properties, struct.choices, optional=False, variant=variant, wanted=wanted)
        inner = sample_inner(struct.choices, wanted)
        return {p.python_name: self.value(p, depth + 1, inner.get(p.cfn_name, frozenset())) for p in chosen}

    def value(self, prop: Property, depth: int, wanted: FrozenSet[str]) -> Any:
        if depth > 20:
            raise RecursionError(f"required properties nest without end at {prop.cfn_name}")
        return sample_value(
            prop.type, prop.cfn_name, lambda n, variant, inner: self.struct(n, depth, variant, inner), 0, wanted
        )

    def kwargs(self) -> Dict[str, Any]:
        chosen = sample_properties(self.resource.properties, self.resource.choices, optional=False)
        inner = sample_inner(self.resource.choices)
        return {p.python_name: self.value(p, 0, inner.get(p.cfn_name, frozenset())) for p in chosen}


@pytest.fixture(scope="module")
def universe() -> Tuple[Tuple[ResourceType, ...], Dict[str, Mapping[str, Any]]]:
    inputs = load_inputs(SPECS, ["*"])
    model = build_model(
        resource_spec=inputs.resource_spec,
        resource_spec_file=inputs.resource_spec_file,
        registry_schemas=inputs.registry_schemas,
        registry_version=inputs.registry_version,
        type_names=inputs.type_names,
    )
    schemas = {schema["typeName"]: schema for schema in inputs.registry_schemas.values()}
    resources = tuple(r for s in model.services for r in s.resources)
    return resources, schemas


def _check(resource: ResourceType, schema: Mapping[str, Any]) -> str:
    """'' when the type conforms, else the reason."""
    from cfnpy.core import App, Stack

    module = importlib.import_module(f"cfnpy.{resource.vendor.lower()}_{resource.service.lower()}")
    cls = getattr(module, resource.class_name)
    stack = Stack(App(), "Conformance")
    try:
        kwargs = _Samples(resource, schema).kwargs()
        instance = cls(stack, "Resource", **kwargs)
        template = stack.to_template()
    except Exception as error:  # the point is to report every failure by type
        return f"building it: {type(error).__name__}: {error}"
    properties = template["Resources"][instance.logical_id].get("Properties", {})
    errors = sorted(Validator(schema).iter_errors(properties), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/" + "/".join(map(str, first.absolute_path))
        return f"{where}: {first.message[:200]} (properties {json.dumps(properties)[:300]})"
    return ""


def test_every_resource_type_conforms(universe: Tuple[Tuple[ResourceType, ...], Dict[str, Any]]) -> None:
    resources, schemas = universe
    failures: Dict[str, str] = {}
    checked = 0
    for resource in resources:
        schema = schemas.get(resource.type_name)
        if schema is None:  # only the resource specification has it: nothing to validate against
            continue
        checked += 1
        reason = _check(resource, schema)
        if reason:
            failures[resource.type_name] = reason
    print(f"conformance: {checked - len(failures)} of {checked} resource types pass")
    report = "\n".join(f"{name} {reason}" for name, reason in sorted(failures.items()))
    assert not failures, f"{len(failures)} of {checked} types do not conform:\n{report}"


def test_sample_values_follow_constraints() -> None:
    from codegen.model.types import Constraints

    value = sample_value(
        TypeRef.of_primitive("String", Constraints(pattern="^[a-z]{3}-[0-9]+$", max_length=10)), "Name", dict
    )
    assert regex.search("^[a-z]{3}-[0-9]+$", value) and len(value) <= 10
    assert sample_value(TypeRef.of_primitive("Integer", Constraints(minimum=200, maximum=300)), "N", dict) == 200
