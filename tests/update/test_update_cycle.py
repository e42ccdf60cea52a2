"""The full update cycle, offline: an older real spec in specs/ is replaced by a newer
real one served from loopback; the report lists the real differences; the provenance,
CHANGES.md and conditional requests work; the package generates from the result."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from codegen.load.specfiles import sha256_file
from conftest import (
    FAST,
    NEW,
    NEW_SCHEMA_DATE,
    OLD,
    ROOT,
    SPEC_ETAG,
    SPEC_GZ,
    SPEC_PATH,
    ZIP,
    ZIP_ETAG,
    ZIP_PATH,
    Project,
    run,
    snapshot,
)

# Real differences between the fixture versions (140.0.0 -> 186.0.0; schemas of
# 2024-09-03 -> 2026-10-20), each as the report prints it.
REAL_DIFFERENCES = [
    "AWS::Glue::UsageProfile\n  + resource type added  [spec, registry]",
    "AWS::OpsWorks::App\n  ! resource type removed  [registry]",
    "! property removed: ReplicationConfigArn  [spec]",
    "! required changed: ComputeConfig: now required  [spec]",
    "~ update behaviour changed: ResourceIdentifier: UpdateType Mutable → Immutable  [spec]",
    "+ attribute added: ReplicationConfigArn  [spec]",
    "! type changed: Tags: List<TagEntry> → List<Tag>  [spec]",
    "! property type removed: TagEntry  [spec]",
    "! attribute removed: Policy  [spec]",
    "! type changed: RequestParameters: Json → Map<String>  [spec]",
    "! type changed: RequestParameters: object | string → object  [registry]",
    "+ property added: LoggingConfig  [spec]",
    "+ property added: DurableConfig  [registry]",
    "~ constraint changed: MemorySize: maximum 10240 → 32768  [registry]",
    "! constraint changed: Layers: maxItems 5 added  [registry]",
    "~ update behaviour changed: PackageType: now create-only: changing it replaces the resource  [registry]",
    "+ attribute added: IntegrationId  [spec, registry]",
]


def test_full_update_cycle(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    generated_before = snapshot(project.generated)
    code, out, err = run(capsys, "update-spec", *FAST)
    assert code == 0, err
    assert err == []
    assert "resource specification: 140.0.0 → 186.0.0" in out
    assert f"registry schemas: 2024-09-03T18:02:30Z → {NEW_SCHEMA_DATE}" in out
    for difference in REAL_DIFFERENCES:
        assert difference in out, difference
    assert "1 resource type added, 1 removed, 6 changed" in out

    # The files are the newer real ones, written deterministically in AWS's layout.
    assert (project.specs / SPEC_GZ).read_bytes() == (NEW / SPEC_GZ).read_bytes()
    assert (project.specs / ZIP).read_bytes() == (NEW / ZIP).read_bytes()
    assert gzip.decompress((project.specs / SPEC_GZ).read_bytes()) == gzip.decompress((NEW / SPEC_GZ).read_bytes())
    assert sorted(p.name for p in project.specs.iterdir()) == ["CHANGES.md", SPEC_GZ, ZIP, "provenance.json"]
    assert snapshot(project.generated) == generated_before

    provenance = json.loads((project.specs / "provenance.json").read_text())["inputs"]
    spec, schemas = provenance["resource-specification"], provenance["registry-schemas"]
    assert spec["version"] == "186.0.0" and schemas["version"] == NEW_SCHEMA_DATE
    assert spec["source"] == project.server.url(SPEC_PATH) and schemas["source"] == project.server.url(ZIP_PATH)
    assert spec["etag"] == SPEC_ETAG and schemas["etag"] == ZIP_ETAG
    assert schemas["last_modified"] == "Tue, 20 Oct 2026 22:11:15 GMT"
    for entry in (spec, schemas):
        assert entry["sha256"] == sha256_file(project.specs / entry["file"])
        for key in ("file", "official_url", "origin", "version", "retrieved", "sha256", "download_sha256"):
            assert entry.get(key), key
    assert spec["official_url"] == project.server.url(SPEC_PATH)  # the configured URL
    assert spec["download_sha256"] == __import__("hashlib").sha256((NEW / SPEC_GZ).read_bytes()).hexdigest()

    changes = (project.specs / "CHANGES.md").read_text()
    assert changes.startswith("# Changes in the CloudFormation specs\n")
    assert f"resource specification 140.0.0 → 186.0.0; registry schemas 2024-09-03T18:02:30Z → {NEW_SCHEMA_DATE}" in changes
    assert "Breaking changes in: `AWS::ApiGatewayV2::Integration` (" in changes
    assert "### AWS::DMS::ReplicationConfig\n\n- **breaking** property removed: `ReplicationConfigArn` (spec)\n" in changes
    assert "### AWS::Glue::UsageProfile\n\n- resource type added (spec, registry)" in changes

    # Unchanged upstream: one conditional request per input, answered 304; nothing written.
    state = project.state()
    assert len(project.server.hits(SPEC_PATH)) == 1 and len(project.server.hits(ZIP_PATH)) == 1
    code, out, err = run(capsys, "update-spec", *FAST)
    assert code == 0 and err == []
    assert "resource specification: up to date (186.0.0; not modified, HTTP 304)" in out
    assert "registry schemas: up to date" in out
    spec_hits, zip_hits = project.server.hits(SPEC_PATH), project.server.hits(ZIP_PATH)
    assert len(spec_hits) == 2 and len(zip_hits) == 2
    assert spec_hits[1]["If-None-Match"] == SPEC_ETAG and zip_hits[1]["If-None-Match"] == ZIP_ETAG
    assert project.state() == state
    assert run(capsys, "update-spec", "--check", *FAST)[0] == 0


def test_generate_from_the_updated_specs(project: Project, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "update-spec", *FAST)[0] == 0
    out = tmp_path / "out"
    code, stdout, err = run(
        capsys,
        "generate",
        "--type",
        "AWS::DMS::ReplicationConfig",
        "--specs",
        str(project.specs),
        "--out",
        str(out),
        "--templates",
        str(ROOT / "templates"),
    )
    assert code == 0, err
    module = (out / "cfnpy" / "aws_dms" / "_cfn_replication_config.py").read_text()
    assert "class CfnReplicationConfig" in module
    # ComputeConfig became required in 186.0.0; ReplicationConfigArn became an attribute.
    assert "compute_config" in module and "attr_replication_config_arn" in module


def test_check_exits_1_when_newer_and_writes_nothing(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    state = project.state()
    code, out, err = run(capsys, "update-spec", "--check", *FAST)
    assert code == 1 and err == []
    assert "a newer spec is available" in out
    assert "! property removed: ReplicationConfigArn  [spec]" in out
    assert project.state() == state


def test_same_content_records_the_etag_once(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    # specs/ already holds the newer files, vendored without ETags (as from PyPI).
    for name in (SPEC_GZ, ZIP, "provenance.json"):
        shutil.copy(NEW / name, project.specs / name)
    code, out, err = run(capsys, "update-spec", *FAST)
    assert code == 0 and err == []
    assert "resource specification: up to date (186.0.0; same content)" in out
    assert (project.specs / SPEC_GZ).read_bytes() == (NEW / SPEC_GZ).read_bytes()
    assert not (project.specs / "CHANGES.md").exists()
    entry = json.loads((project.specs / "provenance.json").read_text())["inputs"]["resource-specification"]
    assert entry["etag"] == SPEC_ETAG and entry["sha256"] == sha256_file(project.specs / SPEC_GZ)
    state = project.state()
    code, out, _ = run(capsys, "update-spec", *FAST)
    assert code == 0 and "not modified, HTTP 304" in out and project.state() == state


def test_older_spec_refused_unless_allowed_and_changes_are_newest_first(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "update-spec", *FAST)[0] == 0
    state = project.state()
    code, _, err = run(capsys, "update-spec", "--file", str(OLD / SPEC_GZ))
    assert code == 2 and len(err) == 1
    assert "version 140.0.0 is older than the current 186.0.0" in err[0]
    assert project.state() == state
    code, out, err = run(capsys, "update-spec", "--file", str(OLD / SPEC_GZ), "--allow-older")
    assert code == 0, err
    assert "resource specification: 186.0.0 → 140.0.0" in out
    assert "+ property added: ReplicationConfigArn  [spec]" in out
    changes = (project.specs / "CHANGES.md").read_text()
    newest, older = changes.index("186.0.0 → 140.0.0"), changes.index("140.0.0 → 186.0.0")
    assert newest < older
    assert changes.count("# Changes in the CloudFormation specs") == 1
    provenance = json.loads((project.specs / "provenance.json").read_text())["inputs"]
    assert provenance["resource-specification"]["source"] == str(OLD / SPEC_GZ)
    assert "etag" not in provenance["resource-specification"]
    assert provenance["registry-schemas"]["version"] == NEW_SCHEMA_DATE  # not touched


def test_retries_a_503_then_succeeds(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    project.server.routes[ZIP_PATH].fail = [503]
    code, out, err = run(capsys, "update-spec", *FAST)
    assert code == 0, err
    assert len(project.server.hits(ZIP_PATH)) == 2


def test_only_and_region(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "update-spec", "--only", "schemas", *FAST)
    assert code == 0, err
    assert project.server.hits(SPEC_PATH) == []
    assert (project.specs / SPEC_GZ).read_bytes() == (OLD / SPEC_GZ).read_bytes()
    assert "registry schemas: 2024-09-03T18:02:30Z → " in out and "resource specification 140.0.0 (unchanged)" not in out
    # Another region: the schema URL follows {region} (nothing is served there).
    code, _, err = run(capsys, "update-spec", "--only", "schemas", "--region", "eu-west-1", *FAST)
    assert code == 2 and len(err) == 1
    assert f"/eu-west-1/{ZIP}: HTTP 404" in err[0]


def test_stale_patches_are_reported(project: Project, capsys: pytest.CaptureFixture[str]) -> None:
    (project.specs / "patches").mkdir()
    shutil.copy(ROOT / "specs" / "patches" / "aws-glue-session.json", project.specs / "patches")
    code, out, err = run(capsys, "update-spec", *FAST)
    assert code == 0 and err == []
    assert "cfn-codegen: warning: " in out and "patches aws-glue-session.json, which the new zip does not have" in out


def test_fixtures_are_subsets_of_the_vendored_specs() -> None:
    """The NEW fixtures are the vendored specs (cfn-lint 0.87.11 / 1.58.0), cut down."""
    import zipfile

    vendored = json.loads((ROOT / "specs" / "provenance.json").read_text())["inputs"]
    if vendored["resource-specification"]["version"] != "186.0.0":
        pytest.skip("specs/ has been updated since the fixtures were made")
    full = json.loads(gzip.decompress((ROOT / "specs" / SPEC_GZ).read_bytes()))
    subset = json.loads(gzip.decompress((NEW / SPEC_GZ).read_bytes()))
    for name, entry in subset["ResourceTypes"].items():
        assert full["ResourceTypes"][name] == entry
    for name, entry in subset["PropertyTypes"].items():
        assert full["PropertyTypes"][name] == entry
    with zipfile.ZipFile(ROOT / "specs" / ZIP) as big, zipfile.ZipFile(NEW / ZIP) as small:
        for member in small.namelist():
            assert small.read(member) == big.read(member), member
