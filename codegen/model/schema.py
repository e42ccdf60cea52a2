"""Small facts about registry-schema nodes that the checks, the model and the views share."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Set, Tuple, Union

# Keywords whose branches may add properties and required names to an object.
COMBINATORS = ("allOf", "anyOf", "oneOf")

PathPart = Union[str, int]


def is_struct(node: Any) -> bool:
    """A node that becomes a property type: an object with named properties, its own
    or those of its inline ``allOf``/``anyOf``/``oneOf`` branches (AWS's tagged unions:
    ``oneOf: [{properties: {Hidden: ...}}, {properties: {Required: ...}}]``)."""
    if not isinstance(node, dict) or node.get("type", "object") not in ("object", ["object"]):
        return False
    if isinstance(node.get("properties"), dict) and node["properties"]:
        return True
    return any(is_struct(branch) for _, branch in _branches(node))


def _branches(node: Dict[str, Any]) -> List[Tuple[Tuple[PathPart, ...], Dict[str, Any]]]:
    """The inline branches of ``node``'s combinators, with their paths below it."""
    found: List[Tuple[Tuple[PathPart, ...], Dict[str, Any]]] = []
    for keyword in COMBINATORS:
        branches = node.get(keyword)
        if isinstance(branches, list):
            found += [((keyword, i), b) for i, b in enumerate(branches) if isinstance(b, dict) and "$ref" not in b]
    return found


@dataclass(frozen=True)
class ObjectMembers:
    """The properties an object schema allows and the rules on which must be present."""

    # name -> (schema, path of the schema below the object's node); the object's own
    # definition of a name wins over a branch's, an earlier branch's over a later one's.
    properties: Dict[str, Tuple[Any, Tuple[PathPart, ...]]]
    required: Tuple[str, ...]
    # (keyword, options): ``oneOf``: exactly one option's names all present; ``anyOf``:
    # at least one. Kept only when every name is a property and the rule can be met.
    choices: Tuple[Tuple[str, Tuple[Tuple[str, ...], ...]], ...]


def object_members(node: Dict[str, Any]) -> ObjectMembers:
    properties: Dict[str, Tuple[Any, Tuple[PathPart, ...]]] = {}
    required: List[str] = []
    choices: List[Tuple[str, Tuple[Tuple[str, ...], ...]]] = []
    _collect(node, (), properties, required, choices)
    names = set(properties)
    kept = tuple(
        (keyword, options)
        for keyword, options in choices
        if all({n.split(".")[0] for n in option} <= names for option in options) and _can_be_met(keyword, options)
    )
    return ObjectMembers(properties, tuple(n for n in required if n in names), kept)


def _collect(
    node: Dict[str, Any],
    path: Tuple[PathPart, ...],
    properties: Dict[str, Tuple[Any, Tuple[PathPart, ...]]],
    required: List[str],
    choices: List[Tuple[str, Tuple[Tuple[str, ...], ...]]],
) -> None:
    own = node.get("properties")
    if isinstance(own, dict):
        for name in own:
            properties.setdefault(name, (own[name], path + ("properties", name)))
    required += [n for n in node.get("required", ()) if isinstance(n, str) and n not in required]
    counts = _property_count_rule(node, own)
    if counts is not None:
        choices.append(counts)
    for keyword in COMBINATORS:
        branches = node.get(keyword)
        if not isinstance(branches, list):
            continue
        defined = set(properties)
        # Each anyOf/oneOf branch: itself, the names it requires (its option), the names it defines.
        seen: List[Tuple[Dict[str, Any], Tuple[str, ...], Tuple[str, ...]]] = []
        readable = True
        for index, branch in enumerate(branches):
            if not isinstance(branch, dict) or "$ref" in branch:
                readable = False  # a branch this reading cannot see into: no rule of options
                break
            if keyword == "allOf" or len(branches) == 1:  # one branch: it must hold
                _collect(branch, path + (keyword, index), properties, required, choices)
                continue
            # Names a branch requires are the option; rules nested in a branch hold only
            # when it is chosen, so they are not kept.
            branch_required: List[str] = []
            branch_properties: Dict[str, Tuple[Any, Tuple[PathPart, ...]]] = {}
            _collect(branch, path + (keyword, index), branch_properties, branch_required, [])
            seen.append((branch, tuple(branch_required + _nested_required(branch)), tuple(branch_properties)))
            for name, found in branch_properties.items():
                properties.setdefault(name, found)
        rule = _branch_rule(keyword, seen, defined, readable)
        if rule is not None:
            choices.append(rule)


