"""Golden record: regenerating gives exactly the committed output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from codegen.config import load_settings
from codegen.paths import RUNTIME
from codegen.write.manifest import inputs_digest, is_current
from goldens import ROOT, diff, golden_files, recorded_files


def test_golden_record_is_current() -> None:
    problems = diff(recorded_files(), golden_files(), "tests/golden/record")
    assert not problems, "generated code differs from the golden record (make golden):\n" + problems


def test_generated_package_is_current() -> None:
    """generated/ (not committed) was made by make generate from the current inputs."""
    settings = load_settings(ROOT)
    digest = inputs_digest(settings.specs, settings.templates, RUNTIME, settings.types)
    assert is_current(settings.out, digest), "generated/ is stale or edited by hand: run make generate"


def test_same_bytes_for_any_hash_seed(tmp_path: Path) -> None:
    types = [arg for pattern in load_settings(ROOT).golden_types for arg in ("--type", pattern)]
    outputs = []
    for seed in ("0", "1", "12345"):
        out = tmp_path / f"out{seed}"
        subprocess.run(
            [sys.executable, "-m", "codegen", "generate", "--out", str(out), *types],
            cwd=ROOT,
            check=True,
            capture_output=True,
            env={**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)},
        )
        outputs.append(recorded_files(out))
    assert outputs[0] == outputs[1] == outputs[2]
