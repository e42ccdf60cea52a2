"""Sample values that satisfy a type's constraints.

Used for the examples in docstrings and by the conformance tests, which build
every generated class from them. Strings are a readable placeholder (the
property's name) when it fits the constraints, else derived from the pattern.
"""

from __future__ import annotations

import math
import re
from typing import Any, Callable, Dict, FrozenSet, Iterable, List, Optional, Sequence, Set

import regex

try:  # Python 3.11+ moved the regex parser; the old names warn.
    from re import _constants as sre_constants  # type: ignore[attr-defined,unused-ignore]
    from re import _parser as sre_parse  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef,unused-ignore]
    import sre_parse  # type: ignore[no-redef,unused-ignore]

from codegen.model.patterns import compiled
from codegen.model.types import (
    BOOLEAN,
    DOUBLE,
    INTEGER,
    JSON,
    LONG,
    NUMBER,
    STRING,
    TIMESTAMP,
    Choice,
    Constraints,
    Property,
    TypeRef,
)


def _fits(text: str, c: Constraints) -> bool:
    if c.min_length is not None and len(text) < c.min_length:
        return False
    if c.max_length is not None and len(text) > c.max_length:
        return False
    return c.pattern is None or _matches(c.pattern, text)


def _matches(pattern: str, text: str) -> bool:
    # A pattern that backtracks without end must not hang the generator: no match.
    try:
        return compiled(pattern).search(text, timeout=0.5) is not None
    except TimeoutError:
        return False


def sample_string(name: str, c: Constraints) -> str:
    if c.enum:
        return str(c.enum[0])
    placeholder = name[:1].lower() + name[1:]
    if _fits(placeholder, c):
        return placeholder
    if c.pattern is not None:
        for generated in _from_pattern(c.pattern):
            text = _pad(generated, c)
            if _fits(text, c):
                return text
    return _pad(placeholder, c)


def _pad(text: str, c: Constraints) -> str:
    if c.min_length is not None and len(text) < c.min_length:
        # Repeat the last character: the pattern most likely allows more of it.
        text = text + (text[-1:] or "a") * (c.min_length - len(text))
    if c.max_length is not None and len(text) > c.max_length:
        text = text[: c.max_length]
    return text


# Java's character classes, in terms Python's regex parser reads (for sampling only).
_JAVA_CLASSES = {
    "L": "a-zA-Z", "Lu": "A-Z", "Ll": "a-z", "Alpha": "a-zA-Z", "IsAlphabetic": "a-zA-Z",
    "N": "0-9", "Nd": "0-9", "Digit": "0-9", "Alnum": "a-zA-Z0-9", "Z": " ", "Zs": " ", "Space": " ",
    "Print": " -~", "Graph": "!-~", "Punct": "!-/", "S": "+", "M": "a", "P": "!-/", "Cc": "\\x00-\\x1f",
    "C": "\\x00-\\x1f", "ASCII": "\\x00-\\x7f", "XDigit": "0-9a-f",
}
_JAVA_CLASS = re.compile(r"\\p\{(\w+)\}")
# ``[\w-/]``: Java reads the dash after a class escape as a character, Python's parser refuses it.
_DASH_AFTER_CLASS = re.compile(r"(\\[wdsWDS])-")
_INLINE_FLAGS = re.compile(r"(?<!^)\(\?[imsx]+\)")


def _pythonish(pattern: str) -> str:
    """AWS's Java-style pattern approximated for Python's parser, to draw samples from."""
    def klass(match: "re.Match[str]") -> str:
        chars = _JAVA_CLASSES.get(match.group(1), "a-zA-Z")
        inside = pattern[: match.start()].count("[") > pattern[: match.start()].count("]")
        return chars if inside else f"[{chars}]"

    return _DASH_AFTER_CLASS.sub(r"\1\\-", _INLINE_FLAGS.sub("", _JAVA_CLASS.sub(klass, pattern)).replace("&&", ""))


def _from_pattern(pattern: str) -> List[str]:
    """Short strings built from ``pattern`` (several choices of characters and counts),
    those that match it first."""
    try:
        parsed = list(sre_parse.parse(_pythonish(pattern)))
    except (re.error, RecursionError, OverflowError, ValueError):
        return []
    found = []
    for pick, at_least_one in ((0, False), (0, True), (1, True), (-1, True), (-1, False)):
        try:
            text = _Emitter(pick, at_least_one).emit(parsed, 0)
        except (_Unsupported, RecursionError):
            continue
        if text not in found:
            found.append(text)
    return sorted(found, key=lambda t: not _matches(pattern, t))


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


