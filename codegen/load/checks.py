"""What the JSON schemas in ``schemas/`` cannot say about an input, checked once its
structure is right: references resolve, bounds leave some value allowed, enums are
lists of distinct values of the declared type, names stay distinct in Python, and
strings that become code are safe there. Each problem is a ``SpecError`` at the
JSON pointer of the value at fault.

Every real input passes (``tests/hardening`` runs these checks over all of them).
"""

from __future__ import annotations

import functools
import json
import keyword
import re
import string
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Set, Tuple

from codegen.errors import PathPart, SpecError, json_pointer
from codegen.model import naming
from codegen.model.schema import is_struct as _is_struct, number_text as _number, object_members

Path = List[PathPart]


def _error(file: str, path: Sequence[PathPart], reason: str) -> SpecError:
    return SpecError.at(file, path, reason)


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_python_name = functools.lru_cache(maxsize=65536)(naming.property_name)


def _check_python_names(file: str, names: Iterable[str], path: Path) -> None:
    """Each name has a Python name (``_1`` would be ``1``), and no two have the same one."""
    seen: Dict[str, str] = {}
    for name in sorted(names):
        python = _python_name(name)
        if not python.isidentifier():
            raise _error(file, path + [name], f"{name!r} has no Python name: in snake_case it is {python!r}")
        if python in seen:
            raise _error(file, path + [name], f"{name!r} and {seen[python]!r} are both {python!r} in Python")
        seen[python] = name


# -- registry schemas --------------------------------------------------------------

_JSON_TYPES: Dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer()),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
}
_POINTER_LISTS = (
    "readOnlyProperties",
    "writeOnlyProperties",
    "createOnlyProperties",
    "deprecatedProperties",
    "conditionalCreateOnlyProperties",
    "primaryIdentifier",
)


def _schemas(node: Any, path: Path) -> Iterator[Tuple[Mapping[str, Any], Path]]:
    """Every schema the model reads, from ``node`` down: properties, items, map values."""
    if not isinstance(node, dict):
        return
    yield node, path
    for key in ("properties", "patternProperties"):
        children = node.get(key)
        if isinstance(children, dict):
            for name, child in children.items():
                yield from _schemas(child, path + [key, name])
    items = node.get("items")
    if isinstance(items, list):
        for index, child in enumerate(items):
            yield from _schemas(child, path + ["items", index])
    else:
        yield from _schemas(items, path + ["items"])
    yield from _schemas(node.get("additionalProperties"), path + ["additionalProperties"])


def _declared_types(node: Mapping[str, Any]) -> Tuple[str, ...]:
    declared = node.get("type")
    kinds = declared if isinstance(declared, list) else [declared] if isinstance(declared, str) else []
    return tuple(sorted(set(kinds) - {"null"}))


def _check_bounds(file: str, node: Mapping[str, Any], path: Path) -> None:
    lows = [(k, node[k], k == "exclusiveMinimum") for k in ("minimum", "exclusiveMinimum") if k in node]
    highs = [(k, node[k], k == "exclusiveMaximum") for k in ("maximum", "exclusiveMaximum") if k in node]
    for low_key, low, low_strict in lows:
        for high_key, high, high_strict in highs:
            if low > high:
                raise _error(file, path, f"{low_key} {_number(low)} is greater than {high_key} {_number(high)}")
            if low == high and (low_strict or high_strict):
                raise _error(file, path, f"{low_key} {_number(low)} and {high_key} {_number(high)} allow no value")
    for low_key, high_key in (("minLength", "maxLength"), ("minItems", "maxItems")):
        if low_key in node and high_key in node and node[low_key] > node[high_key]:
            raise _error(file, path, f"{low_key} {node[low_key]} is greater than {high_key} {node[high_key]}")


def _check_enum(file: str, node: Mapping[str, Any], path: Path) -> None:
    if "enum" not in node:
        return
    values = node["enum"]
    if not values:
        raise _error(file, path + ["enum"], "enum must be a non-empty array")
    kinds = _declared_types(node)
    seen: Dict[str, int] = {}
    for index, value in enumerate(values):
        where = path + ["enum", index]
        if isinstance(value, (dict, list)):
            raise _error(file, where, f"an enum value must be a string, number, boolean or null, not {json.dumps(value)[:80]}")
        if value is not None and kinds and not any(_JSON_TYPES.get(k, lambda v: True)(value) for k in kinds):
            raise _error(file, where, f"{value!r} is not of the declared type {' or '.join(kinds)}")
        key = json.dumps(value, sort_keys=True)
        if key in seen:
            raise _error(file, where, f"{value!r} is also enum value {seen[key]}")
        seen[key] = index


