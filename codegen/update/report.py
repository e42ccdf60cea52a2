"""The change report: as text for the terminal, as Markdown for ``specs/CHANGES.md``."""

from __future__ import annotations

import datetime
from typing import Dict, List, Optional

from codegen.update.diff import KINDS, REGISTRY, SPEC, Entry, Report
from codegen.update.sources import REGISTRY_SCHEMAS, RESOURCE_SPEC, TITLES

CHANGES_FILE = "CHANGES.md"
CHANGES_HEADER = (
    "# Changes in the CloudFormation specs\n"
    "\n"
    "Written by `cfn-codegen update-spec`, newest first. **breaking**: code or templates\n"
    "valid before may be rejected after (a removed type, property or attribute, a newly\n"
    "required property, a narrower type or constraint). Sources: *spec* is the resource\n"
    "specification, *registry* the registry schemas.\n"
)
_SOURCE_NAMES = {SPEC: "spec", REGISTRY: "registry"}


def versions_line(report: Report) -> str:
    parts = []
    for key in (RESOURCE_SPEC, REGISTRY_SCHEMAS):
        old, new = report.old_versions.get(key), report.new_versions.get(key)
        if old is None and new is None:
            continue
        if old == new:
            parts.append(f"{TITLES[key]} {new} (unchanged)")
        else:
            parts.append(f"{TITLES[key]} {old or 'none'} → {new or 'none'}")
    return "; ".join(parts)


def _sources(entry: Entry) -> str:
    return ", ".join(_SOURCE_NAMES[s] for s in entry.sources)


def render_text(report: Report) -> str:
    lines = [f"Changes: {versions_line(report)}" if versions_line(report) else "Changes:", report.summary()]
    grouped = report.by_type()
    if grouped:
        lines.append("  (! breaking, + added, - removed, ~ changed)")
    for type_name, entries in grouped.items():
        lines.append(type_name)
        for entry in entries:
            mark = "!" if entry.breaking else "+" if entry.kind.endswith("-added") else "-" if entry.kind.endswith("-removed") else "~"
            lines.append(f"  {mark} {entry.text()}  [{_sources(entry)}]")
    return "\n".join(lines) + "\n"


def _code(text: str) -> str:
    """``text`` as a Markdown code span, whatever backticks it holds."""
    text = " ".join(text.split())
    run, longest = 0, 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _markdown_entry(entry: Entry) -> str:
    parts = [KINDS[entry.kind]]
    if entry.where:
        parts.append(_code(entry.where))
    if entry.detail:
        parts.append(_code(entry.detail) if entry.kind == "constraint-changed" else entry.detail.replace("*", "\\*"))
    flag = "**breaking** " if entry.breaking else ""
    return f"- {flag}{': '.join(parts)} ({_sources(entry)})"


def render_markdown(report: Report, date: Optional[datetime.date] = None, title: Optional[str] = None) -> str:
    date = date or datetime.date.today()
    heading = title or versions_line(report) or "specs"
    lines: List[str] = [f"## {date.isoformat()}: {heading}", "", report.summary() + "."]
    counts: Dict[str, int] = {}
    for entry in report.breaking:
        counts[entry.type_name] = counts.get(entry.type_name, 0) + 1
    if counts:
        lines += ["", "Breaking changes in: " + ", ".join(f"`{t}` ({n})" for t, n in counts.items()) + "."]
    for type_name, entries in report.by_type().items():
        lines += ["", f"### {type_name}", ""]
        lines += [_markdown_entry(e) for e in entries]
    return "\n".join(lines) + "\n"


def prepend_entry(existing: Optional[str], entry: str) -> str:
    """``CHANGES.md`` with ``entry`` as its newest (first) section."""
    if not existing or not existing.strip():
        return CHANGES_HEADER + "\n" + entry
    if existing.startswith(CHANGES_HEADER):
        rest = existing[len(CHANGES_HEADER) :].lstrip("\n")
        return CHANGES_HEADER + "\n" + entry + ("\n" + rest if rest else "")
    return CHANGES_HEADER + "\n" + entry + "\n" + existing.lstrip("\n")


__all__ = ["CHANGES_FILE", "CHANGES_HEADER", "prepend_entry", "render_markdown", "render_text", "versions_line"]
