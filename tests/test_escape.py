"""Spec strings reach generated source only as literals that evaluate back to them."""

from __future__ import annotations

import ast
import inspect

import pytest

from codegen.render.escape import literal

HOSTILE = [
    "plain",
    "'''",
    '"""',
    '""""',
    'ends with a quote"',
    "ends with a backslash\\",
    "\\",
    'mixed \'\'\' and """ and \\" too',
    "NUL \x00 byte",
    "line\u2028separator and paragraph\u2029separator",
    "{{ 7 * 7 }} and {% if true %}x{% endif %}",
    "__import__('os').system('echo pwned')",
    '"""; import os; os.system("x"); """',
    "multi\nline\n\n  indented\n",
    "\r\n windows and \t tab",
    "emoji \U0001f600 and \ufeff bom",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_string_literal_round_trips(text: str) -> None:
    source = literal(text)
    tree = ast.parse(source, mode="eval")
    assert isinstance(tree.body, ast.Constant)
    assert tree.body.value == text


@pytest.mark.parametrize("text", HOSTILE)
def test_docstring_literal_is_one_constant(text: str) -> None:
    source = literal(text, docstring=True, indent=4)
    tree = ast.parse(source, mode="eval")
    assert isinstance(tree.body, ast.Constant)
    # The value is the text, its continuation lines indented to the code (which
    # inspect.cleandoc, as help() and Sphinx use it, takes off again).
    lines = text.strip("\n").split("\n")
    expected = "\n".join([lines[0]] + [("    " + line) if line.strip() else "" for line in lines[1:]])
    if len(lines) > 1:
        expected += "\n    "
    assert tree.body.value == expected
    if "\t" not in text:
        assert inspect.cleandoc(tree.body.value) == inspect.cleandoc(text)


@pytest.mark.parametrize("value", [None, True, False, 0, -5, 2**70, 1.5, 1e-300, ("a", 1), ["x", "y"], ("only",)])
def test_other_literals(value: object) -> None:
    assert ast.literal_eval(literal(value)) == value


@pytest.mark.parametrize("value", [float("nan"), float("inf"), object(), b"bytes", {"a": 1}])
def test_no_literal_for_the_rest(value: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        literal(value)
