"""The checks added against malformed input accept every real input: all registry schemas in
the zip, the whole resource specification, the L2 binding file and jsii extracts."""

from __future__ import annotations

import json
from pathlib import Path

from hardening_support import REAL_SPECS
from codegen.load import checks, specfiles, validate
from codegen.load.inputs import _spec_subset


def test_every_registry_schema_passes() -> None:
    schemas = specfiles.read_registry_schemas(REAL_SPECS)
    assert len(schemas) > 1000
    for member, schema in schemas.items():
        validate.check_limits(schema, member)
        checks.registry_schema(schema, member)


def test_the_whole_resource_specification_passes() -> None:
    spec = specfiles.read_resource_spec(REAL_SPECS)
    everything = _spec_subset(spec, sorted(spec["ResourceTypes"]))
    validate.check_limits(everything, "spec", validate.LIMITS["resource-specification"])
    checks.resource_spec(everything, "spec")


def test_the_l2_files_pass() -> None:
    for path in sorted((REAL_SPECS / "l2").glob("*.json")):
        validate.check_limits(json.loads(path.read_text()), str(path))
    checks.l2_bindings(json.loads((REAL_SPECS / "l2" / "aws_lambda.bindings.json").read_text()), "bindings")
