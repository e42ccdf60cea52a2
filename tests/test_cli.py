"""The command line: generation, bad input reported as file + JSON pointer, exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict

import pytest

from codegen.cli import main
from specs_fixture import TYPE, make_specs, real_resource_spec

ROOT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> Dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_generate_writes_the_package(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["generate", "--type", TYPE, "--out", str(out)]) == 0
    assert (out / "cfnpy" / "aws_lambda" / "__init__.py").is_file()
    assert (out / "cfnpy" / "py.typed").is_file()
    assert (out / "cfnpy" / "core" / "__init__.py").is_file()
    assert "1 resource types, 3 property types, 1 services" in capsys.readouterr().out


def test_unknown_type_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--type", "AWS::Nope::Nothing", "--out", str(tmp_path / "out")]) == 2
    assert "AWS::Nope::Nothing" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def _break_maximum(schema: Dict[str, Any]) -> None:
    schema["properties"]["MaximumRetryAttempts"]["maximum"] = "two"


def _min_over_max(schema: Dict[str, Any]) -> None:
    schema["properties"]["MaximumRetryAttempts"]["minimum"] = 5


def _bad_pattern(schema: Dict[str, Any]) -> None:
    schema["definitions"]["OnFailure"]["properties"]["Destination"]["pattern"] = "arn:(unclosed"


def _dangling_ref(schema: Dict[str, Any]) -> None:
    schema["properties"]["DestinationConfig"]["$ref"] = "#/definitions/Nowhere"


def _colliding_names(schema: Dict[str, Any]) -> None:
    schema["properties"]["Function_Name"] = {"type": "string"}


def _bad_name(schema: Dict[str, Any]) -> None:
    schema["properties"]["__import__('os')"] = {"type": "string"}


@pytest.mark.parametrize(
    "edit, pointer, words",
    [
        (_break_maximum, "/properties/MaximumRetryAttempts/maximum", "is not of type 'number'"),
        (_min_over_max, "/properties/MaximumRetryAttempts", "minimum 5 is greater than maximum 2"),
        (_bad_pattern, "/definitions/OnFailure/properties/Destination/pattern", "invalid regular expression"),
        (_dangling_ref, "/properties/DestinationConfig/$ref", "points to nothing"),
        (_bad_name, "/properties", "does not match"),
        (_colliding_names, "/properties/Function_Name", "are both 'function_name' in Python"),
    ],
)
def test_bad_schema_names_file_and_pointer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: Any, pointer: str, words: str
) -> None:
    specs = make_specs(tmp_path / "specs", edit_schema=edit)
    out = tmp_path / "out"
    assert main(["generate", "--type", TYPE, "--out", str(out)]) == 0
    before = snapshot(out)
    assert main(["generate", "--type", TYPE, "--specs", str(specs), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "CloudformationSchema.zip!aws-lambda-eventinvokeconfig.json: " in err, err
    assert f": {pointer}:" in err and words in err, err
    assert snapshot(out) == before


def test_bad_resource_spec_names_file_and_pointer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = real_resource_spec()
    spec["ResourceTypes"][TYPE]["Properties"]["Qualifier"]["UpdateType"] = "Sometimes"
    specs = make_specs(tmp_path / "specs", resource_spec=json.dumps(spec).encode())
    assert main(["generate", "--type", TYPE, "--specs", str(specs), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "CloudFormationResourceSpecification.json.gz" in err
    assert f"/ResourceTypes/{TYPE}/Properties/Qualifier/UpdateType" in err


@pytest.mark.parametrize(
    "data, words",
    [
        (b"{not json", "invalid JSON at line 1"),
        (b'{"a": 1, "a": 2}', "duplicate key 'a'"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_unreadable_schema(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, words: str) -> None:
    specs = make_specs(tmp_path / "specs", schemas={"aws-lambda-eventinvokeconfig.json": data})
    assert main(["generate", "--type", TYPE, "--specs", str(specs), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "aws-lambda-eventinvokeconfig.json" in err and words in err


def test_process_exits_2_without_traceback(tmp_path: Path) -> None:
    specs = make_specs(tmp_path / "specs", edit_schema=_break_maximum)
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--specs", str(specs), "--out", str(tmp_path / "out")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("cfn-codegen: error: ")
