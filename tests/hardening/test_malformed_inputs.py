"""The malformed input corpus: every case stops the generator with exit status 2 and one
line ``cfn-codegen: error: <file>: <pointer>: <reason>``, never a traceback, within
seconds, and leaves the output folder as it was.

Cases are edits of the real inputs of ``AWS::Lambda::EventInvokeConfig`` (its registry
schema, its resource specification entry, the aws_lambda L2 binding file), written as
JSON-patch-like operations; syntax-level cases are the files in
``tests/fixtures/malformed/``, each fed as every kind of input; the absurd sizes are
generated here. Most run in this process (``codegen.cli.main``); a sample runs as a
real ``python -m codegen`` process.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Sequence, Tuple, Union

import pytest

from hardening_support import (
    BINDINGS,
    CaseTimeout,
    FIXTURES,
    MEMBER,
    ROOT,
    TYPE,
    Op,
    Raw,
    apply_ops,
    base_bindings,
    base_schema,
    base_spec,
    dump_raw,
    escape,
    make_specs,
    run_generate,
    siblings,
    snapshot,
    subprocess_env,
    zip_bytes,
)
from codegen.load.specfiles import RESOURCE_SPEC_FILE, SCHEMA_ZIP_FILE

SCHEMA, SPEC, BIND = "schema", "spec", "bindings"
RT = f"/ResourceTypes/{TYPE}"
ON_FAILURE = f"/PropertyTypes/{TYPE}.OnFailure"
CONSTRUCT = "/constructs/" + escape("@aws-cdk/aws-lambda.EventInvokeConfig")
PROPS = CONSTRUCT + "/props"
TEN_MB = 10 * 1024 * 1024

Ops = Union[Sequence[Op], Callable[[], Sequence[Op]]]


@dataclass(frozen=True)
class Case:
    id: str
    target: str  # which input the edits apply to
    ops: Ops  # edits of the real document, or a function giving them (the big cases)
    pointer: str  # the JSON pointer the error names ("/" for the whole document)
    words: str  # part of the reason


def _nested_arrays(depth: int) -> Raw:
    """``[[[...1...]]]``, ``depth`` deep, as text (neither json nor the helpers recurse that deep)."""
    return Raw("[" * depth + "1" + "]" * depth)


def _many_properties(n: int) -> Dict[str, Any]:
    return {f"Property{i}": {"type": "string"} for i in range(n)}


def _deep_properties(depth: int) -> Raw:
    """An object property with an object property inside, ``depth`` times, as text."""
    return Raw('{"type": "object", "properties": {"Inner": ' * depth + '{"type": "string"}' + "}}" * depth)


def _ref_chain(length: int, link: Dict[str, Any]) -> List[Op]:
    """Definitions D0 ... D<length>, each made of the next (``link`` with ``{next}`` filled in)."""
    text = json.dumps(link)
    ops: List[Op] = [("add", f"/definitions/D{i}", json.loads(text.replace("{next}", str(i + 1)))) for i in range(length)]
    ops.append(("add", f"/definitions/D{length}", {"type": "string"}))
    ops.append(("add", "/properties/Chain", {"$ref": "#/definitions/D0"}))
    return ops


CASES: List[Case] = [
    # -- registry schema: wrong JSON types --------------------------------------------
    Case("schema-typename-number", SCHEMA, [("replace", "/typeName", 42)], "/typeName", "is not of type 'string'"),
    Case("schema-properties-array", SCHEMA, [("replace", "/properties", [])], "/properties", "is not of type 'object'"),
    Case("schema-required-string", SCHEMA, [("replace", "/required", "FunctionName")], "/required", "is not of type 'array'"),
    Case("schema-maximum-string", SCHEMA, [("replace", "/properties/MaximumRetryAttempts/maximum", "two")],
         "/properties/MaximumRetryAttempts/maximum", "is not of type 'number'"),
    Case("schema-description-number", SCHEMA, [("replace", "/properties/Qualifier/description", 7)],
         "/properties/Qualifier/description", "is not of type 'string'"),
    Case("schema-enum-object", SCHEMA, [("add", "/properties/Qualifier/enum", {"a": 1})],
         "/properties/Qualifier/enum", "is not of type 'array'"),
    Case("schema-pattern-number", SCHEMA, [("replace", "/properties/Qualifier/pattern", 5)],
         "/properties/Qualifier/pattern", "is not of type 'string'"),
    Case("schema-items-string", SCHEMA, [("add", "/properties/Tags", {"type": "array", "items": "Tag"})],
         "/properties/Tags/items", "is not valid under any of the given schemas"),
    Case("schema-readonly-number", SCHEMA, [("add", "/readOnlyProperties", [5])], "/readOnlyProperties/0", "is not of type 'string'"),
    Case("schema-minlength-negative", SCHEMA, [("add", "/properties/Qualifier/minLength", -1)],
         "/properties/Qualifier/minLength", "is less than the minimum of 0"),
    Case("schema-minlength-fraction", SCHEMA, [("add", "/properties/Qualifier/minLength", 1.5)],
         "/properties/Qualifier/minLength", "is not of type 'integer'"),
    Case("schema-maxlength-boolean", SCHEMA, [("add", "/properties/Qualifier/maxLength", True)],
         "/properties/Qualifier/maxLength", "is not of type 'integer'"),
    Case("schema-document-array", SCHEMA, [("replace", "", [])], "/", "is not of type 'object'"),
    Case("schema-document-string", SCHEMA, [("replace", "", "AWS::Lambda::EventInvokeConfig")], "/", "is not of type 'object'"),
    # -- registry schema: missing or dangling keys --------------------------------------
    Case("schema-no-typename", SCHEMA, [("remove", "/typeName")], "/", "'typeName' is a required property"),
    Case("schema-no-properties", SCHEMA, [("remove", "/properties")], "/", "'properties' is a required property"),
    Case("schema-required-unknown", SCHEMA, [("replace", "/required", ["FunctionName", "Qualifier", "Nope"])],
         "/required/2", "'Nope' is required but is not one of the properties"),
    Case("schema-definition-required-unknown", SCHEMA, [("replace", "/definitions/OnFailure/required", ["Destinaton"])],
         "/definitions/OnFailure/required/0", "'Destinaton' is required but is not one of the properties"),
    Case("schema-readonly-unknown", SCHEMA, [("add", "/readOnlyProperties", ["/properties/Nope"])],
         "/readOnlyProperties/0", "names no property"),
    Case("schema-createonly-not-pointer", SCHEMA, [("replace", "/createOnlyProperties/0", "FunctionName")],
         "/createOnlyProperties/0", "does not match"),
    # -- registry schema: undefined types, bad $ref ---------------------------------------
    Case("schema-ref-dangling", SCHEMA, [("replace", "/properties/DestinationConfig/$ref", "#/definitions/Nowhere")],
         "/properties/DestinationConfig/$ref", "points to nothing"),
    Case("schema-ref-dangling-nested", SCHEMA,
         [("replace", "/definitions/DestinationConfig/properties/OnFailure/$ref", "#/definitions/OnFailure/properties/Nope")],
         "/definitions/DestinationConfig/properties/OnFailure/$ref", "points to nothing"),
    Case("schema-ref-external", SCHEMA, [("replace", "/properties/DestinationConfig/$ref", "other.json#/definitions/X")],
         "/properties/DestinationConfig/$ref", "does not match"),
    Case("schema-ref-url", SCHEMA, [("replace", "/properties/DestinationConfig/$ref", "https://example.com/x.json")],
         "/properties/DestinationConfig/$ref", "does not match"),
    Case("schema-ref-not-string", SCHEMA, [("replace", "/properties/DestinationConfig/$ref", ["#/definitions/OnFailure"])],
         "/properties/DestinationConfig/$ref", "is not of type 'string'"),
    Case("schema-ref-cycle", SCHEMA,
         [("add", "/definitions/A", {"$ref": "#/definitions/B"}), ("add", "/definitions/B", {"$ref": "#/definitions/A"}),
          ("add", "/properties/Loop", {"$ref": "#/definitions/A"})],
         "/definitions/B/$ref", "leads back to itself with no structure in between"),
    Case("schema-ref-cycle-through-items", SCHEMA,
         [("add", "/definitions/Nested", {"type": "array", "items": {"$ref": "#/definitions/Nested"}}),
          ("add", "/properties/Matrix", {"$ref": "#/definitions/Nested"})],
         "/definitions/Nested/items/$ref", "leads back to itself"),
    Case("schema-ref-cycle-through-map", SCHEMA,
         [("add", "/definitions/Tree", {"type": "object", "additionalProperties": {"$ref": "#/definitions/Tree"}}),
          ("add", "/properties/Tree", {"type": "array", "items": {"$ref": "#/definitions/Tree"}})],
         "/definitions/Tree/additionalProperties/$ref", "leads back to itself"),
    Case("schema-required-cycle", SCHEMA,
         [("add", "/definitions/Node", {"type": "object", "properties": {"Next": {"$ref": "#/definitions/Node"}}, "required": ["Next"]}),
          ("add", "/properties/Chain", {"$ref": "#/definitions/Node"})],
         "/definitions/Node/properties/Next", "required properties nest without end"),
    Case("schema-required-cycle-through-nonempty-array", SCHEMA,
         [("add", "/definitions/A", {"type": "object", "properties": {"Bs": {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/B"}}}, "required": ["Bs"]}),
          ("add", "/definitions/B", {"type": "object", "properties": {"A": {"$ref": "#/definitions/A"}}, "required": ["A"]}),
          ("add", "/properties/Chain", {"$ref": "#/definitions/A"})],
         "/definitions/B/properties/A", "required properties nest without end (/definitions/A -> /definitions/B -> /definitions/A)"),
    Case("schema-ref-chain-1000", SCHEMA, lambda: _ref_chain(1000, {"type": "object", "properties": {"Next": {"$ref": "#/definitions/D{next}"}}}),
         "/properties/Chain", "its type nests up to 1001 structures and references deep, over the limit of 64"),
    Case("schema-array-ref-chain-1000", SCHEMA, lambda: _ref_chain(1000, {"type": "array", "items": {"$ref": "#/definitions/D{next}"}}),
         "/properties/Chain", "its type nests up to 1001 structures and references deep, over the limit of 64"),
    Case("schema-type-unknown", SCHEMA, [("replace", "/properties/Qualifier/type", "str")],
         "/properties/Qualifier/type", "is not valid under any of the given schemas"),
    Case("schema-type-empty-list", SCHEMA, [("replace", "/properties/Qualifier/type", [])],
         "/properties/Qualifier/type", "[] should be non-empty"),
    Case("schema-type-number", SCHEMA, [("replace", "/properties/MaximumRetryAttempts/type", 1)],
         "/properties/MaximumRetryAttempts/type", "is not valid under any of the given schemas"),
    # -- registry schema: names ----------------------------------------------------------
    Case("schema-name-empty", SCHEMA, [("add", "/properties/", {"type": "string"})], "/properties", "'' does not match"),
    Case("schema-name-space", SCHEMA, [("add", "/properties/Function Name", {"type": "string"})],
         "/properties", "'Function Name' does not match"),
    Case("schema-name-digit-first", SCHEMA, [("add", "/properties/1Function", {"type": "string"})],
         "/properties", "'1Function' does not match"),
    Case("schema-name-non-ascii", SCHEMA, [("add", "/properties/Fünktion", {"type": "string"})],
         "/properties", "does not match"),
    Case("schema-name-newline", SCHEMA, [("add", "/properties/Qualifier\n", {"type": "string"})],
         "/properties", "'Qualifier\\n' does not match"),
    Case("schema-name-code", SCHEMA, [("add", "/properties/__import__('os').system('x')", {"type": "string"})],
         "/properties", "does not match"),
    Case("schema-name-too-long", SCHEMA, [("add", "/properties/" + "A" * 300, {"type": "string"})],
         "/properties", "(rule: maxLength)"),
    Case("schema-definition-name-hyphen", SCHEMA, [("add", "/definitions/On-Failure", {"type": "string"})],
         "/definitions", "'On-Failure' does not match"),
    Case("schema-definition-name-code", SCHEMA, [("add", "/definitions/x=__import__('os')", {"type": "string"})],
         "/definitions", "does not match"),
    Case("schema-nested-name-newline", SCHEMA, [("add", "/definitions/OnFailure/properties/Bad\nName", {"type": "string"})],
         "/definitions/OnFailure/properties/Bad\\nName", "'Bad\\nName' is not a property name"),
    Case("schema-nested-name-space", SCHEMA,
         [("add", "/definitions/DestinationConfig/properties/OnFailure", {"type": "object", "properties": {"Bad Name": {"type": "string"}}})],
         "/definitions/DestinationConfig/properties/OnFailure/properties/Bad Name", "'Bad Name' is not a property name"),
    Case("schema-name-no-python-name", SCHEMA, [("add", "/properties/__", {"type": "string"})],
         "/properties/__", "'__' has no Python name: in snake_case it is ''"),
    Case("schema-name-python-name-starts-with-digit", SCHEMA, [("add", "/definitions/OnFailure/properties/_1", {"type": "string"})],
         "/definitions/OnFailure/properties/_1", "'_1' has no Python name: in snake_case it is '1'"),
    Case("schema-names-collide", SCHEMA, [("add", "/properties/functionName", {"type": "string"})],
         "/properties/functionName", "'functionName' and 'FunctionName' are both 'function_name' in Python"),
    Case("schema-names-collide-in-definition", SCHEMA, [("add", "/definitions/OnFailure/properties/destination", {"type": "string"})],
         "/definitions/OnFailure/properties/destination", "are both 'destination' in Python"),
    Case("schema-typename-two-parts", SCHEMA, [("replace", "/typeName", "AWS::Lambda")], "/typeName", "does not match"),
    Case("schema-typename-newline", SCHEMA, [("replace", "/typeName", TYPE + "\n")], "/typeName", "does not match"),
    Case("schema-typename-other-member", SCHEMA, [("replace", "/typeName", "AWS::Lambda::Function")],
         "/typeName", "belongs in aws-lambda-function.json"),
    # -- registry schema: constraints ----------------------------------------------------
    Case("schema-pattern-unclosed", SCHEMA, [("replace", "/definitions/OnFailure/properties/Destination/pattern", "arn:(unclosed")],
         "/definitions/OnFailure/properties/Destination/pattern", "invalid regular expression"),
    Case("schema-pattern-bad-property-class", SCHEMA, [("replace", "/properties/Qualifier/pattern", "^\\p{Nope}+$")],
         "/properties/Qualifier/pattern", "invalid regular expression"),
    Case("schema-pattern-bad-repeat", SCHEMA, [("replace", "/properties/FunctionName/pattern", "a{2,1}")],
         "/properties/FunctionName/pattern", "invalid regular expression"),
    Case("schema-pattern-key-invalid", SCHEMA,
         [("add", "/properties/Variables", {"type": "object", "patternProperties": {"([": {"type": "string"}}})],
         "/properties/Variables/patternProperties", "invalid regular expression"),
    Case("schema-pattern-too-long", SCHEMA, lambda: [("replace", "/properties/Qualifier/pattern", "a" * 20_000)],
         "/properties/Qualifier/pattern", "over the limit of 10000"),
    Case("schema-minimum-over-maximum", SCHEMA, [("replace", "/properties/MaximumRetryAttempts/minimum", 5)],
         "/properties/MaximumRetryAttempts", "minimum 5 is greater than maximum 2"),
    Case("schema-exclusive-bounds-empty", SCHEMA, [("add", "/properties/MaximumRetryAttempts/exclusiveMinimum", 2)],
         "/properties/MaximumRetryAttempts", "exclusiveMinimum 2 and maximum 2 allow no value"),
    Case("schema-exclusive-bounds-inverted", SCHEMA,
         [("add", "/properties/Ratio", {"type": "number", "exclusiveMinimum": 5, "exclusiveMaximum": 1.5})],
         "/properties/Ratio", "exclusiveMinimum 5 is greater than exclusiveMaximum 1.5"),
    Case("schema-minlength-over-maxlength", SCHEMA,
         [("add", "/properties/Qualifier/minLength", 10), ("add", "/properties/Qualifier/maxLength", 5)],
         "/properties/Qualifier", "minLength 10 is greater than maxLength 5"),
    Case("schema-minitems-over-maxitems", SCHEMA,
         [("add", "/properties/Aliases", {"type": "array", "items": {"type": "string"}, "minItems": 3, "maxItems": 1})],
         "/properties/Aliases", "minItems 3 is greater than maxItems 1"),
    Case("schema-maximum-infinite", SCHEMA, [("replace", "/properties/MaximumRetryAttempts/maximum", Raw("1e999"))],
         "/properties/MaximumRetryAttempts/maximum", "the number inf is not finite in double precision"),
    Case("schema-maximum-huge-integer", SCHEMA, [("replace", "/properties/MaximumRetryAttempts/maximum", Raw("9" * 400))],
         "/properties/MaximumRetryAttempts/maximum", "is not finite in double precision"),
    Case("schema-integer-over-digit-limit", SCHEMA, lambda: [("replace", "/properties/MaximumRetryAttempts/maximum", Raw("9" * 5000))],
         "/", "invalid JSON"),
    Case("schema-enum-empty", SCHEMA, [("add", "/properties/Qualifier/enum", [])],
         "/properties/Qualifier/enum", "enum must be a non-empty array"),
    Case("schema-enum-duplicate", SCHEMA, [("add", "/properties/Qualifier/enum", ["$LATEST", "live", "$LATEST"])],
         "/properties/Qualifier/enum/2", "is also enum value 0"),
    Case("schema-enum-wrong-type", SCHEMA, [("add", "/properties/Qualifier/enum", ["$LATEST", 5])],
         "/properties/Qualifier/enum/1", "5 is not of the declared type string"),
    Case("schema-enum-integer-fraction", SCHEMA, [("add", "/properties/MaximumRetryAttempts/enum", [0, 1.5])],
         "/properties/MaximumRetryAttempts/enum/1", "1.5 is not of the declared type integer"),
    Case("schema-enum-object-value", SCHEMA, [("add", "/properties/Qualifier/enum", [{"a": 1}])],
         "/properties/Qualifier/enum/0", "an enum value must be a string, number, boolean or null"),
    Case("schema-enum-infinite", SCHEMA, [("add", "/properties/MaximumRetryAttempts/enum", [1, Raw("-1e400")])],
         "/properties/MaximumRetryAttempts/enum/1", "is not finite"),
    Case("schema-description-lone-surrogate", SCHEMA, [("replace", "/properties/Qualifier/description", Raw('"version \\ud800"'))],
         "/properties/Qualifier/description", "\\ud800 at character 8 is half a surrogate pair"),
    Case("schema-key-lone-surrogate", SCHEMA, [("add", "/properties/Qualifier/enum", Raw('{"\\udfff": 1}'))],
         "/properties/Qualifier/enum/\\udfff", "\\udfff at character 0 is half a surrogate pair"),
    # -- registry schema: absurd sizes (generated) --------------------------------------
    Case("schema-description-10mb", SCHEMA, lambda: [("replace", "/properties/Qualifier/description", "x" * TEN_MB)],
         "/properties/Qualifier/description", "is over the limit of 100000"),
    Case("schema-name-10mb", SCHEMA, lambda: [("add", "/properties/" + "A" * TEN_MB, {"type": "string"})],
         "/properties/" + "A" * 100, "is over the limit of 100000"),
    Case("schema-10000-properties", SCHEMA, lambda: [("replace", "/properties", _many_properties(10_000))],
         "/properties", "10000 members are over the limit of 2000"),
    Case("schema-10000-enum-values", SCHEMA, lambda: [("add", "/properties/Qualifier/enum", [f"v{i}" for i in range(10_000)])],
         "/properties/Qualifier/enum", "10000 items are over the limit of 2000"),
    Case("schema-nesting-100", SCHEMA, lambda: [("add", "/properties/Deep", _deep_properties(50))],
         "/properties/Deep" + "/properties/Inner" * 31 + "/type", "nested more than 64 levels deep"),
    Case("schema-nesting-1000", SCHEMA, lambda: [("add", "/properties/Deep", _deep_properties(500))],
         "/", "nested too deeply"),
    Case("schema-nesting-1000-arrays", SCHEMA, lambda: [("add", "/properties/Qualifier/enum", _nested_arrays(1000))],
         "/", "nested too deeply"),
    # -- resource specification ------------------------------------------------------------
    Case("spec-document-array", SPEC, [("replace", "", [])], "/", "expected a JSON object"),
    Case("spec-no-resource-types", SPEC, [("remove", "/ResourceTypes")], "/", "'ResourceTypes' is a required property"),
    Case("spec-no-property-types", SPEC, [("remove", "/PropertyTypes")], "/", "'PropertyTypes' is a required property"),
    Case("spec-no-version", SPEC, [("remove", "/ResourceSpecificationVersion")], "/", "'ResourceSpecificationVersion' is a required property"),
    Case("spec-version-number", SPEC, [("replace", "/ResourceSpecificationVersion", 186)],
         "/ResourceSpecificationVersion", "is not of type 'string'"),
    Case("spec-resource-types-array", SPEC, [("replace", "/ResourceTypes", [])], "/ResourceTypes", "expected an object"),
    Case("spec-entry-string", SPEC, [("replace", RT, "EventInvokeConfig")], RT, "is not of type 'object'"),
    Case("spec-property-without-type", SPEC, [("remove", RT + "/Properties/Qualifier/PrimitiveType")],
         RT + "/Properties/Qualifier", "is not valid under any of the given schemas"),
    Case("spec-primitive-unknown", SPEC, [("replace", RT + "/Properties/Qualifier/PrimitiveType", "Str")],
         RT + "/Properties/Qualifier/PrimitiveType", "is not one of"),
    Case("spec-type-undefined", SPEC, [("replace", RT + "/Properties/DestinationConfig/Type", "Nowhere")],
         RT + "/Properties/DestinationConfig/Type", f"property type {TYPE}.Nowhere is not defined"),
    Case("spec-item-type-undefined", SPEC,
         [("replace", RT + "/Properties/DestinationConfig", {"Type": "List", "ItemType": "Nowhere", "Required": False})],
         RT + "/Properties/DestinationConfig/ItemType", f"property type {TYPE}.Nowhere is not defined"),
    Case("spec-list-without-item-type", SPEC, [("replace", RT + "/Properties/DestinationConfig", {"Type": "List"})],
         RT + "/Properties/DestinationConfig", "a List needs an ItemType or a PrimitiveItemType"),
    Case("spec-property-type-undefined-type", SPEC, [("replace", ON_FAILURE + "/Properties/Destination", {"Type": "Missing"})],
         ON_FAILURE + "/Properties/Destination/Type", f"property type {TYPE}.Missing is not defined"),
    Case("spec-tag-undefined", SPEC,
         [("remove", "/PropertyTypes/Tag"), ("add", RT + "/Properties/Tags", {"Type": "List", "ItemType": "Tag", "Required": False})],
         RT + "/Properties/Tags/ItemType", "property type Tag is not defined"),
    Case("spec-attribute-type-undefined", SPEC, [("add", RT + "/Attributes", {"Thing": {"Type": "Nowhere"}})],
         RT + "/Attributes/Thing/Type", f"property type {TYPE}.Nowhere is not defined"),
    Case("spec-required-string", SPEC, [("replace", RT + "/Properties/Qualifier/Required", "yes")],
         RT + "/Properties/Qualifier/Required", "is not of type 'boolean'"),
    Case("spec-update-type-unknown", SPEC, [("replace", RT + "/Properties/Qualifier/UpdateType", "Sometimes")],
         RT + "/Properties/Qualifier/UpdateType", "is not one of"),
    Case("spec-documentation-too-long", SPEC, [("replace", RT + "/Documentation", "https://x/" + "y" * 3000)],
         RT + "/Documentation", "is too long"),
    Case("spec-name-empty", SPEC, [("add", RT + "/Properties/", {"PrimitiveType": "String"})], RT + "/Properties", "'' does not match"),
    Case("spec-name-code", SPEC, [("add", RT + "/Properties/__import__('os').system('x')", {"PrimitiveType": "String"})],
         RT + "/Properties", "does not match"),
    Case("spec-names-collide", SPEC, [("add", RT + "/Properties/Function_Name", {"PrimitiveType": "String"})],
         RT + "/Properties/Function_Name", "'Function_Name' and 'FunctionName' are both 'function_name' in Python"),
    Case("spec-property-type-name-space", SPEC, [("add", "/PropertyTypes/" + TYPE + ".On Failure", {"Properties": {}})],
         "/PropertyTypes", "is not valid under any of the given schemas"),
    Case("spec-property-infinite", SPEC, [("replace", RT + "/Properties/Qualifier/Required", Raw("1e999"))],
         RT + "/Properties/Qualifier/Required", "is not finite"),
    Case("spec-documentation-lone-surrogate", SPEC, [("replace", RT + "/Documentation", Raw('"https://\\udc00"'))],
         RT + "/Documentation", "\\udc00 at character 8 is half a surrogate pair"),
    Case("spec-documentation-10mb", SPEC, lambda: [("replace", RT + "/Documentation", "x" * TEN_MB)],
         RT + "/Documentation", "is over the limit of 100000"),
    Case("spec-10000-properties", SPEC,
         lambda: [("replace", RT + "/Properties", {f"P{i}": {"PrimitiveType": "String"} for i in range(10_000)})],
         RT + "/Properties", "10000 members are over the limit of 2000"),
    Case("spec-nesting-1000", SPEC, lambda: [("replace", RT + "/Documentation", _nested_arrays(1000))],
         "/", "nested too deeply"),
    # -- L2 binding file ---------------------------------------------------------------------
    Case("bindings-document-array", BIND, [("replace", "", [])], "/", "is not of type 'object'"),
    Case("bindings-no-module", BIND, [("remove", "/module")], "/", "'module' is a required property"),
    Case("bindings-wrong-module", BIND, [("replace", "/module", "aws_s3")], "/module", "expected 'aws_lambda'"),
    Case("bindings-module-newline", BIND, [("replace", "/module", "aws_lambda\n")], "/module", "does not match"),
    Case("bindings-types-object", BIND, [("replace", "/types", {})], "/types", "is not of type 'array'"),
    Case("bindings-types-unknown", BIND, [("add", "/types/-", "@aws-cdk/aws-lambda.Nothing")], "/types/6", "not in the jsii extracts"),
    Case("bindings-types-duplicate", BIND, [("add", "/types/-", "@aws-cdk/aws-lambda.DestinationType")], "/types", "has non-unique elements"),
    Case("bindings-construct-key-invalid", BIND, [("add", "/constructs/nope", {"resource": TYPE, "id": "R", "props": {}})],
         "/constructs", "'nope' does not match"),
    Case("bindings-construct-no-id", BIND, [("remove", CONSTRUCT + "/id")], CONSTRUCT, "'id' is a required property"),
    Case("bindings-construct-id-newline", BIND, [("replace", CONSTRUCT + "/id", "Resource\n")], CONSTRUCT + "/id", "does not match"),
    Case("bindings-construct-id-code", BIND, [("replace", CONSTRUCT + "/id", "R', __import__('os'), '")],
         CONSTRUCT + "/id", "does not match"),
    Case("bindings-resource-not-generated", BIND, [("replace", CONSTRUCT + "/resource", "AWS::Lambda::Function")],
         CONSTRUCT + "/resource", "is not generated in aws_lambda"),
    Case("bindings-prop-name-invalid", BIND, [("add", PROPS + "/max-age", {"property": "Qualifier"})], PROPS, "'max-age' does not match"),
    Case("bindings-prop-unknown", BIND, [("add", PROPS + "/nope", {"property": "Qualifier"})], PROPS + "/nope", "has no prop 'nope'"),
    Case("bindings-property-number", BIND, [("replace", PROPS + "/qualifier/property", 5)], PROPS + "/qualifier/property", "is not of type 'string'"),
    Case("bindings-property-unknown", BIND, [("replace", PROPS + "/qualifier/property", "Missing")],
         PROPS + "/qualifier/property", "has no property Missing"),
    Case("bindings-property-path-empty-part", BIND, [("replace", PROPS + "/onFailure/property", "DestinationConfig..OnFailure")],
         PROPS + "/onFailure/property", "does not match"),
    Case("bindings-property-not-a-structure", BIND, [("replace", PROPS + "/qualifier/property", "Qualifier.Name")],
         PROPS + "/qualifier/property", "Qualifier is not a structure"),
    Case("bindings-convert-unknown", BIND, [("add", PROPS + "/qualifier/convert", "sideways")], PROPS + "/qualifier/convert", "is not one of"),
    Case("bindings-unit-unknown", BIND, [("replace", PROPS + "/maxEventAge/unit", "weeks")], PROPS + "/maxEventAge/unit", "is not one of"),
    Case("bindings-bind-without-to", BIND, [("remove", PROPS + "/onFailure/to")], PROPS + "/onFailure", "'to' is a required property"),
    Case("bindings-duration-without-unit", BIND, [("remove", PROPS + "/maxEventAge/unit")], PROPS + "/maxEventAge", "'unit' is a required property"),
    Case("bindings-default-null", BIND, [("replace", PROPS + "/qualifier/default", None)], PROPS + "/qualifier/default", "is not of type"),
    Case("bindings-default-object", BIND, [("replace", PROPS + "/qualifier/default", {"a": 1})], PROPS + "/qualifier/default", "is not of type"),
    Case("bindings-default-infinite", BIND, [("replace", PROPS + "/qualifier/default", Raw("1e999"))],
         PROPS + "/qualifier/default", "is not finite"),
    Case("bindings-attribute-keyword", BIND, [("replace", PROPS + "/function/attribute", "class")],
         PROPS + "/function/attribute", "'class' is a Python keyword"),
    Case("bindings-attribute-newline", BIND, [("replace", PROPS + "/function/attribute", "function_name\n")],
         PROPS + "/function/attribute", "does not match"),
    Case("bindings-field-keyword", BIND, [("replace", PROPS + "/onFailure/field", "import")], PROPS + "/onFailure/field", "'import' is a Python keyword"),
    Case("bindings-args-keyword", BIND,
         [("replace", PROPS + "/onFailure/args", {"lambda": {"enum": "@aws-cdk/aws-lambda.DestinationType", "member": "FAILURE"}})],
         PROPS + "/onFailure/args/lambda", "'lambda' is a Python keyword"),
    Case("bindings-args-enum-not-generated", BIND,
         [("replace", PROPS + "/onFailure/args/type/enum", "@aws-cdk/aws-lambda.Runtime")], PROPS + "/onFailure/args", "is not generated here"),
    Case("bindings-range-error-unknown-field", BIND, [("replace", PROPS + "/retryAttempts/range_error", "between {minimum} and {max}")],
         PROPS + "/retryAttempts/range_error", "not {max}"),
    Case("bindings-range-error-attribute", BIND, [("replace", PROPS + "/retryAttempts/range_error", "{minimum.__class__.__mro__}")],
         PROPS + "/retryAttempts/range_error", "not {minimum.__class__.__mro__}"),
    Case("bindings-range-error-positional", BIND, [("replace", PROPS + "/retryAttempts/range_error", "{0} to {1}")],
         PROPS + "/retryAttempts/range_error", "not {0}"),
    Case("bindings-range-error-unbalanced", BIND, [("replace", PROPS + "/retryAttempts/range_error", "between {minimum and")],
         PROPS + "/retryAttempts/range_error", "not a valid template"),
    Case("bindings-range-error-without-bounds", BIND, [("add", PROPS + "/qualifier/range_error", "{minimum}")],
         PROPS + "/qualifier/range_error", "has no minimum and maximum"),
    Case("bindings-default-lone-surrogate", BIND, [("replace", PROPS + "/qualifier/default", Raw('"\\ud83d"'))],
         PROPS + "/qualifier/default", "\\ud83d at character 0 is half a surrogate pair"),
    Case("bindings-range-error-10mb", BIND, lambda: [("replace", PROPS + "/retryAttempts/range_error", "x" * TEN_MB)],
         PROPS + "/retryAttempts/range_error", "is over the limit of 100000"),
    Case("bindings-10000-types", BIND, lambda: [("replace", "/types", [f"@aws-cdk/aws-lambda.T{i}" for i in range(10_000)])],
         "/types", "10000 items are over the limit of 2000"),
    Case("bindings-nesting-1000", BIND, lambda: [("add", PROPS + "/qualifier/default", _nested_arrays(1000))], "/", "nested too deeply"),
]

# Syntax-level files, fed unchanged as each kind of input: file -> words of the reason.
SYNTAX = {
    "truncated.json": "invalid JSON at line 2 column 1",
    "trailing-comma.json": "invalid JSON at line 4 column 1",
    "single-quotes.json": "Expecting property name enclosed in double quotes",
    "comment.json": "invalid JSON at line 1 column 1",
    "empty.json": "invalid JSON at line 1 column 1: Expecting value",
    "nan.json": "NaN is not valid JSON",
    "infinity.json": "-Infinity is not valid JSON",
    "latin1.json": "not UTF-8: byte 20 is b'\\xe9'",
    "utf16.json": "not UTF-8: byte 0 is b'\\xff'",
    "bom.json": "Unexpected UTF-8 BOM",
    "duplicate-key.json": "duplicate key 'typeName'",
    "two-documents.json": "Extra data",
    "nul-after-document.json": "Extra data",
    "raw-newline-in-string.json": "Invalid control character",
    "unterminated-string.json": "Unterminated string",
    "lone-bracket.json": "Expecting value",
}


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) + len(SYNTAX) * 3 + len(CONTAINER_CASES) + len(OTHER_CASES) >= 50
    assert len({c.id for c in CASES}) == len(CASES)
    assert sorted(SYNTAX) == sorted(p.name for p in FIXTURES.glob("*.json"))


# -- running one case -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def previous_output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A complete output from the unmodified inputs: what each failing run must leave alone."""
    folder = tmp_path_factory.mktemp("previous")
    result = run_generate(make_specs(folder / "specs"), folder / "out")
    assert result.status == 0, result.err
    return folder / "out"


