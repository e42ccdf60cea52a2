"""``tests/api_render.render_api`` renders a class's API in the form of the CDK's API docs.

Checked on hand-made classes written in jsii-pacmak's docstring conventions, and
on classes built from what ``codegen.load.jsii`` loads from ``specs/l2/``: those
must render exactly as ``tests/golden/EventInvokeConfig.api.txt`` (the API the
generated ``cfnpy.aws_lambda.EventInvokeConfig`` must match).
"""

from __future__ import annotations

import datetime
import pathlib
import typing
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Union

import pytest

from api_render import format_annotation, format_signature, render_api, render_inline
from codegen.errors import SpecError
from codegen.load import jsii
from codegen.load.jsii import JsiiMethod, JsiiProperty, load_jsii

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden" / "EventInvokeConfig.api.txt"
SEED = Path("/work/shared/seeds/EventInvokeConfig.api.txt")
EVENT_INVOKE_CONFIG = "@aws-cdk/aws-lambda.EventInvokeConfig"


# -- hand-made classes, in pacmak's docstring conventions ---------------------------------


class Duration:
    """A length of time."""


class Node:
    """A tree node."""


class IWidgetTarget(typing.Protocol):
    """Something a widget points at."""


class Policy:
    class Kind:
        """A nested class."""


class Base:
    """A base."""

    def __init__(self, scope: "Base", id: str) -> None:
        pass

    @classmethod
    def is_base(cls, x: Any) -> bool:
        """Return whether the given object is a Base.

        :param x: -
        """
        return isinstance(x, Base)

    @staticmethod
    def helper(count: int = 3) -> List[str]:
        """A static helper.

        :param count: How many.
        """
        return []

    def to_string(self) -> str:
        """Returns a string representation of this construct."""
        return ""

    @property
    def node(self) -> Node:
        """The construct tree node associated with this construct."""
        return Node()

    def _hidden(self) -> None:
        """Not public."""


class Widget(Base):
    """Configure a widget.

    By default, a widget's text is
    folded into one line per paragraph.

    :exampleMetadata: fixture=_generated

    Example::

        # a comment
        widget = Widget(self, "W",
            name="name",

            size=123
        )
    """

    def __init__(
        self,
        scope: Base,
        id: str,
        *,
        name: str,
        label: typing.Optional[str] = None,
        size: typing.Optional[typing.Union[int, float]] = None,
        tags: typing.Optional[typing.List[str]] = None,
        meta: typing.Optional[typing.Mapping[str, typing.Any]] = None,
        target: typing.Optional["IWidgetTarget"] = None,
    ) -> None:
        """
        :param scope:
        :param id:
        :param name: The name.
        :param label: The label. Default: - no label
        :param size: The size. Minimum: 0 Maximum: 2 Default: 2
        :param tags: The tags.
        :param meta: Metadata.
        :param target: The target. Default: - none
        """

    def apply(self, policy: Policy, kind: Optional[Policy.Kind] = None) -> None:
        """Apply the given policy.

        The policy (``Policy.RETAIN``) is applied when you've
        "asked" for it.

        :param policy: -
        :param kind: The kind.
        """

    @property
    def age(self) -> Duration:
        """The age."""
        return Duration()

    @property
    def node(self) -> Node:
        return Node()


