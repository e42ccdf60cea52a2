"""Vendor the real AWS CloudFormation inputs into ``specs/`` from PyPI wheels.

AWS publishes the resource specification and the registry schema zip on its own
hosts; copies of both ship inside the ``cfn-lint`` wheels on PyPI, which is what
this script takes (``cfn-codegen update-spec`` fetches from AWS directly).

    python tools/vendor_from_pypi.py [--spec-wheel cfn-lint==0.87.11] [--schema-wheel cfn-lint==1.58.0]

The outputs are written deterministically (gzip and zip members carry fixed
timestamps) and recorded, with their sha256, in ``specs/provenance.json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from codegen.load.specfiles import (  # noqa: E402
    RESOURCE_SPEC_FILE,
    SCHEMA_ZIP_FILE,
    registry_file_name,
    write_provenance_entry,
    write_resource_spec,
    write_schema_zip,
)

SPEC_MEMBER = "cfnlint/data/CloudSpecs/us-east-1.json"
SCHEMAS_DIR = "cfnlint/data/schemas/"
PROVIDER_MAP = SCHEMAS_DIR + "providers/us-east-1.json"
SPEC_URL = "https://d1uauaxba7bl26.cloudfront.net/latest/gzip/CloudFormationResourceSpecification.json"
SCHEMA_URL = "https://schema.cloudformation.us-east-1.amazonaws.com/CloudformationSchema.zip"


def download_wheel(requirement: str, into: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(into), requirement],
        check=True,
    )
    name, _, version = requirement.partition("==")
    stem = name.replace("-", "_")
    (wheel,) = into.glob(f"{stem}-{version}-*.whl")
    return wheel


def vendor_resource_spec(requirement: str, specs: Path, work: Path) -> None:
    wheel = download_wheel(requirement, work)
    with zipfile.ZipFile(wheel) as whl:
        raw = whl.read(SPEC_MEMBER)
    version = json.loads(raw)["ResourceSpecificationVersion"]
    target = specs / RESOURCE_SPEC_FILE
    write_resource_spec(target, raw)
    write_provenance_entry(
        specs,
        "resource-specification",
        file=RESOURCE_SPEC_FILE,
        official_url=SPEC_URL,
        origin=f"PyPI wheel {wheel.name}, member {SPEC_MEMBER} (us-east-1)",
        version=version,
    )


def vendor_registry_schemas(requirement: str, specs: Path, work: Path) -> None:
    wheel = download_wheel(requirement, work)
    members: dict[str, bytes] = {}
    with zipfile.ZipFile(wheel) as whl:
        providers: dict[str, str] = json.loads(whl.read(PROVIDER_MAP))
        schema_date = json.loads(whl.read(SCHEMAS_DIR + "version.json"))["schema_date"]
        for type_name, digest in providers.items():
            members[registry_file_name(type_name)] = whl.read(f"{SCHEMAS_DIR}resources/{digest}.json")
    target = specs / SCHEMA_ZIP_FILE
    write_schema_zip(target, members)
    write_provenance_entry(
        specs,
        "registry-schemas",
        file=SCHEMA_ZIP_FILE,
        official_url=SCHEMA_URL,
        origin=(
            f"PyPI wheel {wheel.name}, {SCHEMAS_DIR}resources/ as mapped by {PROVIDER_MAP}"
            " (us-east-1; cfn-lint ships AWS's schemas with its own patches applied)"
        ),
        version=schema_date,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--specs", type=Path, default=ROOT / "specs")
    parser.add_argument("--spec-wheel", default="cfn-lint==0.87.11")
    parser.add_argument("--schema-wheel", default="cfn-lint==1.58.0")
    args = parser.parse_args()
    args.specs.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "a").mkdir()
        (work / "b").mkdir()
        vendor_resource_spec(args.spec_wheel, args.specs, work / "a")
        vendor_registry_schemas(args.schema_wheel, args.specs, work / "b")


if __name__ == "__main__":
    main()
