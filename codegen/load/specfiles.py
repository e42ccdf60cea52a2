"""The files in ``specs/``: their names, how they are read, written and checked.

``specs/`` holds, in AWS's own formats:

* ``CloudFormationResourceSpecification.json.gz``: the resource specification;
* ``CloudformationSchema.zip``: one registry schema per type, ``aws-<service>-<resource>.json``;
* ``provenance.json``: where each came from, its version, its sha256.
"""

from __future__ import annotations

import datetime
import gzip
import hashlib
import io
import json
import zipfile
import zlib
from pathlib import Path
from typing import Any, Iterable, Mapping

from codegen.errors import SpecError
from codegen.write.atomic import atomic_write_bytes

RESOURCE_SPEC_FILE = "CloudFormationResourceSpecification.json.gz"
SCHEMA_ZIP_FILE = "CloudformationSchema.zip"
PROVENANCE_FILE = "provenance.json"

# ``cfn-codegen update-spec`` stages new files in a hidden folder and journals the
# renames (codegen/update/commit.py); a journal left behind means a half-done update.
UPDATE_JOURNAL = ".update-spec-journal.json"
UPDATE_STAGING_PREFIX = ".update-spec-staging-"

# Inputs larger than this are refused before parsing: the real ones are far smaller.
MAX_INPUT_BYTES = 512 * 1024 * 1024
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


def registry_file_name(type_name: str) -> str:
    """``AWS::Lambda::EventInvokeConfig`` -> ``aws-lambda-eventinvokeconfig.json`` (AWS's zip layout)."""
    return type_name.replace("::", "-").lower() + ".json"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- parsing -----------------------------------------------------------------


def _reject_duplicates(file: str) -> Any:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                raise SpecError(file, "", f"duplicate key {key!r} in one JSON object")
            result[key] = value
        return result

    return hook


def parse_json(data: bytes, file: str) -> Any:
    """Parse JSON bytes strictly: UTF-8, no duplicate keys, no NaN; errors name the file."""
    if len(data) > MAX_INPUT_BYTES:
        raise SpecError(file, "", f"{len(data)} bytes is over the limit of {MAX_INPUT_BYTES}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SpecError(file, "", f"not UTF-8: byte {exc.start} is {data[exc.start:exc.start + 1]!r}") from None

    def no_constant(name: str) -> Any:
        raise ValueError(f"{name} is not valid JSON")

    try:
        return json.loads(text, object_pairs_hook=_reject_duplicates(file), parse_constant=no_constant)
    except json.JSONDecodeError as exc:
        raise SpecError(file, "", f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise SpecError(file, "", "invalid JSON: nested too deeply") from None
    except ValueError as exc:
        raise SpecError(file, "", f"invalid JSON: {exc}") from None


def check_no_interrupted_update(specs: Path) -> None:
    """Refuse a specs folder whose update was interrupted while its files were being replaced."""
    if (specs / UPDATE_JOURNAL).exists():
        raise SpecError(
            str(specs / UPDATE_JOURNAL), "", "an update of the specs was interrupted; run `cfn-codegen update-spec` to finish it"
        )


def read_resource_spec(specs: Path) -> Any:
    return read_resource_spec_digest(specs)[0]


def read_resource_spec_digest(specs: Path) -> tuple[Any, bytes]:
    """The resource specification, and the sha256 of its file as read."""
    check_no_interrupted_update(specs)
    path = specs / RESOURCE_SPEC_FILE
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SpecError(str(path), "", f"cannot read: {exc.strerror or exc}") from None
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            data = stream.read(MAX_INPUT_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise SpecError(str(path), "", f"corrupt gzip: {exc}") from None
    return parse_json(data, str(path)), hashlib.sha256(raw).digest()


def read_registry_schemas(
    specs: Path,
    type_names: Iterable[str] | None = None,
    digests: dict[str, bytes] | None = None,
    sizes: dict[str, int] | None = None,
) -> dict[str, Any]:
    """Schemas by zip member name; all of them, or those of ``type_names`` only.
    ``digests`` and ``sizes``, if given, receive the sha256 and length of each member's bytes."""
    check_no_interrupted_update(specs)
    path = specs / SCHEMA_ZIP_FILE
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise SpecError(str(path), "", f"cannot open zip: {exc}") from None
    with archive:
        listed = archive.namelist()
        twice = sorted({n for n in listed if listed.count(n) > 1}) if len(set(listed)) != len(listed) else []
        if twice:
            raise SpecError(f"{path}!{twice[0]}", "", "listed twice in the zip: which copy is meant is unclear")
        names = sorted(n for n in listed if n.endswith(".json") and "/" not in n)
        if type_names is not None:
            wanted = {registry_file_name(t) for t in type_names}
            names = [n for n in names if n in wanted]
        schemas: dict[str, Any] = {}
        for name in names:
            member = f"{path}!{name}"
            info = archive.getinfo(name)
            if info.file_size > MAX_INPUT_BYTES:
                raise SpecError(member, "", f"{info.file_size} bytes is over the limit of {MAX_INPUT_BYTES}")
            try:
                data = archive.read(name)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
                raise SpecError(member, "", f"corrupt zip member: {exc}") from None
            schemas[name] = parse_json(data, member)
            if digests is not None:
                digests[name] = hashlib.sha256(data).digest()
            if sizes is not None:
                sizes[name] = len(data)
    return schemas


# -- writing -----------------------------------------------------------------


def write_resource_spec(target: Path, raw_json: bytes) -> None:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as stream:
        stream.write(raw_json)
    atomic_write_bytes(target, buffer.getvalue())


def write_schema_zip(target: Path, members: Mapping[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, members[name])
    atomic_write_bytes(target, buffer.getvalue())


def read_provenance(specs: Path) -> dict[str, Any]:
    path = specs / PROVENANCE_FILE
    if not path.exists():
        return {"inputs": {}}
    data = parse_json(path.read_bytes(), str(path))
    if not isinstance(data, dict) or not isinstance(data.get("inputs"), dict):
        raise SpecError(str(path), "/inputs", "expected an object of inputs")
    return data


def write_provenance_entry(specs: Path, key: str, *, file: str, **fields: Any) -> None:
    """Record (or replace) one input's provenance, with the sha256 of the file as vendored."""
    provenance = read_provenance(specs)
    entry = {"file": file, **fields}
    entry["retrieved"] = datetime.date.today().isoformat()
    entry["sha256"] = sha256_file(specs / file)
    provenance["inputs"][key] = entry
    provenance["inputs"] = dict(sorted(provenance["inputs"].items()))
    text = json.dumps(provenance, indent=2, sort_keys=False) + "\n"
    atomic_write_bytes(specs / PROVENANCE_FILE, text.encode())
