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
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

MANIFEST = ".cfn-codegen.json"
_CODEGEN = Path(__file__).resolve().parent.parent


def _files(folder: Path, patterns: Iterable[str]) -> Iterable[Path]:
    for pattern in patterns:
        yield from (p for p in folder.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts)


def inputs_digest(specs: Path, templates: Path, runtime: Path, types: Sequence[str]) -> str:
    """A digest of everything a generation reads."""
    return _digest([("specs", specs, ["*"])], json.dumps(list(types)) + code_digest(templates, runtime))


def code_digest(templates: Path, runtime: Path) -> str:
    """A digest of what shapes every module alike: the templates, the runtime, the generator."""
    return _digest(
        [("templates", templates, ["*"]), ("runtime", runtime, ["*.py"]), ("codegen", _CODEGEN, ["*.py", "*.json"])], ""
    )


def _digest(folders: Sequence[Tuple[str, Path, List[str]]], extra: str) -> str:
    digest = hashlib.sha256(extra.encode())
    for label, folder, patterns in folders:
        for path in sorted(set(_files(folder, patterns))):
            # Hidden files, and the spec updater (it writes specs/, which are hashed), do not shape the output.
            if path.name.startswith(".") or (label == "codegen" and path.relative_to(folder).parts[0] == "update"):
                continue
            digest.update(f"{label}/{path.relative_to(folder).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def manifest_bytes(digest: str, hashes: Mapping[str, str], services: Mapping[str, Mapping[str, object]]) -> bytes:
    """``hashes``: sha256 of every file; ``services``: per service module, the digest of
    its own inputs and its counts, so that an unchanged service can be kept as it is."""
    document = {"inputs": digest, "services": dict(sorted(services.items())), "files": dict(sorted(hashes.items()))}
    return (json.dumps(document, indent=1) + "\n").encode()


def file_hashes(files: Mapping[str, bytes]) -> Dict[str, str]:
    return {path: hashlib.sha256(data).hexdigest() for path, data in files.items()}


def kept_services(out: Path, digests: Mapping[str, str]) -> Dict[str, Dict[str, object]]:
    """The services of the previous output whose inputs have these digests and whose
    files are intact: their manifest entries, with ``files``: path -> sha256."""
    manifest = read_manifest(out) or {}
    services, hashes = manifest.get("services"), manifest.get("files")
    if not isinstance(services, dict) or not isinstance(hashes, dict):
        return {}
    kept: Dict[str, Dict[str, object]] = {}
    for module, entry in services.items():
        if not isinstance(entry, dict) or digests.get(module) is None or entry.get("inputs") != digests[module]:
            continue
        prefix = f"cfnpy/{module}/"
        files = {path: digest for path, digest in hashes.items() if path.startswith(prefix)}
        try:
            intact = files and all(hashlib.sha256((out / p).read_bytes()).hexdigest() == d for p, d in files.items())
        except OSError:
            intact = False
        if intact:
            kept[module] = {**entry, "files": files}
    return kept


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
