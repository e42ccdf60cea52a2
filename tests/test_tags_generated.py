"""Tags on the generated L1 classes, as in AWS CDK: ``tags`` is the resource's TagManager,
the tags given to the constructor are kept in ``tags_raw`` (or the tag property's own name,
``user_pool_tags``), and ``Tags.of(scope)`` reaches every taggable resource below it.

Which resources are taggable, and how, comes from the registry schema's ``tagging`` and the
shape of the tag property (a list of Key/Value structures, with PropagateAtLaunch for Auto
Scaling groups, or a map)."""

from __future__ import annotations

from typing import Any, Dict

import pytest

from cfnpy.aws_autoscaling import CfnAutoScalingGroup
from cfnpy.aws_cognito import CfnUserPool
from cfnpy.aws_ec2 import CfnSpotFleet
from cfnpy.aws_glue import CfnJob
from cfnpy.aws_s3 import CfnBucket
from cfnpy.core import App, Stack, TagManager, Tags


def _properties(stack: Stack) -> Dict[str, Any]:
    return {name: r.get("Properties", {}) for name, r in stack.to_template()["Resources"].items()}


def test_how_each_resource_takes_tags() -> None:
    assert (CfnBucket._tag_type, CfnBucket._tag_property) == ("STANDARD", "tags_raw")
    assert (CfnUserPool._tag_type, CfnUserPool._tag_property) == ("MAP", "user_pool_tags")
    assert CfnAutoScalingGroup._tag_type == "AUTOSCALING_GROUP"
    assert CfnJob._tag_type == "MAP"  # free-form JSON tags
    assert CfnSpotFleet._tag_type is None  # the schema says: not taggable


def test_constructor_tags_tag_manager_and_tags_of_merge() -> None:
    stack = Stack(App(), "Tagged")
    bucket = CfnBucket(stack, "Bucket", tags=[{"key": "owner", "value": "me"}, {"key": "team", "value": "old"}])
    assert isinstance(bucket.tags, TagManager)
    assert [t.key for t in bucket.tags_raw or []] == ["owner", "team"]
    bucket.tags.set_tag("cost", "42")
    CfnUserPool(stack, "Pool", user_pool_tags={"a": "1"})
    CfnAutoScalingGroup(stack, "Group", max_size="2", min_size="1")
    CfnSpotFleet(
        stack, "Fleet",
        spot_fleet_request_config_data={"iam_fleet_role": "arn:aws:iam::123456789012:role/r", "target_capacity": 1},
    )
    Tags.of(stack).add("team", "platform")  # overrides the constructor's tag of the same key
    props = _properties(stack)
    assert props["Bucket"]["Tags"] == [
        {"Key": "cost", "Value": "42"},
        {"Key": "owner", "Value": "me"},
        {"Key": "team", "Value": "platform"},
    ]
    assert props["Pool"]["UserPoolTags"] == {"a": "1", "team": "platform"}
    assert props["Group"]["Tags"] == [{"Key": "team", "Value": "platform", "PropagateAtLaunch": True}]
    assert "Tags" not in props["Fleet"]
    assert _properties(stack) == props  # synthesizing again applies nothing twice


def test_include_and_exclude_resource_types() -> None:
    stack = Stack(App(), "Some")
    CfnBucket(stack, "Bucket")
    CfnUserPool(stack, "Pool")
    Tags.of(stack).add("only", "buckets", include_resource_types=["AWS::S3::Bucket"])
    Tags.of(stack).remove("only", exclude_resource_types=["AWS::S3::Bucket"])
    props = _properties(stack)
    assert props["Bucket"]["Tags"] == [{"Key": "only", "Value": "buckets"}]
    assert "UserPoolTags" not in props["Pool"]


def test_props_classes_keep_the_plain_name() -> None:
    from cfnpy.aws_s3 import CfnBucketProps

    assert CfnBucketProps(tags=[{"key": "k", "value": "v"}]).tags is not None
    with pytest.raises(AttributeError):
        CfnBucketProps.tags_raw  # noqa: B018 - only the resource separates the two
