"""The construct tree: ids, paths, children, errors."""

from __future__ import annotations

import hashlib
import inspect

import pytest

from cfnpy.core import (
    App,
    CfnResource,
    Construct,
    ConstructOrder,
    IConstruct,
    Node,
    Stack,
    ValidationError,
)


def test_root_and_paths() -> None:
    app = App()
    stack = Stack(app, "MyStack")
    parent = Construct(stack, "Parent")
    child = Construct(parent, "Child")
    assert app.node.id == ""
    assert app.node.path == ""
    assert app.node.scope is None
    assert stack.node.path == "MyStack"
    assert child.node.path == "MyStack/Parent/Child"
    assert child.node.scope is parent
    assert child.node.scopes == [app, stack, parent, child]
    assert child.node.root is app
    assert Node.of(child) is child.node


def test_to_string() -> None:
    app = App()
    stack = Stack(app, "MyStack")
    child = Construct(stack, "Child")
    assert app.to_string() == "<root>"
    assert child.to_string() == "MyStack/Child"
    assert str(child) == "MyStack/Child"


def test_children_in_insertion_order() -> None:
    stack = Stack()
    names = ["b", "a", "c"]
    for name in names:
        Construct(stack, name)
    assert [c.node.id for c in stack.node.children] == names
    assert stack.node.find_child("a").node.id == "a"
    assert stack.node.try_find_child("zzz") is None
    with pytest.raises(ValidationError, match="No child with id: 'zzz'"):
        stack.node.find_child("zzz")


def test_find_all_orders() -> None:
    stack = Stack(App(), "S")
    a = Construct(stack, "A")
    b = Construct(a, "B")
    c = Construct(stack, "C")
    assert stack.node.find_all() == [stack, a, b, c]
    assert stack.node.find_all(ConstructOrder.POSTORDER) == [b, a, c, stack]


def test_duplicate_id_names_the_scope() -> None:
    stack = Stack(App(), "MyStack")
    Construct(stack, "X")
    with pytest.raises(ValidationError) as info:
        Construct(stack, "X")
    message = str(info.value)
    assert message.startswith("There is already a Construct with name 'X' in Stack [MyStack]")
    assert "MyStack" in message


def test_duplicate_id_at_root() -> None:
    app = App()
    Stack(app, "S")
    with pytest.raises(ValidationError, match=r"^There is already a Construct with name 'S' in App"):
        Stack(app, "S")


def test_path_separator_is_replaced() -> None:
    stack = Stack(App(), "S")
    child = Construct(stack, "a/b")
    assert child.node.id == "a--b"
    assert child.node.path == "S/a--b"
    assert stack.node.try_find_child("a/b") is child


@pytest.mark.parametrize("bad", ["", 3, None])
def test_invalid_ids(bad: object) -> None:
    stack = Stack()
    with pytest.raises(ValidationError):
        Construct(stack, bad)  # type: ignore[arg-type]


def test_default_child() -> None:
    stack = Stack()
    parent = Construct(stack, "Parent")
    assert parent.node.default_child is None
    resource = Construct(parent, "Resource")
    assert parent.node.default_child is resource
    other = Construct(parent, "Other")
    parent.node.default_child = other
    assert parent.node.default_child is other
    parent.node.default_child = None

    parent2 = Construct(stack, "Parent2")
    default = Construct(parent2, "Default")
    assert parent2.node.default_child is default
    Construct(parent2, "Resource")
    with pytest.raises(ValidationError, match="There is both a child with id \"Resource\" and id \"Default\""):
        _ = parent2.node.default_child


def test_addr_is_constructs_compatible() -> None:
    app = App()
    stack = Stack(app, "MyStack")
    child = Construct(stack, "Child")
    expected = "c8" + hashlib.sha1(b"\nMyStack\nChild\n").hexdigest()
    assert child.node.addr == expected
    assert len(child.node.addr) == 42
    hidden = Construct(child, "Default")
    assert hidden.node.addr == child.node.addr


def test_is_construct_and_protocol() -> None:
    stack = Stack()
    assert Construct.is_construct(stack)
    assert not Construct.is_construct("x")
    assert isinstance(stack, IConstruct)


def test_docstrings_match_aws_cdk() -> None:
    assert inspect.getdoc(Construct.is_construct) == "Return whether the given object is a Construct.\n\n:param x:"
    assert inspect.getdoc(Construct.node) == "The construct tree node associated with this construct."
    assert inspect.getdoc(Construct.to_string) == "Returns a string representation of this construct."


def test_context() -> None:
    app = App(context={"key": "value"})
    stack = Stack(app, "S")
    assert stack.node.try_get_context("key") == "value"
    assert stack.node.try_get_context("missing") is None
    child = Construct(stack, "C")
    child.node.set_context("key", "override")
    assert child.node.try_get_context("key") == "override"
    with pytest.raises(ValidationError, match="Cannot set context after children have been added: C"):
        stack.node.set_context("x", 1)
    with pytest.raises(ValidationError, match="No context value present for missing key"):
        stack.node.get_context("missing")


def test_metadata_and_dependencies() -> None:
    stack = Stack()
    a = Construct(stack, "A")
    b = Construct(stack, "B")
    a.node.add_metadata("type", {"x": 1})
    a.node.add_metadata("ignored", None)
    assert [(m.type, m.data) for m in a.node.metadata] == [("type", {"x": 1})]
    a.node.add_dependency(b)
    a.node.add_dependency(b)
    assert a.node.dependencies == [b]


def test_validations_are_collected() -> None:
    stack = Stack()
    construct = Construct(stack, "A")

    class Check:
        def validate(self) -> list[str]:
            return ["broken"]

    construct.node.add_validation(Check())
    assert construct.node.validate() == ["broken"]


def test_locked_tree_refuses_children() -> None:
    app = App()
    stack = Stack(app, "S")
    app.node.lock()
    with pytest.raises(ValidationError, match='Cannot add children to "S" during synthesis'):
        Construct(stack, "Late")
    app.node.unlock()
    Construct(stack, "Late")


def test_try_remove_child() -> None:
    stack = Stack()
    Construct(stack, "A")
    assert stack.node.try_remove_child("A")
    assert not stack.node.try_remove_child("A")
    Construct(stack, "A")


def test_cfn_resource_to_string() -> None:
    stack = Stack(App(), "S")
    resource = CfnResource(stack, "R", type="AWS::S3::Bucket")
    assert resource.to_string() == "S/R [AWS::S3::Bucket]"
