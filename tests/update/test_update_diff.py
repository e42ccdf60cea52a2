"""The change report: ``cfn-codegen diff`` on real data, and the rules that flag a
change as breaking (each checked on a real schema or spec entry, edited one way)."""

from __future__ import annotations

import copy
import gzip
import json
import zipfile
from pathlib import Path
from typing import Any, Dict, List

import pytest

from codegen.update.diff import Change, Report, diff_registry_schemas, diff_resource_specs
from codegen.update.report import CHANGES_HEADER, prepend_entry, render_markdown
from conftest import NEW, OLD, SPEC_GZ, ZIP, run

EXPECTED_LINES = [
    "AWS::Glue::UsageProfile\n  + resource type added  [spec, registry]",
    "! property removed: DefaultResourceDiscoveryId  [spec]",
    "! required changed: TargetEndpointArn: now required  [spec]",
    "~ constraint changed: Timeout: maximum 900 → 5400  [registry]",
    "~ constraint changed: Runtime: enum values added: dotnet10, ",
    "! constraint changed: Qualifier: pattern ^(|[a-zA-Z0-9$_-]{1,129})$ → ^\\$(LATEST(\\.PUBLISHED)?)|[a-zA-Z0-9$_-]{1,129}$  [registry]",
]


def spec(folder: Path) -> Dict[str, Any]:
    data: Dict[str, Any] = json.loads(gzip.decompress((folder / SPEC_GZ).read_bytes()))
    return data


def schemas(folder: Path) -> Dict[str, Any]:
    with zipfile.ZipFile(folder / ZIP) as archive:
        return {n: json.loads(archive.read(n)) for n in archive.namelist()}


def test_diff_folders(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "diff", str(OLD), str(NEW))
    assert code == 0 and err == []
    assert out.startswith(
        "Changes: resource specification 140.0.0 → 186.0.0; registry schemas 2024-09-03T18:02:30Z → 2026-10-20T22:11:15Z\n"
    )
    for line in EXPECTED_LINES:
        assert line in out, line


def test_diff_files_of_each_kind(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "diff", str(OLD / SPEC_GZ), str(NEW / SPEC_GZ))
    assert code == 0 and "resource specification 140.0.0 → 186.0.0\n" in out
    assert "[registry]" not in out and "! property removed: ReplicationConfigArn  [spec]" in out
    plain = tmp_path / "new.json"
    plain.write_bytes(gzip.decompress((NEW / SPEC_GZ).read_bytes()))
    assert run(capsys, "diff", str(OLD / SPEC_GZ), str(plain))[1] == out
    code, out, _ = run(capsys, "diff", str(OLD / ZIP), str(NEW / ZIP))
    assert code == 0 and "[spec" not in out and "AWS::OpsWorks::App\n  ! resource type removed  [registry]" in out
    code, out, _ = run(capsys, "diff", str(NEW), str(NEW))
    assert code == 0 and out.endswith("no changes\n")
    code, out, _ = run(capsys, "diff", "--markdown", str(OLD), str(NEW))
    assert out.startswith("## ") and "### AWS::DMS::ReplicationConfig" in out


def test_diff_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "diff", str(OLD / SPEC_GZ), str(NEW / ZIP))
    assert code == 2 and len(err) == 1 and "nothing to compare" in err[0]
    broken = tmp_path / "broken.json"
    broken.write_bytes(gzip.decompress((NEW / SPEC_GZ).read_bytes())[:500])
    code, _, err = run(capsys, "diff", str(OLD / SPEC_GZ), str(broken))
    assert code == 2 and len(err) == 1 and "broken.json: /: invalid JSON" in err[0]
    # A changed type that breaks the structure is named with its pointer.
    data = spec(NEW)
    data["ResourceTypes"]["AWS::EC2::IPAM"]["Properties"]["Tier"]["UpdateType"] = "Sometimes"
    invalid = tmp_path / "invalid.json"
    invalid.write_text(json.dumps(data))
    code, _, err = run(capsys, "diff", str(OLD / SPEC_GZ), str(invalid))
    assert code == 2 and "/ResourceTypes/AWS::EC2::IPAM/Properties/Tier/UpdateType" in err[0]
    code, _, err = run(capsys, "diff", str(tmp_path / "missing.zip"), str(NEW / ZIP))
    assert code == 2 and "cannot read" in err[0]


# -- the rules, on real entries ----------------------------------------------------


def spec_changes(edit: Any) -> List[Change]:
    old = spec(NEW)
    new = copy.deepcopy(old)
    edit(new)
    return diff_resource_specs(old, new)


def schema_changes(edit: Any, member: str = "aws-lambda-function.json") -> List[Change]:
    old = {member: schemas(NEW)[member]}
    new = copy.deepcopy(old)
    edit(new[member])
    return diff_registry_schemas(old, new)


def only(changes: List[Change]) -> tuple[str, str, str, bool]:
    assert len(changes) == 1, changes
    c = changes[0]
    return c.kind, c.where, c.detail, c.breaking


