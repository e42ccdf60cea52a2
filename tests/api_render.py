"""Render a Python class's public API as text, in the form of the AWS CDK's Python API docs.

``render_api(cls, module_label=...)`` reads everything from the class itself
(``inspect`` and ``typing.get_type_hints``) and writes what Sphinx autodoc shows
for it (``autoclass_content = "both"``, ``autodoc_typehints = "description"``,
inherited members, alphabetical order), as the text of the HTML page: the form
of ``tests/golden/EventInvokeConfig.api.txt``.

    EventInvokeConfig

    class aws_cdk.aws_lambda.EventInvokeConfig(scope, id, *, function, ...)

    Bases: Resource

    <class docstring, then __init__ docstring>
    Methods / Attributes / Static Methods: each member's signature, docstring,
    ``Parameters:`` and ``Return type:``

Docstrings are reStructuredText as jsii-pacmak writes them: paragraphs (folded
to one line each), ``Example::`` literal blocks, field lists (``:param x: text``,
``:return: text``, ``:exampleMetadata: value``, ...); inline markup is reduced to
its text (````x```` -> ``x``) and prose gets Sphinx's smart quotes.

Annotations print as Sphinx prints them (short form): a class by its last name,
``Optional[str]``, ``Union[int, float, None]``, ``List[str]``, ``Any``.
"""

from __future__ import annotations

import collections.abc
import inspect
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

BULLET = "\u2022"
DASH = "\u2013"

# -- annotations -----------------------------------------------------------------------

_NONE_TYPE = type(None)


def format_annotation(annotation: Any) -> str:
    """An annotation as Sphinx shows it: ``Optional[Duration]``, ``Union[int, float, None]``."""
    if annotation is None or annotation is _NONE_TYPE:
        return "None"
    if annotation is typing.Any:
        return "Any"
    if annotation is Ellipsis:
        return "..."
    if isinstance(annotation, str):
        return _strip_modules(annotation)
    if isinstance(annotation, typing.ForwardRef):
        return _strip_modules(annotation.__forward_arg__)
    if isinstance(annotation, typing.TypeVar):
        return annotation.__name__
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Union or (hasattr(types, "UnionType") and origin is types.UnionType):
        if len(args) == 2 and _NONE_TYPE in args:
            other = args[0] if args[1] is _NONE_TYPE else args[1]
            return f"Optional[{format_annotation(other)}]"
        return f"Union[{', '.join(format_annotation(a) for a in args)}]"
    if origin is typing.Literal:
        return f"Literal[{', '.join(repr(a) for a in args)}]"
    if origin is collections.abc.Callable and args:
        params, result = args[0], args[-1]
        shown = "..." if params is Ellipsis else "[" + ", ".join(format_annotation(p) for p in params) + "]"
        return f"Callable[{shown}, {format_annotation(result)}]"
    if origin is not None:
        name = getattr(annotation, "_name", None)
        if not name or isinstance(annotation, types.GenericAlias):
            name = getattr(origin, "__name__", None) or repr(origin)
        if not args:
            return str(name)
        return f"{name}[{', '.join(format_annotation(a) for a in args)}]"
    if isinstance(annotation, type):
        return annotation.__name__  # Sphinx's short form: the last component only
    return _strip_modules(repr(annotation))


def _strip_modules(text: str) -> str:
    """``typing.Optional[aws_cdk.core.Duration]`` -> ``Optional[Duration]`` (string annotations)."""
    text = re.sub(r"\b(?:[A-Za-z_][A-Za-z0-9_]*\.)+(?=[A-Za-z_])", "", text.replace("'", "").replace('"', ""))
    return text.replace("NoneType", "None")


def _type_hints(obj: Any) -> Dict[str, Any]:
    try:
        return typing.get_type_hints(obj)
    except Exception:  # unresolvable forward references: show the strings
        return dict(getattr(obj, "__annotations__", {}) or {})


# -- signatures ------------------------------------------------------------------------


