"""Tokens: deploy-time values encoded in native Python values, and their resolution.

As in the AWS CDK, a token (an :class:`IResolvable`) can be carried around as:

* a ``str`` containing ``${Token[NAME.N]}`` markers (``Token.as_string``), so
  ``f"arn:{param.value_as_string}"`` works and resolves to an ``Fn::Join``;
* a ``float`` with a reserved bit pattern (``Token.as_number``): the top 16 bits
  are ``0xFBFF`` and the low 48 bits hold the token's index, which makes a
  number around ``-1.888e+289``;
* a one-element ``list`` whose element is ``#{Token[NAME.N]}`` (``Token.as_list``).

``Tokenization.resolve`` (and ``Stack.resolve``) turns a structure holding
tokens into plain CloudFormation JSON.
"""

from __future__ import annotations

import types
from abc import ABC, abstractmethod
from enum import Enum
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Iterator, Sequence

from .construct import Construct
from .errors import ResolutionError, ValidationError

if TYPE_CHECKING:
    import re

    from .construct import IConstruct

__all__ = [
    "IResolvable",
    "IResolveContext",
    "IPostProcessor",
    "CfnRenderable",
    "ResolutionTypeHint",
    "Token",
    "Tokenization",
    "TokenizedStringFragments",
    "Intrinsic",
    "Reference",
]

# ---------------------------------------------------------------------------
# Encoding details
# ---------------------------------------------------------------------------

BEGIN_STRING_TOKEN_MARKER = "${Token["
BEGIN_LIST_TOKEN_MARKER = "#{Token["
END_TOKEN_MARKER = "]}"
_NUMBER_STRING_MARK = "e+289"
_VALID_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:._-")

# struct.Struct("<d") and ("<Q"), made on first use (most programs encode no number token).
_DOUBLE: Any = None
_UINT64: Any = None
_DOUBLE_TOKEN_MARKER = 0xFBFF  # top 16 bits (sign + exponent + 4 mantissa bits)
_INDEX_MASK = (1 << 48) - 1
_MAX_ENCODABLE_INTEGER = _INDEX_MASK

_string_token_re: re.Pattern[str] | None = None
_list_token_re: re.Pattern[str] | None = None


def _string_re() -> re.Pattern[str]:
    global _string_token_re
    if _string_token_re is None:
        import re

        _string_token_re = re.compile(
            r"\$\{Token\[([a-zA-Z0-9:._-]+)\]\}|(-1\.\d{10,16}e\+289)"
        )
    return _string_token_re


def _list_re() -> re.Pattern[str]:
    global _list_token_re
    if _list_token_re is None:
        import re

        _list_token_re = re.compile(r"#\{Token\[([a-zA-Z0-9:._-]+)\]\}")
    return _list_token_re


def _create_token_double(index: int) -> float:
    if index < 0:
        raise ValidationError("Can only encode positive integers")
    if index > _MAX_ENCODABLE_INTEGER:
        raise ValidationError(f"Got an index too large to encode: {index}")
    double, uint64 = _codecs()
    value: float = double.unpack(uint64.pack((_DOUBLE_TOKEN_MARKER << 48) | index))[0]
    return value


def _codecs() -> tuple[Any, Any]:
    global _DOUBLE, _UINT64
    if _DOUBLE is None:
        import struct

        _DOUBLE, _UINT64 = struct.Struct("<d"), struct.Struct("<Q")
    return _DOUBLE, _UINT64


def _extract_token_double(encoded: float) -> int | None:
    double, uint64 = (_DOUBLE, _UINT64) if _DOUBLE is not None else _codecs()
    bits: int = uint64.unpack(double.pack(encoded))[0]
    if bits >> 48 != _DOUBLE_TOKEN_MARKER:
        return None
    return bits & _INDEX_MASK


def _string_has_token(s: str) -> bool:
    # Cheap substring tests first: this runs on every property value.
    if BEGIN_STRING_TOKEN_MARKER not in s and _NUMBER_STRING_MARK not in s:
        return False
    return _string_re().search(s) is not None


def _string_has_list_token(s: str) -> bool:
    return BEGIN_LIST_TOKEN_MARKER in s and _list_re().search(s) is not None


