"""The generated CfnEventInvokeConfig: API, validation from the schema, synthesis."""

from __future__ import annotations

import inspect
from typing import Any, Dict

import pytest

from cfnpy.aws_lambda import CfnEventInvokeConfig, CfnEventInvokeConfigProps
from cfnpy.core import App, CfnParameter, Fn, Stack, Token
from cfnpy.core._props import PropertyTypeError, PropertyValueError

ARN = "arn:aws:sqs:us-east-1:123456789012:queue"


def make(**props: Any) -> CfnEventInvokeConfig:
    stack = Stack(App(), "Test")
    values: Dict[str, Any] = {"function_name": "fn", "qualifier": "$LATEST", **props}
    return CfnEventInvokeConfig(stack, "Config", **values)


def properties(resource: CfnEventInvokeConfig) -> Dict[str, Any]:
    template = resource.stack.to_template()
    props: Dict[str, Any] = template["Resources"][resource.logical_id].get("Properties", {})
    return props


# -- API -----------------------------------------------------------------------


def test_signature_matches_aws_cdk() -> None:
    params = inspect.signature(CfnEventInvokeConfig.__init__).parameters
    assert list(params) == [
        "self",
        "scope",
        "id",
        "function_name",
        "qualifier",
        "destination_config",
        "maximum_event_age_in_seconds",
        "maximum_retry_attempts",
    ]
    kinds = {name: p.kind for name, p in params.items()}
    assert all(kinds[n] is inspect.Parameter.KEYWORD_ONLY for n in list(params)[3:])
    assert params["function_name"].default is inspect.Parameter.empty
    assert params["qualifier"].default is inspect.Parameter.empty
    for name in ("destination_config", "maximum_event_age_in_seconds", "maximum_retry_attempts"):
        assert params[name].default is None


def test_type_name_and_docs() -> None:
    assert CfnEventInvokeConfig.CFN_RESOURCE_TYPE_NAME == "AWS::Lambda::EventInvokeConfig"
    doc = inspect.getdoc(CfnEventInvokeConfig) or ""
    assert "configures options for asynchronous invocation" in doc
    assert ":see: http://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventinvokeconfig.html" in doc
    assert "Example::" in doc
    init_doc = inspect.getdoc(CfnEventInvokeConfig.__init__) or ""
    assert ":param maximum_event_age_in_seconds: The maximum age of a request" in init_doc
    assert "Minimum: 60. Maximum: 21600." in init_doc
    assert ":param qualifier:" in init_doc and "Changing it requires replacement" in init_doc


def test_props_readable_and_settable() -> None:
    resource = make(maximum_retry_attempts=1)
    assert resource.function_name == "fn"
    assert resource.maximum_retry_attempts == 1
    resource.maximum_retry_attempts = 2
    resource.function_name = "other"
    assert properties(resource)["MaximumRetryAttempts"] == 2
    assert properties(resource)["FunctionName"] == "other"
    resource.maximum_retry_attempts = None
    assert "MaximumRetryAttempts" not in properties(resource)


def test_props_class() -> None:
    props = CfnEventInvokeConfigProps(function_name="fn", qualifier="live", maximum_retry_attempts=0)
    assert props.maximum_retry_attempts == 0
    assert props == CfnEventInvokeConfigProps(function_name="fn", qualifier="live", maximum_retry_attempts=0)
    with pytest.raises(TypeError):
        CfnEventInvokeConfigProps(function_name="fn")  # type: ignore[call-arg]


def test_nested_property_types_equality_and_repr() -> None:
    a = CfnEventInvokeConfig.OnFailureProperty(destination=ARN)
    b = CfnEventInvokeConfig.OnFailureProperty(destination=ARN)
    assert a == b and a != CfnEventInvokeConfig.OnSuccessProperty(destination=ARN)
    assert repr(a) == f"CfnEventInvokeConfig.OnFailureProperty(destination={ARN!r})"
    with pytest.raises(TypeError):
        CfnEventInvokeConfig.OnFailureProperty(ARN)  # type: ignore[misc]


