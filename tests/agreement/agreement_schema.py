"""What the agreement tests compare: the registry schema's verdict on a resource's
properties (jsonschema, Draft 7) and the generated class's verdict on the same values.

Three parts, all driven by the registry schema alone (nothing here reads the
generator's model, so the generated validators are checked against an independent
reading of the schema):

* ``SAMPLE`` and ``select_sample``: the resource types under test, chosen
  deterministically from ``specs/CloudformationSchema.zip``.
* ``Oracle``: jsonschema's Draft 7 validator on the schema, with patterns read by the
  ``regex`` module (as the runtime reads them) and with the deliberate differences
  listed in ``DELIBERATE`` applied
  to the schema, each in one place.
* ``ValueStrategies``: hypothesis strategies for property values, valid and invalid,
  near every bound the schema sets.

``run_class`` is the other side: it builds the generated class from the same values.
"""

from __future__ import annotations

import copy
import json
import math
import re
import string
import warnings
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Set, Tuple

import regex

ROOT = Path(__file__).resolve().parent.parent.parent
SCHEMA_ZIP = ROOT / "specs" / "CloudformationSchema.zip"
PRIMARY = "AWS::Lambda::EventInvokeConfig"

# -- the sample -----------------------------------------------------------------

CONSTRAINT_KEYWORDS = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "enum",
    "minItems",
    "maxItems",
)
SAMPLE_SIZE = 50
MAX_PROPERTY_TYPES = 120

# select_sample() over the vendored specs: refresh with
#   .venv/bin/python tests/agreement/agreement_schema.py
# (the test test_sample_is_the_deterministic_choice fails when the specs change it).
SAMPLE: Tuple[str, ...] = (
    "AWS::QuickSight::DataSet",
    "AWS::KinesisFirehose::DeliveryStream",
    "AWS::Pipes::Pipe",
    "AWS::WAFv2::WebACL",
    "AWS::Lex::Bot",
    "AWS::SageMaker::Domain",
    "AWS::BedrockAgentCore::Harness",
    "AWS::Cognito::UserPool",
    "AWS::Kendra::DataSource",
    "AWS::Wisdom::MessageTemplate",
    "AWS::MediaPackageV2::OriginEndpoint",
    "AWS::AppFlow::ConnectorProfile",
    "AWS::Bedrock::KnowledgeBase",
    "AWS::DLM::LifecyclePolicy",
    "AWS::AutoScaling::AutoScalingGroup",
    "AWS::SecurityHub::Insight",
    "AWS::IdentityStore::User",
    "AWS::Lambda::Function",
    "AWS::GameLift::ContainerGroupDefinition",
    "AWS::KinesisAnalyticsV2::Application",
    "AWS::IoTSiteWise::AssetModel",
    "AWS::Chime::MediaInsightsPipelineConfiguration",
    "AWS::Events::Rule",
    "AWS::IoTAnalytics::Pipeline",
    "AWS::Glue::Table",
    "AWS::Scheduler::Schedule",
    "AWS::Connect::EvaluationForm",
    "AWS::DataSync::Task",
    "AWS::FSx::Volume",
    "AWS::DataBrew::Job",
    "AWS::EMRServerless::Application",
    "AWS::ApplicationInsights::Application",
    "AWS::CustomerProfiles::Integration",
    "AWS::ECS::Service",
    "AWS::IoT::TopicRule",
    "AWS::Transfer::Workflow",
    "AWS::CloudWatch::Alarm",
    "AWS::IoTTwinMaker::Entity",
    "AWS::Logs::Transformer",
    "AWS::WorkspacesInstances::WorkspaceInstance",
    "AWS::DynamoDB::GlobalTable",
    "AWS::Omics::WorkflowVersion",
    "AWS::Amplify::App",
    "AWS::Comprehend::EntityRecognizer",
    "AWS::Kinesis::Channel",
    "AWS::Synthetics::Canary",
    "AWS::AppRunner::Service",
    "AWS::ApplicationAutoScaling::ScalingPolicy",
    "AWS::IoTFleetWise::Campaign",
    "AWS::NetworkFirewall::RuleGroup",
)


def load_schemas(zip_path: Path = SCHEMA_ZIP) -> Dict[str, Dict[str, Any]]:
    """Every registry schema of the zip, by type name."""
    with zipfile.ZipFile(zip_path) as archive:
        docs = [json.loads(archive.read(name)) for name in sorted(archive.namelist()) if name.endswith(".json")]
    return {doc["typeName"]: doc for doc in docs}


def read_only_names(doc: Mapping[str, Any]) -> Set[str]:
    """Top-level properties listed in readOnlyProperties (not settable: no constructor argument)."""
    names = set()
    for pointer in doc.get("readOnlyProperties", ()):
        parts = pointer.split("/")
        if len(parts) == 3 and parts[1] == "properties":
            names.add(parts[2])
    return names


def settable_properties(doc: Mapping[str, Any]) -> Dict[str, Any]:
    hidden = read_only_names(doc)
    return {name: schema for name, schema in doc.get("properties", {}).items() if name not in hidden}


@dataclass
class Richness:
    """How much a schema's settable properties constrain: what the sample is ranked by."""

    constraints: int = 0
    structs: int = 0
    lists: int = 0
    maps: int = 0


def richness(doc: Mapping[str, Any]) -> Richness:
    """Counts over the settable properties, each definition counted once however often it is referenced."""
    found = Richness()
    seen: Set[str] = set()

    def walk(node: Any) -> None:
        if not isinstance(node, dict):
            return
        found.constraints += sum(1 for key in CONSTRAINT_KEYWORDS if key in node)
        ref = node.get("$ref")
        if isinstance(ref, str):
            if ref not in seen:
                seen.add(ref)
                walk(resolve_pointer(doc, ref))
            return
        if isinstance(node.get("properties"), dict) and node["properties"]:
            found.structs += 1
            for child in node["properties"].values():
                walk(child)
        if node.get("type") == "array" or "items" in node:
            found.lists += 1
            walk(node.get("items"))
        patterns = node.get("patternProperties")
        if isinstance(patterns, dict) and patterns:
            found.maps += 1
            for child in patterns.values():
                walk(child)
        elif isinstance(node.get("additionalProperties"), dict) and node["additionalProperties"]:
            found.maps += 1
            walk(node["additionalProperties"])

    for schema in settable_properties(doc).values():
        walk(schema)
    return found


def select_sample(schemas: Mapping[str, Mapping[str, Any]], size: int = SAMPLE_SIZE) -> List[str]:
    """The sample: per service, the type whose settable properties carry the most value
    constraints (min/max, lengths, patterns, enums, item counts), among types with at
    least one nested property type and one list and at most MAX_PROPERTY_TYPES property
    types (a bound on generation and test time); then the ``size`` services whose best
    type is richest. One type per service keeps the sample varied: each service team
    writes its schemas its own way. Ties break by type name; PRIMARY is tested apart."""
    best: Dict[str, Tuple[int, str]] = {}
    for type_name in sorted(schemas):
        doc = schemas[type_name]
        if type_name == PRIMARY:
            continue
        rich = richness(doc)
        if rich.structs < 1 or rich.lists < 1 or rich.structs > MAX_PROPERTY_TYPES:
            continue
        service = type_name.split("::")[1]
        key = (-rich.constraints, type_name)
        if service not in best or key < best[service]:
            best[service] = key
    ranked = sorted(best.values())
    return [type_name for _, type_name in ranked[:size]]


# -- schema reading -------------------------------------------------------------


def resolve_pointer(doc: Mapping[str, Any], ref: str) -> Any:
    if not ref.startswith("#/"):
        raise ValueError(f"unsupported $ref {ref!r}")
    target: Any = doc
    for part in ref[2:].split("/"):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    return target


