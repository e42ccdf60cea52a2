"""Logical ids, as the AWS CDK's makeUniqueId, and stack names."""

from __future__ import annotations

import hashlib

import pytest

from cfnpy.core import (
    App,
    CfnOutput,
    CfnParameter,
    CfnResource,
    Construct,
    Names,
    Stack,
    SynthesisError,
    ValidationError,
)
from cfnpy.core._uniqueid import make_unique_id, make_unique_resource_name


def h(path: str) -> str:
    return hashlib.md5(path.encode()).hexdigest()[:8].upper()


def resource(scope: Construct, id: str) -> CfnResource:
    return CfnResource(scope, id, type="AWS::S3::Bucket")


def test_l2_with_resource_child() -> None:
    stack = Stack(App(), "MyStack")
    config = Construct(stack, "Config")
    assert resource(config, "Resource").logical_id == "Config57D1D894"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("MyBucket/Resource", "MyBucketF68F3FF0"),
        ("MyFirstBucket/Resource", "MyFirstBucketB8884501"),
        ("HelloHandler/ServiceRole/Resource", "HelloHandlerServiceRole11EF7C63"),
    ],
)
def test_well_known_cdk_ids(path: str, expected: str) -> None:
    stack = Stack(App(), "Stack")
    scope: Construct = stack
    *parents, last = path.split("/")
    for part in parents:
        scope = Construct(scope, part)
    assert resource(scope, last).logical_id == expected


def test_top_level_keeps_its_id_without_non_alphanumerics() -> None:
    stack = Stack()
    assert resource(stack, "MyBucket").logical_id == "MyBucket"
    assert resource(stack, "my-bucket_2").logical_id == "mybucket2"


def test_nested_human_part_and_hash() -> None:
    stack = Stack(App(), "S")
    a = Construct(stack, "A-1")
    assert resource(a, "B.2").logical_id == "A1B2" + h("A-1/B.2")


def test_default_is_hidden_everywhere() -> None:
    stack = Stack(App(), "S")
    default = Construct(stack, "Default")
    assert resource(default, "Bucket").logical_id == "Bucket"
    a = Construct(stack, "A")
    d = Construct(a, "Default")
    assert resource(d, "B").logical_id == "AB" + h("A/B")


def test_resource_hidden_from_human_part_only() -> None:
    stack = Stack(App(), "S")
    a = Construct(stack, "A")
    r = Construct(a, "Resource")
    assert resource(r, "X").logical_id == "AX" + h("A/Resource/X")


def test_duplicates_are_removed_with_ends_with() -> None:
    stack = Stack(App(), "S")
    pipeline = Construct(stack, "Pipeline")
    assert resource(pipeline, "Pipeline").logical_id == "Pipeline" + h("Pipeline/Pipeline")
    my_pipeline = Construct(stack, "MyPipeline")
    assert resource(my_pipeline, "Pipeline").logical_id == "MyPipeline" + h("MyPipeline/Pipeline")
    # not consecutive: kept
    x = Construct(Construct(stack, "X"), "Y")
    assert resource(x, "X").logical_id == "XYX" + h("X/Y/X")


def test_human_part_is_truncated_to_240() -> None:
    stack = Stack(App(), "S")
    long_a = "a" * 200
    long_b = "b" * 200
    logical_id = resource(Construct(stack, long_a), long_b).logical_id
    assert logical_id == (long_a + long_b)[:240] + h(f"{long_a}/{long_b}")
    assert len(logical_id) == 248


def test_long_single_component_falls_back_to_hash() -> None:
    assert make_unique_id(["x" * 256]) == ("x" * 240) + h("x" * 256)
    assert make_unique_id(["x" * 255]) == "x" * 255


def test_make_unique_id_errors() -> None:
    with pytest.raises(ValidationError, match="empty set of components"):
        make_unique_id(["Default"])
    with pytest.raises(ValidationError, match="may not include unresolved tokens"):
        make_unique_id(["A", "${Token[X.1]}"])


def test_make_unique_resource_name() -> None:
    assert make_unique_resource_name(["Stack"], max_length=128) == "Stack"
    assert make_unique_resource_name(["Stage", "My-Stack"], max_length=128) == "StageMyStack" + h("Stage/My-Stack")
    assert (
        make_unique_resource_name(["a", "b"], separator="-", max_length=256) == "a-b-" + h("a/b")
    )
    long = make_unique_resource_name(["x" * 100, "y" * 100], max_length=20)
    assert long == "xxxxxx" + "yyyyyy" + h("x" * 100 + "/" + "y" * 100)


