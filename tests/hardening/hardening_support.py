"""Shared helpers of the hardening tests: small specs folders built from the real
EventInvokeConfig inputs, JSON-patch-like edits, in-process runs under a time limit.

A specs folder here holds only what one generation of ``AWS::Lambda::EventInvokeConfig``
reads: the resource specification cut down to that type (its entry, its property types,
``Tag``), a zip with its one registry schema, the L2 files and ``provenance.json``. That
keeps each case to a fraction of a second.
"""

from __future__ import annotations

import contextlib
import copy
import gzip
import io
import json
import os
import shutil
import signal
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
for _path in (ROOT, TESTS):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from codegen.cli import main  # noqa: E402
from codegen.load.specfiles import RESOURCE_SPEC_FILE, SCHEMA_ZIP_FILE, registry_file_name  # noqa: E402
from specs_fixture import REAL_SPECS, TYPE, real_resource_spec, real_schema  # noqa: E402

MEMBER = registry_file_name(TYPE)
BINDINGS = "l2/aws_lambda.bindings.json"
FIXTURES = TESTS / "fixtures" / "malformed"
# Seconds one in-process generation may take before the test fails (the slowest
# malformed case takes well under one second).
CASE_TIMEOUT = 10.0

# -- the real inputs, cut down ------------------------------------------------------

_CACHE: Dict[str, Any] = {}


def base_schema() -> Dict[str, Any]:
    if "schema" not in _CACHE:
        _CACHE["schema"] = real_schema()
    return copy.deepcopy(_CACHE["schema"])


def base_spec() -> Dict[str, Any]:
    """The resource specification reduced to TYPE: same pointers as in the real file."""
    if "spec" not in _CACHE:
        spec = real_resource_spec()
        _CACHE["spec"] = {
            "ResourceSpecificationVersion": spec["ResourceSpecificationVersion"],
            "PropertyTypes": {
                k: v for k, v in spec["PropertyTypes"].items() if k == "Tag" or k.startswith(TYPE + ".")
            },
            "ResourceTypes": {TYPE: spec["ResourceTypes"][TYPE]},
        }
    return copy.deepcopy(_CACHE["spec"])


def base_bindings() -> Dict[str, Any]:
    data: Dict[str, Any] = json.loads((REAL_SPECS / BINDINGS).read_text())
    return data


def dump(document: Any) -> bytes:
    return json.dumps(document, indent=1, ensure_ascii=False).encode()


def zip_bytes(members: Sequence[Tuple[str, bytes]]) -> bytes:
    """A zip of ``members`` in the order given (so tests can choose it)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def make_specs(
    target: Path,
    *,
    schema: Union[bytes, Mapping[str, Any], None] = None,
    spec: Union[bytes, Mapping[str, Any], None] = None,
    bindings: Union[bytes, Mapping[str, Any], None] = None,
    members: Optional[Sequence[Tuple[str, bytes]]] = None,
    spec_file: Optional[bytes] = None,
    zip_file: Optional[bytes] = None,
    l2: bool = True,
) -> Path:
    """A specs folder for TYPE; each input given as a document, as raw bytes, or (None) as is.
    ``members`` replaces the zip's contents altogether; ``spec_file`` and ``zip_file`` are
    the bytes of the gzip and zip files themselves."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REAL_SPECS / "provenance.json", target / "provenance.json")
    spec_data = spec if isinstance(spec, bytes) else dump(base_spec() if spec is None else spec)
    (target / RESOURCE_SPEC_FILE).write_bytes(gzip.compress(spec_data, mtime=0) if spec_file is None else spec_file)
    if members is None:
        schema_data = schema if isinstance(schema, bytes) else dump(base_schema() if schema is None else schema)
        members = [(MEMBER, schema_data)]
    (target / SCHEMA_ZIP_FILE).write_bytes(zip_bytes(members) if zip_file is None else zip_file)
    if l2:
        (target / "l2").mkdir(exist_ok=True)
        for path in sorted((REAL_SPECS / "l2").glob("*.jsii.json")):
            shutil.copy(path, target / "l2" / path.name)
        data = bindings if isinstance(bindings, bytes) else dump(base_bindings() if bindings is None else bindings)
        (target / BINDINGS).write_bytes(data)
    return target