def resolved(doc: Mapping[str, Any], node: Any, _depth: int = 0) -> Dict[str, Any]:
    """``node`` with its ``$ref`` chain followed; keywords written next to a ``$ref`` are
    laid over the target's (AWS writes them meaning both to apply)."""
    if not isinstance(node, dict):
        return {}
    if "$ref" not in node or _depth > 20:
        return node
    target = resolved(doc, resolve_pointer(doc, node["$ref"]), _depth + 1)
    merged = dict(target)
    merged.update({k: v for k, v in node.items() if k != "$ref"})
    return merged


def declared_types(node: Mapping[str, Any]) -> List[str]:
    declared = node.get("type")
    if isinstance(declared, list):
        return sorted(set(declared) - {"null"})
    return [declared] if isinstance(declared, str) else []


COMBINATORS = ("allOf", "anyOf", "oneOf")
SCALAR_TYPES = ("string", "integer", "number", "boolean")


def _inline_branches(node: Mapping[str, Any]) -> List[Dict[str, Any]]:
    """The branches of ``node``'s allOf/anyOf/oneOf written in place (not ``$ref``s)."""
    found: List[Dict[str, Any]] = []
    for keyword in COMBINATORS:
        branches = node.get(keyword)
        if isinstance(branches, list):
            found += [b for b in branches if isinstance(b, dict) and "$ref" not in b]
    return found


def is_struct(node: Mapping[str, Any]) -> bool:
    """An object schema with named properties: a generated property type (a class). The
    names may all come from branches written in place (``oneOf: [{properties: {A}},
    {properties: {B}}]`` is one structure with A and B)."""
    if not isinstance(node, dict) or node.get("type", "object") not in ("object", ["object"]):
        return False
    if isinstance(node.get("properties"), dict) and node["properties"]:
        return True
    return any(is_struct(branch) for branch in _inline_branches(node))


def map_value_schema(node: Mapping[str, Any]) -> Optional[Any]:
    """The value schema of a map (an object keyed by free names), if ``node`` is one."""
    patterns = node.get("patternProperties")
    if isinstance(patterns, dict) and len(patterns) == 1:
        return next(iter(patterns.values()))
    extra = node.get("additionalProperties")
    if isinstance(extra, dict) and extra:
        return extra
    return None


def implied_type(node: Mapping[str, Any]) -> Optional[str]:
    """The JSON type a node without ``type`` can only have: that of its enum values when
    they are all strings (booleans, integers), an object when it describes its keys."""
    enum = node.get("enum")
    if isinstance(enum, list) and enum:
        if all(isinstance(v, bool) for v in enum):
            return "boolean"
        if all(isinstance(v, str) for v in enum):
            return "string"
        if all(isinstance(v, int) and not isinstance(v, bool) for v in enum):
            return "integer"
        return None
    if isinstance(node.get("patternProperties"), dict) or isinstance(node.get("additionalProperties"), dict):
        return "object"
    return None


def value_kinds(node: Mapping[str, Any]) -> List[str]:
    """The JSON types a (resolved) node's value may have: declared, or implied by its enum or keys."""
    kinds = declared_types(node)
    if kinds or is_struct(node):
        return kinds
    implied = implied_type(node)
    return [implied] if implied is not None else []


def referenced_alternatives(node: Mapping[str, Any]) -> Optional[List[Dict[str, Any]]]:
    """The branches of a node without type or properties whose oneOf (else anyOf) is a list
    of bare ``$ref``s: the value is one of the types they name."""
    if "type" in node or "properties" in node or "$ref" in node:
        return None
    for keyword in ("oneOf", "anyOf"):
        branches = node.get(keyword)
        if isinstance(branches, list) and branches:
            if all(isinstance(b, dict) and set(b) == {"$ref"} for b in branches):
                return list(branches)
            return None
    return None


# Keywords a branch of a scalar's anyOf/oneOf may add to the scalar's own.
SCALAR_CONSTRAINTS = (
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "pattern",
    "enum",
    "const",
    "multipleOf",
)


def scalar_alternatives(doc: Mapping[str, Any], node: Mapping[str, Any], kind: str) -> Optional[List[Dict[str, Any]]]:
    """A scalar whose anyOf (else oneOf) has two or more branches, each written in place or
    a ``$ref`` to a definition, all of the scalar's type: the branches' constraints, one of
    which the value must meet (besides the scalar's own). None when there is no such choice."""
    if kind not in SCALAR_TYPES:
        return None
    for keyword in ("anyOf", "oneOf"):
        branches = node.get(keyword)
        if not isinstance(branches, list) or len(branches) < 2:
            continue
        targets = [resolve_pointer(doc, b["$ref"]) if isinstance(b, dict) and isinstance(b.get("$ref"), str) else b for b in branches]
        if not all(isinstance(t, dict) and "$ref" not in t and t.get("type", kind) == kind for t in targets):
            return None
        return [{key: t[key] for key in SCALAR_CONSTRAINTS if key in t} for t in targets]
    return None


def is_closed_empty(node: Mapping[str, Any]) -> bool:
    """An object closed to every key (``additionalProperties: false``, no properties): only
    ``{}`` (what valid values give it; the class checks it with ``Json(max_keys=0)``)."""
    return (
        not is_struct(node)
        and node.get("additionalProperties") is False
        and "patternProperties" not in node
        and not node.get("properties")
    )


def is_free_form(doc: Mapping[str, Any], node: Any, _depth: int = 0) -> bool:
    """Free-form JSON (deliberate difference FREE_FORM_JSON): a schema with no type that is
    not a structure, a choice of ``$ref``s, nor implied by its enum or keys; an object with
    neither properties nor one value schema for its keys (not one closed to every key: that
    is ``{}``, checked); a choice of several types one of which is such an object."""
    if not isinstance(node, dict):
        return True
    if "$ref" in node:
        target = resolve_pointer(doc, node["$ref"])
        if isinstance(target, dict) and is_struct(target):
            return False
        return _depth < 20 and is_free_form(doc, target, _depth + 1)
    if is_struct(node) or referenced_alternatives(node) is not None:
        return False
    kinds = value_kinds(node)
    if not kinds:
        return True
    if len(kinds) == 1 and kinds[0] == "object":
        if node.get("additionalProperties") is False and not node.get("patternProperties"):
            return False  # closed to every key: only {} (the class checks it: Json(max_keys=0))
        return map_value_schema(node) is None
    if len(kinds) > 1 and "object" in kinds:
        return True  # an object option of a choice is never a class or a map
    return False


# -- which properties must be set: structures' members and presence rules ------------


@dataclass(frozen=True)
class Presence:
    """A rule on which properties are set: every name of some option (of exactly one when
    ``exactly_one``). ``A.B`` names B inside the structure A: met when A is not given, is
    not an object, or has B."""

    exactly_one: bool
    options: Tuple[Tuple[str, ...], ...]

    def as_json(self) -> Dict[str, Any]:
        return {"exactly_one": self.exactly_one, "options": [list(option) for option in self.options]}


@dataclass
class Members:
    """A structure's properties (its own, then its inline branches'), required names and presence rules."""

    properties: Dict[str, Any]
    required: List[str]
    rules: List[Presence]


