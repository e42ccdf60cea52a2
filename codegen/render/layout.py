"""Lay out generated statements exactly as black would.

black is the reference formatter of the generated code, but formatting the
whole package with it takes minutes. The L1 code only uses a few statement
shapes - ``name = call(...)``, ``param: Annotation[...] = None,`` and the like,
each with one top-level bracket group - and for those black's choice is simple:
a line that fits stays; otherwise it splits at the group's brackets, keeping the
body on one line if it fits, else one item per line with a trailing comma, and
splits an item that still does not fit the same way. ``Group`` and ``layout``
implement that; tests check that black leaves the generated modules unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Tuple, Union

LINE_LENGTH = 88


@dataclass(frozen=True)
class Group:
    """``head`` + ``open`` + items separated by commas + ``close``.

    ``kind`` is ``call`` or ``subscript`` (split one item a line only when the
    items do not fit on one line), ``collection`` (a tuple or list literal: black
    splits it one item a line whenever it splits it), ``def`` (parameters: a
    sole parameter also gets its own line and a trailing comma) or ``import``
    (names of a ``from`` import: no brackets unless split, then one a line)."""

    head: str
    open: str
    items: Tuple["Node", ...]
    close: str
    kind: str = "call"


Node = Union[str, Group]


def call(head: str, *items: Node) -> Group:
    return Group(head, "(", tuple(items), ")")


def subscript(head: str, *items: Node) -> Group:
    return Group(head, "[", tuple(items), "]", "subscript")


def collection(head: str, items: Tuple[Node, ...]) -> Group:
    """A tuple literal (with the comma a sole item needs), after ``head`` (``enum=``)."""
    return Group(head, "(", items, ",)" if len(items) == 1 else ")", "collection")


def parameters(head: str, *items: Node) -> Group:
    return Group(head, "(", tuple(items), ")", "def")


def import_from(module: str, names: Tuple[str, ...]) -> Group:
    return Group(f"from {module} import ", "(", names, ")", "import")


def flat(node: Node) -> str:
    if isinstance(node, str):
        return node
    if node.kind == "import":
        return node.head + ", ".join(flat(item) for item in node.items)
    return node.head + node.open + ", ".join(flat(item) for item in node.items) + node.close


def layout(prefix: str, node: Node, suffix: str, indent: int) -> List[str]:
    """The lines of ``prefix + node + suffix`` at ``indent``, as black lays them out."""
    pad = " " * indent
    line = pad + prefix + flat(node) + suffix
    if len(line) <= LINE_LENGTH:
        return [line]
    if isinstance(node, str):
        # An assignment's right-hand atom goes in parentheses if that makes it fit.
        if prefix.endswith(" = ") and not suffix and len(pad) + 4 + len(node) <= LINE_LENGTH:
            return [pad + prefix + "(", pad + "    " + node, pad + ")"]
        return [line]
    inner = indent + 4
    body = " " * inner + ", ".join(flat(item) for item in node.items)
    explode = (
        node.kind == "collection"  # a split tuple of one keeps its comma too
        or (node.kind == "def" and len(node.items) == 1)
        or node.kind == "import"
    )
    if len(body) <= LINE_LENGTH and not explode:
        lines = [body]
    elif len(node.items) == 1 and not explode:
        lines = layout("", node.items[0], "", inner)
    else:
        lines = [text for item in node.items for text in layout("", item, ",", inner)]
    close = ")" if node.kind == "collection" and len(node.items) == 1 else node.close
    return [pad + prefix + node.head + node.open, *lines, pad + close + suffix]


def render(prefix: str, node: Node, suffix: str, indent: int) -> str:
    """``layout`` as text, the first line without its indentation (templates indent it)."""
    return "\n".join(layout(prefix, node, suffix, indent))[indent:]