def _contains_list_token_element(xs: Sequence[Any]) -> bool:
    return any(isinstance(x, str) and _string_has_list_token(x) for x in xs)


def js_number_str(x: float) -> str:
    """Format a number the way JavaScript's ``String(x)`` does (``1.0`` -> ``"1"``)."""
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int):
        return str(x)
    if x != x:
        return "NaN"
    if x in (float("inf"), float("-inf")):
        return "Infinity" if x > 0 else "-Infinity"
    if x.is_integer() and abs(x) < 1e21:
        return str(int(x))
    text = repr(x)
    if "e" not in text:
        return text
    mantissa, exp_text = text.split("e")
    exponent = int(exp_text)
    if -7 < exponent < 0:
        # JavaScript only switches to exponent notation below 1e-6.
        digits = len(mantissa.lstrip("-").replace(".", "")) - 1
        return f"{x:.{digits - exponent}f}"
    return f"{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent)}"


# ---------------------------------------------------------------------------
# Interfaces
# ---------------------------------------------------------------------------


class ResolutionTypeHint(Enum):
    """Type hints for resolved values."""

    STRING = "string"
    STRING_LIST = "string-list"
    NUMBER = "number"


class IResolveContext(ABC):
    """Current resolution context for tokens."""

    @property
    @abstractmethod
    def scope(self) -> IConstruct:
        """The scope from which resolution has been initiated."""

    @property
    @abstractmethod
    def preparing(self) -> bool:
        """True when we are still preparing, False if we're rendering the final output."""

    @property
    @abstractmethod
    def document_path(self) -> list[str]:
        """Path in the JSON document that is being constructed."""

    @abstractmethod
    def resolve(self, x: Any, *, remove_empty: bool | None = None) -> Any:
        """Resolve an inner object.

        :param x:
        :param remove_empty: whether None values are dropped (default: as the outer resolution).
        """

    @abstractmethod
    def register_post_processor(self, post_processor: IPostProcessor) -> None:
        """Use this postprocessor after the entire token structure has been resolved.

        :param post_processor:
        """


class IPostProcessor(ABC):
    """A Token that can post-process the complete resolved value, after resolve() has recursed over it."""

    @abstractmethod
    def post_process(self, input: Any, context: IResolveContext) -> Any:
        """Process the completely resolved value, after full recursion/resolution has happened.

        :param input:
        :param context:
        """


class IResolvable(ABC):
    """Interface for values that can be resolvable later.

    Tokens are special objects that participate in synthesis.
    """

    @abstractmethod
    def resolve(self, context: IResolveContext) -> Any:
        """Produce the Token's value at resolution time.

        :param context:
        """

    @property
    def creation_stack(self) -> list[str]:
        """The creation stack of this resolvable which will be appended to errors thrown during resolution.

        This may return an empty list if the stack trace is not available.
        """
        return []

    @property
    def type_hint(self) -> ResolutionTypeHint | None:
        """The type that this token will likely resolve to."""
        return None

    def to_string(self) -> str:
        """Return a string representation of this resolvable object.

        Returns a reversible string representation.
        """
        return Token.as_string(self)

    def __str__(self) -> str:
        return self.to_string()

    def __add__(self, other: str) -> str:
        if isinstance(other, str):
            return _encoded(self) + other
        return NotImplemented

    def __radd__(self, other: str) -> str:
        if isinstance(other, str):
            return other + _encoded(self)
        return NotImplemented


def _encoded(token: IResolvable) -> str:
    # Constructs that are also tokens (CfnParameter...) stringify to their path.
    if isinstance(token, Construct):
        return Token.as_string(token)
    return token.to_string()


class CfnRenderable(ABC):
    """A value that knows how to render itself into CloudFormation JSON.

    When the resolver meets an instance, it replaces it by the result of
    :meth:`_cfn_render` and resolves that result (so it may hold tokens,
    other renderables, ``None`` values to drop, ...).  Generated property-type
    structs subclass it.
    """

    __slots__ = ()

    @abstractmethod
    def _cfn_render(self) -> Any:
        """Return the CloudFormation (unresolved) value of this object."""


