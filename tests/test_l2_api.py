"""The generated L2 EventInvokeConfig has exactly the documented AWS CDK API."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from api_render import render_api
from cfnpy.aws_lambda import EventInvokeConfig

GOLDEN = Path(__file__).resolve().parent / "golden" / "EventInvokeConfig.api.txt"


def test_api_matches_the_documented_api() -> None:
    rendered = render_api(EventInvokeConfig, module_label="aws_cdk.aws_lambda")
    # The one documented difference: examples import cfnpy where AWS CDK's import aws_cdk.
    rendered = re.sub(r"^(\s*)import cfnpy\.", r"\1import aws_cdk.", rendered, flags=re.MULTILINE)
    expected = GOLDEN.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True), rendered.splitlines(keepends=True), "documented", "generated"
        )
    )
    assert rendered == expected, "the generated API differs from the documented one:\n" + diff
