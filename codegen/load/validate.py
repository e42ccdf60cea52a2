"""Structural validation of the inputs with jsonschema, before anything reads them.

Each input format has a schema in ``schemas/`` that states what the loaders rely
on. A document that breaks it is reported as one line: file, JSON pointer of the
deepest relevant error, and the reason.

Before the schema, every document is held to size limits no real input comes near
(nesting depth, string length, members of one object or array), to finite numbers
and to Unicode text (no lone surrogates): a document beyond them is refused at the
pointer of the first offending value, instead of taking the generator's time, memory
or stack. After the schema, ``codegen.load.checks`` checks what a JSON schema cannot
say (references resolve, bounds are consistent, names stay distinct in Python).
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, FrozenSet, Iterator, List

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from codegen.errors import PathPart, SpecError, json_pointer
from codegen.load import checks

SCHEMA_DIR = Path(__file__).with_name("schemas")


# -- limits ------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """What any input document may hold. The real inputs stay far below: nesting 12,
    strings of 7,658 characters, 730 members in one object (``definitions`` of
    aws-quicksight-dashboard) and 865 items in one array."""

    depth: int = 64
    string: int = 100_000
    members: int = 2_000
    # Containers with no member limit: they grow with AWS's catalogue, not with one type.
    unbounded: FrozenSet[str] = frozenset()


DEFAULT_LIMITS = Limits()
LIMITS: Dict[str, Limits] = {
    "resource-specification": Limits(unbounded=frozenset({"/ResourceTypes", "/PropertyTypes"})),
}


def _is_finite(value: float) -> bool:
    try:
        return math.isfinite(value)
    except OverflowError:  # an int beyond the range of a float
        return False


def _check_text(text: str, file: str, path: List[PathPart]) -> None:
    """JSON can escape half a surrogate pair (``"\\ud800"``): that is no Unicode text, and
    Python cannot even make it a class docstring. Refused, with where it is."""
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise SpecError.at(
            file, path, f"\\u{ord(text[exc.start]):04x} at character {exc.start} is half a surrogate pair, not Unicode text"
        ) from None


def check_limits(document: Any, file: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Raise SpecError at the first value (in document order) beyond ``limits``.

    Iterative, so that a document nested deeper than Python's stack is reported, not crashed on."""
    stack: List[tuple[Any, List[PathPart]]] = [(document, [])]
    while stack:
        node, path = stack.pop()
        if len(path) > limits.depth:
            raise SpecError.at(file, path, f"nested more than {limits.depth} levels deep")
        if isinstance(node, str):
            if len(node) > limits.string:
                raise SpecError.at(file, path, f"a string of {len(node)} characters is over the limit of {limits.string}")
            _check_text(node, file, path)
        elif isinstance(node, bool) or node is None:
            pass
        elif isinstance(node, (int, float)):
            if not _is_finite(node):
                shown = f"{str(node)[:20]}... ({len(str(node))} digits)" if isinstance(node, int) else repr(node)
                raise SpecError.at(file, path, f"the number {shown} is not finite in double precision")
        elif isinstance(node, (dict, list)):
            if len(node) > limits.members and json_pointer(path) not in limits.unbounded:
                what = "members" if isinstance(node, dict) else "items"
                raise SpecError.at(file, path, f"{len(node)} {what} are over the limit of {limits.members}")
            if isinstance(node, dict):
                for key in node:
                    if len(key) > limits.string:
                        raise SpecError.at(
                            file, path + [key[:100]], f"a name of {len(key)} characters is over the limit of {limits.string}"
                        )
                    _check_text(key, file, path + [key])
                children = [(value, path + [key]) for key, value in node.items()]
            else:
                children = [(value, path + [index]) for index, value in enumerate(node)]
            stack.extend(reversed(children))


