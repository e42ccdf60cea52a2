"""CfnResource rendering: properties, overrides, dependencies, policies."""

from __future__ import annotations

import warnings
from typing import Any

import pytest

from cfnpy.core import (
    App,
    Aws,
    CfnCondition,
    CfnDeletionPolicy,
    CfnResource,
    Construct,
    Fn,
    RemovalPolicy,
    Stack,
    SynthesisError,
    ValidationError,
)


def new_stack() -> Stack:
    return Stack(App(), "S")


def bucket(scope: Construct, id: str = "B", **props: Any) -> CfnResource:
    return CfnResource(scope, id, type="AWS::S3::Bucket", properties=props or None)


def rendered(resource: CfnResource) -> Any:
    return resource.stack.to_template()["Resources"][resource.logical_id]


def test_minimal_resource_has_no_properties_key() -> None:
    stack = new_stack()
    r = bucket(stack)
    assert rendered(r) == {"Type": "AWS::S3::Bucket"}
    assert r.cfn_resource_type == "AWS::S3::Bucket"
    assert CfnResource.is_cfn_resource(r)
    assert not CfnResource.is_cfn_resource(stack)
    with pytest.raises(ValidationError, match="The `type` property is required"):
        CfnResource(stack, "NoType", type="")


def test_properties_resolved_and_none_dropped() -> None:
    stack = new_stack()
    r = bucket(stack, BucketName=f"b-{Aws.ACCOUNT_ID}", Empty=None, Tags=[{"Key": "k", "Value": "v"}])
    assert rendered(r)["Properties"] == {
        "BucketName": {"Fn::Join": ["", ["b-", {"Ref": "AWS::AccountId"}]]},
        "Tags": [{"Key": "k", "Value": "v"}],
    }
    only_none = bucket(stack, "C", A=None)
    assert rendered(only_none) == {"Type": "AWS::S3::Bucket"}


def test_cfn_properties_hook() -> None:
    class Custom(CfnResource):
        def __init__(self, scope: Construct, id: str) -> None:
            super().__init__(scope, id, type="AWS::X::Y")
            self.name = "initial"

        def _cfn_properties(self) -> dict[str, Any]:
            if self.name == "invalid":
                raise ValidationError("name is invalid", path=self.node.path)
            return {"Name": self.name}

    stack = new_stack()
    custom = Custom(stack, "C")
    custom.name = "changed"
    assert rendered(custom)["Properties"] == {"Name": "changed"}
    custom.name = "invalid"
    with pytest.raises(ValidationError) as info:
        stack.to_template()
    assert str(info.value).startswith("While synthesizing S/C: name is invalid")


def test_key_order_follows_cdk() -> None:
    stack = new_stack()
    other = bucket(stack, "Other")
    r = bucket(stack, "R", A=1)
    condition = CfnCondition(stack, "Cond", expression=Fn.condition_equals("a", "b"))
    r.cfn_options.condition = condition
    r.cfn_options.metadata = {"m": 1}
    r.cfn_options.description = "desc"
    r.cfn_options.version = "1.0"
    r.cfn_options.creation_policy = {"resource_signal": {"count": 1, "timeout": "PT5M"}}
    r.cfn_options.update_policy = {"AutoScalingReplacingUpdate": {"WillReplace": True}}
    r.apply_removal_policy(RemovalPolicy.RETAIN)
    r.add_dependency(other)
    out = rendered(r)
    assert list(out) == [
        "Type",
        "Properties",
        "DependsOn",
        "CreationPolicy",
        "UpdatePolicy",
        "UpdateReplacePolicy",
        "DeletionPolicy",
        "Version",
        "Description",
        "Metadata",
        "Condition",
    ]
    assert out["CreationPolicy"] == {"ResourceSignal": {"Count": 1, "Timeout": "PT5M"}}
    assert out["Condition"] == "Cond"
    assert out["DeletionPolicy"] == "Retain" and out["UpdateReplacePolicy"] == "Retain"


def test_overrides() -> None:
    stack = new_stack()
    r = bucket(stack, Nested={"Keep": 1, "Change": 2}, List=[{"A": 1}, {"A": 2}], Gone="x", Intrinsic={"Ref": "X"})
    r.add_override("Properties.Nested.Change", 3)
    r.add_override("Properties.Nested.New.Deep", Aws.REGION)
    r.add_property_override("List.1.B", "b")
    r.add_property_override("Intrinsic.Fn::Sub", "y")
    r.add_property_deletion_override("Gone")
    r.add_override("Metadata.Key", "v")
    r.add_override("Properties.dotted\\.key", 1)
    out = rendered(r)
    assert out["Properties"] == {
        "Nested": {"Keep": 1, "Change": 3, "New": {"Deep": {"Ref": "AWS::Region"}}},
        "List": [{"A": 1}, {"A": 2, "B": "b"}],
        "Intrinsic": {"Fn::Sub": "y"},
        "dotted.key": 1,
    }
    assert out["Metadata"] == {"Key": "v"}


def test_override_adds_properties_to_an_empty_resource_in_place() -> None:
    stack = new_stack()
    r = bucket(stack)
    r.apply_removal_policy(RemovalPolicy.DESTROY)
    r.add_property_override("BucketName", "name")
    out = rendered(r)
    assert list(out) == ["Type", "Properties", "UpdateReplacePolicy", "DeletionPolicy"]
    assert out["Properties"] == {"BucketName": "name"}


