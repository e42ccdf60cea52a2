"""App synthesis and stack environments."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

from cfnpy.core import (
    App,
    ArnFormat,
    Aws,
    CfnOutput,
    CfnParameter,
    CfnResource,
    Construct,
    Environment,
    Stack,
    SynthesisError,
    Token,
    ValidationError,
)


def test_synth_writes_one_template_per_stack(tmp_path: Path) -> None:
    app = App(outdir=str(tmp_path / "out"))
    one = Stack(app, "One", description="first")
    CfnResource(one, "Bucket", type="AWS::S3::Bucket", properties={"BucketName": "ünïcode"})
    two = Stack(Construct(app, "Group"), "Two", stack_name="Second")
    CfnParameter(two, "P")
    CfnOutput(two, "Out", value=Aws.REGION)
    assembly = app.synth()
    assert assembly.directory == str(tmp_path / "out")
    assert [s.stack_name for s in assembly.stacks] == ["One", "Second"]
    text = (tmp_path / "out" / "One.template.json").read_text(encoding="utf-8")
    assert text == json.dumps(one.to_template(), indent=1, ensure_ascii=False)
    assert text.startswith('{\n "Description": "first",\n "Resources": {')
    assert "ünïcode" in text
    second = json.loads((tmp_path / "out" / "Second.template.json").read_text())
    assert second == {
        "Parameters": {"P": {"Type": "String"}},
        "Outputs": {"Out": {"Value": {"Ref": "AWS::Region"}}},
    }
    artifact = assembly.get_stack_by_name("Second")
    assert artifact.template == second
    assert artifact.template_file == "Second.template.json"
    assert Path(artifact.template_full_path).exists()
    assert os.fspath(assembly) == str(tmp_path / "out")
    with pytest.raises(ValidationError, match='Unable to find stack with stack name "Nope"'):
        assembly.get_stack_by_name("Nope")


def test_default_outdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CDK_OUTDIR", str(tmp_path / "env"))
    app = App()
    Stack(app, "S")
    assert app.synth().directory == str(tmp_path / "env")
    monkeypatch.delenv("CDK_OUTDIR")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    other = App()
    Stack(other, "S")
    directory = other.synth().directory
    assert Path(directory).parent == tmp_path
    assert Path(directory, "S.template.json").exists()


def test_same_stack_name_twice_is_an_error(tmp_path: Path) -> None:
    app = App(str(tmp_path))
    Stack(app, "A", stack_name="Same")
    Stack(app, "B", stack_name="Same")
    with pytest.raises(SynthesisError, match="have the same stack name 'Same'"):
        app.synth()


def test_validations_stop_synthesis(tmp_path: Path) -> None:
    app = App(str(tmp_path))
    stack = Stack(app, "S")

    class Failing:
        def validate(self) -> list[str]:
            return ["something is wrong"]

    stack.node.add_validation(Failing())
    with pytest.raises(SynthesisError, match=r"Validation failed with the following errors:\n  \[S\] something is wrong"):
        app.synth()
    assert not list(tmp_path.iterdir())


def test_tree_is_unlocked_after_synthesis(tmp_path: Path) -> None:
    app = App(str(tmp_path))
    stack = Stack(app, "S")
    app.synth()
    Construct(stack, "AfterSynth")


def test_standalone_stack_has_an_implicit_app() -> None:
    stack = Stack()
    assert isinstance(stack.node.scope, App)
    assert App.is_app(stack.node.root)
    assert stack.node.id == "Default"
    assert stack.stack_name == "Default"
    assert stack.node.path == "Default"
    assert Stack.is_stack(stack)


def test_stack_of() -> None:
    stack = Stack(App(), "S")
    deep = Construct(Construct(stack, "A"), "B")
    assert Stack.of(deep) is stack
    assert Stack.of(stack) is stack
    inner = Stack(deep, "Inner")
    assert Stack.of(Construct(inner, "X")) is inner
    with pytest.raises(ValidationError, match="Construct at 'Loose' should be created in the scope of a Stack, but no Stack found"):
        Stack.of(Construct(stack.node.root, "Loose"))


def test_environment_agnostic_stack() -> None:
    stack = Stack(App(), "S")
    assert Token.is_unresolved(stack.account) and Token.is_unresolved(stack.region)
    assert stack.resolve([stack.account, stack.region, stack.partition, stack.url_suffix, stack.stack_id]) == [
        {"Ref": "AWS::AccountId"},
        {"Ref": "AWS::Region"},
        {"Ref": "AWS::Partition"},
        {"Ref": "AWS::URLSuffix"},
        {"Ref": "AWS::StackId"},
    ]
    assert stack.environment == "aws://unknown-account/unknown-region"
    assert stack.resolve(stack.notification_arns) == {"Ref": "AWS::NotificationARNs"}
    assert stack.resolve(stack.availability_zones) == [
        {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
        {"Fn::Select": [1, {"Fn::GetAZs": ""}]},
    ]


@pytest.mark.parametrize(
    ("region", "partition"),
    [("us-east-1", "aws"), ("cn-north-1", "aws-cn"), ("us-gov-west-1", "aws-us-gov"), ("us-iso-east-1", "aws-iso")],
)
def test_concrete_environment(region: str, partition: str) -> None:
    stack = Stack(App(), "S", env=Environment(account="123456789012", region=region))
    assert (stack.account, stack.region, stack.partition) == ("123456789012", region, partition)
    assert stack.environment == f"aws://123456789012/{region}"


def test_environment_as_mapping() -> None:
    stack = Stack(App(), "S", env={"region": "eu-west-1"})
    assert stack.region == "eu-west-1" and Token.is_unresolved(stack.account)
    with pytest.raises(ValidationError, match="Unknown environment key"):
        Stack(App(), "T", env={"acount": "1"})


def test_format_and_split_arn() -> None:
    stack = Stack(App(), "S", env={"account": "111122223333", "region": "eu-west-1"})
    assert stack.format_arn(service="s3", resource="bucket", region="", account="") == "arn:aws:s3:::bucket"
    assert (
        stack.format_arn(service="sqs", resource="queue", resource_name="q", arn_format=ArnFormat.COLON_RESOURCE_NAME)
        == "arn:aws:sqs:eu-west-1:111122223333:queue:q"
    )
    agnostic = Stack(App(), "A")
    arn = agnostic.format_arn(service="lambda", resource="function", resource_name="f")
    assert agnostic.resolve(arn) == {
        "Fn::Join": [
            "",
            [
                "arn:",
                {"Ref": "AWS::Partition"},
                ":lambda:",
                {"Ref": "AWS::Region"},
                ":",
                {"Ref": "AWS::AccountId"},
                ":function/f",
            ],
        ]
    }
    parts = stack.split_arn("arn:aws:iam::111122223333:role/path/name", ArnFormat.SLASH_RESOURCE_NAME)
    assert (parts.partition, parts.service, parts.region, parts.account) == ("aws", "iam", "", "111122223333")
    assert (parts.resource, parts.resource_name) == ("role", "path/name")
    with pytest.raises(ValidationError, match="ARNs must have at least 6 components: arn:aws"):
        stack.split_arn("arn:aws", ArnFormat.NO_RESOURCE_NAME)
