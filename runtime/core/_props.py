"""Typed, validated properties for the generated L1 classes.

Generated classes declare each CloudFormation property once, as a ``Prop``
descriptor holding its CloudFormation name and a value spec built from the
registry schema's constraints (``String(pattern=...)``, ``Integer(minimum=60)``,
``ListOf(...)``, ``Struct(lambda: ...)``). The descriptor validates and
normalises a value when it is set; ``CfnResourceBase`` and ``CfnStruct``
validate everything again at synthesis, since lists and dicts can change in
place. Unresolved tokens skip value checks, as in AWS CDK.
"""

from __future__ import annotations

import warnings
import typing
from collections.abc import Iterable, Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Callable,
    ClassVar,
    Dict,
    Generic,
    List,
    Literal,
    Optional,
    Sequence,
    Tuple,
    Type,
    TypeVar,
    overload,
)

from .errors import ValidationError
from .cfn import CfnResource
from .token import CfnRenderable, IResolvable, Token

if TYPE_CHECKING:
    import datetime

    from .construct import Construct
    from .tags import TagManager

    _TimestampValue = typing.Union[str, datetime.date, IResolvable]
else:
    # datetime is imported on first use (Timestamp.check): most programs never set a timestamp.
    _TimestampValue = typing.Union[str, IResolvable]


def _isfinite(value: float) -> bool:
    """``math.isfinite`` for a float, without importing math (an extension module) for it."""
    return value - value == 0.0

T = TypeVar("T")
_T = TypeVar("_T", bound="CfnStruct")
# What a value spec accepts (V), and the types of list/map items and unions (I, A..D).
V = TypeVar("V")
I = TypeVar("I")  # noqa: E741
A = TypeVar("A")
B = TypeVar("B")
C = TypeVar("C")
D = TypeVar("D")


class PropertyValueError(ValidationError):
    """A property value breaks a rule of the resource's schema.

    ``prop_path`` names the class and the property (``CfnEventInvokeConfig.
    destination_config.on_failure.destination``); the construct path, when
    known, is added as the error's ``path``.
    """

    def __init__(
        self, prop_path: str, value: Any, rule: str, *, construct_path: Optional[str] = None, hint: Optional[str] = None
    ) -> None:
        self.prop_path = prop_path
        self.value = value
        self.rule = rule
        shown = "" if value is NOT_GIVEN else _show(value) + " "
        super().__init__(f"{prop_path}: {shown}{rule}", path=construct_path, hint=hint)

    def at_construct(self, construct_path: str) -> "PropertyValueError":
        """The same error, saying which construct it happened in."""
        return type(self)(self.prop_path, self.value, self.rule, construct_path=construct_path, hint=self.hint)


class PropertyTypeError(PropertyValueError, TypeError):
    """A property value has the wrong type."""


class PropertyArgumentError(PropertyTypeError):
    """A generated class was called with arguments its signature refuses: an unknown
    keyword (with the closest property as a hint), a required property not given, or
    properties given by position. A ``TypeError``, as Python's own error for such a
    call, that also names the construct path and the property."""


class _NotGiven:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Any = _NotGiven()
"""The ``value`` of an error about an argument that was not given at all."""


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


# -- value specs -------------------------------------------------------------


class ValueSpec(Generic[V]):
    """What one value may be (of Python type ``V``); ``check`` returns it normalised or raises."""

    __slots__ = ()
    expected: ClassVar[str] = "a value"

    def check(self, value: Any, path: str) -> Any:
        raise NotImplementedError

    def type_error(self, value: Any, path: str) -> PropertyTypeError:
        return PropertyTypeError(path, value, f"is not {self.expected} (got {type(value).__name__})")


class _Scalar(ValueSpec[V]):
    __slots__ = ("enum",)

    def __init__(self, enum: Optional[Tuple[Any, ...]] = None) -> None:
        self.enum = enum

    def _check_enum(self, value: Any, path: str) -> None:
        if self.enum is not None and value not in self.enum:
            allowed = ", ".join(repr(v) for v in self.enum)
            raise PropertyValueError(path, value, f"is not one of the allowed values: {allowed}")


