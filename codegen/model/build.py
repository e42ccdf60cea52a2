"""Merge the registry schemas and the resource specification into one model.

The registry schema is authoritative for types, constraints, descriptions and
required-ness; the resource specification adds documentation URLs, update types
and ``GetAtt`` attributes. A type that only one of them has is built from that one.
"""

from __future__ import annotations

import fnmatch
import math
from collections import defaultdict
from dataclasses import replace
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from codegen.errors import PathPart, SpecError
from codegen.model import naming
from codegen.model.patterns import check_pattern
from codegen.model.schema import is_struct, object_members
from codegen.model.types import (
    BOOLEAN,
    DOUBLE,
    INTEGER,
    JSON,
    LONG,
    NO_CONSTRAINTS,
    STRING,
    TIMESTAMP,
    Attribute,
    Choice,
    Constraints,
    Model,
    Property,
    PropertyType,
    ResourceType,
    Service,
    SpecVersions,
    Tagging,
    TypeRef,
    property_path,
)

_REGISTRY_TYPES = {"string": STRING, "integer": INTEGER, "number": DOUBLE, "boolean": BOOLEAN}
_SPEC_PRIMITIVES = {"Object": JSON}
_CONSTRAINT_KEYS = {
    "minimum": "minimum",
    "maximum": "maximum",
    "exclusiveMinimum": "exclusive_minimum",
    "exclusiveMaximum": "exclusive_maximum",
    "minLength": "min_length",
    "maxLength": "max_length",
    "pattern": "pattern",
    "enum": "enum",
    "minItems": "min_items",
    "maxItems": "max_items",
    "uniqueItems": "unique_items",
    "multipleOf": "multiple_of",
    "minProperties": "min_keys",
    "maxProperties": "max_keys",
    "const": "enum",
}


def select_types(available: Iterable[str], patterns: Sequence[str]) -> List[str]:
    """The type names matching any of ``patterns`` (exact names or fnmatch patterns), sorted."""
    names = sorted(set(available))
    chosen = {n for n in names for p in patterns if n == p or fnmatch.fnmatchcase(n, p)}
    return sorted(chosen)


class _Source:
    """One input document, for error messages."""

    def __init__(self, file: str, document: Mapping[str, Any]) -> None:
        self.file = file
        self.document = document

    def error(self, path: Sequence[PathPart], reason: str) -> SpecError:
        return SpecError.at(self.file, path, reason)


def _constraints(source: _Source, node: Mapping[str, Any], path: List[PathPart]) -> Constraints:
    values: Dict[str, Any] = {}
    for key, field in _CONSTRAINT_KEYS.items():
        if key not in node:
            continue
        value = node[key]
        if key == "pattern":
            check_pattern(source, value, path + [key])
        elif key == "enum":
            if not isinstance(value, list) or not value:
                raise source.error(path + [key], "enum must be a non-empty array")
            value = tuple(value)
        elif key == "const":  # one allowed value: an enum of one
            if "enum" in node or not isinstance(value, (str, int, float, bool)):
                continue
            value = (value,)
        elif key == "uniqueItems":
            if not isinstance(value, bool):
                raise source.error(path + [key], f"uniqueItems must be a boolean, not {value!r}")
            if not value:
                continue
        elif key == "multipleOf" and (
            isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0
        ):
            raise source.error(path + [key], f"multipleOf must be a number above 0, not {value!r}")
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise source.error(path + [key], f"{key} must be a finite number, not {value!r}")
        values[field] = value
    for low, high in (
        ("minimum", "maximum"),
        ("min_length", "max_length"),
        ("min_items", "max_items"),
        ("min_keys", "max_keys"),
    ):
        if values.get(low) is not None and values.get(high) is not None and values[low] > values[high]:
            raise source.error(path, f"{low} {values[low]} is greater than {high} {values[high]}")
    return Constraints(**values)


