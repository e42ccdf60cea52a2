"""Tags as in AWS CDK: TagManager, Tags.of(scope), and the tags of generated L1 classes.

The resources here are hand-written the way the generator writes taggable L1 classes:
``_tag_type``, a ``tags_raw`` property (CloudFormation's ``Tags``) and a ``tags``
property returning the TagManager.
"""

from __future__ import annotations

from typing import Any, Optional

import pytest

from cfnpy.core import (
    App,
    Aspects,
    CfnParameter,
    CfnResource,
    Construct,
    Fn,
    Lazy,
    RemoveTag,
    Stack,
    Tag,
    TagManager,
    Tags,
    TagType,
    Token,
    ValidationError,
)
from cfnpy.core import _props as _p


class CfnThing(_p.CfnResourceBase):
    """A STANDARD-tagged resource: Tags is a list of {Key, Value}."""

    CFN_RESOURCE_TYPE_NAME = "Test::Tagged::Thing"
    _tag_type = "STANDARD"

    class TagProperty(_p.CfnStruct):
        key = _p.Prop("Key", _p.String(min_length=1, max_length=128), required=True)
        value = _p.Prop("Value", _p.String(max_length=256), required=True)

        def __init__(self, *, key: str, value: str) -> None:
            super().__init__()
            self.key = key
            self.value = value

    name = _p.Prop("Name", _p.String())
    tags_raw = _p.Prop("Tags", _p.ListOf(_p.Struct(lambda: CfnThing.TagProperty)))
    size = _p.Prop("Size", _p.Integer())

    def __init__(self, scope: Construct, id: str, *, name: Optional[str] = None, tags: Any = None, size: Any = None) -> None:
        super().__init__(scope, id)
        self.name = name
        self.tags_raw = tags
        self.size = size

    @property
    def tags(self) -> TagManager:
        return self._tag_manager()


class CfnOtherThing(CfnThing):
    CFN_RESOURCE_TYPE_NAME = "Test::Tagged::Other"


class CfnMapped(_p.CfnResourceBase):
    """A MAP-tagged resource: Tags is a map of key to value."""

    CFN_RESOURCE_TYPE_NAME = "Test::Tagged::Map"
    _tag_type = "MAP"

    tags_raw = _p.Prop("Tags", _p.MapOf(_p.String()))

    def __init__(self, scope: Construct, id: str, *, tags: Any = None) -> None:
        super().__init__(scope, id)
        self.tags_raw = tags

    @property
    def tags(self) -> TagManager:
        return self._tag_manager()


class CfnGroup(_p.CfnResourceBase):
    """An AUTOSCALING_GROUP-tagged resource: Tags is a list of {Key, Value, PropagateAtLaunch}."""

    CFN_RESOURCE_TYPE_NAME = "AWS::AutoScaling::AutoScalingGroup"
    _tag_type = "AUTOSCALING_GROUP"

    class TagPropertyProperty(_p.CfnStruct):
        key = _p.Prop("Key", _p.String(), required=True)
        value = _p.Prop("Value", _p.String(), required=True)
        propagate_at_launch = _p.Prop("PropagateAtLaunch", _p.Boolean(), required=True)

    max_size = _p.Prop("MaxSize", _p.String(), required=True)
    tags_raw = _p.Prop("Tags", _p.ListOf(_p.Struct(lambda: CfnGroup.TagPropertyProperty)))

    def __init__(self, scope: Construct, id: str, *, max_size: str, tags: Any = None) -> None:
        super().__init__(scope, id)
        self.max_size = max_size
        self.tags_raw = tags

    @property
    def tags(self) -> TagManager:
        return self._tag_manager()


class CfnUntagged(_p.CfnResourceBase):
    """Not taggable: its Tags-like property renders as it is given."""

    CFN_RESOURCE_TYPE_NAME = "Test::Plain::Thing"

    labels = _p.Prop("Labels", _p.ListOf(_p.String()))

    def __init__(self, scope: Construct, id: str, *, labels: Any = None) -> None:
        super().__init__(scope, id)
        self.labels = labels


def new_stack() -> Stack:
    return Stack(App(), "S")


def props(resource: CfnResource) -> Any:
    return resource.stack.to_template()["Resources"][resource.logical_id].get("Properties")


def kv(*pairs: tuple[str, Any]) -> list[dict[str, Any]]:
    return [{"Key": k, "Value": v} for k, v in pairs]


# -- TagManager ------------------------------------------------------------------