def _file(specs: Path, target: str) -> str:
    return {
        SCHEMA: f"{specs}/{SCHEMA_ZIP_FILE}!{MEMBER}",
        SPEC: f"{specs}/{RESOURCE_SPEC_FILE}",
        BIND: f"{specs}/{BINDINGS}",
    }[target]


def _data(target: str, ops: Sequence[Op]) -> bytes:
    base = {SCHEMA: base_schema, SPEC: base_spec, BIND: base_bindings}[target]()
    return dump_raw(apply_ops(base, ops))


def _specs_with(tmp_path: Path, target: str, data: bytes) -> Path:
    if target == SCHEMA:
        return make_specs(tmp_path / "specs", schema=data)
    if target == SPEC:
        return make_specs(tmp_path / "specs", spec=data)
    return make_specs(tmp_path / "specs", bindings=data)


def assert_refused(tmp_path: Path, previous: Path, specs: Path, file: str, pointer: str, words: str) -> None:
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = snapshot(out)
    result = run_generate(specs, out)
    assert result.status == 2, (result.status, result.err[:2000])
    lines = result.err.splitlines()
    assert len(lines) == 1 and result.err.endswith("\n"), result.err[:2000]
    head = f"cfn-codegen: error: {file}: {pointer}: "
    assert lines[0].startswith(head), f"\nexpected: {head}\nactual:   {lines[0][:2000]}"
    assert words in lines[0][len(head):], lines[0][:2000]
    assert len(lines[0]) < 5_000
    assert result.out == ""
    assert snapshot(out) == before
    assert siblings(out) == []


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input(tmp_path: Path, previous_output: Path, case: Case) -> None:
    ops = case.ops() if callable(case.ops) else case.ops
    specs = _specs_with(tmp_path, case.target, _data(case.target, ops))
    assert_refused(tmp_path, previous_output, specs, _file(specs, case.target), case.pointer, case.words)