def _check_required(file: str, node: Mapping[str, Any], path: Path) -> None:
    properties = node.get("properties")
    if not isinstance(properties, dict):
        return
    for index, name in enumerate(node.get("required", ())):
        if name not in properties:
            raise _error(file, path + ["required", index], f"{name!r} is required but is not one of the properties")


# Types as the model reads them (codegen/model/build.py): a ``$ref`` is followed and its
# siblings ignored; an object with properties is a structure; arrays and maps are
# followed into their items; anything else (or no ``type``) is a plain value.
MAX_TYPE_DEPTH = 64


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def _ref_path(ref: str) -> Path:
    path: Path = [_unescape(p) for p in ref[2:].split("/")]
    return path


def _key_path(key: str) -> Path:
    """The path of a JSON pointer (the keys of the type graph)."""
    path: Path = [_unescape(p) for p in key[1:].split("/")] if key else []
    return path


class _Edge:
    """From one type to a type it is made of: ``key`` is the JSON pointer of that type,
    ``where`` the path of the ``$ref`` (or inline structure) that leads there."""

    __slots__ = ("key", "where", "ref", "schema")

    def __init__(self, key: str, where: Path, ref: str, schema: Any) -> None:
        self.key, self.where, self.ref, self.schema = key, where, ref, schema


class _Types:
    """The graph of the types of one registry schema, reached from its top-level properties.

    Nodes are structures and ``$ref`` targets (by JSON pointer); walked without recursion,
    since a chain of references may be as long as the schema has definitions."""

    def __init__(self, file: str, document: Mapping[str, Any]) -> None:
        self.file = file
        self.document = document
        self.schemas: Dict[str, Any] = {}
        self.edges: Dict[str, List[_Edge]] = {}
        self.roots: List[Tuple[Path, List[_Edge]]] = []
        for name in sorted(document["properties"]):
            path: Path = ["properties", name]
            self.roots.append((path, list(self._leads(document["properties"][name], path))))
        pending = [edge for _, edges in self.roots for edge in edges]
        while pending:
            edge = pending.pop()
            if edge.key in self.edges:
                continue
            self.schemas[edge.key] = edge.schema
            self.edges[edge.key] = list(self._made_of(edge))
            pending.extend(self.edges[edge.key])

    def _target(self, ref: str) -> Optional[Any]:
        target: Any = self.document
        for part in _ref_path(ref):
            if not isinstance(target, dict) or part not in target:
                return None  # a dangling $ref: the model reports it, at its pointer
            target = target[part]
        return target

    def _leads(self, node: Any, path: Path) -> Iterator[_Edge]:
        """The types the type of ``node`` is directly made of (follows JSON nesting only)."""
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if isinstance(ref, str):
            target = self._target(ref) if ref.startswith("#/") else None
            if target is not None:
                yield _Edge(json_pointer(_ref_path(ref)), path + ["$ref"], ref, target)
            return
        if _is_struct(node):
            yield _Edge(json_pointer(path), path, "", node)
            return
        for kind in _declared_types(node):
            if kind == "array":
                items = node.get("items", {})
                if isinstance(items, list):
                    yield from self._leads(items[0] if items else {}, path + ["items", 0])
                else:
                    yield from self._leads(items, path + ["items"])
            elif kind == "object":
                patterns = node.get("patternProperties")
                extra = node.get("additionalProperties")
                if isinstance(patterns, dict) and len(patterns) == 1:
                    ((key, schema),) = patterns.items()
                    yield from self._leads(schema, path + ["patternProperties", key])
                elif isinstance(extra, dict) and extra:
                    yield from self._leads(extra, path + ["additionalProperties"])

    def _made_of(self, edge: _Edge) -> Iterator[_Edge]:
        path = _key_path(edge.key)
        if _is_struct(edge.schema):
            members = object_members(edge.schema).properties
            for name in sorted(members):
                schema, where = members[name]
                yield from self._leads(schema, path + list(where))
        else:
            yield from self._leads(edge.schema, path)

    def is_struct(self, key: str) -> bool:
        return _is_struct(self.schemas[key])

    # -- checks

    def check_plain_cycles(self) -> None:
        """A ``$ref`` chain through arrays and maps back to itself with no structure in
        between is a type of infinite depth (the model would follow it forever)."""
        plain = [k for k in sorted(self.edges) if not self.is_struct(k)]
        found = _find_cycle(plain, lambda k: [e for e in self.edges[k] if not self.is_struct(e.key)])
        if found is not None:
            raise _error(self.file, found.where, f"$ref {found.ref!r} leads back to itself with no structure in between")

    def _must_be_struct(self, node: Any, path: Path) -> Optional[str]:
        """The key of the structure a value of this schema must hold, if it must hold one:
        through references, and into the items of an array that must not be empty."""
        seen: Set[str] = set()
        while isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str):
                if not ref.startswith("#/") or ref in seen:
                    return None
                seen.add(ref)
                node, path = self._target(ref), _ref_path(ref)
            elif _is_struct(node):
                key = json_pointer(path)
                return key if key in self.schemas else None
            elif _declared_types(node) == ("array",) and node.get("minItems", 0) >= 1:
                node, path = node.get("items"), path + ["items"]
            else:
                return None
        return None

    def check_required_cycles(self) -> None:
        """A structure that requires itself (through required properties, arrays that must not
        be empty, references) has no finite value."""

        def required(key: str) -> List[_Edge]:
            members = object_members(self.schemas[key])
            found = []
            for name in members.required:
                if name in members.properties:
                    schema, below = members.properties[name]
                    where = _key_path(key) + list(below)
                    inner = self._must_be_struct(schema, where)
                    if inner is not None:
                        found.append(_Edge(inner, where, "", self.schemas[inner]))
            return found

        structs = [k for k in sorted(self.edges) if self.is_struct(k)]
        found = _find_cycle(structs, required)
        if found is not None:
            chain = " -> ".join(found.cycle)
            raise _error(self.file, found.where, f"required properties nest without end ({chain}): no value can have this type")

    def check_depth(self) -> None:
        """Types may nest (structures and references, however they recur) at most
        MAX_TYPE_DEPTH deep: the deepest real ones (QuickSight's) nest 16."""
        order = _components(sorted(self.edges), lambda k: self.edges[k])
        component = {key: index for index, keys in enumerate(order) for key in keys}
        longest: List[int] = []
        for index, keys in enumerate(order):  # successors' components come first
            inner = [longest[component[e.key]] for k in keys for e in self.edges[k] if component[e.key] != index]
            longest.append(len(keys) + max(inner, default=0))
        for path, edges in self.roots:
            depth = max((longest[component[e.key]] for e in edges), default=0)
            if depth > MAX_TYPE_DEPTH:
                raise _error(
                    self.file, path, f"its type nests up to {depth} structures and references deep, over the limit of {MAX_TYPE_DEPTH}"
                )