# ---------------------------------------------------------------------------
# Fragments of a tokenized string
# ---------------------------------------------------------------------------

_LITERAL = 0
_TOKEN = 1
_INTRINSIC = 2


class TokenizedStringFragments:
    """Fragments of a concatenated string containing stringified Tokens."""

    __slots__ = ("_fragments",)

    def __init__(self) -> None:
        self._fragments: list[tuple[int, Any]] = []

    def add_literal(self, lit: Any) -> None:
        """Add a literal fragment.

        :param lit:
        """
        self._fragments.append((_LITERAL, lit))

    def add_token(self, token: IResolvable) -> None:
        """Add a token fragment.

        :param token:
        """
        self._fragments.append((_TOKEN, token))

    def add_intrinsic(self, value: Any) -> None:
        """Add an already-resolved (intrinsic) fragment.

        :param value:
        """
        self._fragments.append((_INTRINSIC, value))

    @property
    def length(self) -> int:
        """Number of fragments."""
        return len(self._fragments)

    def __len__(self) -> int:
        return len(self._fragments)

    @property
    def first_token(self) -> IResolvable | None:
        """The first fragment, if it is a token."""
        if self._fragments and self._fragments[0][0] == _TOKEN:
            token: IResolvable = self._fragments[0][1]
            return token
        return None

    @property
    def first_value(self) -> Any:
        """The value of the first fragment."""
        return self._fragments[0][1]

    @property
    def tokens(self) -> list[IResolvable]:
        """Return all Tokens from this string."""
        return [value for kind, value in self._fragments if kind == _TOKEN]

    @property
    def literals(self) -> list[Any]:
        """Return all literals from this string."""
        return [value for kind, value in self._fragments if kind == _LITERAL]

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        return iter(self._fragments)


# ---------------------------------------------------------------------------
# The (process-wide) token map
# ---------------------------------------------------------------------------


class _TokenMap:
    """Central place mapping token representations to the tokens themselves."""

    def __init__(self) -> None:
        self.string_map: dict[str, IResolvable] = {}
        self.number_map: dict[int, IResolvable] = {}
        self.counter = 0
        # id(token) -> representation; the maps above keep the tokens alive,
        # so ids cannot be recycled.
        self.string_cache: dict[int, str] = {}
        self.list_cache: dict[int, str] = {}
        self.number_cache: dict[int, float] = {}

    def _register_key(self, token: IResolvable, display_hint: str | None) -> str:
        counter = self.counter
        self.counter += 1
        hint = display_hint or "TOKEN"
        representation = "".join(c if c in _VALID_KEY_CHARS else "." for c in hint)
        key = f"{representation}.{counter}"
        self.string_map[key] = token
        return key

    def register_string(self, token: IResolvable, display_hint: str | None = None) -> str:
        cached = self.string_cache.get(id(token))
        if cached is None:
            key = self._register_key(token, display_hint)
            cached = BEGIN_STRING_TOKEN_MARKER + key + END_TOKEN_MARKER
            self.string_cache[id(token)] = cached
        return cached

    def register_list(self, token: IResolvable, display_hint: str | None = None) -> list[str]:
        cached = self.list_cache.get(id(token))
        if cached is None:
            key = self._register_key(token, display_hint)
            cached = BEGIN_LIST_TOKEN_MARKER + key + END_TOKEN_MARKER
            self.list_cache[id(token)] = cached
        return [cached]

    def register_number(self, token: IResolvable) -> float:
        cached = self.number_cache.get(id(token))
        if cached is None:
            counter = self.counter
            self.counter += 1
            cached = _create_token_double(counter)
            self.number_map[counter] = token
            # Also register the str() form, so a number token formatted into a
            # string can be found again.
            self.string_map[repr(cached)] = token
            self.number_cache[id(token)] = cached
        return cached

    def lookup_token(self, key: str) -> IResolvable:
        token = self.string_map.get(key)
        if token is None:
            raise ResolutionError(f"Unrecognized token key: {key}")
        return token

    def lookup_number_token(self, x: float) -> IResolvable | None:
        index = _extract_token_double(x)
        if index is None:
            return None
        token = self.number_map.get(index)
        if token is None:
            raise ResolutionError("Encoded representation of unknown number Token found")
        return token

    def split_string(self, s: str) -> TokenizedStringFragments:
        ret = TokenizedStringFragments()
        rest = 0
        for match in _string_re().finditer(s):
            if match.start() > rest:
                ret.add_literal(s[rest : match.start()])
            key = match.group(1) if match.group(1) is not None else match.group(2)
            ret.add_token(self.lookup_token(key))
            rest = match.end()
        if rest < len(s):
            ret.add_literal(s[rest:])
        return ret

    def split_list_string(self, s: str) -> TokenizedStringFragments:
        ret = TokenizedStringFragments()
        rest = 0
        for match in _list_re().finditer(s):
            if match.start() > rest:
                ret.add_literal(s[rest : match.start()])
            ret.add_token(self.lookup_token(match.group(1)))
            rest = match.end()
        if rest < len(s):
            ret.add_literal(s[rest:])
        return ret

    def lookup_string(self, s: str) -> IResolvable | None:
        fragments = self.split_string(s)
        if fragments.tokens and len(fragments) == 1:
            return fragments.first_token
        return None

    def lookup_list(self, xs: Sequence[Any]) -> IResolvable | None:
        if len(xs) != 1 or not isinstance(xs[0], str):
            return None
        fragments = self.split_list_string(xs[0])
        if len(fragments) == 1:
            return fragments.first_token
        return None


