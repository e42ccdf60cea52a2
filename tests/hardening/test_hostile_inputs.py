"""Spec strings crafted to escape their context reach the generated code as data only.

The real EventInvokeConfig inputs get hostile texts wherever a spec string reaches the
generated package: descriptions (docstrings), documentation URLs (``:see:`` lines),
patterns and enum values (value specs), the L2 binding's default and range message,
the registry version in provenance.json. The generated modules then:

* compile, and have the same syntax tree as those generated from the same inputs
  with harmless strings in the hostile ones' places (string constants aside): no
  statement, call or name comes from data; their calls and statement kinds are also
  among those of the module generated from the unmodified inputs;
* read back every string as it was given: docstrings hold the text (descriptions with
  their whitespace folded to single spaces, as ``views.property_doc`` documents;
  continuation lines re-indented, as ``escape.docstring_literal`` documents), patterns
  and enum values evaluate to the input values, template syntax stays text.

Names that would be code are refused with a pointer (the malformed corpus has more).
"""

from __future__ import annotations

import ast
import inspect
import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Set, Tuple

import pytest

from hardening_support import (
    TYPE,
    apply_ops,
    base_bindings,
    base_schema,
    base_spec,
    escape,
    make_specs,
    run_generate,
    subprocess_env,
)

RT = f"/ResourceTypes/{TYPE}"
PROPS = "/constructs/" + escape("@aws-cdk/aws-lambda.EventInvokeConfig") + "/props"
# The service module, the resource's L1 module and the L2 module it re-exports.
SERVICE = "cfnpy/aws_lambda/__init__.py"
MODULE = "cfnpy/aws_lambda/_cfn_event_invoke_config.py"
L2 = "cfnpy/aws_lambda/_api.py"
PACKAGE = "cfnpy/__init__.py"

# Texts that end a string or a docstring, or would be read as template or code.
CODE_LINES = '\n"""\nimport os\nos.system(\'echo pwned\')\n"""\n'
HOSTILE: Dict[str, Any] = {
    "resource_doc": "Resource ''' and \"\"\" and \"\"\"\" with \\ and \\\" and \\\\\"\"\" {{ 7 * 7 }} "
    "{% for x in range(3) %}x{% endfor %} {# note #} \u2028 \u2029 \x00 end" + CODE_LINES,
    "qualifier_doc": "''' ''''' \"\"\" \"\"\"\"\" \\N{BULLET} \\x00 \\u2028 \x00 \x07 \x1b[31m \U0001f600 "
    "{{ self }} {% raw %} \r\n\t\x0b\x0c\x1c\x85 \\",
    "struct_doc": '"Starts with a quote, ends with a backslash \\',
    "note_doc": 'ends with a quote "',
    "quoted_doc": '"""',
    "slash_doc": "\\",
    "code_doc": "Looks like code:" + CODE_LINES + "done",
    "pattern": '^[\'"]{3}\\\\(?:{{ 7*7 }}|{% if %}|\'\'\'|""")\n?"$',
    "enum": ["it's", 'say "hi"', "back\\slash", "new\nline", "{{ 7*7 }}", "{% raw %}", "\u2028", "nul\x00",
             "'''", '"""', "\\", "\U0001f600"],
    "see": "https://example.com/\"\"\"'''\\\x00\u2028{{ 7*7 }}\nimport os\n    os.system('x')\n\\",
    "resource_see": 'https://example.com/{% include "x" %}"',
    "default": "it's \"\"\" \\ {{ x }}\n\u2028",
    "range_error": "`retryAttempts` ''' \"\"\" \\ {{{{ 7*7 }}}} {{% if %}} must be {minimum}..{maximum}\n\u2028\x00",
    "version": "2026'''\"\"\"\\\n{{ 7*7 }}\x00",
}
HARMLESS: Dict[str, Any] = {
    **{key: "Plain text." for key in HOSTILE if key.endswith("_doc")},
    "pattern": "^[a-z]+$",
    "enum": [f"e{i}" for i in range(len(HOSTILE["enum"]))],
    "see": "https://example.com/x",
    "resource_see": "https://example.com/y",
    "default": "x",
    "range_error": "between {minimum} and {maximum}",
    "version": "2026",
}


def _dumps(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=True).encode()