WIDGET_API = """\
Widget

class tests.Widget(scope, id, *, name, label=None, size=None, tags=None, meta=None, target=None)

Bases: Base

Configure a widget.

By default, a widget\u2019s text is folded into one line per paragraph.

ExampleMetadata:

fixture=_generated

Example:

# a comment
widget = Widget(self, "W",
    name="name",

    size=123
)
Parameters:
  \u2022 scope (Base) \u2013

  \u2022 id (str) \u2013

  \u2022 name (str) \u2013 The name.

  \u2022 label (Optional[str]) \u2013 The label. Default: - no label

  \u2022 size (Union[int, float, None]) \u2013 The size. Minimum: 0 Maximum: 2 Default: 2

  \u2022 tags (Optional[List[str]]) \u2013 The tags.

  \u2022 meta (Optional[Mapping[str, Any]]) \u2013 Metadata.

  \u2022 target (Optional[IWidgetTarget]) \u2013 The target. Default: - none

Methods

apply(policy, kind=None)

Apply the given policy.

The policy (Policy.RETAIN) is applied when you\u2019ve \u201casked\u201d for it.

Parameters:
  \u2022 policy (Policy) \u2013 -

  \u2022 kind (Optional[Kind]) \u2013 The kind.

Return type:

None

to_string()

Returns a string representation of this construct.

Return type:

str

Attributes

age

The age.

node

The construct tree node associated with this construct.

Static Methods

static helper(count=3)

A static helper.

Parameters:

count (int) \u2013 How many.

Return type:

List[str]

classmethod is_base(x)

Return whether the given object is a Base.

Parameters:

x (Any) \u2013 -

Return type:

bool"""


def test_renders_a_hand_made_class() -> None:
    assert render_api(Widget, module_label="tests") == WIDGET_API


def test_a_class_without_docs_or_members() -> None:
    class Plain:
        pass

    assert render_api(Plain, module_label="m") == "Plain\n\nclass m.Plain()\n\nBases: object"


@pytest.mark.parametrize(
    ("annotation", "shown"),
    [
        (str, "str"),
        (None, "None"),
        (type(None), "None"),
        (Any, "Any"),
        (Optional[str], "Optional[str]"),
        (Optional[Union[int, float]], "Union[int, float, None]"),
        (Union[int, float], "Union[int, float]"),
        (Union[str, Duration, None], "Union[str, Duration, None]"),
        (str | None, "Optional[str]"),
        (List[str], "List[str]"),
        (list[str], "list[str]"),
        (Sequence[Duration], "Sequence[Duration]"),
        (Mapping[str, Any], "Mapping[str, Any]"),
        (Dict[str, List[int]], "Dict[str, List[int]]"),
        (Optional[Mapping[str, Any]], "Optional[Mapping[str, Any]]"),
        (pathlib.PurePosixPath, "PurePosixPath"),
        (datetime.datetime, "datetime"),
        (Policy.Kind, "Kind"),
        (typing.Callable[[int], str], "Callable[[int], str]"),
        (typing.Literal["a"], "Literal['a']"),
        ("typing.Optional[aws_cdk.core.Duration]", "Optional[Duration]"),
        (typing.ForwardRef("IFunction"), "IFunction"),
    ],
)
def test_annotations_print_as_sphinx_prints_them(annotation: Any, shown: str) -> None:
    assert format_annotation(annotation) == shown


def test_signatures() -> None:
    def f(a: int, /, b: str, *args: int, c: int = 1, **kw: Any) -> None:
        pass

    def g(self: Any, x: int, *, y: Optional[str] = None, z: str = "z") -> None:
        pass

    assert format_signature(f, drop_first=False) == "(a, /, b, *args, c=1, **kw)"
    assert format_signature(g, drop_first=True) == "(x, *, y=None, z='z')"


def test_inline_markup_and_smart_quotes() -> None:
    assert render_inline("Use ``it's`` or `that <https://x>`_, :class:`~a.b.C` -- it's \"fine\"...") == (
        "Use it's or that, C \u2013 it\u2019s \u201cfine\u201d\u2026"
    )
    assert render_inline("Default: - latest version") == "Default: - latest version"


# -- the golden file ------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed is not on this machine")
def test_golden_is_the_seed_byte_for_byte() -> None:
    assert GOLDEN.read_bytes() == SEED.read_bytes()


def _stub_class(name: str, base: type, doc: str, members: Dict[str, Any]) -> type:
    cls = type(name, (base,), {"__doc__": doc or None, **members})
    cls.__qualname__ = name
    return cls