class _Cycle:
    def __init__(self, cycle: List[str], where: Path, ref: str) -> None:
        self.cycle, self.where, self.ref = cycle, where, ref


def _find_cycle(nodes: Sequence[str], successors: Callable[[str], List[_Edge]]) -> Optional[_Cycle]:
    """The first cycle a depth-first search (without recursion) meets, with the edge closing it."""
    state: Dict[str, int] = {}  # 1: on the current path, 2: done
    for root in nodes:
        if root in state:
            continue
        state[root] = 1
        trail = [root]
        stack = [iter(successors(root))]
        while stack:
            for edge in stack[-1]:
                seen = state.get(edge.key)
                if seen == 1:
                    return _Cycle(trail[trail.index(edge.key) :] + [edge.key], edge.where, edge.ref)
                if seen is None:
                    state[edge.key] = 1
                    trail.append(edge.key)
                    stack.append(iter(successors(edge.key)))
                    break
            else:
                state[trail.pop()] = 2
                stack.pop()
    return None


def _components(nodes: Sequence[str], successors: Callable[[str], List[_Edge]]) -> List[List[str]]:
    """Strongly connected components (Tarjan's algorithm, without recursion), each emitted
    after every component it reaches."""
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    on_stack: Set[str] = set()
    stack: List[str] = []
    result: List[List[str]] = []
    for root in nodes:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(successors(root)))]
        while work:
            node, edges = work[-1]
            for edge in edges:
                if edge.key not in index:
                    index[edge.key] = low[edge.key] = len(index)
                    stack.append(edge.key)
                    on_stack.add(edge.key)
                    work.append((edge.key, iter(successors(edge.key))))
                    break
                if edge.key in on_stack:
                    low[node] = min(low[node], index[edge.key])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    members = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        members.append(member)
                        if member == node:
                            break
                    result.append(members)
    return result