class _RegistryResource:
    """Reads one registry schema into properties and property types."""

    def __init__(self, source: _Source, spec: Optional["_SpecResource"]) -> None:
        self.source = source
        self.spec = spec
        self.structs: Dict[str, PropertyType] = {}
        self._struct_pointers: Dict[str, str] = {}

    # -- $ref --------------------------------------------------------------

    def _resolve(self, ref: str, path: List[PathPart]) -> Tuple[Any, List[PathPart]]:
        if not ref.startswith("#/"):
            raise self.source.error(path, f"unsupported $ref {ref!r}: only local references are read")
        target: Any = self.source.document
        target_path: List[PathPart] = []
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, dict) or part not in target:
                raise self.source.error(path, f"$ref {ref!r} points to nothing")
            target = target[part]
            target_path.append(part)
        return target, target_path

    # -- types -------------------------------------------------------------

    def type_of(self, node: Any, path: List[PathPart], hint: str, seen: Tuple[str, ...] = ()) -> TypeRef:
        if not isinstance(node, dict):
            raise self.source.error(path, "expected a schema object")
        own = _constraints(self.source, node, path)
        if "$ref" in node:
            ref = node["$ref"]
            if ref in seen:
                raise self.source.error(path, f"$ref {ref!r} refers to itself without a structure in between")
            target, target_path = self._resolve(ref, path + ["$ref"])
            if is_struct(target):
                return TypeRef.of_struct(self._struct(str(target_path[-1]), target, target_path))
            resolved = self.type_of(target, target_path, str(target_path[-1]), seen + (ref,))
            return resolved.with_constraints(own.conjoined(resolved.constraints))
        declared = node.get("type")
        if isinstance(declared, list):
            kinds = sorted(set(declared) - {"null"})
            if len(kinds) == 1:
                declared = kinds[0]
            elif kinds:
                options = tuple(self._simple(kind, node, path, hint, own) for kind in kinds)
                return TypeRef("union", options=options, constraints=own)
            else:
                declared = None
        if declared is None:
            if is_struct(node):
                return TypeRef.of_struct(self._struct(hint, node, path))
            alternatives = self._referenced_alternatives(node, path, hint, seen)
            if alternatives is not None:
                return alternatives
            declared = _implied_type(node)
            if declared is None:
                return TypeRef.of_primitive(JSON, own)
        return self._simple(declared, node, path, hint, own)

    def _referenced_alternatives(
        self, node: Mapping[str, Any], path: List[PathPart], hint: str, seen: Tuple[str, ...]
    ) -> Optional[TypeRef]:
        """``oneOf``/``anyOf`` of ``$ref`` branches alone: a union of the types they name."""
        for keyword in ("oneOf", "anyOf"):
            branches = node.get(keyword)
            if not isinstance(branches, list) or not branches or "properties" in node:
                continue
            if not all(isinstance(b, dict) and set(b) == {"$ref"} for b in branches):
                return None
            options: List[TypeRef] = []
            for index, branch in enumerate(branches):
                option = self.type_of(branch, path + [keyword, index], hint, seen)
                if option not in options:
                    options.append(option)
            return options[0] if len(options) == 1 else TypeRef("union", options=tuple(options))
        return None

    def _simple(self, kind: str, node: Mapping[str, Any], path: List[PathPart], hint: str, own: Constraints) -> TypeRef:
        if kind in _REGISTRY_TYPES:
            primitive = _REGISTRY_TYPES[kind]
            if primitive == STRING and node.get("format") == "date-time":
                primitive = TIMESTAMP
            return self._value_alternatives(kind, node, path, TypeRef.of_primitive(primitive, own))
        if kind == "array":
            items = node.get("items", {})
            if isinstance(items, list):
                items = items[0] if items else {}
            item = self.type_of(items, path + ["items"], hint)
            return TypeRef.list_of(item, own)
        if kind == "object":
            if is_struct(node):
                return TypeRef.of_struct(self._struct(hint, node, path))
            value_schema = self._map_values(node, path)
            if value_schema is not None:
                schema, schema_path = value_schema
                patterns = node.get("patternProperties")
                if isinstance(patterns, dict) and len(patterns) == 1 and node.get("additionalProperties") is False:
                    own = own.conjoined(Constraints(key_pattern=next(iter(patterns))))
                return TypeRef.map_of(self.type_of(schema, schema_path, hint), own)
            if node.get("additionalProperties") is False and "patternProperties" not in node:
                own = own.conjoined(Constraints(max_keys=0))  # a closed object with no properties: {}
            return TypeRef.of_primitive(JSON, own)
        raise self.source.error(path + ["type"], f"unknown type {kind!r}")

    def _value_alternatives(self, kind: str, node: Mapping[str, Any], path: List[PathPart], plain: TypeRef) -> TypeRef:
        """A scalar whose ``anyOf``/``oneOf`` branches only add constraints (an enum or
        one of several patterns): a union of the scalar under each branch's constraints."""
        for keyword in ("anyOf", "oneOf"):
            branches = node.get(keyword)
            if not isinstance(branches, list) or len(branches) < 2:
                continue
            resolved: List[Tuple[Any, List[PathPart]]] = []
            for index, branch in enumerate(branches):
                where = path + [keyword, index]
                if isinstance(branch, dict) and isinstance(branch.get("$ref"), str):
                    branch, where = self._resolve(branch["$ref"], where + ["$ref"])
                resolved.append((branch, where))
            if not all(isinstance(b, dict) and "$ref" not in b and b.get("type", kind) == kind for b, _ in resolved):
                return plain
            options: List[TypeRef] = []
            for branch, where in resolved:
                # The branch's constraints hold with the scalar's own (its first: samples
                # are drawn from the branch).
                option = plain.with_constraints(_constraints(self.source, branch, where).conjoined(plain.constraints))
                if option not in options:
                    options.append(option)
            if len(options) > 1:
                return TypeRef("union", options=tuple(options), constraints=plain.constraints)
            return options[0]  # every branch asks the same
        return plain

    def _map_values(self, node: Mapping[str, Any], path: List[PathPart]) -> Optional[Tuple[Any, List[PathPart]]]:
        patterns = node.get("patternProperties")
        if isinstance(patterns, dict) and len(patterns) == 1:
            (key, schema), = patterns.items()
            check_pattern(self.source, key, path + ["patternProperties"])
            return schema, path + ["patternProperties", key]
        extra = node.get("additionalProperties")
        if isinstance(extra, dict) and extra:
            return extra, path + ["additionalProperties"]
        return None

    def _struct(self, name: str, node: Mapping[str, Any], path: List[PathPart]) -> str:
        pointer = "/".join(map(str, path))
        name = self._unique_struct_name(name, pointer)
        if name in self._struct_pointers:
            return name
        self._struct_pointers[name] = pointer
        spec_type = self.spec.property_type(name) if self.spec else None
        properties = _renamed(self.properties(node, path, spec_type.get("Properties", {}) if spec_type else {}), frozenset())
        self.structs[name] = PropertyType(
            cfn_name=name,
            class_name=naming.property_type_class_name(name),
            properties=properties,
            description=node.get("description", ""),
            documentation_url=spec_type.get("Documentation", "") if spec_type else "",
            choices=choices_of(node, properties, self.structs),
        )
        return name

    def _unique_struct_name(self, name: str, pointer: str) -> str:
        candidate, n = name, 1
        while candidate in self._struct_pointers and self._struct_pointers[candidate] != pointer:
            n += 1
            candidate = f"{name}{n}"
        return candidate

    # -- properties --------------------------------------------------------

    def properties(
        self,
        node: Mapping[str, Any],
        path: List[PathPart],
        spec_properties: Mapping[str, Any],
        *,
        exclude: Iterable[str] = (),
        create_only: Iterable[str] = (),
        deprecated: Iterable[str] = (),
    ) -> Tuple[Property, ...]:
        members = object_members(dict(node))
        required = set(members.required)
        excluded, immutable, old = set(exclude), set(create_only), set(deprecated)
        _check_distinct_names(self.source, members.properties, path + ["properties"])
        result = []
        for cfn_name in sorted(members.properties):
            if cfn_name in excluded:
                continue
            schema, where = members.properties[cfn_name]
            prop_path = path + list(where)
            spec_prop = spec_properties.get(cfn_name, {})
            hint = spec_prop.get("ItemType") or spec_prop.get("Type") or cfn_name
            if hint in ("List", "Map"):
                hint = cfn_name
            prop_type = self.type_of(schema, prop_path, hint)
            update_type = spec_prop.get("UpdateType") or ("Immutable" if cfn_name in immutable else "Mutable")
            result.append(
                Property(
                    cfn_name=cfn_name,
                    python_name=naming.property_name(cfn_name),
                    type=prop_type,
                    required=cfn_name in required,
                    description=_description(schema, self.source.document, prop_path),
                    documentation_url=spec_prop.get("Documentation", ""),
                    update_type=update_type,
                    deprecated=cfn_name in old,
                )
            )
        return tuple(result)


