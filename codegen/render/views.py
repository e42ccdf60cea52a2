"""What the templates lay out, computed from the model: names, annotations,
value-spec expressions, docstring texts and examples.

Every spec string that ends up in code goes through ``escape.literal``; texts
meant for docstrings stay plain here and are escaped by the template's
``literal(docstring=True)`` filter.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable, Dict, FrozenSet, List, Mapping, Optional, Sequence, Tuple

from codegen.errors import SpecError
from codegen.model.l2 import L2Module
from codegen.model.samples import sample_inner, sample_properties, sample_value
from codegen.model.schema import number_text
from codegen.model.types import (
    BOOLEAN,
    DOUBLE,
    INTEGER,
    JSON,
    LONG,
    NUMBER,
    STRING,
    TIMESTAMP,
    Choice,
    Constraints,
    Model,
    Property,
    PropertyType,
    ResourceType,
    Service,
    TypeRef,
    property_path,
)
from codegen.render.escape import literal
from codegen.render.layout import Group, Node, call, collection, import_from, parameters, subscript

RESOLVABLE = "IResolvable"
# The module of a service's L2 API (``cfnpy.aws_lambda._api``), re-exported by the service.
L2_MODULE = "_api"
_NUMBER = subscript("typing.Union", "int", "float")


def _check_identifier(name: str, what: str) -> str:
    """Names come from spec data: refuse anything that is not a plain identifier."""
    if not name.isidentifier() or not name.isascii():
        raise SpecError("<model>", "", f"{what} {name!r} is not a valid Python identifier")
    return name


# -- annotations -------------------------------------------------------------

ANY = "typing.Any"


def _union(parts: Sequence[Node]) -> Node:
    """``typing.Union`` of ``parts``, nested unions flattened, duplicates dropped."""
    items: List[Node] = []
    for part in parts:
        pieces = part.items if isinstance(part, Group) and part.head == "typing.Union" else (part,)
        for piece in pieces:
            if piece not in items:
                items.append(piece)
    if ANY in items:
        return ANY
    return items[0] if len(items) == 1 else subscript("typing.Union", *items)


def annotation(t: TypeRef, owner: str) -> Node:
    """The Python type a value of ``t`` may be given as (tokens included)."""
    if t.kind == "primitive":
        bases: Dict[str, Node] = {
            STRING: "str",
            TIMESTAMP: subscript("typing.Union", "str", "datetime.date"),
            INTEGER: _NUMBER,
            LONG: _NUMBER,
            DOUBLE: _NUMBER,
            NUMBER: _NUMBER,
            BOOLEAN: "bool",
            JSON: ANY,
        }
        return _union([bases[t.primitive], RESOLVABLE])
    if t.kind == "struct":
        cls = f"{owner}.{_check_identifier(t.struct, 'property type')}Property"
        return _union([RESOLVABLE, cls, subscript("typing.Mapping", "str", ANY)])
    if t.kind in ("list", "map"):
        assert t.item is not None
        item = annotation(t.item, owner)
        if t.kind == "list":
            container = subscript("typing.Sequence", item)
        else:
            container = subscript("typing.Mapping", "str", item)
        return _union([RESOLVABLE, container])
    if t.kind == "union":
        return _union([annotation(o, owner) for o in t.options])
    raise ValueError(t.kind)


def optional(node: Node, required: bool) -> Node:
    if required or node == ANY:
        return node
    return subscript("typing.Optional", node)


# -- value specs -------------------------------------------------------------

_SPEC_CLASS = {
    STRING: "String",
    TIMESTAMP: "Timestamp",
    INTEGER: "Integer",
    LONG: "Integer",
    DOUBLE: "Double",
    NUMBER: "Double",
    BOOLEAN: "Boolean",
    JSON: "Json",
}
_ACCEPTED = {
    "String": ("min_length", "max_length", "pattern", "enum"),
    "Timestamp": ("min_length", "max_length", "pattern", "enum"),
    "Integer": ("minimum", "maximum", "exclusive_minimum", "exclusive_maximum", "multiple_of", "enum"),
    "Double": ("minimum", "maximum", "exclusive_minimum", "exclusive_maximum", "multiple_of", "enum"),
    "Boolean": ("enum",),
    "Json": (),
    "ListOf": ("min_items", "max_items", "unique_items"),
    "MapOf": ("key_pattern", "min_keys", "max_keys"),
}


def _kwargs(cls: str, c: Constraints) -> List[Node]:
    args: List[Node] = []
    for name in _ACCEPTED[cls]:
        value = getattr(c, name)
        if isinstance(value, tuple):
            args.append(collection(f"{name}=", tuple(literal(v) for v in value)))
        elif value is not None:
            args.append(f"{name}={literal(value)}")
    return args


def spec_expression(t: TypeRef, owner: str) -> Node:
    """The runtime value spec (``_p.Integer(minimum=60)``) for ``t``."""
    if t.kind == "primitive":
        cls = _SPEC_CLASS[t.primitive]
        if cls == "Json" and t.constraints.max_keys == 0:
            return call("_p.Json", "max_keys=0")  # a closed object with no properties: {}
        return call(f"_p.{cls}", *_kwargs(cls, t.constraints))
    if t.kind == "struct":
        return call("_p.Struct", f"lambda: {owner}.{_check_identifier(t.struct, 'property type')}Property")
    if t.kind == "list":
        assert t.item is not None
        return call("_p.ListOf", spec_expression(t.item, owner), *_kwargs("ListOf", t.constraints))
    if t.kind == "map":
        assert t.item is not None
        return call("_p.MapOf", spec_expression(t.item, owner), *_kwargs("MapOf", t.constraints))
    if t.kind == "union":
        return call("_p.Union", *(spec_expression(o, owner) for o in t.options))
    raise ValueError(t.kind)


# -- docs ----------------------------------------------------------------------


def constraint_notes(t: TypeRef) -> List[str]:
    c = t.constraints
    notes = []
    if c.minimum is not None:
        notes.append(f"Minimum: {number_text(c.minimum)}")
    if c.exclusive_minimum is not None:
        notes.append(f"Greater than: {number_text(c.exclusive_minimum)}")
    if c.maximum is not None:
        notes.append(f"Maximum: {number_text(c.maximum)}")
    if c.exclusive_maximum is not None:
        notes.append(f"Less than: {number_text(c.exclusive_maximum)}")
    if c.min_length is not None:
        notes.append(f"Minimum length: {c.min_length}")
    if c.max_length is not None:
        notes.append(f"Maximum length: {c.max_length}")
    if c.min_items is not None:
        notes.append(f"Minimum items: {c.min_items}")
    if c.max_items is not None:
        notes.append(f"Maximum items: {c.max_items}")
    if c.unique_items:
        notes.append("Items must be unique")
    if c.multiple_of is not None:
        notes.append(f"Multiple of: {number_text(c.multiple_of)}")
    if c.min_keys is not None:
        notes.append(f"Minimum keys: {c.min_keys}")
    if c.max_keys == 0 and t.kind == "primitive":
        notes.append("Always an empty object: ``{}``")
    elif c.max_keys is not None:
        notes.append(f"Maximum keys: {c.max_keys}")
    if c.key_pattern is not None:
        notes.append(f"Key pattern: ``{c.key_pattern}``")
    if c.pattern is not None:
        notes.append(f"Pattern: ``{c.pattern}``")
    if c.enum is not None:
        notes.append("Allowed values: " + ", ".join(f"``{v}``" for v in c.enum))
    if t.item is not None:
        notes.extend(f"Each item: {note}" for note in constraint_notes(t.item))
    if t.kind == "union":
        # What each alternative adds to the constraints of the whole.
        options = [[n for n in constraint_notes(o) if n not in notes] for o in t.options]
        if any(options):
            notes.append("One of: " + " | ".join("; ".join(o) or "any value" for o in options))
    return notes


def property_doc(p: Property) -> str:
    """One paragraph: description, constraints, replacement, deprecation."""
    parts = [p.description.strip() or f"The ``{p.cfn_name}`` property."]
    parts.extend(note + "." for note in constraint_notes(p.type))
    if p.update_type == "Immutable":
        parts.append("Changing it requires replacement of the resource.")
    elif p.update_type == "Conditional":
        parts.append("Changing it may require replacement of the resource.")
    if p.deprecated:
        parts.append("Deprecated by AWS: setting it warns.")
    return " ".join(" ".join(part.split()) for part in parts)


@dataclass(frozen=True)
class PropView:
    # The keyword argument, and the attribute holding the value: they differ for a
    # resource's ``tags``, whose attribute is the TagManager (the value is ``tags_raw``).
    name: str
    attribute: str
    cfn_name: str
    required: bool
    deprecated: bool
    # (prefix, node, suffix) statements for the templates' ``layout`` filter.
    declaration: Tuple[str, Node, str]
    parameter: Tuple[str, Node, str]
    doc: str
    see: str


@dataclass(frozen=True)
class StructView:
    class_name: str
    qualified_name: str
    cfn_name: str
    doc: str
    see: str
    props: Tuple[PropView, ...]
    init_props: Tuple[PropView, ...]
    example: str
    # The ``_choices = (...)`` statement, when the schema has rules on which props are set.
    choices: Optional[Tuple[str, Node, str]] = None


@dataclass(frozen=True)
class AttributeView:
    name: str
    cfn_name: str
    signature: Tuple[str, Node, str]
    getter: Node
    doc: str


@dataclass(frozen=True)
class ResourceView:
    class_name: str
    # The positional parameters, ``scope`` and ``id`` unless a property takes the
    # name: then, as jsii-pacmak does, the parameter gets a trailing underscore.
    scope_param: str
    id_param: str
    type_name: str
    doc: str
    see: str
    props: Tuple[PropView, ...]
    init_props: Tuple[PropView, ...]
    structs: Tuple[StructView, ...]
    attributes: Tuple[AttributeView, ...]
    props_class: StructView
    example: str
    choices: Optional[Tuple[str, Node, str]] = None
    # AWS CDK's TagType name ("STANDARD", "MAP", ...) when the resource has a TagManager,
    # and the attribute of the property holding the tags given to it.
    tag_type: str = ""
    tag_property: str = ""


@dataclass(frozen=True)
class ModuleView:
    module_name: str
    title: str
    # The first line of the module's docstring.
    summary: str
    versions: str
    resources: Tuple[ResourceView, ...]
    exports: Tuple[str, ...]
    l2: Optional[L2Module] = None
    # Modules of the package whose names it re-exports: (".{module}", names) - the
    # hand-written ones, and the resource modules of a service split for size.
    reexports: Tuple[Group, ...] = ()
    core_imports: Optional[Group] = None
    # Whether an annotation names ``datetime`` (a Timestamp property): only then is it imported.
    uses_datetime: bool = True
    # Whether a resource has a TagManager (its annotation's import is for type checkers only).
    uses_tags: bool = False
    # Names of the package's own modules imported on first use (``_modules.lazy_exports``):
    # as imports for type checkers, and as the table of (module, names) the runtime reads.
    lazy_imports: Tuple[Group, ...] = ()
    lazy_exports: Tuple[str, Node, str] = ("", "", "")


def _prop_view(p: Property, owner: str, attribute: str = "") -> PropView:
    name = _check_identifier(p.python_name, "property name")
    attribute = attribute or name
    arguments: List[Node] = [literal(p.cfn_name), spec_expression(p.type, owner)]
    if p.required:
        arguments.append("required=True")
    if p.deprecated:
        arguments.append("deprecated=True")
    return PropView(
        name=name,
        attribute=attribute,
        cfn_name=p.cfn_name,
        required=p.required,
        deprecated=p.deprecated,
        declaration=(f"{attribute} = ", call("_p.Prop", *arguments), ""),
        parameter=(f"{name}: ", optional(annotation(p.type, owner), p.required), "," if p.required else " = None,"),
        doc=property_doc(p),
        see=p.documentation_url,
    )


def _init_order(props: Sequence[PropView]) -> Tuple[PropView, ...]:
    """Required parameters first, as in AWS CDK; alphabetical within each group."""
    return tuple(sorted(props, key=lambda p: (not p.required, p.name)))


# -- examples ------------------------------------------------------------------


class _Example:
    """Builds the example code of a class from sample values, AWS CDK style."""

    def __init__(self, module: str, resource: ResourceType) -> None:
        self.module = module
        self.alias = module.split("_", 1)[1] + "_" if module.startswith("aws_") else module
        self.resource = resource
        self.structs = {s.cfn_name: s for s in resource.property_types}

    def _struct_call(
        self, name: str, indent: int, stack: Tuple[str, ...], variant: int = 0, wanted: FrozenSet[str] = frozenset()
    ) -> str:
        struct = self.structs[name]
        needed = sample_properties(struct.properties, struct.choices, optional=False, variant=variant, wanted=wanted)
        # Below the first level only the props it needs: examples of deeply nested
        # types (QuickSight's) would otherwise grow with the whole tree.
        chosen = needed if stack else sample_properties(struct.properties, struct.choices, optional=True)
        chosen = [p for p in chosen if not (set(p.type.structs()) & set(stack + (name,)))] or needed
        if len(stack) > 12:
            raise _TooDeep()
        call = f"{self.alias}.{self.resource.class_name}.{struct.class_name}("
        return call + self._args(chosen, indent + 4, stack + (name,), sample_inner(struct.choices, wanted)) + ")"

    def value(self, p: Property, indent: int, stack: Tuple[str, ...], wanted: FrozenSet[str]) -> str:
        if p.type.kind == "list" and set(p.type.structs()) & set(stack):
            return "[]"  # a list of an enclosing structure: the empty one ends the nesting
        markers: Dict[str, str] = {}

        def struct(name: str, variant: int, inner: FrozenSet[str]) -> Any:
            marker = f"\x00{len(markers)}\x00"
            markers[marker] = self._struct_call(name, indent, stack, variant, inner)
            return _Raw(marker)

        sample = sample_value(p.type, p.cfn_name, struct, 0, wanted)
        text = _code(sample)
        for marker, call in markers.items():
            text = text.replace(repr(_Raw(marker)), call)
        return text

    def _args(
        self, props: Sequence[Property], indent: int, stack: Tuple[str, ...], inner: Mapping[str, FrozenSet[str]]
    ) -> str:
        if not props:
            return ""
        pad = " " * indent
        ordered = sorted(props, key=lambda p: (not p.required, p.python_name))
        lines = []
        for index, p in enumerate(ordered):
            if index and not p.required and ordered[index - 1].required:
                lines.append("")
                lines.append(f"{pad}# the properties below are optional")
            lines.append(f"{pad}{p.python_name}={self.value(p, indent, stack, inner.get(p.cfn_name, frozenset()))},")
        return "\n" + "\n".join(lines) + "\n" + " " * (indent - 4)

    def resource_code(self) -> str:
        variable = "cfn_" + _snake(self.resource.resource_name)
        head = [
            "# The code below shows an example of how to instantiate this type.",
            "# The values are placeholders you should change.",
            f"import cfnpy.{self.module} as {self.alias}",
            "",
        ]
        chosen = sample_properties(self.resource.properties, self.resource.choices, optional=True)
        args = self._args(chosen, 4, (), sample_inner(self.resource.choices))
        call = f'{variable} = {self.alias}.{self.resource.class_name}(self, "My{self.resource.class_name}",{args})'
        return "\n".join(head) + "\n" + call

    def struct_code(self, struct: PropertyType) -> str:
        variable = _snake(struct.class_name)
        head = [
            "# The code below shows an example of how to instantiate this type.",
            "# The values are placeholders you should change.",
            f"import cfnpy.{self.module} as {self.alias}",
            "",
        ]
        return "\n".join(head) + "\n" + f"{variable} = " + self._struct_call(struct.cfn_name, 0, ())


class _TooDeep(Exception):
    """Required structures nest too deep for an example to be worth showing."""


def _example_or_nothing(make: Callable[[], str]) -> str:
    try:
        return make()
    except _TooDeep:
        return ""


class _Raw:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __repr__(self) -> str:
        return self.marker


def _code(value: Any) -> str:
    if isinstance(value, _Raw):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"' if value.isprintable() else ascii(value)
    if isinstance(value, list):
        return "[" + ", ".join(_code(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_code(k)}: {_code(v)}" for k, v in value.items()) + "}"
    return repr(value)


def _snake(name: str) -> str:
    from codegen.model.naming import snake_case

    return snake_case(name)


# -- views -------------------------------------------------------------------


Structs = Mapping[str, PropertyType]


def _python_path(path: str, properties: Sequence[Property], structs: Structs) -> str:
    """A choice's dotted CloudFormation path (``AccountGrouping.LinkedAccountIds``) in Python names."""
    found = property_path(path, properties, structs)
    if found is None:  # the model keeps only rules whose names it found
        raise ValueError(f"no property {path!r}")
    return ".".join(_check_identifier(p.python_name, "property name") for p in found)


