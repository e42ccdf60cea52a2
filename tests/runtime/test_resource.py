"""The L2 Resource base class."""

from __future__ import annotations

import inspect

import pytest

from cfnpy.core import (
    App,
    CfnResource,
    Construct,
    IResource,
    RemovalPolicy,
    Resource,
    ResourceEnvironment,
    Stack,
    Token,
    ValidationError,
)


class Bucket(Resource):
    def __init__(self, scope: Construct, id: str, **kwargs: str) -> None:
        super().__init__(scope, id, **kwargs)
        self.resource = CfnResource(self, "Resource", type="AWS::S3::Bucket")


def test_apply_removal_policy_reaches_the_default_child() -> None:
    stack = Stack(App(), "S")
    bucket = Bucket(stack, "MyBucket")
    bucket.apply_removal_policy(RemovalPolicy.DESTROY)
    resource = stack.to_template()["Resources"]["MyBucketF68F3FF0"]
    assert resource == {"Type": "AWS::S3::Bucket", "UpdateReplacePolicy": "Delete", "DeletionPolicy": "Delete"}


def test_apply_removal_policy_without_cfn_child() -> None:
    stack = Stack(App(), "S")
    plain = Resource(stack, "Plain")
    with pytest.raises(ValidationError) as info:
        plain.apply_removal_policy(RemovalPolicy.RETAIN)
    assert str(info.value).startswith(
        "Cannot apply RemovalPolicy: no child or not a CfnResource. Apply the removal policy on the CfnResource directly."
    )
    assert "S/Plain" in str(info.value)
    other = Resource(stack, "Other")
    Construct(other, "Resource")
    with pytest.raises(ValidationError, match="Cannot apply RemovalPolicy"):
        other.apply_removal_policy(RemovalPolicy.RETAIN)


def test_env_and_stack() -> None:
    stack = Stack(App(), "S", env={"account": "111111111111", "region": "eu-west-1"})
    bucket = Bucket(stack, "B")
    assert bucket.stack is stack
    assert bucket.env == ResourceEnvironment(account="111111111111", region="eu-west-1")
    explicit = Bucket(stack, "C", account="222222222222", region="us-east-1")
    assert (explicit.env.account, explicit.env.region) == ("222222222222", "us-east-1")
    imported = Bucket(stack, "D", environment_from_arn="arn:aws:s3:us-west-2:333333333333:bucket/x")
    assert (imported.env.account, imported.env.region) == ("333333333333", "us-west-2")
    with pytest.raises(ValidationError, match="Supply at most one of 'account'/'region'"):
        Bucket(stack, "E", account="1", environment_from_arn="arn:aws:s3:::x")


def test_env_from_token_arn() -> None:
    stack = Stack(App(), "S")
    from cfnpy.core import CfnParameter

    arn = CfnParameter(stack, "Arn").value_as_string
    bucket = Bucket(stack, "B", environment_from_arn=arn)
    assert Token.is_unresolved(bucket.env.account)
    assert stack.resolve(bucket.env.region) == {"Fn::Select": [3, {"Fn::Split": [":", {"Ref": "Arn"}]}]}


def test_physical_name_and_predicates() -> None:
    stack = Stack(App(), "S")
    named = Bucket(stack, "Named", physical_name="my-bucket")
    assert named._physical_name == "my-bucket"
    assert Bucket(stack, "Unnamed")._physical_name is None
    assert Resource.is_resource(named)
    assert not Resource.is_resource(stack)
    assert isinstance(named, IResource)


def test_docstrings_match_aws_cdk() -> None:
    assert inspect.getdoc(Resource.apply_removal_policy) == (
        "Apply the given removal policy to this resource.\n\n"
        "The Removal Policy controls what happens to this resource when it stops being managed by CloudFormation, "
        "either because you've removed it from the CDK application or because you've made a change that requires "
        "the resource to be replaced.\n\n"
        "The resource can be deleted (``RemovalPolicy.DESTROY``), or left in your AWS account for data recovery "
        "and cleanup later (``RemovalPolicy.RETAIN``).\n\n"
        ":param policy:"
    )
    assert inspect.getdoc(Resource.env) == (
        "The environment this resource belongs to.\n\n"
        "For resources that are created and managed by the CDK (generally, those created by creating new class "
        "instances like Role, Bucket, etc.), this is always the same as the environment of the stack they belong "
        "to; however, for imported resources (those obtained from static methods like fromRoleArn, fromBucketName, "
        "etc.), that might be different than the stack they were imported into."
    )
    assert inspect.getdoc(Resource.stack) == "The stack in which this resource is defined."
    assert inspect.getdoc(Resource.is_resource) == "Check whether the given construct is a Resource.\n\n:param construct:"
    assert inspect.getdoc(Resource.is_construct) == "Return whether the given object is a Construct.\n\n:param x:"
