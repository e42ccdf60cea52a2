"""Command line: ``cfn-codegen generate`` (also ``python -m codegen``)."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import List, Optional

from codegen import __version__
from codegen.config import load_settings, override
from codegen.errors import ConfigError, SpecError

EXIT_BAD_INPUT = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cfn-codegen", description="Generate the cfnpy package from the AWS CloudFormation specs.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="generate the package from specs/")
    gen.add_argument("--type", dest="types", action="append", metavar="TYPE", help="resource type to generate (repeatable; fnmatch patterns allowed); default from [tool.cfn-codegen] types")
    gen.add_argument("--out", type=Path, help="output folder (replaced atomically); default generated/")
    gen.add_argument("--specs", type=Path, help="folder with the inputs, in the layout of specs/")
    gen.add_argument("--templates", type=Path, help=argparse.SUPPRESS)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        settings = override(
            settings,
            types=tuple(args.types) if args.types else None,
            out=args.out.resolve() if args.out else None,
            specs=args.specs.resolve() if args.specs else None,
            templates=args.templates.resolve() if args.templates else None,
        )
        if args.command == "generate":
            from codegen.pipeline import generate

            started = time.perf_counter()
            summary = generate(specs=settings.specs, out=settings.out, templates=settings.templates, types=settings.types)
            print(f"cfn-codegen: wrote {settings.out}: {summary} in {time.perf_counter() - started:.2f} s")
        return 0
    except SpecError as error:
        print(f"cfn-codegen: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ConfigError as error:
        print(f"cfn-codegen: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
