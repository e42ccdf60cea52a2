"""Declarative patches to AWS's data: applied by the loader, guarded by test operations."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from codegen.errors import SpecError
from codegen.load import load_inputs
from codegen.load.patches import apply_patch, load_patches

SPECS = Path(__file__).resolve().parent.parent / "specs"


def test_patched_glue_schemas_load_and_compile() -> None:
    inputs = load_inputs(SPECS, ["AWS::Glue::Session", "AWS::Glue::UserDefinedFunction"])
    assert len(inputs.registry_schemas) == 2
    for schema in inputs.registry_schemas.values():
        for prop in schema["properties"].values():
            if "pattern" in prop:
                regex.compile(prop["pattern"])


def test_every_patch_applies_to_the_vendored_data() -> None:
    patches = load_patches(SPECS)
    assert patches, "specs/patches is empty"
    for member in patches:
        assert all(op["op"] in {"test", "replace", "remove", "add"} for op in patches[member])


def test_a_stale_patch_fails_loudly() -> None:
    document = {"properties": {"A": {"pattern": "fixed-by-aws"}}}
    operations = [
        {"op": "test", "path": "/properties/A/pattern", "value": "broken"},
        {"op": "replace", "path": "/properties/A/pattern", "value": "ours"},
    ]
    with pytest.raises(SpecError, match="AWS's data changed, review this patch") as caught:
        apply_patch(document, operations, "specs/patches/x.json")
    assert caught.value.pointer == "/operations/0"
    assert document["properties"]["A"]["pattern"] == "fixed-by-aws"


def test_patch_operations() -> None:
    document = {"a": [1, 2], "b": {"c": 1}}
    result = apply_patch(
        document,
        [
            {"op": "add", "path": "/a/-", "value": 3},
            {"op": "remove", "path": "/b/c"},
            {"op": "add", "path": "/b/d~1e", "value": True},
        ],
        "p.json",
    )
    assert result == {"a": [1, 2, 3], "b": {"d/e": True}}
    with pytest.raises(SpecError, match="does not exist"):
        apply_patch(document, [{"op": "replace", "path": "/x/y", "value": 1}], "p.json")