def test_tag_manager_standard_renders_sorted_key_value_list() -> None:
    manager = TagManager(TagType.STANDARD, "AWS::S3::Bucket")
    assert not manager.has_tags()
    assert manager.render_tags() is None
    manager.set_tag("b", "2")
    manager.set_tag("a", "1")
    manager.set_tag("B", "3")
    assert manager.has_tags()
    assert manager.render_tags() == kv(("a", "1"), ("b", "2"), ("B", "3"))
    assert manager.tag_values() == {"a": "1", "b": "2", "B": "3"}
    assert manager.tag_property_name == "tags"
    assert TagManager("KEY_VALUE", "X", tag_property_name="userPoolTags").tag_property_name == "userPoolTags"


def test_tag_manager_shapes() -> None:
    asg = TagManager(TagType.AUTOSCALING_GROUP, "AWS::AutoScaling::AutoScalingGroup")
    asg.set_tag("b", "2", apply_to_launched_instances=False)
    asg.set_tag("a", "1")
    assert asg.render_tags() == [
        {"Key": "a", "Value": "1", "PropagateAtLaunch": True},
        {"Key": "b", "Value": "2", "PropagateAtLaunch": False},
    ]
    mapped = TagManager(TagType.MAP, "AWS::Test::Map")
    mapped.set_tag("z", "26")
    mapped.set_tag("a", "1")
    assert mapped.render_tags() == {"a": "1", "z": "26"}
    assert list(mapped.render_tags()) == ["a", "z"]
    key_value = TagManager(TagType.KEY_VALUE, "AWS::Test::KV")
    key_value.set_tag("k", "v")
    assert key_value.render_tags() == kv(("k", "v"))
    not_taggable = TagManager(TagType.NOT_TAGGABLE, "AWS::Test::None")
    not_taggable.set_tag("k", "v")
    assert not_taggable.render_tags() is None


def test_tag_manager_priorities_and_remove() -> None:
    manager = TagManager(TagType.STANDARD, "T")
    manager.set_tag("k", "high", priority=100)
    manager.set_tag("k", "low", priority=10)
    assert manager.tag_values() == {"k": "high"}
    manager.set_tag("k", "same", priority=100)
    assert manager.tag_values() == {"k": "same"}
    manager.remove_tag("k", 50)
    assert manager.tag_values() == {"k": "same"}
    manager.remove_tag("k", 200)
    assert manager.tag_values() == {}
    manager.set_tag("k", "again", priority=150)
    assert manager.tag_values() == {}
    manager.set_tag("k", "again", priority=200)
    assert manager.tag_values() == {"k": "again"}


def test_tag_manager_initial_tags_have_priority_50() -> None:
    manager = TagManager(TagType.STANDARD, "T", [{"Key": "a", "Value": "initial"}, {"key": "b", "value": "initial"}])
    manager.set_tag("a", "low", priority=49)
    manager.set_tag("b", "aspect", priority=100)
    assert manager.render_tags() == kv(("a", "initial"), ("b", "aspect"))
    with pytest.raises(ValidationError, match="either during the creation of TagManager"):
        manager.render_tags([{"Key": "c", "Value": "x"}])
    mapped = TagManager(TagType.MAP, "T", {"x": "1"})
    assert mapped.render_tags() == {"x": "1"}


def test_tag_manager_combine_with_tags_does_not_keep_them() -> None:
    manager = TagManager(TagType.STANDARD, "T")
    manager.set_tag("b", "set")
    assert manager.render_tags([{"Key": "a", "Value": "given"}, {"Key": "b", "Value": "given"}]) == kv(
        ("a", "given"), ("b", "given")
    )
    assert manager.tag_values() == {"b": "set"}
    assert manager.render_tags() == kv(("b", "set"))


def test_tag_manager_apply_tag_aspect_here() -> None:
    manager = TagManager(TagType.STANDARD, "AWS::S3::Bucket")
    assert manager.apply_tag_aspect_here()
    assert manager.apply_tag_aspect_here([], [])
    assert manager.apply_tag_aspect_here(["AWS::S3::Bucket"])
    assert not manager.apply_tag_aspect_here(["AWS::SNS::Topic"])
    assert not manager.apply_tag_aspect_here(None, ["AWS::S3::Bucket"])
    assert not manager.apply_tag_aspect_here(["AWS::S3::Bucket"], ["AWS::S3::Bucket"])


