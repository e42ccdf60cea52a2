"""The examples run and print CloudFormation templates."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import cfnlint.api

ROOT = Path(__file__).resolve().parent.parent
AGE_OR_RETRY = "`retryAttempts` must be between 0 and 2."


def run(script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "examples" / script)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "generated")},
        timeout=60,
    )


def test_documented_example_runs() -> None:
    result = run("event_invoke_config.py")
    assert result.returncode == 0, result.stderr
    template = json.loads(result.stdout)
    (resource,) = template["Resources"].values()
    assert resource["Type"] == "AWS::Lambda::EventInvokeConfig"
    assert resource["Properties"]["MaximumEventAgeInSeconds"] == 1800
    assert set(resource["Properties"]["DestinationConfig"]) == {"OnFailure", "OnSuccess"}
    assert AGE_OR_RETRY in result.stderr
    assert not cfnlint.api.lint(result.stdout, regions=["us-east-1"])


def test_l1_demo_runs() -> None:
    result = run("cfn_event_invoke_config.py")
    assert result.returncode == 0, result.stderr
    assert '"AWS::Lambda::EventInvokeConfig"' in result.stdout
    assert "maximum_event_age_in_seconds: 59 is less than the minimum of 60" in result.stdout
