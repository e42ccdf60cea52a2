"""cfn-codegen benchmarks, side by side with troposphere and AWS CDK when installed.

    python bench/run.py [--repeat N] [--skip-generation]

Prints medians of several runs and the peers' ratios (peer time / ours) as a
Markdown table. Peers: ``pip install troposphere aws-cdk-lib`` in the bench
environment; an absent peer is shown as n/a. troposphere's generator is not in its
packages: ``TROPOSPHERE_SRC=<checkout of its repository>`` times it (with black) on
our resource specification; its patches need ``pip install jsonpatch``.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Callable, Dict, Optional

from common import GENERATED, ROOT, command_seconds, has, median_seconds, python, row

sys.path.insert(0, str(GENERATED))

ARN = "arn:aws:sqs:us-east-1:123456789012:queue"


def bench_generation(repeat: int) -> Dict[str, Optional[float]]:
    """Full generation into an empty folder: with the verdicts of validation remembered
    (the usual case: the inputs were validated before), and with nothing remembered
    (the first run after a spec update: every input validated); then a no-op run."""
    generate = [sys.executable, "-m", "codegen", "generate"]
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as cache:
        out = str(Path(tmp) / "out")
        remembered = {"CFN_CODEGEN_CACHE": cache}
        subprocess.run([*generate, "--force", "--out", out], check=True, capture_output=True, env={**os.environ, **remembered}, cwd=ROOT)
        full = command_seconds([*generate, "--force", "--out", out], repeat, remembered)
        cold = command_seconds([*generate, "--force", "--out", out], repeat, {"CFN_CODEGEN_CACHE": ""})
        noop = command_seconds([*generate, "--out", out], max(repeat, 5), remembered)
    return {
        "full": full,
        "cold": cold,
        "noop": noop,
        "troposphere": troposphere_generation(repeat),
        "troposphere black": troposphere_formatting(repeat) if has("troposphere") else None,
    }


def troposphere_generation(repeat: int) -> Optional[float]:
    """troposphere's own generator (``scripts/gen.py``, as its ``scripts/regen`` runs it)
    over our resource specification, then black over what it wrote, as its Makefile's
    ``fix-black`` does. troposphere's wheel and sdist do not ship the generator: set
    TROPOSPHERE_SRC to a checkout of its repository. None (n/a) without one, or when it
    fails (the reason goes to stderr)."""
    source = os.environ.get("TROPOSPHERE_SRC")
    if not source:
        return None
    source_dir = Path(source)
    if not (source_dir / "scripts" / "gen.py").is_file():
        print(f"troposphere generation: no scripts/gen.py in {source_dir}: n/a", file=sys.stderr)
        return None
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        spec = work / "CloudFormationResourceSpecification.json"
        spec.write_bytes(gzip.decompress((ROOT / "specs" / "CloudFormationResourceSpecification.json.gz").read_bytes()))
        times = []
        for _ in range(repeat):
            tree = work / "troposphere-src"
            shutil.rmtree(tree, ignore_errors=True)
            shutil.rmtree(work / "black-cache", ignore_errors=True)
            shutil.copytree(source_dir, tree, ignore=shutil.ignore_patterns(".git", "__pycache__", ".tox", "*.egg-info"))
            names = sorted({_TROPOSPHERE_RENAMES.get(p.stem, p.stem) for p in _generated_modules(tree / "troposphere")})
            (tree / "autogen").write_text("".join(f"{name}\n" for name in names))
            steps = [
                [sys.executable, "scripts/gen.py", "--filelist", "autogen", "-d", "troposphere", "--spec", str(spec)],
                [sys.executable, "-m", "black", "--quiet", "troposphere"],
            ]
            started = time.perf_counter()
            for step in steps:
                env = {**os.environ, "BLACK_CACHE_DIR": str(work / "black-cache")}
                done = subprocess.run(step, cwd=tree, capture_output=True, text=True, env=env)
                if done.returncode != 0:
                    # The cause, not the tail of a spec dump: the lines naming an error.
                    lines = [line for line in done.stderr.splitlines() if "Error" in line or "error" in line]
                    reason = "\n".join(lines[-5:] or done.stderr.splitlines()[:5])[:1000]
                    print(f"troposphere generation: {' '.join(step[1:3])} failed: {reason}", file=sys.stderr)
                    return None
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def troposphere_formatting(repeat: int) -> Optional[float]:
    """A lower bound of troposphere's generation without its generator: black (with an
    empty cache) over the modules its generator made, as its package ships them. They
    are formatted already, so black has less to do than after the generator (it checks
    a changed file's syntax tree too). None (n/a) if troposphere is not installed."""
    spec = importlib.util.find_spec("troposphere")
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(list(spec.submodule_search_locations)[0])
    modules = _generated_modules(package)
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            tree, cache = Path(tmp) / "troposphere", Path(tmp) / "black-cache"
            tree.mkdir()
            for module in modules:
                shutil.copy(module, tree / module.name)
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "black", "--quiet", str(tree)],
                check=True,
                capture_output=True,
                env={**os.environ, "BLACK_CACHE_DIR": str(cache)},
            )
            times.append(time.perf_counter() - started)
    return statistics.median(times)


