"""The golden record: generated output for the golden set of types, committed under
``tests/golden/record``; and template goldens: programs in ``tests/programs`` with
the CloudFormation template each must synthesize.

``make golden`` (``python tests/goldens.py``) refreshes both on purpose.
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import shutil
import sys
from pathlib import Path
from typing import Any, Dict

ROOT = Path(__file__).resolve().parent.parent
RECORD = ROOT / "tests" / "golden" / "record"
PROGRAMS = ROOT / "tests" / "programs"
for _path in (ROOT, ROOT / "generated"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from codegen.config import load_settings  # noqa: E402
from codegen.pipeline import build  # noqa: E402
from codegen.paths import RUNTIME  # noqa: E402
from codegen.render.render import render_package  # noqa: E402



def copied(path: str) -> bool:
    """Hand-written runtime files are copied, not generated: their own tests cover them."""
    parts = path.split("/")
    if len(parts) > 1 and parts[1] == "core":
        return True
    return (RUNTIME / "services" / "/".join(parts[1:])).is_file()


def golden_files() -> Dict[str, bytes]:
    settings = load_settings(ROOT)
    files = render_package(build(settings.specs, settings.golden_types), settings.templates, settings.specs)
    return {path: data for path, data in files.items() if not copied(path)}


def recorded_files(folder: Path = RECORD) -> Dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def diff(expected: Dict[str, bytes], actual: Dict[str, bytes], label: str) -> str:
    """A unified diff of two file sets (empty when they are equal)."""
    out = []
    for path in sorted(set(expected) | set(actual)):
        old = expected.get(path)
        new = actual.get(path)
        if old == new:
            continue
        old_lines = old.decode(errors="replace").splitlines(keepends=True) if old is not None else []
        new_lines = new.decode(errors="replace").splitlines(keepends=True) if new is not None else []
        out.extend(difflib.unified_diff(old_lines, new_lines, f"{label}/{path}", f"regenerated/{path}"))
    return "".join(out)


def run_program(path: Path) -> Dict[str, Any]:
    """Run a template program (its ``build()`` returns a Stack) and give the template."""
    spec = importlib.util.spec_from_file_location(f"program_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    stack = module.build()
    template: Dict[str, Any] = stack.to_template()
    return template


def template_text(template: Dict[str, Any]) -> str:
    return json.dumps(template, indent=2) + "\n"


def update() -> None:
    if RECORD.exists():
        shutil.rmtree(RECORD)
    for relative, data in golden_files().items():
        target = RECORD / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    for program in sorted(PROGRAMS.glob("*.py")):
        program.with_suffix(".template.json").write_text(template_text(run_program(program)))
    print(f"refreshed {RECORD.relative_to(ROOT)} and the templates of {PROGRAMS.relative_to(ROOT)}")


if __name__ == "__main__":
    update()