def _choices(choices: Sequence[Choice], properties: Sequence[Property], structs: Structs) -> Optional[Tuple[str, Node, str]]:
    if not choices:
        return None
    rules = tuple(
        call(
            "_p.Choice",
            *(collection("", tuple(literal(_python_path(n, properties, structs)) for n in option)) for option in c.options),
            f"exactly_one={c.exactly_one}",
        )
        for c in choices
    )
    return ("_choices = ", collection("", rules), "")


def choice_notes(choices: Sequence[Choice], properties: Sequence[Property], structs: Structs) -> List[str]:
    """The rules in words, for the class docstring."""
    notes = []
    for c in choices:
        options = [
            " and ".join(f"``{_python_path(n, properties, structs)}``" for n in option) or "none of these"
            for option in c.options
        ]
        rule = f"Set {'exactly' if c.exactly_one else 'at least'} one of: {', or '.join(options)}."
        if any("." in n for option in c.options for n in option):
            rule += " (A dotted name is needed only when its structure is set.)"
        notes.append(rule)
    return notes


def _class_doc(description: str, fallback: str, choices: Sequence[Choice], properties: Sequence[Property], structs: Structs) -> str:
    return " ".join(" ".join([description or fallback, *choice_notes(choices, properties, structs)]).split())


def _struct_view(s: PropertyType, owner: str, example: str, qualified_prefix: str, structs: Structs) -> StructView:
    props = tuple(_prop_view(p, owner) for p in s.properties)
    return StructView(
        class_name=_check_identifier(s.class_name, "property type"),
        qualified_name=f"{qualified_prefix}{s.class_name}",
        cfn_name=s.cfn_name,
        doc=_class_doc(s.description, f"The ``{s.cfn_name}`` property type.", s.choices, s.properties, structs),
        see=s.documentation_url,
        props=props,
        init_props=_init_order(props),
        example=example,
        choices=_choices(s.choices, s.properties, structs),
    )