class _StringLike(_Scalar[V]):
    __slots__ = ("min_length", "max_length", "pattern", "_compiled")
    expected = "a string"

    def __init__(
        self,
        *,
        min_length: Optional[int] = None,
        max_length: Optional[int] = None,
        pattern: Optional[str] = None,
        enum: Optional[Tuple[str, ...]] = None,
    ) -> None:
        super().__init__(enum)
        self.min_length = min_length
        self.max_length = max_length
        self.pattern = pattern
        self._compiled: Any = None

    def check(self, value: Any, path: str) -> Any:
        if not isinstance(value, str):
            if isinstance(value, IResolvable):
                return value
            raise self.type_error(value, path)
        if Token.is_unresolved(value):
            return value
        if self.min_length is not None and len(value) < self.min_length:
            raise PropertyValueError(path, value, f"is shorter than the minimum length of {self.min_length}")
        if self.max_length is not None and len(value) > self.max_length:
            raise PropertyValueError(path, value, f"is longer than the maximum length of {self.max_length}")
        if self.pattern is not None:
            if self._compiled is None:
                self._compiled = _compile(self.pattern)
            if self._compiled.search(value) is None:
                raise PropertyValueError(path, value, f"does not match the pattern {self.pattern!r}")
        self._check_enum(value, path)
        return value


class String(_StringLike[typing.Union[str, IResolvable]]):
    __slots__ = ()


def _compile(pattern: str) -> Any:
    # AWS writes Java-style patterns (\p{L}, \p{Print}); the ``regex`` module reads them.
    import regex

    return regex.compile(pattern)


class _Number(_Scalar[typing.Union[int, float, IResolvable]]):
    __slots__ = ("minimum", "maximum", "exclusive_minimum", "exclusive_maximum", "multiple_of")

    def __init__(
        self,
        *,
        minimum: Optional[float] = None,
        maximum: Optional[float] = None,
        exclusive_minimum: Optional[float] = None,
        exclusive_maximum: Optional[float] = None,
        multiple_of: Optional[float] = None,
        enum: Optional[Tuple[Any, ...]] = None,
    ) -> None:
        super().__init__(enum)
        self.minimum = minimum
        self.maximum = maximum
        self.exclusive_minimum = exclusive_minimum
        self.exclusive_maximum = exclusive_maximum
        self.multiple_of = multiple_of

    def _check_range(self, value: Any, path: str) -> None:
        if self.minimum is not None and value < self.minimum:
            raise PropertyValueError(path, value, f"is less than the minimum of {_num(self.minimum)}")
        if self.maximum is not None and value > self.maximum:
            raise PropertyValueError(path, value, f"is greater than the maximum of {_num(self.maximum)}")
        if self.exclusive_minimum is not None and value <= self.exclusive_minimum:
            raise PropertyValueError(path, value, f"must be greater than {_num(self.exclusive_minimum)}")
        if self.exclusive_maximum is not None and value >= self.exclusive_maximum:
            raise PropertyValueError(path, value, f"must be less than {_num(self.exclusive_maximum)}")
        if self.multiple_of is not None and not _is_multiple(value, self.multiple_of):
            raise PropertyValueError(path, value, f"is not a multiple of {_num(self.multiple_of)}")
        self._check_enum(value, path)


def _is_multiple(value: float, step: float) -> bool:
    # As jsonschema computes it: by the quotient for a float step, by the remainder otherwise.
    if isinstance(step, float):
        quotient = value / step
        return _isfinite(quotient) and int(quotient) == quotient
    return value % step == 0


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


class Integer(_Number):
    __slots__ = ()
    expected = "an integer"

    def check(self, value: Any, path: str) -> Any:
        if type(value) is int:  # noqa: E721 - bool is an int subclass and is not an integer here
            self._check_range(value, path)
            return value
        if isinstance(value, float) and not isinstance(value, bool):
            if Token.is_unresolved(value):
                return value
            if not value.is_integer():
                raise PropertyValueError(path, value, "is not a whole number")
            self._check_range(value, path)
            return int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            self._check_range(value, path)
            return int(value)
        if isinstance(value, IResolvable) or (isinstance(value, str) and Token.is_unresolved(value)):
            return value
        raise self.type_error(value, path)


