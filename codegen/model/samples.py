"""Sample values that satisfy a type's constraints.

Used for the examples in docstrings and by the conformance tests, which build
every generated class from them. Strings are a readable placeholder (the
property's name) when it fits the constraints, else derived from the pattern.
"""

from __future__ import annotations

import re
from typing import Any, Callable, List, Optional

import regex

try:  # Python 3.11+ moved the regex parser; the old names warn.
    from re import _constants as sre_constants  # type: ignore[attr-defined,unused-ignore]
    from re import _parser as sre_parse  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef,unused-ignore]
    import sre_parse  # type: ignore[no-redef,unused-ignore]

from codegen.model.types import BOOLEAN, DOUBLE, INTEGER, JSON, LONG, NUMBER, STRING, TIMESTAMP, Constraints, TypeRef


def _fits(text: str, c: Constraints) -> bool:
    if c.min_length is not None and len(text) < c.min_length:
        return False
    if c.max_length is not None and len(text) > c.max_length:
        return False
    if c.pattern is not None and regex.search(c.pattern, text) is None:
        return False
    return True


def sample_string(name: str, c: Constraints) -> str:
    if c.enum:
        return str(c.enum[0])
    placeholder = name[:1].lower() + name[1:]
    if _fits(placeholder, c):
        return placeholder
    if c.pattern is not None:
        generated = _from_pattern(c.pattern)
        if generated is not None:
            text = _pad(generated, c)
            if _fits(text, c):
                return text
    return _pad(placeholder, c)


def _pad(text: str, c: Constraints) -> str:
    if c.min_length is not None and len(text) < c.min_length:
        text = text + "a" * (c.min_length - len(text))
    if c.max_length is not None and len(text) > c.max_length:
        text = text[: c.max_length]
    return text


def _from_pattern(pattern: str) -> Optional[str]:
    """A short string matching ``pattern``, for the patterns Python's parser reads."""
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, RecursionError, OverflowError):
        return None
    try:
        return _emit(list(parsed), 0)
    except _Unsupported:
        return None


class _Unsupported(Exception):
    pass


_CATEGORY_SAMPLES = {
    sre_constants.CATEGORY_DIGIT: "0",
    sre_constants.CATEGORY_WORD: "a",
    sre_constants.CATEGORY_SPACE: " ",
    sre_constants.CATEGORY_NOT_DIGIT: "a",
    sre_constants.CATEGORY_NOT_WORD: "-",
    sre_constants.CATEGORY_NOT_SPACE: "a",
}


def _emit(items: List[Any], depth: int) -> str:
    if depth > 50:
        raise _Unsupported()
    out = []
    for op, arg in items:
        out.append(_emit_one(op, arg, depth))
    return "".join(out)


def _emit_one(op: Any, arg: Any, depth: int) -> str:
    if op is sre_constants.LITERAL:
        return chr(arg)
    if op is sre_constants.NOT_LITERAL:
        return "a" if chr(arg) != "a" else "b"
    if op is sre_constants.ANY:
        return "a"
    if op is sre_constants.AT:
        return ""
    if op is sre_constants.IN:
        return _emit_class(arg)
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        low, _high, sub = arg
        return _emit(list(sub), depth + 1) * int(low)
    if op is sre_constants.SUBPATTERN:
        return _emit(list(arg[-1]), depth + 1)
    if op is sre_constants.BRANCH:
        options = [_emit(list(b), depth + 1) for b in arg[1]]
        non_empty = [o for o in options if o]
        return non_empty[0] if non_empty else options[0]
    if op is sre_constants.CATEGORY:
        return _CATEGORY_SAMPLES.get(arg, "a")
    raise _Unsupported()


def _emit_class(items: List[Any]) -> str:
    negated = any(op is sre_constants.NEGATE for op, _ in items)
    if negated:
        excluded = set()
        for op, arg in items:
            if op is sre_constants.LITERAL:
                excluded.add(chr(arg))
        for candidate in "aA0-_":
            if candidate not in excluded:
                return candidate
        raise _Unsupported()
    for op, arg in items:
        if op is sre_constants.LITERAL:
            return chr(arg)
        if op is sre_constants.RANGE:
            return chr(arg[0])
        if op is sre_constants.CATEGORY:
            return _CATEGORY_SAMPLES.get(arg, "a")
    raise _Unsupported()


def sample_number(c: Constraints, integral: bool) -> Any:
    if c.enum:
        return c.enum[0]
    low = c.minimum if c.minimum is not None else None
    if c.exclusive_minimum is not None:
        low = c.exclusive_minimum + (1 if integral else 0.5)
    high = c.maximum if c.maximum is not None else None
    if c.exclusive_maximum is not None:
        high = c.exclusive_maximum - (1 if integral else 0.5)
    value: Any = 123
    if low is not None and value < low:
        value = low
    if high is not None and value > high:
        value = high if low is None else low
    if integral:
        return int(value)
    return float(value) if not float(value).is_integer() else int(value)


def sample_value(
    type_ref: TypeRef,
    name: str,
    struct: Callable[[str], Any],
) -> Any:
    """A value of ``type_ref``; ``struct(name)`` makes the value of a property type."""
    c = type_ref.constraints
    if type_ref.kind == "primitive":
        kind = type_ref.primitive
        if kind in (STRING,):
            return sample_string(name, c)
        if kind == TIMESTAMP:
            return "2024-01-01T00:00:00Z"
        if kind in (INTEGER, LONG):
            return sample_number(c, integral=True)
        if kind in (DOUBLE, NUMBER):
            return sample_number(c, integral=False)
        if kind == BOOLEAN:
            return bool(c.enum[0]) if c.enum else False
        if kind == JSON:
            return {"key": "value"}
    if type_ref.kind == "struct":
        return struct(type_ref.struct)
    if type_ref.kind == "list":
        assert type_ref.item is not None
        count = max(1, c.min_items or 0)
        return [sample_value(type_ref.item, name, struct) for _ in range(count)]
    if type_ref.kind == "map":
        assert type_ref.item is not None
        return {"key": sample_value(type_ref.item, name, struct)}
    if type_ref.kind == "union":
        return sample_value(type_ref.options[0], name, struct)
    raise ValueError(f"no sample for {type_ref}")


__all__ = ["sample_string", "sample_value", "sample_number"]