def format_signature(func: Any, *, drop_first: bool) -> str:
    """``(scope, id, *, function, qualifier=None)``: names and defaults, no annotations."""
    try:
        signature = inspect.signature(func)
    except (TypeError, ValueError):
        return "(...)"
    params = list(signature.parameters.values())
    if drop_first and params and params[0].kind in (params[0].POSITIONAL_ONLY, params[0].POSITIONAL_OR_KEYWORD):
        params = params[1:]
    parts: List[str] = []
    star_done = False
    for index, param in enumerate(params):
        if param.kind is param.VAR_POSITIONAL:
            parts.append(f"*{param.name}")
            star_done = True
        elif param.kind is param.VAR_KEYWORD:
            parts.append(f"**{param.name}")
        else:
            if param.kind is param.KEYWORD_ONLY and not star_done:
                parts.append("*")
                star_done = True
            text = param.name
            if param.default is not param.empty:
                text += f"={param.default!r}"
            parts.append(text)
        following = params[index + 1] if index + 1 < len(params) else None
        if param.kind is param.POSITIONAL_ONLY and (following is None or following.kind is not param.POSITIONAL_ONLY):
            parts.append("/")
    return "(" + ", ".join(parts) + ")"


def _parameters(func: Any, *, drop_first: bool) -> List[inspect.Parameter]:
    try:
        params = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):
        return []
    if drop_first and params and params[0].kind in (params[0].POSITIONAL_ONLY, params[0].POSITIONAL_OR_KEYWORD):
        params = params[1:]
    return params


# -- docstrings ------------------------------------------------------------------------

_FIELD = re.compile(r"^:([A-Za-z_][\w-]*)(?:\s+([^:]+?))?:(?:\s+(.*))?$")


@dataclass
class _Field:
    name: str
    argument: str
    text: str


@dataclass
class _Doc:
    """A parsed docstring: a list of items, each a paragraph (str), a literal block
    (tuple ``("literal", text)``) or a field (``_Field``)."""

    items: List[Any] = field(default_factory=list)


def parse_docstring(text: str) -> _Doc:
    lines = inspect.cleandoc(text).split("\n") if text else []
    doc = _Doc()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        match = _FIELD.match(line)
        if match:
            body = [match.group(3) or ""]
            i += 1
            while i < len(lines) and lines[i].strip() and lines[i][:1].isspace():
                body.append(lines[i].strip())
                i += 1
            doc.items.append(_Field(match.group(1), (match.group(2) or "").strip(), " ".join(body).strip()))
            continue
        paragraph: List[str] = []
        while i < len(lines) and lines[i].strip() and not (paragraph and _FIELD.match(lines[i])):
            paragraph.append(lines[i].strip())
            i += 1
        text_ = " ".join(paragraph)
        if text_.endswith("::"):
            head = text_[:-2].rstrip()
            if text_ == "::":
                pass
            elif text_[-3:-2].isspace():
                doc.items.append(head)
            else:
                doc.items.append(head + ":")
            literal, i = _literal_block(lines, i)
            if literal:
                doc.items.append(("literal", literal))
            continue
        doc.items.append(text_)
    return doc


def _literal_block(lines: Sequence[str], i: int) -> Tuple[str, int]:
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or not lines[i][:1].isspace():
        return "", i
    indent = len(lines[i]) - len(lines[i].lstrip())
    block: List[str] = []
    while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) >= indent):
        block.append(lines[i][indent:].rstrip() if lines[i].strip() else "")
        i += 1
    while block and not block[-1]:
        block.pop()
    return "\n".join(block), i


# -- inline text -----------------------------------------------------------------------

_LITERAL = re.compile(r"``(.+?)``")


def render_inline(text: str) -> str:
    """Inline reStructuredText to display text, with smart quotes outside literals."""
    parts: List[str] = []
    last = 0
    for match in _LITERAL.finditer(text):
        parts.append(_smart(_markup(text[last : match.start()])))
        parts.append(match.group(1))
        last = match.end()
    parts.append(_smart(_markup(text[last:])))
    return "".join(parts)


