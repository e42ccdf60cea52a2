"""An update killed at any point never leaves a half-written spec: killed while the
download stalls mid-body, while the new files are being staged, and in the middle
of replacing them (the next run finishes the job; generation refuses meanwhile)."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List

import pytest

from conftest import FAST, NEW, OLD, ROOT, SPEC_GZ, ZIP, ZIP_PATH, Project, run, snapshot
from update_server import STALL

HERE = Path(__file__).resolve().parent


def start(project: Project, args: List[str]) -> "subprocess.Popen[bytes]":
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["NO_PROXY"] = "127.0.0.1,localhost"
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.Popen(args, cwd=project.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_for(condition: "object", what: str, proc: "subprocess.Popen[bytes]", limit: float = 20.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():  # type: ignore[operator]
        if proc.poll() is not None:
            out, err = proc.communicate()
            raise AssertionError(f"ended before {what}: {proc.returncode} {out!r} {err!r}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def kill(proc: "subprocess.Popen[bytes]") -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGKILL


def visible(folder: Path) -> Dict[str, bytes]:
    return {k: v for k, v in snapshot(folder).items() if not k.startswith(".")}


def assert_whole(specs: Path) -> None:
    """Each spec file is entirely the old one or entirely the new one."""
    for name in (SPEC_GZ, ZIP):
        assert (specs / name).read_bytes() in ((OLD / name).read_bytes(), (NEW / name).read_bytes()), name
    gzip.decompress((specs / SPEC_GZ).read_bytes())


def test_killed_while_the_download_stalls(project: Project) -> None:
    project.server.routes[ZIP_PATH].mode = STALL
    before = project.state()
    proc = start(project, [sys.executable, "-m", "codegen", "update-spec", "--timeout", "30"])
    wait_for(project.server.partial_sent.is_set, "half the zip", proc)
    kill(proc)
    assert project.state() == before


def test_killed_while_staging(project: Project, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    marker = tmp_path / "paused"
    before = project.state()
    proc = start(project, [sys.executable, str(HERE / "pause_at.py"), "staging", str(marker), "--", "update-spec", *FAST])
    wait_for(marker.exists, "staging", proc)
    kill(proc)
    assert visible(project.specs) == before[0]  # specs/ untouched; only a hidden staging folder is left
    assert snapshot(project.generated) == before[1]
    assert [p.name.startswith(".update-spec-staging-") for p in project.specs.iterdir() if p.name.startswith(".")] == [True]
    # Generation still reads the old, complete specs.
    code, out, err = run(capsys, "update-spec", "--check", *FAST)
    assert code == 1, err
    # The next run cleans up and updates.
    code, out, err = run(capsys, "update-spec", *FAST)
    assert code == 0, err
    assert "removed what an interrupted update left" in out
    assert (project.specs / ZIP).read_bytes() == (NEW / ZIP).read_bytes()
    assert not [p for p in project.specs.iterdir() if p.name.startswith(".")]


def test_killed_while_replacing(project: Project, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    marker = tmp_path / "paused"
    proc = start(project, [sys.executable, str(HERE / "pause_at.py"), "commit", str(marker), "--", "update-spec", *FAST])
    wait_for(marker.exists, "replacing", proc)
    kill(proc)
    assert_whole(project.specs)
    assert (project.specs / SPEC_GZ).read_bytes() == (NEW / SPEC_GZ).read_bytes()  # already replaced
    assert (project.specs / ZIP).read_bytes() == (OLD / ZIP).read_bytes()  # not yet
    assert (project.specs / ".update-spec-journal.json").is_file()
    # Until the update is finished, nothing reads the half-replaced folder.
    code, _, err = run(
        capsys, "generate", "--type", "AWS::Lambda::EventInvokeConfig", "--specs", str(project.specs), "--out", str(tmp_path / "out")
    )
    assert code == 2 and len(err) == 1 and "an update of the specs was interrupted" in err[0]
    code, _, err = run(capsys, "update-spec", "--check", *FAST)
    assert code == 2 and "run `cfn-codegen update-spec` to finish it" in err[0]
    # The next run finishes it: the result is that of an uninterrupted update.
    code, out, err = run(capsys, "update-spec", *FAST)
    assert code == 0, err
    assert "finished an interrupted update" in out
    assert "not modified, HTTP 304" in out  # the provenance (with the ETags) was part of the update
    assert (project.specs / ZIP).read_bytes() == (NEW / ZIP).read_bytes()
    assert sorted(p.name for p in project.specs.iterdir()) == ["CHANGES.md", SPEC_GZ, ZIP, "provenance.json"]
    assert "140.0.0 → 186.0.0" in (project.specs / "CHANGES.md").read_text()
