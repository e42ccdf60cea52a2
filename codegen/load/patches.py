"""Declarative fixes to AWS's data, kept apart from it: ``specs/patches/<member>.json``.

A patch file names the registry schema it fixes (by its file name in the zip),
says why, and lists JSON Patch (RFC 6902) operations. Each ``replace`` or
``remove`` should be preceded by a ``test`` of the value it fixes, so that
when AWS corrects its data the patch fails loudly and can be dropped.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Dict, List

from codegen.errors import SpecError, json_type
from codegen.load import validate
from codegen.load.specfiles import parse_json

PATCH_DIR = "patches"


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def _parent(document: Any, pointer: str, file: str, at: str) -> tuple[Any, str]:
    if not pointer.startswith("/"):
        raise SpecError(file, at, f"path {pointer!r} is not a JSON pointer")
    parts = [_unescape(p) for p in pointer[1:].split("/")]
    target = document
    for part in parts[:-1]:
        if isinstance(target, dict) and part in target:
            target = target[part]
        elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
            target = target[int(part)]
        else:
            raise SpecError(file, at, f"path {pointer!r} does not exist in the patched document")
    return target, parts[-1]


class Operation(dict[str, Any]):
    """One operation as in its patch file, which it remembers (with its index there) for messages."""

    def __init__(self, data: Dict[str, Any], file: str, index: int) -> None:
        super().__init__(data)
        self.file = file
        self.index = index


def apply_patch(document: Any, operations: List[Dict[str, Any]], file: str) -> Any:
    """``document`` with ``operations`` applied (a copy; the input is not changed).

    Errors name ``file`` and the operation's index, or, for an ``Operation`` (as
    ``load_patches`` gives them), its own file and index."""
    result = copy.deepcopy(document)
    for index, operation in enumerate(operations):
        if isinstance(operation, Operation):
            file, index = operation.file, operation.index
        at = f"/operations/{index}"
        parent, key = _parent(result, operation["path"], file, at)
        if not isinstance(parent, (dict, list)):
            raise SpecError(file, at, f"path {operation['path']!r} goes into {json_type(parent)}, not an object or array")
        op = operation["op"]
        exists = (isinstance(parent, dict) and key in parent) or (
            isinstance(parent, list) and key.isdigit() and int(key) < len(parent)
        )
        slot: Any = int(key) if isinstance(parent, list) and key.isdigit() else key
        if op == "test":
            if not exists or parent[slot] != operation["value"]:
                raise SpecError(file, at, f"test failed at {operation['path']}: AWS's data changed, review this patch")
        elif op == "replace":
            if not exists:
                raise SpecError(file, at, f"nothing to replace at {operation['path']}")
            parent[slot] = operation["value"]
        elif op == "remove":
            if not exists:
                raise SpecError(file, at, f"nothing to remove at {operation['path']}")
            del parent[slot]
        elif op == "add":
            if isinstance(parent, list):
                if key != "-" and not (key.isdigit() and int(key) <= len(parent)):
                    raise SpecError(file, at, f"path {operation['path']!r}: {key!r} is not an index of the array (0 to {len(parent)} or -)")
                parent.insert(len(parent) if key == "-" else int(key), operation["value"])
            else:
                parent[key] = operation["value"]
    return result


def load_patches(specs: Path) -> Dict[str, List[Dict[str, Any]]]:
    """Operations by the zip member they patch."""
    folder = specs / PATCH_DIR
    patches: Dict[str, List[Dict[str, Any]]] = {}
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        data = parse_json(path.read_bytes(), str(path))
        validate.check(data, "patch", str(path))
        operations = [Operation(op, str(path), index) for index, op in enumerate(data["operations"])]
        patches.setdefault(data["target"], []).extend(operations)
    return patches
