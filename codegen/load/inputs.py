"""Load what one generation needs from ``specs/``, validated."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Set, Tuple

from codegen import parallel
from codegen.errors import SpecError, json_type
from codegen.load import specfiles, validate, verdicts
from codegen.load.verdicts import Verdicts
from codegen.load.patches import PATCH_DIR, apply_patch, load_patches
from codegen.model.build import select_types


@dataclass(frozen=True)
class Inputs:
    resource_spec: Mapping[str, Any]
    resource_spec_file: str
    registry_schemas: Mapping[str, Mapping[str, Any]]
    registry_version: str
    type_names: Sequence[str]
    # A measure of each registry schema's size (for sharing out work), by the same keys.
    sizes: Mapping[str, int] = field(default_factory=dict)


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


def load_inputs(specs: Path, patterns: Sequence[str], *, jobs: Optional[int] = None) -> Inputs:
    """The inputs of the types ``patterns`` select, each validated (or known valid: see
    ``codegen.load.verdicts``); ``jobs`` processes share the validation (default: one a core)."""
    processes = parallel.jobs() if jobs is None else jobs
    spec_file = str(specs / specfiles.RESOURCE_SPEC_FILE)
    spec, spec_digest = specfiles.read_resource_spec_digest(specs)
    if not isinstance(spec, dict):
        raise SpecError(spec_file, "", "expected a JSON object")
    for key in ("ResourceSpecificationVersion", "ResourceTypes", "PropertyTypes"):
        if key not in spec:
            raise SpecError(spec_file, "", f"{key!r} is a required property (rule: required)")
        if key != "ResourceSpecificationVersion" and not isinstance(spec[key], dict):
            raise SpecError(spec_file, f"/{key}", "expected an object (rule: type)")

    exact = all(_is_exact(p) for p in patterns)
    digests: Dict[str, bytes] = {}
    sizes: Dict[str, int] = {}
    schemas = specfiles.read_registry_schemas(specs, patterns if exact else None, digests, sizes)
    zip_file = str(specs / specfiles.SCHEMA_ZIP_FILE)
    known = Verdicts.open()
    keys = {member: verdicts.key(b"registry-schema", member.encode(), digests[member]) for member in schemas}
    for member, operations in load_patches(specs).items():
        if member in schemas:
            # Within the limits before it is copied and patched (a copy recurses).
            validate.check_limits(schemas[member], f"{zip_file}!{member}")
            schemas[member] = apply_patch(schemas[member], operations, str(specs / PATCH_DIR / member))
            keys[member] = verdicts.key(
                b"registry-schema", member.encode(), digests[member], json.dumps(operations).encode()
            )
    valid = {member for member in schemas if keys[member] in known}
    valid |= _valid_registry_schemas(schemas, [m for m in schemas if m not in valid], zip_file, processes)
    by_type: Dict[str, str] = {}
    for member, schema in schemas.items():
        # What is not known valid is checked here, in order: the first error is reported.
        if member not in valid:
            validate.check(schema, "registry-schema", f"{zip_file}!{member}")
        expected = specfiles.registry_file_name(schema["typeName"])
        if expected != member:
            raise SpecError(f"{zip_file}!{member}", "/typeName", f"{schema['typeName']!r} belongs in {expected}")
        by_type[schema["typeName"]] = member
    found = [keys[member] for member in schemas]

    available = set(by_type) | set(spec["ResourceTypes"])
    type_names = select_types(available, patterns)
    missing = [p for p in patterns if _is_exact(p) and p not in available]
    if missing:
        raise SpecError(spec_file, "/ResourceTypes", f"no resource type {missing[0]!r} in the specs")
    if not type_names:
        raise SpecError(spec_file, "/ResourceTypes", f"no resource type matches {', '.join(patterns)}")

    spec_key = verdicts.key(b"resource-specification", spec_digest, json.dumps(list(type_names)).encode())
    if spec_key not in known:
        subset = _spec_subset(spec, type_names)
        holds = _spec_structure_holds(subset, type_names, processes, spec_file)
        validate.check(subset, "resource-specification", spec_file, structure_holds=holds)
    found.append(spec_key)
    known.add(found)
    known.save()
    used: List[str] = [by_type[t] for t in type_names if t in by_type]
    registry_version = _registry_version(specs)
    return Inputs(
        resource_spec=spec,
        resource_spec_file=spec_file,
        registry_schemas={f"{zip_file}!{m}": schemas[m] for m in used},
        registry_version=registry_version,
        type_names=type_names,
        sizes={f"{zip_file}!{m}": sizes[m] for m in used},
    )


# -- validation over several processes -------------------------------------------------

_BATCH = 16


def _registry_verdicts(state: Tuple[Mapping[str, Any], str], batch: Sequence[str]) -> List[bool]:
    """In a worker: whether each member passes every check (an error is found again, and
    reported, in the main process)."""
    schemas, zip_file = state
    verdicts = []
    for member in batch:
        try:
            validate.check(schemas[member], "registry-schema", f"{zip_file}!{member}")
            verdicts.append(True)
        except Exception:
            verdicts.append(False)
    return verdicts


def _valid_registry_schemas(schemas: Mapping[str, Any], members: Sequence[str], zip_file: str, processes: int) -> Set[str]:
    """The ``members`` that pass every check, found by ``processes`` workers; none when
    there are too few to be worth it (the caller checks what is not returned)."""
    if processes <= 1 or len(members) < parallel.WORTH_IT:
        return set()
    validate.validator("registry-schema")  # built once, before the workers are forked
    batches = [members[i : i + _BATCH] for i in range(0, len(members), _BATCH)]
    results = parallel.fork_map(_registry_verdicts, (schemas, zip_file), batches, processes)
    return {member for batch, verdicts in zip(batches, results) for member, ok in zip(batch, verdicts) if ok}


# The resource specification's schema checks each entry of these on its own (names and
# values), so the whole meets it exactly when each part does.
_ENTRIES = ("ResourceTypes", "PropertyTypes")
_PER_ENTRY_KEYWORDS = {"type", "propertyNames", "additionalProperties", "title", "description"}
_TOP_KEYWORDS = {"$schema", "$id", "title", "description", "type", "required", "properties", "definitions"}
_SPEC_PARTS = 8


def _spec_schema_splits() -> bool:
    schema = validate.validator("resource-specification").schema
    if not isinstance(schema, dict) or not set(schema) <= _TOP_KEYWORDS:
        return False
    properties = schema.get("properties", {})
    return all(isinstance(properties.get(k), dict) and set(properties[k]) <= _PER_ENTRY_KEYWORDS for k in _ENTRIES)


def _spec_part_holds(subset: Mapping[str, Any], part: Tuple[List[str], List[str]]) -> bool:
    resource_types, property_types = part
    document = {
        "ResourceSpecificationVersion": subset["ResourceSpecificationVersion"],
        "ResourceTypes": {k: subset["ResourceTypes"][k] for k in resource_types},
        "PropertyTypes": {k: subset["PropertyTypes"][k] for k in property_types},
    }
    try:
        return validate.meets_schema(document, "resource-specification")
    except Exception:
        return False


def _spec_structure_holds(subset: Mapping[str, Any], type_names: Sequence[str], processes: int, file: str) -> bool:
    """True when the part of the resource specification meets its JSON schema, found in
    parts by ``processes`` workers; False when not, or not worth finding out this way
    (the caller then checks the whole, which finds the error that counts). The limits
    come first, as in ``validate.check``: a document beyond them is not read further."""
    if processes <= 1 or len(type_names) < parallel.WORTH_IT or not _spec_schema_splits():
        return False
    validate.check_limits(subset, file, validate.LIMITS.get("resource-specification", validate.DEFAULT_LIMITS))
    chosen = sorted(set(type_names))
    size = -(-len(chosen) // _SPEC_PARTS)
    groups = [chosen[i : i + size] for i in range(0, len(chosen), size)]
    group_of = {name: index for index, group in enumerate(groups) for name in group}
    parts: List[Tuple[List[str], List[str]]] = [([t for t in g if t in subset["ResourceTypes"]], []) for g in groups]
    for key in subset["PropertyTypes"]:
        parts[0 if key == "Tag" else group_of[key.split(".", 1)[0]]][1].append(key)
    return all(parallel.fork_map(_spec_part_holds, subset, parts, processes))