def _implied_type(node: Mapping[str, Any]) -> Optional[str]:
    """The JSON type a node without ``type`` can only have: that of its enum's values,
    or an object when it describes keys."""
    enum = node.get("enum")
    if isinstance(enum, list) and enum:
        kinds: Tuple[Tuple[str, Callable[[Any], bool]], ...] = (
            ("boolean", lambda v: isinstance(v, bool)),
            ("string", lambda v: isinstance(v, str)),
            ("integer", lambda v: isinstance(v, int) and not isinstance(v, bool)),
        )
        for kind, test in kinds:
            if all(test(v) for v in enum):
                return kind
        return None
    if isinstance(node.get("patternProperties"), dict) or isinstance(node.get("additionalProperties"), dict):
        return "object"
    return None


def choices_of(
    node: Mapping[str, Any], properties: Sequence[Property], structs: Mapping[str, PropertyType]
) -> Tuple[Choice, ...]:
    """The schema's rules on which of ``properties`` are present, those that name only
    them (dotted paths: properties of their structures, in ``structs``)."""
    return tuple(
        Choice(exactly_one=keyword == "oneOf", options=options)
        for keyword, options in object_members(dict(node)).choices
        if all(property_path(path, properties, structs) is not None for option in options for path in option)
    )


def _check_distinct_names(source: _Source, names: Iterable[str], path: List[PathPart]) -> None:
    """Two CloudFormation names with one Python name would make one of them unreachable."""
    seen: Dict[str, str] = {}
    for name in sorted(names):
        python = naming.property_name(name)
        if python in seen:
            raise source.error(path + [name], f"{name!r} and {seen[python]!r} are both {python!r} in Python")
        seen[python] = name