def _function(method: JsiiMethod, namespace: Dict[str, Any], first: str) -> Any:
    params = [first]
    for p in method.parameters:
        params.append(f"{p.python_name}: {p.annotation}" + (" = None" if p.optional else ""))
    if method.keyword_only:
        params.append("*")
        params.extend(f"{p.python_name}: {p.annotation}" + (" = None" if p.optional else "") for p in method.keyword_only)
    source = f"def {method.python_name}({', '.join(params)}) -> {method.return_annotation}:\n    pass\n"
    scope: Dict[str, Any] = {}
    exec(source, namespace, scope)
    function = scope[method.python_name]
    function.__doc__ = method.docstring or None
    return function


def _prop(member: JsiiProperty, namespace: Dict[str, Any]) -> property:
    scope: Dict[str, Any] = {}
    exec(f"def {member.python_name}(self) -> {member.annotation}:\n    pass\n", namespace, scope)
    getter = scope[member.python_name]
    getter.__doc__ = member.docstring or None
    return property(getter)


def _event_invoke_config_from_specs() -> type:
    """EventInvokeConfig and its bases as plain Python classes, from the loaded specs alone."""
    ts = load_jsii(ROOT / "specs", module_prefixes={"@aws-cdk/core": "", "constructs": ""})
    api = ts.class_api(EVENT_INVOKE_CONFIG)
    chain = [api.cls] + [ts.get_class(fqn, with_initializer=False) for fqn in api.ancestors]
    namespace: Dict[str, Any] = {"typing": typing, "datetime": datetime}
    for fqn in ts.fqns:  # every named type an annotation may mention
        namespace.setdefault(ts.python_name(fqn), type(ts.python_name(fqn), (), {}))
    cls: type = object
    for klass in reversed(chain):
        members: Dict[str, Any] = {}
        for method in api.methods:
            if method.defined_by == klass.fqn:
                members[method.python_name] = _function(method, namespace, "self")
        for static in api.static_methods:
            if static.defined_by == klass.fqn:
                members[static.python_name] = classmethod(_function(static, namespace, "cls"))
        for prop in api.properties:
            if prop.defined_by == klass.fqn:
                members[prop.python_name] = _prop(prop, namespace)
        if klass.initializer is not None:
            members["__init__"] = _function(klass.initializer, namespace, "self")
        cls = _stub_class(klass.python_name, cls, klass.docstring, members)
    return cls


def test_the_loaded_specs_render_as_the_golden_file() -> None:
    cls = _event_invoke_config_from_specs()
    assert render_api(cls, module_label="aws_cdk.aws_lambda") == GOLDEN.read_text(encoding="utf-8")


# -- the loader (codegen.load.jsii) ------------------------------------------------------


@pytest.fixture(scope="module")
def ts() -> jsii.JsiiTypeSystem:
    return load_jsii(ROOT / "specs")


@pytest.mark.parametrize(
    ("jsii_name", "python_name"),
    [
        ("maxEventAge", "max_event_age"),
        ("function", "function"),
        ("lambda", "lambda_"),
        ("isConstruct", "is_construct"),
        ("toString", "to_string"),
        ("functionArn", "function_arn"),
        ("memorySizeMiB", "memory_size_mib"),
        ("s3Bucket", "s3_bucket"),
        ("bucketURLForObject", "bucket_url_for_object"),
        ("id", "id"),
        ("x", "x"),
    ],
)
def test_python_names(jsii_name: str, python_name: str) -> None:
    assert jsii.python_member_name(jsii_name) == python_name