def _markup(text: str) -> str:
    text = re.sub(r"`([^`<]+?)\s*<[^>]+>`__?", r"\1", text)  # `text <url>`_
    text = re.sub(r":[\w:.-]+:`([^`]+)`", lambda m: _role_text(m.group(1)), text)  # :class:`~a.B`
    text = re.sub(r"`([^`]+)`_{0,2}", r"\1", text)  # `interpreted`, `ref`_
    text = re.sub(r"\*\*(\S(?:.*?\S)?)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*(\S(?:.*?\S)?)\*(?![\w*])", r"\1", text)
    return text


def _role_text(target: str) -> str:
    match = re.fullmatch(r"(.+?)\s*<[^>]+>", target)
    if match:
        return match.group(1)
    return target[1:].split(".")[-1] if target.startswith("~") else target


def _smart(text: str) -> str:
    """docutils smartquotes ("qDe"): quotes, ``--``/``---`` dashes, ``...`` ellipsis."""
    text = text.replace("---", "\u2014").replace("--", "\u2013").replace("...", "\u2026")
    text = re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)
    text = re.sub(r"(^|(?<=[\s(\[{\u2014\u2013-]))'", "\u2018", text)
    text = text.replace("'", "\u2019")
    text = re.sub(r'(^|(?<=[\s(\[{\u2014\u2013-]))"', "\u201c", text)
    return text.replace('"', "\u201d")


# -- blocks ----------------------------------------------------------------------------


@dataclass
class _Block:
    text: str
    literal: bool = False


def _join(blocks: Sequence[_Block]) -> str:
    """Blocks are separated by a blank line, except after a literal block (one newline)."""
    out = ""
    for index, block in enumerate(blocks):
        if index:
            out += "\n" if blocks[index - 1].literal else "\n\n"
        out += block.text
    return out


def _parameter_item(name: str, annotation: Optional[str], text: str) -> str:
    head = f"{name} ({annotation})" if annotation is not None else name
    return f"{head} {DASH} {render_inline(text)}".rstrip()


def _parameters_block(items: Sequence[str]) -> _Block:
    if len(items) == 1:
        return _Block(f"Parameters:\n\n{items[0]}")
    return _Block("Parameters:\n" + "\n\n".join(f"  {BULLET} {item}" for item in items))


def _doc_blocks(
    docstrings: Sequence[str],
    params: Sequence[inspect.Parameter],
    hints: Dict[str, Any],
    *,
    returns: bool,
) -> List[_Block]:
    """The blocks of one documented object: its docstring(s), the parameters (every
    signature parameter, with its annotation and ``:param:`` text) and the return type."""
    items: List[Any] = []
    for text in docstrings:
        items.extend(parse_docstring(text).items)
    param_texts: Dict[str, str] = {}
    for item in items:
        if isinstance(item, _Field) and item.name in ("param", "parameter", "arg", "argument", "key", "keyword"):
            name = item.argument.split()[-1] if item.argument else ""
            param_texts[name] = item.text
    names = [p.name for p in params] + [n for n in param_texts if n not in {p.name for p in params}]
    param_items = []
    for name in names:
        param = next((p for p in params if p.name == name), None)
        shown = None
        if name in hints:
            shown = format_annotation(hints[name])
        elif param is not None and param.annotation is not param.empty:
            shown = format_annotation(param.annotation)
        label = name
        if param is not None and param.kind is param.VAR_POSITIONAL:
            label = f"*{name}"
        elif param is not None and param.kind is param.VAR_KEYWORD:
            label = f"**{name}"
        param_items.append(_parameter_item(label, shown, param_texts.get(name, "")))

    blocks: List[_Block] = []
    params_at: Optional[int] = None
    last_field_block: Optional[int] = None
    for item in items:
        if isinstance(item, str):
            blocks.append(_Block(render_inline(item)))
        elif isinstance(item, tuple):
            blocks.append(_Block(item[1], literal=True))
        elif item.name in ("param", "parameter", "arg", "argument", "key", "keyword", "type"):
            if params_at is None and item.name != "type":
                params_at = len(blocks)
                if param_items:
                    blocks.append(_parameters_block(param_items))
                    last_field_block = len(blocks) - 1
        elif item.name in ("return", "returns"):
            blocks.append(_Block(f"Returns:\n\n{render_inline(item.text)}"))
            last_field_block = len(blocks) - 1
        elif item.name == "rtype":
            continue
        else:
            label = item.name[:1].upper() + item.name[1:]
            if item.argument:
                label += " " + item.argument
            blocks.append(_Block(f"{label}:\n\n{render_inline(item.text)}"))
    if params_at is None and param_items:
        blocks.append(_parameters_block(param_items))
        last_field_block = len(blocks) - 1
    if returns and "return" in hints:
        rtype = _Block(f"Return type:\n\n{format_annotation(hints['return'])}")
        if last_field_block is None:
            blocks.append(rtype)
        else:
            blocks.insert(last_field_block + 1, rtype)
    return blocks


