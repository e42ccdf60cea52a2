"""Token encoding (strings, numbers, lists) and resolution."""

from __future__ import annotations

import struct
from enum import Enum
from typing import Any

import pytest

from cfnpy.core import (
    App,
    Aws,
    CfnParameter,
    CfnRenderable,
    CfnResource,
    Construct,
    Intrinsic,
    IResolvable,
    IResolveContext,
    Lazy,
    Reference,
    ResolutionError,
    Stack,
    Token,
    Tokenization,
)


def new_stack() -> Stack:
    return Stack(App(), "S")


class Fixed(IResolvable):
    def __init__(self, value: Any) -> None:
        self.value = value
        self.calls = 0

    def resolve(self, context: IResolveContext) -> Any:
        self.calls += 1
        return self.value


# -- is_unresolved ---------------------------------------------------------------


@pytest.mark.parametrize("value", ["", "plain", "${Token[", "a]}", "${Token[]}", "e+289", 0, 1, True, None, 1.5, [], ["a"], {}])
def test_plain_values_are_not_tokens(value: Any) -> None:
    assert not Token.is_unresolved(value)


def test_encoded_values_are_tokens() -> None:
    token = Fixed("x")
    assert Token.is_unresolved(token)
    assert Token.is_unresolved(Token.as_string(token))
    assert Token.is_unresolved("prefix-" + Token.as_string(token) + "-suffix")
    assert Token.is_unresolved(Token.as_number(Fixed(1)))
    assert Token.is_unresolved(Token.as_list(Fixed(["a"])))
    assert not Token.is_unresolved(Token.as_list(Fixed(["a"])) + ["b"])
    assert Token.is_unresolved(f"{Token.as_number(Fixed(1))} seconds")


def test_string_encoding_format_and_caching() -> None:
    token = Fixed("x")
    encoded = Token.as_string(token, display_hint="My Hint/x")
    assert encoded.startswith("${Token[My.Hint.x.") and encoded.endswith("]}")
    assert Token.as_string(token) == encoded
    assert Token.as_string("literal") == "literal"
    assert Tokenization.reverse_complete_string(encoded) is token
    assert Tokenization.reverse(encoded) is token


def test_number_encoding_bit_pattern() -> None:
    token = Fixed(42)
    number = Token.as_number(token)
    bits = struct.unpack("<Q", struct.pack("<d", number))[0]
    assert bits >> 48 == 0xFBFF
    assert -1.9e289 < number < -1.8e289
    assert Token.as_number(token) == number
    assert Token.as_number(7) == 7
    assert Tokenization.reverse_number(number) is token
    assert Tokenization.reverse_number(1.0) is None
    assert new_stack().resolve({"N": number}) == {"N": 42}


def test_number_token_in_a_string() -> None:
    stack = new_stack()
    param = CfnParameter(stack, "Count", type="Number")
    text = f"{param.value_as_number} items"
    assert stack.resolve(text) == {"Fn::Join": ["", [{"Ref": "Count"}, " items"]]}


def test_list_encoding() -> None:
    stack = new_stack()
    token = Fixed(["a", "b"])
    encoded = Token.as_list(token)
    assert len(encoded) == 1 and encoded[0].startswith("#{Token[")
    assert Tokenization.reverse_list(encoded) is token
    assert stack.resolve({"L": encoded}) == {"L": ["a", "b"]}
    with pytest.raises(ResolutionError, match="Cannot add elements to list token"):
        stack.resolve(encoded + ["c"])
    with pytest.raises(ResolutionError, match="Cannot concatenate strings in a tokenized string array"):
        stack.resolve(["x" + encoded[0]])
    with pytest.raises(ResolutionError, match=r"Found an encoded list token string in a scalar string context\. Use 'Fn.select\(0, list\)'"):
        stack.resolve(encoded[0])


# -- resolution ------------------------------------------------------------------


def test_string_concatenation_becomes_fn_join() -> None:
    stack = new_stack()
    param = CfnParameter(stack, "P")
    assert stack.resolve(f"arn:{param.value_as_string}") == {"Fn::Join": ["", ["arn:", {"Ref": "P"}]]}
    assert stack.resolve(param.value_as_string) == {"Ref": "P"}
    two = f"{param.value_as_string}-{Aws.REGION}/x"
    assert stack.resolve(two) == {
        "Fn::Join": ["", [{"Ref": "P"}, "-", {"Ref": "AWS::Region"}, "/x"]]
    }