def test_lifted_keyword_arguments_follow_pacmak(ts: jsii.JsiiTypeSystem) -> None:
    init = ts.get_class(EVENT_INVOKE_CONFIG).initializer
    assert init is not None
    assert init.signature == (
        "scope, id, *, function, qualifier=None, max_event_age=None, on_failure=None, on_success=None,"
        " retry_attempts=None"
    )
    assert [(p.python_name, p.annotation) for p in init.all_parameters] == [
        ("scope", "Construct"),
        ("id", "str"),
        ("function", "IFunction"),
        ("qualifier", "typing.Optional[str]"),
        ("max_event_age", "typing.Optional[Duration]"),
        ("on_failure", "typing.Optional[IDestination]"),
        ("on_success", "typing.Optional[IDestination]"),
        ("retry_attempts", "typing.Union[int, float, None]"),
    ]
    assert init.lifted_struct == "@aws-cdk/aws-lambda.EventInvokeConfigProps"
    # A struct's own __init__ takes its bases' fields first (jsii-reflect allProperties).
    fields = ts.struct_fields("@aws-cdk/aws-lambda.EventInvokeConfigProps")
    assert [f.python_name for f in fields] == [
        "max_event_age", "on_failure", "on_success", "retry_attempts", "function", "qualifier",
    ]


def test_methods_lift_an_optional_struct_parameter(ts: jsii.JsiiTypeSystem) -> None:
    (bind,) = ts.get_interface("@aws-cdk/aws-lambda.IDestination").methods
    assert bind.signature == "scope, fn, *, type"
    assert bind.return_annotation == "DestinationConfig"
    duration = ts.get_class("@aws-cdk/core.Duration")
    to_days = next(m for m in duration.methods if m.python_name == "to_days")
    assert to_days.signature == "*, integral=None"
    assert to_days.return_annotation == "typing.Union[int, float]"


def test_annotations_with_module_prefixes(ts: jsii.JsiiTypeSystem) -> None:
    prefixed = load_jsii(ROOT / "specs", module_prefixes={"@aws-cdk/core": "core.", "constructs": "constructs."})
    init = prefixed.get_class(EVENT_INVOKE_CONFIG).initializer
    assert init is not None
    assert [p.annotation for p in init.all_parameters[:5]] == [
        "constructs.Construct", "str", "IFunction", "typing.Optional[str]", "typing.Optional[core.Duration]",
    ]
    named = jsii.JsiiTypeRef("named", fqn="x.T", assembly="x", python_name="T")
    number = jsii.JsiiTypeRef("primitive", primitive="number")
    union = jsii.JsiiTypeRef("union", items=(jsii.JsiiTypeRef("primitive", primitive="string"), number))
    assert jsii.python_annotation(jsii.JsiiTypeRef("array", items=(named,))) == "typing.List[T]"
    assert jsii.python_annotation(jsii.JsiiTypeRef("array", items=(named,)), parameter=True) == "typing.Sequence[T]"
    assert jsii.python_annotation(jsii.JsiiTypeRef("map", items=(number,))) == (
        "typing.Mapping[str, typing.Union[int, float]]"
    )
    assert jsii.python_annotation(union, optional=True) == "typing.Union[str, int, float, None]"
    assert jsii.python_annotation(jsii.JsiiTypeRef("primitive", primitive="json"), optional=True) == "typing.Any"
    assert jsii.python_annotation(jsii.JsiiTypeRef("primitive", primitive="date")) == "datetime.datetime"
    assert jsii.python_annotation(None) == "None"


def test_inherited_api_and_where_its_docs_come_from(ts: jsii.JsiiTypeSystem) -> None:
    api = ts.class_api(EVENT_INVOKE_CONFIG)
    assert api.ancestors == ("@aws-cdk/core.Resource", "@aws-cdk/core.Construct", "constructs.Construct")
    assert [(m.python_name, m.defined_by) for m in api.methods] == [
        ("apply_removal_policy", "@aws-cdk/core.Resource"),
        ("to_string", "constructs.Construct"),
    ]
    assert [(p.python_name, p.defined_by) for p in api.properties] == [
        ("env", "@aws-cdk/core.Resource"),
        ("node", "@aws-cdk/core.Construct"),
        ("stack", "@aws-cdk/core.Resource"),
    ]
    assert [(m.python_name, m.defined_by) for m in api.static_methods] == [
        ("is_construct", "@aws-cdk/core.Construct"),
        ("is_resource", "@aws-cdk/core.Resource"),
    ]
    assert api.cls.docs.custom == (("exampleMetadata", "fixture=_generated"),)
    assert api.cls.docs.python_example.startswith("# The code below shows an example")


