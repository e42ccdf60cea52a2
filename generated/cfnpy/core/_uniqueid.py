"""Unique id calculation, exactly as the AWS CDK's ``makeUniqueId`` and ``makeUniqueResourceName``."""

from __future__ import annotations

from typing import Sequence

from .errors import ValidationError
from .token import Token

HIDDEN_FROM_HUMAN_ID = "Resource"
"""Components with this id are hidden from the human part of the id, but included in the hash."""

HIDDEN_ID = "Default"
"""Components with this id are completely hidden from the id calculation."""

PATH_SEP = "/"
HASH_LEN = 8
MAX_HUMAN_LEN = 240  # max ID len is 255
MAX_ID_LEN = 255

_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def remove_non_alphanumeric(s: str) -> str:
    """Remove every character that is not in ``[A-Za-z0-9]``."""
    if s.isascii() and s.isalnum():
        return s
    return "".join(c for c in s if c in _ALNUM)


def _remove_non_allowed(s: str, allowed_special_characters: str | None) -> str:
    if not allowed_special_characters:
        return remove_non_alphanumeric(s)
    allowed = _ALNUM.union(allowed_special_characters)
    return "".join(c for c in s if c in allowed)


def path_hash(path: Sequence[str]) -> str:
    """The first 8 upper-case hex digits of the md5 of the components joined by '/'."""
    import hashlib

    digest = hashlib.md5(PATH_SEP.join(path).encode("utf-8"), usedforsecurity=False).hexdigest()
    return digest[:HASH_LEN].upper()


def remove_dupes(path: Sequence[str]) -> list[str]:
    """Skip a component when the previous kept component ends with it."""
    ret: list[str] = []
    for component in path:
        if not ret or not ret[-1].endswith(component):
            ret.append(component)
    return ret


def make_unique_id(components: Sequence[str]) -> str:
    """Calculates a unique id for a set of textual components.

    A single component keeps its id (without non-alphanumerics); otherwise
    a "human" part (components without ``Default``/``Resource``, de-duplicated,
    alphanumerics only, at most 240 characters) followed by an 8 character
    hash of the full path (without ``Default`` components).
    """
    components = [c for c in components if c != HIDDEN_ID]
    if not components:
        raise ValidationError("Unable to calculate a unique id for an empty set of components")
    unresolved = [c for c in components if Token.is_unresolved(c)]
    if unresolved:
        raise ValidationError(
            f"ID components may not include unresolved tokens: {','.join(unresolved)}",
            hint="construct ids must be literal strings",
        )
    if len(components) == 1:
        candidate = remove_non_alphanumeric(components[0])
        if len(candidate) <= MAX_ID_LEN:
            return candidate
    hash_part = path_hash(components)
    human = "".join(
        remove_non_alphanumeric(c) for c in remove_dupes(components) if c != HIDDEN_FROM_HUMAN_ID
    )[:MAX_HUMAN_LEN]
    return human + hash_part


def make_unique_resource_name(
    components: Sequence[str],
    *,
    max_length: int = 256,
    separator: str = "",
    allowed_special_characters: str | None = None,
    prefix: str = "",
) -> str:
    """Calculates a unique resource name (as the AWS CDK's ``makeUniqueResourceName``)."""
    components = [c for c in components if c != HIDDEN_ID]
    if not components:
        raise ValidationError("Unable to calculate a unique resource name for an empty set of components")
    if len(components) == 1:
        top_level = prefix + _remove_non_allowed(components[0], allowed_special_characters)
        if len(top_level) <= max_length:
            return top_level
    hash_part = path_hash(components)
    pieces = [
        _remove_non_allowed(c, allowed_special_characters)
        for c in remove_dupes(components)
        if c != HIDDEN_FROM_HUMAN_ID
    ]
    human = prefix + separator.join(p for p in pieces if p) + separator
    max_human_length = max_length - HASH_LEN
    if len(human) > max_human_length:
        half = max_human_length // 2
        human = human[:half] + (human[-half:] if half else "")
    return human + hash_part