def test_tag_manager_invalid_input() -> None:
    with pytest.raises(ValidationError, match="Invalid tag input expected a list"):
        TagManager(TagType.STANDARD, "T", {"k": "v"})
    with pytest.raises(ValidationError, match="Invalid tag input expected a map"):
        TagManager(TagType.MAP, "T", [{"Key": "k", "Value": "v"}])
    with pytest.raises(ValidationError, match="Unknown tag type"):
        TagManager("LIST", "T")
    with pytest.raises(ValidationError, match="must have a value"):
        TagManager(TagType.STANDARD, "T").set_tag("k", None)  # type: ignore[arg-type]


def test_rendered_tags_is_a_lazy_token() -> None:
    stack = new_stack()
    manager = TagManager(TagType.KEY_VALUE, "Whatever::The::Type")
    resource = CfnResource(stack, "R", type="Whatever::The::Type", properties={"Tags": manager.rendered_tags})
    manager.set_tag("k", "v")
    assert props(resource) == {"Tags": kv(("k", "v"))}
    manager.set_tag("k", "changed")
    assert props(resource) == {"Tags": kv(("k", "changed"))}


def test_is_taggable() -> None:
    stack = new_stack()
    assert TagManager.is_taggable(CfnThing(stack, "A"))
    assert TagManager.is_taggable(CfnMapped(stack, "M"))
    assert not TagManager.is_taggable(CfnUntagged(stack, "U"))
    assert not TagManager.is_taggable(CfnResource(stack, "R", type="AWS::S3::Bucket"))
    assert not TagManager.is_taggable(stack)

    class Custom(Construct):
        def __init__(self, scope: Construct, id: str) -> None:
            super().__init__(scope, id)
            self.tags = TagManager(TagType.MAP, "Custom::Thing")

    custom = Custom(stack, "C")
    assert TagManager.is_taggable(custom)
    assert TagManager.of(custom) is custom.tags
    thing = CfnThing(stack, "B")
    assert TagManager.of(thing) is thing.tags
    assert TagManager.of(stack) is None


# -- L1 resources ------------------------------------------------------------------


def test_initial_tags_render_sorted_as_cloudformation() -> None:
    stack = new_stack()
    thing = CfnThing(stack, "T", name="n", tags=[{"key": "b", "value": "2"}, CfnThing.TagProperty(key="a", value="1")], size=3)
    rendered = props(thing)
    assert rendered == {"Name": "n", "Tags": kv(("a", "1"), ("b", "2")), "Size": 3}
    assert list(rendered) == ["Name", "Tags", "Size"]
    assert thing.tags_raw == [CfnThing.TagProperty(key="b", value="2"), CfnThing.TagProperty(key="a", value="1")]


def test_no_tags_no_property() -> None:
    stack = new_stack()
    assert props(CfnThing(stack, "T", name="n")) == {"Name": "n"}
    assert props(CfnThing(stack, "E", tags=[])) is None


def test_tags_of_stack_tags_every_taggable_resource() -> None:
    stack = new_stack()
    a = CfnThing(stack, "A")
    group = Construct(stack, "G")
    m = CfnMapped(group, "M", tags={"x": "1"})
    u = CfnUntagged(group, "U", labels=["l"])
    Tags.of(stack).add("team", "platform")
    assert props(a) == {"Tags": kv(("team", "platform"))}
    assert props(m) == {"Tags": {"team": "platform", "x": "1"}}
    assert props(u) == {"Labels": ["l"]}
    assert a.tags.tag_values() == {"team": "platform"}


def test_tags_of_overrides_initial_tag_and_setting_directly_does_not() -> None:
    stack = new_stack()
    thing = CfnThing(stack, "T", tags=[{"key": "team", "value": "initial"}, {"key": "keep", "value": "k"}])
    thing.tags.set_tag("keep", "set-with-priority-0")
    Tags.of(stack).add("team", "aspect")
    assert props(thing)["Tags"] == kv(("keep", "k"), ("team", "aspect"))
    thing.tags.set_tag("keep", "set-with-priority-60", priority=60)
    assert props(thing)["Tags"] == kv(("keep", "set-with-priority-60"), ("team", "aspect"))


def test_tags_of_remove_removes_initial_and_added_tags() -> None:
    stack = new_stack()
    group = Construct(stack, "G")
    thing = CfnThing(group, "T", tags=[{"key": "a", "value": "1"}, {"key": "b", "value": "2"}])
    Tags.of(stack).add("c", "3")
    Tags.of(group).remove("a")
    Tags.of(group).remove("c")
    assert props(thing)["Tags"] == kv(("b", "2"))
    # A removal wins over a later add of default priority, anywhere in the tree.
    Tags.of(thing).add("a", "again")
    assert props(thing)["Tags"] == kv(("b", "2"))
    Tags.of(thing).add("a", "forced", priority=300)
    assert props(thing)["Tags"] == kv(("a", "forced"), ("b", "2"))