def members(doc: Mapping[str, Any], node: Mapping[str, Any], hidden: Iterable[str] = ()) -> Members:
    """How the schema's structure ``node`` reads as a class: properties of the node and of
    its branches written in place (the node's own definition first, then earlier branches');
    required names of the node, its allOf branches and a lone anyOf/oneOf branch; presence
    rules from anyOf/oneOf of two or more branches written in place (each branch's required
    names, and names required inside properties it narrows, are an option; a oneOf where a
    branch defines a name defined before is read as anyOf; a oneOf of branches that require
    nothing but are closed to their own properties means 'one of those is set') and from
    ``minProperties: 1`` (with ``maxProperties: 1``: exactly one) over own properties. Names
    in ``hidden`` (read-only) are not properties; a rule naming something that is not a
    settable property, or that cannot be met, is not read."""
    found = Members({}, [], [])
    _gather(node, found.properties, found.required, found.rules)
    for name in hidden:
        found.properties.pop(name, None)
    found.required = [name for name in found.required if name in found.properties]
    found.rules = [
        rule
        for rule in found.rules
        if all(_names_member(doc, found.properties, name) for option in rule.options for name in option) and _can_be_met(rule)
    ]
    return found


def _gather(node: Mapping[str, Any], properties: Dict[str, Any], required: List[str], rules: List[Presence]) -> None:
    own = node.get("properties")
    if isinstance(own, dict):
        for name, schema in own.items():
            properties.setdefault(name, schema)
    required += [name for name in node.get("required", ()) if isinstance(name, str) and name not in required]
    if isinstance(own, dict) and own and node.get("minProperties") == 1:
        rules.append(Presence(node.get("maxProperties") == 1, tuple((name,) for name in own)))
    for keyword in COMBINATORS:
        branches = node.get(keyword)
        if not isinstance(branches, list):
            continue
        inline = [b for b in branches if isinstance(b, dict) and "$ref" not in b]
        if keyword == "allOf" or len(branches) == 1:
            for branch in inline:
                _gather(branch, properties, required, rules)
            continue
        options: List[Tuple[str, ...]] = []
        defined = set(properties)
        redefined = False
        named: List[Set[str]] = []  # each branch's property names
        for branch in inline:
            branch_properties: Dict[str, Any] = {}
            branch_required: List[str] = []
            _gather(branch, branch_properties, branch_required, [])
            redefined = redefined or bool(defined & set(branch_properties))
            defined |= set(branch_properties)
            for name, schema in branch_properties.items():
                properties.setdefault(name, schema)
            options.append(tuple(branch_required + _narrowed_required(branch)))
            named.append(set(branch_properties))
        if len(inline) < len(branches):
            continue  # a $ref branch: no rule from this keyword
        closed = [branch.get("additionalProperties") is False for branch in inline]
        decided = all(_decided_by_presence(branch) for branch in inline)
        if keyword == "oneOf" and decided and all(closed) and all(named) and not any(options):
            # {} meets every branch: a value must set a name of one of them
            rules.append(Presence(False, tuple(dict.fromkeys((name,) for names in named for name in sorted(names)))))
            continue
        # 'exactly one' is sure only when a branch holds exactly when its names are set: it
        # narrows no value defined elsewhere and carries no other rule; closed branches must
        # each be broken by any other option's names (else a met option may fail on a key).
        exactly = keyword == "oneOf" and decided and not redefined
        if exactly and any(closed):
            exactly = all(closed) and not any(
                set(option) <= names for i, names in enumerate(named) for j, option in enumerate(options) if i != j
            )
        rules.append(Presence(exactly, tuple(options)))


_DECIDING_KEYS = {"required", "properties", "additionalProperties", "type", "title", "description", "$comment"}


def _decided_by_presence(branch: Mapping[str, Any]) -> bool:
    """A branch of a choice whose only rule is which names are set (besides values of its own):
    required names, its own properties, additionalProperties: false, and allOf (or one-branch
    choices) of such branches."""
    for keyword in COMBINATORS:
        parts = branch.get(keyword)
        if keyword in branch and not (
            isinstance(parts, list)
            and (keyword == "allOf" or len(parts) == 1)
            and all(isinstance(part, dict) and "$ref" not in part and _decided_by_presence(part) for part in parts)
        ):
            return False  # a choice inside the branch: the branch may fail with its names set
    return set(branch) - set(COMBINATORS) <= _DECIDING_KEYS and branch.get("additionalProperties", True) in (True, False)


def _narrowed_required(branch: Mapping[str, Any]) -> List[str]:
    """``{properties: {A: {required: [B]}}}`` in a branch: ``A.B``."""
    found: List[str] = []
    narrowed = branch.get("properties")
    if isinstance(narrowed, dict):
        for name, schema in narrowed.items():
            if isinstance(schema, dict) and "$ref" not in schema and "properties" not in schema:
                found += [f"{name}.{inner}" for inner in schema.get("required", ()) if isinstance(inner, str)]
    return found


def _names_member(doc: Mapping[str, Any], properties: Mapping[str, Any], name: str) -> bool:
    head, _, rest = name.partition(".")
    if head not in properties:
        return False
    if not rest:
        return True
    inner = resolved(doc, properties[head])
    return is_struct(inner) and _names_member(doc, members(doc, inner).properties, rest)


def _can_be_met(rule: Presence) -> bool:
    if not rule.exactly_one:
        return all(rule.options)
    sets = [set(option) for option in rule.options]
    return not any(a and a <= b for i, a in enumerate(sets) for j, b in enumerate(sets) if i != j)


def is_present(instance: Mapping[str, Any], name: str, none_is_absent: bool = True) -> bool:
    """Whether ``instance`` meets a name of a presence option (``A.B``: see Presence)."""
    head, _, rest = name.partition(".")
    if not rest:
        return head in instance and not (none_is_absent and instance[head] is None)
    inner = instance.get(head)
    return not isinstance(inner, dict) or is_present(inner, rest, none_is_absent)


def presence_met(rule: Presence, instance: Mapping[str, Any], none_is_absent: bool = True) -> bool:
    met = sum(1 for option in rule.options if all(is_present(instance, name, none_is_absent) for name in option))
    return met == 1 if rule.exactly_one else met >= 1


# -- deliberate differences -------------------------------------------------------