_TOKEN_MAP = _TokenMap()


# ---------------------------------------------------------------------------
# Public Token API
# ---------------------------------------------------------------------------


class Token:
    """Represents a special or lazily-evaluated value.

    Can be used to delay evaluation of a certain value in case, for example,
    that it requires some context or late-bound data. Can also be used to
    mark values that need special processing at document rendering time.

    Tokens can be embedded into strings while retaining their original
    semantics.
    """

    @staticmethod
    def is_unresolved(obj: Any) -> bool:
        """Returns true if obj represents an unresolved value.

        One of these must be true:

        - ``obj`` is an IResolvable
        - ``obj`` is a string containing at least one encoded ``IResolvable``
        - ``obj`` is either an encoded number or list

        This does NOT recurse into lists or objects to see if they
        containing resolvables.

        :param obj: The object to test.
        """
        cls = type(obj)
        if cls is str:
            if BEGIN_STRING_TOKEN_MARKER not in obj and _NUMBER_STRING_MARK not in obj:
                return False
            return _string_re().search(obj) is not None
        if cls is int or cls is bool or obj is None:
            return False
        if cls is float:
            return _extract_token_double(obj) is not None
        if cls is list:
            return len(obj) == 1 and type(obj[0]) is str and _string_has_list_token(obj[0])
        if isinstance(obj, IResolvable):
            return True
        if isinstance(obj, str):
            return _string_has_token(obj)
        if isinstance(obj, float):
            return _extract_token_double(obj) is not None
        if isinstance(obj, list):
            return len(obj) == 1 and isinstance(obj[0], str) and _string_has_list_token(obj[0])
        return False

    @staticmethod
    def as_any(value: Any) -> IResolvable:
        """Return a resolvable representation of the given value.

        :param value:
        """
        if isinstance(value, IResolvable):
            return value
        return Intrinsic(value)

    @staticmethod
    def as_string(value: Any, *, display_hint: str | None = None) -> str:
        """Return a reversible string representation of this token.

        If the Token is initialized with a literal, the stringified value of the
        literal is returned. Otherwise, a special quoted string representation
        of the Token is returned that can be embedded into other strings.

        :param value:
        :param display_hint: A hint for the Token's purpose when stringifying it.
        """
        if isinstance(value, str):
            return value
        if display_hint is None and isinstance(value, Reference):
            display_hint = f"{value.target.node.id}.{value.display_name}"
        return _TOKEN_MAP.register_string(Token.as_any(value), display_hint)

    @staticmethod
    def as_number(value: Any) -> float:
        """Return a reversible number representation of this token.

        :param value:
        """
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return value
        return _TOKEN_MAP.register_number(Token.as_any(value))

    @staticmethod
    def as_list(value: Any, *, display_hint: str | None = None) -> list[str]:
        """Return a reversible list representation of this token.

        :param value:
        :param display_hint: A hint for the Token's purpose when stringifying it.
        """
        if isinstance(value, list):
            return value
        return _TOKEN_MAP.register_list(Token.as_any(value), display_hint)

    @staticmethod
    def is_token(obj: Any) -> bool:
        """Alias of :meth:`is_unresolved`.

        :param obj:
        """
        return Token.is_unresolved(obj)


