"""An interrupted generation never leaves a mixed output, and the next run cleans up.

``python -m codegen generate --out X`` is killed with SIGKILL at random moments: of a
plain run, and of runs whose moments of interest are widened and announced by
``interrupt_runner.py`` (slow file writes, a pause right after the swap, a pause between
the two renames of the swap used where ``renameat2(RENAME_EXCHANGE)`` is missing). After
each kill X is byte for byte the old tree or the new one (snapshots); the next run
leaves X complete and no ``.X.tmp-*`` / ``.X.old-*`` behind.

Kill times are random; set HARDENING_SEED to replay a failure (the seed is in its message).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

import pytest

from hardening_support import (
    ROOT,
    TYPE,
    apply_ops,
    base_schema,
    make_specs,
    run_generate,
    siblings,
    snapshot,
    subprocess_env,
)
from codegen.write.atomic import clean_leftovers, exchange, replace_tree

RUNNER = Path(__file__).with_name("interrupt_runner.py")
SEED = int(os.environ.get("HARDENING_SEED") or random.SystemRandom().randrange(2**32))


@dataclass(frozen=True)
class Trees:
    specs: Path  # the inputs of the new tree
    old: Dict[str, bytes]  # snapshot of the tree that X holds before each run
    new: Dict[str, bytes]  # snapshot of the tree the run makes


@pytest.fixture(scope="module")
def trees(tmp_path_factory: pytest.TempPathFactory) -> Trees:
    folder = tmp_path_factory.mktemp("trees")
    changed = apply_ops(base_schema(), [("replace", "/properties/Qualifier/description", "The previous description.")])
    old_specs = make_specs(folder / "old-specs", schema=changed)
    new_specs = make_specs(folder / "new-specs")
    for specs, out in ((old_specs, folder / "old"), (new_specs, folder / "new")):
        result = run_generate(specs, out)
        assert result.status == 0, result.err
    old, new = snapshot(folder / "old"), snapshot(folder / "new")
    assert old != new
    return Trees(new_specs, old, new)


def _old_tree(trees: Trees, out: Path) -> None:
    for relative, data in trees.old.items():
        path = out / relative
        if data == b"<dir>":
            path.mkdir(parents=True, exist_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)


def _command(specs: Path, out: Path, hooks: bool) -> List[str]:
    head = [sys.executable, str(RUNNER)] if hooks else [sys.executable, "-m", "codegen"]
    return head + ["generate", "--type", TYPE, "--specs", str(specs), "--out", str(out)]


@dataclass
class Killed:
    out: Path
    when: str  # what the kill waited for, for messages
    status: Optional[int] = None


def _run_and_kill(specs: Path, out: Path, *, after: float, signal_name: str = "", env: Dict[str, str] = {}) -> Killed:
    """Start a generation into ``out`` and SIGKILL it ``after`` seconds after its start (or after
    the runner announced ``signal_name``); a run that ends first is left alone."""
    signals = out.parent / f"signals-{out.name}"
    signals.mkdir()
    process = subprocess.Popen(
        _command(specs, out, hooks=bool(signal_name or env)),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=subprocess_env(HARDENING_SIGNALS=str(signals), **env),
    )
    deadline = time.monotonic() + 60
    if signal_name:
        while not (signals / signal_name).exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.002)
    time.sleep(after)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    assert process.stderr is not None
    err = process.stderr.read().decode()
    process.stderr.close()
    assert "Traceback" not in err, err
    return Killed(out, f"{signal_name or 'start'} + {after:.3f} s", process.returncode)


def _run_all(jobs: Sequence[tuple[Path, Dict[str, Any]]], specs: Path) -> List[Killed]:
    """Several runs at once (each in its own folder), killed as each job says."""
    results: List[Optional[Killed]] = [None] * len(jobs)

    def one(index: int) -> None:
        out, options = jobs[index]
        results[index] = _run_and_kill(specs, out, **options)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(r is not None for r in results)
    return [r for r in results if r is not None]


def _check_recovery(trees: Trees, killed: Killed, allowed: Sequence[str] = ("old", "new")) -> None:
    """X is one whole tree; the next run makes the new one and leaves nothing else."""
    where = f"(seed {SEED}, killed at {killed.when}, exit {killed.status})"
    state = snapshot(killed.out)
    states = {"old": trees.old, "new": trees.new, "missing": {}}
    assert any(state == states[name] for name in allowed), f"{killed.out} is a mix of trees {where}"
    result = run_generate(trees.specs, killed.out)
    assert result.status == 0, result.err
    assert snapshot(killed.out) == trees.new, where
    assert siblings(killed.out) == [], where


def test_killed_at_random_moments(tmp_path: Path, trees: Trees) -> None:
    rng = random.Random(SEED)
    jobs: List[tuple[Path, Dict[str, Any]]] = []
    for index in range(3):
        out = tmp_path / f"out{index}"
        _old_tree(trees, out)
        jobs.append((out, {"after": rng.uniform(0.2, 1.5)}))
    for killed in _run_all(jobs, trees.specs):
        _check_recovery(trees, killed)


def test_killed_while_writing_the_new_tree(tmp_path: Path, trees: Trees) -> None:
    rng = random.Random(SEED + 1)
    delay = 0.01
    window = delay * len([v for v in trees.new.values() if v != b"<dir>"])
    jobs: List[tuple[Path, Dict[str, Any]]] = []
    for index in range(3):
        out = tmp_path / f"out{index}"
        _old_tree(trees, out)
        after = rng.uniform(0, 0.8 * window)
        jobs.append((out, {"after": after, "signal_name": "fill", "env": {"HARDENING_WRITE_DELAY": str(delay)}}))
    for killed in _run_all(jobs, trees.specs):
        assert killed.status == -signal.SIGKILL
        assert [p for p in siblings(killed.out) if ".tmp-" in p], "the new tree was being written next to X"
        _check_recovery(trees, killed, allowed=("old",))


def test_killed_right_after_the_swap(tmp_path: Path, trees: Trees) -> None:
    if not exchange_supported(tmp_path):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here: test_killed_between_the_two_renames covers the swap")
    out = tmp_path / "out"
    _old_tree(trees, out)
    killed = _run_and_kill(trees.specs, out, after=0.05, signal_name="swapped", env={"HARDENING_PAUSE": "5"})
    assert killed.status == -signal.SIGKILL
    # X is already the new tree; the old one waits in a temporary folder for the next run.
    assert snapshot(out) == trees.new
    assert len(siblings(out)) == 1
    _check_recovery(trees, killed, allowed=("new",))


def test_killed_between_the_two_renames(tmp_path: Path, trees: Trees) -> None:
    """Without the atomic exchange X is missing for a moment; the next run puts the old tree back
    (then replaces it)."""
    out = tmp_path / "out"
    _old_tree(trees, out)
    env = {"HARDENING_PAUSE": "5", "HARDENING_SWAP": "fallback"}
    killed = _run_and_kill(trees.specs, out, after=0.05, signal_name="between", env=env)
    assert killed.status == -signal.SIGKILL
    assert not out.exists()
    olds = [p for p in siblings(out) if ".old-" in p]
    assert len(olds) == 1 and snapshot(out.parent / olds[0]) == trees.old
    clean_leftovers(out)
    assert snapshot(out) == trees.old and siblings(out) == []
    _check_recovery(trees, killed, allowed=("old",))


def test_first_generation_killed(tmp_path: Path, trees: Trees) -> None:
    out = tmp_path / "out"
    killed = _run_and_kill(trees.specs, out, after=0.1, signal_name="fill", env={"HARDENING_WRITE_DELAY": "0.01"})
    assert killed.status == -signal.SIGKILL
    _check_recovery(trees, killed, allowed=("missing",))


def test_two_runs_at_once(tmp_path: Path, trees: Trees) -> None:
    """They take turns: neither removes the other's temporary tree."""
    out = tmp_path / "out"
    _old_tree(trees, out)
    env = subprocess_env(HARDENING_WRITE_DELAY="0.005")
    processes = [
        subprocess.Popen(
            [sys.executable, str(RUNNER), "generate", "--type", TYPE, "--specs", str(trees.specs), "--out", str(out)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(2)
    ]
    for process in processes:
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err.decode()
    assert snapshot(out) == trees.new
    assert siblings(out) == []


# -- the swap itself --------------------------------------------------------------------------


def exchange_supported(folder: Path) -> bool:
    a, b = folder / "probe-a", folder / "probe-b"
    a.mkdir()
    b.mkdir()
    (a / "a").touch()
    try:
        done = exchange(a, b)
        assert not done or ((b / "a").exists() and not (a / "a").exists())
        return done
    finally:
        shutil.rmtree(a)
        shutil.rmtree(b)


def test_a_failing_fill_leaves_the_tree_alone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("old")

    def fill(staging: Path) -> None:
        (staging / "half.txt").write_text("new")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        replace_tree(out, fill)
    assert snapshot(out) == {"keep.txt": b"old"}
    assert siblings(out) == []


def test_leftovers_of_an_old_run_are_cleaned(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("current")
    (tmp_path / ".out.tmp-abc123").mkdir()
    (tmp_path / ".out.tmp-abc123" / "half.txt").write_text("partial")
    (tmp_path / ".out.tmp-file").write_text("a temporary file")
    (tmp_path / ".out.old-xyz").mkdir()
    (tmp_path / ".outer.tmp-other").mkdir()  # another tree's: not ours to remove
    clean_leftovers(out)
    assert snapshot(out) == {"keep.txt": b"current"}
    assert siblings(out) == []
    assert (tmp_path / ".outer.tmp-other").is_dir()


def test_the_new_tree_has_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "out"
    replace_tree(out, lambda staging: (staging / "a.py").touch())
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~mask
