"""Fixtures for the update-spec tests: a loopback server serving the NEW fixture
specs, and a throwaway project whose specs/ holds the OLD ones.

Everything is offline: the data are the real subsets in tests/fixtures/update
(see make_fixtures.py there), served from 127.0.0.1 on an ephemeral port.
"""

from __future__ import annotations

import datetime
import email.utils
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import pytest

from codegen.cli import main
from update_server import FixtureServer, Route

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "update"
OLD = FIXTURES / "old"
NEW = FIXTURES / "new"
SPEC_GZ = "CloudFormationResourceSpecification.json.gz"
ZIP = "CloudformationSchema.zip"
SPEC_PATH = "/latest/gzip/CloudFormationResourceSpecification.json"
ZIP_PATH = "/us-east-1/CloudformationSchema.zip"
NEW_SCHEMA_DATE = "2026-10-20T22:11:15Z"  # the schema_date of the newer cfn-lint wheel
NEW_SCHEMA_LAST_MODIFIED = email.utils.format_datetime(
    datetime.datetime(2026, 10, 20, 22, 11, 15, tzinfo=datetime.timezone.utc), usegmt=True
)
SPEC_ETAG = '"spec-186.0.0"'
ZIP_ETAG = '"schemas-2026-10-20"'
# Short limits, so that faults are found quickly.
FAST = ["--timeout", "0.5", "--retries", "1", "--retry-backoff", "0"]


def snapshot(folder: Path) -> Dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too), by relative path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def serve_new(server: FixtureServer) -> None:
    server.routes[SPEC_PATH] = Route(
        body=(NEW / SPEC_GZ).read_bytes(),
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        etag=SPEC_ETAG,
        last_modified="Tue, 03 Sep 2024 10:00:00 GMT",
    )
    server.routes[ZIP_PATH] = Route(
        body=(NEW / ZIP).read_bytes(),
        headers={"Content-Type": "application/zip"},
        etag=ZIP_ETAG,
        last_modified=NEW_SCHEMA_LAST_MODIFIED,
    )


@dataclass
class Project:
    root: Path
    specs: Path
    generated: Path
    server: FixtureServer

    def state(self) -> Tuple[Dict[str, bytes], Dict[str, bytes]]:
        return snapshot(self.specs), snapshot(self.generated)


@pytest.fixture
def server() -> Iterator[FixtureServer]:
    fixture = FixtureServer().start()
    yield fixture
    fixture.stop()


@pytest.fixture
def project(tmp_path: Path, server: FixtureServer, monkeypatch: pytest.MonkeyPatch) -> Project:
    root = tmp_path / "project"
    specs = root / "specs"
    specs.mkdir(parents=True)
    for name in (SPEC_GZ, ZIP, "provenance.json"):
        shutil.copy(OLD / name, specs / name)
    generated = root / "generated"
    (generated / "cfnpy").mkdir(parents=True)
    (generated / "cfnpy" / "__init__.py").write_text('SPEC_VERSION = "140.0.0"\n')
    (root / "pyproject.toml").write_text(
        "[tool.cfn-codegen]\n"
        'specs = "specs"\n'
        'out = "generated"\n'
        'region = "us-east-1"\n'
        f'resource-spec-url = "{server.url(SPEC_PATH)}"\n'
        f'registry-schema-url = "http://127.0.0.1:{server.port}/{{region}}/CloudformationSchema.zip"\n'
    )
    monkeypatch.chdir(root)
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    serve_new(server)
    return Project(root=root, specs=specs, generated=generated, server=server)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> Tuple[int, str, List[str]]:
    """Run the command line; returns (exit status, stdout, stderr lines)."""
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, [line for line in captured.err.splitlines() if line.strip()]
