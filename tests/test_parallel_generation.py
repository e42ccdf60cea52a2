"""Generation shared out over processes writes what one process writes; the tree is
flushed to disk as before."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any, List

import pytest

from codegen import parallel, pipeline
from codegen.config import load_settings
from codegen.errors import SpecError
from codegen.load import load_inputs, verdicts
from codegen.write import atomic
from specs_fixture import REAL_SPECS

ROOT = Path(__file__).resolve().parent.parent


def _types() -> List[str]:
    """Types of many services, a module that is split (QuickSight's Dashboard), and
    AWS Lambda (hand-written parts, the L2 section)."""
    inputs = load_inputs(REAL_SPECS, ["*"], jobs=1)
    spread = list(inputs.type_names[::25])
    return sorted(set(spread) | {"AWS::QuickSight::Dashboard", "AWS::Lambda::EventInvokeConfig", "AWS::Lambda::Function"})


def test_parallel_rendering_writes_the_same_files() -> None:
    settings = load_settings(ROOT)
    types = _types()
    assert len(types) >= parallel.WORTH_IT
    inputs = load_inputs(REAL_SPECS, types, jobs=2)
    one = pipeline.render(inputs, inputs.type_names, settings.templates, REAL_SPECS, ["aws_kept"], 1)
    two = pipeline.render(inputs, inputs.type_names, settings.templates, REAL_SPECS, ["aws_kept"], 2)
    assert list(one[0]) == list(two[0])
    assert one == two
    assert any("/_cfn_" in path for path in one[0])  # the split module is among them


def test_a_failing_worker_gives_the_error_of_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings(ROOT)
    inputs = load_inputs(REAL_SPECS, _types(), jobs=1)
    from codegen.model import build

    real = build._build_resource
    failing = {inputs.type_names[30], inputs.type_names[60]}

    def build_resource(type_name: str, *args: Any) -> Any:
        if type_name in failing:
            raise SpecError("somewhere", f"/{type_name}", "broken")
        return real(type_name, *args)

    monkeypatch.setattr(build, "_build_resource", build_resource)
    with pytest.raises(SpecError) as caught:
        pipeline.render(inputs, inputs.type_names, settings.templates, REAL_SPECS, [], 2)
    assert caught.value.pointer == f"/{inputs.type_names[30]}"


def test_jobs_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.JOBS_ENV, "3")
    assert parallel.jobs() == 3
    monkeypatch.setenv(parallel.JOBS_ENV, "0")
    assert parallel.jobs() == 1
    monkeypatch.setenv(parallel.JOBS_ENV, "many")
    assert parallel.jobs() == 1
    monkeypatch.delenv(parallel.JOBS_ENV)
    assert parallel.jobs() >= 1
    assert parallel.fork_map(_square, 10, [1, 2, 3, 4], 2) == [11, 14, 19, 26]


def _square(state: int, task: int) -> int:
    return state + task * task


def test_every_file_is_flushed_and_a_failed_flush_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out"
    target.mkdir()
    (target / "old.txt").write_text("old")
    flushed: List[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        name = os.readlink(f"/proc/self/fd/{fd}")
        flushed.append(os.path.basename(name))
        if name.endswith("f7.txt"):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)

    def fill(staging: Path) -> None:
        for i in range(20):
            (staging / f"f{i}.txt").write_text(str(i))

    with pytest.raises(OSError) as caught:
        atomic.replace_tree(target, fill)
    assert caught.value.errno == errno.ENOSPC
    assert sorted(p.name for p in target.iterdir()) == ["old.txt"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]

    flushed.clear()
    monkeypatch.setattr(os, "fsync", lambda fd: (flushed.append(os.readlink(f"/proc/self/fd/{fd}")), real_fsync(fd))[1])
    atomic.replace_tree(target, fill)
    assert sorted(p.name for p in target.iterdir()) == sorted(f"f{i}.txt" for i in range(20))
    assert {os.path.basename(p) for p in flushed} >= {f"f{i}.txt" for i in range(20)}