class Tokenization:
    """Less oft-needed functions to manipulate Tokens."""

    @staticmethod
    def is_resolvable(obj: Any) -> bool:
        """Return whether the given object is an IResolvable object.

        This is different from Token.is_unresolved() which will also check for
        encoded Tokens, whereas this method will only do a type check on the given object.

        :param obj:
        """
        return isinstance(obj, IResolvable)

    @staticmethod
    def resolve(
        obj: Any,
        *,
        scope: IConstruct,
        preparing: bool = False,
        remove_empty: bool = True,
    ) -> Any:
        """Resolves an object by evaluating all tokens and removing any None values.

        :param obj: The object to resolve.
        :param scope: The construct from which resolution is initiated.
        :param preparing: Whether the resolution is being executed during the prepare phase or not.
        :param remove_empty: Whether to remove None values from lists and dicts.
        """
        return resolve(obj, scope=scope, preparing=preparing, remove_empty=remove_empty)

    @staticmethod
    def reverse(x: Any) -> IResolvable | None:
        """Reverse any value into a Resolvable, if possible.

        :param x:
        """
        if isinstance(x, IResolvable):
            return x
        if isinstance(x, str):
            return Tokenization.reverse_complete_string(x)
        if isinstance(x, list):
            return Tokenization.reverse_list(x)
        if isinstance(x, float):
            return Tokenization.reverse_number(x)
        return None

    @staticmethod
    def reverse_string(s: str) -> TokenizedStringFragments:
        """Un-encode a string potentially containing encoded tokens.

        :param s:
        """
        return _TOKEN_MAP.split_string(s)

    @staticmethod
    def reverse_complete_string(s: str) -> IResolvable | None:
        """Un-encode a string which is either a complete encoded token, or doesn't contain tokens at all.

        It's illegal for the string to be a concatenation of an encoded token and something else.

        :param s:
        """
        fragments = _TOKEN_MAP.split_string(s)
        if len(fragments) != 1 or fragments.first_token is None:
            if fragments.tokens:
                raise ValidationError(f"Tokenzation.reverseCompleteString: argument must not be a concatentation, got '{s}'")
            return None
        return fragments.first_token

    @staticmethod
    def reverse_number(n: float) -> IResolvable | None:
        """Un-encode a Tokenized value from a number.

        :param n:
        """
        return _TOKEN_MAP.lookup_number_token(n)

    @staticmethod
    def reverse_list(l: Sequence[str]) -> IResolvable | None:
        """Un-encode a Tokenized value from a list.

        :param l:
        """
        return _TOKEN_MAP.lookup_list(l)

    @staticmethod
    def stringify_number(x: float) -> str:
        """Stringify a number directly or lazily if it's a Token.

        If it is an object (i.e., { Ref: 'SomeLogicalId' }), return it as-is.

        :param x:
        """
        if Token.is_unresolved(x):
            return Token.as_string(_StringifiedNumber(x))
        return js_number_str(x)


class _StringifiedNumber(IResolvable):
    def __init__(self, value: float) -> None:
        self._value = value

    def resolve(self, context: IResolveContext) -> Any:
        resolved = context.resolve(self._value)
        if isinstance(resolved, (int, float)) and not isinstance(resolved, bool):
            return js_number_str(resolved)
        return resolved


# ---------------------------------------------------------------------------
# Intrinsic and Reference
# ---------------------------------------------------------------------------

_FUNCTION_TYPES = (types.FunctionType, types.MethodType, types.BuiltinFunctionType, types.LambdaType)