@pytest.mark.parametrize("target", [SCHEMA, SPEC, BIND])
@pytest.mark.parametrize("name", sorted(SYNTAX))
def test_malformed_syntax(tmp_path: Path, previous_output: Path, name: str, target: str) -> None:
    specs = _specs_with(tmp_path, target, (FIXTURES / name).read_bytes())
    assert_refused(tmp_path, previous_output, specs, _file(specs, target), "/", SYNTAX[name])


# -- the containers: gzip and zip ----------------------------------------------------------


def _good_gzip() -> bytes:
    return gzip.compress(dump_raw(base_spec()), mtime=0)


def _zip_with_bad_crc() -> bytes:
    data = bytearray(zip_bytes([(MEMBER, dump_raw(base_schema()))]))
    # The local header's CRC-32 sits at offset 14; the central directory's copy is what
    # zipfile checks against the data, so flip a byte of the compressed data instead.
    data[30 + len(MEMBER) + 5] ^= 0xFF
    return bytes(data)


CONTAINER_CASES: List[Tuple[str, Dict[str, Any], str, str]] = [
    ("gzip-not-gzip", {"spec_file": b"{}"}, SPEC, "corrupt gzip"),
    ("gzip-truncated", {"spec_file": _good_gzip()[:200]}, SPEC, "corrupt gzip"),
    ("gzip-empty", {"spec_file": b""}, SPEC, "invalid JSON at line 1 column 1"),
    ("zip-not-zip", {"zip_file": b"PK\x03\x04 not really"}, "zip", "cannot open zip"),
    ("zip-empty-file", {"zip_file": b""}, "zip", "cannot open zip"),
    ("zip-bad-crc", {"zip_file": _zip_with_bad_crc()}, SCHEMA, "corrupt zip member"),
]


