"""Replace several files of ``specs/`` as one step, surviving a kill at any point.

1. Every new file is written, complete and fsynced, into a staging folder inside
   ``specs/`` (same file system), with the writers of ``codegen.load.specfiles``
   (each file itself written atomically by ``codegen.write.atomic``).
2. A journal naming the staged files is written atomically.
3. Each staged file is renamed over its target; then the journal and the staging
   folder are removed.

Killed before the journal exists: ``specs/`` is untouched; the next run removes the
staging folder. Killed after: every staged file is complete, and the next run (or
``recover``) finishes the renames. Until then the loader refuses to read the
half-replaced folder (``specfiles.check_no_interrupted_update``). No file in
``specs/`` is ever partly written.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterator, List, Optional, Sequence, Tuple

from codegen.load.specfiles import UPDATE_JOURNAL, UPDATE_STAGING_PREFIX
from codegen.write.atomic import atomic_write_bytes, fsync_dir

Writer = Callable[[Path], None]  # writes one file into the staging folder it is given


class CommitError(Exception):
    """Writing ``specs/`` failed; the message is one line."""


@contextlib.contextmanager
def locked(specs: Path) -> Iterator[None]:
    """Hold an exclusive lock on the ``specs`` folder itself (no lock file is left):
    two updates at once would otherwise clean up each other's staging."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no locking
        yield
        return
    try:
        fd = os.open(specs, os.O_RDONLY)
    except OSError as exc:
        raise CommitError(f"cannot open {specs}: {_reason(exc)}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise CommitError(f"{specs}: another update-spec is running on it") from None
        yield
    finally:
        os.close(fd)  # releases the lock


def _reason(exc: OSError) -> str:
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{exc.strerror or exc}{where}"


def recover(specs: Path, names: Sequence[str] = ()) -> Optional[str]:
    """Finish (journal present) or undo (no journal) an interrupted update of ``specs``.

    Also removes temporaries that a killed atomic write of one of ``names`` left.
    Returns what was done, for the user, or None if there was nothing to do."""
    if not specs.is_dir():
        return None
    note: Optional[str] = None
    journal = specs / UPDATE_JOURNAL
    if journal.exists():
        try:
            data = json.loads(journal.read_text())
            staging = specs / str(data["staging"])
            files = [str(f) for f in data["files"]]
        except (OSError, ValueError, KeyError, TypeError):
            # Written atomically, so never partial: an unreadable journal is not ours.
            raise CommitError(f"{journal}: unreadable journal of an interrupted update; remove it to go on") from None
        for name in files:
            if "/" in name or name.startswith("."):
                raise CommitError(f"{journal}: unexpected file name {name!r}")
            staged = staging / name
            if staged.exists():
                os.replace(staged, specs / name)
        fsync_dir(specs)
        journal.unlink()
        fsync_dir(specs)
        note = f"finished an interrupted update of {specs} ({', '.join(files)})"
    for leftover in specs.glob(UPDATE_STAGING_PREFIX + "*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
            note = note or f"removed what an interrupted update left in {specs}"
    for name in names:
        for leftover in specs.glob(f".{name}.tmp-*"):
            leftover.unlink(missing_ok=True)
    return note


def commit(specs: Path, writers: Sequence[Tuple[str, Writer]]) -> None:
    """Write each ``(file name, writer)`` into staging, then move them all into ``specs``."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=UPDATE_STAGING_PREFIX, dir=specs))
    except OSError as exc:
        raise CommitError(f"cannot write to {specs}: {_reason(exc)}") from None
    names: List[str] = [name for name, _ in writers]
    try:
        for name, write in writers:
            write(staging)
            if not (staging / name).is_file():
                raise CommitError(f"internal: {name} was not staged")
        fsync_dir(staging)
        journal = json.dumps({"staging": staging.name, "files": names}, indent=1) + "\n"
        atomic_write_bytes(specs / UPDATE_JOURNAL, journal.encode())
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise CommitError(f"cannot write to {specs}: {_reason(exc)}; {specs} is unchanged") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    # From here on the update is decided: the journal lets any later run finish it.
    try:
        for name in names:
            os.replace(staging / name, specs / name)
        fsync_dir(specs)
        (specs / UPDATE_JOURNAL).unlink()
        fsync_dir(specs)
        shutil.rmtree(staging, ignore_errors=True)
    except OSError as exc:
        raise CommitError(
            f"interrupted while replacing files in {specs}: {_reason(exc)}; run update-spec again to finish"
        ) from None


__all__ = ["CommitError", "Writer", "commit", "locked", "recover"]