def test_nested_scopes_last_applied_closest_wins() -> None:
    app = App()
    stack = Stack(app, "S")
    outer = Construct(stack, "Outer")
    inner = Construct(outer, "Inner")
    near = CfnThing(inner, "Near")
    far = CfnThing(outer, "Far")
    Tags.of(inner).add("env", "inner")
    Tags.of(app).add("env", "app")
    Tags.of(outer).add("env", "outer")
    assert props(near)["Tags"] == kv(("env", "inner"))
    assert props(far)["Tags"] == kv(("env", "outer"))
    other = CfnThing(Stack(app, "Other"), "X")
    assert props(other)["Tags"] == kv(("env", "app"))


def test_explicit_priority_beats_closer_scope() -> None:
    stack = new_stack()
    group = Construct(stack, "G")
    thing = CfnThing(group, "T")
    Tags.of(stack).add("env", "stack", priority=150)
    Tags.of(group).add("env", "group")
    assert props(thing)["Tags"] == kv(("env", "stack"))


def test_include_and_exclude_resource_types() -> None:
    stack = new_stack()
    thing = CfnThing(stack, "T")
    other = CfnOtherThing(stack, "O")
    mapped = CfnMapped(stack, "M")
    Tags.of(stack).add("only-thing", "1", include_resource_types=["Test::Tagged::Thing"])
    Tags.of(stack).add("not-map", "2", exclude_resource_types=["Test::Tagged::Map"])
    Tags.of(stack).add("all", "3", include_resource_types=[], exclude_resource_types=[])
    Tags.of(stack).remove("all", include_resource_types=["Test::Tagged::Other"])
    assert props(thing)["Tags"] == kv(("all", "3"), ("not-map", "2"), ("only-thing", "1"))
    assert props(other)["Tags"] == kv(("not-map", "2"))
    assert props(mapped)["Tags"] == {"all": "3"}


def test_autoscaling_group_tags_propagate_at_launch() -> None:
    stack = new_stack()
    group = CfnGroup(
        stack,
        "G",
        max_size="1",
        tags=[{"key": "given", "value": "g", "propagate_at_launch": False}],
    )
    Tags.of(stack).add("added", "a")
    Tags.of(stack).add("not-launched", "n", apply_to_launched_instances=False)
    assert props(group) == {
        "MaxSize": "1",
        "Tags": [
            {"Key": "added", "Value": "a", "PropagateAtLaunch": True},
            {"Key": "given", "Value": "g", "PropagateAtLaunch": False},
            {"Key": "not-launched", "Value": "n", "PropagateAtLaunch": False},
        ],
    }


def test_map_tags_initial_and_added() -> None:
    stack = new_stack()
    mapped = CfnMapped(stack, "M", tags={"b": "initial", "a": "1"})
    Tags.of(stack).add("b", "added")
    assert props(mapped) == {"Tags": {"a": "1", "b": "added"}}
    mapped.tags_raw = None
    assert props(mapped) == {"Tags": {"b": "added"}}


def test_changing_tags_raw_after_rendering_is_honoured() -> None:
    stack = new_stack()
    thing = CfnThing(stack, "T", tags=[{"key": "a", "value": "1"}])
    assert props(thing)["Tags"] == kv(("a", "1"))
    thing.tags_raw = [{"key": "b", "value": "2"}]
    assert props(thing)["Tags"] == kv(("b", "2"))


def test_synthesis_is_idempotent() -> None:
    app = App()
    stack = Stack(app, "S")
    thing = CfnThing(stack, "T", tags=[{"key": "a", "value": "1"}])
    Tags.of(app).add("b", "2")
    first = stack.to_template()
    assert stack.to_template() == first
    assembly = app.synth()
    assert assembly.stacks[0].template == first
    assert thing.tags.tag_values() == {"b": "2"}


def test_token_tag_values_and_keys() -> None:
    stack = new_stack()
    param = CfnParameter(stack, "Env")
    thing = CfnThing(stack, "T", tags=[{"key": "given", "value": param.value_as_string}])
    Tags.of(stack).add("env", param.value_as_string)
    Tags.of(stack).add("region", f"in-{stack.region}")
    Tags.of(stack).add("lazy", Lazy.string(lambda: "produced"))
    assert props(thing)["Tags"] == kv(
        ("env", {"Ref": "Env"}),
        ("given", {"Ref": "Env"}),
        ("lazy", "produced"),
        ("region", {"Fn::Join": ["", ["in-", {"Ref": "AWS::Region"}]]}),
    )
    mapped = CfnMapped(stack, "M", tags={"given": Fn.ref("Env")})
    assert props(mapped)["Tags"] == {
        "env": {"Ref": "Env"},
        "given": {"Ref": "Env"},
        "lazy": "produced",
        "region": {"Fn::Join": ["", ["in-", {"Ref": "AWS::Region"}]]},
    }


