"""load -> validate -> model -> render -> format -> write, end to end."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Optional, Sequence, cast

from codegen.errors import ConfigError
from codegen.model import naming
from codegen.paths import RUNTIME
from codegen.write.atomic import clean_leftovers, replace_tree
from codegen.write.manifest import (
    MANIFEST,
    code_digest,
    file_hashes,
    inputs_digest,
    is_current,
    kept_services,
    manifest_bytes,
)

if TYPE_CHECKING:
    from codegen.load import Inputs
    from codegen.model.types import Model

# The loaders, jinja2 and black are imported only when there is work to do: a run
# whose output is current answers at once.


@dataclass(frozen=True)
class Summary:
    services: int
    resource_types: int
    property_types: int
    files: int
    lines: int
    regenerated: int

    def __str__(self) -> str:
        kept = self.services - self.regenerated
        return (
            f"{self.resource_types} resource types, {self.property_types} property types, "
            f"{self.services} services ({self.regenerated} generated, {kept} unchanged): "
            f"{self.files} files, {self.lines} lines"
        )


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode()


def service_digests(inputs: "Inputs", specs: Path, code: str) -> Dict[str, str]:
    """Per service module, a digest of all that makes it: the code digest, the spec
    versions, its types' schemas and resource-specification entries, its L2 and
    hand-written files."""
    from codegen.model.l2 import bindings_file

    schemas = {schema["typeName"]: schema for schema in inputs.registry_schemas.values()}
    spec = inputs.resource_spec
    digests: Dict[str, Any] = {}
    for type_name in inputs.type_names:
        module = _module(type_name)
        if module not in digests:
            digests[module] = hashlib.sha256(f"{code}\0{spec['ResourceSpecificationVersion']}\0{inputs.registry_version}".encode())
            for extra in [bindings_file(specs, module), *sorted((RUNTIME / "services" / module).glob("*.py"))]:
                if extra.is_file():
                    digests[module].update(extra.read_bytes())
            if bindings_file(specs, module).is_file():
                for jsii_file in sorted((specs / "l2").glob("*.jsii.json")):
                    digests[module].update(jsii_file.read_bytes())
        digest = digests[module]
        digest.update(type_name.encode() + _canonical(schemas.get(type_name)))
        digest.update(_canonical(spec["ResourceTypes"].get(type_name)))
        prefix = type_name + "."
        digest.update(_canonical({k: v for k, v in spec["PropertyTypes"].items() if k.startswith(prefix) or k == "Tag"}))
    return {module: digest.hexdigest() for module, digest in digests.items()}


def build(specs: Path, types: Sequence[str]) -> "Model":
    from codegen.load import load_inputs

    inputs = load_inputs(specs, types)
    return _model(inputs, inputs.type_names)


def _model(inputs: "Inputs", type_names: Sequence[str]) -> "Model":
    from codegen.model.build import build_model

    return build_model(
        resource_spec=inputs.resource_spec,
        resource_spec_file=inputs.resource_spec_file,
        registry_schemas=inputs.registry_schemas,
        registry_version=inputs.registry_version,
        type_names=type_names,
    )


def write_files(out: Path, files: Dict[str, bytes], kept: Sequence[str] = ()) -> None:
    """Write ``files`` as the new tree at ``out``; ``kept`` paths are the previous tree's
    files, linked (not rewritten) into the new one."""

    def fill(staging: Path) -> None:
        for relative, data in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for relative in kept:
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(out / relative, target)
            except OSError:
                shutil.copy2(out / relative, target)

    try:
        replace_tree(out, fill)
    except OSError as exc:
        raise _output_error(out, exc) from None


def _output_error(out: Path, exc: OSError) -> ConfigError:
    """A full disk, a file where a folder should be: the user's to fix, told in one line."""
    where = f" ({exc.filename})" if exc.filename else ""
    return ConfigError(f"{out}: cannot write the output: {exc.strerror or exc}{where}")


def generate(
    *, specs: Path, out: Path, templates: Path, types: Sequence[str], force: bool = False
) -> Optional[Summary]:
    """Generate into ``out``; None when ``out`` is already what these inputs make."""
    digest = inputs_digest(specs, templates, RUNTIME, types)
    # First undo an interrupted run: its leftovers go even when there is nothing to do.
    try:
        clean_leftovers(out)
    except OSError as exc:
        raise _output_error(out, exc) from None
    if not force and is_current(out, digest):
        return None
    from codegen.load import load_inputs
    from codegen.render.render import render_package

    inputs = load_inputs(specs, types)
    digests = service_digests(inputs, specs, code_digest(templates, RUNTIME))
    kept = {} if force else kept_services(out, digests)
    model = _model(inputs, [t for t in inputs.type_names if _module(t) not in kept])
    files = render_package(model, templates, specs, kept_modules=sorted(kept))
    services: Dict[str, Dict[str, object]] = {
        module: {k: v for k, v in entry.items() if k != "files"} for module, entry in kept.items()
    }
    for service in model.services:
        prefix = f"cfnpy/{service.module_name}/"
        services[service.module_name] = {
            "inputs": digests[service.module_name],
            "resource_types": len(service.resources),
            "property_types": sum(len(r.property_types) for r in service.resources),
            "lines": sum(data.count(b"\n") for path, data in files.items() if path.startswith(prefix)),
        }
    hashes = file_hashes(files)
    kept_files: Dict[str, str] = {}
    for entry in kept.values():
        kept_files.update(cast(Dict[str, str], entry["files"]))
    hashes.update(kept_files)
    files[MANIFEST] = manifest_bytes(digest, hashes, services)
    write_files(out, files, sorted(kept_files))
    prefixes = tuple(f"cfnpy/{module}/" for module in services)
    others = [path for path in files if path != MANIFEST and not path.startswith(prefixes)]
    return Summary(
        services=len(services),
        resource_types=sum(_count(e, "resource_types") for e in services.values()),
        property_types=sum(_count(e, "property_types") for e in services.values()),
        files=len(hashes),
        lines=sum(_count(e, "lines") for e in services.values()) + sum(files[path].count(b"\n") for path in others),
        regenerated=len(model.services),
    )


def _count(entry: Dict[str, object], key: str) -> int:
    value = entry.get(key)
    return value if isinstance(value, int) else 0


def _module(type_name: str) -> str:
    vendor, service, _ = type_name.split("::")
    return naming.module_name(vendor, service)