# As troposphere's scripts/regen lists the services to generate.
def _generated_modules(package: Path) -> list[Path]:
    """The modules of a troposphere package its generator writes (resource classes)."""
    return [p for p in sorted(package.glob("*.py")) if p.stem not in _TROPOSPHERE_SKIPPED and "PropsDictType" in p.read_text()]


_TROPOSPHERE_SKIPPED = {"__init__", "constants", "policies", "serverless", "template_generator", "utils"}
_TROPOSPHERE_RENAMES = {"analytics": "kinesisanalytics", "awslambda": "lambda", "firehose": "kinesisfirehose"}


def import_seconds(module: str, repeat: int, name: str = "") -> float:
    """Seconds ``import module`` (``from module import name``) takes above a bare interpreter."""
    statement = f"from {module} import {name}" if name else f"import {module}"
    bare = command_seconds(python("pass"), repeat)
    return max(0.0, command_seconds(python(statement), repeat, {"PYTHONPATH": str(GENERATED)}) - bare)


def cfnpy_synth(count: int) -> Callable[[], str]:
    def run() -> str:
        from cfnpy.aws_lambda import CfnEventInvokeConfig
        from cfnpy.core import App, Stack

        stack = Stack(App(), "Bench")
        for i in range(count):
            CfnEventInvokeConfig(
                stack,
                f"Config{i}",
                function_name=f"function-{i}",
                qualifier="$LATEST",
                maximum_event_age_in_seconds=3600,
                maximum_retry_attempts=1,
                destination_config={"on_failure": {"destination": ARN}, "on_success": {"destination": ARN}},
            )
        return json.dumps(stack.to_template())

    return run


def tropo_synth(count: int) -> Callable[[], str]:
    def run() -> str:
        import troposphere
        from troposphere import Template, awslambda

        troposphere.MAX_RESOURCES = max(count, troposphere.MAX_RESOURCES)
        template = Template()
        for i in range(count):
            template.add_resource(
                awslambda.EventInvokeConfig(
                    f"Config{i}",
                    FunctionName=f"function-{i}",
                    Qualifier="$LATEST",
                    MaximumEventAgeInSeconds=3600,
                    MaximumRetryAttempts=1,
                    DestinationConfig=awslambda.DestinationConfig(
                        OnFailure=awslambda.OnFailure(Destination=ARN),
                        OnSuccess=awslambda.OnSuccess(Destination=ARN),
                    ),
                )
            )
        return template.to_json()

    return run


def cdk_synth(count: int) -> Callable[[], str]:
    def run() -> str:
        import aws_cdk as cdk
        from aws_cdk import aws_lambda

        # AWS CDK refuses more than 500 resources a stack unless told otherwise (0: no limit).
        stack = cdk.Stack(cdk.App(context={"@aws-cdk/core:stackResourceLimit": 0}), "Bench")
        for i in range(count):
            aws_lambda.CfnEventInvokeConfig(
                stack,
                f"Config{i}",
                function_name=f"function-{i}",
                qualifier="$LATEST",
                maximum_event_age_in_seconds=3600,
                maximum_retry_attempts=1,
                destination_config=aws_lambda.CfnEventInvokeConfig.DestinationConfigProperty(
                    on_failure=aws_lambda.CfnEventInvokeConfig.OnFailureProperty(destination=ARN),
                    on_success=aws_lambda.CfnEventInvokeConfig.OnSuccessProperty(destination=ARN),
                ),
            )
        from aws_cdk import assertions

        return json.dumps(assertions.Template.from_stack(stack).to_json())

    return run


