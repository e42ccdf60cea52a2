"""The generated validators agree with the registry schema.

For AWS::Lambda::EventInvokeConfig and the 50 types of ``agreement_schema.SAMPLE``,
hypothesis generates property values (valid ones, and ones broken near a bound: a
length, a number, an item count, a pattern, an enum, a type, a missing required key,
an unknown key, None) from the registry schema alone; each goes through the
generated class (constructed with the values as dicts, then synthesized) and,
separately, through jsonschema's Draft 7 validator on the schema (patterns read by
the ``regex`` module, as the runtime reads them). The verdicts must agree on every
example, and an accepted example must come out of the template unchanged.

Where they may differ on purpose, the difference is listed in
``agreement_schema.DELIBERATE`` with its reason and applied to the oracle in one
place; constraints the generated validators once lacked are listed in
``agreement_schema.EMITTED``, each with an example both sides must reject.
``test_deliberate_difference_is_real`` shows each listed
difference on a concrete example, so none of them hides anything else.

The sample is generated into a temporary package once per session and exercised in
two subprocesses (the package is named ``cfnpy`` too, so it cannot share this
process with the committed one). The hypothesis profile comes from
``CFN_AGREEMENT_PROFILE``: ``default`` (make test, derandomized: 60 examples per type,
600 for EventInvokeConfig) or ``fuzz`` (make fuzz: 3,000 per type, 30,000 for
EventInvokeConfig, random).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List, Sequence, Tuple

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import agreement_schema as agreement

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DRIVER = HERE / "agreement_driver.py"
PROFILE = os.environ.get("CFN_AGREEMENT_PROFILE", "default")
WORKERS = max(1, min(2, os.cpu_count() or 1))
# Types generated besides the sample, for the concrete examples of the emitted constraints.
EXTRA_TYPES = ("AWS::EC2::CustomerGateway", "AWS::S3::Bucket")
TESTED = (agreement.PRIMARY,) + agreement.SAMPLE


# -- the sample ----------------------------------------------------------------------


def test_sample_is_the_deterministic_choice() -> None:
    """SAMPLE is what select_sample() picks from the vendored schemas (refresh it with
    ``python tests/agreement/agreement_schema.py`` when the specs change)."""
    assert agreement.select_sample(agreement.load_schemas()) == list(agreement.SAMPLE)


def test_sample_is_large_varied_and_rich() -> None:
    schemas = agreement.load_schemas()
    assert len(set(agreement.SAMPLE)) == len(agreement.SAMPLE) >= 50
    assert agreement.PRIMARY not in agreement.SAMPLE
    assert len({name.split("::")[1] for name in agreement.SAMPLE}) == len(agreement.SAMPLE)
    richness = [agreement.richness(schemas[name]) for name in agreement.SAMPLE]
    assert all(r.structs >= 1 and r.lists >= 1 for r in richness)
    assert min(r.constraints for r in richness) >= 50
    assert sum(1 for r in richness if r.maps) >= 20


def test_sampled_schemas_are_read_as_the_generator_reads_them() -> None:
    """The oracle reads the vendored zip as is; the generator applies specs/patches first."""
    patched = {json.loads(p.read_text())["target"] for p in (ROOT / "specs" / "patches").glob("*.json")}
    schemas = agreement.load_schemas()
    files = {f"{name.lower().replace('::', '-')}.json" for name in TESTED + EXTRA_TYPES if name in schemas}
    assert not files & patched, "apply specs/patches in agreement_schema.load_schemas() for these types"


# -- the generated sample package, and the subprocesses ---------------------------------


@pytest.fixture(scope="session")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from codegen.cli import main

    out = tmp_path_factory.mktemp("agreement") / "generated"
    args = ["generate", "--out", str(out)]
    for name in TESTED + EXTRA_TYPES:
        args += ["--type", name]
    assert main(args) == 0
    return out


def _driver(package: Path, out: Path, *arguments: str) -> "subprocess.Popen[str]":
    env = {**os.environ, "PYTHONPATH": str(package), "CFN_AGREEMENT_PROFILE": PROFILE, "PYTHONWARNINGS": "ignore"}
    return subprocess.Popen(
        [sys.executable, str(DRIVER), "--out", str(out), *arguments],
        env=env,
        cwd=str(ROOT),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _read(out: Path, process: "subprocess.Popen[str]", package: Path) -> Dict[str, Any]:
    output, _ = process.communicate()
    assert process.returncode == 0, output
    results: Dict[str, Any] = json.loads(out.read_text())
    assert Path(results["cfnpy"]).is_relative_to(package), "the subprocess imported another cfnpy"
    return results


@pytest.fixture(scope="session")
def results(package: Path, tmp_path_factory: pytest.TempPathFactory) -> Dict[str, Any]:
    """Per type: did the verdicts agree on every example (one hypothesis run each)."""
    folder = tmp_path_factory.mktemp("agreement-results")
    # EventInvokeConfig runs 10x the examples: it starts the second share.
    shares: List[List[str]] = [list(agreement.SAMPLE[i::WORKERS]) for i in range(WORKERS)]
    shares[-1].insert(0, agreement.PRIMARY)
    running = [(folder / f"{i}.json", _driver(package, folder / f"{i}.json", *share)) for i, share in enumerate(shares)]
    merged: Dict[str, Any] = {}
    for out, process in running:
        merged.update(_read(out, process, package)["types"])
    return merged


@pytest.mark.parametrize("type_name", TESTED)
def test_validators_agree_with_the_registry_schema(results: Dict[str, Any], type_name: str) -> None:
    result = results[type_name]
    assert result["ok"], (
        f"{type_name}: the generated class and the registry schema disagree\n"
        f"{result['failure']}\n{result['report']}"
    )
    counts = result["counts"]
    # Not vacuous: both verdicts happen (make test's budget finds both on every type).
    assert counts.get("accepted", 0) >= 3 and counts.get("rejected", 0) >= 3, counts
    if type_name == agreement.PRIMARY:
        assert counts["accepted"] >= 100 and counts["rejected"] >= 100, counts


# -- the listed differences, each on a concrete example -----------------------------------

EIC = {"FunctionName": "my-function", "Qualifier": "$LATEST"}
APPFLOW = {"ConnectorProfileName": "profile", "ConnectionMode": "Public", "ConnectorType": "Salesforce"}
ASG = {"MinSize": "1", "MaxSize": "2"}
OMICS = {"WorkflowId": "1234567", "VersionName": "v1"}
GATEWAY = {"IpAddress": "192.0.2.1", "Type": "ipsec.1"}

# name -> (type, instance): the class and the schema disagree on the instance unless
# the oracle applies that entry of DELIBERATE (EMITTED ones: the two sides agree).
EXAMPLES: Dict[str, Tuple[str, Dict[str, Any]]] = {
    "NONE_IS_ABSENT": (agreement.PRIMARY, {**EIC, "MaximumRetryAttempts": None}),
    "CLOSED_PROPERTY_TYPES": (
        "AWS::AppFlow::ConnectorProfile",
        {**APPFLOW, "ConnectorProfileConfig": {"ConnectorProfileCredentials": {}, "Credentials": {}}},
    ),
    "FREE_FORM_JSON": ("AWS::Events::Rule", {"EventPattern": ["not", "an", "object"]}),
    # dependencies: MaxHealthyPercentage needs MinHealthyPercentage (presence rules are checked; this is not)
    "CROSS_PROPERTY_RULES": ("AWS::AutoScaling::AutoScalingGroup", {**ASG, "InstanceMaintenancePolicy": {"MaxHealthyPercentage": 150}}),
    "REF_SIBLINGS": (
        "AWS::DynamoDB::GlobalTable",
        {
            "Replicas": [{"Region": "us-east-1"}],
            "KeySchema": [{"AttributeName": name, "KeyType": "HASH"} for name in ("a", "b", "c")],
        },
    ),
    "uniqueItems": ("AWS::AutoScaling::AutoScalingGroup", {**ASG, "AvailabilityZoneIds": ["use1-az1", "use1-az1"]}),
    "minProperties": ("AWS::Omics::WorkflowVersion", {**OMICS, "ParameterTemplate": {}}),
    "maxProperties": ("AWS::Omics::WorkflowVersion", {**OMICS, "ParameterTemplate": {f"p{i}": {} for i in range(1001)}}),
    "multipleOf": ("AWS::EC2::CustomerGateway", {**GATEWAY, "BgpAsnExtended": 2147483648.5}),
    "const": (
        "AWS::S3::Bucket",
        {
            "AnalyticsConfigurations": [
                {
                    "Id": "report",
                    "StorageClassAnalysis": {
                        "DataExport": {
                            "Destination": {"BucketArn": "arn:aws:s3:::reports", "Format": "CSV"},
                            "OutputSchemaVersion": "V_2",
                        }
                    },
                }
            ]
        },
    ),
    "map_key_pattern": ("AWS::Cognito::UserPool", {"UserPoolTags": {"tab\tin key": "value"}}),
}


@pytest.fixture(scope="session")
def example_verdicts(package: Path, tmp_path_factory: pytest.TempPathFactory) -> Dict[Tuple[str, bool], Any]:
    """Both verdicts on each example: with every relaxation, and without its own."""
    folder = tmp_path_factory.mktemp("agreement-examples")
    keys, cases = [], []
    for name, (type_name, instance) in EXAMPLES.items():
        for relaxed in (True, False):
            keys.append((name, relaxed))
            cases.append({"type": type_name, "instance": instance, "without": [] if relaxed else [name]})
    (folder / "cases.json").write_text(json.dumps(cases))
    process = _driver(package, folder / "out.json", "--cases", str(folder / "cases.json"))
    return dict(zip(keys, _read(folder / "out.json", process, package)["cases"]))


def test_every_difference_has_an_example() -> None:
    assert set(EXAMPLES) == set(agreement.RELAXATIONS) | set(agreement.EMITTED)
    assert set(agreement.RELAXATIONS) <= set(agreement.DELIBERATE)


@pytest.mark.parametrize("name", [n for n in EXAMPLES if n in agreement.DELIBERATE])
def test_deliberate_difference_is_real(example_verdicts: Dict[Tuple[str, bool], Any], name: str) -> None:
    """Without the relaxation the two sides disagree on the example; with it they agree."""
    relaxed, strict = example_verdicts[(name, True)], example_verdicts[(name, False)]
    assert relaxed["class"] == relaxed["schema"], relaxed
    assert strict["class"] != strict["schema"], strict


@pytest.mark.parametrize("name", sorted(agreement.EMITTED))
def test_generator_emits_constraint(example_verdicts: Dict[Tuple[str, bool], Any], name: str) -> None:
    """A constraint the generated validators once lacked: both sides reject its example."""
    strict = example_verdicts[(name, False)]
    assert strict["class"] == strict["schema"] is False, strict


# -- the runtime's value specs for those constraints, against jsonschema ------------

from cfnpy.core import _props as _p  # noqa: E402
from cfnpy.core._props import PropertyValueError  # noqa: E402

_JSON_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.sampled_from([0.0, 1.0, 1.5, -2.0]), st.sampled_from(["", "a", "b"]))
_JSON = st.recursive(_JSON_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from("abc"), inner, max_size=3)), max_leaves=6)
_FAST = settings(max_examples=200, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck))


def _accepts(spec: Any, value: Any) -> bool:
    try:
        spec.check(value, "X.p")
    except PropertyValueError:
        return False
    return True


def _schema_accepts(schema: Dict[str, Any], value: Any) -> bool:
    oracle = agreement.Oracle({"typeName": "X::Y::Z", "properties": {"P": schema}}, relax=())
    return not list(oracle.validator.iter_errors({"P": value}))


@_FAST
@given(st.lists(_JSON, max_size=5))
def test_unique_items_agrees_with_json_schema(items: List[Any]) -> None:
    spec = _p.ListOf(_p.Json(), unique_items=True)
    assert _accepts(spec, items) == bool(jsonschema.Draft7Validator({"uniqueItems": True}).is_valid(items))


def test_unique_items_compares_property_types_by_value_and_skips_tokens() -> None:
    from cfnpy.aws_lambda import CfnEventInvokeConfig
    from cfnpy.core import Fn

    spec = _p.ListOf(_p.Struct(lambda: CfnEventInvokeConfig.OnFailureProperty), unique_items=True)
    arn = "arn:aws:sqs:us-east-1:123456789012:q"
    assert not _accepts(spec, [{"destination": arn}, CfnEventInvokeConfig.OnFailureProperty(destination=arn)])
    assert _accepts(spec, [{"destination": arn}, {"destination": arn + "2"}])
    strings = _p.ListOf(_p.String(), unique_items=True)
    token = Fn.ref("P")
    assert _accepts(strings, [token, token]), "tokens are compared at deployment, not here"
    with pytest.raises(PropertyValueError, match=r"has duplicate items \(at 0 and 2\); items must be unique"):
        strings.check(["a", "b", "a"], "X.p")


@_FAST
@given(st.dictionaries(st.text(st.sampled_from("ab-_ 9\t"), max_size=3), st.sampled_from(["v", 1]), max_size=4), st.integers(0, 3), st.integers(0, 3))
def test_map_keys_agree_with_json_schema(value: Dict[str, Any], low: int, high: int) -> None:
    pattern = "^[a-z0-9_-]+$"
    spec = _p.MapOf(_p.String(), key_pattern=pattern, min_keys=low, max_keys=high)
    schema = {"type": "object", "patternProperties": {pattern: {"type": "string"}}, "additionalProperties": False, "minProperties": low, "maxProperties": high}
    assert _accepts(spec, value) == _schema_accepts(schema, value)


@_FAST
@given(st.one_of(st.integers(-50, 50), st.floats(-50, 50, allow_nan=False)), st.sampled_from([1, 2, 5, 0.5, 0.1, 1.0]))
def test_multiple_of_agrees_with_json_schema(value: float, step: float) -> None:
    spec = _p.Double(multiple_of=step)
    assert _accepts(spec, value) == bool(jsonschema.Draft7Validator({"multipleOf": step}).is_valid(value))
