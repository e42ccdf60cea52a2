"""load -> validate -> model -> render -> format -> write, end to end."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional, Sequence

from codegen.errors import ConfigError
from codegen.load import load_inputs
from codegen.model.build import build_model
from codegen.model.types import Model
from codegen.render.render import RUNTIME, render_package
from codegen.write.atomic import clean_leftovers, replace_tree
from codegen.write.manifest import MANIFEST, inputs_digest, is_current, manifest_bytes


@dataclass(frozen=True)
class Summary:
    services: int
    resource_types: int
    property_types: int
    files: int
    lines: int

    def __str__(self) -> str:
        return (
            f"{self.resource_types} resource types, {self.property_types} property types, "
            f"{self.services} services: {self.files} files, {self.lines} lines"
        )


def build(specs: Path, types: Sequence[str]) -> Model:
    inputs = load_inputs(specs, types)
    return build_model(
        resource_spec=inputs.resource_spec,
        resource_spec_file=inputs.resource_spec_file,
        registry_schemas=inputs.registry_schemas,
        registry_version=inputs.registry_version,
        type_names=inputs.type_names,
    )


def write_files(out: Path, files: Dict[str, bytes]) -> None:
    def fill(staging: Path) -> None:
        for relative, data in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

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
    model = build(specs, types)
    files = render_package(model, templates, specs)
    files[MANIFEST] = manifest_bytes(digest, files)
    write_files(out, files)
    return Summary(
        services=len(model.services),
        resource_types=sum(len(s.resources) for s in model.services),
        property_types=sum(len(r.property_types) for s in model.services for r in s.resources),
        files=len(files) - 1,
        lines=sum(data.count(b"\n") for path, data in files.items() if path != MANIFEST),
    )
