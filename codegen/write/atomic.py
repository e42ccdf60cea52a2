"""Atomic replacement of single files and of whole directory trees.

A file is written to a temporary sibling and renamed over the target. A tree is
written to a temporary sibling directory and swapped in with two renames; the
previous tree is kept until the new one is in place, and leftovers of an
interrupted run (``.<name>.tmp-*`` / ``.<name>.old-*``) are removed by the next.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that readers see the old or the new file, never a part."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.tmp-", dir=target.parent)
    try:
        # mkstemp creates 0600; give the file the mode an ordinary write would.
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(target.parent)


def clean_leftovers(target: Path) -> None:
    """Undo what an interrupted run left behind.

    A run killed between its two renames leaves no ``target`` but an ``.old-``
    sibling: that is the last complete tree, so it is put back.
    """
    if not target.parent.is_dir():
        return
    if not target.exists():
        olds = sorted(target.parent.glob(f".{target.name}.old-*"))
        if olds:
            os.rename(olds[0], target)
    for prefix in (f".{target.name}.tmp-", f".{target.name}.old-"):
        for leftover in target.parent.glob(prefix + "*"):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)


def replace_tree(target: Path, fill: Callable[[Path], None]) -> None:
    """Build a new tree with ``fill(tmpdir)`` and swap it in place of ``target``.

    If ``fill`` raises, ``target`` is left exactly as it was.
    """
    target = target.resolve()
    clean_leftovers(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        fill(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        old.rmdir()
        os.rename(target, old)
    os.rename(staging, target)
    _fsync_dir(target.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