# Each is applied to the oracle in exactly one place (Oracle.__init__/_relax and the
# keyword overrides below); test_schema_agreement.EXAMPLES shows each on an example.
# READ_ONLY, FORMATS, ALIASES, PREFIX_ITEMS and JSON_VALUES_ONLY shape the oracle or the
# generated values themselves; the others can be switched off (RELAXATIONS).
DELIBERATE: Dict[str, str] = {
    "READ_ONLY": (
        "Properties listed in readOnlyProperties are attributes (attr_*), not constructor "
        "arguments: the class rejects them as unknown keywords, so the oracle drops them "
        "from the schema's properties and required list, as CloudFormation rejects them "
        "as input."
    ),
    "NONE_IS_ABSENT": (
        "In Python, None for a property (keyword argument or key of a property-type dict) "
        "means 'not given', as in AWS CDK: optional properties accept it, required ones "
        "report it missing. JSON has no 'not given' value; the oracle treats a None-valued "
        "key of an object with properties as absent. (Synthesis also drops None inside "
        "free-form JSON, so JSON null cannot be written there: without_none() expects that.)"
    ),
    "CLOSED_PROPERTY_TYPES": (
        "A property type (an object with named properties) is a class with a fixed set of "
        "fields, so a key the schema does not name is rejected even where the schema omits "
        "additionalProperties: false (about 2,000 objects in the registry do), as AWS CDK's "
        "L1 property types and cfn-lint (E3002) do. The oracle closes such objects."
    ),
    "FREE_FORM_JSON": (
        "Free-form JSON (a schema without type that is not an object with properties, an "
        "object with neither properties nor a value schema for its keys - unless it is closed "
        "to every key, which makes it {} and is checked - or a choice of "
        "types including such an object) is typed Any and not checked, as AWS CDK types it "
        "`any`: policy documents and the like are often given as JSON strings. The oracle "
        "accepts anything there."
    ),
    "CROSS_PROPERTY_RULES": (
        "Of the rules relating several properties, the class checks which properties are set "
        "(AWS CDK's L1s check none of them), where every name is a settable property "
        "of the structure: anyOf/oneOf of two or more branches written in place (each branch's "
        "required names, and names required inside properties it narrows, are an option: at "
        "least one / exactly one option fully set), a lone branch's and allOf branches' "
        "required names, and minProperties: 1 (with maxProperties: 1: exactly one) over the "
        "node's own properties. A structure has the properties of its branches written in place "
        "too, each with one value spec (the node's own, else the first branch's). Not checked, "
        "left to CloudFormation at deployment: not, dependencies, if/then/else; other property "
        "counts on a structure (maxProperties alone, minProperties above 1, names its branches "
        "add); what a branch narrows besides presence (an enum, a pattern, another key it "
        "forbids with additionalProperties: false); rules nested inside a branch of a choice; a "
        "choice with a $ref branch; a rule naming a read-only or undefined property, or a oneOf "
        "one of whose options contains another; allOf/anyOf/oneOf on lists, maps and free-form "
        "JSON, and on scalars unless every branch is of the scalar's type. Approximated: a oneOf "
        "is read as anyOf where a branch redefines a name already defined (it may narrow the "
        "value), on scalars (one branch's constraints met, with the scalar's own) and on a "
        "choice of $refs (the first type that accepts the value); a oneOf of closed branches "
        "that require nothing is read as 'at least one of their properties is set'. The oracle "
        "reads structures the same way (members(), Oracle._structure, PRESENCE) and drops the "
        "rest, but keeps 'exactly one' only where it is sure (every branch holds exactly when "
        "its names are set), so a class rejecting a valid value by it would disagree."
    ),
    "FORMATS": (
        "format is not checked by either side (jsonschema does not assert formats by "
        "default; AWS's formats such as AWS::IAM::Role.Arn are not JSON Schema formats)."
    ),
    "ALIASES": (
        "Property-type dicts also accept snake_case and AWS CDK camelCase spellings of "
        "each key; the tests give CloudFormation's spellings and never invent a key that "
        "is another spelling of a real one."
    ),
    "REF_SIBLINGS": (
        "Keywords written next to a $ref (maxItems, minLength...) apply, as AWS means them "
        "to and as the generator reads them; Draft 7 would ignore them. The oracle "
        "rewrites {$ref, k: v} to allOf [{$ref}, {k: v}]."
    ),
    "PREFIX_ITEMS": (
        "prefixItems (JSON Schema 2020-12; DynamoDB's KeySchema says 'HASH first, RANGE second' "
        "with it) is read by neither Draft 7 nor the generator (the oracle drops it)."
    ),
    "JSON_VALUES_ONLY": (
        "Only JSON values are generated: tokens skip checks by design, and non-finite "
        "numbers, tuples, dates are Python-only inputs with no schema verdict."
    ),
}

# Constraints once missing from the generated validators, now emitted: no longer relaxed;
# each keeps an example on which the two sides must agree (test_schema_agreement.py).
EMITTED: Dict[str, str] = {
    "uniqueItems": "list items must be distinct (runtime ready: ListOf(..., unique_items=True))",
    "minProperties": "a map's minimum number of keys (runtime ready: MapOf(..., min_keys=N))",
    "maxProperties": "a map's maximum number of keys (runtime ready: MapOf(..., max_keys=N))",
    "multipleOf": "a number must be a multiple of N (runtime ready: Integer/Double(multiple_of=N))",
    "const": "a single allowed value (S3::Bucket's DataExport.OutputSchemaVersion: 'V_1'; runtime ready: enum=(value,))",
    "map_key_pattern": (
        "a map keyed by one patternProperties pattern with additionalProperties: false accepts "
        "only keys matching the pattern (runtime ready: MapOf(..., key_pattern=...))"
    ),
}

RELAXATIONS: Tuple[str, ...] = (
    "NONE_IS_ABSENT",
    "CLOSED_PROPERTY_TYPES",
    "FREE_FORM_JSON",
    "CROSS_PROPERTY_RULES",
    "REF_SIBLINGS",
)
_CROSS_PROPERTY = ("oneOf", "anyOf", "allOf", "not", "dependencies", "dependentRequired", "dependentSchemas", "if", "then", "else")
_NOT_VALIDATED = ("format", "contains", "propertyNames", "prefixItems", "additionalItems")
# The oracle's own keyword for the presence rules a structure's class checks (Presence).
PRESENCE = "x-presence"


