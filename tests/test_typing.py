"""The generated annotations let mypy --strict catch wrong values."""

from __future__ import annotations

from pathlib import Path

from mypy import api

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

WRONG = '''
from cfnpy.aws_lambda import CfnEventInvokeConfig
from cfnpy.core import App, Stack

stack = Stack(App(), "S")
CfnEventInvokeConfig(stack, "A", function_name=1, qualifier="q")
CfnEventInvokeConfig(stack, "B", qualifier="q")
c = CfnEventInvokeConfig(stack, "C", function_name="f", qualifier="q", maximum_retry_attempts="two")
c.maximum_event_age_in_seconds = "60"
CfnEventInvokeConfig.OnFailureProperty(destination=None)
CfnEventInvokeConfig(stack, "D", function_name="f", qualifier="q", unknown=1)
'''


def test_mypy_rejects_wrong_values(tmp_path: Path) -> None:
    snippet = tmp_path / "wrong.py"
    snippet.write_text(WRONG)
    out, _err, status = api.run(
        ["--strict", "--cache-dir", str(tmp_path / "cache"), str(snippet)]
    )
    assert status == 1, out
    lines = [line for line in out.splitlines() if ": error:" in line]
    flagged = {int(line.split(":")[1]) for line in lines}
    assert flagged == {6, 7, 8, 9, 10, 11}, out