def test_spec_rules() -> None:
    fn = "AWS::Lambda::Function"

    def props(s: Dict[str, Any]) -> Dict[str, Any]:
        result: Dict[str, Any] = s["ResourceTypes"][fn]["Properties"]
        return result

    assert only(spec_changes(lambda s: props(s)["MemorySize"].update(PrimitiveType="Long"))) == (
        "type-changed", "MemorySize", "Integer → Long", False,
    )
    assert only(spec_changes(lambda s: props(s)["Description"].update(PrimitiveType="Integer")))[3] is True
    assert only(spec_changes(lambda s: props(s)["Description"].update(Required=True))) == (
        "required-changed", "Description", "now required", True,
    )
    assert only(spec_changes(lambda s: props(s)["Role"].update(Required=False)))[3] is False
    assert only(spec_changes(lambda s: props(s).pop("Description"))) == ("property-removed", "Description", "", True)
    assert only(spec_changes(lambda s: props(s)["Description"].update(UpdateType="Immutable"))) == (
        "update-changed", "Description", "UpdateType Mutable → Immutable", False,
    )
    assert only(spec_changes(lambda s: s["ResourceTypes"][fn]["Attributes"].pop("Arn"))) == (
        "attribute-removed", "Arn", "", True,
    )
    assert only(spec_changes(lambda s: s["PropertyTypes"][f"{fn}.VpcConfig"]["Properties"].pop("SubnetIds"))) == (
        "property-removed", "VpcConfig.SubnetIds", "", True,
    )
    assert only(spec_changes(lambda s: s["ResourceTypes"].pop("AWS::EC2::IPAM"))) == ("type-removed", "", "", True)


def test_schema_rules() -> None:
    cases = [
        (lambda s: s["properties"]["MemorySize"].update(maximum=128), ("MemorySize", "maximum 32768 → 128", True)),
        (lambda s: s["properties"]["MemorySize"].update(minimum=64), ("MemorySize", "minimum 128 → 64", False)),
        (lambda s: s["properties"]["MemorySize"].pop("maximum"), ("MemorySize", "maximum 32768 removed", False)),
        (lambda s: s["properties"]["MemorySize"].update(type="number"), ("MemorySize", "integer → number", False)),
        (lambda s: s["properties"]["Timeout"].update(type="string"), ("Timeout", "integer → string", True)),
        (lambda s: s["properties"]["Description"].update(maxLength=10), ("Description", "maxLength 256 → 10", True)),
        (lambda s: s["properties"]["Runtime"]["enum"].remove("python3.12"), ("Runtime", "enum values removed: python3.12", True)),
        (lambda s: s["properties"]["Description"].update(pattern="^a$"), ("Description", "pattern added: ^a$", True)),
    ]
    for edit, (where, detail, breaking) in cases:
        changes = schema_changes(edit)
        assert [(c.where, c.detail, c.breaking) for c in changes] == [(where, detail, breaking)], changes
    kind, where, _, breaking = only(schema_changes(lambda s: s["required"].append("Description")))
    assert (kind, where, breaking) == ("required-changed", "Description", True)
    kind, where, _, breaking = only(schema_changes(lambda s: s["createOnlyProperties"].append("/properties/Runtime")))
    assert (kind, where, breaking) == ("update-changed", "Runtime", False)
    kind, where, _, breaking = only(schema_changes(lambda s: s["readOnlyProperties"].remove("/properties/Arn") or s["properties"].pop("Arn")))
    assert (kind, where, breaking) == ("attribute-removed", "Arn", True)
    kind, where, _, breaking = only(schema_changes(lambda s: s["definitions"]["VpcConfig"]["properties"].pop("SubnetIds")))
    assert (kind, where, breaking) == ("property-removed", "VpcConfig.SubnetIds", True)
    # Changes that allow nothing new nor less are not reported.
    assert schema_changes(lambda s: s["properties"]["Description"].update(description="other words")) == []
    assert schema_changes(lambda s: s["properties"]["Description"].pop("minLength")) == []  # minLength 0: no minimum


def test_both_sources_merge_into_one_line() -> None:
    report = Report(changes=[
        Change("AWS::X::Y", "property-added", "P", "", False, "registry"),
        Change("AWS::X::Y", "property-added", "P", "", False, "spec"),
    ])
    (entry,) = report.entries()
    assert entry.sources == ("spec", "registry") and entry.text() == "property added: P"


def test_changes_file_is_newest_first() -> None:
    first = render_markdown(Report(changes=[Change("AWS::X::Y", "type-added", "", "", False, "spec")]))
    second = render_markdown(Report(changes=[Change("AWS::X::Z", "type-removed", "", "", True, "spec")]))
    text = prepend_entry(prepend_entry(None, first), second)
    assert text.startswith(CHANGES_HEADER)
    assert text.index("AWS::X::Z") < text.index("AWS::X::Y")
    assert text.count(CHANGES_HEADER) == 1
    assert "Breaking changes in: `AWS::X::Z` (1)." in text
    assert "### AWS::X::Z\n\n- **breaking** resource type removed (spec)\n" in text
    # A file written by hand before is kept, below.
    assert prepend_entry("# Notes\n", first).endswith("\n# Notes\n")


def test_markdown_code_spans_survive_backticks() -> None:
    report = Report(changes=[Change("AWS::X::Y", "constraint-changed", "P", "pattern added: a`b", True, "registry")])
    assert "``pattern added: a`b``" in render_markdown(report)