def _renamed(properties: Tuple[Property, ...], reserved: frozenset[str]) -> Tuple[Property, ...]:
    """Properties whose Python names are unique and clear of ``reserved`` (in CloudFormation name order)."""
    names = naming.unique_names([(p.cfn_name, p.python_name) for p in properties], reserved)
    return tuple(p if names[p.cfn_name] == p.python_name else replace(p, python_name=names[p.cfn_name]) for p in properties)


def _description(schema: Mapping[str, Any], document: Mapping[str, Any], path: List[PathPart]) -> str:
    text = schema.get("description")
    if isinstance(text, str):
        return text
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/"):
        target: Any = document
        for part in ref[2:].split("/"):
            target = target.get(part) if isinstance(target, dict) else None
        if isinstance(target, dict) and isinstance(target.get("description"), str):
            return str(target["description"])
    return ""


def _top_level_names(source: _Source, key: str) -> List[str]:
    names = []
    for index, pointer in enumerate(source.document.get(key, ())):
        parts = pointer.split("/")
        if len(parts) >= 3 and parts[1] == "properties":
            names.append("/".join(parts[2:]) if len(parts) > 3 else parts[2])
        else:
            raise source.error([key, index], f"expected /properties/<name>, not {pointer!r}")
    return names


class _SpecResource:
    """One resource type of the resource specification, with its property types."""

    def __init__(self, source: _Source, type_name: str) -> None:
        self.source = source
        self.type_name = type_name
        self.entry: Mapping[str, Any] = source.document["ResourceTypes"][type_name]

    def property_type(self, name: str) -> Optional[Mapping[str, Any]]:
        found = self.source.document["PropertyTypes"].get(f"{self.type_name}.{name}")
        return found if isinstance(found, dict) else None

    def type_of(self, prop: Mapping[str, Any], path: List[PathPart]) -> TypeRef:
        def primitive(name: str) -> TypeRef:
            return TypeRef.of_primitive(_SPEC_PRIMITIVES.get(name, name))

        def named(name: str) -> TypeRef:
            if name == "Tag" or self.property_type(name) is not None:
                return TypeRef.of_struct(name)
            raise self.source.error(path, f"property type {self.type_name}.{name} is not defined")

        if "PrimitiveType" in prop:
            return primitive(prop["PrimitiveType"])
        kind = prop.get("Type")
        if kind in ("List", "Map"):
            if "PrimitiveItemType" in prop:
                item = primitive(prop["PrimitiveItemType"])
            elif "ItemType" in prop:
                item = named(prop["ItemType"])
            else:
                raise self.source.error(path, f"a {kind} needs an ItemType or a PrimitiveItemType")
            return TypeRef.list_of(item) if kind == "List" else TypeRef.map_of(item)
        if isinstance(kind, str):
            return named(kind)
        raise self.source.error(path, "a property needs a PrimitiveType or a Type")

    def properties(self, entry: Mapping[str, Any], path: List[PathPart]) -> Tuple[Property, ...]:
        props = entry.get("Properties", {})
        _check_distinct_names(self.source, props, path + ["Properties"])
        return tuple(
            Property(
                cfn_name=name,
                python_name=naming.property_name(name),
                type=self.type_of(props[name], path + ["Properties", name]),
                required=bool(props[name].get("Required", False)),
                documentation_url=props[name].get("Documentation", ""),
                update_type=props[name].get("UpdateType", "Mutable"),
            )
            for name in sorted(props)
        )

    def property_types(self) -> Tuple[PropertyType, ...]:
        """Every property type reachable from the resource's properties."""
        found: Dict[str, PropertyType] = {}
        pending = [name for p in self.properties(self.entry, ["ResourceTypes", self.type_name]) for name in p.type.structs()]
        while pending:
            name = pending.pop()
            if name in found:
                continue
            key = "Tag" if name == "Tag" else f"{self.type_name}.{name}"
            entry = self.source.document["PropertyTypes"][key]
            props = self.properties(entry, ["PropertyTypes", key])
            found[name] = PropertyType(
                cfn_name=name,
                class_name=naming.property_type_class_name(name),
                properties=props,
                documentation_url=entry.get("Documentation", ""),
            )
            pending.extend(s for p in props for s in p.type.structs())
        return tuple(found[n] for n in sorted(found))

    def attributes(self) -> Dict[str, TypeRef]:
        result = {}
        for name, attr in sorted(self.entry.get("Attributes", {}).items()):
            if not attr:
                result[name] = TypeRef.of_primitive(STRING)
            else:
                result[name] = self.type_of(attr, ["ResourceTypes", self.type_name, "Attributes", name])
        return result


