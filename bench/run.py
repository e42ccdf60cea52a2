"""cfn-codegen benchmarks, side by side with troposphere and AWS CDK when installed.

    python bench/run.py [--repeat N] [--skip-generation]

Prints medians of several runs and the peers' ratios (peer time / ours) as a
Markdown table. Peers: ``pip install troposphere aws-cdk-lib`` in the bench
environment; an absent peer is shown as n/a.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
import tracemalloc
from typing import Callable, Dict, Optional

from common import GENERATED, ROOT, command_seconds, has, median_seconds, python, row

sys.path.insert(0, str(GENERATED))

ARN = "arn:aws:sqs:us-east-1:123456789012:queue"


def bench_generation(repeat: int) -> Dict[str, Optional[float]]:
    with tempfile.TemporaryDirectory() as tmp:
        full = command_seconds([sys.executable, "-m", "codegen", "generate", "--force", "--out", tmp], repeat)
        noop = command_seconds([sys.executable, "-m", "codegen", "generate", "--out", tmp], max(repeat, 5))
    return {"full": full, "noop": noop}


def import_seconds(module: str, repeat: int) -> float:
    bare = command_seconds(python("pass"), repeat)
    return max(0.0, command_seconds(python(f"import {module}"), repeat, {"PYTHONPATH": str(GENERATED)}) - bare)


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

        stack = cdk.Stack(cdk.App(), "Bench")
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
        return json.dumps(cdk.assertions.Template.from_stack(stack).to_json())

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
        lines.append(row("full generation, every type", gen["full"], {"troposphere": None, "aws-cdk-lib": None}))
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
    lines.append(row("import the largest module (aws_ec2)", import_seconds("cfnpy.aws_ec2", args.repeat), {"troposphere": import_seconds("troposphere.ec2", args.repeat) if peers["troposphere"] else None, "aws-cdk-lib": None}))
    ours = median_seconds(cfnpy_synth(2000), args.repeat)
    tropo = median_seconds(tropo_synth(2000), args.repeat) if peers["troposphere"] else None
    cdk = median_seconds(cdk_synth(2000), 1) if peers["aws-cdk-lib"] else None
    lines.append(row("synthesize 2,000 resources", ours, {"troposphere": tropo, "aws-cdk-lib": cdk}))
    big = median_seconds(cfnpy_synth(20000), 1)
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
