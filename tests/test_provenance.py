"""The vendored inputs are the files their provenance describes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from codegen.load.specfiles import sha256_file

SPECS = Path(__file__).resolve().parent.parent / "specs"
PROVENANCE = json.loads((SPECS / "provenance.json").read_text())


@pytest.mark.parametrize("name", sorted(PROVENANCE["inputs"]))
def test_checksum_matches(name: str) -> None:
    entry = PROVENANCE["inputs"][name]
    assert sha256_file(SPECS / entry["file"]) == entry["sha256"], f"{entry['file']} is not the vendored file"


@pytest.mark.parametrize("name", sorted(PROVENANCE["inputs"]))
def test_provenance_is_complete(name: str) -> None:
    entry = PROVENANCE["inputs"][name]
    for key in ("file", "official_url", "origin", "version", "retrieved", "sha256"):
        assert entry.get(key), f"{name} lacks {key}"


def test_every_vendored_file_has_provenance() -> None:
    described = {entry["file"] for entry in PROVENANCE["inputs"].values()}
    vendored = {p.name for p in SPECS.iterdir() if p.is_file() and p.name != "provenance.json" and p.suffix != ".md"}
    assert vendored <= described, f"no provenance for {sorted(vendored - described)}"
