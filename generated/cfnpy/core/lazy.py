"""Lazily produced values (``Lazy.string``, ``Lazy.number``, ``Lazy.list``, ``Lazy.any``).

A producer is either an object with a ``produce`` method (as in the AWS CDK)
or a plain callable.  Stable (cached) producers take no argument; uncached
producers receive the :class:`IResolveContext`.
"""

from __future__ import annotations

import builtins
from typing import Any, Callable, Protocol, Union

from .token import IResolvable, IResolveContext, Token

__all__ = [
    "Lazy",
    "IStableAnyProducer",
    "IStableStringProducer",
    "IStableNumberProducer",
    "IStableListProducer",
    "IAnyProducer",
    "IStringProducer",
    "INumberProducer",
    "IListProducer",
]


class IStableAnyProducer(Protocol):
    """Interface for (stable) lazy untyped value producers."""

    def produce(self) -> Any:
        """Produce the value."""
        ...


class IStableStringProducer(Protocol):
    """Interface for (stable) lazy string producers."""

    def produce(self) -> str | None:
        """Produce the string value."""
        ...


class IStableNumberProducer(Protocol):
    """Interface for (stable) lazy number producers."""

    def produce(self) -> float | None:
        """Produce the number value."""
        ...


class IStableListProducer(Protocol):
    """Interface for (stable) lazy list producers."""

    def produce(self) -> list[str] | None:
        """Produce the list value."""
        ...


class IAnyProducer(Protocol):
    """Interface for lazy untyped value producers."""

    def produce(self, context: IResolveContext) -> Any:
        """Produce the value.

        :param context:
        """
        ...


class IStringProducer(Protocol):
    """Interface for lazy string producers."""

    def produce(self, context: IResolveContext) -> str | None:
        """Produce the string value.

        :param context:
        """
        ...


class INumberProducer(Protocol):
    """Interface for lazy number producers."""

    def produce(self, context: IResolveContext) -> float | None:
        """Produce the number value.

        :param context:
        """
        ...


class IListProducer(Protocol):
    """Interface for lazy list producers."""

    def produce(self, context: IResolveContext) -> list[str] | None:
        """Produce the list value.

        :param context:
        """
        ...


StableProducer = Union[
    IStableAnyProducer, IStableStringProducer, IStableNumberProducer, IStableListProducer, Callable[[], Any]
]
ContextProducer = Union[
    IAnyProducer, IStringProducer, INumberProducer, IListProducer, Callable[[IResolveContext], Any]
]


class _LazyValue(IResolvable):
    __slots__ = ("_producer", "_cache", "_produced", "_value", "_display_hint", "_omit_empty")

    def __init__(
        self,
        producer: StableProducer | ContextProducer,
        *,
        cache: bool,
        display_hint: str | None = None,
        omit_empty: bool = False,
    ) -> None:
        self._producer = producer
        self._cache = cache
        self._produced = False
        self._value: Any = None
        self._display_hint = display_hint
        self._omit_empty = omit_empty

    def _produce(self, context: IResolveContext) -> Any:
        producer: Any = self._producer
        produce = getattr(producer, "produce", None)
        if produce is None:
            produce = producer
        value = produce() if self._cache else produce(context)
        if self._omit_empty and isinstance(value, list) and not value:
            return None
        return value

    def resolve(self, context: IResolveContext) -> Any:
        if not self._cache:
            return self._produce(context)
        if not self._produced:
            self._value = self._produce(context)
            self._produced = True
        return self._value

    def to_string(self) -> str:
        return Token.as_string(self, display_hint=self._display_hint)

    def __repr__(self) -> str:
        return f"<Lazy {self._display_hint or self._producer!r}>"


class Lazy:
    """Lazily produce a value.

    Can be used to return a string, list or numeric value whose actual value
    will only be calculated later, during synthesis.
    """

    @staticmethod
    def string(
        producer: IStableStringProducer | Callable[[], str | None],
        *,
        display_hint: str | None = None,
    ) -> str:
        """Defer the one-time calculation of a string value to synthesis time.

        The producer is called at most once; its result is cached.

        :param producer:
        :param display_hint: Use the given name as a display hint.
        """
        return Token.as_string(_LazyValue(producer, cache=True, display_hint=display_hint), display_hint=display_hint)

    @staticmethod
    def uncached_string(
        producer: IStringProducer | Callable[[IResolveContext], str | None],
        *,
        display_hint: str | None = None,
    ) -> str:
        """Defer the calculation of a string value to synthesis time (called at every resolution).

        :param producer:
        :param display_hint: Use the given name as a display hint.
        """
        return Token.as_string(_LazyValue(producer, cache=False, display_hint=display_hint), display_hint=display_hint)

    @staticmethod
    def number(producer: IStableNumberProducer | Callable[[], float | None]) -> float:
        """Defer the one-time calculation of a number value to synthesis time.

        :param producer:
        """
        return Token.as_number(_LazyValue(producer, cache=True))

    @staticmethod
    def uncached_number(producer: INumberProducer | Callable[[IResolveContext], float | None]) -> float:
        """Defer the calculation of a number value to synthesis time (called at every resolution).

        :param producer:
        """
        return Token.as_number(_LazyValue(producer, cache=False))

    @staticmethod
    def list(
        producer: IStableListProducer | Callable[[], builtins.list[str] | None],
        *,
        display_hint: str | None = None,
        omit_empty: bool | None = None,
    ) -> builtins.list[str]:
        """Defer the one-time calculation of a list value to synthesis time.

        :param producer:
        :param display_hint: Use the given name as a display hint.
        :param omit_empty: If the produced list is empty, return None instead.
        """
        return Token.as_list(
            _LazyValue(producer, cache=True, display_hint=display_hint, omit_empty=bool(omit_empty)),
            display_hint=display_hint,
        )

    @staticmethod
    def uncached_list(
        producer: IListProducer | Callable[[IResolveContext], builtins.list[str] | None],
        *,
        display_hint: str | None = None,
        omit_empty: bool | None = None,
    ) -> builtins.list[str]:
        """Defer the calculation of a list value to synthesis time (called at every resolution).

        :param producer:
        :param display_hint: Use the given name as a display hint.
        :param omit_empty: If the produced list is empty, return None instead.
        """
        return Token.as_list(
            _LazyValue(producer, cache=False, display_hint=display_hint, omit_empty=bool(omit_empty)),
            display_hint=display_hint,
        )

    @staticmethod
    def any(
        producer: IStableAnyProducer | Callable[[], Any],
        *,
        display_hint: str | None = None,
        omit_empty_array: bool | None = None,
    ) -> IResolvable:
        """Defer the one-time calculation of an arbitrarily typed value to synthesis time.

        :param producer:
        :param display_hint: Use the given name as a display hint.
        :param omit_empty_array: If the produced value is an array and it is empty, return None instead.
        """
        return _LazyValue(producer, cache=True, display_hint=display_hint, omit_empty=bool(omit_empty_array))

    @staticmethod
    def uncached_any(
        producer: IAnyProducer | Callable[[IResolveContext], Any],
        *,
        display_hint: str | None = None,
        omit_empty_array: bool | None = None,
    ) -> IResolvable:
        """Defer the calculation of an untyped value to synthesis time (called at every resolution).

        :param producer:
        :param display_hint: Use the given name as a display hint.
        :param omit_empty_array: If the produced value is an array and it is empty, return None instead.
        """
        return _LazyValue(producer, cache=False, display_hint=display_hint, omit_empty=bool(omit_empty_array))