def resource_view(service: Service, r: ResourceType) -> ResourceView:
    owner = _check_identifier(r.class_name, "resource class")
    example = _Example(service.module_name, r)
    tag_name = r.tagging.property if r.tagging else ""
    props = tuple(
        _prop_view(p, owner, "tags_raw" if p.cfn_name == tag_name and p.python_name == "tags" else "")
        for p in r.properties
    )
    tag_property = next((p.attribute for p in props if p.cfn_name == tag_name), "")
    plain_props = tuple(_prop_view(p, owner) for p in r.properties) if tag_property == "tags_raw" else props
    structs = tuple(
        _struct_view(s, owner, _example_or_nothing(lambda: example.struct_code(s)), f"{owner}.", example.structs)
        for s in r.property_types
    )
    props_class = StructView(
        class_name=f"{owner}Props",
        qualified_name=f"{owner}Props",
        cfn_name=r.type_name,
        doc=f"Properties for defining a ``{r.class_name}``.",
        see=r.documentation_url,
        props=plain_props,
        init_props=_init_order(plain_props),
        example="",
    )
    attributes = tuple(
        AttributeView(
            name=_check_identifier(a.python_name, "attribute name"),
            cfn_name=a.cfn_name,
            signature=(
                "",
                parameters(f"def {_check_identifier(a.python_name, 'attribute name')}", "self"),
                " -> typing.List[str]:" if a.type.kind == "list" else " -> str:",
            ),
            getter=call("self._att_list" if a.type.kind == "list" else "self._att_string", literal(a.cfn_name)),
            doc=a.description or f"The ``{a.cfn_name}`` attribute (``Fn::GetAtt``).",
        )
        for a in r.attributes
    )
    taken = {p.name for p in props}
    return ResourceView(
        class_name=owner,
        scope_param="scope_" if "scope" in taken else "scope",
        id_param="id_" if "id" in taken else "id",
        type_name=r.type_name,
        doc=_class_doc(r.description, f"The ``{r.type_name}`` resource.", r.choices, r.properties, example.structs),
        see=r.documentation_url,
        props=props,
        init_props=_init_order(props),
        structs=structs,
        attributes=attributes,
        props_class=props_class,
        example=_example_or_nothing(example.resource_code),
        choices=_choices(r.choices, r.properties, example.structs),
        tag_type=r.tagging.tag_type if r.tagging else "",
        tag_property=tag_property,
    )