class Intrinsic(IResolvable):
    """Token subclass that represents values intrinsic to the target document language.

    WARNING: this class should not be externally exposed, but is currently visible
    because of a limitation of jsii (https://github.com/aws/jsii/issues/524).
    In cfnpy it is public and may be used to wrap CloudFormation intrinsics.

    :param value: the CloudFormation value this token stands for.
    :param stack_trace: ignored (kept for API compatibility).
    :param type_hint: Type that this token is expected to evaluate to.
    """

    def __init__(
        self,
        value: Any,
        *,
        stack_trace: bool | None = None,
        type_hint: ResolutionTypeHint | None = None,
    ) -> None:
        if isinstance(value, _FUNCTION_TYPES):
            raise ValidationError(
                f"Argument to Intrinsic must be a plain value object, got {value!r}",
                hint="use Lazy.any(...) for values computed at synthesis time",
            )
        self._value = value
        self._type_hint = type_hint

    @property
    def type_hint(self) -> ResolutionTypeHint | None:
        """Type that the Intrinsic is expected to evaluate to."""
        return self._type_hint

    def resolve(self, context: IResolveContext) -> Any:
        """Produce the Token's value at resolution time.

        :param context:
        """
        return self._value

    def new_error(self, message: str) -> Exception:
        """Creates a throwable Error object that contains the token creation stack trace.

        :param message: Error message.
        """
        return ResolutionError(message)

    def to_json(self) -> Any:
        """Turn this Token into JSON.

        Called automatically when JSON.stringify() is called on a Token.
        """
        return "<unresolved-token>"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._value!r}>"


class Reference(Intrinsic):
    """An intrinsic Token that represents a reference to a construct.

    References are recorded.

    :param value:
    :param target:
    :param display_name:
    :param type_hint:
    """

    def __init__(
        self,
        value: Any,
        target: IConstruct,
        display_name: str | None = None,
        type_hint: ResolutionTypeHint | None = None,
    ) -> None:
        super().__init__(value, type_hint=type_hint)
        self._target = target
        self._display_name = display_name or "Reference"

    @staticmethod
    def is_reference(x: Any) -> bool:
        """Check whether this is actually a Reference.

        :param x:
        """
        return isinstance(x, Reference)

    @property
    def target(self) -> IConstruct:
        """The construct this reference points to."""
        return self._target

    @property
    def display_name(self) -> str:
        """A human readable name for the reference."""
        return self._display_name

    def to_string(self) -> str:
        """Return a string representation of this resolvable object."""
        return Token.as_string(self, display_hint=f"{self._target.node.id}.{self._display_name}")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._target.node.path}.{self._display_name}>"


# ---------------------------------------------------------------------------
# The resolver
# ---------------------------------------------------------------------------

_MAX_DEPTH = 200
_MAX_TOKEN_DEPTH = 100


class _Options:
    __slots__ = ("scope", "preparing", "remove_empty", "token_depth")

    def __init__(self, scope: IConstruct, preparing: bool, remove_empty: bool) -> None:
        self.scope = scope
        self.preparing = preparing
        self.remove_empty = remove_empty
        self.token_depth = 0


class _ResolveContext(IResolveContext):
    __slots__ = ("_options", "_path", "_post_processor")

    def __init__(self, options: _Options, path: tuple[str, ...]) -> None:
        self._options = options
        self._path = path
        self._post_processor: IPostProcessor | None = None

    @property
    def scope(self) -> IConstruct:
        return self._options.scope

    @property
    def preparing(self) -> bool:
        return self._options.preparing

    @property
    def document_path(self) -> list[str]:
        return list(self._path)

    def resolve(self, x: Any, *, remove_empty: bool | None = None) -> Any:
        options = self._options
        if remove_empty is not None and remove_empty != options.remove_empty:
            changed = _Options(options.scope, options.preparing, remove_empty)
            changed.token_depth = options.token_depth
            options = changed
        return _resolve(x, options, self._path)

    def register_post_processor(self, post_processor: IPostProcessor) -> None:
        self._post_processor = post_processor


def resolve(
    obj: Any,
    *,
    scope: IConstruct,
    preparing: bool = False,
    remove_empty: bool = True,
) -> Any:
    """Resolve ``obj``: evaluate all tokens and drop ``None`` values (if ``remove_empty``)."""
    return _resolve(obj, _Options(scope, preparing, remove_empty), ())


def _path_name(path: tuple[str, ...]) -> str:
    return "/" + "/".join(path)


