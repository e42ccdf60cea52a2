"""Packaging rules of cfnpy.core: public API, relative imports, light import."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import cfnpy
import cfnpy.core

CORE = Path(cfnpy.core.__file__).parent
OWN_MODULES = sorted(p for p in CORE.glob("*.py") if p.name != "_props.py")


def test_public_api_is_exported() -> None:
    for name in cfnpy.core.__all__:
        assert hasattr(cfnpy.core, name), name
    for name in ("App", "Stack", "Construct", "Node", "CfnResource", "CfnParameter", "CfnOutput", "Duration", "Fn", "Aws",
                 "Token", "IResolvable", "CfnRenderable", "RemovalPolicy", "Resource", "IResource", "Lazy", "Reference"):
        assert name in cfnpy.core.__all__


def test_only_relative_imports_inside_the_package() -> None:
    for path in OWN_MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                assert not (node.module or "").startswith("cfnpy"), f"{path.name}: from {node.module}"
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("cfnpy") for a in node.names), path.name


def test_import_loads_no_heavy_module() -> None:
    root = Path(cfnpy.__file__).parent.parent
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); before = set(sys.modules); import cfnpy.core; "
        "print(' '.join(sorted(set(sys.modules) - before)))"
    )
    out = subprocess.run([sys.executable, "-S", "-c", code, str(root)], check=True, capture_output=True, text=True)
    loaded = set(out.stdout.split())
    assert not loaded & {"hashlib", "json", "tempfile", "inspect", "dataclasses", "shutil", "random"}, loaded
