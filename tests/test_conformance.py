"""Conformance of every generated resource class with its registry schema.

For every resource type: import its class from the generated package, build an
instance from sample values derived from the schema's constraints (required
properties, nested required properties), synthesize it, and validate the
synthesized ``Properties`` against the type's registry schema with jsonschema.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any, Dict, List, Mapping, Tuple

import jsonschema
import pytest
import regex

from agreement.agreement_schema import REGEX_KEYWORDS
from codegen.load import load_inputs
from codegen.model.build import build_model
from codegen.model.samples import sample_value
from codegen.model.types import Property, ResourceType, TypeRef

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"

# Types whose AWS schema cannot be satisfied as written, each with the reason.
EXCLUDED: Dict[str, str] = {}
# Types the sample values do not satisfy yet, one a line with the reason: mostly
# property types whose schema asks, with oneOf/anyOf, for one of several optional
# properties, which the model does not record yet. Every type listed must still
# fail (remove it when it passes) and every other type must pass.
GAPS_FILE = Path(__file__).with_name("conformance_gaps.txt")


def _known_gaps() -> Dict[str, str]:
    gaps = {}
    for line in GAPS_FILE.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, reason = line.partition(" ")
            gaps[name] = reason.strip()
    return gaps


# The runtime reads AWS's Java-style patterns with the regex module: so does the check.
Validator = jsonschema.validators.extend(jsonschema.Draft7Validator, REGEX_KEYWORDS)


def _required_first(schema: Mapping[str, Any]) -> List[str]:
    """Names a valid instance must have: ``required``, and the first branch of a
    top-level ``oneOf``/``anyOf`` that asks for more."""
    names = list(schema.get("required", ()))
    for key in ("oneOf", "anyOf"):
        for branch in schema.get(key, ())[:1]:
            names += [n for n in branch.get("required", ()) if n not in names]
    return names


class _Samples:
    def __init__(self, resource: ResourceType, schema: Mapping[str, Any]) -> None:
        self.resource = resource
        self.schema = schema
        self.structs = {s.cfn_name: s for s in resource.property_types}

    def struct(self, name: str, depth: int = 0) -> Dict[str, Any]:
        struct = self.structs[name]
        return {p.python_name: self.value(p, depth + 1) for p in struct.properties if p.required}

    def value(self, prop: Property, depth: int) -> Any:
        if depth > 20:
            raise RecursionError(f"required properties nest without end at {prop.cfn_name}")
        return sample_value(prop.type, prop.cfn_name, lambda n: self.struct(n, depth))

    def kwargs(self) -> Dict[str, Any]:
        wanted = set(_required_first(self.schema))
        return {p.python_name: self.value(p, 0) for p in self.resource.properties if p.required or p.cfn_name in wanted}


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
    gaps = _known_gaps()
    failures: Dict[str, str] = {}
    checked = 0
    for resource in resources:
        schema = schemas.get(resource.type_name)
        if schema is None:  # only the resource specification has it: nothing to validate against
            continue
        checked += 1
        reason = _check(resource, schema)
        if reason and resource.type_name not in EXCLUDED:
            failures[resource.type_name] = reason
    print(
        f"conformance: {checked - len(failures) - len(EXCLUDED)} of {checked} resource types pass, "
        f"{len(EXCLUDED)} excluded, {len(failures)} known gaps"
    )
    new = {name: reason for name, reason in failures.items() if name not in gaps}
    fixed = sorted(set(gaps) - set(failures))
    report = "\n".join(f"{name} {reason}" for name, reason in sorted(new.items()))
    assert not new, f"{len(new)} types fail that are not known gaps:\n{report}"
    assert not fixed, f"these types pass now: remove them from {GAPS_FILE.name}: {', '.join(fixed)}"


def test_sample_values_follow_constraints() -> None:
    from codegen.model.types import Constraints

    value = sample_value(
        TypeRef.of_primitive("String", Constraints(pattern="^[a-z]{3}-[0-9]+$", max_length=10)), "Name", dict
    )
    assert regex.search("^[a-z]{3}-[0-9]+$", value) and len(value) <= 10
    assert sample_value(TypeRef.of_primitive("Integer", Constraints(minimum=200, maximum=300)), "N", dict) == 200
