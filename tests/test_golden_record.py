"""Golden record: regenerating gives exactly the committed output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from codegen.config import load_settings
from codegen.pipeline import build
from codegen.render.render import render_package
from goldens import ROOT, diff, golden_files, recorded_files


def test_golden_record_is_current() -> None:
    problems = diff(recorded_files(), golden_files(), "tests/golden/record")
    assert not problems, "generated code differs from the golden record (make golden):\n" + problems


def test_generated_package_is_current() -> None:
    settings = load_settings(ROOT)
    fresh = render_package(build(settings.specs, settings.types), settings.templates, settings.specs)
    problems = diff(recorded_files(settings.out), fresh, "generated")
    assert not problems, "generated/ is stale (make generate):\n" + problems


def test_same_bytes_for_any_hash_seed(tmp_path: Path) -> None:
    outputs = []
    for seed in ("0", "1", "12345"):
        out = tmp_path / f"out{seed}"
        subprocess.run(
            [sys.executable, "-m", "codegen", "generate", "--out", str(out)],
            cwd=ROOT,
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
        )
        outputs.append(recorded_files(out))
    assert outputs[0] == outputs[1] == outputs[2]
