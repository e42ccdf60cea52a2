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
from codegen.model.types import Model
from codegen.render.escape import literal
from codegen.render.layout import Node, layout
from codegen.render.views import module_view

PACKAGE = "cfnpy"
# A service module larger than this is split into one module per resource.
MODULE_SIZE_LIMIT = 2_000_000
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


def render_package(
    model: Model, templates: Path, specs: Path, runtime: Path = RUNTIME, kept_modules: Sequence[str] = ()
) -> Dict[str, bytes]:
    """Every file of the package; ``kept_modules`` are service modules not rendered
    (their files are kept from the previous output) that the package still lists."""
    env = environment(templates)
    files: Dict[str, bytes] = {}
    module_template = env.get_template("service_module.py.jinja")
    l2_template = env.get_template("l2_section.py.jinja")
    extras = _hand_written_services(runtime)
    modules = []
    for service in model.services:
        hand_written: Dict[str, Tuple[str, ...]] = {}
        folder = extras.pop(service.module_name, None)
        if folder is not None:
            if (folder / "__init__.py").exists():
                raise ConfigError(f"{folder}: a generated module's hand-written files cannot include __init__.py")
            hand_written = {p.stem: hand_written_exports(p) for p in sorted(folder.glob("*.py"))}
            files.update(_copied(folder, f"{PACKAGE}/{service.module_name}"))
        l2 = build_l2(
            specs=specs, module=service.module_name, resources=service.resources, hand_written=hand_written, literal=literal
        )
        view = module_view(model, service, l2, hand_written)
        # The L1 code is laid out as black would (codegen.render.layout); the few
        # L2 classes, of freer shapes, go through black itself.
        source = module_template.render(module=view)
        if len(source) > MODULE_SIZE_LIMIT:
            # Too large for editors: one module per resource, re-exported by the package.
            split = dict(hand_written)
            for resource in service.resources:
                name = f"_cfn_{naming.snake_case(resource.resource_name)}"
                part = module_view(model, replace(service, resources=(resource,)), title=resource.type_name)
                files[f"{PACKAGE}/{service.module_name}/{name}.py"] = module_template.render(module=part).encode()
                split[name] = part.exports
            view = module_view(model, replace(service, resources=()), l2, split)
            source = module_template.render(module=view)
        if view.l2 is not None:
            section = format_source(l2_template.render(module=view).lstrip("\n"), view.module_name)
            source = source + "\n\n" + section
        files[f"{PACKAGE}/{view.module_name}/__init__.py"] = source.encode()
        modules.append(view.module_name)
    for name, folder in extras.items():  # hand-written modules of their own (cfnpy.aws_lambda_destinations)
        if (folder / "__init__.py").exists():
            files.update(_copied(folder, f"{PACKAGE}/{name}"))
            modules.append(name)
    package = env.get_template("package_init.py.jinja").render(
        versions=model.versions, modules=sorted(set(modules) | set(kept_modules))
    )
    files[f"{PACKAGE}/__init__.py"] = format_source(package, PACKAGE).encode()
    files[f"{PACKAGE}/py.typed"] = b""
    files["pyproject.toml"] = (
        env.get_template("package_pyproject.toml.jinja")
        .render(version=__version__, spec_version=model.versions.resource_specification)
        .encode()
    )
    files.update(_copied(runtime / "core", f"{PACKAGE}/core"))
    return dict(sorted(files.items()))
