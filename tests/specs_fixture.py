"""Build a ``specs/`` folder from the real one, with chosen changes, for tests."""

from __future__ import annotations

import copy
import gzip
import json
import shutil
import zipfile
from pathlib import Path
from typing import Any, Callable, Dict, Optional

from codegen.load.specfiles import RESOURCE_SPEC_FILE, SCHEMA_ZIP_FILE, registry_file_name, write_schema_zip

REAL_SPECS = Path(__file__).resolve().parent.parent / "specs"
TYPE = "AWS::Lambda::EventInvokeConfig"


def real_schema(type_name: str = TYPE) -> Dict[str, Any]:
    with zipfile.ZipFile(REAL_SPECS / SCHEMA_ZIP_FILE) as archive:
        data: Dict[str, Any] = json.loads(archive.read(registry_file_name(type_name)))
    return data


def real_resource_spec() -> Dict[str, Any]:
    with gzip.open(REAL_SPECS / RESOURCE_SPEC_FILE) as stream:
        data: Dict[str, Any] = json.load(stream)
    return data


def make_specs(
    target: Path,
    *,
    schemas: Optional[Dict[str, bytes]] = None,
    resource_spec: Optional[bytes] = None,
    edit_schema: Optional[Callable[[Dict[str, Any]], Any]] = None,
) -> Path:
    """A specs folder holding the real files, with ``schemas`` (member -> bytes) in the zip
    instead of the real ones if given, or the real schema of TYPE passed through ``edit_schema``."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REAL_SPECS / "provenance.json", target / "provenance.json")
    if resource_spec is None:
        shutil.copy(REAL_SPECS / RESOURCE_SPEC_FILE, target / RESOURCE_SPEC_FILE)
    else:
        (target / RESOURCE_SPEC_FILE).write_bytes(gzip.compress(resource_spec, mtime=0))
    if schemas is None:
        schema = copy.deepcopy(real_schema())
        if edit_schema is not None:
            result = edit_schema(schema)
            schema = schema if result is None else result
        schemas = {registry_file_name(TYPE): json.dumps(schema).encode()}
    write_schema_zip(target / SCHEMA_ZIP_FILE, schemas)
    return target