class Oracle:
    """jsonschema's verdict on a resource's properties (CloudFormation names).

    ``relax`` names the entries of DELIBERATE to apply (all by default); the
    tests switch one off to show the disagreement it accounts for."""

    def __init__(self, doc: Mapping[str, Any], relax: Iterable[str] = RELAXATIONS) -> None:
        import jsonschema

        self.doc = doc
        self.relax = frozenset(relax)
        unknown = self.relax - set(RELAXATIONS)
        if unknown:
            raise ValueError(f"unknown relaxations {sorted(unknown)}")
        self.hidden = read_only_names(doc)
        source = copy.deepcopy(dict(doc))
        root: Dict[str, Any] = {
            "type": "object",
            "properties": {k: v for k, v in source.get("properties", {}).items() if k not in self.hidden},
            "required": [k for k in source.get("required", ()) if k not in self.hidden],
            "additionalProperties": False,
            "definitions": source.get("definitions", {}),
        }
        # The resource's own rules over its properties (Kinesis::Channel: oneOf of two).
        root.update({k: source[k] for k in _CROSS_PROPERTY + ("minProperties", "maxProperties") if k in source})
        self.schema = self._relax(root, root)
        overrides = dict(REGEX_KEYWORDS)
        none_is_absent = "NONE_IS_ABSENT" in self.relax
        if none_is_absent:
            overrides.update(properties=_properties_none_is_absent, required=_required_none_is_absent)

        def presence(validator: Any, rules: Sequence[Mapping[str, Any]], instance: Any, schema: Any) -> Iterator[Any]:
            from jsonschema import ValidationError

            if not validator.is_type(instance, "object"):
                return
            for rule in rules:
                read = Presence(rule["exactly_one"], tuple(tuple(option) for option in rule["options"]))
                if not presence_met(read, instance, none_is_absent):
                    shown = " | ".join(" and ".join(option) for option in read.options)
                    yield ValidationError(f"must set {'exactly' if read.exactly_one else 'at least'} one of: {shown}")

        overrides[PRESENCE] = presence
        self.validator = jsonschema.validators.extend(jsonschema.Draft7Validator, overrides)(self.schema)  # type: ignore[no-untyped-call]

    def _relax(self, root: Dict[str, Any], node: Any, branch: bool = False) -> Any:
        """The deliberate differences, applied to a schema tree. ``branch``: a subschema
        applied to the same value (allOf/anyOf/oneOf, not, if/then/else, dependencies),
        not a value of its own: never free-form nor closed on its own."""
        if isinstance(node, list):
            return [self._relax(root, item) for item in node]
        if not isinstance(node, dict):
            return node
        relax = self.relax
        if "FREE_FORM_JSON" in relax and not branch and is_free_form(root, node):
            return {}
        cross = "CROSS_PROPERTY_RULES" in relax
        if cross and is_struct(node):
            return self._structure(root, node)
        dropped = set(EMITTED) & relax
        if cross:
            dropped.update(_CROSS_PROPERTY)
        out: Dict[str, Any] = {}
        for key, value in node.items():
            if key in dropped or key in _NOT_VALIDATED:
                continue
            if key in ("properties", "definitions", "patternProperties"):
                out[key] = {name: self._relax(root, child) for name, child in value.items()}
            elif key in ("enum", "const", "required", "description", "examples", "default", "$comment"):
                out[key] = value
            elif key in COMBINATORS and isinstance(value, list):
                out[key] = [self._relax(root, part, branch=True) for part in value]
            elif key in ("not", "if", "then", "else"):
                out[key] = self._relax(root, value, branch=True)
            elif key == "dependencies" and isinstance(value, dict):
                out[key] = {name: rule if isinstance(rule, list) else self._relax(root, rule, branch=True) for name, rule in value.items()}
            else:
                out[key] = self._relax(root, value)
        if cross:
            kinds = value_kinds(node)
            alternatives = scalar_alternatives(root, node, kinds[0]) if len(kinds) == 1 else None
            if alternatives is not None:
                # one branch's constraints with the scalar's own (a oneOf read as anyOf)
                out["anyOf"] = alternatives
            references = referenced_alternatives(node)
            if references is not None:
                out["anyOf"] = references  # the first referenced type that accepts the value (oneOf read as anyOf)
            if "$ref" in node and is_struct(resolved(root, node)):
                # a property count next to a $ref to a structure: not read
                out.pop("minProperties", None)
                out.pop("maxProperties", None)
        if is_struct(node) and not branch:
            if "CLOSED_PROPERTY_TYPES" in relax:
                # Closed to the names of the node and of its branches (Draft 7 still reads the branches).
                out["properties"] = {name: self._relax(root, child) for name, child in members(root, node).properties.items()}
                if node is root:
                    out["properties"] = {k: v for k, v in out["properties"].items() if k not in self.hidden}
                out["additionalProperties"] = False
                out.pop("patternProperties", None)
        elif "map_key_pattern" in relax and "object" in declared_types(node) and map_value_schema(node) is not None:
            # keys unchecked, every value checked against the value schema (as MapOf does)
            out.pop("patternProperties", None)
            out["additionalProperties"] = self._relax(root, map_value_schema(node))
        if "REF_SIBLINGS" in relax and "$ref" in out and len(out) > 1:
            ref = {"$ref": out.pop("$ref")}
            out = {"allOf": [ref, out]}
        return out

    def _structure(self, root: Dict[str, Any], node: Dict[str, Any]) -> Dict[str, Any]:
        """A structure as the class reads it (CROSS_PROPERTY_RULES): the properties of the
        node and of its inline branches, each with one schema (the node's, else the first
        branch's); required names; presence rules; no other rule over several properties."""
        read = members(root, node, self.hidden if node is root else ())
        out: Dict[str, Any] = {
            "properties": {name: self._relax(root, child) for name, child in read.properties.items()},
            "required": read.required,
        }
        typed = [node] + _inline_branches(node)
        if any("object" in declared_types(part) for part in typed):
            out["type"] = "object"
        if read.rules:
            out[PRESENCE] = [rule.as_json() for rule in read.rules]
        if "CLOSED_PROPERTY_TYPES" in self.relax:
            out["additionalProperties"] = False
        else:
            for key in ("additionalProperties", "patternProperties"):
                if key in node:
                    value = node[key]
                    out[key] = {k: self._relax(root, v) for k, v in value.items()} if key == "patternProperties" else self._relax(root, value)
        if "definitions" in node:
            out["definitions"] = {name: self._relax(root, child) for name, child in node["definitions"].items()}
        return out

    def errors(self, instance: Mapping[str, Any]) -> List[str]:
        return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in self.validator.iter_errors(instance)]


@lru_cache(maxsize=None)
def compiled(pattern: str) -> Any:
    return regex.compile(pattern)


def _pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    from jsonschema import ValidationError

    if validator.is_type(instance, "string") and compiled(pattern).search(instance) is None:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(validator: Any, patterns: Mapping[str, Any], instance: Any, schema: Any) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in patterns.items():
        for key, value in instance.items():
            if compiled(pattern).search(key):
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


def _additional_properties(validator: Any, extra: Any, instance: Any, schema: Any) -> Iterator[Any]:
    from jsonschema import ValidationError

    if not validator.is_type(instance, "object"):
        return
    named = schema.get("properties", {})
    patterns = schema.get("patternProperties", {})
    extras = [k for k in instance if k not in named and not any(compiled(p).search(k) for p in patterns)]
    if validator.is_type(extra, "object"):
        for key in extras:
            yield from validator.descend(instance[key], extra, path=key)
    elif extra is False and extras:
        yield ValidationError(f"additional properties are not allowed: {extras!r}")


# JSON Schema's pattern keywords read with the regex module, as the generated classes
# read AWS's Java-style patterns (jsonschema itself uses re, which cannot).
REGEX_KEYWORDS: Dict[str, Callable[..., Iterator[Any]]] = {
    "pattern": _pattern,
    "patternProperties": _pattern_properties,
    "additionalProperties": _additional_properties,
}


def _properties_none_is_absent(validator: Any, properties: Mapping[str, Any], instance: Any, schema: Any) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    for name, subschema in properties.items():
        if name in instance and instance[name] is not None:
            yield from validator.descend(instance[name], subschema, path=name, schema_path=name)


def _required_none_is_absent(validator: Any, required: Sequence[str], instance: Any, schema: Any) -> Iterator[Any]:
    from jsonschema import ValidationError

    if not validator.is_type(instance, "object"):
        return
    for name in required:
        if instance.get(name) is None:
            yield ValidationError(f"{name!r} is a required property")


# -- value strategies -------------------------------------------------------------

MAX_DEPTH = 4  # below this, property-type dicts hold their required keys only
SMALL = 3  # list and map sizes away from the bounds
MAX_LENGTH_TESTED = 10_000  # longer strings are not built (maxLength above this is tested at 10,000)
ODD_CHARACTERS = (" ", "\n", "\t", "\x00", "/", ":", "*", "é", "\u2028", "\U0001F600", "-", ".", "_", "A", "z", "0", "$", "{")


class _Budget:
    """How many deliberate breaks an example may still make."""

    __slots__ = ("left",)

    def __init__(self, left: int) -> None:
        self.left = left


def _java_classes_for_re(pattern: str) -> str:
    """AWS's Java-style classes (\\p{L}, \\p{Print}) approximated for Python's ``re``, so
    hypothesis's from_regex can generate candidates (the oracle reads the real pattern)."""
    classes = {
        "L": "A-Za-z\u00c0-\u00ff",
        "Alpha": "A-Za-z",
        "IsAlphabetic": "A-Za-z",
        "Lu": "A-Z",
        "Upper": "A-Z",
        "Ll": "a-z",
        "Lower": "a-z",
        "N": "0-9",
        "Nd": "0-9",
        "Digit": "0-9",
        "Alnum": "A-Za-z0-9",
        "Z": " ",
        "Zs": " ",
        "Space": " \t",
        "Punct": "!-/:-@\\[-`{-~",
        "Print": " -~",
        "Graph": "!-~",
        "ASCII": "\\x00-\\x7f",
        "S": "+<=>|~",
        "P": "!-/",
        "M": "\u0300-\u0302",
        "C": "\\x00-\\x1f",
        "Cntrl": "\\x00-\\x1f",
        "XDigit": "0-9a-fA-F",
    }
    out: List[str] = []
    depth = 0
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            m = re.match(r"\\([pP])\{\^?(?:Is)?([A-Za-z_]+)\}|\\([pP])([LNZSPMC])", pattern[i:])
            if m:
                negated = m.group(1) == "P" or m.group(3) == "P" or pattern[i + 3 : i + 4] == "^"
                name = m.group(2) or m.group(4)
                body = classes.get(name, classes.get(name.replace("Is", ""), "A-Za-z"))
                if depth:
                    out.append(body)  # negated classes inside a class are approximated by their positive form
                else:
                    out.append(f"[{'^' if negated else ''}{body}]")
                i += len(m.group(0))
                continue
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]" and depth:
            depth -= 1
        out.append(c)
        i += 1
    return "".join(out).replace("\\z", "\\Z").replace("(?<", "(?P<").replace("(?P<=", "(?<=").replace("(?P<!", "(?<!")


