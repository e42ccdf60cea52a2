"""Shared test setup: the repository root and the generated package on sys.path, and a
verdict cache of the tests' own."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
for path in (ROOT, ROOT / "generated"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))


@pytest.fixture(scope="session", autouse=True)
def _own_verdict_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The generator remembers valid inputs in ~/.cache/cfn-codegen: the tests (and the
    generators they start) use a folder of their own, so no earlier run decides what they
    validate and nothing is written to the home folder."""
    before = os.environ.get("CFN_CODEGEN_CACHE")
    os.environ["CFN_CODEGEN_CACHE"] = str(tmp_path_factory.mktemp("verdicts"))
    yield
    if before is None:
        os.environ.pop("CFN_CODEGEN_CACHE", None)
    else:
        os.environ["CFN_CODEGEN_CACHE"] = before