def hostile_specs(target: Path, text: Mapping[str, Any]) -> Path:
    schema = apply_ops(
        base_schema(),
        [
            ("replace", "/description", text["resource_doc"]),
            ("replace", "/properties/Qualifier/description", text["qualifier_doc"]),
            ("replace", "/definitions/OnFailure/description", text["struct_doc"]),
            ("add", "/properties/Note", {"type": "string", "description": text["note_doc"]}),
            ("add", "/properties/Quoted", {"type": "string", "description": text["quoted_doc"]}),
            ("add", "/properties/Slash", {"type": "string", "description": text["slash_doc"]}),
            ("add", "/properties/Code", {"type": "string", "description": text["code_doc"], "pattern": text["pattern"]}),
            ("add", "/properties/Mode", {"type": "string", "description": "Mode.", "enum": text["enum"]}),
        ],
    )
    spec = apply_ops(
        base_spec(),
        [
            ("replace", RT + "/Properties/Qualifier/Documentation", text["see"]),
            ("replace", RT + "/Documentation", text["resource_see"]),
        ],
    )
    bindings = apply_ops(
        base_bindings(),
        [
            ("replace", PROPS + "/qualifier/default", text["default"]),
            ("replace", PROPS + "/retryAttempts/range_error", text["range_error"]),
        ],
    )
    specs = make_specs(target, schema=_dumps(schema), spec=_dumps(spec), bindings=_dumps(bindings))
    provenance = json.loads((specs / "provenance.json").read_text())
    provenance["inputs"]["registry-schemas"]["version"] = text["version"]
    (specs / "provenance.json").write_bytes(_dumps(provenance))
    return specs


def _generate(folder: Path, text: Optional[Mapping[str, Any]]) -> Path:
    specs = make_specs(folder / "specs") if text is None else hostile_specs(folder / "specs", text)
    result = run_generate(specs, folder / "out")
    assert result.status == 0, result.err
    return folder / "out"


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Path]:
    return {
        name: _generate(tmp_path_factory.mktemp(name), text)
        for name, text in (("hostile", HOSTILE), ("harmless", HARMLESS), ("unmodified", None))
    }


def _tree(out: Path, relative: str) -> ast.Module:
    source = (out / relative).read_text(encoding="utf-8")
    compile(source, relative, "exec")
    return ast.parse(source)


# -- the syntax tree comes from the templates only ------------------------------------------


class _Blank(ast.NodeTransformer):
    def visit_Constant(self, node: ast.Constant) -> ast.Constant:
        return ast.Constant("<str>") if isinstance(node.value, str) else node


def _shape(tree: ast.Module) -> str:
    return ast.dump(_Blank().visit(ast.parse(ast.unparse(tree))))


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return f"<{type(node).__name__}>"


def _calls(tree: ast.Module) -> Set[str]:
    return {_dotted(n.func) for n in ast.walk(tree) if isinstance(n, ast.Call)}


def _statement_kinds(tree: ast.Module) -> Set[str]:
    return {type(n).__name__ for n in ast.walk(tree) if isinstance(n, ast.stmt)}


def _names(tree: ast.Module) -> Set[str]:
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}


@pytest.mark.parametrize("relative", [SERVICE, MODULE, L2, PACKAGE])
def test_hostile_strings_change_no_code(outputs: Dict[str, Path], relative: str) -> None:
    hostile, harmless = _tree(outputs["hostile"], relative), _tree(outputs["harmless"], relative)
    assert _shape(hostile) == _shape(harmless)
    unmodified = _tree(outputs["unmodified"], relative)
    assert _calls(hostile) <= _calls(unmodified), _calls(hostile) - _calls(unmodified)
    assert _statement_kinds(hostile) <= _statement_kinds(unmodified)
    assert not {"os", "system", "__import__", "eval", "exec", "pwned"} & (_names(hostile) | _calls(hostile))


# -- strings read back as given ----------------------------------------------------------------


def folded(text: str) -> str:
    """A description as the property docs give it: whitespace folded (views.property_doc)."""
    return " ".join(text.split())


def _class(tree: ast.Module, name: str) -> ast.ClassDef:
    found = [n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and n.name == name]
    assert len(found) == 1, name
    return found[0]


