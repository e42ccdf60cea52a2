"""Errors the generator reports to its user (no traceback, exit status 2)."""

from __future__ import annotations

from typing import Iterable, Union

PathPart = Union[str, int]


def json_pointer(path: Iterable[PathPart]) -> str:
    """RFC 6901 pointer for a path of keys and indexes ('' is the whole document)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


class SpecError(Exception):
    """A problem in an input file, located by file name and JSON pointer."""

    def __init__(self, file: str, pointer: str, reason: str) -> None:
        self.file = file
        self.pointer = pointer
        # One line: the reason may quote data with newlines in it.
        self.reason = " ".join(reason.split())
        super().__init__(f"{file}: {pointer or '/'}: {self.reason}")

    @classmethod
    def at(cls, file: str, path: Iterable[PathPart], reason: str) -> "SpecError":
        return cls(file, json_pointer(path), reason)


class ConfigError(Exception):
    """A problem with the command line or the [tool.cfn-codegen] settings."""
