"""Settings: ``[tool.cfn-codegen]`` in pyproject.toml, overridden by the command line."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Tuple

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,no-redef,unused-ignore]

from codegen.errors import ConfigError

DEFAULT_TYPES = ("*",)


@dataclass(frozen=True)
class Settings:
    root: Path
    specs: Path
    out: Path
    templates: Path
    types: Tuple[str, ...] = DEFAULT_TYPES
    golden_types: Tuple[str, ...] = DEFAULT_TYPES
    extra: dict[str, Any] = field(default_factory=dict)


def find_pyproject(start: Path) -> Optional[Path]:
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text())
            except (OSError, tomllib.TOMLDecodeError):
                continue
            if "cfn-codegen" in data.get("tool", {}):
                return candidate
    return None


def _strings(value: Any, key: str) -> Tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"[tool.cfn-codegen] {key} must be a string or a list of strings")


def load_settings(start: Optional[Path] = None) -> Settings:
    start = (start or Path.cwd()).resolve()
    pyproject = find_pyproject(start)
    table: dict[str, Any] = {}
    root = start
    if pyproject is not None:
        root = pyproject.parent
        try:
            table = tomllib.loads(pyproject.read_text())["tool"]["cfn-codegen"]
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{pyproject}: {exc}") from None
    types = _strings(table.get("types", list(DEFAULT_TYPES)), "types")
    return Settings(
        root=root,
        specs=root / str(table.get("specs", "specs")),
        out=root / str(table.get("out", "generated")),
        templates=root / str(table.get("templates", "templates")),
        types=types,
        golden_types=_strings(table.get("golden-types", list(types)), "golden-types"),
        extra={k: v for k, v in table.items() if k not in {"specs", "out", "templates", "types", "golden-types"}},
    )


def override(settings: Settings, **changes: Any) -> Settings:
    values = {k: v for k, v in changes.items() if v is not None}
    return Settings(**{**settings.__dict__, **values})


__all__ = ["Settings", "load_settings", "override"]