class _Emitter:
    """Walks a parsed pattern, choosing the ``pick``-th character of classes and
    ranges, and the least repetitions (at least one with ``at_least_one``)."""

    def __init__(self, pick: int, at_least_one: bool) -> None:
        self.pick = pick
        self.at_least_one = at_least_one

    def emit(self, items: List[Any], depth: int) -> str:
        if depth > 50:
            raise _Unsupported()
        out: List[str] = []
        for op, arg in items:
            if op is sre_constants.ASSERT and arg[0] == 1:
                # A lookahead that states the whole form (``(?=^[a-z-]+$).{3,64}``):
                # its content is the sample; what follows only bounds the length.
                return "".join(out) + self.emit(list(arg[1]), depth + 1)
            out.append(self.one(op, arg, depth))
        return "".join(out)

    def one(self, op: Any, arg: Any, depth: int) -> str:
        if op is sre_constants.LITERAL:
            return chr(arg)
        if op is sre_constants.NOT_LITERAL:
            return "a" if chr(arg) != "a" else "b"
        if op is sre_constants.ANY:
            return "a"
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            return ""
        if op is sre_constants.IN:
            return self.klass(arg)
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, sub = arg
            count = max(int(low), 1) if self.at_least_one and high != 0 else int(low)
            return self.emit(list(sub), depth + 1) * count
        if op is sre_constants.SUBPATTERN:
            return self.emit(list(arg[-1]), depth + 1)
        if op is sre_constants.BRANCH:
            options = [self.emit(list(b), depth + 1) for b in arg[1]]
            non_empty = [o for o in options if o]
            return non_empty[self.pick % len(non_empty)] if non_empty else options[0]
        if op is sre_constants.CATEGORY:
            return _CATEGORY_SAMPLES.get(arg, "a")
        raise _Unsupported()

    def klass(self, items: List[Any]) -> str:
        if any(op is sre_constants.NEGATE for op, _ in items):
            excluded = set()
            for op, arg in items:
                if op is sre_constants.LITERAL:
                    excluded.add(chr(arg))
                elif op is sre_constants.RANGE:
                    excluded.update(chr(c) for c in range(arg[0], min(arg[1], 0x2FF) + 1))
            for candidate in "aA0-_b":
                if candidate not in excluded:
                    return candidate
            raise _Unsupported()
        choices: List[str] = []
        for op, arg in items:
            if op is sre_constants.LITERAL:
                choices.append(chr(arg))
            elif op is sre_constants.RANGE:
                choices.extend([chr(arg[0]), chr(arg[1])] if arg[0] != arg[1] else [chr(arg[0])])
            elif op is sre_constants.CATEGORY:
                choices.append(_CATEGORY_SAMPLES.get(arg, "a"))
        if not choices:
            raise _Unsupported()
        return choices[self.pick] if -len(choices) <= self.pick < len(choices) else choices[0]


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
    if c.multiple_of:
        value = math.ceil(value / c.multiple_of) * c.multiple_of
        if high is not None and value > high:
            value -= c.multiple_of
    if integral:
        return int(value)
    return float(value) if not float(value).is_integer() else int(value)


def _distinct(value: Any, index: int) -> Any:
    """``value`` made different for the ``index``-th item of a unique list: its first
    string (inside structures too) gets the index appended."""
    if index == 0 or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return f"{value}{index}"
    if isinstance(value, int):
        return value + index
    if isinstance(value, dict):
        for key, inner in value.items():
            changed = _distinct(inner, index)
            if changed is not inner and changed != inner:
                return {**value, key: changed}
    return value


def _first_options(choices: Sequence[Choice], wanted: Iterable[str]) -> Set[str]:
    return set(wanted).union(*(choice.options[0] for choice in choices))


def sample_properties(
    properties: Sequence[Property],
    choices: Sequence[Choice],
    *,
    optional: bool,
    variant: int = 0,
    wanted: Iterable[str] = (),
) -> List[Property]:
    """The properties a sample sets: the required ones, those ``wanted`` and those of
    each rule's first option (with ``optional``, every other one too), leaving out
    those that would meet a second option of an exactly-one rule. A ``variant`` above
    0 (an item of a list whose items must differ) also sets one more property, a
    different one each."""
    wanted = {p.cfn_name for p in properties if p.required} | {
        name for name in _first_options(choices, wanted) if "." not in name
    }
    left_out = set()
    for choice in choices:
        if choice.exactly_one:
            left_out |= {name for option in choice.options[1:] for name in option} - set(choice.options[0])
    left_out -= wanted
    allowed = [p for p in properties if p.cfn_name not in left_out]
    chosen = [p for p in allowed if optional or p.cfn_name in wanted]
    extra = [p for p in allowed if p not in chosen]
    if variant and extra:
        chosen.append(extra[(variant - 1) % len(extra)])
    return chosen


def sample_inner(choices: Sequence[Choice], wanted: Iterable[str] = ()) -> Dict[str, FrozenSet[str]]:
    """What the sample of each structure property must set inside it (by CloudFormation
    name), for the dotted names of the chosen options and of ``wanted``."""
    inner: Dict[str, Set[str]] = {}
    for path in sorted(_first_options(choices, wanted)):
        head, _, rest = path.partition(".")
        if rest:
            inner.setdefault(head, set()).add(rest)
    return {head: frozenset(names) for head, names in inner.items()}


def sample_value(
    type_ref: TypeRef,
    name: str,
    struct: Callable[[str, int, FrozenSet[str]], Any],
    variant: int = 0,
    wanted: FrozenSet[str] = frozenset(),
) -> Any:
    """A value of ``type_ref``; ``struct(name, variant, wanted)`` makes the value of a
    property type (``variant`` and ``wanted`` as in ``sample_properties``)."""
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
            return {} if c.max_keys == 0 else {"key": "value"}
    if type_ref.kind == "struct":
        return struct(type_ref.struct, variant, wanted)
    if type_ref.kind == "list":
        assert type_ref.item is not None
        count = max(1, c.min_items or 0)
        unique = bool(c.unique_items and count > 1)
        items = [sample_value(type_ref.item, name, struct, index if unique else 0, wanted) for index in range(count)]
        if unique:
            items = [_distinct(item, index) for index, item in enumerate(items)]
        return items
    if type_ref.kind == "map":
        assert type_ref.item is not None
        key_constraints = Constraints(pattern=c.key_pattern)
        keys = [sample_string(f"key{index}" if index else "key", key_constraints) for index in range(max(1, c.min_keys or 0))]
        return {key: sample_value(type_ref.item, name, struct, 0, wanted) for key in keys}
    if type_ref.kind == "union":
        return sample_value(type_ref.options[0], name, struct, variant, wanted)
    raise ValueError(f"no sample for {type_ref}")


__all__ = ["sample_inner", "sample_number", "sample_properties", "sample_string", "sample_value"]