def peak_memory(run: Callable[[], object]) -> float:
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-generation", action="store_true")
    args = parser.parse_args()
    peers = {"troposphere": has("troposphere"), "aws-cdk-lib": has("aws_cdk")}
    lines = [
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}",
        "",
        "| figure | cfnpy | troposphere | aws-cdk-lib |",
        "| --- | --- | --- | --- |",
    ]
    if not args.skip_generation:
        gen = bench_generation(max(1, args.repeat // 3))
        lines.append(row("full generation, every type, formatted", gen["full"], {"troposphere": gen["troposphere"], "aws-cdk-lib": None}))
        lines.append(row("full generation, nothing cached", gen["cold"], {"troposphere": gen["troposphere"], "aws-cdk-lib": None}))
        lines.append(
            row(
                "full generation vs. black alone on troposphere's generated modules (a lower bound of its regen)",
                gen["full"],
                {"troposphere": gen["troposphere black"], "aws-cdk-lib": None},
            )
        )
        lines.append(row("no-op regeneration", gen["noop"], {"troposphere": None, "aws-cdk-lib": None}))
    lines.append(
        row(
            "import the Lambda module",
            import_seconds("cfnpy.aws_lambda", args.repeat),
            {
                "troposphere": import_seconds("troposphere.awslambda", args.repeat) if peers["troposphere"] else None,
                "aws-cdk-lib": import_seconds("aws_cdk.aws_lambda", 1) if peers["aws-cdk-lib"] else None,
            },
        )
    )
    # Service modules load each class on first use: the figures with a first class too.
    lines.append(
        row(
            "import the Lambda module and its EventInvokeConfig L1 class",
            import_seconds("cfnpy.aws_lambda", args.repeat, "CfnEventInvokeConfig"),
            {
                "troposphere": import_seconds("troposphere.awslambda", args.repeat, "EventInvokeConfig")
                if peers["troposphere"]
                else None,
                "aws-cdk-lib": None,
            },
        )
    )
    lines.append(
        row(
            "import the largest module (aws_ec2)",
            import_seconds("cfnpy.aws_ec2", args.repeat),
            {"troposphere": import_seconds("troposphere.ec2", args.repeat) if peers["troposphere"] else None, "aws-cdk-lib": None},
        )
    )
    lines.append(
        row(
            "import aws_ec2 and its Instance L1 class",
            import_seconds("cfnpy.aws_ec2", args.repeat, "CfnInstance"),
            {
                "troposphere": import_seconds("troposphere.ec2", args.repeat, "Instance") if peers["troposphere"] else None,
                "aws-cdk-lib": None,
            },
        )
    )
    ours = median_seconds(cfnpy_synth(2000), args.repeat)
    tropo = median_seconds(tropo_synth(2000), args.repeat) if peers["troposphere"] else None
    cdk = median_seconds(cdk_synth(2000), 1) if peers["aws-cdk-lib"] else None
    lines.append(row("synthesize 2,000 resources", ours, {"troposphere": tropo, "aws-cdk-lib": cdk}))
    big = median_seconds(cfnpy_synth(20000), 3)
    lines.append(f"| 20,000 / 2,000 resources time ratio | {big / ours:.1f} | | |")
    memory = peak_memory(cfnpy_synth(2000))
    tropo_memory = peak_memory(tropo_synth(2000)) if peers["troposphere"] else None
    lines.append(
        f"| peak memory, 2,000 resources | {memory / 2**20:.1f} MiB ({memory / 2000 / 1024:.1f} KiB a resource) "
        f"| {f'{tropo_memory / 2**20:.1f} MiB' if tropo_memory else 'n/a'} | n/a |"
    )
    print("\n".join(lines))


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"\n(benchmarks took {time.perf_counter() - started:.0f} s; ROOT={ROOT})", file=sys.stderr)
