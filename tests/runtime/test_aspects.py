"""Aspects: Aspects.of(scope).add, invocation before synthesis, priorities, idempotence."""

from __future__ import annotations

from typing import Any

import pytest

from cfnpy.core import (
    App,
    AspectPriority,
    Aspects,
    CfnResource,
    Construct,
    IAspect,
    IConstruct,
    Stack,
    SynthesisError,
    ValidationError,
)


class Recorder:
    """An aspect that records the paths it visits."""

    def __init__(self, name: str = "r", log: list[str] | None = None) -> None:
        self.name = name
        self.visited: list[str] = []
        self.log = log

    def visit(self, node: IConstruct) -> None:
        self.visited.append(node.node.path)
        if self.log is not None:
            self.log.append(f"{self.name}:{node.node.path}")


def tree() -> tuple[App, Stack, Construct, CfnResource]:
    app = App()
    stack = Stack(app, "S")
    group = Construct(stack, "G")
    resource = CfnResource(group, "R", type="AWS::S3::Bucket")
    return app, stack, group, resource


def test_aspects_of_is_cached_and_lists_added_aspects() -> None:
    _, stack, _, _ = tree()
    aspect = Recorder()
    assert Aspects.of(stack) is Aspects.of(stack)
    assert Aspects.of(stack).all == []
    Aspects.of(stack).add(aspect)
    Aspects.of(stack).add(aspect)  # same aspect, same priority: once
    assert Aspects.of(stack).all == [aspect]
    assert [a.priority for a in Aspects.of(stack).applied] == [AspectPriority.DEFAULT]
    assert isinstance(aspect, IAspect)


def test_aspect_visits_scope_and_descendants_before_rendering() -> None:
    app, stack, group, _ = tree()
    other = Stack(app, "Other")
    aspect = Recorder()
    Aspects.of(group).add(aspect)
    assert aspect.visited == []
    stack.to_template()
    assert aspect.visited == ["S/G", "S/G/R"]
    other.to_template()
    assert aspect.visited == ["S/G", "S/G/R"]


def test_aspect_on_app_visits_every_stack_once_even_when_rendered_twice() -> None:
    app, stack, _, _ = tree()
    Stack(app, "T")
    aspect = Recorder()
    Aspects.of(app).add(aspect)
    first = stack.to_template()
    assert aspect.visited == ["", "S", "S/G", "S/G/R", "T"]
    assert stack.to_template() == first
    app.synth()
    assert aspect.visited == ["", "S", "S/G", "S/G/R", "T"]


def test_constructs_added_later_are_visited_on_the_next_rendering() -> None:
    app, stack, group, _ = tree()
    aspect = Recorder()
    Aspects.of(stack).add(aspect)
    stack.to_template()
    CfnResource(group, "Later", type="AWS::S3::Bucket")
    stack.to_template()
    assert aspect.visited == ["S", "S/G", "S/G/R", "S/G/Later"]


def test_the_same_aspect_on_two_scopes_visits_a_construct_once() -> None:
    app, stack, group, _ = tree()
    aspect = Recorder()
    Aspects.of(stack).add(aspect)
    Aspects.of(group).add(aspect)
    stack.to_template()
    assert aspect.visited == ["S", "S/G", "S/G/R"]


def test_priority_orders_aspects_on_each_construct() -> None:
    _, stack, _, _ = tree()
    log: list[str] = []
    Aspects.of(stack).add(Recorder("late", log), priority=AspectPriority.READONLY)
    Aspects.of(stack).add(Recorder("default", log))
    Aspects.of(stack).add(Recorder("early", log), priority=AspectPriority.MUTATING)
    stack.to_template()
    assert log[:3] == ["early:S", "default:S", "late:S"]
    assert log[3:6] == ["early:S/G", "default:S/G", "late:S/G"]


