"""After a spec update, generation redoes only the services whose inputs changed."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from codegen.cli import main
from goldens import recorded_files
from specs_fixture import REAL_SPECS

TYPES = ["--type", "AWS::Lambda::EventInvokeConfig", "--type", "AWS::S3::Bucket", "--type", "AWS::SQS::Queue"]


def changed_specs(target: Path) -> Path:
    """The real specs with one real type's description changed (by a patch file)."""
    shutil.copytree(REAL_SPECS, target)
    with zipfile.ZipFile(target / "CloudformationSchema.zip") as archive:
        schema = json.loads(archive.read("aws-lambda-eventinvokeconfig.json"))
    patch = {
        "target": "aws-lambda-eventinvokeconfig.json",
        "reason": "a test: AWS changed a description",
        "operations": [
            {"op": "test", "path": "/description", "value": schema["description"]},
            {"op": "replace", "path": "/description", "value": "Configures asynchronous invocation, now."},
        ],
    }
    (target / "patches" / "aws-lambda-eventinvokeconfig.json").write_text(json.dumps(patch))
    return target


def test_only_changed_services_are_regenerated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["generate", *TYPES, "--out", str(out)]) == 0
    s3 = out / "cfnpy" / "aws_s3" / "__init__.py"
    before = (s3.stat().st_ino, s3.read_bytes())
    lambda_before = (out / "cfnpy" / "aws_lambda" / "_cfn_event_invoke_config.py").read_bytes()
    capsys.readouterr()

    specs = changed_specs(tmp_path / "specs")
    assert main(["generate", *TYPES, "--specs", str(specs), "--out", str(out)]) == 0
    assert "(1 generated, 2 unchanged)" in capsys.readouterr().out
    assert (s3.stat().st_ino, s3.read_bytes()) == before  # the very same file, not rewritten
    lambda_after = (out / "cfnpy" / "aws_lambda" / "_cfn_event_invoke_config.py").read_bytes()
    assert lambda_after != lambda_before and b"Configures asynchronous invocation, now." in lambda_after

    # The result is exactly what a full generation from the new specs writes.
    full = tmp_path / "full"
    assert main(["generate", *TYPES, "--specs", str(specs), "--out", str(full), "--force"]) == 0
    assert recorded_files(out) == recorded_files(full)

    # Nothing changed since: nothing is done.
    capsys.readouterr()
    assert main(["generate", *TYPES, "--specs", str(specs), "--out", str(out)]) == 0
    assert "is up to date with its inputs" in capsys.readouterr().out


def test_a_file_edited_by_hand_is_regenerated(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["generate", *TYPES, "--out", str(out)]) == 0
    s3 = out / "cfnpy" / "aws_s3" / "__init__.py"
    original = s3.read_bytes()
    s3.write_bytes(original + b"# edited\n")
    capsys.readouterr()
    assert main(["generate", *TYPES, "--out", str(out)]) == 0
    assert "(1 generated, 2 unchanged)" in capsys.readouterr().out
    assert s3.read_bytes() == original
