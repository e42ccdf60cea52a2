"""The generated package as a whole: lazy service modules, versions, compilation."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"


def run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=GENERATED, check=True, timeout=120
    )
    return result.stdout.strip()


def test_import_cfnpy_loads_no_service_module() -> None:
    out = run("import sys, cfnpy; print(sorted(m for m in sys.modules if m.startswith('cfnpy.aws_')))")
    assert out == "[]"


def test_services_load_on_first_use() -> None:
    out = run(
        "import sys, cfnpy; c = cfnpy.aws_lambda.CfnEventInvokeConfig; "
        "print(c.__module__, 'cfnpy.aws_s3' in sys.modules, len(cfnpy.SERVICES) > 300)"
    )
    assert out == "cfnpy.aws_lambda._cfn_event_invoke_config False True"


def test_a_service_builds_a_class_when_it_is_first_used() -> None:
    out = run(
        "import sys, cfnpy.aws_ec2 as ec2; loaded = lambda: sorted(m for m in sys.modules if m.startswith('cfnpy.aws_ec2.')); "
        "before = loaded(); ec2.CfnInstance; print(before, loaded(), 'CfnSubnet' in dir(ec2), 'CfnSubnet' in vars(ec2))"
    )
    assert out == "[] ['cfnpy.aws_ec2._cfn_instance'] True False"


def test_spec_versions_are_stated() -> None:
    out = run("import cfnpy; print(cfnpy.SPEC_VERSION, cfnpy.REGISTRY_SCHEMA_VERSION)")
    assert out.startswith("186.0.0 ")
    header = "".join((GENERATED / "cfnpy" / "aws_lambda" / "__init__.py").read_text().splitlines(True)[:5])
    assert "resource specification 186.0.0" in header


def test_every_module_compiles() -> None:
    files = sorted((GENERATED / "cfnpy").rglob("*.py"))
    assert len(files) > 500
    for path in files:
        compile(path.read_bytes(), str(path), "exec", dont_inherit=True)


def test_no_generated_file_over_5_mb() -> None:
    sizes = {p.relative_to(GENERATED).as_posix(): p.stat().st_size for p in GENERATED.rglob("*.py")}
    assert max(sizes.values()) < 5 * 1024 * 1024, max(sizes, key=lambda p: sizes[p])
