"""The one intermediate model both spec formats are merged into.

Everything the templates need is here, already decided: Python names, types,
constraints and texts. Templates only lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Sequence, Tuple

# Primitive kinds of the model; the registry's JSON types and the resource
# specification's PrimitiveType both map onto these.
STRING = "String"
INTEGER = "Integer"
LONG = "Long"
DOUBLE = "Double"
NUMBER = "Number"
BOOLEAN = "Boolean"
TIMESTAMP = "Timestamp"
JSON = "Json"
PRIMITIVES = (STRING, INTEGER, LONG, DOUBLE, NUMBER, BOOLEAN, TIMESTAMP, JSON)


@dataclass(frozen=True)
class Constraints:
    """Value constraints from the registry schema (JSON Schema keywords)."""

    minimum: Optional[float] = None
    maximum: Optional[float] = None
    exclusive_minimum: Optional[float] = None
    exclusive_maximum: Optional[float] = None
    min_length: Optional[int] = None
    max_length: Optional[int] = None
    pattern: Optional[str] = None
    enum: Optional[Tuple[Any, ...]] = None
    min_items: Optional[int] = None
    max_items: Optional[int] = None
    unique_items: Optional[bool] = None
    multiple_of: Optional[float] = None
    # Maps: the number of keys (minProperties/maxProperties) and the one pattern keys
    # must match (patternProperties with additionalProperties false).
    min_keys: Optional[int] = None
    max_keys: Optional[int] = None
    key_pattern: Optional[str] = None

    def conjoined(self, other: "Constraints") -> "Constraints":
        """What a value meeting both these constraints and ``other`` meets (JSON Schema's
        ``allOf``): the tighter bound of each kind, both patterns (these first: samples are
        drawn from the first), the allowed values of both. Of two step sizes neither of
        which is a multiple of the other, and of allowed values no value of which is in
        both, these are kept."""
        values = {name: getattr(self, name) for name in self.__dataclass_fields__}
        for name in self.__dataclass_fields__:
            mine, theirs = values[name], getattr(other, name)
            if theirs is None or mine == theirs:
                continue
            if mine is None:
                values[name] = theirs
            elif name in _LOWER_BOUNDS:
                values[name] = max(mine, theirs)
            elif name in _UPPER_BOUNDS:
                values[name] = min(mine, theirs)
            elif name in ("pattern", "key_pattern"):
                values[name] = both_patterns(mine, theirs)
            elif name == "enum":
                values[name] = tuple(v for v in mine if v in theirs) or mine
            elif name == "unique_items":
                values[name] = True
            elif name == "multiple_of" and theirs % mine == 0:
                values[name] = theirs
        return Constraints(**values)

    def is_empty(self) -> bool:
        return all(getattr(self, name) is None for name in self.__dataclass_fields__)


_LOWER_BOUNDS = frozenset({"minimum", "exclusive_minimum", "min_length", "min_items", "min_keys"})
_UPPER_BOUNDS = frozenset({"maximum", "exclusive_maximum", "max_length", "max_items", "max_keys"})

NO_CONSTRAINTS = Constraints()


def both_patterns(first: str, second: str) -> str:
    """One pattern a string matches when it matches both (as JSON Schema's ``pattern``
    does: a search, anchored only where the pattern anchors itself)."""

    def anywhere(pattern: str) -> str:
        return pattern if pattern.startswith("^") else f"[\\s\\S]*?(?:{pattern})"

    return f"^(?={anywhere(first)})(?={anywhere(second)})"


@dataclass(frozen=True)
class TypeRef:
    """The type of a property value.

    ``kind`` is one of ``primitive`` (``primitive`` names which), ``list`` and
    ``map`` (``item`` is the element type), ``struct`` (``struct`` names a
    property type of the same resource) or ``union`` (``options``).
    """

    kind: str
    primitive: str = ""
    item: Optional["TypeRef"] = None
    struct: str = ""
    options: Tuple["TypeRef", ...] = ()
    constraints: Constraints = NO_CONSTRAINTS

    @staticmethod
    def of_primitive(name: str, constraints: Constraints = NO_CONSTRAINTS) -> "TypeRef":
        return TypeRef("primitive", primitive=name, constraints=constraints)

    @staticmethod
    def list_of(item: "TypeRef", constraints: Constraints = NO_CONSTRAINTS) -> "TypeRef":
        return TypeRef("list", item=item, constraints=constraints)

    @staticmethod
    def map_of(item: "TypeRef", constraints: Constraints = NO_CONSTRAINTS) -> "TypeRef":
        return TypeRef("map", item=item, constraints=constraints)

    @staticmethod
    def of_struct(name: str) -> "TypeRef":
        return TypeRef("struct", struct=name)

    def with_constraints(self, constraints: Constraints) -> "TypeRef":
        return TypeRef(self.kind, self.primitive, self.item, self.struct, self.options, constraints)

    def structs(self) -> Tuple[str, ...]:
        """Names of the property types this type refers to, directly or inside."""
        if self.kind == "struct":
            return (self.struct,)
        if self.item is not None:
            return self.item.structs()
        return tuple(name for option in self.options for name in option.structs())


@dataclass(frozen=True)
class Property:
    cfn_name: str
    python_name: str
    type: TypeRef
    required: bool
    description: str = ""
    documentation_url: str = ""
    # "Mutable", "Immutable" (a change requires replacement) or "Conditional".
    update_type: str = "Mutable"
    deprecated: bool = False


@dataclass(frozen=True)
class Choice:
    """A rule on which properties are present, from the schema's ``oneOf``/``anyOf``:
    the properties of one option (``exactly_one``: of exactly one) must all be set."""

    exactly_one: bool
    # Each option: CloudFormation names of the properties it needs (may be empty); a
    # dotted name is a property of a structure, needed when that structure is set.
    options: Tuple[Tuple[str, ...], ...]


@dataclass(frozen=True)
class PropertyType:
    """A nested structure of a resource (``CfnBucket.RuleProperty``)."""

    cfn_name: str
    class_name: str
    properties: Tuple[Property, ...]
    description: str = ""
    documentation_url: str = ""
    choices: Tuple[Choice, ...] = ()


def property_path(
    path: str, properties: Sequence["Property"], structs: Mapping[str, "PropertyType"]
) -> Optional[Tuple["Property", ...]]:
    """The properties a dotted name of a ``Choice`` (``AccountGrouping.LinkedAccountIds``)
    goes through, from ``properties`` into the property types of ``structs``; None if it
    names none."""
    head, _, rest = path.partition(".")
    found = next((p for p in properties if p.cfn_name == head), None)
    if found is None or not rest:
        return None if found is None else (found,)
    inner = structs.get(found.type.struct) if found.type.kind == "struct" else None
    below = property_path(rest, inner.properties, structs) if inner is not None else None
    return None if below is None else (found, *below)


@dataclass(frozen=True)
class Attribute:
    """A value read with ``Fn::GetAtt``."""

    cfn_name: str
    python_name: str
    type: TypeRef
    description: str = ""


@dataclass(frozen=True)
class Tagging:
    """How a resource takes tags, for its ``TagManager`` (AWS CDK's ``TagType``)."""

    # "STANDARD" (a list of Key/Value), "AUTOSCALING_GROUP" (with PropagateAtLaunch) or "MAP".
    tag_type: str
    # The CloudFormation name of the property holding them (usually ``Tags``).
    property: str


@dataclass(frozen=True)
class ResourceType:
    type_name: str
    class_name: str
    properties: Tuple[Property, ...]
    property_types: Tuple[PropertyType, ...]
    attributes: Tuple[Attribute, ...]
    description: str = ""
    documentation_url: str = ""
    # Where the type's data came from, for the module header and the docs.
    sources: Tuple[str, ...] = ()
    choices: Tuple[Choice, ...] = ()
    tagging: Optional[Tagging] = None

    @property
    def vendor(self) -> str:
        return self.type_name.split("::")[0]

    @property
    def service(self) -> str:
        return self.type_name.split("::")[1]

    @property
    def resource_name(self) -> str:
        return self.type_name.split("::")[2]


@dataclass(frozen=True)
class Service:
    """One generated module (``cfnpy.aws_lambda``)."""

    module_name: str
    vendor: str
    name: str
    resources: Tuple[ResourceType, ...]


@dataclass(frozen=True)
class SpecVersions:
    resource_specification: str
    registry_schemas: str


@dataclass(frozen=True)
class Model:
    services: Tuple[Service, ...]
    versions: SpecVersions
    notes: Tuple[str, ...] = field(default=())
