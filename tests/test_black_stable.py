"""The generated L1 code is laid out as black lays it out, without running black on it.

(codegen.render.layout emulates black for the few statement shapes the L1
templates use; this runs black over a varied sample and expects no change.)"""

from __future__ import annotations

import difflib
from pathlib import Path

from codegen.cli import main
from codegen.render.render import format_source
from goldens import copied, recorded_files

# Services with the hardest shapes: long enums and patterns, deep and recursive
# property types, maps, unions, attributes, deprecated and renamed properties.
SAMPLE = ["AWS::Lambda::*", "AWS::S3::*", "AWS::WAFv2::*", "AWS::ECS::*", "AWS::Cognito::*"]


def test_black_leaves_generated_modules_unchanged(tmp_path: Path) -> None:
    args = ["generate", "--out", str(tmp_path)]
    for pattern in SAMPLE:
        args += ["--type", pattern]
    assert main(args) == 0
    problems = []
    for path, data in recorded_files(tmp_path).items():
        if not path.endswith(".py") or copied(path):
            continue
        source = data.decode()
        formatted = format_source(source, path)
        if formatted != source:
            diff = difflib.unified_diff(source.splitlines(True), formatted.splitlines(True), path, "black", n=1)
            problems.append("".join(list(diff)[:40]))
    assert not problems, "black would change the generated code:\n" + "\n".join(problems)
