"""The one way spec data becomes Python source: as a literal.

``literal(value)`` gives a Python expression that evaluates to ``value``
(str, int, float, bool, None, and tuples/lists of them); with
``docstring=True`` it gives a triple-quoted literal whose value is the text,
escaped so that nothing in the text can end the string or read as code.
Templates apply it as the ``literal`` filter; the views use the same function.
"""

from __future__ import annotations

import math

from black.strings import normalize_string_quotes
from typing import Any

# Characters escaped inside docstrings: the backslash, and anything that is not
# printable (NUL, line and paragraph separators, tabs, other control characters)
# - newline excepted. black rewrites a docstring whose first or last character
# is a quote, and strips trailing spaces and expands leading tabs: such quotes,
# trailing spaces and all tabs are written as escapes, so black leaves the
# literal alone and its value stays the text.
_KEEP = {"\n"}


def _escape_docstring_char(char: str) -> str:
    if char == "\\":
        return "\\\\"
    if char in _KEEP or (char.isprintable() and char != "\t"):
        return char
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def _escape_line_end(line: str) -> str:
    stripped = line.rstrip(" ")
    return stripped + "\\x20" * (len(line) - len(stripped))


def docstring_literal(text: str, indent: int = 0) -> str:
    """A ``\"\"\"`` literal holding ``text``; lines after the first are indented by ``indent``."""
    text = text.strip("\n")
    if all(line.isprintable() for line in text.split("\n")):  # the usual case, without a loop in Python
        body = text.replace("\\", "\\\\")
    else:
        body = "".join(_escape_docstring_char(c) for c in text)
    # A quote only matters where it could close the literal: before another quote.
    if '""' in body:
        body = "".join('\\"' if c == '"' and body[i + 1 : i + 2] == '"' else c for i, c in enumerate(body))
    if body.startswith('"'):
        body = "\\x22" + body[1:]
    if body.endswith('"'):
        body = body[:-1] + "\\x22"
    pad = " " * indent
    lines = [_escape_line_end(line) for line in body.split("\n")]
    if lines[0].startswith(" "):
        lines[0] = "\\x20" + lines[0][1:]
    body = "\n".join([lines[0]] + [(pad + line) if line.strip() else "" for line in lines[1:]])
    if "\n" in body:
        return f'"""{body}\n{pad}"""'
    return f'"""{body}"""'


def literal(value: Any, docstring: bool = False, indent: int = 0) -> str:
    if docstring:
        if not isinstance(value, str):
            raise TypeError(f"a docstring must be a str, not {type(value).__name__}")
        return docstring_literal(value, indent)
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(int(value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{value!r} has no JSON or Python literal")
        return repr(float(value))
    if isinstance(value, str):
        # ascii() gives a literal whose value is the str, non-ASCII escaped so
        # line separators cannot reach the source raw; black then picks the quotes.
        return normalize_string_quotes(ascii(str(value)))
    if isinstance(value, (tuple, list)):
        items = ", ".join(literal(v) for v in value)
        return f"({items},)" if isinstance(value, tuple) and len(value) == 1 else (
            f"({items})" if isinstance(value, tuple) else f"[{items}]"
        )
    raise TypeError(f"no literal for {type(value).__name__}")
