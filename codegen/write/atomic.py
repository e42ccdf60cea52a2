"""Atomic replacement of single files and of whole directory trees.

A file is written to a temporary sibling and renamed over the target. A tree is
written to a temporary sibling directory (``.<name>.tmp-*``), flushed to disk, and
swapped in:

* on Linux with one ``renameat2(RENAME_EXCHANGE)``: there is no moment at which
  ``<name>`` is missing or partial; the temporary directory then holds the previous
  tree, which is removed;
* elsewhere (or on a file system without the exchange) with two renames: the
  previous tree is moved to ``.<name>.old-*``, the new one into place, the old
  one removed. A process killed between the two renames leaves no ``<name>``.

One process at a time replaces a given tree (a lock on the parent directory), and
each run first undoes what an interrupted one left: ``.<name>.tmp-*`` are removed,
and when ``<name>`` is missing, the ``.<name>.old-*`` tree (the last complete one)
is put back (``clean_leftovers``).
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable, Iterator, List, Optional


def fsync_dir(path: Path) -> None:
    """Make a folder's entries (renames, new files) durable; silently best effort."""
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
    fsync_dir(target.parent)


# -- the swap ------------------------------------------------------------------------

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# errno values meaning "no exchange here": fall back to two renames.
_NO_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV}


def _load_renameat2() -> Optional[Callable[..., int]]:
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # no libc symbol (glibc < 2.28, musl < 1.2.?)
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    function.restype = ctypes.c_int
    result: Callable[..., int] = function
    return result


_renameat2 = _load_renameat2()


def exchange(a: Path, b: Path) -> bool:
    """Swap the two paths in one atomic step; False when the system cannot (nothing changed)."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


# fsyncs in flight at once: the file system commits them together (one after the
# other, each waits for a journal commit of its own: seconds for a whole package).
_FSYNC_THREADS = 16


def _fsync_file(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(root: Path) -> None:
    """Flush every file and folder of ``root`` to disk, so the swapped-in tree survives a
    crash. All are flushed before this returns; an error is raised for the first failing
    file in the order of a walk of the tree."""
    files: List[str] = []
    folders: List[Path] = []
    for folder, _, names in os.walk(root):
        files += [os.path.join(folder, name) for name in names]
        folders.append(Path(folder))
    from concurrent.futures import ThreadPoolExecutor

    if len(files) + len(folders) <= 2:
        for path in files:
            _fsync_file(path)
        for folder_path in folders:
            fsync_dir(folder_path)
        return
    with ThreadPoolExecutor(_FSYNC_THREADS) as pool:
        for _ in pool.map(_fsync_file, files):
            pass
        for _ in pool.map(fsync_dir, folders):
            pass


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (released when the process ends, however it ends)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _clean(target: Path) -> None:
    if not target.exists() and not target.is_symlink():
        olds = sorted(target.parent.glob(f".{target.name}.old-*"))
        if olds:
            os.rename(olds[0], target)
            fsync_dir(target.parent)
    for prefix in (f".{target.name}.tmp-", f".{target.name}.old-"):
        for leftover in sorted(target.parent.glob(prefix + "*")):
            _remove(leftover)


def clean_leftovers(target: Path) -> None:
    """Undo what an interrupted run left behind next to ``target``.

    A run killed between the two renames of the fallback swap leaves no ``target``
    but an ``.old-`` sibling: that is the last complete tree, so it is put back.
    Temporary trees (``.tmp-``: a new tree being filled, or the previous one after
    an exchange) are removed."""
    target = target.resolve()
    if not target.parent.is_dir():
        return
    with _locked(target.parent):
        _clean(target)


def replace_tree(target: Path, fill: Callable[[Path], None]) -> None:
    """Build a new tree with ``fill(tmpdir)`` and swap it in place of ``target``.

    If ``fill`` raises, ``target`` is left exactly as it was. Readers of ``target``
    see the old tree or the new one, never a mix."""
    target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    with _locked(target.parent):
        _clean(target)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
        try:
            fill(staging)
            os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes 0700; a tree as mkdir would
            _fsync_tree(staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if not target.exists():
            os.rename(staging, target)
            fsync_dir(target.parent)
            return
        if exchange(staging, target):
            fsync_dir(target.parent)
            shutil.rmtree(staging, ignore_errors=True)  # now the previous tree
            return
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        old.rmdir()
        os.rename(target, old)
        os.rename(staging, target)
        fsync_dir(target.parent)
        shutil.rmtree(old, ignore_errors=True)