# -- dict forms ----------------------------------------------------------------


@pytest.mark.parametrize(
    "config",
    [
        {"on_failure": {"destination": ARN}},
        {"onFailure": {"destination": ARN}},
        {"OnFailure": {"Destination": ARN}},
        CfnEventInvokeConfig.DestinationConfigProperty(on_failure={"destination": ARN}),
    ],
)
def test_nested_props_as_dicts(config: Any) -> None:
    resource = make(destination_config=config)
    assert properties(resource)["DestinationConfig"] == {"OnFailure": {"Destination": ARN}}
    assert isinstance(resource.destination_config, CfnEventInvokeConfig.DestinationConfigProperty)


def test_unknown_key_names_the_key_and_the_allowed_ones() -> None:
    with pytest.raises(PropertyValueError) as caught:
        make(destination_config={"on_failur": {"destination": ARN}})
    message = str(caught.value)
    assert "CfnEventInvokeConfig.destination_config['on_failur']" in message
    assert "allowed keys: on_failure, on_success" in message
    assert "Did you mean 'on_failure'?" in message


# -- validators: both sides of every bound -------------------------------------


@pytest.mark.parametrize("value", [60, 61, 3600, 21599, 21600, 60.0])
def test_event_age_accepted(value: Any) -> None:
    assert properties(make(maximum_event_age_in_seconds=value))["MaximumEventAgeInSeconds"] == int(value)


@pytest.mark.parametrize("value, rule", [(59, "less than the minimum of 60"), (21601, "greater than the maximum of 21600"), (0, "minimum"), (-1, "minimum")])
def test_event_age_rejected(value: int, rule: str) -> None:
    with pytest.raises(PropertyValueError) as caught:
        make(maximum_event_age_in_seconds=value)
    message = str(caught.value)
    assert "CfnEventInvokeConfig.maximum_event_age_in_seconds" in message
    assert repr(value) in message and rule in message
    assert "Test/Config" in message


@pytest.mark.parametrize("value", [0, 1, 2])
def test_retry_attempts_accepted(value: int) -> None:
    assert properties(make(maximum_retry_attempts=value))["MaximumRetryAttempts"] == value


@pytest.mark.parametrize("value", [-1, 3, 100])
def test_retry_attempts_rejected(value: int) -> None:
    with pytest.raises(ValueError, match="maximum_retry_attempts"):
        make(maximum_retry_attempts=value)