def test_override_logical_id() -> None:
    stack = Stack()
    bucket = resource(Construct(stack, "A"), "B")
    bucket.override_logical_id("Renamed")
    assert bucket.logical_id == "Renamed"
    assert "Renamed" in stack.to_template()["Resources"]


@pytest.mark.parametrize("bad", ["", "with-dash", "x" * 256, "ünicode"])
def test_invalid_override_is_rejected(bad: str) -> None:
    bucket = resource(Stack(), "B")
    with pytest.raises(ValidationError, match=r"Invalid logical ID"):
        bucket.override_logical_id(bad)


def test_ref_follows_a_later_override() -> None:
    stack = Stack()
    bucket = resource(stack, "B")
    ref = bucket.ref
    bucket.override_logical_id("Later")
    assert stack.resolve(ref) == {"Ref": "Later"}


def test_empty_generated_logical_id_is_an_error_at_synthesis() -> None:
    stack = Stack(App(), "S")
    resource(stack, "---")
    with pytest.raises(SynthesisError, match=r"Invalid logical ID ''"):
        stack.to_template()


def test_duplicate_logical_ids_are_an_error_at_synthesis() -> None:
    stack = Stack(App(), "S")
    resource(stack, "A-B")
    resource(stack, "AB")
    with pytest.raises(SynthesisError) as info:
        stack.to_template()
    message = str(info.value)
    assert "Duplicate logical ID 'AB'" in message
    assert "'S/A-B'" in message and "'S/AB'" in message


def test_parameter_and_resource_cannot_share_a_logical_id() -> None:
    stack = Stack(App(), "S")
    CfnParameter(stack, "X-1")
    resource(stack, "X1")
    with pytest.raises(SynthesisError, match="Duplicate logical ID 'X1'"):
        stack.to_template()


def test_output_may_share_a_resource_logical_id() -> None:
    stack = Stack(App(), "S")
    bucket = resource(stack, "Bucket")
    CfnOutput(Construct(stack, "Default"), "Bucket", value=bucket.ref)
    template = stack.to_template()
    assert "Bucket" in template["Resources"] and "Bucket" in template["Outputs"]


def test_rename_logical_id() -> None:
    stack = Stack(App(), "S")
    resource(stack, "Old")
    stack.rename_logical_id("Old", "New")
    assert list(stack.to_template()["Resources"]) == ["New"]
    stack.rename_logical_id("Missing", "Other")
    with pytest.raises(SynthesisError, match="attempted to be renamed, but not found: Missing"):
        stack.to_template()


def test_logical_ids_of_nested_stacks_start_below_the_stack() -> None:
    app = App()
    outer = Stack(app, "Outer")
    inner = Stack(outer, "Inner")
    assert resource(inner, "R").logical_id == "R"
    assert inner.stack_name == "OuterInner" + h("Outer/Inner")
    assert "Resources" not in outer.to_template()


def test_stack_names() -> None:
    app = App()
    assert Stack(app, "my-stack").stack_name == "my-stack"
    assert Stack(app, "S2", stack_name="Explicit").stack_name == "Explicit"
    assert Stack().stack_name == "Default"
    group = Construct(app, "Group")
    assert Stack(group, "Inner").stack_name == "GroupInner" + h("Group/Inner")
    with pytest.raises(ValidationError, match=r"Stack name must match the regular expression: /\^\[A-Za-z\]"):
        Stack(app, "bad_name")
    with pytest.raises(ValidationError, match="Stack name must be <= 128 characters"):
        Stack(app, "L", stack_name="a" * 129)


def test_names() -> None:
    app = App()
    stack = Stack(app, "S")
    child = Construct(Construct(stack, "A"), "B")
    assert Names.unique_id(child) == "SAB" + h("S/A/B")
    assert Names.node_unique_id(app.node) == ""
    assert Names.unique_resource_name(child) == "SAB" + h("S/A/B")
    assert Names.unique_resource_name(child, separator="-", max_length=64) == "S-A-B-" + h("S/A/B")
    assert Names.stack_relative_construct_path(child) == "A/B"
