"""What the generated L2 classes (from AWS CDK's jsii API) stand on."""

from __future__ import annotations

from typing import Any, ClassVar, Dict, Mapping, Optional, Tuple

from .construct import IConstruct
from .errors import ValidationError
from .token import Token


class Struct:
    """Base of generated jsii structs: keyword-only, read-only, compared by value."""

    __slots__ = ("_values",)
    _fields: ClassVar[Tuple[str, ...]] = ()

    def __init__(self, **values: Any) -> None:
        self._values: Dict[str, Any] = {k: v for k, v in values.items() if v is not None}

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Struct) and type(other) is type(self) and self._values == other._values

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self._values.items())
        return f"{type(self).__qualname__}({args})"


def compact(values: Mapping[str, Any]) -> Optional[Dict[str, Any]]:
    """The set entries of a nested L1 property, or None when there are none."""
    result = {k: v for k, v in values.items() if v is not None}
    return result or None


def check_range(value: Any, minimum: float, maximum: float, message: str, scope: IConstruct, id: str) -> None:
    """Raise ``message`` when a literal ``value`` is outside [minimum, maximum]; tokens pass.

    Called before the construct joins the tree, so a refused one leaves no trace."""
    if value is None or Token.is_unresolved(value):
        return
    if value < minimum or value > maximum:
        path = f"{scope.node.path}/{id}" if scope.node.path else id
        raise ValidationError(message, path=path)
