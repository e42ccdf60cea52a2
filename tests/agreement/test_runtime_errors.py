"""The errors a user of the generated classes sees: one clear error each, naming the
construct path, the property and the rule broken, with a hint where the fix is obvious.

Each case is written the way a user would hit it, with the committed example type
CfnEventInvokeConfig; the message is checked whole where it is short enough to read.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
from typing import Any, Dict

import pytest

from cfnpy.aws_lambda import CfnEventInvokeConfig, CfnEventInvokeConfigProps
from cfnpy.core import App, CfnpyError, Construct, Stack
from cfnpy.core._props import PropertyArgumentError, PropertyTypeError, PropertyValueError
from cfnpy.core.errors import SynthesisError, ValidationError

ARN = "arn:aws:sqs:us-east-1:123456789012:queue"


def make(stack: Stack, id: str = "Config", **props: Any) -> CfnEventInvokeConfig:
    values: Dict[str, Any] = {"function_name": "fn", "qualifier": "$LATEST", **props}
    return CfnEventInvokeConfig(stack, id, **values)


@pytest.fixture()
def stack() -> Stack:
    return Stack(App(), "Demo")


# -- a wrong value ---------------------------------------------------------------


def test_wrong_value_names_path_property_and_rule(stack: Stack) -> None:
    with pytest.raises(PropertyValueError) as caught:
        make(stack, maximum_event_age_in_seconds=59)
    assert str(caught.value) == (
        "CfnEventInvokeConfig.maximum_event_age_in_seconds: 59 is less than the minimum of 60 (at 'Demo/Config')"
    )
    assert caught.value.path == "Demo/Config"
    assert caught.value.prop_path == "CfnEventInvokeConfig.maximum_event_age_in_seconds"


def test_wrong_type_is_a_type_error_too(stack: Stack) -> None:
    with pytest.raises(PropertyTypeError) as caught:
        make(stack, maximum_retry_attempts="2")
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, CfnpyError)
    assert str(caught.value) == (
        "CfnEventInvokeConfig.maximum_retry_attempts: '2' is not an integer (got str) (at 'Demo/Config')"
    )


def test_wrong_nested_value_names_the_nested_path(stack: Stack) -> None:
    with pytest.raises(PropertyValueError) as caught:
        make(stack, destination_config={"on_failure": {"destination": "x" * 351}})
    message = str(caught.value)
    assert message.startswith("CfnEventInvokeConfig.destination_config.on_failure.destination: 'xxx")
    assert message.endswith("is longer than the maximum length of 350 (at 'Demo/Config')")


def test_value_changed_in_place_is_caught_at_synthesis_with_the_path(stack: Stack) -> None:
    from cfnpy.aws_ec2 import CfnSecurityGroup

    group = CfnSecurityGroup(stack, "Group", group_description="d", security_group_ingress=[{"ip_protocol": "tcp"}])
    rules = group.security_group_ingress
    assert isinstance(rules, list)
    rules.append({"ip_protocol": "tcp", "from_port": "eighty"})  # in place: no setter sees it
    with pytest.raises(PropertyValueError) as caught:
        stack.to_template()
    assert str(caught.value) == (
        "While synthesizing Demo/Group: CfnSecurityGroup.security_group_ingress[1].from_port: "
        "'eighty' is not an integer (got str) (at 'Demo/Group')"
    )


# -- a missing required property ---------------------------------------------------


def test_missing_required_keyword(stack: Stack) -> None:
    with pytest.raises(PropertyArgumentError) as caught:
        CfnEventInvokeConfig(stack, "Config", function_name="fn")  # type: ignore[call-arg]
    assert str(caught.value) == (
        "CfnEventInvokeConfig.qualifier: is required, but was not given (at 'Demo/Config')\n"
        "Hint: the required properties of CfnEventInvokeConfig are function_name, qualifier: "
        "CfnEventInvokeConfig(scope, id, function_name=..., qualifier=...)"
    )
    # Still the TypeError Python raises for such a call, and nothing was added to the tree.
    assert isinstance(caught.value, TypeError)
    assert stack.node.try_find_child("Config") is None


def test_missing_several_required_keywords(stack: Stack) -> None:
    with pytest.raises(PropertyArgumentError) as caught:
        CfnEventInvokeConfig(stack, "Config")  # type: ignore[call-arg]
    assert str(caught.value).startswith(
        "CfnEventInvokeConfig.function_name: is required, but was not given (nor qualifier) (at 'Demo/Config')"
    )


def test_required_given_as_none(stack: Stack) -> None:
    with pytest.raises(PropertyValueError) as caught:
        make(stack, qualifier=None)
    assert str(caught.value) == "CfnEventInvokeConfig.qualifier: None is required (at 'Demo/Config')"


def test_missing_required_key_of_a_nested_dict(stack: Stack) -> None:
    with pytest.raises(PropertyValueError) as caught:
        make(stack, destination_config={"on_failure": {}})
    assert str(caught.value) == (
        "CfnEventInvokeConfig.destination_config.on_failure.destination: None is required (at 'Demo/Config')"
    )


def test_missing_required_keyword_of_a_property_type() -> None:
    with pytest.raises(PropertyArgumentError) as caught:
        CfnEventInvokeConfig.OnFailureProperty()  # type: ignore[call-arg]
    assert str(caught.value) == (
        "CfnEventInvokeConfig.OnFailureProperty.destination: is required, but was not given\n"
        "Hint: the required properties of CfnEventInvokeConfig.OnFailureProperty are destination: "
        "CfnEventInvokeConfig.OnFailureProperty(destination=...)"
    )


# -- an unknown keyword --------------------------------------------------------------


def test_misspelled_keyword_suggests_the_close_match(stack: Stack) -> None:
    with pytest.raises(PropertyArgumentError) as caught:
        make(stack, maximum_retry_attempt=1)
    assert str(caught.value) == (
        "CfnEventInvokeConfig.maximum_retry_attempt: is not a keyword argument of CfnEventInvokeConfig; "
        "its properties are: destination_config, function_name, maximum_event_age_in_seconds, "
        "maximum_retry_attempts, qualifier (at 'Demo/Config')\n"
        "Hint: Did you mean 'maximum_retry_attempts'?"
    )
    assert isinstance(caught.value, TypeError)
    assert stack.node.try_find_child("Config") is None


@pytest.mark.parametrize(
    "keyword, suggestion",
    [
        ("maximumRetryAttempts", "Did you mean 'maximum_retry_attempts'? Keyword arguments are spelled in snake_case."),
        ("MaximumRetryAttempts", "Did you mean 'maximum_retry_attempts'? Keyword arguments are spelled in snake_case."),
        ("maximumretryattempts", "Did you mean 'maximum_retry_attempts'?"),
        ("qualifer", "Did you mean 'qualifier'?"),
        ("destination", "Did you mean 'destination_config'?"),
    ],
)
def test_other_spellings_are_pointed_to_the_keyword(stack: Stack, keyword: str, suggestion: str) -> None:
    with pytest.raises(PropertyArgumentError) as caught:
        make(stack, **{keyword: 1})  # type: ignore[arg-type]
    assert caught.value.hint == suggestion


def test_unknown_keyword_without_a_close_match_has_no_hint(stack: Stack) -> None:
    with pytest.raises(PropertyArgumentError) as caught:
        make(stack, tags=[])
    assert caught.value.hint is None
    assert str(caught.value).startswith("CfnEventInvokeConfig.tags: is not a keyword argument of CfnEventInvokeConfig")


def test_misspelled_keyword_of_a_property_type() -> None:
    with pytest.raises(PropertyArgumentError) as caught:
        CfnEventInvokeConfig.OnFailureProperty(destinaton=ARN)  # type: ignore[call-arg]
    assert str(caught.value) == (
        "CfnEventInvokeConfig.OnFailureProperty.destinaton: is not a keyword argument of "
        "CfnEventInvokeConfig.OnFailureProperty; its properties are: destination\n"
        "Hint: Did you mean 'destination'?"
    )


def test_misspelled_keyword_of_a_props_class() -> None:
    with pytest.raises(PropertyArgumentError) as caught:
        CfnEventInvokeConfigProps(function_name="fn", qualifier="q", maximum_event_age=60)  # type: ignore[call-arg]
    assert caught.value.hint == "Did you mean 'maximum_event_age_in_seconds'?"


def test_misspelled_key_in_a_nested_dict(stack: Stack) -> None:
    with pytest.raises(PropertyValueError) as caught:
        make(stack, destination_config={"on_failur": {"destination": ARN}})
    assert str(caught.value) == (
        "CfnEventInvokeConfig.destination_config['on_failur']: 'on_failur' is not a known key; "
        "allowed keys: on_failure, on_success (at 'Demo/Config')\nHint: Did you mean 'on_failure'?"
    )


def test_properties_given_by_position(stack: Stack) -> None:
    with pytest.raises(PropertyArgumentError) as caught:
        CfnEventInvokeConfig(stack, "Config", "fn", "$LATEST")  # type: ignore[call-arg]
    assert str(caught.value) == (
        "CfnEventInvokeConfig: takes its properties as keyword arguments only, but 2 more positional "
        "arguments were given (at 'Demo/Config')\n"
        "Hint: name each property: CfnEventInvokeConfig(scope, id, function_name=..., qualifier=...)"
    )


def test_errors_raised_inside_the_constructor_are_not_rewritten(stack: Stack) -> None:
    # A TypeError from a value (not from the call's arguments) keeps its own message.
    with pytest.raises(PropertyTypeError) as caught:
        make(stack, maximum_retry_attempts=[1])
    assert not isinstance(caught.value, PropertyArgumentError)


def test_signatures_stay_the_generated_ones() -> None:
    """The explaining wrapper keeps what type checkers, IDEs and help() see."""
    init = CfnEventInvokeConfig.__init__
    assert init.__wrapped__.__qualname__ == "CfnEventInvokeConfig.__init__"  # type: ignore[attr-defined]
    params = inspect.signature(init).parameters
    assert list(params)[:3] == ["self", "scope", "id"]
    assert params["function_name"].kind is inspect.Parameter.KEYWORD_ONLY
    assert "Create a new ``AWS::Lambda::EventInvokeConfig``" in (init.__doc__ or "")
    nested = inspect.signature(CfnEventInvokeConfig.OnFailureProperty.__init__).parameters
    assert list(nested) == ["self", "destination"]


# -- subclasses keep their properties ----------------------------------------------


def test_a_subclass_of_a_generated_class_keeps_its_properties(stack: Stack) -> None:
    class Tuned(CfnEventInvokeConfig):
        pass

    Tuned(stack, "Tuned", function_name="fn", qualifier="$LATEST", maximum_retry_attempts=1)
    properties = stack.to_template()["Resources"]["Tuned"]["Properties"]
    assert properties == {"FunctionName": "fn", "Qualifier": "$LATEST", "MaximumRetryAttempts": 1}
    with pytest.raises(PropertyArgumentError) as caught:
        Tuned(stack, "Other", function_name="fn", qualifier="q", maximum_retry_attempt=1)  # type: ignore[call-arg]
    assert caught.value.hint == "Did you mean 'maximum_retry_attempts'?"
    assert caught.value.path == "Demo/Other"


def test_a_subclass_with_its_own_constructor(stack: Stack) -> None:
    class Latest(CfnEventInvokeConfig):
        def __init__(self, scope: Construct, id: str, *, function_name: str) -> None:
            super().__init__(scope, id, function_name=function_name, qualifier="$LATEST")

    Latest(stack, "Latest", function_name="fn")
    with pytest.raises(PropertyArgumentError) as caught:
        Latest(stack, "Other", function_nam="fn")  # type: ignore[call-arg]
    assert caught.value.hint == "Did you mean 'function_name'?"
    assert stack.to_template()["Resources"]["Latest"]["Properties"]["Qualifier"] == "$LATEST"


# -- a duplicate construct id -----------------------------------------------------------


def test_duplicate_construct_id(stack: Stack) -> None:
    make(stack)
    with pytest.raises(ValidationError) as caught:
        make(stack)
    assert str(caught.value) == (
        "There is already a Construct with name 'Config' in Stack [Demo] (at 'Demo')\n"
        "Hint: construct ids must be unique among siblings; pick another id, such as 'Config2'"
    )


def test_duplicate_construct_id_suggests_a_free_one(stack: Stack) -> None:
    make(stack)
    make(stack, "Config2")
    with pytest.raises(ValidationError) as caught:
        make(stack)
    assert caught.value.hint is not None and caught.value.hint.endswith("such as 'Config3'")


def test_duplicate_logical_id(stack: Stack) -> None:
    make(stack, "A-B")
    make(stack, "AB")
    with pytest.raises(SynthesisError) as caught:
        stack.to_template()
    message = str(caught.value)
    assert message.startswith("Duplicate logical ID 'AB' in section 'Resources' of stack 'Demo': used by 'Demo/A-B' and 'Demo/AB'")
    assert "(at 'Demo/AB')" in message and "Hint: give one of them another construct id" in message


# -- an invalid logical id ----------------------------------------------------------------


def test_invalid_logical_id_override(stack: Stack) -> None:
    resource = make(stack)
    with pytest.raises(ValidationError) as caught:
        resource.override_logical_id("my-config!")
    assert str(caught.value) == (
        "Invalid logical ID 'my-config!': logical IDs must match ^[A-Za-z0-9]{1,255}$ (at 'Demo/Config')\n"
        "Hint: use only letters and digits (such as 'myconfig')"
    )


def test_invalid_logical_id_rename(stack: Stack) -> None:
    make(stack)
    with pytest.raises(ValidationError) as caught:
        stack.rename_logical_id("Config", "new_config")
    assert str(caught.value) == (
        "Invalid logical ID 'new_config' (renaming 'Config'): logical IDs must match ^[A-Za-z0-9]{1,255}$ "
        "(at 'Demo')\nHint: use only letters and digits (such as 'newconfig')"
    )


def test_logical_id_derived_from_a_construct_id_without_letters(stack: Stack) -> None:
    make(stack, "---")
    with pytest.raises(SynthesisError) as caught:
        stack.to_template()
    assert str(caught.value) == (
        "Invalid logical ID '': logical IDs must match ^[A-Za-z0-9]{1,255}$ (at 'Demo/---')\n"
        "Hint: use override_logical_id() with an alphanumeric id, or change the construct id"
    )


# -- a cyclic dependency ------------------------------------------------------------------


def test_cycle_of_depends_on(stack: Stack) -> None:
    a, b = make(stack, "A"), make(stack, "B")
    a.add_dependency(b)
    b.add_dependency(a)
    with pytest.raises(SynthesisError) as caught:
        stack.to_template()
    assert str(caught.value) == (
        "Dependency cycle detected in stack 'Demo': Demo/A -> Demo/B -> Demo/A (at 'Demo')\n"
        "Hint: remove one of the add_dependency()/DependsOn links of this cycle"
    )


def test_cycle_of_references_names_the_properties(stack: Stack) -> None:
    a = make(stack, "A")
    b = make(stack, "B", function_name=a.ref)
    a.function_name = b.ref
    with pytest.raises(SynthesisError) as caught:
        stack.to_template()
    assert str(caught.value) == (
        "Dependency cycle detected in stack 'Demo': Demo/A -> Demo/B -> Demo/A "
        "(Demo/A needs Demo/B through Properties.FunctionName (Ref B); "
        "Demo/B needs Demo/A through Properties.FunctionName (Ref A)) (at 'Demo/A')\n"
        "Hint: CloudFormation cannot create resources that need each other: remove one of these references"
    )


def test_cycle_through_get_att_sub_and_depends_on(stack: Stack) -> None:
    from cfnpy.core import Fn

    a, b, c = make(stack, "A"), make(stack, "B"), make(stack, "C")
    a.qualifier = Fn.sub("${B.Arn}-x")
    b.destination_config = {"on_failure": {"destination": c.get_att("Arn")}}
    c.add_dependency(a)
    with pytest.raises(SynthesisError) as caught:
        stack.to_template()
    message = str(caught.value)
    assert message.startswith("Dependency cycle detected in stack 'Demo': Demo/A -> Demo/B -> Demo/C -> Demo/A")
    assert "Demo/A needs Demo/B through Properties.Qualifier (Fn::Sub ${B.Arn})" in message
    assert "Demo/B needs Demo/C through Properties.DestinationConfig.OnFailure.Destination (Fn::GetAtt C)" in message
    assert "Demo/C needs Demo/A through DependsOn" in message


def test_self_reference(stack: Stack) -> None:
    a = make(stack, "A")
    a.function_name = a.ref
    with pytest.raises(SynthesisError, match=r"Demo/A -> Demo/A \(Demo/A needs Demo/A through Properties.FunctionName \(Ref A\)\)"):
        stack.to_template()


def test_references_without_a_cycle_synthesize(stack: Stack) -> None:
    from cfnpy.core import Fn

    a = make(stack, "A")
    b = make(stack, "B", function_name=a.ref)
    make(stack, "C", function_name=Fn.sub("${A}-${B}-${!Literal}-${AWS::Region}"))
    b.add_dependency(a)
    resources = stack.to_template()["Resources"]
    assert resources["B"]["Properties"]["FunctionName"] == {"Ref": "A"}


# -- one error each, and cheap imports ----------------------------------------------------


def test_each_error_is_a_single_cfnpy_error(stack: Stack) -> None:
    """No chained tracebacks: the call errors replace Python's own (``from None``)."""
    with pytest.raises(PropertyArgumentError) as caught:
        make(stack, maximum_retry_attempt=1)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_import_stays_light() -> None:
    """The error paths import difflib and inspect only when they run."""
    code = (
        "import sys; import cfnpy.aws_lambda; "
        "print(sorted(m for m in ('difflib', 'inspect', 'regex', 'jsonschema') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=_env())
    assert result.stdout.strip() == "[]"


def _env() -> Dict[str, str]:
    import os
    from pathlib import Path

    generated = Path(__file__).resolve().parents[2] / "generated"
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(generated), os.environ.get("PYTHONPATH", "")])}