def _build_resource(type_name: str, registry: Optional[_Source], spec: Optional[_SpecResource]) -> ResourceType:
    vendor, service, resource = type_name.split("::")
    spec_attributes = spec.attributes() if spec else {}
    if registry is not None:
        reader = _RegistryResource(registry, spec)
        document = registry.document
        read_only = _top_level_names(registry, "readOnlyProperties")
        properties = reader.properties(
            document,
            [],
            spec.entry.get("Properties", {}) if spec else {},
            exclude=read_only,
            create_only=_top_level_names(registry, "createOnlyProperties"),
            deprecated=_top_level_names(registry, "deprecatedProperties"),
        )
        structs = tuple(reader.structs[n] for n in sorted(reader.structs))
        attribute_types = dict(spec_attributes)
        for name in read_only:
            dotted = name.replace("/", ".")
            # Fields inside list items ("A/*/B") have no Fn::GetAtt of their own.
            if "*" in name or dotted in attribute_types:
                continue
            schema = document["properties"].get(name.split("/")[0], {})
            attribute_types[dotted] = (
                reader.type_of(schema, ["properties", name], name) if "/" not in name else TypeRef.of_primitive(STRING)
            )
        description = document.get("description", "")
        sources = ("registry schema",) + (("resource specification",) if spec else ())
        choices = choices_of(document, properties, reader.structs)
        tagging = document.get("tagging")
        tag_property = "Tags"
        if isinstance(tagging, dict):
            pointer = tagging.get("tagProperty", "/properties/Tags")
            tag_property = pointer.split("/")[2] if isinstance(pointer, str) and pointer.count("/") == 2 else ""
            if tagging.get("taggable") is False:
                tag_property = ""
    else:
        assert spec is not None
        properties = spec.properties(spec.entry, ["ResourceTypes", type_name])
        structs = spec.property_types()
        attribute_types = spec_attributes
        description = ""
        sources = ("resource specification",)
        choices = ()
        tag_property = "Tags"
    properties = _renamed(properties, naming.RESOURCE_MEMBERS)
    taken = naming.RESOURCE_MEMBERS | {p.python_name for p in properties}
    attribute_names = naming.unique_names([(n, naming.attribute_name(n)) for n in sorted(attribute_types)], taken)
    attributes = tuple(
        Attribute(cfn_name=name, python_name=attribute_names[name], type=_attribute_type(t))
        for name, t in sorted(attribute_types.items())
    )
    return ResourceType(
        type_name=type_name,
        class_name=naming.resource_class_name(resource),
        properties=properties,
        property_types=structs,
        attributes=attributes,
        description=description,
        documentation_url=spec.entry.get("Documentation", "") if spec else "",
        sources=sources,
        choices=choices,
        tagging=_tagging(tag_property, properties, {s.cfn_name: s for s in structs}),
    )