class Double(_Number):
    __slots__ = ()
    expected = "a number"

    def check(self, value: Any, path: str) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if isinstance(value, float):
                if Token.is_unresolved(value):
                    return value
                if not _isfinite(value):
                    raise PropertyValueError(path, value, "is not a finite number")
            self._check_range(value, path)
            return value
        if isinstance(value, IResolvable) or (isinstance(value, str) and Token.is_unresolved(value)):
            return value
        raise self.type_error(value, path)


class Boolean(_Scalar[typing.Union[bool, IResolvable]]):
    __slots__ = ()
    expected = "a boolean"

    def check(self, value: Any, path: str) -> Any:
        if isinstance(value, bool):
            self._check_enum(value, path)
            return value
        if isinstance(value, IResolvable) or (isinstance(value, str) and Token.is_unresolved(value)):
            return value
        raise self.type_error(value, path)


class Timestamp(_StringLike[_TimestampValue]):
    __slots__ = ()
    expected = "a timestamp (ISO 8601 string, date or datetime)"

    def check(self, value: Any, path: str) -> Any:
        if not isinstance(value, str):
            import datetime  # on first use: most programs never set a timestamp

            if isinstance(value, datetime.date):  # a datetime is a date too
                return value.isoformat()
        return super().check(value, path)


class Json(ValueSpec[Any]):
    """Free-form JSON (``dict``/``list``/scalars); a JSON string is also accepted. With
    ``max_keys`` (0 for AWS's closed empty objects, ``{"type": "object",
    "additionalProperties": false}``) the value is an object of at most that many keys."""

    __slots__ = ("max_keys",)
    expected = "JSON data"

    def __init__(self, max_keys: Optional[int] = None) -> None:
        self.max_keys = max_keys

    def check(self, value: Any, path: str) -> Any:
        if self.max_keys is None or Token.is_unresolved(value):
            return value
        if not isinstance(value, Mapping):
            raise PropertyTypeError(path, value, f"is not an object (got {type(value).__name__})")
        if len(value) > self.max_keys:
            rule = "must be an empty object" if self.max_keys == 0 else f"has more than the maximum of {self.max_keys} keys"
            raise PropertyValueError(path, value, rule)
        return value


class ListOf(ValueSpec[typing.Union[IResolvable, Sequence[I]]]):
    __slots__ = ("item", "min_items", "max_items", "unique_items")
    expected = "a list"

    def __init__(
        self,
        item: ValueSpec[I],
        *,
        min_items: Optional[int] = None,
        max_items: Optional[int] = None,
        unique_items: bool = False,
    ) -> None:
        self.item = item
        self.min_items = min_items
        self.max_items = max_items
        self.unique_items = unique_items

    def check(self, value: Any, path: str) -> Any:
        if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
            if isinstance(value, IResolvable) or (isinstance(value, str) and Token.is_unresolved(value)):
                return value
            raise self.type_error(value, path)
        if isinstance(value, list) and Token.is_unresolved(value):
            return value
        item = self.item
        result = [item.check(element, f"{path}[{index}]") for index, element in enumerate(value)]
        if self.min_items is not None and len(result) < self.min_items:
            raise PropertyValueError(path, value, f"has fewer than the minimum of {self.min_items} items")
        if self.max_items is not None and len(result) > self.max_items:
            raise PropertyValueError(path, value, f"has more than the maximum of {self.max_items} items")
        if self.unique_items and len(result) > 1:
            _check_unique(result, value, path)
        return result


class _Unknowable(Exception):
    """A value holds a token: whether two such values are equal is known at deployment only."""


