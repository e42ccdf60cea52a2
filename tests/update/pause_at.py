"""Run ``cfn-codegen`` but stop dead at one point of the update, for a test to kill.

    python pause_at.py POINT MARKER -- cfn-codegen arguments...

POINT ``staging``: when the schema zip, written in full into the staging folder, is
about to be renamed there (the resource specification is already staged).
POINT ``commit``: when the staged schema zip is about to replace the one in specs/
(the resource specification has already been replaced).
At that point MARKER is created and the process sleeps until it is killed.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

point, marker = sys.argv[1], Path(sys.argv[2])
arguments = sys.argv[4:] if sys.argv[3:4] == ["--"] else sys.argv[3:]
_replace = os.replace


def replace(src: Any, dst: Any, *args: Any, **kwargs: Any) -> None:
    target = Path(dst)
    staged = target.parent.name.startswith(".update-spec-staging-")
    if target.name == "CloudformationSchema.zip" and staged == (point == "staging"):
        marker.write_text(f"paused before {src} -> {dst}\n")
        while True:
            time.sleep(1)
    _replace(src, dst, *args, **kwargs)


os.replace = replace

from codegen.cli import main  # noqa: E402

raise SystemExit(main(arguments))
