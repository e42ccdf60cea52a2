"""The one place that turns the model into files: jinja2 templates, then black.

``render_package`` returns every file of the generated package as a mapping of
relative path to bytes; writing them is ``codegen.write``'s job.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Dict, Mapping

import black
import jinja2

from codegen.model.types import Model
from codegen.render.escape import literal
from codegen.render.views import module_view

PACKAGE = "cfnpy"
RUNTIME_DIR = Path(__file__).resolve().parent.parent.parent / "runtime" / "core"
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
    return env


def format_source(source: str, name: str) -> str:
    try:
        return black.format_str(source, mode=_BLACK_MODE)
    except black.parsing.InvalidInput as exc:  # a template bug, not a spec problem
        raise RuntimeError(f"generated {name} is not valid Python: {exc}") from None


@functools.lru_cache(maxsize=None)
def _runtime_files(runtime: Path) -> Mapping[str, bytes]:
    return {
        f"{PACKAGE}/core/{path.relative_to(runtime).as_posix()}": path.read_bytes()
        for path in sorted(runtime.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def render_package(model: Model, templates: Path, runtime: Path = RUNTIME_DIR) -> Dict[str, bytes]:
    env = environment(templates)
    files: Dict[str, bytes] = {}
    module_template = env.get_template("service_module.py.jinja")
    modules = []
    for service in model.services:
        view = module_view(model, service)
        source = format_source(module_template.render(module=view), view.module_name)
        files[f"{PACKAGE}/{view.module_name}/__init__.py"] = source.encode()
        modules.append(view.module_name)
    package = env.get_template("package_init.py.jinja").render(
        versions=model.versions, modules=modules
    )
    files[f"{PACKAGE}/__init__.py"] = format_source(package, PACKAGE).encode()
    files[f"{PACKAGE}/py.typed"] = b""
    files.update(_runtime_files(runtime))
    return dict(sorted(files.items()))