def _json_key(value: Any) -> Any:
    """A hashable stand-in for ``value`` that is equal exactly when the JSON values are
    (``1 == 1.0``, ``True != 1``, objects whatever their key order), as JSON Schema's
    uniqueItems compares them."""
    if isinstance(value, bool):
        return ("b", value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and Token.is_unresolved(value):
            raise _Unknowable
        return ("n", value)
    if isinstance(value, str):
        if Token.is_unresolved(value):
            raise _Unknowable
        return ("s", value)
    if value is None:
        return ("z",)
    if isinstance(value, CfnStruct):
        value = value._cfn_values()
    if isinstance(value, Mapping):
        return ("o", frozenset((_json_key(k), _json_key(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        if Token.is_unresolved(value):
            raise _Unknowable
        return ("a", tuple(_json_key(v) for v in value))
    raise _Unknowable


def _check_unique(items: List[Any], value: Any, path: str) -> None:
    seen: Dict[Any, int] = {}
    for index, item in enumerate(items):
        try:
            key = _json_key(item)
        except _Unknowable:
            continue
        if key in seen:
            raise PropertyValueError(path, value, f"has duplicate items (at {seen[key]} and {index}); items must be unique")
        seen[key] = index


class MapOf(ValueSpec[typing.Union[IResolvable, Mapping[str, I]]]):
    __slots__ = ("item", "key_pattern", "min_keys", "max_keys", "_compiled")
    expected = "a mapping of strings to values"

    def __init__(
        self,
        item: ValueSpec[I],
        *,
        key_pattern: Optional[str] = None,
        min_keys: Optional[int] = None,
        max_keys: Optional[int] = None,
    ) -> None:
        self.item = item
        self.key_pattern = key_pattern
        self.min_keys = min_keys
        self.max_keys = max_keys
        self._compiled: Any = None

    def check(self, value: Any, path: str) -> Any:
        if not isinstance(value, Mapping):
            if isinstance(value, IResolvable):
                return value
            raise self.type_error(value, path)
        result = {}
        for key, element in value.items():
            if not isinstance(key, str):
                raise PropertyTypeError(f"{path}[{key!r}]", key, "is not a string key")
            if self.key_pattern is not None and not Token.is_unresolved(key):
                if self._compiled is None:
                    self._compiled = _compile(self.key_pattern)
                if self._compiled.search(key) is None:
                    raise PropertyValueError(f"{path}[{key!r}]", key, f"is not a valid key: keys must match {self.key_pattern!r}")
            result[key] = self.item.check(element, f"{path}[{key!r}]")
        if self.min_keys is not None and len(result) < self.min_keys:
            raise PropertyValueError(path, value, f"has fewer than the minimum of {self.min_keys} keys")
        if self.max_keys is not None and len(result) > self.max_keys:
            raise PropertyValueError(path, value, f"has more than the maximum of {self.max_keys} keys")
        return result


class Union(ValueSpec[V]):
    """The first option that accepts the value wins."""

    __slots__ = ("options",)

    @overload
    def __init__(self: "Union[typing.Union[A, B]]", a: ValueSpec[A], b: ValueSpec[B], /) -> None: ...

    @overload
    def __init__(
        self: "Union[typing.Union[A, B, C]]", a: ValueSpec[A], b: ValueSpec[B], c: ValueSpec[C], /
    ) -> None: ...

    @overload
    def __init__(
        self: "Union[typing.Union[A, B, C, D]]", a: ValueSpec[A], b: ValueSpec[B], c: ValueSpec[C], d: ValueSpec[D], /
    ) -> None: ...

    @overload
    def __init__(self: "Union[Any]", *options: ValueSpec[Any]) -> None: ...

    def __init__(self, *options: ValueSpec[Any]) -> None:
        self.options = options

    @property
    def expected(self) -> str:  # type: ignore[override]
        return " or ".join(option.expected for option in self.options)

    def check(self, value: Any, path: str) -> Any:
        errors: List[PropertyValueError] = []
        for option in self.options:
            try:
                return option.check(value, path)
            except PropertyTypeError as error:
                errors.append(error)
            except PropertyValueError as error:
                errors.append(error)
        value_errors = [e for e in errors if not isinstance(e, PropertyTypeError)]
        if len(value_errors) == 1 or (value_errors and any(e.prop_path != path for e in value_errors)):
            raise value_errors[0]
        if value_errors:  # the same value breaks each alternative's rule: name them all
            raise PropertyValueError(path, value, " and ".join(dict.fromkeys(e.rule for e in value_errors)))
        raise self.type_error(value, path)


class Struct(ValueSpec[typing.Union[IResolvable, _T, Mapping[str, Any]]]):
    """A property type; ``target`` returns its class (lazily: it may be defined further down)."""

    __slots__ = ("target",)
    expected = "a property type"

    def __init__(self, target: Callable[[], Type[_T]]) -> None:
        self.target = target

    def check(self, value: Any, path: str) -> Any:
        cls = self.target()
        if isinstance(value, cls):
            value._check_all(path)
            return value
        if isinstance(value, Mapping):
            return cls._from_mapping(value, path)
        if isinstance(value, IResolvable):
            return value
        raise PropertyTypeError(path, value, f"is not a {cls.__qualname__} or a dict (got {type(value).__name__})")


# -- rules on which properties are set ----------------------------------------


class Choice:
    """A rule from the schema's ``oneOf``/``anyOf``: every property of one option (of
    exactly one option when ``exactly_one``) must be set. Options name properties in
    Python; a token counts as set, as any value does."""

    __slots__ = ("options", "exactly_one")

    def __init__(self, *options: Tuple[str, ...], exactly_one: bool) -> None:
        self.options = options
        self.exactly_one = exactly_one

    def check(self, values: Mapping[str, Any], path: str) -> None:
        met = [option for option in self.options if all(_is_set(values, name) for name in option)]
        if len(met) == 1 or (met and not self.exactly_one):
            return
        involved = sorted({name for option in self.options for name in option if name.split(".")[0] in values})
        found = ", ".join(involved) if involved else "none of them"
        raise PropertyValueError(path, NOT_GIVEN, f"{self.describe()} (set: {found})")

    def describe(self) -> str:
        shown = " | ".join(" and ".join(option) if option else "nothing" for option in self.options)
        return f"must set {'exactly' if self.exactly_one else 'at least'} one of: {shown}"


def _is_set(values: Mapping[str, Any], name: str) -> bool:
    """Whether ``name`` is set; a dotted name (``grouping.account_ids``) is a property of a
    structure and counts as set when the structure is not (JSON Schema's reading), or is a
    token (nothing to look into)."""
    head, _, rest = name.partition(".")
    if not rest:
        return head in values
    inner = values.get(head)
    inner_values = getattr(inner, "_values", None)
    return inner is None or inner_values is None or _is_set(inner_values, rest)


# -- properties --------------------------------------------------------------


class Prop(Generic[T]):
    """One CloudFormation property of a generated class, of Python type ``T``.

    (Nested property types given as dicts read back as their classes: ``T`` is
    what a value may be given as.)"""

    __slots__ = ("cfn_name", "spec", "required", "deprecated", "name", "owner_name", "camel_name")

    @overload
    def __init__(
        self: "Prop[V]", cfn_name: str, spec: ValueSpec[V], *, required: Literal[True], deprecated: bool = False
    ) -> None: ...

    @overload
    def __init__(
        self: "Prop[Optional[V]]",
        cfn_name: str,
        spec: ValueSpec[V],
        *,
        required: Literal[False] = False,
        deprecated: bool = False,
    ) -> None: ...

    def __init__(self, cfn_name: str, spec: ValueSpec[Any], *, required: bool = False, deprecated: bool = False) -> None:
        self.cfn_name = cfn_name
        self.spec = spec
        self.required = required
        self.deprecated = deprecated
        self.name = ""
        self.owner_name = ""
        self.camel_name = cfn_name[:1].lower() + cfn_name[1:]

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name
        self.owner_name = owner.__qualname__

    @overload
    def __get__(self, obj: None, owner: Any) -> "Prop[T]": ...

    @overload
    def __get__(self, obj: object, owner: Any) -> T: ...

    def __get__(self, obj: Any, owner: Any) -> Any:
        if obj is None:
            return self
        return obj._values.get(self.name)

    def __set__(self, obj: Any, value: T) -> None:
        obj._set_value(self, value, f"{self.owner_name}.{self.name}")

    def check(self, value: Any, path: str) -> Any:
        if value is None:
            if self.required:
                raise PropertyValueError(path, None, "is required")
            return None
        if self.deprecated:
            warnings.warn(f"{path} is deprecated by AWS", DeprecationWarning, stacklevel=4)
        return self.spec.check(value, path)


# Values that cannot change in place: the check made when one was set holds at synthesis.
_UNCHANGEABLE = frozenset({str, int, float, bool})


class _HasProps:
    """What resources and property types share: a table of ``Prop`` and their values."""

    _props: ClassVar[Tuple["Prop[Any]", ...]] = ()
    # The schema's oneOf/anyOf rules on which properties are set, checked with the values.
    _choices: ClassVar[Tuple[Choice, ...]] = ()
    _by_key: ClassVar[Optional[Dict[str, "Prop[Any]"]]] = None
    _values: Dict[str, Any]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = tuple(v for v in cls.__dict__.values() if isinstance(v, Prop))
        inherited = tuple(p for base in cls.__bases__ for p in getattr(base, "_props", ()))
        if inherited:
            # A subclass of a generated class keeps its properties (its own override them).
            props: Dict[str, Prop[Any]] = {p.name: p for p in inherited}
            props.update((p.name, p) for p in own)
            own = tuple(props.values())
        cls._props = own
        cls._by_key = None
        init = cls.__dict__.get("__init__")
        if init is not None and cls.__module__ != __name__ and not hasattr(init, "__wrapped__"):
            cls.__init__ = _explaining_call_errors(init)  # type: ignore[method-assign]

    def _set_value(self, prop: "Prop[Any]", value: Any, path: str) -> None:
        checked = prop.check(value, path)
        if checked is None:
            self._values.pop(prop.name, None)
        else:
            self._values[prop.name] = checked

    def _check_all(self, prefix: str) -> None:
        """Validate every property again (values may have been changed in place)."""
        values = self._values
        for prop in self._props:
            value = values.get(prop.name)
            if type(value) in _UNCHANGEABLE or (value is None and not prop.required):
                continue  # checked when set (through the descriptor), and unchangeable since
            checked = prop.check(value, f"{prefix}.{prop.name}")
            if checked is not None:
                values[prop.name] = checked
        for choice in self._choices:
            choice.check(values, prefix)

    @classmethod
    def _key_table(cls) -> Dict[str, "Prop[Any]"]:
        """Every accepted spelling of a key: snake_case, AWS CDK's camelCase, CloudFormation's name."""
        table = cls._by_key
        if table is None:
            table = {}
            for prop in cls._props:
                table[prop.cfn_name] = prop
                table[prop.camel_name] = prop
                table[prop.name] = prop
            cls._by_key = table
        return table

    def _cfn_values(self) -> Dict[str, Any]:
        values = self._values
        return {p.cfn_name: values[p.name] for p in self._props if p.name in values}


def _explaining_call_errors(init: Callable[..., None]) -> Callable[..., None]:
    """``init``, raising a PropertyArgumentError in place of Python's TypeError when a
    call does not fit its signature. The signature seen by type checkers and by
    ``inspect.signature`` (through ``__wrapped__``) stays the generated one; the
    diagnosis runs only when such a call fails."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except TypeError as error:
            trace = error.__traceback__
            # No frame below this one: the arguments did not bind (the call never started).
            if trace is not None and trace.tb_next is None and not isinstance(error, ValidationError):
                explained = _explain_call(type(self), init, args, kwargs)
                if explained is not None:
                    raise explained from None
            raise

    __init__.__wrapped__ = init  # type: ignore[attr-defined]
    for attribute in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(__init__, attribute, getattr(init, attribute))
    return __init__


def _explain_call(
    cls: type, init: Callable[..., None], args: Tuple[Any, ...], kwargs: Dict[str, Any]
) -> Optional[PropertyArgumentError]:
    """Why ``cls(*args, **kwargs)`` does not fit ``init``'s signature, or None if unclear."""
    import inspect

    try:
        parameters = list(inspect.signature(init).parameters.values())[1:]
    except (TypeError, ValueError):
        return None
    kind = inspect.Parameter
    if any(p.kind in (kind.VAR_POSITIONAL, kind.VAR_KEYWORD) for p in parameters):
        return None
    owner = cls.__qualname__
    positional = [p.name for p in parameters if p.kind in (kind.POSITIONAL_ONLY, kind.POSITIONAL_OR_KEYWORD)]
    keywords = [p.name for p in parameters if p.kind is kind.KEYWORD_ONLY]
    required = [p.name for p in parameters if p.kind is kind.KEYWORD_ONLY and p.default is kind.empty]
    given = dict(zip(positional, args))
    given.update((k, v) for k, v in kwargs.items() if k in positional)
    where = _construct_path(cls, [given.get(name) for name in positional])
    call = f"{owner}({', '.join(positional + [f'{name}=...' for name in required])})"
    unknown = [key for key in kwargs if key not in keywords and key not in positional]
    if unknown:
        key = unknown[0]
        return PropertyArgumentError(
            f"{owner}.{key}",
            NOT_GIVEN,
            f"is not a keyword argument of {owner}; its properties are: {', '.join(sorted(keywords)) or '(none)'}",
            construct_path=where,
            hint=_close_match(cls, key, keywords),
        )
    if len(args) > len(positional):
        extra = len(args) - len(positional)
        return PropertyArgumentError(
            owner,
            NOT_GIVEN,
            f"takes its properties as keyword arguments only, but {extra} more positional "
            f"argument{'s were' if extra > 1 else ' was'} given",
            construct_path=where,
            hint=f"name each property: {call}",
        )
    twice = [key for key in kwargs if key in positional[: len(args)]]
    if twice:
        return PropertyArgumentError(
            f"{owner}.{twice[0]}", NOT_GIVEN, "was given twice, by position and by keyword", construct_path=where
        )
    missing_positional = [name for name in positional if name not in given]
    if missing_positional:
        return PropertyArgumentError(
            owner,
            NOT_GIVEN,
            f"needs {' and '.join(repr(n) for n in missing_positional)} first: {call}",
            construct_path=where,
        )
    missing = [name for name in required if name not in kwargs]
    if missing:
        others = f" (nor {', '.join(missing[1:])})" if len(missing) > 1 else ""
        return PropertyArgumentError(
            f"{owner}.{missing[0]}",
            NOT_GIVEN,
            f"is required, but was not given{others}",
            construct_path=where,
            hint=f"the required properties of {owner} are {', '.join(required)}: {call}",
        )
    return None


def _construct_path(cls: type, positional_values: List[Any]) -> Optional[str]:
    """The path the construct would have had, from its scope and id arguments."""
    if not issubclass(cls, CfnResourceBase) or len(positional_values) < 2:
        return None
    scope, id = positional_values[:2]
    node = getattr(scope, "node", None)
    if not isinstance(id, str) or node is None:
        return None
    parent = getattr(node, "path", "")
    return f"{parent}/{id}" if parent else id


def _close_match(cls: type, key: str, keywords: List[str]) -> Optional[str]:
    table = cls._key_table() if issubclass(cls, _HasProps) else {}
    prop = table.get(key)
    if prop is not None and prop.name in keywords:
        return f"Did you mean {prop.name!r}? Keyword arguments are spelled in snake_case."
    import difflib

    folded = {name.replace("_", "").lower(): name for name in keywords}
    if key.replace("_", "").lower() in folded:
        return f"Did you mean {folded[key.replace('_', '').lower()]!r}?"
    close = difflib.get_close_matches(key, keywords, n=1, cutoff=0.6)
    return f"Did you mean {close[0]!r}?" if close else None


def unknown_key_error(path: str, key: Any, allowed: Iterable[str]) -> PropertyValueError:
    import difflib

    names = sorted(allowed)
    close = difflib.get_close_matches(str(key), names, n=1)
    hint = f"Did you mean {close[0]!r}?" if close else None
    return PropertyValueError(
        f"{path}[{key!r}]", key, f"is not a known key; allowed keys: {', '.join(names)}", hint=hint
    )


if TYPE_CHECKING:
    _Renderable = CfnRenderable
else:
    # A plain base, CfnStruct being registered as a CfnRenderable below: the thousands of
    # generated property-type classes are then created, and checked with isinstance,
    # without ABCMeta's machinery.
    _Renderable = object


class CfnStruct(_HasProps, _Renderable):
    """Base of generated property types: keyword-only, compared by value, validated."""

    __slots__ = ("_values",)

    def __init__(self) -> None:
        self._values = {}

    @classmethod
    def _from_mapping(cls: Type[_T], data: Mapping[str, Any], path: str) -> _T:
        table = cls._key_table()
        instance = cls.__new__(cls)
        instance._values = {}
        for key, value in data.items():
            prop = table.get(key) if isinstance(key, str) else None
            if prop is None:
                raise unknown_key_error(path, key, (p.name for p in cls._props))
            instance._set_value(prop, value, f"{path}.{prop.name}")
        for prop in cls._props:
            if prop.required and prop.name not in instance._values:
                raise PropertyValueError(f"{path}.{prop.name}", None, "is required")
        for choice in cls._choices:
            choice.check(instance._values, path)
        return instance

    def _cfn_render(self) -> Any:
        return self._cfn_values()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CfnStruct) and type(other) is type(self) and self._values == other._values

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        args = ", ".join(f"{p.name}={self._values[p.name]!r}" for p in self._props if p.name in self._values)
        return f"{type(self).__qualname__}({args})"


CfnRenderable.register(CfnStruct)


class CfnResourceBase(_HasProps, CfnResource):
    """Base of generated L1 resource classes.

    Property values are checked when set and again when the template is
    rendered; errors then name the construct path too.
    """

    CFN_RESOURCE_TYPE_NAME: ClassVar[str] = ""
    # How a taggable resource takes its tags ("STANDARD", "MAP", "AUTOSCALING_GROUP",
    # "KEY_VALUE": a TagType name), None if it is not taggable. Its tags property is then
    # ``tags_raw`` (or ``_tag_property``, e.g. ``user_pool_tags``), and ``tags`` its TagManager.
    _tag_type: ClassVar[Optional[str]] = None
    _tag_property: ClassVar[str] = "tags_raw"

    def __init__(self, scope: "Construct", id: str) -> None:
        self._values = {}
        super().__init__(scope, id, type=self.CFN_RESOURCE_TYPE_NAME)

    def _set_value(self, prop: "Prop[Any]", value: Any, path: str) -> None:
        try:
            super()._set_value(prop, value, path)
        except PropertyValueError as error:
            raise error.at_construct(self.node.path) from None

    def _att_string(self, name: str) -> str:
        """The ``Fn::GetAtt`` of attribute ``name``, as a string token."""
        return Token.as_string(self.get_att(name))

    def _att_list(self, name: str) -> List[str]:
        """The ``Fn::GetAtt`` of a list attribute ``name``, as a list token."""
        return Token.as_list(self.get_att(name))

    def _tag_manager(self) -> "TagManager":
        """The TagManager of this resource (created on first use), for its ``tags`` property."""
        from .tags import _resource_tag_manager

        return _resource_tag_manager(self)

    def _cfn_properties(self) -> Dict[str, Any]:
        try:
            self._check_all(type(self).__qualname__)
        except PropertyValueError as error:
            raise error.at_construct(self.node.path) from None
        if self._tag_type is not None:
            from .tags import _render_resource_tags

            return _render_resource_tags(self, self._cfn_values())
        return self._cfn_values()


__all__ = [
    "Boolean",
    "CfnResourceBase",
    "CfnStruct",
    "Choice",
    "Double",
    "Integer",
    "Json",
    "ListOf",
    "MapOf",
    "NOT_GIVEN",
    "Prop",
    "PropertyArgumentError",
    "PropertyTypeError",
    "PropertyValueError",
    "String",
    "Struct",
    "Timestamp",
    "Union",
    "ValueSpec",
    "unknown_key_error",
]