# Names every generated module imports from cfnpy.core anyway.
_ALWAYS_IMPORTED = {"Construct", "IResolvable", "Token"}


def _mentions(node: Node, text: str) -> bool:
    if isinstance(node, Group):
        return text in node.head or any(_mentions(item, text) for item in node.items)
    return text in node


def module_view(
    model: Model,
    service: Service,
    l2: Optional[L2Module] = None,
    reexports: Mapping[str, Tuple[str, ...]] = {},
    title: str = "",
    lazy: Mapping[str, Tuple[str, ...]] = {},
) -> ModuleView:
    """The view of a module defining ``service``'s resources and ``l2``, re-exporting the
    names of ``reexports`` (module -> names) and, loaded on first use, of ``lazy``."""
    resources = tuple(resource_view(service, r) for r in service.resources)
    names = [r.class_name for r in resources] + [r.props_class.class_name for r in resources]
    if l2 is not None:
        l2 = replace(l2, core_imports=tuple(n for n in l2.core_imports if n not in _ALWAYS_IMPORTED))
        names += [t.name for group in (l2.enums, l2.protocols, l2.structs, l2.constructs) for t in group]
    for module, exported in [*reexports.items(), *lazy.items()]:
        _check_identifier(module, "module name")
        names += [_check_identifier(n, "re-exported name") for n in exported]
    exports = sorted(names)
    title = title or f"{service.vendor}::{service.name}"
    if resources:
        summary = f"CloudFormation resources of {title}: the L1 classes."
    elif l2 is not None:
        summary = f"The L2 API of {title}: AWS CDK's constructs, built on the L1 classes."
    else:
        has_l2 = L2_MODULE in lazy
        summary = (
            f"CloudFormation resources of {title}: the L1 classes{' and the L2 API' if has_l2 else ''}, "
            "each loaded on first use."
        )
    return ModuleView(
        module_name=_check_identifier(service.module_name, "module name"),
        title=title,
        summary=summary,
        versions=(
            f"CloudFormation resource specification {model.versions.resource_specification}, "
            f"registry schemas {model.versions.registry_schemas}"
        ),
        resources=resources,
        exports=tuple(exports),
        l2=l2,
        reexports=tuple(import_from(f".{m}", names) for m, names in sorted(reexports.items())),
        lazy_imports=tuple(import_from(f".{m}", names) for m, names in sorted(lazy.items())),
        lazy_exports=(
            "__getattr__, __dir__ = ",
            call(
                "lazy_exports",
                "__name__",
                collection(
                    "",
                    tuple(
                        collection("", (literal(f".{m}"), collection("", tuple(literal(n) for n in names))))
                        for m, names in sorted(lazy.items())
                    ),
                ),
            ),
            "",
        ),
        core_imports=import_from("cfnpy.core", l2.core_imports) if l2 is not None and l2.core_imports else None,
        uses_tags=any(r.tag_type for r in resources),
        uses_datetime=any(
            _mentions(p.parameter[1], "datetime.")
            for r in resources
            for props in (r.props, *(s.props for s in r.structs), r.props_class.props)
            for p in props
        ),
    )


__all__ = ["ModuleView", "module_view", "resource_view"]
