"""Command line: ``cfn-codegen generate``, ``update-spec``, ``diff`` (also ``python -m codegen``)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

from codegen import __version__
from codegen.config import Settings, load_settings, override
from codegen.errors import ConfigError, SpecError

if TYPE_CHECKING:
    from codegen.update.command import UpdateRequest

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
    gen.add_argument("--force", action="store_true", help="generate even when the output is up to date with its inputs")
    _update_spec_parser(commands)
    _diff_parser(commands)
    return parser


def _update_spec_parser(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    from codegen.update.download import Options

    defaults = Options()
    up = commands.add_parser(
        "update-spec",
        help="download the latest specs into specs/, with a change report",
        description=(
            "Download the resource specification and the registry schema zip (URLs from [tool.cfn-codegen]),"
            " check them completely, print what changed, and replace specs/ atomically, recording the"
            " provenance and prepending the report to specs/CHANGES.md. Exit status: 0 updated or up to date,"
            " 1 (--check only) a newer spec exists, 2 an error (specs/ unchanged)."
        ),
    )
    up.add_argument("--specs", type=Path, help="the specs folder to update; default specs/")
    up.add_argument("--check", action="store_true", help="only tell whether a newer spec exists: exit 1 if so, 0 if not; writes nothing")
    up.add_argument("--region", help="AWS region whose URLs to use; default [tool.cfn-codegen] region or us-east-1")
    up.add_argument("--only", choices=("spec", "schemas"), help="update only the resource specification or only the registry schemas")
    up.add_argument("--url", action="append", default=[], metavar="URL", help="fetch from URL instead (a .zip is the schema zip, anything else the resource specification; repeatable)")
    up.add_argument("--file", action="append", default=[], type=Path, metavar="PATH", help="take a local file instead (a .zip is the schema zip; repeatable)")
    up.add_argument("--spec-url", metavar="URL", help="fetch the resource specification from URL")
    up.add_argument("--schemas-url", metavar="URL", help="fetch the registry schema zip from URL")
    up.add_argument("--spec-file", type=Path, metavar="PATH", help="take the resource specification from a file")
    up.add_argument("--schemas-file", type=Path, metavar="PATH", help="take the registry schema zip from a file")
    up.add_argument("--sha256", metavar="HEX", help="expected sha256 of the download as received (needs exactly one input)")
    up.add_argument("--allow-older", action="store_true", help="accept a resource specification older than the current one")
    up.add_argument("--timeout", type=float, default=defaults.timeout, metavar="SECONDS", help=f"connect and read timeout (default {defaults.timeout:g})")
    up.add_argument("--retries", type=int, default=defaults.retries, metavar="N", help=f"retries after a failed attempt (default {defaults.retries})")
    up.add_argument("--retry-backoff", type=float, default=defaults.backoff, metavar="SECONDS", help=f"first wait between attempts, doubled each time (default {defaults.backoff:g})")
    up.add_argument("--max-bytes", type=int, default=defaults.max_bytes, metavar="N", help=f"refuse bodies (and unpacked data) larger than N bytes (default {defaults.max_bytes})")


def _diff_parser(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    diff = commands.add_parser(
        "diff",
        help="print the change report between two versions of the specs",
        description="OLD and NEW: two resource specifications (.json or .json.gz), two registry schema zips, or two specs folders.",
    )
    diff.add_argument("old", type=Path, metavar="OLD")
    diff.add_argument("new", type=Path, metavar="NEW")
    diff.add_argument("--markdown", action="store_true", help="print Markdown, as written to specs/CHANGES.md")


def _update_request(args: argparse.Namespace, settings: Settings) -> "UpdateRequest":
    import re

    from codegen.update.command import UpdateRequest
    from codegen.update.download import Options
    from codegen.update.sources import REGISTRY_SCHEMAS, RESOURCE_SPEC, TITLES, Source, kind_of, official_urls

    urls = official_urls(settings.extra, args.region)
    explicit: List[Source] = []
    for url in args.url:
        explicit.append(Source(kind_of(url), url=url))
    for file in args.file:
        explicit.append(Source(kind_of(str(file)), file=str(file)))
    for kind, url, file in (
        (RESOURCE_SPEC, args.spec_url, args.spec_file),
        (REGISTRY_SCHEMAS, args.schemas_url, args.schemas_file),
    ):
        if url is not None:
            explicit.append(Source(kind, url=url))
        if file is not None:
            explicit.append(Source(kind, file=str(file)))
    for source in explicit:
        if source.url is not None and not re.match(r"^https?://", source.url, re.IGNORECASE):
            raise ConfigError(f"--url {source.url}: only http:// and https:// URLs (use --file for a local file)")
    kinds = [k for k in (RESOURCE_SPEC, REGISTRY_SCHEMAS) if args.only is None or k == {"spec": RESOURCE_SPEC, "schemas": REGISTRY_SCHEMAS}[args.only]]
    if explicit:
        seen = [s.kind for s in explicit]
        for kind in set(seen):
            if seen.count(kind) > 1:
                raise ConfigError(f"two sources given for the {TITLES[kind]}")
        if any(k not in kinds for k in seen):
            raise ConfigError(f"--only {args.only} conflicts with the sources given")
        sources = explicit
    else:
        sources = [Source(kind, url=urls[kind]) for kind in kinds]
    expected = None
    if args.sha256 is not None:
        expected = args.sha256.strip().lower()
        if not re.fullmatch(r"[0-9a-f]{64}", expected):
            raise ConfigError("--sha256 must be 64 hexadecimal digits")
        if len(sources) != 1:
            raise ConfigError("--sha256 needs exactly one input: add --only, or give one --url or --file")
    sources = [
        Source(s.kind, url=s.url, file=s.file, official_url=urls[s.kind], expected_sha256=expected) for s in sources
    ]
    if args.timeout <= 0 or args.retries < 0 or args.retry_backoff < 0 or args.max_bytes <= 0:
        raise ConfigError("--timeout and --max-bytes must be positive, --retries and --retry-backoff not negative")
    options = Options(
        timeout=args.timeout,
        retries=args.retries,
        backoff=args.retry_backoff,
        max_bytes=args.max_bytes,
        progress=sys.stderr,
    )
    specs = args.specs.resolve() if args.specs else settings.specs
    return UpdateRequest(specs=specs, sources=sources, options=options, check=args.check, allow_older=args.allow_older)


def main(argv: Optional[List[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "diff":
            from codegen.update.command import diff_paths

            print(diff_paths(args.old, args.new, markdown=args.markdown), end="")
            return 0
        settings = load_settings()
        if args.command == "update-spec":
            from codegen.update.command import UpdateError, update_spec
            from codegen.update.download import DownloadError

            try:
                return update_spec(_update_request(args, settings), sys.stdout)
            except (UpdateError, DownloadError) as error:
                print(f"cfn-codegen: error: {error}", file=sys.stderr)
                return EXIT_BAD_INPUT
            except BrokenPipeError:  # `cfn-codegen update-spec | head`: stop quietly
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return EXIT_BAD_INPUT
            except OSError as error:
                where = f": {error.filename}" if error.filename else ""
                print(f"cfn-codegen: error: {error.strerror or error}{where}", file=sys.stderr)
                return EXIT_BAD_INPUT
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
            summary = generate(
                specs=settings.specs,
                out=settings.out,
                templates=settings.templates,
                types=settings.types,
                force=args.force,
            )
            took = f"{time.perf_counter() - started:.2f} s"
            if summary is None:
                print(f"cfn-codegen: {settings.out} is up to date with its inputs ({took})")
            else:
                print(f"cfn-codegen: wrote {settings.out}: {summary} in {took}")
        return 0
    except SpecError as error:
        print(f"cfn-codegen: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ConfigError as error:
        print(f"cfn-codegen: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