@pytest.mark.parametrize("name, files, target, words", CONTAINER_CASES, ids=[c[0] for c in CONTAINER_CASES])
def test_malformed_container(tmp_path: Path, previous_output: Path, name: str, files: Dict[str, Any], target: str, words: str) -> None:
    specs = make_specs(tmp_path / "specs", **files)
    file = f"{specs}/{SCHEMA_ZIP_FILE}" if target == "zip" else _file(specs, target)
    assert_refused(tmp_path, previous_output, specs, file, "/", words)


def test_a_member_name_that_is_not_one_line(tmp_path: Path, previous_output: Path) -> None:
    """The message stays one line when the file name holds a newline (names are escaped)."""
    members = [(MEMBER, dump_raw(base_schema())), ("aws-x-\u2028y\nz.json", b"{")]
    specs = make_specs(tmp_path / "specs", members=members)
    out = tmp_path / "out"
    shutil.copytree(previous_output, out)
    result = run_generate(specs, out, types=["AWS::Lambda::*"])
    assert result.status == 2
    assert result.err == f"cfn-codegen: error: {specs}/{SCHEMA_ZIP_FILE}!aws-x-\\u2028y\\nz.json: /: invalid JSON at line 1 column 2: " \
        "Expecting property name enclosed in double quotes\n", result.err


