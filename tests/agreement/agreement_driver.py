"""Runs the agreement property tests in a process of its own, where ``cfnpy`` is the
package generated for the sample (``PYTHONPATH`` names it), not the committed one.

    python tests/agreement/agreement_driver.py --out results.json TYPE [TYPE ...]

Writes, per type, whether the two verdicts agreed on every example, how many examples
ran and were accepted/rejected by each side, and hypothesis's report of the smallest
disagreeing example. The hypothesis profile is chosen by ``CFN_AGREEMENT_PROFILE``
(``default`` for ``make test``, ``fuzz`` for ``make fuzz``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.reporting import with_reporter

import agreement_schema as agreement

PROFILE_VARIABLE = "CFN_AGREEMENT_PROFILE"
# Examples per type (the primary type gets PRIMARY_FACTOR times more).
EXAMPLES = {"default": 60, "fuzz": 3000}
PRIMARY_FACTOR = 10

_common = dict(
    deadline=None,
    database=None,
    print_blob=False,
    suppress_health_check=list(HealthCheck),
)
settings.register_profile("default", derandomize=True, max_examples=EXAMPLES["default"], **_common)  # type: ignore[arg-type]
settings.register_profile("fuzz", max_examples=EXAMPLES["fuzz"], **_common)  # type: ignore[arg-type]


def check_type(
    type_name: str, doc: Dict[str, Any], profile: str, without: Sequence[str] = (), examples: Optional[int] = None
) -> Dict[str, Any]:
    cls = agreement.resource_class(type_name)
    oracle = agreement.Oracle(doc, relax=[r for r in agreement.RELAXATIONS if r not in without])
    strategies = agreement.ValueStrategies(doc)
    counts: Counter[str] = Counter()
    if examples is None:
        examples = EXAMPLES[profile] * (PRIMARY_FACTOR if type_name == agreement.PRIMARY else 1)
    root = {"type": "object", "properties": agreement.settable_properties(doc)}

    @settings(settings.get_profile(profile), max_examples=examples)
    @given(instance=strategies.instances())
    def agree(instance: Dict[str, Any]) -> None:
        errors = oracle.errors(instance)
        verdict = agreement.run_class(cls, instance)
        counts["examples"] += 1
        if verdict.accepted and agreement.is_token_text(instance):
            counts["tokens"] += 1
            return
        counts["accepted" if verdict.accepted else "rejected"] += 1
        counts["schema accepted" if not errors else "schema rejected"] += 1
        assert verdict.accepted == (not errors), (
            f"class {'accepted' if verdict.accepted else 'rejected'} ({verdict.detail}), "
            f"schema {'accepted' if not errors else 'rejected: ' + '; '.join(errors[:3])}"
        )
        if verdict.accepted:
            expected = agreement.without_none(instance, doc, root)
            rendered = dict(verdict.template_properties or {})
            for name in verdict.managed:  # rendered by a manager (tags): not a copy of the value given
                expected.pop(name, None)
                rendered.pop(name, None)
            assert rendered == expected, (
                f"the template's Properties differ from the values given: {rendered!r} != {expected!r}"
            )

    report: List[object] = []
    started = time.perf_counter()
    ok, failure = True, ""
    try:
        with with_reporter(report.append):
            agree()
    except BaseException as error:  # noqa: BLE001 - reported to the parent test
        if isinstance(error, KeyboardInterrupt):
            raise
        ok = False
        failure = "".join(traceback.format_exception_only(type(error), error))
    return {
        "ok": ok,
        "failure": failure,
        "report": "\n".join(map(str, report)),
        "counts": dict(counts),
        "seconds": round(time.perf_counter() - started, 2),
    }


def verdicts(case: Dict[str, Any], schemas: Dict[str, Any]) -> Dict[str, Any]:
    """Both verdicts on one given example (the oracle without the relaxations in ``without``)."""
    doc = schemas[case["type"]]
    without = case.get("without", ())
    oracle = agreement.Oracle(doc, relax=[r for r in agreement.RELAXATIONS if r not in without])
    errors = oracle.errors(case["instance"])
    verdict = agreement.run_class(agreement.resource_class(case["type"]), case["instance"])
    return {"class": verdict.accepted, "class_detail": verdict.detail, "schema": not errors, "schema_errors": errors[:3]}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--without", action="append", default=[], help="a relaxation of the oracle to switch off")
    parser.add_argument("--examples", type=int, help="examples per type (overrides the profile)")
    parser.add_argument("--cases", type=Path, help="a JSON list of {type, instance, without}: report both verdicts of each")
    parser.add_argument("types", nargs="*")
    args = parser.parse_args(argv)
    profile = os.environ.get(PROFILE_VARIABLE, "default")
    import cfnpy

    where = str(Path(cfnpy.__file__).resolve())
    schemas = agreement.load_schemas()
    results: Dict[str, Any] = {"cfnpy": where, "profile": profile, "types": {}}
    if args.cases is not None:
        results["cases"] = [verdicts(case, schemas) for case in json.loads(args.cases.read_text())]
        args.out.write_text(json.dumps(results, indent=1))
    for type_name in args.types:
        try:
            results["types"][type_name] = check_type(type_name, schemas[type_name], profile, args.without, args.examples)
        except Exception:  # noqa: BLE001 - a crash of the harness itself is reported too
            results["types"][type_name] = {"ok": False, "failure": traceback.format_exc(), "report": "", "counts": {}}
        args.out.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