class ValueStrategies:
    """Hypothesis strategies for a resource's properties, read from its registry schema."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.doc = doc
        self.properties = settable_properties(doc)
        self.hidden = read_only_names(doc)
        self.required = [name for name in doc.get("required", ()) if name not in self.hidden]
        self._regex_strategies: Dict[Tuple[str, bool], Any] = {}
        self._top_members: Optional[Members] = None
        # The resource's properties as a structure, with its own rules (Kinesis::Channel: a oneOf).
        self.top: Dict[str, Any] = {"type": "object", "properties": self.properties, "required": self.required}
        self.top.update({k: doc[k] for k in COMBINATORS + ("minProperties", "maxProperties") if k in doc})

    def instances(self) -> Any:
        """Properties objects: half of them with one deliberate break near some bound."""
        from hypothesis import strategies as st

        @st.composite
        def build(draw: Callable[[Any], Any]) -> Dict[str, Any]:
            budget = _Budget(1 if draw(st.booleans()) else 0)
            node = self.top
            result: Dict[str, Any] = self._struct(draw, node, 0, budget)
            if budget.left and self.properties:
                # No break happened further down: break one property here, or the object itself.
                # ("": the object itself; more often when it has presence rules of its own)
                whole = [""] * (3 if self.members_of(node).rules else 1)
                name = draw(st.sampled_from(sorted(self.properties) + whole))
                if name:
                    result[name] = self.value(draw, self.properties[name], 1, budget, force=True)
                else:
                    result = self._struct(draw, node, 0, _Budget(0), breaking=True)
            return result

        return build()

    # -- dispatch --

    def value(
        self, draw: Callable[[Any], Any], node: Any, depth: int, budget: _Budget, force: bool = False, need: Sequence[str] = ()
    ) -> Any:
        """A value for ``node``; ``need``: names its structure must set (dotted: deeper down)."""
        from hypothesis import strategies as st

        node = resolved(self.doc, node)
        references = referenced_alternatives(node)
        if references is not None:
            return self.value(draw, draw(st.sampled_from(references)), depth, budget, force, need)
        breaking = budget.left > 0 and (force or draw(st.integers(0, 5)) == 5)
        if breaking:
            budget.left -= 1
        kinds = value_kinds(node)
        if len(kinds) > 1:
            kind = draw(st.sampled_from(kinds))
        elif kinds:
            kind = kinds[0]
        elif is_struct(node):
            kind = "object"
        elif "enum" in node:
            return draw(st.sampled_from(node["enum"]))
        else:
            return draw(self._json(depth))
        if breaking and draw(st.integers(0, 3)) == 3:
            return draw(self._wrong_type(kind, depth))
        alternatives = scalar_alternatives(self.doc, node, kind)
        if alternatives is not None:
            # one branch's constraints laid over the scalar's own (breaking: the oracle judges)
            node = {**node, **draw(st.sampled_from(alternatives))}
        if "enum" in node and isinstance(node["enum"], list) and node["enum"]:
            return self._enum(draw, node, kind, breaking)
        if kind == "string":
            return self._string(draw, node, breaking)
        if kind in ("integer", "number"):
            return self._number(draw, node, kind == "integer", breaking)
        if kind == "boolean":
            return draw(st.booleans()) if not breaking else draw(st.sampled_from(["true", 1, 0, "false"]))
        if kind == "array":
            return self._array(draw, node, depth, budget, breaking)
        if kind == "object":
            if is_struct(node):
                return self._struct(draw, node, depth, budget, breaking, need)
            value_schema = map_value_schema(node)
            if value_schema is not None:
                return self._map(draw, node, value_schema, depth, budget, breaking)
            if is_closed_empty(node) and not breaking:
                return {}
            return draw(self._json(depth))
        return draw(self._json(depth))

    # -- scalars --

    def _enum(self, draw: Callable[[Any], Any], node: Mapping[str, Any], kind: str, breaking: bool) -> Any:
        from hypothesis import strategies as st

        members = node["enum"]
        if not breaking:
            return draw(st.sampled_from(members))
        member = draw(st.sampled_from(members))
        if isinstance(member, str):
            return draw(st.sampled_from([member + "x", member.lower() if member.lower() != member else member.upper(), "", member[:-1], " " + member]))
        if isinstance(member, bool):
            return not member if len(set(members)) == 1 else str(member).lower()
        if isinstance(member, (int, float)):
            return draw(st.sampled_from([member + 1, member - 1, str(member), -member - 1]))
        return None

    def _string(self, draw: Callable[[Any], Any], node: Mapping[str, Any], breaking: bool) -> Any:
        from hypothesis import strategies as st

        low = node.get("minLength")
        high = node.get("maxLength")
        low = low if isinstance(low, int) else 0
        high = high if isinstance(high, int) else None
        pattern = node.get("pattern") if isinstance(node.get("pattern"), str) else None
        filler = self._filler(pattern, low, high)
        lengths = [n for n in {low, low + 1, high, (high or 0) - 1} if n is not None and n >= low and (high is None or n <= high)]
        lengths = [n for n in lengths if n <= MAX_LENGTH_TESTED]
        if not breaking:
            options = []
            if pattern is not None and self._regex(pattern) is not None:
                options += ["pattern", "pattern"]
            if filler is not None and lengths:
                options.append("filler")
            if pattern is None or not options:
                options.append("text")
            what = draw(st.sampled_from(options))
            if what == "pattern":
                assert pattern is not None
                return draw(self._regex(pattern))
            if what == "filler":
                assert filler is not None
                return filler * draw(st.sampled_from(sorted(lengths)))
            top = min(high if high is not None else low + 12, low + 12, MAX_LENGTH_TESTED)
            return draw(st.text(min_size=min(low, MAX_LENGTH_TESTED), max_size=max(top, min(low, MAX_LENGTH_TESTED))))
        # breaking: a length just outside a bound, or a pattern broken in one place
        options = []
        if low > 0:
            options.append("short")
        if high is not None and high + 1 <= MAX_LENGTH_TESTED:
            options.append("long")
        if pattern is not None:
            options.append("pattern")
        if not options:
            options.append("pattern")
        what = draw(st.sampled_from(options))
        char = filler if filler is not None else "a"
        if what == "short":
            return char * (low - 1)
        if what == "long":
            assert high is not None
            return char * (high + 1)
        base = (self._from_pattern(draw, pattern) if pattern is not None else None) or char * max(low, 1)
        position = draw(st.integers(0, len(base)))
        odd = draw(st.sampled_from(ODD_CHARACTERS))
        how = draw(st.integers(0, 2))
        if how == 0 and base:
            return base[: max(position - 1, 0)] + base[position:]
        if how == 1:
            return base[:position] + odd + base[position:]
        return draw(st.text(max_size=12))

    @staticmethod
    @lru_cache(maxsize=None)
    def _filler(pattern: Optional[str], low: int, high: Optional[int]) -> Optional[str]:
        """A character whose repetitions match ``pattern`` at the length bounds, if one of a few does."""
        lengths = [n for n in (low, max(low, 1), high) if n is not None and n <= MAX_LENGTH_TESTED]
        for char in ("a", "A", "0", "1", "x", "-", "_", ".", "/", " ", "Z", "9"):
            if pattern is None or all(compiled(pattern).search(char * n) for n in lengths):
                return char
        return None

    def _regex(self, pattern: str) -> Any:
        key = (pattern, False)
        if key not in self._regex_strategies:
            self._regex_strategies[key] = _regex_strategy(pattern)
        return self._regex_strategies[key]

    def _from_pattern(self, draw: Callable[[Any], Any], pattern: str) -> Optional[str]:
        strategy = self._regex(pattern)
        if strategy is None:
            return None
        text = draw(strategy)
        return text if isinstance(text, str) else None

    def _number(self, draw: Callable[[Any], Any], node: Mapping[str, Any], integer: bool, breaking: bool) -> Any:
        from hypothesis import strategies as st

        def num(key: str) -> Optional[float]:
            value = node.get(key)
            return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None

        low, high = num("minimum"), num("maximum")
        xlow, xhigh = num("exclusiveMinimum"), num("exclusiveMaximum")
        step = 1 if integer else 0.5
        if not breaking:
            lo = low if low is not None else (xlow + step if xlow is not None else None)
            hi = high if high is not None else (xhigh - step if xhigh is not None else None)
            candidates: List[Any] = [v for v in (lo, hi) if v is not None]
            if lo is not None and hi is not None and lo + step <= hi:
                candidates += [lo + step, hi - step]
            if integer:
                candidates = [int(v) if float(v).is_integer() else math.ceil(v) for v in candidates]
                ints = st.integers(
                    min_value=int(math.ceil(lo)) if lo is not None else None,
                    max_value=int(math.floor(hi)) if hi is not None else None,
                )
                whole_float = [float(c) for c in candidates[:1]]
                return draw(st.one_of(st.sampled_from(candidates), ints, st.sampled_from(whole_float)) if candidates else ints)
            floats = st.floats(min_value=lo, max_value=hi, allow_nan=False, allow_infinity=False)
            return draw(st.one_of(st.sampled_from(candidates), floats) if candidates else floats)
        outside: List[Any] = []
        if low is not None:
            outside += [low - step, low - 1]
        if high is not None:
            outside += [high + step, high + 1]
        if xlow is not None:
            outside.append(xlow)
        if xhigh is not None:
            outside.append(xhigh)
        if integer:
            base = low if low is not None else (high if high is not None else 0)
            outside += [base + 0.5, str(int(base))]
        else:
            outside.append(str(low if low is not None else 1))
        if integer:
            outside = [int(v) if isinstance(v, float) and v.is_integer() else v for v in outside]
        return draw(st.sampled_from(outside))

    def _wrong_type(self, kind: str, depth: int) -> Any:
        from hypothesis import strategies as st

        options: Dict[str, Any] = {
            "string": st.one_of(st.integers(-3, 3), st.booleans(), st.just(["text"]), st.just({"Key": "text"}), st.just(1.5)),
            "integer": st.one_of(st.sampled_from(["1", "", "ten"]), st.booleans(), st.just([1]), st.just({"N": 1})),
            "number": st.one_of(st.sampled_from(["1.5", ""]), st.booleans(), st.just([1.5])),
            "boolean": st.one_of(st.sampled_from(["true", "yes"]), st.integers(0, 1), st.just([True])),
            "array": st.one_of(st.just("item"), st.just({"Item": 1}), st.integers(0, 2), st.booleans()),
            "object": st.one_of(st.just("{}"), st.just([{}]), st.integers(0, 2), st.booleans()),
        }
        return options.get(kind, st.just(object()))

    def _json(self, depth: int) -> Any:
        from hypothesis import strategies as st

        scalars = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.text(max_size=6))
        if depth >= MAX_DEPTH:
            return scalars
        return st.recursive(
            scalars,
            lambda inner: st.one_of(st.lists(inner, max_size=2), st.dictionaries(st.text(string.ascii_letters, min_size=1, max_size=6), inner, max_size=2)),
            max_leaves=4,
        )

    # -- containers --

    def _array(self, draw: Callable[[Any], Any], node: Mapping[str, Any], depth: int, budget: _Budget, breaking: bool) -> Any:
        from hypothesis import strategies as st

        low: int = node["minItems"] if isinstance(node.get("minItems"), int) else 0
        high: Optional[int] = node["maxItems"] if isinstance(node.get("maxItems"), int) else None
        items = node.get("items", {})
        if isinstance(items, list):
            items = items[0] if items else {}
        if breaking:
            sizes = ([low - 1] if low > 0 else []) + ([high + 1] if high is not None and high < 1000 else [])
            if sizes:
                size = draw(st.sampled_from(sizes))
                if size == 0:
                    return []
                first = self.value(draw, items, depth + 1, _Budget(0))
                return [copy.deepcopy(first) for _ in range(size)]
        top = low + (SMALL if depth < MAX_DEPTH else 0)
        if high is not None:
            top = min(top, high)
        sizes = sorted({low, top, min(low + 1, top)})
        size = draw(st.sampled_from(sizes))
        return [self.value(draw, items, depth + 1, budget) for _ in range(size)]

    def _map(self, draw: Callable[[Any], Any], node: Mapping[str, Any], value_schema: Any, depth: int, budget: _Budget, breaking: bool) -> Any:
        from hypothesis import strategies as st

        patterns = node.get("patternProperties")
        key_pattern = next(iter(patterns)) if isinstance(patterns, dict) and len(patterns) == 1 else None
        size = draw(st.integers(0, SMALL if depth < MAX_DEPTH else 1))
        result: Dict[str, Any] = {}
        for _ in range(size):
            key = self._from_pattern(draw, key_pattern) if key_pattern is not None else None
            if key is None:
                key = draw(st.text(string.ascii_letters + string.digits, min_size=1, max_size=8))
            result[key] = self.value(draw, value_schema, depth + 1, budget)
        if breaking:
            result[draw(st.sampled_from(["", " ", "bad key", "aws:reserved", "\x00"]))] = self.value(draw, value_schema, depth + 1, _Budget(0))
        return result

    def members_of(self, node: Mapping[str, Any]) -> Members:
        if node is self.top:
            if self._top_members is None:
                self._top_members = members(self.doc, node, self.hidden)
            return self._top_members
        return members(self.doc, node)

    def _struct(
        self,
        draw: Callable[[Any], Any],
        node: Mapping[str, Any],
        depth: int,
        budget: _Budget,
        breaking: bool = False,
        need: Sequence[str] = (),
    ) -> Any:
        from hypothesis import strategies as st

        read = self.members_of(node)
        properties = read.properties
        required = list(read.required)
        chosen = list(required)
        avoid: Set[str] = set()
        deeper: Dict[str, List[str]] = {}
        wanted = list(need)
        # Each presence rule met by one option (the first, mostly): its names set, and for
        # 'exactly one', a name of every other option left unset.
        for rule in read.rules:
            index = self._option(draw, rule, depth, properties)
            wanted += rule.options[index]
            if rule.exactly_one:
                avoid.update(n for j, option in enumerate(rule.options) if j != index for n in option if n not in rule.options[index])
        for name in wanted:
            head, _, rest = name.partition(".")
            if rest:
                deeper.setdefault(head, []).append(rest)
            elif head in properties and head not in chosen:
                chosen.append(head)
        optional = [name for name in sorted(properties) if name not in chosen and name not in avoid]
        if depth < MAX_DEPTH:
            chosen += [name for name in optional if draw(st.integers(0, 3)) == 3]
        result: Dict[str, Any] = {}
        for name in chosen:
            result[name] = self.value(draw, properties[name], depth + 1, budget, need=deeper.get(name, ()))
        if breaking:
            what = draw(st.sampled_from((["drop"] if required else []) + ["unknown", "none"] + ["rule"] * 3 * bool(read.rules)))
            if what == "drop":
                del result[draw(st.sampled_from(required))]
            elif what == "unknown":
                result[draw(self._unknown_key(properties))] = draw(st.sampled_from(["x", 1, True, {}]))
            elif what == "rule":
                self._break_rule(draw, draw(st.sampled_from(read.rules)), properties, result, depth)
            else:
                result[draw(st.sampled_from(sorted(properties)))] = None
        return result

    def _option(self, draw: Callable[[Any], Any], rule: Presence, depth: int, properties: Mapping[str, Any]) -> int:
        """Which option of ``rule`` a valid value meets: the first half the time, else any;
        deep down, one whose properties are not structures (a recursion must end)."""
        from hypothesis import strategies as st

        indices = list(range(len(rule.options)))
        if rule.exactly_one and () in rule.options:
            return rule.options.index(())  # an empty option is always met: it must be the one
        if depth >= MAX_DEPTH:
            flat = [i for i in indices if not any(is_struct(resolved(self.doc, properties.get(n.split(".")[0], {}))) for n in rule.options[i])]
            indices = flat or indices
        pick = draw(st.integers(0, 2 * len(indices) - 1))  # the first option half the time
        return indices[pick] if pick < len(indices) else indices[0]

    def _break_rule(self, draw: Callable[[Any], Any], rule: Presence, properties: Mapping[str, Any], result: Dict[str, Any], depth: int) -> None:
        """``result`` made to meet no option of ``rule``, or (exactly one) two of them."""
        from hypothesis import strategies as st

        if rule.exactly_one and len(rule.options) >= 2 and draw(st.booleans()):
            first, second = draw(st.sampled_from([(i, j) for i in range(len(rule.options)) for j in range(i + 1, len(rule.options))]))
            for name in rule.options[first] + rule.options[second]:
                head = name.split(".")[0]
                if head not in result or result[head] is None:
                    result[head] = self.value(draw, properties[head], depth + 1, _Budget(0))
            return
        for option in rule.options:
            for name in option:
                result.pop(name.split(".")[0], None)

    @staticmethod
    def _unknown_key(properties: Mapping[str, Any]) -> Any:
        """A key the schema does not name, nor any spelling of a named key (ALIASES): near-miss typos and strangers."""
        from hypothesis import strategies as st

        def folded(key: str) -> str:
            return key.replace("_", "").lower()

        taken = {folded(name) for name in properties}
        typos = sorted({name[:-1] for name in properties if len(name) > 1} | {name + "s" for name in properties} | {"Unknown", "Extra"})
        candidates = [key for key in typos if folded(key) not in taken and key]
        return st.sampled_from(candidates)


def _regex_strategy(pattern: str) -> Any:
    """hypothesis's from_regex for ``pattern`` (searched, as jsonschema does), or None."""
    from hypothesis import strategies as st

    for candidate in (pattern, _java_classes_for_re(pattern)):
        try:
            re.compile(candidate)
            strategy = st.from_regex(candidate, fullmatch=False)
            strategy.validate()
            return strategy
        except Exception:  # noqa: BLE001 - patterns Python's re (or hypothesis) cannot read
            continue
    return None