def registry_schema(document: Mapping[str, Any], file: str) -> None:
    roots: List[Tuple[Any, Path]] = [(document, [])]
    roots += [(schema, ["definitions", name]) for name, schema in (document.get("definitions") or {}).items()]
    for root, root_path in roots:
        for node, path in _schemas(root, root_path):
            if isinstance(node.get("properties"), dict):
                # The meta-schema checks the names of top-level properties and definitions only.
                for name in node["properties"]:
                    if not _IDENTIFIER.match(name) or len(name) > 255:
                        raise _error(file, path + ["properties", name], f"{name!r} is not a property name (rule: {_IDENTIFIER.pattern})")
                _check_python_names(file, node["properties"], path + ["properties"])
            _check_required(file, node, path)
            _check_bounds(file, node, path)
            _check_enum(file, node, path)
    properties = document["properties"]
    for key in _POINTER_LISTS:
        for index, pointer in enumerate(document.get(key, ())):
            name = pointer.split("/")[2] if pointer.count("/") >= 2 else ""
            if name not in properties:
                raise _error(file, [key, index], f"{pointer!r} names no property of this schema")
    types = _Types(file, document)
    types.check_plain_cycles()
    types.check_required_cycles()
    types.check_depth()


# -- the resource specification --------------------------------------------------------

_CONTAINERS = ("List", "Map")


def _check_defined(file: str, spec: Mapping[str, Any], owner: str, named: str, path: Path) -> None:
    """A property type named in ``owner``'s entries is ``<owner>.<name>``, or the shared ``Tag``."""
    key = "Tag" if named == "Tag" else f"{owner}.{named}"
    if key not in spec["PropertyTypes"]:
        raise _error(file, path, f"property type {key} is not defined")


def _check_spec_properties(
    file: str, spec: Mapping[str, Any], owner: str, properties: Mapping[str, Any], path: Path
) -> None:
    _check_python_names(file, list(properties), path)
    for name, prop in properties.items():
        where = path + [name]
        kind = prop.get("Type")
        if "PrimitiveType" in prop:
            continue
        if kind in _CONTAINERS and "PrimitiveItemType" not in prop and "ItemType" not in prop:
            raise _error(file, where, f"a {kind} needs an ItemType or a PrimitiveItemType")
        for key in ("ItemType", "Type"):
            named = prop.get(key)
            if key in prop and "PrimitiveItemType" not in prop and named not in _CONTAINERS:
                _check_defined(file, spec, owner, named, where + [key])


def resource_spec(spec: Mapping[str, Any], file: str) -> None:
    """Checks the resource types in ``spec`` and their property types (the loader passes
    the part of the specification that one generation reads, at the same pointers)."""
    for type_name, entry in spec["ResourceTypes"].items():
        where: Path = ["ResourceTypes", type_name]
        _check_spec_properties(file, spec, type_name, entry.get("Properties", {}), where + ["Properties"])
        for name, attribute in entry.get("Attributes", {}).items():
            named = attribute.get("ItemType", attribute.get("Type"))
            key = "ItemType" if "ItemType" in attribute else "Type"
            if named is not None and "PrimitiveItemType" not in attribute and named not in _CONTAINERS:
                _check_defined(file, spec, type_name, named, where + ["Attributes", name, key])
    for key, entry in spec["PropertyTypes"].items():
        owner = key.split(".", 1)[0]
        _check_spec_properties(file, spec, owner, entry.get("Properties", {}), ["PropertyTypes", key, "Properties"])


# -- L2 binding files -----------------------------------------------------------------

_RANGE_FIELDS = ("minimum", "maximum")


def _check_template(file: str, text: str, path: Path) -> None:
    """A ``str.format`` template that may name ``{minimum}`` and ``{maximum}``, nothing else."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise _error(file, path, f"not a valid template: {exc} (write {{{{ and }}}} for braces)") from None
    for _, field, spec, conversion in parsed:
        if field is not None and (field not in _RANGE_FIELDS or spec or conversion):
            shown = field + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise _error(
                file, path, f"only {{minimum}} and {{maximum}} may appear in braces, not {{{shown}}} (write {{{{ and }}}} for braces)"
            )


def l2_bindings(document: Mapping[str, Any], file: str) -> None:
    for fqn, construct in document["constructs"].items():
        for prop_name, binding in construct["props"].items():
            where: Path = ["constructs", fqn, "props", prop_name]
            # These become attribute names and keyword arguments in the generated code.
            for key in ("attribute", "field"):
                if keyword.iskeyword(binding.get(key, "")):
                    raise _error(file, where + [key], f"{binding[key]!r} is a Python keyword")
            for arg in binding.get("args", {}):
                if keyword.iskeyword(arg):
                    raise _error(file, where + ["args", arg], f"{arg!r} is a Python keyword")
            if "range_error" in binding:
                _check_template(file, binding["range_error"], where + ["range_error"])


BY_SCHEMA: Dict[str, Callable[[Any, str], None]] = {
    "registry-schema": registry_schema,
    "resource-specification": resource_spec,
    "l2-bindings": l2_bindings,
}

__all__ = ["BY_SCHEMA", "l2_bindings", "registry_schema", "resource_spec"]