def _resolve(obj: Any, o: _Options, path: tuple[str, ...]) -> Any:
    if len(path) > _MAX_DEPTH:
        raise ResolutionError(
            "Unable to resolve object tree with circular reference. Path: " + _path_name(path)
        )
    if obj is None:
        return None
    cls = type(obj)
    if cls is str:
        return _resolve_str(obj, o, path)
    if cls is int or cls is bool:
        return obj
    if cls is float:
        return _resolve_float(obj, o, path)
    if cls is dict:
        return _resolve_dict(obj, o, path)
    if cls is list or cls is tuple:
        return _resolve_list(obj, o, path)
    if isinstance(obj, IResolvable):
        return _resolve_token(obj, o, path)
    if isinstance(obj, CfnRenderable):
        return _resolve(obj._cfn_render(), o, path)
    if isinstance(obj, Enum):
        return _resolve(obj.value, o, path)
    if isinstance(obj, str):
        return _resolve_str(str(obj), o, path)
    if isinstance(obj, bool):
        return bool(obj)
    if isinstance(obj, int):
        return int(obj)
    if isinstance(obj, float):
        return _resolve_float(float(obj), o, path)
    if isinstance(obj, Mapping):
        return _resolve_dict(obj, o, path)
    if isinstance(obj, (list, tuple)):
        return _resolve_list(obj, o, path)
    if isinstance(obj, Construct):
        raise ResolutionError(
            f"Trying to resolve() a Construct at {_path_name(path)}",
            hint=f"use one of its attributes (e.g. '.ref') instead of the construct '{obj.node.path}' itself",
        )
    raise ResolutionError(
        f"Trying to resolve a non-data object of type '{type(obj).__name__}'. "
        f"Only tokens are supported for lazy evaluation. Path: {_path_name(path)}. Object: {obj!r}",
        hint="convert it to a str, number, bool, list or dict first "
        "(e.g. duration.to_seconds()), or wrap it in a CfnRenderable",
    )


def _is_plain(value: Any) -> bool:
    """A value that resolves to itself: a string with no token in it, an int or a bool
    (most leaves of a template: resolving them without a path for each is much cheaper)."""
    cls = type(value)
    if cls is str:
        return BEGIN_LIST_TOKEN_MARKER not in value and not _string_has_token(value)
    return cls is int or cls is bool


def _resolve_str(s: str, o: _Options, path: tuple[str, ...]) -> Any:
    if BEGIN_LIST_TOKEN_MARKER in s and _list_re().search(s) is not None:
        raise ResolutionError(
            "Found an encoded list token string in a scalar string context. "
            "Use 'Fn.select(0, list)' (not 'list[0]') to extract elements from token lists. "
            f"Path: {_path_name(path)}"
        )
    if not _string_has_token(s):
        return s
    fragments = _TOKEN_MAP.split_string(s)
    values: list[Any] = []
    for kind, value in fragments:
        if kind == _TOKEN:
            values.append(_resolve_token(value, o, path))
        else:
            values.append(value)
    if not values:
        return ""
    if len(values) == 1:
        return values[0]
    result = values[0]
    for value in values[1:]:
        result = cloudformation_concat(result, value)
    return result


def _resolve_float(x: float, o: _Options, path: tuple[str, ...]) -> Any:
    token = _TOKEN_MAP.lookup_number_token(x)
    if token is None:
        return x
    return _resolve_token(token, o, path)


def _resolve_list(xs: Sequence[Any], o: _Options, path: tuple[str, ...]) -> Any:
    if _contains_list_token_element(xs):
        if len(xs) != 1:
            raise ResolutionError(
                f"Cannot add elements to list token, got: {list(xs)!r}. Path: {_path_name(path)}",
                hint="use Fn.split/Fn.select, or pass the token list unmodified",
            )
        fragments = _TOKEN_MAP.split_list_string(xs[0])
        token = fragments.first_token
        if len(fragments) != 1 or token is None:
            raise ResolutionError(
                f"Cannot concatenate strings in a tokenized string array, got: {xs[0]}. Path: {_path_name(path)}"
            )
        return _resolve_token(token, o, path)
    ret: list[Any] = []
    remove_empty = o.remove_empty
    for index, item in enumerate(xs):
        if _is_plain(item):
            ret.append(item)
            continue
        value = _resolve(item, o, path + (str(index),))
        if value is None and remove_empty:
            continue
        ret.append(value)
    return ret


