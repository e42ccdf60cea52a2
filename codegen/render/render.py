"""The one place that turns the model into files: jinja2 templates, then black.

``render_package`` returns every file of the generated package as a mapping of
relative path to bytes; writing them is ``codegen.write``'s job.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Dict, Sequence, Tuple

import black
import jinja2

from codegen import __version__
from codegen.errors import ConfigError
from codegen.model.l2 import build_l2, hand_written_exports
from codegen.model import naming
from codegen.paths import RUNTIME
from codegen.model.types import Model, Service, SpecVersions
from codegen.render.escape import literal
from codegen.render.layout import Node, layout
from codegen.render.views import L2_MODULE, module_view

PACKAGE = "cfnpy"
# A service module larger than this is split into one module per resource.
_BLACK_MODE = black.Mode(target_versions={black.mode.TargetVersion.PY310})


def environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["literal"] = literal
    env.filters["layout"] = _layout_filter
    return env


def _layout_filter(statement: Tuple[str, Node, str], indent: int, base: int = 0) -> str:
    """A statement laid out as black would at ``indent``; continuation lines lose ``base``
    spaces, which the template's own indentation adds back."""
    lines = layout(*statement, indent)
    return "\n".join([lines[0][indent:]] + [line[base:] for line in lines[1:]])


def format_source(source: str, name: str) -> str:
    try:
        return black.format_str(source, mode=_BLACK_MODE)
    except black.parsing.InvalidInput as exc:  # a template bug, not a spec problem
        raise RuntimeError(f"generated {name} is not valid Python: {exc}") from None


def _copied(source: Path, target: str) -> Dict[str, bytes]:
    """Hand-written files, copied as they are (``runtime/core`` -> ``cfnpy/core``)."""
    return {
        f"{target}/{path.relative_to(source).as_posix()}": path.read_bytes()
        for path in sorted(source.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def _hand_written_services(runtime: Path) -> Dict[str, Path]:
    folder = runtime / "services"
    return {p.name: p for p in sorted(folder.iterdir()) if p.is_dir()} if folder.is_dir() else {}


class Renderer:
    """The templates, compiled once, and the hand-written files of ``runtime``: renders
    one service module at a time (``service``), then what the package holds besides
    (``package``). Each service module depends on its service alone (and the versions
    of the specs), so services may be rendered in any order, or in other processes."""

    def __init__(self, templates: Path, specs: Path, runtime: Path = RUNTIME) -> None:
        self.env = environment(templates)
        self.specs = specs
        self.runtime = runtime
        self.module_template = self.env.get_template("service_module.py.jinja")
        self.l2_template = self.env.get_template("l2_section.py.jinja")
        self.package_template = self.env.get_template("package_init.py.jinja")
        self.pyproject_template = self.env.get_template("package_pyproject.toml.jinja")
        self.extras = _hand_written_services(runtime)

    def service(self, model: Model, service: Service) -> Dict[str, bytes]:
        """The files of one service module (``model`` gives the versions of the specs)."""
        files: Dict[str, bytes] = {}
        module_template = self.module_template
        hand_written: Dict[str, Tuple[str, ...]] = {}
        folder = self.extras.get(service.module_name)
        if folder is not None:
            if (folder / "__init__.py").exists():
                raise ConfigError(f"{folder}: a generated module's hand-written files cannot include __init__.py")
            hand_written = {p.stem: hand_written_exports(p) for p in sorted(folder.glob("*.py"))}
            files.update(_copied(folder, f"{PACKAGE}/{service.module_name}"))
        l2 = build_l2(
            specs=self.specs, module=service.module_name, resources=service.resources, hand_written=hand_written, literal=literal
        )
        # One module per resource, and one for the L2 API, loaded on first use of their
        # names: importing a service builds only the classes used. The L1 code is laid out
        # as black would (codegen.render.layout); the L2 classes, of freer shapes, go
        # through black itself.
        lazy: Dict[str, Tuple[str, ...]] = dict(hand_written)
        for resource in service.resources:
            name = f"_cfn_{naming.snake_case(resource.resource_name)}"
            if name in lazy:
                raise ConfigError(f"{service.module_name}: two modules would be named {name}")
            part = module_view(model, replace(service, resources=(resource,)), title=resource.type_name)
            files[f"{PACKAGE}/{service.module_name}/{name}.py"] = module_template.render(module=part).encode()
            lazy[name] = part.exports
        if l2 is not None:
            # The L2 classes use their L1 classes and the hand-written ones by name.
            bound = {c.l1_class for c in l2.constructs}
            imported = {**hand_written, **{m: names for m, names in lazy.items() if bound & set(names)}}
            api = module_view(model, replace(service, resources=()), l2, imported)
            source = module_template.render(module=api)
            section = format_source(self.l2_template.render(module=api).lstrip("\n"), api.module_name)
            files[f"{PACKAGE}/{service.module_name}/{L2_MODULE}.py"] = (source + "\n\n" + section).encode()
            lazy[L2_MODULE] = tuple(t.name for group in (l2.enums, l2.protocols, l2.structs, l2.constructs) for t in group)
        view = module_view(model, replace(service, resources=()), lazy=lazy)
        source = module_template.render(module=view)
        files[f"{PACKAGE}/{view.module_name}/__init__.py"] = source.encode()
        return files

    def package(self, versions: SpecVersions, rendered: Sequence[str], kept_modules: Sequence[str] = ()) -> Dict[str, bytes]:
        """What the package holds besides the service modules ``rendered`` and ``kept_modules``."""
        files: Dict[str, bytes] = {}
        modules = list(rendered)
        for name, folder in self.extras.items():  # hand-written modules of their own (cfnpy.aws_lambda_destinations)
            if name not in rendered and (folder / "__init__.py").exists():
                files.update(_copied(folder, f"{PACKAGE}/{name}"))
                modules.append(name)
        package = self.package_template.render(versions=versions, modules=sorted(set(modules) | set(kept_modules)))
        files[f"{PACKAGE}/__init__.py"] = format_source(package, PACKAGE).encode()
        files[f"{PACKAGE}/py.typed"] = b""
        files["pyproject.toml"] = self.pyproject_template.render(
            version=__version__, spec_version=versions.resource_specification
        ).encode()
        files.update(_copied(self.runtime / "core", f"{PACKAGE}/core"))
        return files


def render_package(
    model: Model, templates: Path, specs: Path, runtime: Path = RUNTIME, kept_modules: Sequence[str] = ()
) -> Dict[str, bytes]:
    """Every file of the package; ``kept_modules`` are service modules not rendered
    (their files are kept from the previous output) that the package still lists."""
    renderer = Renderer(templates, specs, runtime)
    files: Dict[str, bytes] = {}
    for service in model.services:
        files.update(renderer.service(model, service))
    files.update(renderer.package(model.versions, [s.module_name for s in model.services], kept_modules))
    return dict(sorted(files.items()))
