"""Shared helpers of the benchmarks: timing medians, peer detection, table printing."""

from __future__ import annotations

import gc
import importlib.util
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, List, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"


def has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    """The median time of ``repeat`` runs, each started with no garbage left by the
    previous one (collected before the clock starts, for every peer alike; the cyclic GC
    stays on while it runs, unlike timeit's default)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def command_seconds(argv: Sequence[str], repeat: int, env: Optional[dict[str, str]] = None) -> float:
    def run() -> None:
        subprocess.run(argv, check=True, capture_output=True, env={**os.environ, **(env or {})}, cwd=ROOT)

    return median_seconds(run, repeat)


def python(code: str) -> List[str]:
    return [sys.executable, "-c", code]


def row(name: str, ours: Optional[float], peers: dict[str, Optional[float]], unit: str = "s") -> str:
    def fmt(value: Optional[float]) -> str:
        if value is None:
            return "n/a"
        return f"{value * 1000:.1f} ms" if unit == "s" and value < 1 else (f"{value:.2f} {unit}" if unit else f"{value:.0f}")

    cells = [name, fmt(ours)]
    for peer, value in peers.items():
        ratio = f" ({value / ours:.1f}x)" if value and ours else ""
        cells.append(fmt(value) + ratio)
    return "| " + " | ".join(cells) + " |"
