"""Errors the generator reports to its user (no traceback, exit status 2)."""

from __future__ import annotations

from typing import Iterable, Union

PathPart = Union[str, int]

# The parts of a message are cut to these lengths: a key or a value quoted from the
# input may be megabytes long, and the message is one line on a terminal.
MAX_FILE = 1_000
MAX_POINTER = 1_000
MAX_REASON = 2_000


def json_pointer(path: Iterable[PathPart]) -> str:
    """RFC 6901 pointer for a path of keys and indexes ('' is the whole document)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def json_type(value: object) -> str:
    """``an object``, ``a string``, ...: the JSON type of a parsed value, for messages."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def _escape_char(char: str) -> str:
    """A character that is not printable as its Python escape: ``\\n``, ``\\x00``, ``\\u2028``."""
    return repr(char)[1:-1]


def one_line(text: str, limit: int) -> str:
    """``text`` with every character that is not printable (newline, NUL, U+2028, ...)
    written as a Python escape, cut to ``limit`` characters."""
    if not text.isprintable():
        text = "".join(c if c.isprintable() else _escape_char(c) for c in text)
    return text if len(text) <= limit else text[:limit] + "..."


class SpecError(Exception):
    """A problem in an input file, located by file name and JSON pointer.

    The message is one line: the file and pointer (from names in the input, which may
    hold any character) are escaped, the reason's whitespace is folded."""

    def __init__(self, file: str, pointer: str, reason: str) -> None:
        self.file = file
        self.pointer = pointer
        self.reason = " ".join(reason.split())
        shown = f"{one_line(file, MAX_FILE)}: {one_line(pointer or '/', MAX_POINTER)}: {one_line(self.reason, MAX_REASON)}"
        super().__init__(shown)

    @classmethod
    def at(cls, file: str, path: Iterable[PathPart], reason: str) -> "SpecError":
        return cls(file, json_pointer(path), reason)


class ConfigError(Exception):
    """A problem with the command line or the [tool.cfn-codegen] settings."""