# -- members ---------------------------------------------------------------------------


def _public_names(cls: type) -> List[str]:
    names: set[str] = set()
    for klass in cls.__mro__:
        if klass is object:
            continue
        names.update(n for n in vars(klass) if not n.startswith("_"))
    return sorted(names)


def _member_doc(cls: type, name: str) -> str:
    """The member's docstring, inherited from a base's member of the same name if it has none."""
    for klass in cls.__mro__:
        if name in vars(klass):
            raw = vars(klass)[name]
            target = raw.__func__ if isinstance(raw, (classmethod, staticmethod)) else raw
            doc = getattr(target, "__doc__", None)
            if doc:
                return str(doc)
    return ""


def _method_blocks(cls: type, name: str, func: Callable[..., Any], *, drop_first: bool, prefix: str) -> List[_Block]:
    heading = _Block(f"{prefix}{name}{format_signature(func, drop_first=drop_first)}")
    blocks = _doc_blocks(
        [_member_doc(cls, name)],
        _parameters(func, drop_first=drop_first),
        _type_hints(func),
        returns=True,
    )
    return [heading, *blocks]


def render_api(cls: type, *, module_label: str) -> str:
    """The public API of ``cls`` as the text of its Sphinx page (no trailing newline)."""
    init = getattr(cls, "__init__")
    init_doc = init.__doc__ if init is not object.__init__ else None
    class_doc = cls.__dict__.get("__doc__")
    bases = [b.__name__ for b in cls.__bases__]

    blocks: List[_Block] = [
        _Block(cls.__name__),
        _Block(f"class {module_label}.{cls.__name__}{format_signature(cls, drop_first=False)}"),
        _Block(f"Bases: {', '.join(bases)}"),
    ]
    blocks.extend(
        _doc_blocks(
            [d for d in (class_doc, init_doc) if d],
            _parameters(cls, drop_first=False),
            _type_hints(init) if init is not object.__init__ else {},
            returns=False,
        )
    )

    methods: List[_Block] = []
    attributes: List[_Block] = []
    statics: List[_Block] = []
    for name in _public_names(cls):
        raw = inspect.getattr_static(cls, name)
        if isinstance(raw, classmethod):
            statics.extend(_method_blocks(cls, name, raw.__func__, drop_first=True, prefix="classmethod "))
        elif isinstance(raw, staticmethod):
            statics.extend(_method_blocks(cls, name, raw.__func__, drop_first=False, prefix="static "))
        elif inspect.isfunction(raw):
            methods.extend(_method_blocks(cls, name, raw, drop_first=True, prefix=""))
        elif isinstance(raw, property) or (hasattr(raw, "__get__") and not callable(raw) and getattr(raw, "__doc__", None)):
            attributes.append(_Block(name))
            attributes.extend(_doc_blocks([_member_doc(cls, name)], [], {}, returns=False))
    for title, section in (("Methods", methods), ("Attributes", attributes), ("Static Methods", statics)):
        if section:
            blocks.append(_Block(title))
            blocks.extend(section)
    return _join(blocks)