# -- the JSON schemas --------------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def _anchored(pattern: str) -> "re.Pattern[str]":
    # In Python a final "$" also matches before a final newline: the schemas mean the end.
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1] + r"\Z"
    return re.compile(pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not _anchored(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _local_refs(node: Any, root: bool = True) -> bool:
    """Every ``$ref`` in the schema points into the schema itself, and no subschema has
    an ``$id`` of its own: then what a ``$ref`` names is the same wherever it is met.
    (A ``$ref`` or ``$id`` whose value is an object is a property of that name.)"""
    if isinstance(node, dict):
        ref, own_id = node.get("$ref"), node.get("$id")
        if isinstance(ref, str) and not ref.startswith("#"):
            return False
        if isinstance(own_id, str) and not root:
            return False
        return all(_local_refs(value, False) for value in node.values())
    if isinstance(node, list):
        return all(_local_refs(value, False) for value in node)
    return True


def _resolved_once() -> Any:
    """A ``$ref`` keyword that resolves each reference once, not at every use (jsonschema
    looks a reference up again each time it meets it: most of its time on the inputs).
    The subschema validated, and the errors and their paths, are jsonschema's own."""
    resolved: Dict[str, Any] = {}

    def ref(validator: Any, ref: str, instance: Any, schema: Any) -> Iterator[ValidationError]:
        found = resolved.get(ref)
        if found is None:
            lookup = validator._resolver.lookup(ref)
            found = resolved[ref] = (lookup.contents, lookup.resolver)
        yield from validator.descend(instance, found[0], resolver=found[1])

    return ref


@functools.lru_cache(maxsize=None)
def validator(schema_name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMA_DIR / f"{schema_name}.schema.json").read_text())
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    keywords: Dict[str, Any] = {"pattern": _pattern}
    strict: Any = jsonschema.validators.extend(cls, keywords)  # type: ignore[no-untyped-call]
    result: jsonschema.protocols.Validator = strict(schema, format_checker=cls.FORMAT_CHECKER)
    # jsonschema's referencing resolver (4.18 on) is what resolves a $ref once for all.
    if _local_refs(schema) and getattr(result, "_resolver", None) is not None:
        keywords["$ref"] = _resolved_once()
        strict = jsonschema.validators.extend(cls, keywords)  # type: ignore[no-untyped-call]
        result = strict(schema, format_checker=cls.FORMAT_CHECKER)
    return result


def _reason(error: jsonschema.ValidationError) -> str:
    message = error.message
    # jsonschema's messages start with the value at fault: keep the rule in sight.
    shown = repr(error.instance)
    if len(shown) > 120 and message.startswith(shown):
        message = shown[:100] + "..." + message[len(shown) :]
    if len(message) > 300:
        message = message[:300] + "..."
    return f"{message} (rule: {error.validator})"


def check(document: Any, schema_name: str, file: str, *, structure_holds: bool = False) -> None:
    """Raise SpecError for the first value beyond the limits, else the most relevant
    structural error in ``document``, else the first error of meaning, if any.
    ``structure_holds``: the document is known to meet its JSON schema (skip that check)."""
    check_limits(document, file, LIMITS.get(schema_name, DEFAULT_LIMITS))
    if not structure_holds:
        try:
            error = best_match(validator(schema_name).iter_errors(document))
        except RecursionError:
            raise SpecError(file, "", "nested too deeply") from None
        if error is not None:
            raise SpecError(file, json_pointer(error.absolute_path), _reason(error))
    check_meaning(document, schema_name, file)


def meets_schema(document: Any, schema_name: str) -> bool:
    """Whether ``document`` meets its JSON schema (what ``check`` raises for, after the
    limits and before the meaning), without finding the error that counts if not."""
    try:
        return bool(validator(schema_name).is_valid(document))
    except RecursionError:
        return False


def check_meaning(document: Any, schema_name: str, file: str) -> None:
    """The checks of meaning (``codegen.load.checks``) of a document whose structure holds."""
    semantic = checks.BY_SCHEMA.get(schema_name)
    if semantic is not None:
        semantic(document, file)
