"""The jsii type entries in ``specs/l2/``, as plain frozen dataclasses with Python names.

``tools/extract_jsii.py`` copies a few type entries, unchanged, out of the jsii
assemblies that ship in the AWS CDK v1 wheels. This module validates those
files and turns the entries the generator asks for into dataclasses that carry
the Python rendering jsii-pacmak gives them:

* names: ``maxEventAge`` -> ``max_event_age``; Python keywords get a trailing
  ``_`` (``lambda`` -> ``lambda_``); protected members get a leading ``_``;
  constants are upper-cased;
* the last parameter of an initializer or method, when it is a struct
  (datatype interface), is "lifted" into keyword-only arguments: the struct's
  own properties first, then those of its bases, breadth-first in declaration
  order (each property once, the most derived declaration winning);
* annotations as strings (``typing.Optional[Duration]``,
  ``typing.Union[int, float, None]``, ...), named types by their Python name,
  prefixed by module as a caller-supplied mapping decides;
* docs: the one-line ``:param:`` text pacmak writes (summary, remarks and
  ``Default: ...``, whitespace folded), the docstring text of a type or member.

A type reference to a type that is not in the files is reported as a
``SpecError`` at the JSON pointer of the reference. References are followed only
from what is converted: a type's whole public API by default, or the members a
caller names (``Function`` is kept whole in the files, but its members refer to
aws-iam, aws-ec2, ... types that are not extracted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Collection, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import regex

from codegen.errors import SpecError, json_pointer
from codegen.load import specfiles, validate
from codegen.model.naming import decamelize

SCHEMA_NAME = "jsii-extract"
JSII_FILES = ("l2/aws-lambda.jsii.json", "l2/core.jsii.json", "l2/constructs.jsii.json")

PathPart = Union[str, int]

# -- naming (jsii-pacmak's python target) ------------------------------------------

# The keywords pacmak escapes (jsii-pacmak lib/targets/python/util.ts).
PYTHON_KEYWORDS = frozenset(
    "False None True and as assert async await break class continue def del elif else except finally for from "
    "global if import in is lambda nonlocal not or pass raise return try while with yield".split()
)
def to_snake_case(name: str) -> str:
    """codemaker's ``toSnakeCase`` (decamelize 5): ``maxEventAge`` -> ``max_event_age``."""
    return decamelize(name)


def python_identifier(name: str) -> str:
    """A trailing ``_`` on Python keywords, as pacmak does (``lambda`` -> ``lambda_``)."""
    return f"{name}_" if name in PYTHON_KEYWORDS else name


def python_member_name(name: str, *, protected: bool = False, const: bool = False) -> str:
    """The Python name of a method, property or parameter."""
    value = python_identifier(to_snake_case(name))
    if const:
        value = value.upper()
    return f"_{value}" if protected else value


# -- docs ------------------------------------------------------------------------------


@dataclass(frozen=True)
class JsiiDocs:
    """A jsii docs block; absent fields are ``""``. ``example`` is TypeScript as in the
    assembly, ``python_example`` its Python translation (rosetta tablet) when extracted."""

    summary: str = ""
    remarks: str = ""
    default: str = ""
    see: str = ""
    example: str = ""
    deprecated: str = ""
    returns: str = ""
    stability: str = ""
    subclassable: bool = False
    custom: Tuple[Tuple[str, str], ...] = ()
    python_example: str = ""


_CODE_SPAN = regex.compile(r"(`+)(.+?)(?<!`)\1(?!`)", regex.DOTALL)
_LINK = regex.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
_UNDERSCORE_EMPHASIS = regex.compile(r"(?<![\w_])_(?!\s)([^_]+?)(?<!\s)_(?![\w_])")
_ESCAPE = regex.compile(r"\\([!-/:-@\[-`{-~])")
_FENCE = regex.compile(r"^\s*(```|~~~)")