# -- JSON-patch-like edits --------------------------------------------------------------

Op = Tuple[Any, ...]  # ("add" | "replace", pointer, value) or ("remove", pointer)


def _parts(pointer: str) -> List[str]:
    assert pointer.startswith("/"), pointer
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer[1:].split("/")]


def apply_ops(document: Any, ops: Sequence[Op]) -> Any:
    """``document`` (a copy) with each operation applied; ``add`` on a list appends for ``-``."""
    result = copy.deepcopy(document)
    for op in ops:
        kind, pointer = op[0], op[1]
        if pointer == "":
            result = op[2]
            continue
        *parents, last = _parts(pointer)
        node = result
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            if kind == "remove":
                del node[int(last)]
            elif last == "-":
                node.append(op[2])
            elif kind == "add":
                node.insert(int(last), op[2])
            else:
                node[int(last)] = op[2]
        elif kind == "remove":
            del node[last]
        else:
            if kind == "replace":
                assert last in node, f"nothing to replace at {pointer}"
            node[last] = op[2]
    return result


def escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


# -- running ------------------------------------------------------------------------------


class CaseTimeout(BaseException):
    """Raised in the main thread when one generation runs past its time limit."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expired(signum: int, frame: Optional[FrameType]) -> None:
        raise CaseTimeout(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class Run:
    status: int
    out: str
    err: str


def run_generate(specs: Path, out: Path, types: Sequence[str] = (TYPE,), timeout: float = CASE_TIMEOUT) -> Run:
    """``cfn-codegen generate`` in this process, its output captured; a traceback fails the test."""
    argv = ["generate", "--specs", str(specs), "--out", str(out)]
    for t in types:
        argv += ["--type", t]
    stdout, stderr = io.StringIO(), io.StringIO()
    with time_limit(timeout), contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        status = main(argv)
    return Run(status, stdout.getvalue(), stderr.getvalue())


def snapshot(folder: Path) -> Dict[str, bytes]:
    """Every file under ``folder`` (and every folder, as ``b"<dir>"``), by relative path."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): (b"<dir>" if p.is_dir() else p.read_bytes())
        for p in sorted(folder.rglob("*"))
    }


def siblings(out: Path) -> List[str]:
    """Names next to ``out`` that the atomic swap may leave (``.out.tmp-*``, ``.out.old-*``)."""
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def subprocess_env(**extra: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


Edit = Callable[[Any], Any]

__all__ = [
    "BINDINGS", "CASE_TIMEOUT", "FIXTURES", "MEMBER", "REAL_SPECS", "ROOT", "TYPE", "CaseTimeout", "Op", "Raw", "Run",
    "apply_ops", "base_bindings", "base_schema", "base_spec", "dump", "dump_raw", "escape", "make_specs", "run_generate",
    "siblings", "snapshot", "subprocess_env", "time_limit", "zip_bytes",
]


class Raw(str):
    """A value written into the JSON text as is (``Raw("1e999")``): numbers json.dumps cannot write."""


def dump_raw(document: Any) -> bytes:
    """Like ``dump``, with each ``Raw`` value spliced into the text unquoted."""
    raws: List[str] = []

    def mark(node: Any) -> Any:
        if isinstance(node, Raw):
            raws.append(str(node))
            return f"\x00RAW{len(raws) - 1}\x00"
        if isinstance(node, dict):
            return {k: mark(v) for k, v in node.items()}
        if isinstance(node, list):
            return [mark(v) for v in node]
        return node

    text = json.dumps(mark(document), indent=1, ensure_ascii=False)
    for index, raw in enumerate(raws):
        text = text.replace(json.dumps(f"\x00RAW{index}\x00"), raw)
    return text.encode()