def test_string_tokens_resolving_to_literals_are_folded() -> None:
    stack = new_stack()
    text = "a" + Token.as_string(Fixed("b")) + "c" + Token.as_string(Fixed(1))
    assert stack.resolve(text) == "abc1"
    assert stack.resolve(Token.as_string(Fixed(2.0)) + "x") == "2x"


def test_plus_operator_on_tokens() -> None:
    stack = new_stack()
    bucket = CfnResource(stack, "B", type="AWS::S3::Bucket")
    arn = bucket.get_att("Arn")
    assert stack.resolve("arn=" + arn) == {"Fn::Join": ["", ["arn=", {"Fn::GetAtt": ["B", "Arn"]}]]}
    assert stack.resolve(arn + "/*") == {"Fn::Join": ["", [{"Fn::GetAtt": ["B", "Arn"]}, "/*"]]}
    param = CfnParameter(stack, "P")
    assert str(param) == "S/P"
    assert stack.resolve("x" + param) == {"Fn::Join": ["", ["x", {"Ref": "P"}]]}


def test_ref_and_get_att() -> None:
    stack = new_stack()
    bucket = CfnResource(Construct(stack, "Bucket"), "Resource", type="AWS::S3::Bucket")
    assert stack.resolve(bucket.ref) == {"Ref": bucket.logical_id}
    att = bucket.get_att("Arn")
    assert isinstance(att, Reference)
    assert att.target is bucket
    assert bucket.get_att("Arn") is att
    assert stack.resolve(att) == {"Fn::GetAtt": [bucket.logical_id, "Arn"]}
    assert stack.resolve(att.to_string()) == {"Fn::GetAtt": [bucket.logical_id, "Arn"]}
    assert str(att) == att.to_string()
    assert "Resource.Arn" in att.to_string()


def test_cross_stack_reference_is_an_error() -> None:
    app = App()
    one = Stack(app, "One")
    two = Stack(app, "Two")
    bucket = CfnResource(one, "B", type="AWS::S3::Bucket")
    CfnResource(two, "User", type="AWS::X::Y", properties={"Arn": bucket.get_att("Arn")})
    with pytest.raises(ResolutionError, match="Cross-stack reference from stack 'Two' to 'One/B'"):
        two.to_template()


def test_pseudo_parameters() -> None:
    stack = new_stack()
    expected = {
        Aws.ACCOUNT_ID: "AWS::AccountId",
        Aws.REGION: "AWS::Region",
        Aws.PARTITION: "AWS::Partition",
        Aws.STACK_NAME: "AWS::StackName",
        Aws.STACK_ID: "AWS::StackId",
        Aws.URL_SUFFIX: "AWS::URLSuffix",
        Aws.NO_VALUE: "AWS::NoValue",
    }
    for token, name in expected.items():
        assert Token.is_unresolved(token)
        assert stack.resolve(token) == {"Ref": name}
    assert stack.resolve(Aws.NOTIFICATION_ARNS) == {"Ref": "AWS::NotificationARNs"}
    assert Aws.REGION.startswith("${Token[AWS.Region.")


def test_none_values_are_dropped() -> None:
    stack = new_stack()
    assert stack.resolve({"a": None, "b": [1, None, 2], "c": {"d": None}}) == {"b": [1, 2], "c": {}}
    assert stack.resolve(None) is None
    assert Tokenization.resolve({"a": None}, scope=stack, remove_empty=False) == {"a": None}


def test_keys_are_kept_and_token_keys_resolved() -> None:
    stack = new_stack()
    key = Token.as_string(Fixed("resolvedKey"))
    assert stack.resolve({"camelCase": 1, "Pascal": 2, key: 3}) == {"camelCase": 1, "Pascal": 2, "resolvedKey": 3}
    bad = Token.as_string(Fixed({"Ref": "X"}))
    with pytest.raises(ResolutionError, match="is used as the key in a map so must resolve to a string"):
        stack.resolve({bad: 1})


def test_tuples_enums_and_renderables() -> None:
    class Color(Enum):
        RED = "red"

    class Struct(CfnRenderable):
        def __init__(self, **values: Any) -> None:
            self.values = values

        def _cfn_render(self) -> Any:
            return {"Key": self.values.get("key"), "Nested": self.values.get("nested")}

    stack = new_stack()
    value = (Color.RED, Struct(key=Aws.REGION, nested=Struct(key="x")))
    assert stack.resolve(value) == ["red", {"Key": {"Ref": "AWS::Region"}, "Nested": {"Key": "x"}}]


