"""Template goldens: each program in tests/programs synthesizes its committed template."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goldens import PROGRAMS, run_program, template_text

PROGRAM_FILES = sorted(PROGRAMS.glob("*.py"))


@pytest.mark.parametrize("program", PROGRAM_FILES, ids=[p.stem for p in PROGRAM_FILES])
def test_program_template(program: Path) -> None:
    expected = program.with_suffix(".template.json").read_text()
    actual = template_text(run_program(program))
    assert json.loads(actual) == json.loads(expected)
    assert actual == expected