# -- the class's verdict --------------------------------------------------------------


@dataclass
class Verdict:
    accepted: bool
    detail: str
    template_properties: Optional[Dict[str, Any]] = None
    # Properties the template holds as a manager renders them, not as given (a taggable
    # resource's tags: its TagManager merges, orders and drops empty tags).
    managed: Tuple[str, ...] = ()


def run_class(cls: Any, instance: Mapping[str, Any]) -> Verdict:
    """Build the generated resource class from ``instance`` (CloudFormation names; nested
    property types as dicts with CloudFormation's keys) and synthesize it.

    Rejected means one of the runtime's own errors (a ``CfnpyError``, or a ``TypeError``
    for a call the signature refuses); anything else propagates, as a crash."""
    from cfnpy.core import App, CfnpyError, Stack

    by_cfn_name = {prop.cfn_name: _keyword(cls, prop.name) for prop in cls._props}
    kwargs = {by_cfn_name.get(key, key): value for key, value in instance.items()}
    stack = Stack(App(), "Agreement")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            cls(stack, "Resource", **kwargs)
            template = stack.to_template()
    except (CfnpyError, TypeError) as error:
        return Verdict(False, f"{type(error).__name__}: {error}")
    resources = template.get("Resources", {})
    (entry,) = resources.values()
    return Verdict(True, "accepted", entry.get("Properties", {}), _managed(cls))