def test_zip_member_listed_twice(tmp_path: Path, previous_output: Path) -> None:
    schema = base_schema()
    other = apply_ops(schema, [("replace", "/properties/MaximumRetryAttempts/maximum", 5)])
    with pytest.warns(UserWarning, match="Duplicate name"):
        specs = make_specs(tmp_path / "specs", members=[(MEMBER, dump_raw(schema)), (MEMBER, dump_raw(other))])
    assert_refused(tmp_path, previous_output, specs, f"{specs}/{SCHEMA_ZIP_FILE}!{MEMBER}", "/", "twice")


# -- the other inputs: provenance.json, patches ------------------------------------------------


def _provenance(edit: Callable[[Dict[str, Any]], None]) -> Callable[[Path], str]:
    def prepare(specs: Path) -> str:
        path = specs / "provenance.json"
        data = json.loads(path.read_text())
        edit(data)
        path.write_text(json.dumps(data))
        return str(path)

    return prepare


def _patch(operations: Any, raw: bytes = b"") -> Callable[[Path], str]:
    def prepare(specs: Path) -> str:
        (specs / "patches").mkdir()
        path = specs / "patches" / "fix-qualifier.json"
        path.write_bytes(raw or json.dumps({"target": MEMBER, "reason": "a test", "operations": operations}).encode())
        return str(path)

    return prepare