def test_deletion_overrides() -> None:
    stack = new_stack()
    r = bucket(stack, Only="x")
    r.apply_removal_policy(RemovalPolicy.DESTROY)
    r.add_property_deletion_override("Only")
    r.add_deletion_override("DeletionPolicy")
    r.add_deletion_override("Properties.Missing.Deep")
    out = rendered(r)
    assert out == {"Type": "AWS::S3::Bucket", "UpdateReplacePolicy": "Delete"}


def test_depends_on_sorted_and_unique() -> None:
    stack = new_stack()
    c = bucket(stack, "C")
    a = bucket(stack, "A")
    b = bucket(stack, "b")
    r = bucket(stack, "R")
    r.add_dependency(c)
    r.add_dependency(b)
    r.add_depends_on(a)
    r.add_resource_dependency(c)
    assert rendered(r)["DependsOn"] == ["A", "b", "C"]
    assert r.obtain_dependencies() == [c, b, a]
    r.remove_dependency(b)
    assert rendered(r)["DependsOn"] == ["A", "C"]
    r.replace_dependency(a, b)
    assert rendered(r)["DependsOn"] == ["b", "C"]
    with pytest.raises(ValidationError, match='"S/R" does not depend on "S/A"'):
        r.replace_dependency(a, c)


def test_dependency_errors() -> None:
    app = App()
    one = Stack(app, "One")
    two = Stack(app, "Two")
    r = bucket(one, "R")
    with pytest.raises(ValidationError, match="cannot depend on itself"):
        r.add_dependency(r)
    with pytest.raises(ValidationError, match="different stacks"):
        r.add_dependency(bucket(two, "X"))
    with pytest.raises(ValidationError, match="can only depend on a CfnResource"):
        r.add_dependency(Construct(one, "Plain"))  # type: ignore[arg-type]


def test_dependency_cycle_is_reported_at_synthesis() -> None:
    stack = new_stack()
    a, b, c = bucket(stack, "A"), bucket(stack, "B2"), bucket(stack, "C")
    a.add_dependency(b)
    b.add_dependency(c)
    c.add_dependency(a)
    with pytest.raises(SynthesisError) as info:
        stack.to_template()
    assert "Dependency cycle detected in stack 'S': S/A -> S/B2 -> S/C -> S/A" in str(info.value)


def test_construct_dependencies_become_depends_on() -> None:
    stack = new_stack()
    group_a = Construct(stack, "GroupA")
    a1 = bucket(group_a, "One")
    a2 = bucket(group_a, "Two")
    group_b = Construct(stack, "GroupB")
    b1 = bucket(group_b, "Three")
    group_a.node.add_dependency(group_b)
    template = stack.to_template()["Resources"]
    assert template[a1.logical_id]["DependsOn"] == [b1.logical_id]
    assert template[a2.logical_id]["DependsOn"] == [b1.logical_id]
    assert "DependsOn" not in template[b1.logical_id]


def test_should_synthesize() -> None:
    class Hidden(CfnResource):
        def _should_synthesize(self) -> bool:
            return False

    stack = new_stack()
    hidden = Hidden(stack, "Hidden", type="AWS::X::Y")
    r = bucket(stack, "R")
    r.add_dependency(hidden)
    template = stack.to_template()
    assert list(template["Resources"]) == ["R"]
    assert "DependsOn" not in template["Resources"]["R"]


@pytest.mark.parametrize(
    ("policy", "deletion", "replace"),
    [
        (RemovalPolicy.DESTROY, "Delete", "Delete"),
        (RemovalPolicy.RETAIN, "Retain", "Retain"),
        (RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE, "RetainExceptOnCreate", "Retain"),
    ],
)
def test_removal_policy(policy: RemovalPolicy, deletion: str, replace: str) -> None:
    stack = new_stack()
    r = bucket(stack)
    r.apply_removal_policy(policy)
    out = rendered(r)
    assert (out["DeletionPolicy"], out["UpdateReplacePolicy"]) == (deletion, replace)


def test_removal_policy_defaults_and_options() -> None:
    stack = new_stack()
    r = bucket(stack)
    r.apply_removal_policy()
    assert r.cfn_options.deletion_policy is CfnDeletionPolicy.RETAIN
    r2 = bucket(stack, "R2")
    r2.apply_removal_policy(None, default=RemovalPolicy.DESTROY, apply_to_update_replace_policy=False)
    assert rendered(r2) == {"Type": "AWS::S3::Bucket", "DeletionPolicy": "Delete"}


def test_snapshot_policy() -> None:
    stack = new_stack()
    db = CfnResource(stack, "Db", type="AWS::RDS::DBInstance")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        db.apply_removal_policy(RemovalPolicy.SNAPSHOT)
    assert rendered(db)["DeletionPolicy"] == "Snapshot"
    with pytest.warns(UserWarning, match="AWS::S3::Bucket does not support snapshot removal policy"):
        bucket(stack).apply_removal_policy(RemovalPolicy.SNAPSHOT)


def test_metadata() -> None:
    stack = new_stack()
    r = bucket(stack)
    assert r.get_metadata("k") is None
    r.add_metadata("k", {"v": Aws.REGION})
    assert r.get_metadata("k") == {"v": Aws.REGION}
    assert rendered(r)["Metadata"] == {"k": {"v": {"Ref": "AWS::Region"}}}


def test_env() -> None:
    stack = Stack(App(), "S", env={"account": "123456789012", "region": "eu-west-1"})
    r = bucket(stack)
    assert (r.env.account, r.env.region) == ("123456789012", "eu-west-1")


def test_element_outside_a_stack() -> None:
    app = App()
    with pytest.raises(ValidationError, match="CfnResource at 'Orphan' should be created in the scope of a Stack, but no Stack found"):
        CfnResource(app, "Orphan", type="AWS::X::Y")