def _attribute_docs(cls: ast.ClassDef) -> Dict[str, str]:
    """Attribute docstrings: the string statement right after each class-level assignment."""
    docs: Dict[str, str] = {}
    for statement, following in zip(cls.body, cls.body[1:]):
        target = None
        if isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name):
            target = statement.targets[0].id
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            target = statement.target.id
        if target and isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant):
            docs[target] = str(following.value.value)
    return docs


def _value_spec(cls: ast.ClassDef, attribute: str) -> Dict[str, Any]:
    """The keyword arguments of the value spec (``_p.String(pattern=..., enum=...)``) of a Prop."""
    for statement in cls.body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)) and ast.unparse(
            statement.targets[0] if isinstance(statement, ast.Assign) else statement.target
        ) == attribute:
            assert isinstance(statement.value, ast.Call)
            spec = statement.value.args[1]
            assert isinstance(spec, ast.Call)
            return {k.arg: ast.literal_eval(k.value) for k in spec.keywords if k.arg}
    raise AssertionError(attribute)


def cleandoc(value: str) -> str:
    """inspect.cleandoc without its tab expansion (tabs are data here)."""
    lines = value.split("\n")
    margin = min((len(line) - len(line.lstrip(" ")) for line in lines[1:] if line.strip()), default=0)
    lines = [lines[0]] + [line[margin:] for line in lines[1:]]
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


@pytest.fixture(scope="module")
def hostile_module(outputs: Dict[str, Path]) -> ast.Module:
    l1, l2 = _tree(outputs["hostile"], MODULE), _tree(outputs["hostile"], L2)
    return ast.Module(body=l1.body + l2.body, type_ignores=[])


def test_docstrings_read_back(hostile_module: ast.Module) -> None:
    cls = _class(hostile_module, "CfnEventInvokeConfig")
    docs = _attribute_docs(cls)
    # Alone in their docstring: the whole value is the text.
    assert docs["note"] == HOSTILE["note_doc"]
    assert docs["quoted"] == HOSTILE["quoted_doc"]
    assert docs["slash"] == HOSTILE["slash_doc"]
    # With constraint notes and a :see: line after them.
    qualifier = cleandoc(docs["qualifier"])
    assert qualifier.startswith(folded(HOSTILE["qualifier_doc"]) + " "), qualifier
    assert qualifier.endswith("\n\n:see: " + HOSTILE["see"]), qualifier
    code = docs["code"]
    assert code.startswith(folded(HOSTILE["code_doc"]) + " Pattern: ``" + folded(HOSTILE["pattern"]) + "``"), code
    assert folded("Allowed values: " + ", ".join(f"``{v}``" for v in HOSTILE["enum"])) in folded(docs["mode"])
    # Class docstrings.
    resource_doc = cleandoc(ast.get_docstring(cls, clean=False) or "")
    assert resource_doc.startswith(folded(HOSTILE["resource_doc"]) + "\n\n:cloudformationResource: " + TYPE + "\n")
    assert "\n:see: " + HOSTILE["resource_see"] + "\n" in resource_doc
    struct_doc = ast.get_docstring(_class(hostile_module, "OnFailureProperty"), clean=False) or ""
    assert struct_doc.startswith(folded(HOSTILE["struct_doc"]) + "\n"), struct_doc


def test_patterns_and_enums_evaluate_back(hostile_module: ast.Module) -> None:
    cls = _class(hostile_module, "CfnEventInvokeConfig")
    assert _value_spec(cls, "code") == {"pattern": HOSTILE["pattern"]}
    assert _value_spec(cls, "mode") == {"enum": tuple(HOSTILE["enum"])}


def test_l2_strings_evaluate_back(hostile_module: ast.Module) -> None:
    calls = [n for n in ast.walk(hostile_module) if isinstance(n, ast.Call) and _dotted(n.func) == "_l2.check_range"]
    messages = {ast.literal_eval(c.args[3]) for c in calls}
    assert HOSTILE["range_error"].format(minimum="0", maximum="2") in messages, messages
    defaults = [
        ast.literal_eval(n.values[1])
        for n in ast.walk(hostile_module)
        if isinstance(n, ast.BoolOp) and isinstance(n.op, ast.Or) and ast.unparse(n.values[0]) == "qualifier"
    ]
    assert defaults == [HOSTILE["default"]]


