"""Small facts about registry-schema nodes that the checks, the model and the views share."""

from __future__ import annotations

from typing import Any


def is_struct(node: Any) -> bool:
    """A node that becomes a property type: an object with named properties."""
    return (
        isinstance(node, dict)
        and node.get("type", "object") in ("object", ["object"])
        and isinstance(node.get("properties"), dict)
        and bool(node["properties"])
    )


def number_text(value: Any) -> str:
    """A bound as people write it: ``60``, not ``60.0``."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