def _tagging(name: str, properties: Sequence[Property], structs: Mapping[str, PropertyType]) -> Optional[Tagging]:
    """How the resource takes tags, when its tag property has one of the shapes AWS CDK's
    TagManager renders (a list of Key/Value structures, or a map of strings) and the
    manager can be the ``tags`` attribute, as in AWS CDK."""
    prop = next((p for p in properties if p.cfn_name == name), None)
    if prop is None or (prop.python_name != "tags" and any(p.python_name == "tags" for p in properties)):
        return None
    t = prop.type
    if t.kind == "map" and t.item is not None and t.item.kind == "primitive" and t.item.primitive == STRING:
        return Tagging("MAP", name)
    if any(o.kind == "primitive" and o.primitive == JSON for o in (t, *t.options)):
        return Tagging("MAP", name)  # free-form tags (Glue's, Pinpoint's): an object of strings
    if t.kind == "list" and t.item is not None and t.item.kind == "struct" and t.item.struct in structs:
        fields = {p.cfn_name for p in structs[t.item.struct].properties}
        if {"Key", "Value"} <= fields:
            return Tagging("AUTOSCALING_GROUP" if "PropagateAtLaunch" in fields else "STANDARD", name)
    return None


def _attribute_type(type_ref: TypeRef) -> TypeRef:
    """GetAtt values are strings or lists of strings to the user (tokens either way)."""
    if type_ref.kind == "list":
        return TypeRef.list_of(TypeRef.of_primitive(STRING))
    return TypeRef.of_primitive(STRING)


def build_model(
    *,
    resource_spec: Mapping[str, Any],
    resource_spec_file: str,
    registry_schemas: Mapping[str, Mapping[str, Any]],
    registry_version: str,
    type_names: Sequence[str],
) -> Model:
    """The model of ``type_names``; ``registry_schemas`` maps file names (for messages) to schemas."""
    spec_source = _Source(resource_spec_file, resource_spec)
    registry_by_type = {
        schema["typeName"]: _Source(file, schema) for file, schema in sorted(registry_schemas.items())
    }
    by_module: Dict[Tuple[str, str], List[ResourceType]] = defaultdict(list)
    for type_name in sorted(type_names):
        spec = _SpecResource(spec_source, type_name) if type_name in resource_spec["ResourceTypes"] else None
        registry = registry_by_type.get(type_name)
        if spec is None and registry is None:
            raise SpecError(resource_spec_file, "/ResourceTypes", f"no resource type {type_name!r} in the specs")
        resource = _build_resource(type_name, registry, spec)
        by_module[(resource.vendor, resource.service)].append(resource)
    services = tuple(
        Service(
            module_name=naming.module_name(vendor, service),
            vendor=vendor,
            name=service,
            resources=tuple(sorted(resources, key=lambda r: r.class_name)),
        )
        for (vendor, service), resources in sorted(by_module.items())
    )
    return Model(
        services=services,
        versions=SpecVersions(
            resource_specification=str(resource_spec["ResourceSpecificationVersion"]),
            registry_schemas=registry_version,
        ),
    )


__all__ = ["build_model", "select_types"]