def test_versions_evaluate_back(outputs: Dict[str, Path]) -> None:
    tree = _tree(outputs["hostile"], PACKAGE)
    values = {
        ast.unparse(n.targets[0] if isinstance(n, ast.Assign) else n.target): n.value
        for n in tree.body
        if isinstance(n, (ast.Assign, ast.AnnAssign)) and n.value is not None
    }
    assert ast.literal_eval(values["REGISTRY_SCHEMA_VERSION"]) == HOSTILE["version"]
    module_doc = ast.get_docstring(_tree(outputs["hostile"], MODULE), clean=False) or ""
    assert "registry schemas " + HOSTILE["version"].split("\n")[0] in module_doc


def test_template_syntax_in_data_stays_text(outputs: Dict[str, Path]) -> None:
    """Had jinja read the data, ``{{ 7 * 7 }}`` would be 49 and the ``{% for %}`` three x's."""
    source = "".join((outputs["hostile"] / m).read_text(encoding="utf-8") for m in (MODULE, L2))
    for text in ("{{ 7 * 7 }}", "{% for x in range(3) %}x{% endfor %}", "{# note #}", "{{ self }}", "{% raw %}"):
        assert text in source, text
    assert "range(3) %}xxx" not in source


def test_generated_module_runs_with_hostile_values(outputs: Dict[str, Path]) -> None:
    """The package imports, reads its docstrings back, and validates against the hostile enum."""
    out = outputs["hostile"]
    script = textwrap.dedent(
        """
        import inspect, json, sys
        import cfnpy
        from cfnpy.aws_lambda import CfnEventInvokeConfig
        from cfnpy.core import App, Stack
        assert cfnpy.__file__.startswith(sys.argv[1]), cfnpy.__file__
        expected = json.loads(sys.argv[2])
        stack = Stack(App(), "S")
        for i, value in enumerate(expected["enum"]):
            c = CfnEventInvokeConfig(stack, f"C{i}", function_name="f", qualifier="q", mode=value)
            assert c.mode == value
        try:
            CfnEventInvokeConfig(stack, "Bad", function_name="f", qualifier="q", mode="e0")
        except ValueError:
            pass
        else:
            raise AssertionError("a value outside the enum was accepted")
        print(json.dumps({"doc": inspect.getdoc(CfnEventInvokeConfig), "version": cfnpy.REGISTRY_SCHEMA_VERSION}))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(out), json.dumps({"enum": HOSTILE["enum"]})],
        cwd=out,
        capture_output=True,
        text=True,
        env=subprocess_env(PYTHONPATH=str(out)),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(result.stdout)
    assert shown["version"] == HOSTILE["version"]
    assert shown["doc"].startswith(folded(HOSTILE["resource_doc"]) + "\n\n:cloudformationResource: ")


# -- names that would be code are refused ------------------------------------------------------

HOSTILE_NAMES = [
    "__import__('os').system('x')",
    "x=__import__('os')",
    "Name\nimport os",
    "Name #",
    "{{ name }}",
    "A\u2028B",
    "Ｆｕｌｌｗｉｄｔｈ",
    "exec(input())",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
@pytest.mark.parametrize("where", ["schema-property", "schema-definition", "spec-property"])
def test_hostile_names_are_refused(tmp_path: Path, name: str, where: str) -> None:
    if where == "schema-property":
        specs = make_specs(tmp_path / "specs", schema=apply_ops(base_schema(), [("add", "/properties/" + escape(name), {"type": "string"})]))
        file, pointer = "CloudformationSchema.zip!aws-lambda-eventinvokeconfig.json", "/properties"
    elif where == "schema-definition":
        specs = make_specs(tmp_path / "specs", schema=apply_ops(base_schema(), [("add", "/definitions/" + escape(name), {"type": "string"})]))
        file, pointer = "CloudformationSchema.zip!aws-lambda-eventinvokeconfig.json", "/definitions"
    else:
        specs = make_specs(tmp_path / "specs", spec=apply_ops(base_spec(), [("add", RT + "/Properties/" + escape(name), {"PrimitiveType": "String"})]))
        file, pointer = "CloudFormationResourceSpecification.json.gz", RT + "/Properties"
    result = run_generate(specs, tmp_path / "out")
    assert result.status == 2
    assert result.err.count("\n") == 1, result.err
    assert result.err.startswith(f"cfn-codegen: error: {specs}/{file}: {pointer}: "), result.err
    assert "does not match" in result.err
    assert not (tmp_path / "out").exists()
