"""load -> validate -> model -> render -> format -> write, end to end."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Mapping, Optional, Sequence, Tuple, cast

from codegen import parallel
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
    from codegen.model.types import Model, Service
    from codegen.render.render import Renderer

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
    own_property_types = _property_types_by_type(spec["PropertyTypes"], inputs.type_names)
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
        digest.update(_canonical(own_property_types[type_name]))
    return {module: digest.hexdigest() for module, digest in digests.items()}


def _property_types_by_type(property_types: Mapping[str, Any], type_names: Sequence[str]) -> Dict[str, Dict[str, Any]]:
    """For each type, the property types named ``<type>.<name>`` and the shared ``Tag``,
    in the specification's order (one pass, not one a type)."""
    found: Dict[str, Dict[str, Any]] = {name: {} for name in type_names}
    for key, value in property_types.items():
        if key == "Tag":
            for entries in found.values():
                entries[key] = value
            continue
        dot = key.find(".")
        while dot != -1:
            owner = found.get(key[:dot])
            if owner is not None:
                owner[key] = value
            dot = key.find(".", dot + 1)
    return found


def build(specs: Path, types: Sequence[str]) -> "Model":
    from codegen.load import load_inputs

    inputs = load_inputs(specs, types)
    return _model(inputs, inputs.type_names)


def _model(inputs: "Inputs", type_names: Sequence[str], file_of: Optional[Mapping[str, str]] = None) -> "Model":
    """The model of ``type_names``; ``file_of`` (type name -> registry schema file) lets it
    look at their schemas alone, not all of them (a worker builds many small models)."""
    from codegen.model.build import build_model

    schemas = inputs.registry_schemas
    if file_of is not None:
        schemas = {file_of[t]: schemas[file_of[t]] for t in type_names if t in file_of}
    return build_model(
        resource_spec=inputs.resource_spec,
        resource_spec_file=inputs.resource_spec_file,
        registry_schemas=schemas,
        registry_version=inputs.registry_version,
        type_names=type_names,
    )


# Service counts of a rendering: module name, resource types, property types.
Rendered = List[Tuple[str, int, int]]


def render(
    inputs: "Inputs", type_names: Sequence[str], templates: Path, specs: Path, kept_modules: Sequence[str], processes: int
) -> Tuple[Dict[str, bytes], Rendered]:
    """Model and render the service modules of ``type_names``, and the package around
    them: every file, and the counts of each service rendered (by module name). With ``processes`` > 1,
    services are modelled and rendered in worker processes; the files are the same."""
    from codegen.render.render import Renderer

    renderer = Renderer(templates, specs)
    if processes > 1 and len(type_names) >= parallel.WORTH_IT:
        found = _render_in_parallel(inputs, type_names, renderer, processes)
        if found is not None:
            files, rendered = found
            files.update(renderer.package(_model(inputs, ()).versions, [m for m, _, _ in rendered], kept_modules))
            return dict(sorted(files.items())), rendered
    # In this process (and where a worker failed: so that the error is the one a run in
    # one process meets first, raised as it is).
    model = _model(inputs, type_names)
    files, rendered = _render_model(renderer, model)
    files.update(renderer.package(model.versions, [m for m, _, _ in rendered], kept_modules))
    return dict(sorted(files.items())), sorted(rendered)


def _render_model(renderer: "Renderer", model: "Model") -> Tuple[Dict[str, bytes], Rendered]:
    """The files of the service modules of ``model``, and their counts."""
    files: Dict[str, bytes] = {}
    for service in model.services:
        files.update(renderer.service(model, service))
    return files, [_counts(s) for s in model.services]


def _counts(service: "Service") -> Tuple[str, int, int]:
    return service.module_name, len(service.resources), sum(len(r.property_types) for r in service.resources)


def _render_in_parallel(
    inputs: "Inputs", type_names: Sequence[str], renderer: "Renderer", processes: int
) -> Optional[Tuple[Dict[str, bytes], Rendered]]:
    """One task a service module, the largest first; None if any task failed."""
    file_of = {schema["typeName"]: file for file, schema in inputs.registry_schemas.items()}
    by_module: Dict[str, List[str]] = {}
    for type_name in type_names:
        by_module.setdefault(_module(type_name), []).append(type_name)

    def cost(module: str) -> int:
        # The size of the registry schemas (a type of the resource specification only is small).
        return sum(inputs.sizes.get(file_of.get(t, ""), 2_000) for t in by_module[module])

    tasks = [by_module[m] for m in sorted(by_module, key=lambda m: (-cost(m), m))]
    results = parallel.fork_map(_render_services, (inputs, file_of, renderer), tasks, processes)
    files: Dict[str, bytes] = {}
    rendered: Rendered = []
    for result in results:
        if result is None:
            return None
        files.update(result[0])
        rendered += result[1]
    return files, sorted(rendered)


def _render_services(
    state: Tuple["Inputs", Mapping[str, str], "Renderer"], type_names: Sequence[str]
) -> Optional[Tuple[Dict[str, bytes], Rendered]]:
    """In a worker: model and render the services of ``type_names``; None on any error
    (the main process then does it all again, and meets the error itself)."""
    inputs, file_of, renderer = state
    try:
        return _render_model(renderer, _model(inputs, type_names, file_of))
    except Exception:
        return None


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

    processes = parallel.jobs()
    inputs = load_inputs(specs, types, jobs=processes)
    digests = service_digests(inputs, specs, code_digest(templates, RUNTIME))
    kept = {} if force else kept_services(out, digests)
    files, rendered = render(inputs, [t for t in inputs.type_names if _module(t) not in kept], templates, specs, sorted(kept), processes)
    services: Dict[str, Dict[str, object]] = {
        module: {k: v for k, v in entry.items() if k != "files"} for module, entry in kept.items()
    }
    lines: Dict[str, int] = {}
    for path, data in files.items():
        parts = path.split("/", 2)
        if len(parts) == 3 and parts[0] == "cfnpy":
            lines[parts[1]] = lines.get(parts[1], 0) + data.count(b"\n")
    for module_name, resource_types, property_types in rendered:
        services[module_name] = {
            "inputs": digests[module_name],
            "resource_types": resource_types,
            "property_types": property_types,
            "lines": lines.get(module_name, 0),
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
        regenerated=len(rendered),
    )


def _count(entry: Dict[str, object], key: str) -> int:
    value = entry.get(key)
    return value if isinstance(value, int) else 0


def _module(type_name: str) -> str:
    vendor, service, _ = type_name.split("::")
    return naming.module_name(vendor, service)