def _resolve_dict(obj: Mapping[Any, Any], o: _Options, path: tuple[str, ...]) -> Any:
    result: dict[Any, Any] = {}
    remove_empty = o.remove_empty
    for key, item in obj.items():
        value = item if _is_plain(item) else _resolve(item, o, path + (str(key),))
        if value is None and remove_empty:
            continue
        if not (type(key) is str and _string_has_token(key)):
            result[key] = value
            continue
        resolved_key = _resolve(key, o, path)
        if not isinstance(resolved_key, str):
            import json

            raise ResolutionError(
                f'"{key}" is used as the key in a map so must resolve to a string, '
                f"but it resolves to: {json.dumps(resolved_key, default=str)}. Path: {_path_name(path)}"
            )
        result[resolved_key] = value
    return result


def _resolve_token(token: IResolvable, o: _Options, path: tuple[str, ...]) -> Any:
    if o.token_depth > _MAX_TOKEN_DEPTH:
        raise ResolutionError(
            f"Token resolution is nested too deeply (a token resolving to itself?): {token!r}. "
            f"Path: {_path_name(path)}"
        )
    context = _ResolveContext(o, path)
    o.token_depth += 1
    try:
        resolved = token.resolve(context)
        resolved = _resolve(resolved, o, path)
    finally:
        o.token_depth -= 1
    post = context._post_processor
    if post is not None:
        resolved = post.post_process(resolved, context)
    return resolved


# ---------------------------------------------------------------------------
# CloudFormation string concatenation
# ---------------------------------------------------------------------------


def is_intrinsic(x: Any) -> bool:
    """Return whether ``x`` looks like a CloudFormation intrinsic (``{"Ref": ...}``, ``{"Fn::X": ...}``)."""
    if type(x) is not dict or len(x) != 1:
        return False
    key = next(iter(x))
    if key == "Ref":
        return True
    return (
        isinstance(key, str)
        and key.startswith("Fn::")
        and key != "Fn::GetArtifactAtt"
        and key != "Fn::GetParam"
    )


def _is_concatable(obj: Any) -> bool:
    return isinstance(obj, (str, int, float)) and not isinstance(obj, bool) and not Token.is_unresolved(obj)


def _concat_str(x: Any) -> str:
    return x if isinstance(x, str) else js_number_str(x)


def minimal_cloudformation_join(delimiter: str, values: list[Any]) -> list[Any]:
    """Do an intelligent CloudFormation join on the given values, producing a minimal expression.

    Nested ``Fn::Join`` with the same delimiter are flattened, adjacent literals are pre-joined.
    """
    values = list(values)
    i = 0
    while i < len(values):
        el = values[i]
        if _is_splicable_join(el, delimiter):
            values[i : i + 1] = el["Fn::Join"][1]
        elif i > 0 and _is_concatable(values[i - 1]) and _is_concatable(el):
            values[i - 1] = _concat_str(values[i - 1]) + delimiter + _concat_str(el)
            del values[i]
        else:
            i += 1
    return values


def _is_splicable_join(obj: Any, delimiter: str) -> bool:
    if not is_intrinsic(obj) or next(iter(obj)) != "Fn::Join":
        return False
    args = obj["Fn::Join"]
    if not isinstance(args, list) or len(args) != 2:
        return False
    delim, values = args
    if delim != delimiter:
        return False
    return isinstance(values, list) and not Token.is_unresolved(values)


def cloudformation_concat(left: Any, right: Any) -> Any:
    """Produce a CloudFormation expression concatenating two (resolved) expressions."""
    if left is None and right is None:
        return ""
    parts = [p for p in (left, right) if p is not None]
    if len(parts) == 1:
        return parts[0]
    if _is_concatable(parts[0]) and _is_concatable(parts[1]):
        return _concat_str(parts[0]) + _concat_str(parts[1])
    return {"Fn::Join": ["", minimal_cloudformation_join("", parts)]}

