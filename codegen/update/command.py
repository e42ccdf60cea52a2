"""``cfn-codegen update-spec`` and ``cfn-codegen diff``.

update-spec: fetch each input (conditional request, retries, size limit), check it
completely, compare it with what ``specs/`` holds, print the change report and,
unless ``--check``, replace the files, the provenance and ``CHANGES.md`` in one
journaled step (``codegen.update.commit``). Nothing in ``specs/`` changes before
every input has been downloaded and checked.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, TextIO, Tuple

from codegen.errors import ConfigError, SpecError
from codegen.load.patches import PATCH_DIR, load_patches
from codegen.load.specfiles import (
    PROVENANCE_FILE,
    RESOURCE_SPEC_FILE,
    SCHEMA_ZIP_FILE,
    check_no_interrupted_update,
    read_provenance,
    write_provenance_entry,
    write_resource_spec,
    write_schema_zip,
)
from codegen.update import verify
from codegen.update.commit import CommitError, Writer, commit, locked, recover
from codegen.update.diff import Report, diff
from codegen.update.download import DownloadError, Fetched, Options, fetch, read_file, sha256_hex
from codegen.update.report import CHANGES_FILE, prepend_entry, render_markdown, render_text
from codegen.update.sides import Side, read_side, schemas_from_bytes, spec_from_bytes, subset_check
from codegen.update.sources import FILES, REGISTRY_SCHEMAS, RESOURCE_SPEC, TITLES, Source
from codegen.write.atomic import atomic_write_bytes

EXIT_NEWER = 1


class UpdateError(Exception):
    """update-spec failed; ``specs/`` is as it was. The message is one line."""


@dataclass(frozen=True)
class UpdateRequest:
    specs: Path
    sources: Sequence[Source]
    options: Options = field(default_factory=Options)
    check: bool = False
    allow_older: bool = False


@dataclass(eq=False)
class _Got:
    source: Source
    fetched: Fetched
    version: str
    digest: str = ""  # sha256 of the body as received
    spec: Optional[verify.ResourceSpec] = None
    schemas: Optional[verify.SchemaZip] = None

    @property
    def kind(self) -> str:
        return self.source.kind


def _version_key(version: str) -> Optional[Tuple[int, ...]]:
    return tuple(int(p) for p in version.split(".")) if re.fullmatch(r"\d+(\.\d+)*", version) else None


def _entry(provenance: Dict[str, Any], kind: str) -> Dict[str, Any]:
    entry = provenance["inputs"].get(kind)
    return entry if isinstance(entry, dict) else {}


def _get(source: Source, specs: Path, provenance: Dict[str, Any], options: Options) -> _Got:
    entry = _entry(provenance, source.kind)
    if source.url is not None:
        etag = last_modified = None
        current = specs / FILES[source.kind]
        if entry.get("source") == source.url and current.is_file() and entry.get("sha256") == sha256_hex(current.read_bytes()):
            etag, last_modified = entry.get("etag"), entry.get("last_modified")
        fetched = fetch(source.url, options, etag=etag, last_modified=last_modified)
    else:
        fetched = read_file(Path(str(source.file)), options)
    if fetched.not_modified:
        return _Got(source, fetched, version=str(entry.get("version", "unknown")))
    digest = sha256_hex(fetched.body)
    expected = source.expected_sha256 or fetched.expected_sha256
    if expected and expected.lower() != digest:
        who = "--sha256" if source.expected_sha256 else "the server"
        raise UpdateError(f"{source.location}: checksum mismatch: {who} says sha256 {expected.lower()}, the download is {digest}")
    if source.kind == RESOURCE_SPEC:
        spec = verify.resource_spec(fetched.body, source.location, options.max_bytes, fetched.content_encoding)
        return _Got(source, fetched, version=spec.version, digest=digest, spec=spec)
    body = fetched.body
    if fetched.content_encoding in ("gzip", "x-gzip"):
        body = verify.gunzip(body, source.location, options.max_bytes)
    elif fetched.content_encoding not in (None, "identity"):
        raise SpecError(source.location, "", f"unsupported Content-Encoding {fetched.content_encoding!r}")
    patches = load_patches(specs)  # the schemas are checked as the loader will read them
    schemas = verify.schema_zip(body, source.location, options.max_bytes, patches, str(specs / PATCH_DIR))
    version = (
        verify.http_date_to_iso(fetched.last_modified)
        or (verify.iso_utc(schemas.newest_member) if schemas.newest_member else None)
        or f"sha256:{digest[:12]}"
    )
    return _Got(source, fetched, version=version, digest=digest, schemas=schemas)


def _old_side(specs: Path, provenance: Dict[str, Any], kinds: Sequence[str], warn: List[str]) -> Side:
    side = Side()
    for kind in (RESOURCE_SPEC, REGISTRY_SCHEMAS):
        version = _entry(provenance, kind).get("version")
        if version:
            side.versions[kind] = str(version)
    readers = {RESOURCE_SPEC: spec_from_bytes, REGISTRY_SCHEMAS: schemas_from_bytes}
    for kind in kinds:
        path = specs / FILES[kind]
        if not path.is_file():
            continue
        try:
            readers[kind](path.read_bytes(), str(path), side)
        except (SpecError, OSError) as exc:
            warn.append(f"cannot read the current {TITLES[kind]} ({exc}); all of the new one is reported as added")
    return side


def _provenance_fields(got: _Got) -> Dict[str, Any]:
    source = got.source
    fields: Dict[str, Any] = {
        "official_url": source.official_url,
        "origin": f"downloaded from {source.url}" if source.url is not None else f"read from the file {source.file}",
        "source": source.location,
        "version": got.version,
        "download_sha256": got.digest,
    }
    if got.fetched.etag:
        fields["etag"] = got.fetched.etag
    if got.fetched.last_modified:
        fields["last_modified"] = got.fetched.last_modified
    return fields


def _validators_changed(entry: Dict[str, Any], got: _Got) -> bool:
    fields = _provenance_fields(got)
    return any(entry.get(k) != fields.get(k) for k in ("source", "etag", "last_modified"))


def _spec_writer(raw_json: bytes) -> Writer:
    def write(staging: Path) -> None:
        write_resource_spec(staging / RESOURCE_SPEC_FILE, raw_json)

    return write


def _zip_writer(members: Mapping[str, bytes]) -> Writer:
    def write(staging: Path) -> None:
        write_schema_zip(staging / SCHEMA_ZIP_FILE, members)

    return write


def _writers(
    specs: Path,
    provenance: Dict[str, Any],
    changed: List[_Got],
    refreshed: List[_Got],
    report: Optional[Report],
) -> List[Tuple[str, Writer]]:
    writers: List[Tuple[str, Writer]] = []
    for got in changed:
        if got.spec is not None:
            writers.append((RESOURCE_SPEC_FILE, _spec_writer(got.spec.raw_json)))
        elif got.schemas is not None:
            writers.append((SCHEMA_ZIP_FILE, _zip_writer(got.schemas.members)))

    def write_provenance(staging: Path) -> None:
        current = dict(provenance)
        inputs = dict(current.get("inputs", {}))
        today = datetime.date.today().isoformat()
        for got in refreshed:  # same content, new validators: keep the file's entry, refresh the rest
            entry = {k: v for k, v in _entry(provenance, got.kind).items() if k not in ("etag", "last_modified")}
            entry.update(_provenance_fields(got))
            entry["retrieved"] = today
            inputs[got.kind] = entry
        current["inputs"] = dict(sorted(inputs.items()))
        atomic_write_bytes(staging / PROVENANCE_FILE, (json.dumps(current, indent=2) + "\n").encode())
        for got in changed:  # the specfiles writer records the staged file's sha256
            write_provenance_entry(staging, got.kind, file=FILES[got.kind], **_provenance_fields(got))

    writers.append((PROVENANCE_FILE, write_provenance))
    if report is not None:
        path = specs / CHANGES_FILE
        existing = path.read_text(encoding="utf-8") if path.is_file() else None
        text = prepend_entry(existing, render_markdown(report))

        def write_changes(staging: Path) -> None:
            atomic_write_bytes(staging / CHANGES_FILE, text.encode("utf-8"))

        writers.append((CHANGES_FILE, write_changes))
    return writers


def update_spec(request: UpdateRequest, out: TextIO) -> int:
    """Returns 0 (updated, or up to date) or, with ``check``, 1 when a newer spec exists."""
    specs = request.specs
    if not specs.is_dir():
        raise UpdateError(f"{specs}: no such folder")
    if request.check:
        return _update_spec(request, out)
    try:
        with locked(specs):
            return _update_spec(request, out)
    except CommitError as exc:
        raise UpdateError(str(exc)) from None


def _update_spec(request: UpdateRequest, out: TextIO) -> int:
    specs = request.specs
    if request.check:
        check_no_interrupted_update(specs)
    else:
        try:
            note = recover(specs, [*FILES.values(), PROVENANCE_FILE, CHANGES_FILE])
        except OSError as exc:
            raise CommitError(f"{specs}: cannot finish an interrupted update: {exc.strerror or exc}") from None
        if note:
            print(f"cfn-codegen: {note}", file=out)
        if not os.access(specs, os.W_OK | os.X_OK):
            raise UpdateError(f"{specs}: not writable")
    provenance = read_provenance(specs)
    try:
        gots = [_get(source, specs, provenance, request.options) for source in request.sources]
    except DownloadError as exc:
        raise UpdateError(str(exc)) from None

    warnings: List[str] = []
    fresh = [g for g in gots if not g.fetched.not_modified]
    old = _old_side(specs, provenance, [g.kind for g in fresh], warnings)
    changed: List[_Got] = []
    refreshed: List[_Got] = []
    for got in gots:
        title = TITLES[got.kind]
        before = old.versions.get(got.kind, "none")
        if got.fetched.not_modified:
            print(f"{title}: up to date ({got.version}; not modified, HTTP 304)", file=out)
            continue
        same = (got.spec is not None and got.spec.raw_json == old.spec_raw) or (
            got.schemas is not None and dict(got.schemas.members) == old.schema_members
        )
        if same:
            print(f"{title}: up to date ({got.version}; same content)", file=out)
            if _validators_changed(_entry(provenance, got.kind), got):
                refreshed.append(got)
            continue
        old_key, new_key = _version_key(before), _version_key(got.version)
        if got.kind == RESOURCE_SPEC and old_key and new_key and new_key < old_key and not request.allow_older:
            message = f"{got.source.location}: version {got.version} is older than the current {before}"
            if request.check:
                print(f"{title}: {message}; not an update", file=out)
                continue
            raise UpdateError(f"{message} (use --allow-older to take it)")
        print(f"{title}: {before} → {got.version}", file=out)
        changed.append(got)
        if got.schemas is not None:
            warnings += got.schemas.warnings
            if got.schemas.skipped:
                warnings.append(f"{got.source.location}: ignored {len(got.schemas.skipped)} members not in AWS's layout")

    report: Optional[Report] = None
    if changed:
        kinds = {g.kind for g in changed}
        old_versions = {g.kind: old.versions.get(g.kind, "none") for g in gots}
        new_versions = {g.kind: g.version if g.kind in kinds else old_versions[g.kind] for g in gots}
        spec_got = next((g for g in changed if g.spec is not None), None)
        schema_got = next((g for g in changed if g.schemas is not None), None)
        report = diff(
            old_spec=(old.spec or {}) if RESOURCE_SPEC in kinds else None,
            new_spec=spec_got.spec.document if spec_got and spec_got.spec else None,
            old_schemas=(old.schemas or {}) if REGISTRY_SCHEMAS in kinds else None,
            new_schemas=schema_got.schemas.documents if schema_got and schema_got.schemas else None,
            old_versions=old_versions,
            new_versions=new_versions,
        )
        print(render_text(report), end="", file=out)
    for warning in warnings:
        print(f"cfn-codegen: warning: {warning}", file=out)

    if request.check:
        if changed:
            print("a newer spec is available: run `cfn-codegen update-spec` (or `make update-spec`)", file=out)
            return EXIT_NEWER
        return 0
    if not changed and not refreshed:
        return 0
    writers = _writers(specs, provenance, changed, refreshed, report)
    commit(specs, writers)
    print(f"updated {specs}: {', '.join(name for name, _ in writers)}", file=out)
    return 0


def diff_paths(old_path: Path, new_path: Path, markdown: bool = False) -> str:
    """The change report between two spec files, zips or specs folders."""
    old, new = read_side(old_path), read_side(new_path)
    specs = old.spec is not None and new.spec is not None
    schemas = old.schemas is not None and new.schemas is not None
    if not specs and not schemas:
        raise ConfigError(f"nothing to compare: {old_path} and {new_path} do not hold the same kind of input")
    subset_check(old, new)
    kinds = [k for k, on in ((RESOURCE_SPEC, specs), (REGISTRY_SCHEMAS, schemas)) if on]
    report = diff(
        old_spec=old.spec if specs else None,
        new_spec=new.spec if specs else None,
        old_schemas=old.schemas if schemas else None,
        new_schemas=new.schemas if schemas else None,
        old_versions={k: old.versions.get(k, "unknown") for k in kinds},
        new_versions={k: new.versions.get(k, "unknown") for k in kinds},
    )
    return render_markdown(report) if markdown else render_text(report)


__all__ = ["EXIT_NEWER", "UpdateError", "UpdateRequest", "diff_paths", "update_spec"]