def test_tokens_resolving_to_tokens_are_resolved_again() -> None:
    stack = new_stack()
    inner = Fixed({"Ref": "Inner"})
    outer = Fixed([inner, Token.as_string(Fixed("x"))])
    assert stack.resolve(outer) == [{"Ref": "Inner"}, "x"]


def test_self_referencing_token_is_reported() -> None:
    class Loop(IResolvable):
        def resolve(self, context: IResolveContext) -> Any:
            return self

    with pytest.raises(ResolutionError, match="nested too deeply"):
        new_stack().resolve(Loop())


def test_non_data_objects_are_rejected() -> None:
    stack = new_stack()
    with pytest.raises(ResolutionError, match="Trying to resolve a non-data object of type 'object'"):
        stack.resolve({"a": object()})
    with pytest.raises(ResolutionError, match=r"Trying to resolve\(\) a Construct at /a"):
        stack.resolve({"a": stack})


def test_unknown_token_key() -> None:
    with pytest.raises(ResolutionError, match="Unrecognized token key: NOPE.1"):
        new_stack().resolve("${Token[NOPE.1]}")


def test_resolve_context() -> None:
    seen: dict[str, Any] = {}

    class Spy(IResolvable):
        def resolve(self, context: IResolveContext) -> Any:
            seen["scope"] = context.scope
            seen["path"] = context.document_path
            seen["preparing"] = context.preparing
            return context.resolve({"x": None, "y": 1}, remove_empty=False)

    stack = new_stack()
    # the token's value is resolved again by the outer resolution, which drops None
    assert stack.resolve({"a": [Spy()]}) == {"a": [{"y": 1}]}
    assert seen == {"scope": stack, "path": ["a", "0"], "preparing": False}


def test_intrinsic() -> None:
    stack = new_stack()
    value = Intrinsic({"Fn::Foo": ["a", Aws.REGION]})
    assert stack.resolve(value) == {"Fn::Foo": ["a", {"Ref": "AWS::Region"}]}
    assert Token.is_unresolved(value.to_string())
    with pytest.raises(ValueError):
        Intrinsic(lambda: 1)


def test_lazy_values() -> None:
    stack = new_stack()
    calls: list[int] = []

    def produce() -> str:
        calls.append(1)
        return "lazy"

    text = Lazy.string(produce)
    assert stack.resolve(text) == "lazy"
    assert stack.resolve(text) == "lazy"
    assert len(calls) == 1

    class Producer:
        def produce(self) -> float:
            return 5

    assert stack.resolve(Lazy.number(Producer())) == 5
    counter = iter(range(10))
    uncached = Lazy.uncached_string(lambda context: str(next(counter)))
    assert [stack.resolve(uncached), stack.resolve(uncached)] == ["0", "1"]
    assert stack.resolve(Lazy.list(lambda: ["a"])) == ["a"]
    assert stack.resolve({"x": Lazy.list(lambda: [], omit_empty=True)}) == {}
    assert stack.resolve(Lazy.any(lambda: {"k": Aws.REGION})) == {"k": {"Ref": "AWS::Region"}}
    assert stack.resolve({"x": Lazy.any(lambda: [], omit_empty_array=True)}) == {}
    scopes: list[Any] = []

    def remember(context: IResolveContext) -> int:
        scopes.append(context.scope)
        return 1

    assert stack.resolve(Lazy.uncached_any(remember)) == 1
    assert scopes == [stack]


def test_stringify_number() -> None:
    stack = new_stack()
    assert Tokenization.stringify_number(5) == "5"
    assert Tokenization.stringify_number(1.5) == "1.5"
    lazy = Tokenization.stringify_number(Token.as_number(Fixed(7)))
    assert stack.resolve(lazy) == "7"
    param = CfnParameter(stack, "N", type="Number")
    assert stack.resolve(Tokenization.stringify_number(param.value_as_number)) == {"Ref": "N"}


def test_is_unresolved_is_fast_for_plain_strings() -> None:
    import time

    value = "x" * 200
    start = time.perf_counter()
    for _ in range(100_000):
        Token.is_unresolved(value)
    assert time.perf_counter() - start < 0.5
