"""Regular expressions of the registry schemas.

AWS writes patterns for Java's regex engine (``\\p{L}``, ``\\p{Print}``, inline
flags mid-pattern); Python's ``re`` rejects about a hundred of the real ones,
the ``regex`` module accepts all but a handful. The generated validators use
``regex`` too, so a pattern that compiles here compiles at run time.
"""

from __future__ import annotations

import functools
from typing import Any, List, Protocol

import regex

from codegen.errors import PathPart, SpecError

MAX_PATTERN_LENGTH = 10_000


class _Located(Protocol):
    def error(self, path: List[PathPart], reason: str) -> SpecError: ...


def check_pattern(source: _Located, pattern: Any, path: List[PathPart]) -> None:
    if not isinstance(pattern, str):
        raise source.error(path, f"a pattern must be a string, not {type(pattern).__name__}")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise source.error(path, f"pattern of {len(pattern)} characters is over the limit of {MAX_PATTERN_LENGTH}")
    problem = _compile_problem(pattern)
    if problem:
        raise source.error(path, f"invalid regular expression {pattern!r}: {problem}")


@functools.lru_cache(maxsize=None)  # thousands of distinct patterns, each met many times
def _compile_problem(pattern: str) -> str:
    try:
        compiled(pattern)
    except (regex.error, ValueError, OverflowError, RecursionError) as exc:
        return str(exc) or type(exc).__name__
    return ""


@functools.lru_cache(maxsize=None)
def compiled(pattern: str) -> Any:
    """``pattern`` compiled once (the regex module's own cache holds only 500)."""
    return regex.compile(pattern)
