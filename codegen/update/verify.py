"""Check a downloaded input completely before anything is replaced.

The resource specification: gzip integrity (CRC and length) when it is gzipped,
strict JSON, the ``resource-specification`` structure. The registry schema zip:
zip integrity (every member's CRC), strict JSON per member, the
``registry-schema`` structure, each member named after its type as in AWS's
layout. Unpacked sizes are bounded too.
"""

from __future__ import annotations

import datetime
import email.utils
import gzip
import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Tuple

from codegen.errors import SpecError
from codegen.load import validate
from codegen.load.patches import apply_patch
from codegen.load.specfiles import parse_json, registry_file_name

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
# AWS's layout: one ``<org>-<service>-<resource>.json`` per type at the top of the zip.
_MEMBER = re.compile(r"^[a-z0-9]+-[a-z0-9]+-[a-z0-9]+\.json$")


_SPEC_PARTS = ("ResourceSpecificationVersion", "ResourceTypes", "PropertyTypes")


@dataclass(frozen=True)
class ResourceSpec:
    raw_json: bytes  # as published, unpacked
    document: Mapping[str, Any]

    @property
    def version(self) -> str:
        return str(self.document.get("ResourceSpecificationVersion", "unknown"))


@dataclass(frozen=True)
class SchemaZip:
    members: Mapping[str, bytes]  # zip member name -> bytes as published
    documents: Mapping[str, Mapping[str, Any]]  # zip member name -> parsed schema
    newest_member: Optional[datetime.datetime] = None
    skipped: Tuple[str, ...] = field(default_factory=tuple)
    warnings: Tuple[str, ...] = field(default_factory=tuple)  # patches that no longer apply


def gunzip(data: bytes, file: str, max_bytes: int) -> bytes:
    """Unpack gzip ``data`` (all members), checking CRC and length, at most ``max_bytes``."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(max_bytes + 1)
    except EOFError:
        raise SpecError(file, "", "corrupt gzip: truncated (the compressed stream ends early)") from None
    except (OSError, zlib.error) as exc:
        raise SpecError(file, "", f"corrupt gzip: {exc}") from None
    if len(out) > max_bytes:
        raise SpecError(file, "", f"unpacks to more than the limit of {max_bytes} bytes (see --max-bytes)")
    return out


def resource_spec(body: bytes, file: str, max_bytes: int, content_encoding: Optional[str] = None) -> ResourceSpec:
    """The resource specification in ``body`` (gzip or plain JSON), fully checked."""
    if content_encoding not in (None, "identity", "gzip", "x-gzip"):
        raise SpecError(file, "", f"unsupported Content-Encoding {content_encoding!r}")
    if content_encoding in ("gzip", "x-gzip") or body.startswith(GZIP_MAGIC):
        raw = gunzip(body, file, max_bytes)
        if raw.startswith(GZIP_MAGIC):  # served gzipped *and* with Content-Encoding: gzip
            raw = gunzip(raw, file, max_bytes)
    else:
        raw = body
    if len(raw) > max_bytes:
        raise SpecError(file, "", f"{len(raw)} bytes is over the limit of {max_bytes} (see --max-bytes)")
    document = parse_json(raw, file)
    # What the generator reads (cfn-lint's copies add ValueTypes, AWS may add more).
    parts = {k: document[k] for k in _SPEC_PARTS if k in document} if isinstance(document, dict) else document
    validate.check(parts, "resource-specification", file)
    if not document["ResourceTypes"]:
        raise SpecError(file, "/ResourceTypes", "no resource types: refusing an empty specification")
    return ResourceSpec(raw_json=raw, document=document)


def _member_time(info: zipfile.ZipInfo) -> Optional[datetime.datetime]:
    if info.date_time <= (1980, 1, 1, 0, 0, 0):
        return None
    try:
        return datetime.datetime(*info.date_time, tzinfo=datetime.timezone.utc)
    except ValueError:
        return None


def schema_zip(
    body: bytes,
    file: str,
    max_bytes: int,
    patches: Optional[Mapping[str, List[Dict[str, Any]]]] = None,
    patch_dir: str = "patches",
) -> SchemaZip:
    """The registry schemas in the zip ``body``, every member checked as the loader
    will read it: with its patch from ``patches`` (by member) applied. A patch that no
    longer applies (AWS changed that data) is reported in ``warnings`` and the member
    is checked as published."""
    patches = patches or {}
    warnings: List[str] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(body))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise SpecError(file, "", f"corrupt zip: {exc}") from None
    members: Dict[str, bytes] = {}
    documents: Dict[str, Mapping[str, Any]] = {}
    skipped: List[str] = []
    newest: Optional[datetime.datetime] = None
    with archive:
        infos = archive.infolist()
        names = [info.filename for info in infos]
        if len(set(names)) != len(names):
            duplicate = next(n for n in names if names.count(n) > 1)
            raise SpecError(file, "", f"corrupt zip: member {duplicate!r} appears twice")
        total = sum(info.file_size for info in infos)
        if total > max_bytes:
            raise SpecError(file, "", f"unpacks to {total} bytes, over the limit of {max_bytes} (see --max-bytes)")
        for info in infos:
            if info.is_dir():
                continue
            if not _MEMBER.match(info.filename):
                skipped.append(info.filename)
                continue
            member = f"{file}!{info.filename}"
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as exc:
                raise SpecError(member, "", f"corrupt zip member: {exc}") from None
            document = parse_json(data, member)
            checked = document
            if info.filename in patches:
                try:
                    checked = apply_patch(document, patches[info.filename], f"{patch_dir}/{info.filename}")
                except SpecError as exc:
                    warnings.append(f"{exc} (the patch no longer applies to the new {info.filename})")
            validate.check(checked, "registry-schema", member)
            expected = registry_file_name(document["typeName"])
            if expected != info.filename:
                raise SpecError(member, "/typeName", f"{document['typeName']!r} belongs in {expected}")
            members[info.filename] = data
            documents[info.filename] = document
            when = _member_time(info)
            if when is not None and (newest is None or when > newest):
                newest = when
    if not documents:
        raise SpecError(file, "", "no registry schemas (aws-<service>-<resource>.json) in the zip")
    for target in sorted(set(patches) - set(documents)):
        warnings.append(f"{patch_dir}/{target}: patches {target}, which the new zip does not have")
    return SchemaZip(
        members=members, documents=documents, newest_member=newest, skipped=tuple(skipped), warnings=tuple(warnings)
    )


def iso_utc(when: datetime.datetime) -> str:
    return when.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def http_date_to_iso(value: Optional[str]) -> Optional[str]:
    """``Tue, 20 Oct 2026 22:11:15 GMT`` -> ``2026-10-20T22:11:15Z``; None if unreadable."""
    if not value:
        return None
    try:
        return iso_utc(email.utils.parsedate_to_datetime(value))
    except (TypeError, ValueError, IndexError):
        return None


def sniff(body: bytes) -> str:
    """``zip``, ``gzip`` or ``json``: what the bytes look like."""
    if body.startswith(ZIP_MAGIC) or body.startswith(b"PK\x05\x06"):
        return "zip"
    if body.startswith(GZIP_MAGIC):
        return "gzip"
    return "json"


__all__ = ["ResourceSpec", "SchemaZip", "gunzip", "http_date_to_iso", "iso_utc", "resource_spec", "schema_zip", "sniff"]