def test_inherited_aspect_of_same_priority_runs_first() -> None:
    _, stack, group, _ = tree()
    log: list[str] = []
    Aspects.of(group).add(Recorder("local", log))
    Aspects.of(stack).add(Recorder("inherited", log))
    stack.to_template()
    assert log[:3] == ["inherited:S", "inherited:S/G", "local:S/G"]


def test_aspect_added_by_an_aspect_to_a_construct_not_yet_visited_applies() -> None:
    _, stack, group, resource = tree()
    late = Recorder("late")

    class AddsAspect:
        def visit(self, node: IConstruct) -> None:
            if node is group:
                Aspects.of(resource).add(late)

    Aspects.of(stack).add(AddsAspect())
    stack.to_template()
    assert late.visited == ["S/G/R"]


def test_aspect_added_by_an_aspect_above_applies_everywhere() -> None:
    app, stack, _, _ = tree()
    added = Recorder("added")

    class AddsAspectToApp:
        def visit(self, node: IConstruct) -> None:
            if node.node.path == "S/G/R":
                Aspects.of(app).add(added)

    Aspects.of(stack).add(AddsAspectToApp())
    stack.to_template()
    assert added.visited == ["", "S", "S/G", "S/G/R"]


def test_constructs_created_by_an_aspect_are_visited_and_rendered() -> None:
    _, stack, group, _ = tree()

    class AddsBucket:
        def __init__(self) -> None:
            self.visited: list[str] = []

        def visit(self, node: IConstruct) -> None:
            self.visited.append(node.node.path)
            if node is group:
                CfnResource(group, "Added", type="AWS::SNS::Topic")

    aspect = AddsBucket()
    Aspects.of(stack).add(aspect)
    template = stack.to_template()
    assert "S/G/Added" in aspect.visited
    assert len(template["Resources"]) == 2
    app_synth = stack.node.root
    assert isinstance(app_synth, App)
    app_synth.synth()  # under the App's lock: nothing new to create, no error
    assert aspect.visited.count("S/G/Added") == 1


def test_app_synth_applies_aspects_before_validation() -> None:
    app, stack, group, _ = tree()

    class Invalid:
        def validate(self) -> list[str]:
            return ["made invalid by an aspect"]

    class AddsValidation:
        def visit(self, node: IConstruct) -> None:
            if node is group:
                node.node.add_validation(Invalid())

    Aspects.of(app).add(AddsValidation())
    with pytest.raises(SynthesisError, match="made invalid by an aspect"):
        app.synth()


def test_aspect_adding_a_lower_priority_aspect_is_an_error() -> None:
    _, stack, group, _ = tree()

    class AddsEarlierAspect:
        def visit(self, node: IConstruct) -> None:
            Aspects.of(node).add(Recorder(), priority=10)

    Aspects.of(stack).add(AddsEarlierAspect(), priority=AspectPriority.READONLY)
    with pytest.raises(SynthesisError, match="Cannot invoke Aspect Recorder with priority 10"):
        stack.to_template()


def test_runaway_aspects_are_stopped() -> None:
    _, stack, _, _ = tree()

    class Forever:
        def visit(self, node: IConstruct) -> None:
            Aspects.of(stack).add(Forever())

    Aspects.of(stack).add(Forever())
    with pytest.raises(SynthesisError, match="possible infinite loop"):
        stack.to_template()


def test_invalid_aspects_and_priorities() -> None:
    _, stack, _, _ = tree()
    with pytest.raises(ValidationError, match="visit"):
        Aspects.of(stack).add(object())  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="non-negative"):
        Aspects.of(stack).add(Recorder(), priority=-1)
    application_aspect = Recorder()
    Aspects.of(stack).add(application_aspect)
    application = Aspects.of(stack).applied[0]
    application.priority = 1
    assert application.priority == 1
    with pytest.raises(ValidationError, match="non-negative"):
        application.priority = -5


def test_tree_without_aspects_renders_as_before() -> None:
    _, stack, _, _ = tree()
    root: Any = stack.node.root
    stack.to_template()
    assert not hasattr(root, "_cfnpy_aspects_invoked")
