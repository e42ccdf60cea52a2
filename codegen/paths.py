"""Where the generator's own inputs live, beside its code."""

from pathlib import Path

# The hand-written runtime copied into the package (runtime/core, runtime/services).
RUNTIME = Path(__file__).resolve().parent.parent / "runtime"
