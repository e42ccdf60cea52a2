"""Extract the jsii type entries the L2 generator reads from the published AWS CDK wheels.

The AWS CDK v1 Python wheels on PyPI each carry their jsii assembly, the
declarative description of the library's API that jsii-pacmak generated the
Python code from, as ``<module>/_jsii/<name>@<version>.jsii.tgz`` (an npm
tarball holding ``package/.jsii``; the assembly may instead be a
``jsii/file-redirect`` to a gzipped ``package/.jsii.gz``). This script takes a
few type entries out of those assemblies, unchanged, and writes them to
``specs/l2/<name>.jsii.json``:

    {"assembly": {"name", "version", "fingerprint", "targets": {"python": ...}},
     "types": {fqn: entry, ...},
     "pythonExamples": {location: source, ...}}

``pythonExamples`` holds, from the same tarball's rosetta tablet
(``package/.jsii.tabl.json``), the Python translations of the ``example`` doc
fields of the extracted types and their members (the assembly keeps them in
TypeScript); keys are the type's fqn, ``fqn#member`` or ``fqn#<initializer>``.

    python tools/extract_jsii.py [--cdk-version 1.204.0] [--constructs-version 3.4.344]
                                 [--types FQN ...]

``--types`` replaces the default list (``TYPES``); each fqn goes to the
assembly whose name prefixes it. Outputs are written deterministically (sorted
keys, indent=1, trailing newline) and recorded in ``specs/provenance.json``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import posixpath
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from codegen.write.atomic import atomic_write_bytes  # noqa: E402
from codegen.load.specfiles import write_provenance_entry  # noqa: E402

L2_DIR = "l2"


@dataclass(frozen=True)
class Source:
    """One jsii assembly: where its wheel comes from and where its extract goes."""

    assembly: str  # jsii assembly name, the prefix of its types' fqns
    distribution: str  # PyPI distribution of the wheel
    provenance_key: str
    file: str  # relative to specs/

    def requirement(self, version: str) -> str:
        return f"{self.distribution}=={version}"

    def official_url(self, version: str) -> str:
        return f"https://pypi.org/project/{self.distribution}/{version}/"


SOURCES = (
    Source("@aws-cdk/aws-lambda", "aws-cdk.aws-lambda", "jsii-aws-lambda", f"{L2_DIR}/aws-lambda.jsii.json"),
    Source("@aws-cdk/core", "aws-cdk.core", "jsii-core", f"{L2_DIR}/core.jsii.json"),
    # aws-cdk.core 1.x builds on constructs 3.x: `constructs.Construct` is the type of every
    # construct's `scope` and the declarer of `toString`; `constructs.IConstruct` a base of
    # `@aws-cdk/core.IConstruct`.
    Source("constructs", "constructs", "jsii-constructs", f"{L2_DIR}/constructs.jsii.json"),
)

# The types the L2 generator reads, whole. `Function`/`FunctionBase` are there for
# `Function.fromFunctionArn/fromFunctionName/fromFunctionAttributes` only: the loader
# converts the members it is asked for, so their references to other assemblies
# (aws-iam, aws-ec2, ...) are never followed.
TYPES = (
    "@aws-cdk/aws-lambda.EventInvokeConfig",
    "@aws-cdk/aws-lambda.EventInvokeConfigProps",
    "@aws-cdk/aws-lambda.EventInvokeConfigOptions",
    "@aws-cdk/aws-lambda.IDestination",
    "@aws-cdk/aws-lambda.DestinationConfig",
    "@aws-cdk/aws-lambda.DestinationOptions",
    "@aws-cdk/aws-lambda.DestinationType",
    "@aws-cdk/aws-lambda.IFunction",
    "@aws-cdk/aws-lambda.FunctionAttributes",
    "@aws-cdk/aws-lambda.Function",
    "@aws-cdk/aws-lambda.FunctionBase",
    "@aws-cdk/core.Resource",
    "@aws-cdk/core.IResource",
    "@aws-cdk/core.ResourceProps",
    "@aws-cdk/core.ResourceEnvironment",
    "@aws-cdk/core.Duration",
    "@aws-cdk/core.TimeConversionOptions",
    "@aws-cdk/core.RemovalPolicy",
    "@aws-cdk/core.RemovalPolicyOptions",
    "@aws-cdk/core.Construct",
    "@aws-cdk/core.IConstruct",
    "@aws-cdk/core.IDependable",
    "@aws-cdk/core.ConstructNode",
    "@aws-cdk/core.Stack",
    "constructs.Construct",
    "constructs.IConstruct",
)

DEFAULT_CDK_VERSION = "1.204.0"
# The newest constructs 3.x (aws-cdk.core 1.204.0 requires constructs>=3.3.69,<4).
DEFAULT_CONSTRUCTS_VERSION = "3.4.344"


class ExtractError(Exception):
    pass


def download_wheel(requirement: str, into: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(into), requirement],
        check=True,
    )
    name, _, version = requirement.partition("==")
    wheels = sorted(into.glob(f"{name.replace('-', '_')}-{version}-*.whl"))
    if len(wheels) != 1:
        raise ExtractError(f"expected one wheel for {requirement} in {into}, found {[w.name for w in wheels]}")
    return wheels[0]


def _tarball_member(wheel: Path) -> tuple[str, bytes]:
    with zipfile.ZipFile(wheel) as whl:
        names = [n for n in whl.namelist() if "/_jsii/" in n and n.endswith(".jsii.tgz")]
        if len(names) != 1:
            raise ExtractError(f"{wheel.name}: expected one */_jsii/*.jsii.tgz, found {names}")
        return names[0], whl.read(names[0])


def _read_tar_file(tar: tarfile.TarFile, name: str) -> Optional[bytes]:
    try:
        info = tar.getmember(name)
    except KeyError:
        return None
    stream = tar.extractfile(info)
    if stream is None:
        raise ExtractError(f"{name} is not a regular file")
    return stream.read()


def read_assembly_tarball(data: bytes, where: str) -> tuple[dict[str, Any], Optional[dict[str, Any]]]:
    """The assembly of an npm tarball (following a file redirect), and its rosetta tablet if any."""
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        raw = _read_tar_file(tar, "package/.jsii")
        if raw is None:
            raise ExtractError(f"{where}: no package/.jsii")
        assembly = json.loads(raw)
        if assembly.get("schema") == "jsii/file-redirect":
            target = posixpath.normpath(str(assembly.get("filename", "")))
            if target in ("", ".") or target.startswith(("/", "..")):
                raise ExtractError(f"{where}: unsupported redirect filename {target!r}")
            compression = assembly.get("compression")
            if compression not in (None, "gzip"):
                raise ExtractError(f"{where}: unsupported redirect compression {compression!r}")
            redirected = _read_tar_file(tar, "package/" + target)
            if redirected is None:
                raise ExtractError(f"{where}: redirect to missing {target}")
            if compression == "gzip":
                redirected = gzip.decompress(redirected)
            assembly = json.loads(redirected)
        if not str(assembly.get("schema", "")).startswith("jsii/"):
            raise ExtractError(f"{where}: package/.jsii is not a jsii assembly (schema {assembly.get('schema')!r})")
        tablet_raw = _read_tar_file(tar, "package/.jsii.tabl.json")
        if tablet_raw is None:
            compressed = _read_tar_file(tar, "package/.jsii.tabl.json.gz")
            tablet_raw = gzip.decompress(compressed) if compressed is not None else None
        tablet = json.loads(tablet_raw) if tablet_raw is not None else None
    return assembly, tablet


def _example_key(api: Any, wanted: set[str]) -> Optional[str]:
    if not isinstance(api, dict) or api.get("fqn") not in wanted:
        return None
    kind = api.get("api")
    if kind == "type":
        return str(api["fqn"])
    if kind == "member":
        return f"{api['fqn']}#{api.get('memberName', '')}"
    if kind == "initializer":
        return f"{api['fqn']}#<initializer>"
    return None


def python_examples(tablet: Optional[dict[str, Any]], wanted: set[str]) -> Dict[str, str]:
    """Python translations of the ``example`` doc fields of the wanted types and their members."""
    found: Dict[str, str] = {}
    if tablet is None:
        return found
    for snippet in tablet.get("snippets", {}).values():
        location = snippet.get("location") or {}
        if (location.get("field") or {}).get("field") != "example":
            continue
        key = _example_key(location.get("api"), wanted)
        python = (snippet.get("translations") or {}).get("python")
        if key is None or python is None:
            continue
        if key in found and found[key] != python["source"]:
            raise ExtractError(f"two different Python examples for {key}")
        found[key] = python["source"]
    return found


def extract(assembly: dict[str, Any], tablet: Optional[dict[str, Any]], fqns: Sequence[str], where: str) -> dict[str, Any]:
    types = assembly.get("types", {})
    missing = [f for f in fqns if f not in types]
    if missing:
        raise ExtractError(f"{where}: no type {missing[0]!r} in assembly {assembly.get('name')!r}")
    python = (assembly.get("targets") or {}).get("python")
    if python is None:
        raise ExtractError(f"{where}: the assembly has no targets.python")
    return {
        "assembly": {
            "name": assembly["name"],
            "version": assembly["version"],
            "fingerprint": assembly["fingerprint"],
            "targets": {"python": python},
        },
        "types": {f: types[f] for f in sorted(fqns)},
        "pythonExamples": python_examples(tablet, set(fqns)),
    }


def dump(document: dict[str, Any]) -> bytes:
    return (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def route_types(fqns: Sequence[str], sources: Sequence[Source]) -> Dict[str, List[str]]:
    """Each fqn to the source whose assembly name prefixes it (longest match)."""
    routed: Dict[str, List[str]] = {s.assembly: [] for s in sources}
    for fqn in fqns:
        owners = [s.assembly for s in sources if fqn.startswith(s.assembly + ".")]
        if not owners:
            raise ExtractError(f"{fqn!r} belongs to none of {[s.assembly for s in sources]}")
        routed[max(owners, key=len)].append(fqn)
    return routed


def vendor(source: Source, version: str, fqns: Sequence[str], specs: Path, work: Path) -> None:
    wheel = download_wheel(source.requirement(version), work)
    member, tarball = _tarball_member(wheel)
    where = f"{wheel.name}!{member}"
    assembly, tablet = read_assembly_tarball(tarball, where)
    if assembly.get("name") != source.assembly:
        raise ExtractError(f"{where}: assembly is {assembly.get('name')!r}, expected {source.assembly!r}")
    document = extract(assembly, tablet, fqns, where)
    target = specs / source.file
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(target, dump(document))
    examples = f" and {len(document['pythonExamples'])} Python examples from package/.jsii.tabl.json" if document[
        "pythonExamples"
    ] else ""
    write_provenance_entry(
        specs,
        source.provenance_key,
        file=source.file,
        official_url=source.official_url(version),
        origin=(
            f"PyPI wheel {wheel.name}, member {member}, package/.jsii: {len(fqns)} type entries"
            f" taken unchanged{examples}"
        ),
        version=str(assembly["version"]),
    )


def main(argv: Optional[Sequence[str]] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--specs", type=Path, default=ROOT / "specs")
    parser.add_argument("--cdk-version", default=DEFAULT_CDK_VERSION, help="aws-cdk.aws-lambda and aws-cdk.core")
    parser.add_argument("--lambda-version", default=None, help="aws-cdk.aws-lambda (default: --cdk-version)")
    parser.add_argument("--core-version", default=None, help="aws-cdk.core (default: --cdk-version)")
    parser.add_argument("--constructs-version", default=DEFAULT_CONSTRUCTS_VERSION)
    parser.add_argument("--types", nargs="+", default=list(TYPES), metavar="FQN", help="replaces the default list")
    args = parser.parse_args(argv)
    versions = {
        "@aws-cdk/aws-lambda": args.lambda_version or args.cdk_version,
        "@aws-cdk/core": args.core_version or args.cdk_version,
        "constructs": args.constructs_version,
    }
    try:
        routed = route_types(args.types, SOURCES)
        with tempfile.TemporaryDirectory() as tmp:
            for index, source in enumerate(SOURCES):
                if not routed[source.assembly]:
                    continue
                work = Path(tmp) / str(index)
                work.mkdir()
                vendor(source, versions[source.assembly], routed[source.assembly], args.specs, work)
    except ExtractError as exc:
        sys.exit(f"extract_jsii: {exc}")


if __name__ == "__main__":
    main()
