"""The L2 API of a service module, from AWS CDK's jsii assembly and a binding file.

``specs/l2/<module>.bindings.json`` names the jsii types generated as declared
(enums, structs, behavioural interfaces) and, for each L2 construct, how its
props become properties of its L1 resource. The bounds of the L2 checks come
from the L1 property's registry-schema constraints, never from the binding.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Set, Tuple

from codegen.errors import SpecError
from codegen.load import validate
from codegen.load.jsii import (
    JsiiDocs,
    JsiiInterface,
    JsiiMethod,
    JsiiProperty,
    JsiiTypeRef,
    JsiiTypeSystem,
    docstring,
    load_jsii,
)
from codegen.load.specfiles import parse_json
from codegen.model.types import Property, ResourceType
from codegen.model.schema import number_text

BINDINGS_DIR = "l2"
CORE_ASSEMBLIES = ("@aws-cdk/core", "constructs")
_CDK_IMPORT = re.compile(r"^(\s*)(import|from) aws_cdk\b", re.MULTILINE)


@dataclass(frozen=True)
class L2Field:
    name: str
    annotation: str
    optional: bool
    doc: str


@dataclass(frozen=True)
class L2Enum:
    name: str
    doc: str
    members: Tuple[Tuple[str, str], ...]


@dataclass(frozen=True)
class L2Struct:
    name: str
    doc: str
    fields: Tuple[L2Field, ...]


@dataclass(frozen=True)
class L2Method:
    name: str
    positional: Tuple[L2Field, ...]
    keyword_only: Tuple[L2Field, ...]
    returns: str
    doc: str


@dataclass(frozen=True)
class L2Protocol:
    name: str
    doc: str
    properties: Tuple[L2Field, ...]
    methods: Tuple[L2Method, ...]


@dataclass(frozen=True)
class L1Argument:
    """``name=expression`` in the call that creates the L1 resource."""

    name: str
    expression: str


@dataclass(frozen=True)
class L2Construct:
    name: str
    base: str
    doc: str
    init: L2Method
    checks: Tuple[str, ...]
    l1_class: str
    l1_id: str
    l1_arguments: Tuple[L1Argument, ...]


@dataclass(frozen=True)
class L2Module:
    enums: Tuple[L2Enum, ...]
    structs: Tuple[L2Struct, ...]
    protocols: Tuple[L2Protocol, ...]
    constructs: Tuple[L2Construct, ...]
    core_imports: Tuple[str, ...]
    local_imports: Tuple[Tuple[str, Tuple[str, ...]], ...]


def bindings_file(specs: Path, module: str) -> Path:
    return specs / BINDINGS_DIR / f"{module}.bindings.json"


def cfnpy_example(text: str) -> str:
    """An AWS CDK example with its ``aws_cdk`` imports turned into ``cfnpy`` ones."""
    return _CDK_IMPORT.sub(lambda m: f"{m.group(1)}{m.group(2)} cfnpy", text)


def hand_written_exports(path: Path) -> Tuple[str, ...]:
    """The ``__all__`` of a hand-written module, read without importing it."""
    tree = ast.parse(path.read_text(), str(path))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            value = ast.literal_eval(node.value)
            if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
                return tuple(value)
    raise SpecError(str(path), "", "a hand-written module must list its public names in __all__")


def _doc(docs: JsiiDocs, arguments: Sequence[Tuple[str, str]] = ()) -> str:
    """A jsii docstring, its example importing from cfnpy instead of aws_cdk."""
    return docstring(replace(docs, python_example=cfnpy_example(docs.python_example)), arguments)


class _Builder:
    def __init__(self, ts: JsiiTypeSystem, file: str, local: Mapping[str, str]) -> None:
        self.ts = ts
        self.file = file
        self.local = dict(local)  # python name -> module it is imported from ("" = generated here)
        self.referenced: Set[Tuple[str, str]] = set()

    def error(self, path: Sequence[Any], reason: str) -> SpecError:
        return SpecError.at(self.file, path, reason)

    def _visit(self, ref: Optional[JsiiTypeRef]) -> None:
        if ref is None:
            return
        if ref.kind == "named":
            self.referenced.add((ref.assembly, ref.python_name))
        for item in ref.items:
            self._visit(item)

    def field(self, prop: JsiiProperty) -> L2Field:
        self._visit(prop.type)
        return L2Field(prop.python_name, prop.annotation, prop.optional, prop.doc_line)

    def method(self, method: JsiiMethod) -> L2Method:
        fields = []
        for param in method.all_parameters:
            self._visit(param.type)
            fields.append(L2Field(param.python_name, param.annotation, param.optional, param.doc_line))
        self._visit(method.returns)
        positional = tuple(fields[: len(method.parameters)])
        return L2Method(
            name=method.python_name,
            positional=positional,
            keyword_only=tuple(fields[len(method.parameters) :]),
            returns=method.return_annotation,
            doc=_doc(method.docs, [(p.python_name, p.doc_line) for p in method.all_parameters]),
        )

    def enum(self, fqn: str) -> L2Enum:
        enum = self.ts.get_enum(fqn)
        return L2Enum(enum.python_name, _doc(enum.docs), tuple((m.python_name, _doc(m.docs)) for m in enum.members))

    def interface(self, fqn: str) -> L2Struct | L2Protocol:
        interface: JsiiInterface = self.ts.get_interface(fqn)
        if interface.datatype:
            fields = tuple(self.field(p) for p in self.ts.struct_fields(fqn))
            return L2Struct(interface.python_name, _doc(interface.docs), fields)
        return L2Protocol(
            interface.python_name,
            _doc(interface.docs),
            tuple(self.field(p) for p in interface.properties),
            tuple(self.method(m) for m in interface.methods),
        )

    def imports(self, module: str) -> Tuple[Tuple[str, ...], Tuple[Tuple[str, Tuple[str, ...]], ...]]:
        core: List[str] = []
        local: Dict[str, List[str]] = {}
        for assembly, name in sorted(self.referenced):
            if assembly in CORE_ASSEMBLIES:
                core.append(name)
            elif name in self.local:
                if self.local[name]:
                    local.setdefault(self.local[name], []).append(name)
            else:
                raise self.error(
                    [], f"{name} ({assembly}) is used by the {module} L2 API but neither generated nor hand-written"
                )
        return tuple(sorted(set(core))), tuple((m, tuple(sorted(set(n)))) for m, n in sorted(local.items()))


def _l1_property(resource: ResourceType, path: Sequence[str], where: List[Any], builder: _Builder) -> List[Property]:
    """The chain of L1 properties a dotted CloudFormation path goes through."""
    chain: List[Property] = []
    properties = resource.properties
    structs = {s.cfn_name: s for s in resource.property_types}
    for index, name in enumerate(path):
        found = next((p for p in properties if p.cfn_name == name), None)
        if found is None:
            raise builder.error(where, f"{resource.type_name} has no property {'.'.join(path[: index + 1])}")
        chain.append(found)
        if index + 1 < len(path):
            if found.type.kind != "struct":
                raise builder.error(where, f"{'.'.join(path[: index + 1])} is not a structure")
            properties = structs[found.type.struct].properties
    return chain


def _value_expression(name: str, binding: Mapping[str, Any], enums: Mapping[str, str]) -> str:
    """The L1 value of one L2 prop, for a prop that is set."""
    convert = binding.get("convert", "value")
    if convert == "attribute":
        return f"{name}.{binding['attribute']}"
    if convert == "duration":
        return f"{name}.to_{binding['unit']}()"
    if convert == "bind":
        args = "".join(f", {key}={enums[arg['enum']]}.{arg['member']}" for key, arg in sorted(binding.get("args", {}).items()))
        return f"{name}.bind(self, {binding['to']}{args}).{binding['field']}"
    return name


def _guarded(name: str, binding: Mapping[str, Any], expression: str, optional: bool, literal: Any) -> str:
    if expression == name and "default" not in binding:
        return name
    if "default" in binding:
        default = literal(binding["default"])
        if binding.get("empty_is_default") and expression == name:
            return f"{name} or {default}"
        return f"{default} if {name} is None else {expression}"
    if not optional:
        return expression
    return f"None if {name} is None else {expression}"


def build_l2(
    *,
    specs: Path,
    module: str,
    resources: Sequence[ResourceType],
    hand_written: Mapping[str, Tuple[str, ...]],
    literal: Any,
) -> Optional[L2Module]:
    """The L2 API of ``module``, or None when it has no binding file.

    ``hand_written`` maps hand-written module names (``_function``) to their exports;
    ``literal`` is the escaping function every data string goes through."""
    path = bindings_file(specs, module)
    if not path.exists():
        return None
    file = str(path)
    bindings = parse_json(path.read_bytes(), file)
    validate.check(bindings, "l2-bindings", file)
    if bindings["module"] != module:
        raise SpecError(file, "/module", f"expected {module!r}")
    ts = load_jsii(specs)
    for index, fqn in enumerate(bindings["types"]):
        if fqn not in ts.fqns:
            raise SpecError.at(file, ["types", index], f"{fqn} is not in the jsii extracts")
    for fqn in bindings["constructs"]:
        if fqn not in ts.fqns:
            raise SpecError.at(file, ["constructs", fqn], f"{fqn} is not in the jsii extracts")
    generated_names = {ts.python_name(fqn): "" for fqn in [*bindings["types"], *bindings["constructs"]]}
    local = {name: f".{mod}" for mod, names in hand_written.items() for name in names}
    builder = _Builder(ts, file, {**local, **generated_names})

    enums: List[L2Enum] = []
    structs: List[L2Struct] = []
    protocols: List[L2Protocol] = []
    for index, fqn in enumerate(bindings["types"]):
        if ts.kind(fqn) == "enum":
            enums.append(builder.enum(fqn))
        elif ts.kind(fqn) == "interface":
            made = builder.interface(fqn)
            if isinstance(made, L2Struct):
                structs.append(made)
            else:
                protocols.append(made)
        else:
            raise builder.error(["types", index], f"{fqn} is a {ts.kind(fqn)}: list classes under constructs")

    enum_names = {fqn: ts.python_name(fqn) for fqn in bindings["types"] if ts.kind(fqn) == "enum"}
    by_type = {r.type_name: r for r in resources}
    constructs = []
    for fqn, construct in sorted(bindings["constructs"].items()):
        where: List[Any] = ["constructs", fqn]
        resource = by_type.get(construct["resource"])
        if resource is None:
            raise builder.error([*where, "resource"], f"{construct['resource']} is not generated in {module}")
        cls = ts.get_class(fqn)
        if cls.initializer is None:
            raise builder.error(where, f"{fqn} has no initializer")
        init = builder.method(cls.initializer)
        if len(init.positional) != 2:
            raise builder.error(where, f"{fqn}'s initializer is not (scope, id, *, props)")
        scope, ident = (p.name for p in init.positional)
        params = {p.name: p for p in cls.initializer.all_parameters}
        checks: List[str] = []
        nested: Dict[str, Any] = {}
        for prop_name, binding in sorted(construct["props"].items()):
            prop_where = [*where, "props", prop_name]
            if prop_name not in params:
                raise builder.error(prop_where, f"{fqn} has no prop {prop_name!r}")
            param = params[prop_name]
            chain = _l1_property(resource, binding["property"].split("."), [*prop_where, "property"], builder)
            for arg in binding.get("args", {}).values():
                if arg["enum"] not in enum_names:
                    raise builder.error([*prop_where, "args"], f"{arg['enum']} is not generated here")
            if binding.get("convert") == "bind" and binding["to"] not in params:
                raise builder.error([*prop_where, "to"], f"{fqn} has no prop {binding['to']!r}")
            value = _value_expression(param.python_name, binding, enum_names)
            expression = _guarded(param.python_name, binding, value, param.optional, literal)
            if "range_error" in binding:
                c = chain[-1].type.constraints
                if c.minimum is None or c.maximum is None:
                    raise builder.error([*prop_where, "range_error"], f"{binding['property']} has no minimum and maximum")
                message = binding["range_error"].format(minimum=number_text(c.minimum), maximum=number_text(c.maximum))
                checks.append(
                    f"_l2.check_range({expression}, {literal(c.minimum)}, {literal(c.maximum)}, {literal(message)}, {scope}, {ident})"
                )
            slot = nested
            for link in chain[:-1]:
                slot = slot.setdefault(link.python_name, {})
            slot[chain[-1].python_name] = expression
        doc = _doc(cls.docs)
        constructs.append(
            L2Construct(
                name=cls.python_name,
                base=ts.python_name(cls.base),
                doc=doc,
                init=init,
                checks=tuple(checks),
                l1_class=resource.class_name,
                l1_id=construct["id"],
                l1_arguments=tuple(L1Argument(k, _nested_expression(v, literal)) for k, v in nested.items()),
            )
        )
        builder.referenced.add((CORE_ASSEMBLIES[0], ts.python_name(cls.base)))
    core, local_imports = builder.imports(module)
    return L2Module(tuple(enums), tuple(structs), tuple(protocols), tuple(constructs), core, local_imports)


def _nested_expression(value: Any, literal: Any) -> str:
    """A nested L1 property as a dict of its set keys (``None`` when none is set)."""
    if isinstance(value, str):
        return value
    items = ", ".join(f"{literal(key)}: {_nested_expression(inner, literal)}" for key, inner in value.items())
    return f"_l2.compact({{{items}}})"


__all__ = ["L2Module", "build_l2", "cfnpy_example", "hand_written_exports"]
