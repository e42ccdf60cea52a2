"""Load what one generation needs from ``specs/``, validated."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Mapping, Sequence

from codegen.errors import SpecError, json_type
from codegen.load import specfiles, validate
from codegen.load.patches import PATCH_DIR, apply_patch, load_patches
from codegen.model.build import select_types


@dataclass(frozen=True)
class Inputs:
    resource_spec: Mapping[str, Any]
    resource_spec_file: str
    registry_schemas: Mapping[str, Mapping[str, Any]]
    registry_version: str
    type_names: Sequence[str]


def _is_exact(pattern: str) -> bool:
    return not any(c in pattern for c in "*?[")


def _spec_subset(spec: Mapping[str, Any], type_names: Sequence[str]) -> Dict[str, Any]:
    """The part of the resource specification the chosen types use, at the same pointers."""
    chosen = set(type_names)
    return {
        "ResourceSpecificationVersion": spec["ResourceSpecificationVersion"],
        "ResourceTypes": {k: v for k, v in spec["ResourceTypes"].items() if k in chosen},
        "PropertyTypes": {
            k: v for k, v in spec["PropertyTypes"].items() if k == "Tag" or k.split(".", 1)[0] in chosen
        },
    }


def _registry_version(specs: Path) -> str:
    """The version of the registry schemas, as provenance.json records it (``unknown`` if not)."""
    provenance = specfiles.read_provenance(specs)
    file = str(specs / specfiles.PROVENANCE_FILE)
    validate.check_limits(provenance, file)
    entry = provenance["inputs"].get("registry-schemas", {})
    if not isinstance(entry, dict):
        raise SpecError(file, "/inputs/registry-schemas", "expected an object (rule: type)")
    version = entry.get("version", "unknown")
    if not isinstance(version, str):
        raise SpecError(file, "/inputs/registry-schemas/version", f"expected a string, not {json_type(version)} (rule: type)")
    return version


def load_inputs(specs: Path, patterns: Sequence[str]) -> Inputs:
    spec_file = str(specs / specfiles.RESOURCE_SPEC_FILE)
    spec = specfiles.read_resource_spec(specs)
    if not isinstance(spec, dict):
        raise SpecError(spec_file, "", "expected a JSON object")
    for key in ("ResourceSpecificationVersion", "ResourceTypes", "PropertyTypes"):
        if key not in spec:
            raise SpecError(spec_file, "", f"{key!r} is a required property (rule: required)")
        if key != "ResourceSpecificationVersion" and not isinstance(spec[key], dict):
            raise SpecError(spec_file, f"/{key}", "expected an object (rule: type)")

    exact = all(_is_exact(p) for p in patterns)
    schemas = specfiles.read_registry_schemas(specs, patterns if exact else None)
    zip_file = str(specs / specfiles.SCHEMA_ZIP_FILE)
    for member, operations in load_patches(specs).items():
        if member in schemas:
            # Within the limits before it is copied and patched (a copy recurses).
            validate.check_limits(schemas[member], f"{zip_file}!{member}")
            schemas[member] = apply_patch(schemas[member], operations, str(specs / PATCH_DIR / member))
    by_type: Dict[str, str] = {}
    for member, schema in schemas.items():
        validate.check(schema, "registry-schema", f"{zip_file}!{member}")
        expected = specfiles.registry_file_name(schema["typeName"])
        if expected != member:
            raise SpecError(f"{zip_file}!{member}", "/typeName", f"{schema['typeName']!r} belongs in {expected}")
        by_type[schema["typeName"]] = member

    available = set(by_type) | set(spec["ResourceTypes"])
    type_names = select_types(available, patterns)
    missing = [p for p in patterns if _is_exact(p) and p not in available]
    if missing:
        raise SpecError(spec_file, "/ResourceTypes", f"no resource type {missing[0]!r} in the specs")
    if not type_names:
        raise SpecError(spec_file, "/ResourceTypes", f"no resource type matches {', '.join(patterns)}")

    validate.check(_spec_subset(spec, type_names), "resource-specification", spec_file)
    used: List[str] = [by_type[t] for t in type_names if t in by_type]
    registry_version = _registry_version(specs)
    return Inputs(
        resource_spec=spec,
        resource_spec_file=spec_file,
        registry_schemas={f"{zip_file}!{m}": schemas[m] for m in used},
        registry_version=registry_version,
        type_names=type_names,
    )
