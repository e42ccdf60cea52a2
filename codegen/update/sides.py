"""One version of the specs ("a side" of a comparison), read from files or folders.

Reading is lenient (gzip, zip and JSON must be sound; the structure is only
checked, with ``subset_check``, where the two sides differ), so that comparing
two full real versions takes well under the ~8 s that validating every type
of both would.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Mapping, Optional, Set

from codegen.errors import SpecError
from codegen.load import validate
from codegen.load.specfiles import (
    MAX_INPUT_BYTES,
    PROVENANCE_FILE,
    RESOURCE_SPEC_FILE,
    SCHEMA_ZIP_FILE,
    parse_json,
    read_provenance,
)
from codegen.update import verify
from codegen.update.sources import REGISTRY_SCHEMAS, RESOURCE_SPEC


@dataclass
class Side:
    spec: Optional[Mapping[str, Any]] = None
    spec_raw: Optional[bytes] = None  # the JSON, unpacked
    spec_file: str = ""
    schemas: Optional[Dict[str, Mapping[str, Any]]] = None  # by zip member
    schema_members: Optional[Dict[str, bytes]] = None
    schema_file: str = ""
    versions: Dict[str, str] = field(default_factory=dict)


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise SpecError(str(path), "", f"{size} bytes is over the limit of {MAX_INPUT_BYTES}")
        return path.read_bytes()
    except OSError as exc:
        raise SpecError(str(path), "", f"cannot read: {exc.strerror or exc}") from None


def spec_from_bytes(body: bytes, file: str, side: Side) -> None:
    raw = verify.gunzip(body, file, MAX_INPUT_BYTES) if verify.sniff(body) == "gzip" else body
    document = parse_json(raw, file)
    if not isinstance(document, dict) or not isinstance(document.get("ResourceTypes"), dict):
        raise SpecError(file, "", "not a resource specification: no ResourceTypes object")
    side.spec, side.spec_raw, side.spec_file = document, raw, file
    side.versions.setdefault(RESOURCE_SPEC, str(document.get("ResourceSpecificationVersion", "unknown")))


def schemas_from_bytes(body: bytes, file: str, side: Side) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise SpecError(file, "", f"corrupt zip: {exc}") from None
    members: Dict[str, bytes] = {}
    schemas: Dict[str, Mapping[str, Any]] = {}
    newest: Optional[str] = None
    with archive:
        for info in archive.infolist():
            name = info.filename
            if info.is_dir() or "/" in name or not name.endswith(".json"):
                continue
            member = f"{file}!{name}"
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as exc:
                raise SpecError(member, "", f"corrupt zip member: {exc}") from None
            document = parse_json(data, member)
            if not isinstance(document, dict):
                raise SpecError(member, "", "not a registry schema: expected a JSON object")
            members[name], schemas[name] = data, document
            if info.date_time > (1980, 1, 1, 0, 0, 0):
                stamp = "%04d-%02d-%02dT%02d:%02d:%02dZ" % info.date_time
                newest = max(newest or stamp, stamp)
    side.schemas, side.schema_members, side.schema_file = schemas, members, file
    side.versions.setdefault(REGISTRY_SCHEMAS, newest or "unknown")


def read_side(path: Path) -> Side:
    """A specs folder (either file may be missing), a resource specification
    (``.json`` or ``.json.gz``) or a registry schema zip."""
    side = Side()
    if path.is_dir():
        if (path / PROVENANCE_FILE).is_file():
            inputs = read_provenance(path)["inputs"]
            for key in (RESOURCE_SPEC, REGISTRY_SCHEMAS):
                version = inputs.get(key, {}).get("version") if isinstance(inputs.get(key), dict) else None
                if version:
                    side.versions[key] = str(version)
        if (path / RESOURCE_SPEC_FILE).is_file():
            spec_from_bytes(_read(path / RESOURCE_SPEC_FILE), str(path / RESOURCE_SPEC_FILE), side)
        if (path / SCHEMA_ZIP_FILE).is_file():
            schemas_from_bytes(_read(path / SCHEMA_ZIP_FILE), str(path / SCHEMA_ZIP_FILE), side)
        return side
    body = _read(path)
    if verify.sniff(body) == "zip":
        schemas_from_bytes(body, str(path), side)
    else:
        spec_from_bytes(body, str(path), side)
    return side


def _changed_types(old: Mapping[str, Any], new: Mapping[str, Any]) -> Set[str]:
    def entries(spec: Mapping[str, Any]) -> Dict[str, Any]:
        types = spec.get("ResourceTypes")
        props = spec.get("PropertyTypes")
        result: Dict[str, Any] = {name: [value, {}] for name, value in (types.items() if isinstance(types, dict) else [])}
        for key, value in props.items() if isinstance(props, dict) else []:
            owner = key.split(".", 1)[0]
            result.setdefault(owner, [None, {}])[1][key] = value
        return result

    a, b = entries(old), entries(new)
    return {name for name in set(a) | set(b) if a.get(name) != b.get(name)}


def subset_check(old: Side, new: Side) -> None:
    """Check the structure of every part that differs between the sides (both sides)."""
    if old.spec is not None and new.spec is not None:
        changed = _changed_types(old.spec, new.spec)
        for side in (old, new):
            assert side.spec is not None
            spec = side.spec
            types = spec["ResourceTypes"]
            props = spec.get("PropertyTypes")
            subset = {
                "ResourceSpecificationVersion": spec.get("ResourceSpecificationVersion"),
                "ResourceTypes": {k: v for k, v in types.items() if k in changed},
                "PropertyTypes": {
                    k: v
                    for k, v in (props.items() if isinstance(props, dict) else [])
                    if k == "Tag" or k.split(".", 1)[0] in changed  # the shared Tag, as the loader keeps it
                },
            }
            validate.check(subset, "resource-specification", side.spec_file)
    if old.schemas is not None and new.schemas is not None:
        for side, other in ((old, new), (new, old)):
            assert side.schemas is not None and other.schemas is not None
            for name, document in side.schemas.items():
                if other.schemas.get(name) != document:
                    validate.check(document, "registry-schema", f"{side.schema_file}!{name}")


__all__ = ["Side", "read_side", "schemas_from_bytes", "spec_from_bytes", "subset_check"]
