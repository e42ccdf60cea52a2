"""The examples cfn-codegen writes into L1 docstrings run as written (with ``self`` a Stack).

(The L2 docstrings carry AWS CDK's own examples, placeholders included; the
documented one is run by tests/test_examples.py.)"""

from __future__ import annotations

import inspect
import textwrap
from typing import Iterator, List, Tuple

import pytest

import cfnpy.aws_lambda
from cfnpy.core import App, Stack


def examples(module: object) -> Iterator[Tuple[str, str]]:
    pending: List[Tuple[str, object]] = [
        (name, getattr(module, name)) for name in getattr(module, "__all__") if name.startswith("Cfn")
    ]
    while pending:
        name, obj = pending.pop()
        doc = inspect.getdoc(obj) or ""
        if "Example::" in doc:
            code = textwrap.dedent(doc.split("Example::", 1)[1]).strip("\n")
            yield name, code
        for member_name, member in vars(obj).items():
            if inspect.isclass(member) and member.__qualname__.startswith(getattr(obj, "__qualname__", "")):
                pending.append((f"{name}.{member_name}", member))


CASES = sorted(examples(cfnpy.aws_lambda))


def test_there_are_examples() -> None:
    assert len(CASES) >= 4


@pytest.mark.parametrize("name, code", CASES, ids=[c[0] for c in CASES])
def test_example_runs(name: str, code: str) -> None:
    exec(compile(code, f"<example of {name}>", "exec"), {"self": Stack(App(), "Example")})