OTHER_CASES: List[Tuple[str, Callable[[Path], str], str, str]] = [
    ("provenance-entry-string", _provenance(lambda d: d["inputs"].update({"registry-schemas": "2026"})),
     "/inputs/registry-schemas", "expected an object"),
    ("provenance-version-object", _provenance(lambda d: d["inputs"]["registry-schemas"].update(version={"v": 1})),
     "/inputs/registry-schemas/version", "expected a string, not an object"),
    ("provenance-inputs-array", _provenance(lambda d: d.update(inputs=[])), "/inputs", "expected an object of inputs"),
    ("patch-not-json", _patch([], raw=b"{'op': 'add'}"), "/", "invalid JSON"),
    ("patch-path-missing", _patch([{"op": "replace", "path": "/properties/Nope/pattern", "value": "x"}]),
     "/operations/0", "does not exist in the patched document"),
    ("patch-stale-test", _patch([{"op": "test", "path": "/properties/Qualifier/pattern", "value": "old"},
                                 {"op": "replace", "path": "/properties/Qualifier/pattern", "value": "new"}]),
     "/operations/0", "AWS's data changed, review this patch"),
    ("patch-add-bad-index", _patch([{"op": "add", "path": "/required/first", "value": "Qualifier"}]),
     "/operations/0", "'first' is not an index of the array"),
    ("patch-add-past-the-end", _patch([{"op": "add", "path": "/required/7", "value": "Qualifier"}]),
     "/operations/0", "'7' is not an index of the array (0 to 2 or -)"),
    ("patch-into-a-string", _patch([{"op": "add", "path": "/typeName/x", "value": 1}]),
     "/operations/0", "goes into a string, not an object or array"),
    ("patch-op-unknown", _patch([{"op": "move", "path": "/typeName", "from": "/x"}]), "/operations/0", "(rule:"),
]


