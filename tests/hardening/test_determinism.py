"""Byte-identical output for any PYTHONHASHSEED, any order of the members of the schema zip,
and run after run.

The inputs: the real resource specification, a zip of the real registry schemas of every
AWS::Lambda type plus a few others, the L2 files; the types: ``AWS::Lambda::*`` (17 types,
83 property types, the L2 API; a pattern, so every member of the zip is read). Schema
members are written into the zip in several orders.

The output folder's manifest (``.cfn-codegen.json``) records a digest of the input
files' bytes, which differ with the zip's member order; its list of generated files and
their hashes is compared, the digest is not.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from hardening_support import ROOT, make_specs, run_generate, siblings, snapshot, subprocess_env
from specs_fixture import REAL_SPECS
from codegen.load.specfiles import RESOURCE_SPEC_FILE, SCHEMA_ZIP_FILE

TYPES = ["AWS::Lambda::*"]
MANIFEST = ".cfn-codegen.json"
PREFIXES = ("aws-lambda-", "aws-sqs-", "aws-sns-topic", "aws-events-rule")


def comparable(tree: Dict[str, bytes]) -> Dict[str, bytes]:
    """The tree, with the input digest left out of its manifest (see the module docstring)."""
    result = dict(tree)
    if MANIFEST in result:
        manifest = json.loads(result[MANIFEST])
        manifest.pop("inputs", None)
        result[MANIFEST] = json.dumps(manifest, sort_keys=True).encode()
    return result


@pytest.fixture(scope="module")
def members() -> List[Tuple[str, bytes]]:
    with zipfile.ZipFile(REAL_SPECS / SCHEMA_ZIP_FILE) as archive:
        return [(n, archive.read(n)) for n in sorted(archive.namelist()) if n.startswith(PREFIXES)]


def _specs(folder: Path, members: List[Tuple[str, bytes]]) -> Path:
    return make_specs(folder, members=members, spec_file=(REAL_SPECS / RESOURCE_SPEC_FILE).read_bytes())


def _orders(members: List[Tuple[str, bytes]]) -> Dict[str, List[Tuple[str, bytes]]]:
    shuffled = list(members)
    random.Random(20261204).shuffle(shuffled)
    return {"sorted": list(members), "reversed": list(reversed(members)), "shuffled": shuffled}


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory, members: List[Tuple[str, bytes]]) -> Dict[str, Dict[str, bytes]]:
    """One generation in this process per zip order."""
    results = {}
    for name, ordered in _orders(members).items():
        folder = tmp_path_factory.mktemp(name)
        specs = _specs(folder / "specs", ordered)
        with zipfile.ZipFile(specs / SCHEMA_ZIP_FILE) as archive:
            assert [n for n, _ in ordered] == archive.namelist()
        result = run_generate(specs, folder / "out", types=TYPES, timeout=60)
        assert result.status == 0, result.err
        assert "17 resource types" in result.out
        results[name] = snapshot(folder / "out")
    return results


def test_any_order_of_the_zip_members(outputs: Dict[str, Dict[str, bytes]]) -> None:
    first, *others = outputs.values()
    assert first
    for other in others:
        assert comparable(other) == comparable(first)


def test_any_hash_seed(tmp_path: Path, members: List[Tuple[str, bytes]], outputs: Dict[str, Dict[str, bytes]]) -> None:
    specs = _specs(tmp_path / "specs", _orders(members)["shuffled"])
    seeds = ["0", "1", "4294967295"]
    processes = []
    for seed in seeds:
        command = [sys.executable, "-m", "codegen", "generate", "--specs", str(specs), "--out", str(tmp_path / f"out-{seed}")]
        command += [arg for t in TYPES for arg in ("--type", t)]
        processes.append(
            subprocess.Popen(command, cwd=ROOT, env=subprocess_env(PYTHONHASHSEED=seed), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        )
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err.decode()
    trees = [snapshot(tmp_path / f"out-{seed}") for seed in seeds]
    assert trees[0] == trees[1] == trees[2]  # the same specs folder: even the manifest is equal
    assert comparable(trees[0]) == comparable(outputs["shuffled"])  # and this process's own seed


def test_consecutive_runs(tmp_path: Path, members: List[Tuple[str, bytes]], outputs: Dict[str, Dict[str, bytes]]) -> None:
    specs = _specs(tmp_path / "specs", members)
    out = tmp_path / "out"
    for _ in range(2):
        (out / MANIFEST).unlink(missing_ok=True)  # so that the second run generates again
        result = run_generate(specs, out, types=TYPES, timeout=60)
        assert result.status == 0, result.err
        assert comparable(snapshot(out)) == comparable(outputs["sorted"])
        assert siblings(out) == []
    # A third run finds the tree up to date (or rewrites it): the same bytes either way.
    before = snapshot(out)
    assert run_generate(specs, out, types=TYPES, timeout=60).status == 0
    assert snapshot(out) == before
