"""Make ``cfnpy.core`` importable for the runtime tests.

When ``cfnpy.core`` can be imported (the generated package is on the path),
the tests run against it. Otherwise -- or when ``CFNPY_CORE_FROM_SOURCE=1``
is set and ``cfnpy`` has not been imported yet -- a scratch ``cfnpy`` package
whose ``core`` is the hand-written ``runtime/core`` is laid out in a temporary
directory and put first on ``sys.path``.

To test the sources in ``runtime/core`` directly::

    python -m pytest tests/runtime --confcutdir=tests/runtime
"""

from __future__ import annotations

import atexit
import importlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "runtime" / "core"


def _use_source() -> None:
    root = Path(tempfile.mkdtemp(prefix="cfnpy-runtime-tests-"))
    atexit.register(shutil.rmtree, root, True)
    package = root / "cfnpy"
    package.mkdir()
    (package / "__init__.py").write_text('"""Scratch cfnpy package for the runtime tests."""\n')
    try:
        (package / "core").symlink_to(SOURCE, target_is_directory=True)
    except OSError:
        shutil.copytree(SOURCE, package / "core")
    sys.path.insert(0, str(root))
    for name in list(sys.modules):
        if name == "cfnpy" or name.startswith("cfnpy."):
            del sys.modules[name]
    importlib.invalidate_caches()


if os.environ.get("CFNPY_CORE_FROM_SOURCE") == "1" and "cfnpy" not in sys.modules:
    _use_source()
else:
    try:
        import cfnpy.core  # noqa: F401
    except ImportError:
        _use_source()