def test_unreadable_tags_are_kept_after_the_others() -> None:
    stack = new_stack()
    item = Fn.condition_if("IsProd", {"Key": "prod", "Value": "yes"}, Fn.ref("AWS::NoValue"))
    thing = CfnThing(stack, "T", tags=[{"key": "b", "value": "2"}, item])
    Tags.of(stack).add("a", "1")
    assert props(thing)["Tags"] == kv(("a", "1"), ("b", "2")) + [
        {"Fn::If": ["IsProd", {"Key": "prod", "Value": "yes"}, {"Ref": "AWS::NoValue"}]}
    ]


def test_tags_given_as_a_token() -> None:
    stack = new_stack()
    given = Token.as_any([{"Key": "from", "Value": "token"}])
    thing = CfnThing(stack, "T", tags=given)
    assert props(thing)["Tags"] == [{"Key": "from", "Value": "token"}]
    other = CfnMapped(stack, "M", tags=Token.as_any({"from": "token"}))
    assert props(other)["Tags"] == {"from": "token"}
    Tags.of(stack).add("a", "1", include_resource_types=["Test::Tagged::Thing"])
    with pytest.raises(ValidationError, match="Cannot combine the tags of a Test::Tagged::Thing given as a token") as info:
        stack.to_template()
    assert info.value.path == "S/T"
    assert "exclude_resource_types" in str(info.value)


def test_property_override_still_wins() -> None:
    stack = new_stack()
    thing = CfnThing(stack, "T")
    Tags.of(stack).add("a", "1")
    thing.add_property_override("Tags", [{"Key": "over", "Value": "ridden"}])
    assert props(thing)["Tags"] == kv(("over", "ridden"))


def test_initial_tags_are_still_validated() -> None:
    stack = new_stack()
    thing = CfnThing(stack, "T", tags=[{"key": "a", "value": "1"}])
    thing.tags_raw.append({"key": "", "value": "2"})  # type: ignore[union-attr]  # in place: no setter sees it
    with pytest.raises(_p.PropertyValueError, match="shorter than the minimum length"):
        stack.to_template()


# -- Tags.of / Tag / RemoveTag ------------------------------------------------------------


def test_tags_of_adds_aspects_with_cdk_defaults() -> None:
    stack = new_stack()
    Tags.of(stack).add("k", "v")
    Tags.of(stack).remove("k")
    tag, remove = Aspects.of(stack).all
    assert isinstance(tag, Tag) and isinstance(remove, RemoveTag)
    assert tag.key == "k" and tag.value == "v"
    assert [a.priority for a in Aspects.of(stack).applied] == [200, 200]
    thing = CfnThing(stack, "T")
    Tag("direct", "d", priority=10).visit(thing)
    assert thing.tags.tag_values() == {"direct": "d"}
    RemoveTag("direct", priority=5).visit(thing)
    assert thing.tags.tag_values() == {"direct": "d"}
    RemoveTag("direct").visit(thing)
    assert thing.tags.tag_values() == {}


def test_tags_of_errors() -> None:
    stack = new_stack()
    with pytest.raises(ValidationError, match="Tag 'k' must have a value"):
        Tags.of(stack).add("k", None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="must have a string value"):
        Tags.of(stack).add("k", 1)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="A tag key must be a string"):
        Tags.of(stack).add(1, "v")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="include_resource_types must be a list"):
        Tags.of(stack).add("k", "v", include_resource_types="AWS::S3::Bucket")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="priority must be a number"):
        Tags.of(stack).remove("k", priority="high")  # type: ignore[arg-type]
    assert Aspects.of(stack).all == []


def test_tags_added_by_an_aspect_apply() -> None:
    stack = new_stack()
    group = Construct(stack, "G")
    thing = CfnThing(group, "T")

    class TagsGroups:
        def visit(self, node: Any) -> None:
            if node is group:
                Tags.of(node).add("from-aspect", "yes")

    Aspects.of(stack).add(TagsGroups(), priority=100)
    assert props(thing)["Tags"] == kv(("from-aspect", "yes"))
