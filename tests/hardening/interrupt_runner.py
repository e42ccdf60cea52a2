"""``cfn-codegen generate`` (arguments as on the command line) with hooks that widen and
announce the moments at which a kill is interesting, for test_crash_safety.py.

Environment:

* ``HARDENING_SIGNALS``: a folder; the runner creates ``fill`` there when it writes the
  first file of the new tree, ``swapped`` right after the tree is exchanged into place,
  ``between`` between the two renames of the fallback swap;
* ``HARDENING_WRITE_DELAY``: seconds to sleep before writing each file of the new tree;
* ``HARDENING_PAUSE``: seconds to sleep after ``swapped`` and ``between``;
* ``HARDENING_SWAP=fallback``: act as a system without ``renameat2(RENAME_EXCHANGE)``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _signal(name: str) -> None:
    folder = os.environ.get("HARDENING_SIGNALS")
    if folder:
        (Path(folder) / name).touch()


def install_hooks() -> None:
    import codegen.write.atomic as atomic

    delay = float(os.environ.get("HARDENING_WRITE_DELAY", "0"))
    pause = float(os.environ.get("HARDENING_PAUSE", "0"))
    fallback = os.environ.get("HARDENING_SWAP") == "fallback"

    write_bytes = Path.write_bytes

    def slow_write_bytes(self: Path, data: Any) -> int:
        if ".tmp-" in str(self):
            _signal("fill")
            time.sleep(delay)
        return write_bytes(self, data)

    Path.write_bytes = slow_write_bytes  # type: ignore[method-assign]

    exchange = atomic.exchange

    def announced_exchange(a: Path, b: Path) -> bool:
        if fallback:
            return False
        done = exchange(a, b)
        _signal("swapped")
        time.sleep(pause)
        return done

    atomic.exchange = announced_exchange

    rename = os.rename

    def announced_rename(a: Any, b: Any) -> None:
        rename(a, b)
        if ".old-" in os.fspath(b):
            _signal("between")
            time.sleep(pause)

    os.rename = announced_rename  # type: ignore[assignment]  # the atomic module calls os.rename


if __name__ == "__main__":
    install_hooks()
    from codegen.cli import main

    sys.exit(main(sys.argv[1:]))