def _branch_rule(
    keyword: str,
    seen: List[Tuple[Dict[str, Any], Tuple[str, ...], Tuple[str, ...]]],
    defined: Set[str],
    readable: bool,
) -> Optional[Tuple[str, Tuple[Tuple[str, ...], ...]]]:
    """The rule of an anyOf/oneOf's branches (``seen``) on which names are set, if any."""
    # Branches that require no name but close the object to their own properties
    # (``additionalProperties: false``): an empty object matches each of them.
    closed = [names for branch, option, names in seen if not option and branch.get("additionalProperties") is False and names]
    if keyword == "oneOf" and len(closed) >= 2:
        # An empty object would match two of them: one of their properties must be set.
        return ("anyOf", tuple((name,) for name in dict.fromkeys(n for names in closed for n in names)))
    options = tuple(option for _, option, _ in seen)
    if not readable or len(options) < 2:
        return None
    # "Exactly one option set" is the oneOf only when presence alone decides which
    # branches match; else (a branch narrowing a property the node or another branch
    # defines, holding a rule of its own, closed to other names) only "some option is set" is sure.
    refines = any(
        set(names) & (defined | {n for j, (_, _, other) in enumerate(seen) if j != i for n in other})
        for i, (_, _, names) in enumerate(seen)
    )
    decided = not refines and all(
        _decided_by_presence(branch, option, set(names), [o for j, o in enumerate(options) if j != i])
        for i, (branch, option, names) in enumerate(seen)
    )
    return (keyword if decided else "anyOf", options)


# Keywords of a branch that say nothing about values: the branch matches by presence alone.
_PRESENCE_ONLY = {"required", "properties", "additionalProperties", "type", "description", "title", "$comment"}


def _decided_by_presence(
    branch: Dict[str, Any], option: Tuple[str, ...], names: Set[str], others: List[Tuple[str, ...]]
) -> bool:
    """Whether ``branch`` matches exactly when the names of ``option`` are set: it holds
    no other rule, and if closed to its own ``names``, setting any other option's names
    makes it fail anyway (an empty option of a closed branch is not always met)."""
    if set(branch) - _PRESENCE_ONLY or branch.get("type", "object") not in ("object", ["object"]):
        return False
    if branch.get("additionalProperties") is False:
        return bool(option) and all(any(n.split(".")[0] not in names for n in other) for other in others)
    return "additionalProperties" not in branch


def _nested_required(branch: Dict[str, Any]) -> List[str]:
    """Names a branch requires inside the structures of properties it narrows
    (``{properties: {AccountGrouping: {required: [LinkedAccountIds]}}}``), as dotted paths."""
    found: List[str] = []
    narrowed = branch.get("properties")
    if isinstance(narrowed, dict):
        for name, schema in narrowed.items():
            if isinstance(schema, dict) and "$ref" not in schema and "properties" not in schema:
                inner = [n for n in schema.get("required", ()) if isinstance(n, str)]
                found += [f"{name}.{n}" for n in inner] + [f"{name}.{n}" for n in _nested_required(schema)]
    return found


def _property_count_rule(node: Dict[str, Any], own: Any) -> Optional[Tuple[str, Tuple[Tuple[str, ...], ...]]]:
    """``minProperties: 1`` (with ``maxProperties: 1``) over named properties: at least
    (exactly) one of them is set. Larger counts have no such rule and are not kept."""
    if not isinstance(own, dict) or not own or node.get("minProperties") != 1:
        return None
    return ("oneOf" if node.get("maxProperties") == 1 else "anyOf", tuple((name,) for name in own))


def _can_be_met(keyword: str, options: Tuple[Tuple[str, ...], ...]) -> bool:
    """A rule worth checking: ``anyOf`` with an empty option always holds; ``oneOf``
    with an option inside another (two empty ones too: both always met) can hold only
    in ways AWS's schema did not mean."""
    if keyword == "anyOf":
        return all(options)
    sets = [set(option) for option in options]
    return sum(not a for a in sets) <= 1 and all(
        not (a <= b) for i, a in enumerate(sets) for j, b in enumerate(sets) if i != j and a
    )


def number_text(value: Any) -> str:
    """A bound as people write it: ``60``, not ``60.0``."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