def test_doc_lines() -> None:
    docs = jsii.JsiiDocs(summary="The maximum age.", remarks="Minimum: 60 seconds\nMaximum: 6 hours",
                         default="Duration.hours(6)", stability="stable")
    assert jsii.param_doc_line(docs) == "The maximum age. Minimum: 60 seconds Maximum: 6 hours Default: Duration.hours(6)"
    assert jsii.param_doc_line(jsii.JsiiDocs(stability="stable")) == ""
    assert jsii.param_doc_line(jsii.JsiiDocs(summary="New.", stability="experimental")) == "(experimental) New."
    assert jsii.doc_text(jsii.JsiiDocs(summary="S.", remarks="Use `x` and [y](https://y).\n\nMore.")) == (
        "S.\n\nUse ``x`` and `y <https://y>`_.\n\nMore."
    )


def test_members_can_be_picked_from_types_kept_whole(ts: jsii.JsiiTypeSystem) -> None:
    function = ts.get_class("@aws-cdk/aws-lambda.Function", members={"fromFunctionArn", "fromFunctionName"})
    assert function.partial
    assert [(m.python_name, m.signature, m.return_annotation) for m in function.static_methods] == [
        ("from_function_arn", "scope, id, function_arn", "IFunction"),
        ("from_function_name", "scope, id, function_name", "IFunction"),
    ]
    with pytest.raises(SpecError) as error:
        ts.get_class("@aws-cdk/aws-lambda.Function", members={"noSuchMember"})
    assert "no member 'noSuchMember'" in str(error.value)


def test_a_reference_to_a_type_not_extracted_is_a_spec_error(ts: jsii.JsiiTypeSystem) -> None:
    with pytest.raises(SpecError) as error:
        ts.get_interface("@aws-cdk/aws-lambda.IFunction", members={"role"})
    assert error.value.file.endswith("aws-lambda.jsii.json")
    assert error.value.pointer == "/types/@aws-cdk~1aws-lambda.IFunction/properties/7/type/fqn"
    assert "'@aws-cdk/aws-iam.IRole' is not in the extracted files" in error.value.reason
    with pytest.raises(SpecError) as error:
        ts.get_interface("@aws-cdk/aws-lambda.IFunction")
    assert error.value.pointer == "/types/@aws-cdk~1aws-lambda.IFunction/interfaces/1"


def _write(tmp: Path, document: Any) -> Path:
    import json

    (tmp / "l2").mkdir(exist_ok=True)
    (tmp / "l2" / "x.jsii.json").write_text(json.dumps(document))
    return tmp


def _minimal() -> Dict[str, Any]:
    return {
        "assembly": {"name": "x", "version": "1.0.0", "fingerprint": "f",
                     "targets": {"python": {"module": "x", "distName": "x"}}},
        "types": {
            "x.A": {"assembly": "x", "fqn": "x.A", "kind": "class", "name": "A",
                    "properties": [{"name": "b", "type": {"fqn": "x.B"}}]},
        },
    }


def test_structure_is_validated(tmp_path: Path) -> None:
    document = _minimal()
    document["types"]["x.A"]["properties"][0]["type"] = {"primitive": "text"}
    with pytest.raises(SpecError) as error:
        load_jsii(_write(tmp_path, document), ["l2/x.jsii.json"])
    assert error.value.pointer == "/types/x.A/properties/0/type/primitive"


def test_unknown_references_are_located(tmp_path: Path) -> None:
    ts = load_jsii(_write(tmp_path, _minimal()), ["l2/x.jsii.json"])
    with pytest.raises(SpecError) as error:
        ts.get_class("x.A")
    assert error.value.pointer == "/types/x.A/properties/0/type/fqn"
    document = _minimal()
    document["types"]["x.A"]["fqn"] = "x.C"
    with pytest.raises(SpecError) as error:
        load_jsii(_write(tmp_path, document), ["l2/x.jsii.json"])
    assert error.value.pointer == "/types/x.A/fqn"
