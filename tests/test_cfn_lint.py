"""Templates synthesized by the template programs pass cfn-lint (AWS's own linter)."""

from __future__ import annotations

import json
from pathlib import Path

import cfnlint.api
import pytest

from goldens import PROGRAMS, run_program

PROGRAM_FILES = sorted(PROGRAMS.glob("*.py"))


@pytest.mark.parametrize("program", PROGRAM_FILES, ids=[p.stem for p in PROGRAM_FILES])
def test_template_passes_cfn_lint(program: Path) -> None:
    template = run_program(program)
    matches = cfnlint.api.lint(json.dumps(template), regions=["us-east-1"])
    assert not matches, "\n".join(str(m) for m in matches)


def test_cfn_lint_does_find_problems() -> None:
    broken = {"Resources": {"C": {"Type": "AWS::Lambda::EventInvokeConfig", "Properties": {"Qualifier": "q"}}}}
    assert cfnlint.api.lint(json.dumps(broken), regions=["us-east-1"])