@pytest.mark.parametrize("value", [True, False, "1", 1.5, [1]])
def test_integer_type_is_strict(value: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        make(maximum_retry_attempts=value)


def test_bool_is_not_an_int() -> None:
    with pytest.raises(PropertyTypeError) as caught:
        make(maximum_retry_attempts=True)
    assert isinstance(caught.value, TypeError) and "is not an integer" in str(caught.value)


@pytest.mark.parametrize(
    "name", ["my-function", "arn:aws:lambda:us-east-1:123456789012:function:my-function", "fn:live", "123456789012:function:f"]
)
def test_function_name_pattern_accepts(name: str) -> None:
    assert properties(make(function_name=name))["FunctionName"] == name


@pytest.mark.parametrize("name", ["", "has space", "bad/slash", "f:"])
def test_function_name_pattern_rejects(name: str) -> None:
    with pytest.raises(PropertyValueError, match="does not match the pattern"):
        make(function_name=name)


@pytest.mark.parametrize("qualifier", ["$LATEST", "$LATEST.PUBLISHED", "live", "12", "a" * 129])
def test_qualifier_pattern_accepts(qualifier: str) -> None:
    assert properties(make(qualifier=qualifier))["Qualifier"] == qualifier


# The schema's pattern is unanchored on the left of its second branch (as AWS wrote
# it), so only values whose end breaks the pattern are rejected, as jsonschema would.
@pytest.mark.parametrize("qualifier", ["", "trailing space ", "slash/"])
def test_qualifier_pattern_rejects(qualifier: str) -> None:
    with pytest.raises(PropertyValueError, match="CfnEventInvokeConfig.qualifier"):
        make(qualifier=qualifier)


@pytest.mark.parametrize("destination", ["", ARN, "arn:aws-cn:sns:cn-north-1:123456789012:t", "arn:aws:lambda:::x"])
def test_destination_accepts(destination: str) -> None:
    resource = make(destination_config={"on_success": {"destination": destination}})
    assert properties(resource)["DestinationConfig"]["OnSuccess"]["Destination"] == destination


def test_destination_pattern_and_length() -> None:
    with pytest.raises(PropertyValueError) as caught:
        make(destination_config={"on_failure": {"destination": "not-an-arn"}})
    assert "CfnEventInvokeConfig.destination_config.on_failure.destination" in str(caught.value)
    longest = "arn:aws:sqs:us-east-1:123456789012:" + "q" * (350 - 35)
    assert len(longest) == 350
    make(destination_config={"on_failure": {"destination": longest}})
    with pytest.raises(PropertyValueError, match="longer than the maximum length of 350"):
        make(destination_config={"on_failure": {"destination": longest + "q"}})


@pytest.mark.parametrize("missing", ["function_name", "qualifier"])
def test_required_props(missing: str) -> None:
    with pytest.raises(PropertyValueError, match=f"{missing}: None is required"):
        make(**{missing: None})
    resource = make()
    with pytest.raises(PropertyValueError, match="is required"):
        setattr(resource, missing, None)


def test_required_nested_prop() -> None:
    with pytest.raises(PropertyValueError, match="on_failure.destination: None is required"):
        make(destination_config={"on_failure": {}})
    with pytest.raises(TypeError):
        CfnEventInvokeConfig.OnFailureProperty()  # type: ignore[call-arg]


def test_changes_after_construction_are_checked() -> None:
    # A structure the resource holds, changed through its own setter, or replaced: checked
    # then (lists and dicts changed in place are checked again at synthesis: see
    # tests/agreement/test_runtime_errors.py).
    resource = make(destination_config={"on_failure": {"destination": ARN}})
    assert isinstance(resource.destination_config, CfnEventInvokeConfig.DestinationConfigProperty)
    on_failure = resource.destination_config.on_failure
    assert isinstance(on_failure, CfnEventInvokeConfig.OnFailureProperty)
    with pytest.raises(PropertyValueError, match="longer than the maximum length"):
        on_failure.destination = "x" * 400
    resource.destination_config.on_failure = None
    with pytest.raises(PropertyValueError, match="destination: None is required"):
        resource.destination_config = {"on_failure": {}}  # a structure with a required destination


# -- tokens skip value checks --------------------------------------------------


def test_tokens_pass() -> None:
    stack = Stack(App(), "Tokens")
    number = CfnParameter(stack, "Number", type="Number")
    text = CfnParameter(stack, "Text")
    resource = CfnEventInvokeConfig(
        stack,
        "Config",
        function_name=text.value_as_string,
        qualifier=Fn.join("-", [text.value_as_string, "x"]),
        maximum_event_age_in_seconds=number.value_as_number,
        maximum_retry_attempts=number.value_as_number,
        destination_config={"on_failure": {"destination": Fn.get_att("Queue", "Arn")}},
    )
    assert Token.is_unresolved(resource.maximum_event_age_in_seconds)
    props = properties(resource)
    assert props["FunctionName"] == {"Ref": "Text"}
    assert props["MaximumEventAgeInSeconds"] == {"Ref": "Number"}
    assert props["DestinationConfig"] == {"OnFailure": {"Destination": {"Fn::GetAtt": ["Queue", "Arn"]}}}


def test_whole_struct_as_token() -> None:
    resource = make(destination_config=Fn.get_att("Other", "Config"))
    assert properties(resource)["DestinationConfig"] == {"Fn::GetAtt": ["Other", "Config"]}
