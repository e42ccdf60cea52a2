"""What changed between two versions of the specs: a structural diff of the JSON.

Both formats are compared, each for what it states: the resource specification
(properties, property types, ``Required``, primitive and collection types,
``UpdateType``, attributes) and the registry schemas (properties, definitions,
``required``, JSON types, constraints, ``createOnlyProperties``,
``readOnlyProperties``). Places are named the same way in both (``Prop``,
``PropertyType.Prop``), so a change both formats state is reported once, with
both sources.

A change is *breaking* when code or templates valid before may be rejected after:
a removed type, property, property type or attribute; a newly required property
(or a new property that is required); a narrower type; a narrower constraint.
The walk never follows ``$ref`` and copes with any JSON, valid or not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Set, Tuple, Union

SPEC = "spec"
REGISTRY = "registry"

# Kinds, in report order, with how each reads.
KINDS: Dict[str, str] = {
    "type-added": "resource type added",
    "type-removed": "resource type removed",
    "property-added": "property added",
    "property-removed": "property removed",
    "property-type-added": "property type added",
    "property-type-removed": "property type removed",
    "type-changed": "type changed",
    "required-changed": "required changed",
    "constraint-changed": "constraint changed",
    "update-changed": "update behaviour changed",
    "attribute-added": "attribute added",
    "attribute-removed": "attribute removed",
}
_ORDER = {kind: index for index, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Change:
    type_name: str
    kind: str
    where: str  # "" (the type itself), "Prop", "PropertyType", "PropertyType.Prop", "Prop[]"
    detail: str
    breaking: bool
    source: str  # SPEC or REGISTRY

    def key(self) -> Tuple[str, int, str, str]:
        return (self.type_name, _ORDER[self.kind], self.where, self.detail)


@dataclass(frozen=True)
class Entry:
    """One line of the report: a change, with every source that states it."""

    type_name: str
    kind: str
    where: str
    detail: str
    breaking: bool
    sources: Tuple[str, ...]

    def text(self) -> str:
        parts = [KINDS[self.kind]]
        if self.where:
            parts.append(self.where)
        if self.detail:
            parts.append(self.detail)
        return ": ".join(parts)


@dataclass
class Report:
    old_versions: Dict[str, str] = field(default_factory=dict)  # input -> version
    new_versions: Dict[str, str] = field(default_factory=dict)
    changes: List[Change] = field(default_factory=list)

    def entries(self) -> List[Entry]:
        merged: Dict[Tuple[str, int, str, str], Tuple[Change, Set[str], bool]] = {}
        for change in self.changes:
            key = change.key()
            if key in merged:
                first, sources, breaking = merged[key]
                merged[key] = (first, sources | {change.source}, breaking or change.breaking)
            else:
                merged[key] = (change, {change.source}, change.breaking)
        return [
            Entry(c.type_name, c.kind, c.where, c.detail, breaking, tuple(s for s in (SPEC, REGISTRY) if s in sources))
            for key, (c, sources, breaking) in sorted(merged.items())
        ]

    def by_type(self) -> Dict[str, List[Entry]]:
        grouped: Dict[str, List[Entry]] = {}
        for entry in self.entries():
            grouped.setdefault(entry.type_name, []).append(entry)
        return grouped

    @property
    def breaking(self) -> List[Entry]:
        return [e for e in self.entries() if e.breaking]

    def summary(self) -> str:
        grouped = self.by_type()
        added = [t for t, es in grouped.items() if any(e.kind == "type-added" and not e.where for e in es)]
        removed = [t for t, es in grouped.items() if any(e.kind == "type-removed" and not e.where for e in es)]
        changed = len(grouped) - len(added) - len(removed)
        breaking = len(self.breaking)
        if not grouped:
            return "no changes"
        return (
            f"{len(added)} resource type{'s' if len(added) != 1 else ''} added, {len(removed)} removed, "
            f"{changed} changed; {breaking} breaking change{'s' if breaking != 1 else ''}"
        )


# -- helpers -------------------------------------------------------------------


def _obj(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _short(value: Any, limit: int = 80) -> str:
    text = value if isinstance(value, str) else repr(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _values(values: Sequence[Any], limit: int = 8) -> str:
    shown = ", ".join(_short(v, 40) for v in values[:limit])
    return shown + (f" and {len(values) - limit} more" if len(values) > limit else "")


# -- resource specification -------------------------------------------------------

_WIDER_PRIMITIVES = {("Integer", "Long"), ("Integer", "Double"), ("Long", "Double")}


def _spec_type(prop: Mapping[str, Any]) -> str:
    if "PrimitiveType" in prop:
        return str(prop["PrimitiveType"])
    kind = prop.get("Type")
    if kind in ("List", "Map"):
        item = prop.get("PrimitiveItemType", prop.get("ItemType", "?"))
        return f"{kind}<{item}>"
    return str(kind) if kind is not None else "?"


def _spec_widens(old: str, new: str) -> bool:
    if (old, new) in _WIDER_PRIMITIVES:
        return True
    for collection in ("List<", "Map<"):
        if old.startswith(collection) and new.startswith(collection):
            return _spec_widens(old[len(collection) : -1], new[len(collection) : -1])
    return False


def _property_types(spec: Mapping[str, Any], type_name: str) -> Dict[str, Mapping[str, Any]]:
    prefix = type_name + "."
    return {k[len(prefix) :]: _obj(v) for k, v in _obj(spec.get("PropertyTypes")).items() if k.startswith(prefix)}


def _diff_spec_properties(
    out: List[Change], type_name: str, prefix: str, old: Mapping[str, Any], new: Mapping[str, Any]
) -> None:
    def add(kind: str, where: str, detail: str = "", breaking: bool = False) -> None:
        out.append(Change(type_name, kind, where, detail, breaking, SPEC))

    for name in sorted(set(new) - set(old)):
        required = _obj(new[name]).get("Required") is True
        add("property-added", prefix + name, "required" if required else "", required)
    for name in sorted(set(old) - set(new)):
        add("property-removed", prefix + name, "", True)
    for name in sorted(set(old) & set(new)):
        before, after = _obj(old[name]), _obj(new[name])
        if before == after:
            continue
        where = prefix + name
        old_type, new_type = _spec_type(before), _spec_type(after)
        if old_type != new_type:
            add("type-changed", where, f"{old_type} → {new_type}", not _spec_widens(old_type, new_type))
        was, now = before.get("Required") is True, after.get("Required") is True
        if was != now:
            add("required-changed", where, "now required" if now else "no longer required", now)
        if before.get("UpdateType") != after.get("UpdateType"):
            add("update-changed", where, f"UpdateType {before.get('UpdateType')} → {after.get('UpdateType')}")


def diff_resource_specs(old: Mapping[str, Any], new: Mapping[str, Any]) -> List[Change]:
    out: List[Change] = []
    old_types, new_types = _obj(old.get("ResourceTypes")), _obj(new.get("ResourceTypes"))
    for name in sorted(set(new_types) - set(old_types)):
        out.append(Change(name, "type-added", "", "", False, SPEC))
    for name in sorted(set(old_types) - set(new_types)):
        out.append(Change(name, "type-removed", "", "", True, SPEC))
    for name in sorted(set(old_types) & set(new_types)):
        before, after = _obj(old_types[name]), _obj(new_types[name])
        old_pts, new_pts = _property_types(old, name), _property_types(new, name)
        if before == after and old_pts == new_pts:
            continue
        _diff_spec_properties(out, name, "", _obj(before.get("Properties")), _obj(after.get("Properties")))
        for pt in sorted(set(new_pts) - set(old_pts)):
            out.append(Change(name, "property-type-added", pt, "", False, SPEC))
        for pt in sorted(set(old_pts) - set(new_pts)):
            out.append(Change(name, "property-type-removed", pt, "", True, SPEC))
        for pt in sorted(set(old_pts) & set(new_pts)):
            o, n = old_pts[pt], new_pts[pt]
            if o == n:
                continue
            if "Properties" in o or "Properties" in n:
                _diff_spec_properties(out, name, pt + ".", _obj(o.get("Properties")), _obj(n.get("Properties")))
            elif _spec_type(o) != _spec_type(n):
                out.append(
                    Change(name, "type-changed", pt, f"{_spec_type(o)} → {_spec_type(n)}", not _spec_widens(_spec_type(o), _spec_type(n)), SPEC)
                )
        old_attrs, new_attrs = _obj(before.get("Attributes")), _obj(after.get("Attributes"))
        for attr in sorted(set(new_attrs) - set(old_attrs)):
            out.append(Change(name, "attribute-added", attr, "", False, SPEC))
        for attr in sorted(set(old_attrs) - set(new_attrs)):
            out.append(Change(name, "attribute-removed", attr, "", True, SPEC))
        for attr in sorted(set(old_attrs) & set(new_attrs)):
            o_type, n_type = _spec_type(_obj(old_attrs[attr])), _spec_type(_obj(new_attrs[attr]))
            if o_type != n_type:
                out.append(Change(name, "type-changed", f"{attr} (attribute)", f"{o_type} → {n_type}", True, SPEC))
    return out


# -- registry schemas ----------------------------------------------------------------

Atom = Union[str, Tuple[str, FrozenSet[Any]]]

_LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems")
_UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems")


def _ref_name(ref: Any) -> str:
    return str(ref).rsplit("/", 1)[-1] if isinstance(ref, str) else "?"


def _schema_type(schema: Mapping[str, Any], depth: int = 0) -> FrozenSet[Atom]:
    """The set of JSON types a schema allows; arrays carry their item types; a
    ``$ref`` is the name of the definition (a generated class)."""
    if depth > 20:
        return frozenset({"?"})
    if "$ref" in schema:
        return frozenset({"$" + _ref_name(schema["$ref"])})
    declared = schema.get("type")
    names = [declared] if isinstance(declared, str) else [t for t in declared if isinstance(t, str)] if isinstance(declared, list) else []
    atoms: Set[Atom] = set()
    for name in names:
        if name == "array":
            items = schema.get("items")
            atoms.add(("array", _schema_type(items, depth + 1) if isinstance(items, dict) else frozenset({"any"})))
        else:
            atoms.add(name)
    if not atoms:
        for combinator in ("oneOf", "anyOf"):
            options = schema.get(combinator)
            if isinstance(options, list):
                for option in options:
                    atoms |= _schema_type(_obj(option), depth + 1)
    return frozenset(atoms) if atoms else frozenset({"any"})


def _atom_text(atom: Atom) -> str:
    if isinstance(atom, tuple):
        return f"array<{_type_text(atom[1])}>"
    return atom[1:] if atom.startswith("$") else atom


def _type_text(atoms: FrozenSet[Atom]) -> str:
    return " | ".join(sorted(_atom_text(a) for a in atoms))


def _atom_covers(old: Atom, new: Atom) -> bool:
    if old == new or new == "any":
        return True
    if old == "integer" and new == "number":
        return True
    if isinstance(old, tuple) and isinstance(new, tuple):
        return _covers(old[1], new[1])
    return False


def _covers(old: FrozenSet[Atom], new: FrozenSet[Atom]) -> bool:
    """Does every value of an ``old`` type stay allowed by ``new``?"""
    return all(any(_atom_covers(o, n) for n in new) for o in old)


def _pointer_place(pointer: Any) -> Optional[str]:
    """``/properties/A/B`` -> ``A.B`` (the place names used throughout the report)."""
    if not isinstance(pointer, str) or not pointer.startswith("/properties/"):
        return None
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer[len("/properties/") :].split("/")]
    parts = [p for p in parts if p not in ("properties", "items", "*")] or parts
    return ".".join(parts)


def _places(schema: Mapping[str, Any], key: str) -> Set[str]:
    pointers = schema.get(key)
    found = (_pointer_place(p) for p in pointers) if isinstance(pointers, list) else iter(())
    return {p for p in found if p}


def _names(value: Any) -> Set[str]:
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


# Constraints that allow everything, the same as none.
_VACUOUS_PATTERNS = frozenset({"[\\s\\S]*", "^[\\s\\S]*$", "^[\\s\\S]*", "[\\s\\S]*$", "^[\\S\\s]*$"})


def _bound(schema: Mapping[str, Any], key: str) -> Any:
    value = schema.get(key)
    if key in ("minLength", "minItems") and value == 0:
        return None
    return value


def _pattern(schema: Mapping[str, Any]) -> Any:
    value = schema.get("pattern")
    return None if value in _VACUOUS_PATTERNS else value


class _SchemaDiff:
    def __init__(self, type_name: str, out: List[Change]) -> None:
        self.type_name = type_name
        self.out = out

    def add(self, kind: str, where: str, detail: str = "", breaking: bool = False) -> None:
        self.out.append(Change(self.type_name, kind, where, detail, breaking, REGISTRY))

    def object(
        self,
        prefix: str,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        skip: Iterable[str] = (),
        depth: int = 0,
    ) -> None:
        skipped = set(skip)
        old_props = {k: _obj(v) for k, v in _obj(old.get("properties")).items() if k not in skipped}
        new_props = {k: _obj(v) for k, v in _obj(new.get("properties")).items() if k not in skipped}
        old_required, new_required = _names(old.get("required")), _names(new.get("required"))
        for name in sorted(set(new_props) - set(old_props)):
            required = name in new_required
            self.add("property-added", prefix + name, "required" if required else "", required)
        for name in sorted(set(old_props) - set(new_props)):
            self.add("property-removed", prefix + name, "", True)
        for name in sorted(set(old_props) & set(new_props)):
            self.property(prefix + name, old_props[name], new_props[name], name in old_required, name in new_required, depth)

    def property(
        self,
        where: str,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        was_required: bool,
        is_required: bool,
        depth: int,
        compare_type: bool = True,
    ) -> None:
        if old == new and was_required == is_required:
            return
        if compare_type:
            old_type, new_type = _schema_type(old), _schema_type(new)
            if old_type != new_type:
                self.add("type-changed", where, f"{_type_text(old_type)} → {_type_text(new_type)}", not _covers(old_type, new_type))
        if was_required != is_required:
            self.add("required-changed", where, "now required" if is_required else "no longer required", is_required)
        self.constraints(where, old, new)
        if depth >= 12:
            return
        if ("properties" in old or "properties" in new) and "$ref" not in old and "$ref" not in new:
            self.object(where + ".", old, new, depth=depth + 1)
        old_items, new_items = old.get("items"), new.get("items")
        if isinstance(old_items, dict) and isinstance(new_items, dict) and old_items != new_items:
            self.property(where + "[]", old_items, new_items, False, False, depth + 1, compare_type=False)

    def constraints(self, where: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> None:
        for key in _LOWER_BOUNDS + _UPPER_BOUNDS:
            before, after = _bound(old, key), _bound(new, key)
            if before == after:
                continue
            lower = key in _LOWER_BOUNDS
            if before is None and old.get(key) is None:
                self.add("constraint-changed", where, f"{key} {after} added", True)
            elif after is None and new.get(key) is None:
                self.add("constraint-changed", where, f"{key} {before} removed", False)
            elif before is None or after is None:  # to or from 0, the same as no minimum
                self.add("constraint-changed", where, f"{key} {old.get(key)} → {new.get(key)}", after is not None)
            else:
                try:
                    narrower = bool(after > before) if lower else bool(after < before)
                except TypeError:
                    narrower = True
                self.add("constraint-changed", where, f"{key} {before} → {after}", narrower)
        before, after = _pattern(old), _pattern(new)
        if before != after:
            if before is None:
                self.add("constraint-changed", where, f"pattern added: {_short(after)}", True)
            elif after is None:
                self.add("constraint-changed", where, f"pattern removed: {_short(before)}", False)
            else:
                self.add("constraint-changed", where, f"pattern {_short(before)} → {_short(after)}", True)
        old_enum, new_enum = old.get("enum"), new.get("enum")
        if old_enum != new_enum:
            if not isinstance(old_enum, list):
                values = new_enum if isinstance(new_enum, list) else []
                self.add("constraint-changed", where, f"enum added: {_values(values)}", True)
            elif not isinstance(new_enum, list):
                self.add("constraint-changed", where, "enum removed", False)
            else:
                added = [v for v in new_enum if v not in old_enum]
                removed = [v for v in old_enum if v not in new_enum]
                parts = []
                if added:
                    parts.append(f"enum values added: {_values(added)}")
                if removed:
                    parts.append(f"enum values removed: {_values(removed)}")
                if parts:
                    self.add("constraint-changed", where, "; ".join(parts), bool(removed))


def _diff_schema(type_name: str, old: Mapping[str, Any], new: Mapping[str, Any], out: List[Change]) -> None:
    diff = _SchemaDiff(type_name, out)
    old_ro, new_ro = _places(old, "readOnlyProperties"), _places(new, "readOnlyProperties")
    # Read-only properties are attributes, not settable properties.
    diff.object("", old, new, skip={p for p in old_ro | new_ro if "." not in p}, depth=0)
    old_defs, new_defs = _obj(old.get("definitions")), _obj(new.get("definitions"))
    for name in sorted(set(new_defs) - set(old_defs)):
        diff.add("property-type-added", name)
    for name in sorted(set(old_defs) - set(new_defs)):
        diff.add("property-type-removed", name, "", True)
    for name in sorted(set(old_defs) & set(new_defs)):
        o, n = _obj(old_defs[name]), _obj(new_defs[name])
        if o == n:
            continue
        if "properties" in o or "properties" in n:
            diff.object(name + ".", o, n, depth=1)
        else:
            diff.property(name, o, n, False, False, depth=1)
    for place in sorted(new_ro - old_ro):
        diff.add("attribute-added", place)
    for place in sorted(old_ro - new_ro):
        diff.add("attribute-removed", place, "", True)
    old_co = _places(old, "createOnlyProperties") | _places(old, "conditionalCreateOnlyProperties")
    new_co = _places(new, "createOnlyProperties") | _places(new, "conditionalCreateOnlyProperties")
    for place in sorted(new_co - old_co):
        diff.add("update-changed", place, "now create-only: changing it replaces the resource")
    for place in sorted(old_co - new_co):
        diff.add("update-changed", place, "no longer create-only")


def diff_registry_schemas(old: Mapping[str, Mapping[str, Any]], new: Mapping[str, Mapping[str, Any]]) -> List[Change]:
    """``old``/``new``: schemas by zip member (or by any key); compared by ``typeName``."""

    def by_type(schemas: Mapping[str, Mapping[str, Any]]) -> Dict[str, Mapping[str, Any]]:
        result: Dict[str, Mapping[str, Any]] = {}
        for key, schema in schemas.items():
            name = _obj(schema).get("typeName")
            result[name if isinstance(name, str) else key] = _obj(schema)
        return result

    old_types, new_types = by_type(old), by_type(new)
    out: List[Change] = []
    for name in sorted(set(new_types) - set(old_types)):
        out.append(Change(name, "type-added", "", "", False, REGISTRY))
    for name in sorted(set(old_types) - set(new_types)):
        out.append(Change(name, "type-removed", "", "", True, REGISTRY))
    for name in sorted(set(old_types) & set(new_types)):
        if old_types[name] != new_types[name]:
            _diff_schema(name, old_types[name], new_types[name], out)
    return out


def diff(
    *,
    old_spec: Optional[Mapping[str, Any]] = None,
    new_spec: Optional[Mapping[str, Any]] = None,
    old_schemas: Optional[Mapping[str, Mapping[str, Any]]] = None,
    new_schemas: Optional[Mapping[str, Mapping[str, Any]]] = None,
    old_versions: Optional[Dict[str, str]] = None,
    new_versions: Optional[Dict[str, str]] = None,
) -> Report:
    """The report between two versions; a format missing on either side is not compared."""
    changes: List[Change] = []
    if old_spec is not None and new_spec is not None:
        changes += diff_resource_specs(old_spec, new_spec)
    if old_schemas is not None and new_schemas is not None:
        changes += diff_registry_schemas(old_schemas, new_schemas)
    return Report(old_versions=dict(old_versions or {}), new_versions=dict(new_versions or {}), changes=changes)


__all__ = ["Change", "Entry", "KINDS", "REGISTRY", "Report", "SPEC", "diff", "diff_registry_schemas", "diff_resource_specs"]
