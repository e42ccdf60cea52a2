"""Shared test setup: the repository root and the generated package on sys.path."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "generated"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))