def _managed(cls: Any) -> Tuple[str, ...]:
    if getattr(cls, "_tag_type", None) is None:
        return ()
    attribute = getattr(cls, "_tag_property", "tags_raw")
    return tuple(prop.cfn_name for prop in cls._props if prop.name == attribute)


@lru_cache(maxsize=None)
def _keywords(cls: Any) -> frozenset[str]:
    import inspect

    return frozenset(inspect.signature(cls.__init__).parameters)


def _keyword(cls: Any, attribute: str) -> str:
    """The constructor keyword of the property held in ``attribute``: the same name, but
    a taggable resource's tags are held in ``tags_raw`` and given as ``tags``."""
    if attribute not in _keywords(cls) and attribute.endswith("_raw") and attribute[: -len("_raw")] in _keywords(cls):
        return attribute[: -len("_raw")]
    return attribute


def without_none(instance: Any, doc: Mapping[str, Any], node: Any) -> Any:
    """``instance`` as the template should hold it (NONE_IS_ABSENT): None-valued keys of
    property-type dicts dropped, and None anywhere inside free-form JSON dropped (the
    resolver drops None, as AWS CDK drops undefined); everything else as given."""
    if is_free_form(doc, node):
        return _drop_none(instance)
    node = resolved(doc, node)
    references = referenced_alternatives(node)
    if references is not None:
        # the union takes the first type that accepts the value: for a dict, the first
        # structure naming all its keys (else the first branch)
        targets = [resolved(doc, ref) for ref in references]
        fits = [
            ref
            for ref, target in zip(references, targets)
            if not isinstance(instance, dict) or (is_struct(target) and set(instance) <= set(members(doc, target).properties))
        ]
        return without_none(instance, doc, (fits or references)[0])
    if isinstance(instance, dict):
        if is_struct(node):
            props = members(doc, node).properties
            return {k: without_none(v, doc, props.get(k, {})) for k, v in instance.items() if v is not None}
        value_schema = map_value_schema(node)
        if value_schema is not None:
            free = is_free_form(doc, value_schema)
            return {k: without_none(v, doc, value_schema) for k, v in instance.items() if not (v is None and free)}
        return instance
    if isinstance(instance, list) and "array" in declared_types(node):
        items = node.get("items", {})
        items = items if isinstance(items, dict) else {}
        free = is_free_form(doc, items)
        return [without_none(v, doc, items) for v in instance if not (v is None and free)]
    return instance


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_drop_none(v) for v in value if v is not None]
    return value


def is_token_text(value: Any) -> bool:
    """Whether any string inside ``value`` would be read as an encoded token (never expected)."""
    from cfnpy.core import Token

    if isinstance(value, str):
        return Token.is_unresolved(value)
    if isinstance(value, list):
        return any(is_token_text(v) for v in value)
    if isinstance(value, dict):
        return any(is_token_text(k) or is_token_text(v) for k, v in value.items())
    return False


def resource_class(type_name: str) -> Any:
    """The generated class of ``type_name`` from the importable ``cfnpy`` package."""
    import importlib

    vendor, service, resource = type_name.split("::")
    module = importlib.import_module(f"cfnpy.{vendor.lower()}_{service.lower()}")
    return getattr(module, f"Cfn{resource}")


if __name__ == "__main__":
    chosen = select_sample(load_schemas())
    print("SAMPLE: Tuple[str, ...] = (")
    for name in chosen:
        print(f"    {name!r},")
    print(")")