@pytest.mark.parametrize("name, prepare, pointer, words", OTHER_CASES, ids=[c[0] for c in OTHER_CASES])
def test_malformed_other_input(
    tmp_path: Path, previous_output: Path, name: str, prepare: Callable[[Path], str], pointer: str, words: str
) -> None:
    specs = make_specs(tmp_path / "specs")
    file = prepare(specs)
    assert_refused(tmp_path, previous_output, specs, file, pointer, words)


def test_an_output_folder_that_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a file where the output's parent folder should be")
    result = run_generate(make_specs(tmp_path / "specs"), tmp_path / "file" / "out")
    assert result.status == 2
    assert result.err.count("\n") == 1 and "cannot write the output" in result.err, result.err


# -- as a real process --------------------------------------------------------------------------

SUBPROCESS_SAMPLE = ["schema-nesting-1000", "schema-name-code", "spec-type-undefined", "bindings-range-error-unknown-field"]


@pytest.mark.parametrize("case_id", SUBPROCESS_SAMPLE)
def test_process_reports_without_traceback(tmp_path: Path, previous_output: Path, case_id: str) -> None:
    case = next(c for c in CASES if c.id == case_id)
    ops = case.ops() if callable(case.ops) else case.ops
    specs = _specs_with(tmp_path, case.target, _data(case.target, ops))
    out = tmp_path / "out"
    shutil.copytree(previous_output, out)
    before = snapshot(out)
    result = subprocess.run(
        [sys.executable, "-m", "codegen", "generate", "--type", TYPE, "--specs", str(specs), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"cfn-codegen: error: {_file(specs, case.target)}: {case.pointer}: "), result.stderr
    assert case.words in result.stderr
    assert snapshot(out) == before


# -- valid inputs the generator cannot take yet -------------------------------------------------


def test_required_array_of_itself(tmp_path: Path) -> None:
    tree = {"type": "object", "properties": {"Children": {"type": "array", "items": {"$ref": "#/definitions/Tree"}}}, "required": ["Children"]}
    schema = apply_ops(base_schema(), [("add", "/definitions/Tree", tree), ("add", "/properties/Tree", {"$ref": "#/definitions/Tree"})])
    result = run_generate(make_specs(tmp_path / "specs", schema=schema), tmp_path / "out")
    assert result.status == 0, result.err


def test_deep_required_nesting(tmp_path: Path) -> None:
    ops = _ref_chain(20, {"type": "object", "properties": {"Next": {"$ref": "#/definitions/D{next}"}}, "required": ["Next"]})
    result = run_generate(make_specs(tmp_path / "specs", schema=apply_ops(base_schema(), ops)), tmp_path / "out")
    assert result.status == 0, result.err


def test_a_pathological_pattern_does_not_hang(tmp_path: Path) -> None:
    name = "A" + "a" * 40 + "1"
    schema = apply_ops(base_schema(), [("add", "/properties/" + name, {"type": "string", "pattern": "^(a|a)+$"})])
    try:
        result = run_generate(make_specs(tmp_path / "specs", schema=schema), tmp_path / "out", timeout=1.0)
    except CaseTimeout as exc:
        raise AssertionError(f"the generator hangs: {exc}") from None
    assert result.status in (0, 2), result.err