def _inline_md2rst(text: str) -> str:
    parts: List[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        parts.append(_plain_md2rst(text[last : match.start()]))
        parts.append("``" + " ".join(match.group(2).split()) + "``")
        last = match.end()
    parts.append(_plain_md2rst(text[last:]))
    return "".join(parts)


def _plain_md2rst(text: str) -> str:
    text = _LINK.sub(lambda m: f"`{m.group(1)} <{m.group(2)}>`_", text)
    text = _UNDERSCORE_EMPHASIS.sub(r"*\1*", text)
    return _ESCAPE.sub(r"\1", text)


def md2rst(markdown: str) -> str:
    """The subset of pacmak's markdown-to-reStructuredText conversion jsii docs use:
    code spans (``x``), links, emphasis, escapes; fenced code blocks become literal
    blocks introduced by ``::``. Line structure is kept."""
    out: List[str] = []
    lines = markdown.strip("\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if _FENCE.match(line):
            fence = line.strip()[:3]
            code: List[str] = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(fence):
                code.append(lines[i])
                i += 1
            i += 1
            while out and out[-1] == "":
                out.pop()
            if out:
                last = out[-1]
                out[-1] = last[:-1] + "::" if regex.search(r"\W$", last) else last + " Example::"
            else:
                out.append("Example::")
            out.append("")
            out.extend(f"   {c}".rstrip() for c in code)
            out.append("")
            continue
        out.append(_inline_md2rst(line).rstrip())
        i += 1
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def _summary(docs: JsiiDocs) -> str:
    if not docs.summary:
        return ""
    prefix = {"experimental": "(experimental) ", "deprecated": "(deprecated) "}.get(docs.stability, "")
    return md2rst(prefix + docs.summary)


def param_doc_line(docs: JsiiDocs) -> str:
    """The one-line text pacmak gives a parameter or lifted property in ``:param x:``:
    summary, remarks, ``Default: <default>``, whitespace folded. ``""`` when there are
    no docs (pacmak writes ``-`` there; the documented API shows nothing)."""
    parts = []
    if docs.summary:
        parts.append(_summary(docs))
    if docs.remarks:
        parts.append(md2rst(docs.remarks))
    if docs.default:
        parts.append("Default: " + md2rst(docs.default))
    return " ".join(" ".join(parts).split())


def doc_text(docs: JsiiDocs) -> str:
    """Summary, a blank line, the remarks (reStructuredText, lines as in the assembly)."""
    blocks = [b for b in (_summary(docs), md2rst(docs.remarks) if docs.remarks else "") if b]
    return "\n\n".join(blocks)


def docstring(docs: JsiiDocs, arguments: Sequence[Tuple[str, str]] = ()) -> str:
    """The docstring body pacmak writes for a type or member (without quotes/indent):
    summary; remarks; ``:param name: text`` for ``arguments`` (pairs of Python name and
    doc line); ``:default:``, ``:return:``, ``:deprecated:``, ``:see:``, ``:stability:``
    (experimental/deprecated only), custom tags (``:exampleMetadata: ...``); then
    ``Example::`` with the Python example (the TypeScript one when none was extracted)."""
    lines: List[str] = []

    def brk() -> None:
        if lines and lines[-1].strip():
            lines.append("")

    def block(heading: str, content: str, separate: bool = True) -> None:
        if separate:
            brk()
        content_lines = md2rst(content).split("\n")
        if len(content_lines) <= 1:
            lines.append(f":{heading}: {''.join(content_lines)}".strip())
        else:
            lines.append(f":{heading}:")
            brk()
            lines.extend(line.strip() for line in content_lines)
        if separate:
            brk()

    if docs.summary:
        lines.append(_summary(docs))
        brk()
    if docs.remarks:
        brk()
        lines.extend(md2rst(docs.remarks).split("\n"))
        brk()
    if arguments:
        brk()
        lines.extend(f":param {name}: {text}".rstrip() for name, text in arguments)
        brk()
    if docs.default:
        block("default", docs.default)
    if docs.returns:
        block("return", docs.returns)
    if docs.deprecated:
        block("deprecated", docs.deprecated)
    if docs.see:
        block("see", docs.see, False)
    if docs.stability in ("experimental", "deprecated"):
        block("stability", docs.stability, False)
    if docs.subclassable:
        block("subclassable", "Yes")
    for key, value in docs.custom:
        block(key, value, False)
    example = docs.python_example or docs.example
    if example:
        brk()
        lines.append("Example::")
        lines.append("")
        lines.extend(f"    {line}".rstrip() for line in example.split("\n"))
        brk()
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


# -- type references -------------------------------------------------------------------

_PRIMITIVE_ANNOTATIONS = {
    "string": "str",
    "number": "typing.Union[int, float]",
    "boolean": "bool",
    "any": "typing.Any",
    "json": "typing.Any",
    "date": "datetime.datetime",
}


@dataclass(frozen=True)
class JsiiTypeRef:
    """A jsii type reference. ``kind`` is ``primitive`` (``primitive`` set), ``named``
    (``fqn``, ``assembly``, ``python_name`` set), ``array``/``map`` (``items`` is the
    element type) or ``union`` (``items`` are the alternatives)."""

    kind: str
    primitive: str = ""
    fqn: str = ""
    assembly: str = ""
    python_name: str = ""
    items: Tuple["JsiiTypeRef", ...] = ()


def _union_members(ref: JsiiTypeRef, prefixes: Mapping[str, str], parameter: bool) -> List[str]:
    if ref.kind == "union":
        members: List[str] = []
        for item in ref.items:
            members.extend(_union_members(item, prefixes, parameter))
        return members
    if ref.kind == "primitive" and ref.primitive == "number":
        return ["int", "float"]
    return [_annotation(ref, prefixes, parameter)]


def _dedupe(items: Iterable[str]) -> List[str]:
    seen: Dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)


def _annotation(ref: JsiiTypeRef, prefixes: Mapping[str, str], parameter: bool) -> str:
    if ref.kind == "primitive":
        return _PRIMITIVE_ANNOTATIONS[ref.primitive]
    if ref.kind == "named":
        return prefixes.get(ref.assembly, "") + ref.python_name
    if ref.kind == "array":
        return f"typing.{'Sequence' if parameter else 'List'}[{_annotation(ref.items[0], prefixes, parameter)}]"
    if ref.kind == "map":
        return f"typing.Mapping[str, {_annotation(ref.items[0], prefixes, parameter)}]"
    members = _dedupe(_union_members(ref, prefixes, parameter))
    if "typing.Any" in members:
        return "typing.Any"
    return f"typing.Union[{', '.join(members)}]"


def python_annotation(
    ref: Optional[JsiiTypeRef],
    *,
    optional: bool = False,
    module_prefixes: Mapping[str, str] = {},
    parameter: bool = False,
) -> str:
    """The annotation of a type reference, as a string.

    ``module_prefixes`` maps an assembly name to the text put before the Python name of
    its types (``{"@aws-cdk/core": "core."}``; unmapped: bare names). ``optional`` wraps
    in ``typing.Optional[...]``, except that an optional union (a number is
    ``int, float``) gains ``None`` as its last member, ``typing.Union[int, float, None]``,
    and ``typing.Any`` stays itself. ``parameter`` renders arrays as ``typing.Sequence``
    (pacmak does so for parameters; default ``typing.List``). No reference is ``None``."""
    if ref is None:
        return "None"
    if not optional:
        return _annotation(ref, module_prefixes, parameter)
    plain = _annotation(ref, module_prefixes, parameter)
    if plain == "typing.Any":
        return plain
    if ref.kind == "union" or (ref.kind == "primitive" and ref.primitive == "number"):
        members = _dedupe(_union_members(ref, module_prefixes, parameter))
        return f"typing.Union[{', '.join(members + ['None'])}]"
    return f"typing.Optional[{plain}]"


# -- members and types -----------------------------------------------------------------


@dataclass(frozen=True)
class JsiiParameter:
    """A positional parameter, or a lifted struct property (keyword-only argument).
    ``defined_by`` is the fqn of the class/interface declaring the method, or of the
    struct declaring the lifted property."""

    name: str
    python_name: str
    type: JsiiTypeRef
    optional: bool
    variadic: bool
    annotation: str
    docs: JsiiDocs
    doc_line: str
    defined_by: str


@dataclass(frozen=True)
class JsiiMethod:
    """A method, static method or initializer (``python_name`` ``__init__``, ``name``
    ``<initializer>``). ``parameters`` are positional (the lifted struct parameter
    removed), ``keyword_only`` the lifted struct properties, in pacmak's order."""

    name: str
    python_name: str
    kind: str  # "initializer" | "method" | "static"
    parameters: Tuple[JsiiParameter, ...]
    keyword_only: Tuple[JsiiParameter, ...]
    lifted_struct: str
    returns: Optional[JsiiTypeRef]
    returns_optional: bool
    return_annotation: str
    docs: JsiiDocs
    abstract: bool
    protected: bool
    is_async: bool
    overrides: str
    defined_by: str

    @property
    def static(self) -> bool:
        return self.kind == "static"

    @property
    def all_parameters(self) -> Tuple[JsiiParameter, ...]:
        return self.parameters + self.keyword_only

    @property
    def signature(self) -> str:
        """``scope, id, *, function, qualifier=None, ...`` (no annotations, no self/cls)."""
        parts = [f"*{p.python_name}" if p.variadic else p.python_name + ("=None" if p.optional else "")
                 for p in self.parameters]
        if self.keyword_only:
            parts.append("*")
            parts.extend(p.python_name + ("=None" if p.optional else "") for p in self.keyword_only)
        return ", ".join(parts)

    @property
    def docstring(self) -> str:
        return docstring(self.docs, [(p.python_name, p.doc_line) for p in self.all_parameters])


@dataclass(frozen=True)
class JsiiProperty:
    name: str
    python_name: str
    type: JsiiTypeRef
    optional: bool
    annotation: str
    docs: JsiiDocs
    static: bool
    immutable: bool
    abstract: bool
    protected: bool
    const: bool
    overrides: str
    defined_by: str

    @property
    def doc_line(self) -> str:
        return param_doc_line(self.docs)

    @property
    def docstring(self) -> str:
        return docstring(self.docs)


@dataclass(frozen=True)
class JsiiEnumMember:
    name: str
    python_name: str
    docs: JsiiDocs


@dataclass(frozen=True)
class JsiiTypeBase:
    fqn: str
    assembly: str
    name: str
    python_name: str
    python_module: str
    docs: JsiiDocs

    @property
    def docstring(self) -> str:
        return docstring(self.docs)


@dataclass(frozen=True)
class JsiiClass(JsiiTypeBase):
    """A class; ``methods``/``properties`` are its own instance members,
    ``static_methods``/``static_properties`` its own static ones (public only unless
    asked). ``partial`` when only some members were converted: then ``base`` and
    ``interfaces`` are not checked to be in the files."""

    abstract: bool = False
    base: str = ""
    interfaces: Tuple[str, ...] = ()
    initializer: Optional[JsiiMethod] = None
    methods: Tuple[JsiiMethod, ...] = ()
    static_methods: Tuple[JsiiMethod, ...] = ()
    properties: Tuple[JsiiProperty, ...] = ()
    static_properties: Tuple[JsiiProperty, ...] = ()
    partial: bool = False

    kind: ClassVar[str] = "class"


@dataclass(frozen=True)
class JsiiInterface(JsiiTypeBase):
    """An interface (behavioural: methods and properties) or, ``datatype``, a struct."""

    datatype: bool = False
    interfaces: Tuple[str, ...] = ()
    methods: Tuple[JsiiMethod, ...] = ()
    properties: Tuple[JsiiProperty, ...] = ()
    partial: bool = False

    kind: ClassVar[str] = "interface"


@dataclass(frozen=True)
class JsiiEnum(JsiiTypeBase):
    members: Tuple[JsiiEnumMember, ...] = ()

    kind: ClassVar[str] = "enum"


JsiiType = Union[JsiiClass, JsiiInterface, JsiiEnum]


@dataclass(frozen=True)
class JsiiClassApi:
    """A class's whole public Python API, inherited members included, each list sorted
    by Python name (the most derived declaration of a name wins; ``defined_by`` tells
    where it comes from). ``ancestors``: the base classes, nearest first."""

    cls: JsiiClass
    ancestors: Tuple[str, ...]
    methods: Tuple[JsiiMethod, ...]
    properties: Tuple[JsiiProperty, ...]
    static_methods: Tuple[JsiiMethod, ...]
    static_properties: Tuple[JsiiProperty, ...]


@dataclass(frozen=True)
class JsiiAssembly:
    name: str
    version: str
    fingerprint: str
    python_module: str
    python_dist: str
    file: str


# -- the loaded files ------------------------------------------------------------------


@dataclass(frozen=True)
class _Entry:
    file: str
    data: Mapping[str, Any]
    python_module: str


@dataclass(frozen=True)
class JsiiTypeSystem:
    """The extracted entries of several assemblies; converts them on request."""

    assemblies: Mapping[str, JsiiAssembly]
    module_prefixes: Mapping[str, str] = field(default_factory=dict)
    _entries: Mapping[str, _Entry] = field(default_factory=dict, repr=False)
    _examples: Mapping[str, str] = field(default_factory=dict, repr=False)

    # -- lookups

    @property
    def fqns(self) -> Tuple[str, ...]:
        return tuple(sorted(self._entries))

    def __contains__(self, fqn: object) -> bool:
        return fqn in self._entries

    def kind(self, fqn: str) -> str:
        return str(self._entry(fqn, ()).data["kind"])

    def raw(self, fqn: str) -> Mapping[str, Any]:
        """The entry as in the assembly."""
        return self._entry(fqn, ()).data

    def _entry(self, fqn: str, where: Sequence[PathPart], file: str = "") -> _Entry:
        entry = self._entries.get(fqn)
        if entry is None:
            files = ", ".join(a.file for a in self.assemblies.values())
            raise SpecError(
                file or files,
                json_pointer(where),
                f"type {fqn!r} is not in the extracted files ({files}); add it to TYPES in tools/extract_jsii.py",
            )
        return entry

    def python_name(self, fqn: str) -> str:
        """``CfnAlias.AliasRoutingConfigurationProperty``-style Python name of a type."""
        data = self._entry(fqn, ()).data
        namespace = str(data.get("namespace", ""))
        parts = (namespace.split(".") if namespace else []) + [str(data["name"])]
        return ".".join(python_identifier(p) for p in parts)

    # -- conversion helpers

    def _docs(self, raw: Any, example_key: str = "") -> JsiiDocs:
        raw = raw or {}
        custom = raw.get("custom") or {}
        return JsiiDocs(
            summary=raw.get("summary", ""),
            remarks=raw.get("remarks", ""),
            default=raw.get("default", ""),
            see=raw.get("see", ""),
            example=raw.get("example", ""),
            deprecated=raw.get("deprecated", ""),
            returns=raw.get("returns", ""),
            stability=raw.get("stability", ""),
            subclassable=bool(raw.get("subclassable", False)),
            custom=tuple((str(k), str(v)) for k, v in custom.items()),
            python_example=self._examples.get(example_key, "") if raw.get("example") else "",
        )

    def type_ref(self, raw: Mapping[str, Any], file: str, where: Sequence[PathPart]) -> JsiiTypeRef:
        """Convert a type reference found at ``where`` in ``file``; unknown types raise."""
        if "primitive" in raw:
            return JsiiTypeRef("primitive", primitive=str(raw["primitive"]))
        if "fqn" in raw:
            fqn = str(raw["fqn"])
            entry = self._entry(fqn, [*where, "fqn"], file)
            return JsiiTypeRef(
                "named", fqn=fqn, assembly=str(entry.data["assembly"]), python_name=self.python_name(fqn)
            )
        if "collection" in raw:
            collection = raw["collection"]
            element = self.type_ref(collection["elementtype"], file, [*where, "collection", "elementtype"])
            return JsiiTypeRef(str(collection["kind"]), items=(element,))
        union = raw["union"]["types"]
        return JsiiTypeRef(
            "union",
            items=tuple(self.type_ref(t, file, [*where, "union", "types", i]) for i, t in enumerate(union)),
        )

    def annotation(self, ref: Optional[JsiiTypeRef], *, optional: bool = False, parameter: bool = False) -> str:
        return python_annotation(ref, optional=optional, module_prefixes=self.module_prefixes, parameter=parameter)

    def _lifted_struct(self, parameters: Sequence[Mapping[str, Any]]) -> str:
        """The fqn of the struct pacmak lifts into keyword arguments, or ``""``."""
        if not parameters:
            return ""
        last = parameters[-1]
        fqn = last["type"].get("fqn")
        if last.get("variadic") or fqn is None or fqn not in self._entries:
            return ""
        data = self._entries[fqn].data
        return str(fqn) if data["kind"] == "interface" and data.get("datatype") else ""

    def lifted_properties(self, struct_fqn: str) -> Tuple[Tuple[str, int, Mapping[str, Any]], ...]:
        """(defining struct fqn, index, raw property) in pacmak's keyword-lifting order:
        breadth-first from the struct (own properties, then each base interface in
        declaration order, then theirs), a property name kept at its first occurrence."""
        result: List[Tuple[str, int, Mapping[str, Any]]] = []
        queue = [struct_fqn]
        known_ifaces = {struct_fqn}
        known_props: set[str] = set()
        while queue:
            current = queue.pop(0)
            entry = self._entry(current, ())
            for i, base in enumerate(entry.data.get("interfaces", ())):
                if base not in known_ifaces:
                    self._entry(base, ["types", current, "interfaces", i], entry.file)
                    known_ifaces.add(base)
                    queue.append(base)
            for i, prop in enumerate(entry.data.get("properties", ())):
                if prop["name"] not in known_props:
                    known_props.add(prop["name"])
                    result.append((current, i, prop))
        return tuple(result)

    def _parameter(
        self, raw: Mapping[str, Any], python_name: str, file: str, where: Sequence[PathPart], defined_by: str
    ) -> JsiiParameter:
        ref = self.type_ref(raw["type"], file, [*where, "type"])
        optional = bool(raw.get("optional", False))
        docs = self._docs(raw.get("docs"))
        return JsiiParameter(
            name=str(raw["name"]),
            python_name=python_name,
            type=ref,
            optional=optional,
            variadic=bool(raw.get("variadic", False)),
            annotation=self.annotation(ref, optional=optional, parameter=True),
            docs=docs,
            doc_line=param_doc_line(docs),
            defined_by=defined_by,
        )

    def _method(self, owner: str, raw: Mapping[str, Any], where: Sequence[PathPart], kind: str) -> JsiiMethod:
        entry = self._entry(owner, ())
        file = entry.file
        params: Sequence[Mapping[str, Any]] = raw.get("parameters", ())
        lifted = self._lifted_struct(params)
        keyword_only: List[JsiiParameter] = []
        lifted_names: set[str] = set()
        if lifted:
            struct = self._entry(lifted, [*where, "parameters", len(params) - 1, "type", "fqn"], file)
            # pacmak renames positional parameters colliding with the struct's *own* properties.
            lifted_names = {python_member_name(p["name"]) for p in struct.data.get("properties", ())}
            for defining, index, prop in self.lifted_properties(lifted):
                prop_file = self._entries[defining].file
                keyword_only.append(
                    self._parameter(
                        prop, python_member_name(prop["name"]), prop_file,
                        ["types", defining, "properties", index], defining,
                    )
                )
        positional: List[JsiiParameter] = []
        for index, param in enumerate(params[:-1] if lifted else params):
            name = python_member_name(param["name"])
            while name in lifted_names:
                name += "_"
            positional.append(self._parameter(param, name, file, [*where, "parameters", index], owner))
        returns_raw = raw.get("returns")
        returns = self.type_ref(returns_raw["type"], file, [*where, "returns", "type"]) if returns_raw else None
        returns_optional = bool(returns_raw.get("optional", False)) if returns_raw else False
        is_init = kind == "initializer"
        name = "<initializer>" if is_init else str(raw["name"])
        protected = bool(raw.get("protected", False))
        return JsiiMethod(
            name=name,
            python_name="__init__" if is_init else python_member_name(name, protected=protected),
            kind=kind,
            parameters=tuple(positional),
            keyword_only=tuple(keyword_only),
            lifted_struct=lifted,
            returns=returns,
            returns_optional=returns_optional,
            return_annotation="None" if is_init else self.annotation(returns, optional=returns_optional),
            docs=self._docs(raw.get("docs"), f"{owner}#{name}"),
            abstract=bool(raw.get("abstract", False)),
            protected=protected,
            is_async=bool(raw.get("async", False)),
            overrides=str(raw.get("overrides", "")),
            defined_by=owner,
        )

    def _property(self, owner: str, raw: Mapping[str, Any], where: Sequence[PathPart]) -> JsiiProperty:
        file = self._entry(owner, ()).file
        ref = self.type_ref(raw["type"], file, [*where, "type"])
        optional = bool(raw.get("optional", False))
        protected = bool(raw.get("protected", False))
        const = bool(raw.get("const", False))
        datatype = bool(self._entries[owner].data.get("datatype", False))
        return JsiiProperty(
            name=str(raw["name"]),
            # pacmak: struct fields are never prefixed or upper-cased; static properties
            # are upper-cased when constant but never prefixed.
            python_name=python_member_name(raw["name"]) if datatype else python_member_name(
                raw["name"], protected=protected and not raw.get("static", False), const=const
            ),
            type=ref,
            optional=optional,
            annotation=self.annotation(ref, optional=optional),
            docs=self._docs(raw.get("docs"), f"{owner}#{raw['name']}"),
            static=bool(raw.get("static", False)),
            immutable=bool(raw.get("immutable", False)),
            abstract=bool(raw.get("abstract", False)),
            protected=protected,
            const=const,
            overrides=str(raw.get("overrides", "")),
            defined_by=owner,
        )

    def _selected(
        self, fqn: str, members: Optional[Collection[str]], include_protected: bool
    ) -> Tuple[List[Tuple[int, Mapping[str, Any]]], List[Tuple[int, Mapping[str, Any]]]]:
        data = self._entry(fqn, ()).data
        methods = list(enumerate(data.get("methods", ())))
        properties = list(enumerate(data.get("properties", ())))
        if members is not None:
            names = {m["name"] for _, m in methods} | {p["name"] for _, p in properties}
            missing = sorted(set(members) - names)
            if missing:
                raise SpecError(self._entries[fqn].file, json_pointer(["types", fqn]), f"no member {missing[0]!r}")
            methods = [(i, m) for i, m in methods if m["name"] in members]
            properties = [(i, p) for i, p in properties if p["name"] in members]
        elif not include_protected:
            methods = [(i, m) for i, m in methods if not m.get("protected")]
            properties = [(i, p) for i, p in properties if not p.get("protected")]
        return methods, properties

    def _check_refs(self, fqn: str, key: str, refs: Sequence[str]) -> None:
        for i, ref in enumerate(refs):
            self._entry(ref, ["types", fqn, key, i], self._entries[fqn].file)

    # -- public conversion

    def get(self, fqn: str, *, members: Optional[Collection[str]] = None, include_protected: bool = False) -> JsiiType:
        kind = self.kind(fqn)
        if kind == "class":
            return self.get_class(fqn, members=members, include_protected=include_protected)
        if kind == "interface":
            return self.get_interface(fqn, members=members, include_protected=include_protected)
        return self.get_enum(fqn)

    def _common(self, fqn: str) -> Dict[str, Any]:
        entry = self._entry(fqn, ())
        return {
            "fqn": fqn,
            "assembly": str(entry.data["assembly"]),
            "name": str(entry.data["name"]),
            "python_name": self.python_name(fqn),
            "python_module": entry.python_module,
            "docs": self._docs(entry.data.get("docs"), fqn),
        }

    def get_class(
        self,
        fqn: str,
        *,
        members: Optional[Collection[str]] = None,
        include_protected: bool = False,
        with_initializer: bool = True,
    ) -> JsiiClass:
        """A class with its own members (all public ones, or the jsii-named ``members``) and,
        unless ``members`` are named or ``with_initializer`` is false, its initializer."""
        data = self._entry(fqn, ()).data
        if data["kind"] != "class":
            raise SpecError(self._entries[fqn].file, json_pointer(["types", fqn, "kind"]), "expected a class")
        base = str(data.get("base", ""))
        interfaces = tuple(str(i) for i in data.get("interfaces", ()))
        if members is None:
            self._check_refs(fqn, "interfaces", interfaces)
            if base:
                self._entry(base, ["types", fqn, "base"], self._entries[fqn].file)
        methods, properties = self._selected(fqn, members, include_protected)
        where: List[PathPart] = ["types", fqn]
        converted = [(m, self._method(fqn, m, [*where, "methods", i], "static" if m.get("static") else "method"))
                     for i, m in methods]
        props = [self._property(fqn, p, [*where, "properties", i]) for i, p in properties]
        initializer = None
        if "initializer" in data and members is None and with_initializer:
            initializer = self._method(fqn, data["initializer"], [*where, "initializer"], "initializer")
        return JsiiClass(
            **self._common(fqn),
            abstract=bool(data.get("abstract", False)),
            base=base,
            interfaces=interfaces,
            initializer=initializer,
            methods=tuple(c for m, c in converted if not m.get("static")),
            static_methods=tuple(c for m, c in converted if m.get("static")),
            properties=tuple(p for p in props if not p.static),
            static_properties=tuple(p for p in props if p.static),
            partial=members is not None,
        )

    def get_interface(
        self, fqn: str, *, members: Optional[Collection[str]] = None, include_protected: bool = False
    ) -> JsiiInterface:
        """An interface or struct with its own members (all, or the jsii-named ``members``)."""
        data = self._entry(fqn, ()).data
        if data["kind"] != "interface":
            raise SpecError(self._entries[fqn].file, json_pointer(["types", fqn, "kind"]), "expected an interface")
        interfaces = tuple(str(i) for i in data.get("interfaces", ()))
        if members is None:
            self._check_refs(fqn, "interfaces", interfaces)
        methods, properties = self._selected(fqn, members, include_protected)
        where: List[PathPart] = ["types", fqn]
        return JsiiInterface(
            **self._common(fqn),
            datatype=bool(data.get("datatype", False)),
            interfaces=interfaces,
            methods=tuple(self._method(fqn, m, [*where, "methods", i], "method") for i, m in methods),
            properties=tuple(self._property(fqn, p, [*where, "properties", i]) for i, p in properties),
            partial=members is not None,
        )

    def get_enum(self, fqn: str) -> JsiiEnum:
        data = self._entry(fqn, ()).data
        if data["kind"] != "enum":
            raise SpecError(self._entries[fqn].file, json_pointer(["types", fqn, "kind"]), "expected an enum")
        return JsiiEnum(
            **self._common(fqn),
            members=tuple(
                JsiiEnumMember(str(m["name"]), python_identifier(str(m["name"])), self._docs(m.get("docs")))
                for m in data["members"]
            ),
        )

    def struct_fields(self, fqn: str) -> Tuple[JsiiProperty, ...]:
        """All fields of a struct in the order of pacmak's struct ``__init__`` (jsii-reflect
        ``allProperties``): the bases' fields first (depth-first, declaration order), then
        its own; a redeclared field keeps its first position and takes the derived entry."""
        fields: Dict[str, JsiiProperty] = {}

        def visit(current: str) -> None:
            entry = self._entry(current, ())
            for i, base in enumerate(entry.data.get("interfaces", ())):
                self._entry(base, ["types", current, "interfaces", i], entry.file)
                visit(base)
            for i, prop in enumerate(entry.data.get("properties", ())):
                fields[prop["name"]] = self._property(current, prop, ["types", current, "properties", i])

        if not self._entry(fqn, ()).data.get("datatype"):
            raise SpecError(self._entries[fqn].file, json_pointer(["types", fqn]), "expected a struct (datatype)")
        visit(fqn)
        return tuple(fields.values())

    def class_api(self, fqn: str) -> JsiiClassApi:
        """The public API of a class as Python shows it: own and inherited members."""
        cls = self.get_class(fqn)
        chain = [cls]
        while chain[-1].base:
            chain.append(self.get_class(chain[-1].base, with_initializer=False))
        by_name: Dict[str, Dict[str, Any]] = {"m": {}, "p": {}, "sm": {}, "sp": {}}
        for klass in reversed(chain):  # most derived last: it wins
            for key, members in (
                ("m", klass.methods),
                ("p", klass.properties),
                ("sm", klass.static_methods),
                ("sp", klass.static_properties),
            ):
                for member in members:
                    for other in by_name.values():
                        other.pop(member.python_name, None)
                    by_name[key][member.python_name] = member

        def ordered(key: str) -> Tuple[Any, ...]:
            return tuple(by_name[key][name] for name in sorted(by_name[key]))

        return JsiiClassApi(
            cls=cls,
            ancestors=tuple(k.fqn for k in chain[1:]),
            methods=ordered("m"),
            properties=ordered("p"),
            static_methods=ordered("sm"),
            static_properties=ordered("sp"),
        )


# -- loading ---------------------------------------------------------------------------


def _read(path: Path) -> Any:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SpecError(str(path), "", f"cannot read: {exc.strerror or exc}") from None
    return specfiles.parse_json(raw, str(path))


def load_jsii(
    specs: Path,
    files: Sequence[str] = JSII_FILES,
    *,
    module_prefixes: Optional[Mapping[str, str]] = None,
) -> JsiiTypeSystem:
    """Read and validate the extracts (paths relative to ``specs``).

    ``module_prefixes`` (assembly name -> prefix) decides how named types render in
    the ``annotation`` strings of the converted members; bare names by default."""
    assemblies: Dict[str, JsiiAssembly] = {}
    entries: Dict[str, _Entry] = {}
    examples: Dict[str, str] = {}
    for name in files:
        path = specs / name
        file = str(path)
        document = _read(path)
        validate.check(document, SCHEMA_NAME, file)
        assembly = document["assembly"]
        python = assembly["targets"]["python"]
        if assembly["name"] in assemblies:
            raise SpecError(file, "/assembly/name", f"assembly {assembly['name']!r} is also in {assemblies[assembly['name']].file}")
        assemblies[assembly["name"]] = JsiiAssembly(
            name=assembly["name"],
            version=assembly["version"],
            fingerprint=assembly["fingerprint"],
            python_module=python["module"],
            python_dist=python["distName"],
            file=file,
        )
        for fqn, data in document["types"].items():
            if data["fqn"] != fqn:
                raise SpecError.at(file, ["types", fqn, "fqn"], f"{data['fqn']!r} is filed under {fqn!r}")
            if data["assembly"] != assembly["name"] or not fqn.startswith(assembly["name"] + "."):
                raise SpecError.at(file, ["types", fqn, "assembly"], f"not a type of {assembly['name']!r}")
            entries[fqn] = _Entry(file=file, data=data, python_module=python["module"])
        for key, source in document.get("pythonExamples", {}).items():
            if key.split("#", 1)[0] not in document["types"]:
                raise SpecError.at(file, ["pythonExamples", key], "an example of a type that is not in the file")
            examples[key] = source
    return JsiiTypeSystem(
        assemblies=assemblies,
        module_prefixes=dict(module_prefixes or {}),
        _entries=entries,
        _examples=examples,
    )

