"""The L2 binding file is validated; its mistakes are reported by file and JSON pointer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Callable, Dict

import pytest

from codegen.cli import main
from specs_fixture import REAL_SPECS, TYPE, make_specs

BINDINGS = REAL_SPECS / "l2" / "aws_lambda.bindings.json"


def specs_with_bindings(tmp_path: Path, edit: Callable[[Dict[str, Any]], None]) -> Path:
    specs = make_specs(tmp_path / "specs")
    shutil.copytree(REAL_SPECS / "l2", specs / "l2")
    data = json.loads(BINDINGS.read_text())
    edit(data)
    (specs / "l2" / "aws_lambda.bindings.json").write_text(json.dumps(data))
    return specs


CONSTRUCT = "@aws-cdk/aws-lambda.EventInvokeConfig"


def _props(data: Dict[str, Any]) -> Dict[str, Any]:
    props: Dict[str, Any] = data["constructs"][CONSTRUCT]["props"]
    return props


@pytest.mark.parametrize(
    "edit, pointer, words",
    [
        (lambda d: _props(d).update(nope={"property": "Qualifier"}), f"/constructs/{CONSTRUCT.replace('/', '~1')}/props/nope", "has no prop 'nope'"),
        (lambda d: _props(d)["qualifier"].update(property="Missing"), "/property", "has no property Missing"),
        (lambda d: _props(d)["qualifier"].update(convert="sideways"), "/convert", "is not one of"),
        (lambda d: _props(d)["qualifier"].update(range_error="{minimum}"), "/range_error", "has no minimum and maximum"),
        (lambda d: _props(d)["maxEventAge"].pop("unit"), "/maxEventAge", "'unit' is a required property"),
        (lambda d: d["types"].append("@aws-cdk/aws-lambda.Nothing"), "/types/6", "not in the jsii extracts"),
        (lambda d: d.update(module="aws_s3"), "/module", "expected 'aws_lambda'"),
    ],
)
def test_bad_bindings(tmp_path: Path, capsys: pytest.CaptureFixture[str], edit: Any, pointer: str, words: str) -> None:
    specs = specs_with_bindings(tmp_path, edit)
    assert main(["generate", "--type", TYPE, "--specs", str(specs), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "aws_lambda.bindings.json: " in err and pointer in err and words in err, err
    assert not (tmp_path / "out").exists()


def test_bounds_come_from_the_registry_schema(tmp_path: Path) -> None:
    def widen(schema: Dict[str, Any]) -> None:
        schema["properties"]["MaximumRetryAttempts"]["maximum"] = 5

    specs = make_specs(tmp_path / "specs", edit_schema=widen)
    shutil.copytree(REAL_SPECS / "l2", specs / "l2")
    out = tmp_path / "out"
    assert main(["generate", "--type", TYPE, "--specs", str(specs), "--out", str(out)]) == 0
    source = (out / "cfnpy" / "aws_lambda" / "_api.py").read_text()
    assert "`retryAttempts` must be between 0 and 5." in source
