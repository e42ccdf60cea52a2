"""Inputs already found valid, remembered by content digest: an unchanged input is
validated once, not at every generation.

Only verdicts of *valid* are kept. A key is the sha256 of everything the verdict
depends on: the bytes of the input as read (and the patch applied to it), what it
is checked as, and a digest of the checking code itself (every file of ``codegen``,
the versions of Python and jsonschema). A changed input, or changed checks, is a
new key, so it is validated again; an input found invalid is never remembered, so
it is reported exactly as without the cache (file, JSON pointer, reason).

The verdicts live in one small text file per version of the checks, in
``$CFN_CODEGEN_CACHE`` (empty: no cache), else ``$XDG_CACHE_HOME/cfn-codegen`` or
``~/.cache/cfn-codegen``. A cache that cannot be read or written is no cache, and so is
a file that another user owns or may write (mode 0600 when written here).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import sys
from pathlib import Path
from typing import Iterable, Optional, Set

CACHE_ENV = "CFN_CODEGEN_CACHE"
_CODEGEN = Path(__file__).resolve().parent.parent
_KEY = re.compile(r"[0-9a-f]{64}\Z")
# Verdict files of other versions of the checks kept beside the current one.
_KEEP_FILES = 8
# A file past this many verdicts starts again from the ones the current run used.
_MAX_KEYS = 100_000


def cache_folder() -> Optional[Path]:
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return Path(value) if value.strip() else None
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder
            return None
    return Path(base) / "cfn-codegen"


def _trusted(path: Path) -> bool:
    """A verdict skips checks that keep spec strings out of the generated code: only a
    file this user owns, that no one else may write, is believed."""
    try:
        status = path.stat()
    except OSError:
        return False
    getuid = getattr(os, "getuid", None)
    return (getuid is None or status.st_uid == getuid()) and not status.st_mode & 0o022


@functools.lru_cache(maxsize=None)
def checks_digest() -> str:
    """A digest of the code that gives the verdicts: all of ``codegen``, jsonschema, Python."""
    from importlib import metadata

    versions = []
    for package in ("jsonschema", "referencing"):
        try:
            versions.append(metadata.version(package))
        except metadata.PackageNotFoundError:
            versions.append("")
    digest = hashlib.sha256("\0".join([sys.version, *versions, ""]).encode())
    for path in sorted(p for pattern in ("*.py", "*.json") for p in _CODEGEN.rglob(pattern)):
        if "__pycache__" in path.parts:
            continue
        digest.update(f"{path.relative_to(_CODEGEN).as_posix()}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def key(*parts: bytes) -> str:
    """The key of a verdict on what ``parts`` say (each part length-prefixed, so that
    no two different lists of parts make the same key)."""
    digest = hashlib.sha256(checks_digest().encode())
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


class Verdicts:
    """The keys of inputs found valid; ``add`` what this run finds, ``save`` at the end."""

    def __init__(self, folder: Optional[Path]) -> None:
        self.file = folder / f"valid-{checks_digest()[:32]}.txt" if folder is not None else None
        self.known: Set[str] = set()
        self.used: Set[str] = set()
        self.new: Set[str] = set()
        if self.file is not None and _trusted(self.file):
            try:
                text = self.file.read_text("ascii")
            except (OSError, ValueError):
                text = ""
            self.known = {line for line in text.split("\n") if _KEY.match(line)}

    @classmethod
    def open(cls) -> "Verdicts":
        return cls(cache_folder())

    def __contains__(self, key: str) -> bool:
        if key in self.known:
            self.used.add(key)
            return True
        return False

    def add(self, keys: Iterable[str]) -> None:
        for key in keys:
            self.used.add(key)
            if key not in self.known:
                self.new.add(key)

    def save(self) -> None:
        if self.file is None or not self.new:
            return
        from codegen.write.atomic import atomic_write_bytes

        keys = self.known | self.new
        if len(keys) > _MAX_KEYS:
            keys = self.used | self.new
        try:
            atomic_write_bytes(self.file, "".join(f"{k}\n" for k in sorted(keys)).encode("ascii"))
            os.chmod(self.file, 0o600)
            others = sorted(
                (p for p in self.file.parent.glob("valid-*.txt") if p != self.file),
                key=lambda p: p.stat().st_mtime,
                reverse=True,
            )
            for old in others[_KEEP_FILES:]:
                old.unlink(missing_ok=True)
        except OSError:
            return
        self.known, self.new = keys, set()
