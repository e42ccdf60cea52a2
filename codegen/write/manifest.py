"""What a generated tree was made from, so that an unchanged one is not made again.

``<out>/.cfn-codegen.json`` records a digest of every input of the generation
(the specs, the templates, the runtime, the generator's own code, the types
asked for) and the sha256 of every file written. A run whose inputs have the
same digest, over a tree whose files still have those hashes, has nothing to do.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Dict, Iterable, Mapping, Optional, Sequence

MANIFEST = ".cfn-codegen.json"
_CODEGEN = Path(__file__).resolve().parent.parent


def _files(folder: Path, patterns: Iterable[str]) -> Iterable[Path]:
    for pattern in patterns:
        yield from (p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


def inputs_digest(specs: Path, templates: Path, runtime: Path, types: Sequence[str]) -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps(list(types)).encode())
    for label, folder, patterns in (
        ("specs", specs, ["*"]),
        ("templates", templates, ["*"]),
        ("runtime", runtime, ["*.py"]),
        ("codegen", _CODEGEN, ["*.py", "*.json"]),
    ):
        for path in sorted(set(_files(folder, patterns))):
            # Hidden files, and the spec updater (it writes specs/, which are hashed), do not shape the output.
            if path.name.startswith(".") or (label == "codegen" and path.relative_to(folder).parts[0] == "update"):
                continue
            digest.update(f"{label}/{path.relative_to(folder).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def manifest_bytes(digest: str, files: Mapping[str, bytes]) -> bytes:
    entries = {path: hashlib.sha256(data).hexdigest() for path, data in sorted(files.items())}
    return (json.dumps({"inputs": digest, "files": entries}, indent=1) + "\n").encode()


def read_manifest(out: Path) -> Optional[Dict[str, object]]:
    try:
        data = json.loads((out / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def is_current(out: Path, digest: str) -> bool:
    """The tree at ``out`` was made from these inputs and has not been changed since."""
    manifest = read_manifest(out)
    files = manifest.get("files") if manifest is not None else None
    if manifest is None or manifest.get("inputs") != digest or not isinstance(files, dict):
        return False
    for path, expected in files.items():
        try:
            if hashlib.sha256((out / path).read_bytes()).hexdigest() != expected:
                return False
        except OSError:
            return False
    return True
