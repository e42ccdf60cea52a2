"""Aspects: visitors applied to every construct of a scope before synthesis (as in AWS CDK).

``Aspects.of(scope).add(aspect)`` registers ``aspect`` on ``scope``; before a template is
rendered (``Stack.to_template()``, ``App.synth()``), each aspect visits the construct it
was added on and all of that construct's descendants, in order of priority (lower
first), as AWS CDK's stabilizing invocation does: aspects that add aspects or
constructs while they run are applied too, and each aspect visits a construct at most
once, however many times the templates are rendered.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from .construct import IConstruct
from .errors import SynthesisError, ValidationError

__all__ = [
    "IAspect",
    "Aspects",
    "AspectApplication",
    "AspectOptions",
    "AspectPriority",
]

# Attributes set on the root of a construct tree: the revision of the tree's aspects
# (bumped whenever an aspect is added: its presence says the tree has aspects at all), and
# which aspects already visited which construct (kept across renderings).
_REVISION = "_cfnpy_aspect_revision"
_INVOKED = "_cfnpy_aspects_invoked"
_ASPECTS = "_cfnpy_aspects"
# As AWS CDK: give up when the aspects keep changing the tree.
_MAX_ROUNDS = 100


@runtime_checkable
class IAspect(Protocol):
    """Represents an Aspect."""

    def visit(self, node: IConstruct) -> None:
        """All aspects can visit an IConstruct.

        :param node:
        """
        ...


class AspectPriority:
    """Default Priority values for Aspects."""

    MUTATING: int = 200
    """Suggested priority for Aspects that mutate the construct tree."""
    READONLY: int = 1000
    """Suggested priority for Aspects that only read the construct tree."""
    DEFAULT: int = 500
    """Default priority for Aspects that are applied without a priority."""


class AspectOptions:
    """Options when Applying an Aspect.

    :param priority: The priority value to apply on an Aspect. Priority must be a non-negative integer. Default: AspectPriority.DEFAULT
    """

    __slots__ = ("priority",)

    def __init__(self, *, priority: float | None = None) -> None:
        self.priority = priority

    def __repr__(self) -> str:
        return f"AspectOptions(priority={self.priority!r})"


def _bump_revision(construct: IConstruct) -> None:
    root = construct.node.root
    setattr(root, _REVISION, getattr(root, _REVISION, 0) + 1)


def _revision(root: IConstruct) -> int:
    revision: int = getattr(root, _REVISION, 0)
    return revision


def _check_priority(priority: Any, construct: IConstruct) -> float:
    if isinstance(priority, bool) or not isinstance(priority, (int, float)):
        raise ValidationError(
            f"Priority must be a non-negative number, got {type(priority).__name__}: {priority!r}",
            path=construct.node.path or None,
        )
    if priority < 0:
        raise ValidationError("Priority must be a non-negative number", path=construct.node.path or None)
    return priority


class AspectApplication:
    """An Aspect applied to a construct, with its priority.

    :param construct: The construct that the Aspect was applied to.
    :param aspect: The Aspect that was applied.
    :param priority: The priority value of this Aspect. Must be non-negative integer.
    """

    __slots__ = ("construct", "aspect", "_priority")

    def __init__(self, construct: IConstruct, aspect: IAspect, priority: float) -> None:
        self.construct = construct
        """The construct that the Aspect was applied to."""
        self.aspect = aspect
        """The Aspect that was applied."""
        self._priority = _check_priority(priority, construct)

    @property
    def priority(self) -> float:
        """The priority value of this Aspect. Must be non-negative integer."""
        return self._priority

    @priority.setter
    def priority(self, priority: float) -> None:
        self._priority = _check_priority(priority, self.construct)
        _bump_revision(self.construct)

    def __repr__(self) -> str:
        return f"AspectApplication({self.aspect!r} at {self.construct.node.path or '<root>'!r}, priority={self._priority!r})"


class Aspects:
    """Aspects can be applied to CDK tree scopes and can operate on the tree before synthesis.

    Use ``Aspects.of(scope)``.
    """

    __slots__ = ("_scope", "_applied")

    def __init__(self, scope: IConstruct) -> None:
        self._scope = scope
        self._applied: list[AspectApplication] = []

    @staticmethod
    def of(scope: IConstruct) -> Aspects:
        """Returns the ``Aspects`` object associated with a construct scope.

        :param scope: The scope for which these aspects will apply.
        """
        aspects = getattr(scope, _ASPECTS, None)
        if isinstance(aspects, Aspects):
            return aspects
        aspects = Aspects(scope)
        try:
            setattr(scope, _ASPECTS, aspects)
        except AttributeError:
            raise ValidationError(
                f"Cannot add aspects to {type(scope).__name__}: it does not accept new attributes",
                path=scope.node.path or None,
            ) from None
        return aspects

    def add(self, aspect: IAspect, *, priority: float | None = None) -> None:
        """Adds an aspect to apply this scope before synthesis.

        Adding the same aspect again with the same priority does nothing.

        :param aspect: The aspect to add.
        :param priority: The priority value to apply on an Aspect. Priority must be a non-negative integer. Default: AspectPriority.DEFAULT
        """
        if not callable(getattr(aspect, "visit", None)):
            raise ValidationError(
                f"An aspect must have a visit(node) method, got {type(aspect).__name__}",
                path=self._scope.node.path or None,
            )
        application = AspectApplication(
            self._scope, aspect, AspectPriority.DEFAULT if priority is None else priority
        )
        if any(a.aspect is aspect and a.priority == application.priority for a in self._applied):
            return
        self._applied.append(application)
        _bump_revision(self._scope)

    @property
    def all(self) -> list[IAspect]:
        """The list of aspects which were directly applied on this scope."""
        return [application.aspect for application in self._applied]

    @property
    def applied(self) -> list[AspectApplication]:
        """The list of aspects with priority which were directly applied on this scope."""
        return list(self._applied)

    def __repr__(self) -> str:
        return f"<Aspects of {self._scope.node.path or '<root>'}: {self.all!r}>"


def _applications(construct: IConstruct) -> list[AspectApplication]:
    aspects = getattr(construct, _ASPECTS, None)
    return aspects._applied if isinstance(aspects, Aspects) else []


def _sorted(inherited: list[AspectApplication], local: list[AspectApplication]) -> list[AspectApplication]:
    # By priority; for the same priority the inherited aspects first (a stable sort keeps
    # the order in which they were added otherwise).
    if not local:
        return inherited
    return sorted(inherited + local, key=lambda a: a.priority)


def invoke_aspects(root: IConstruct) -> None:
    """Apply the aspects of the tree under ``root`` (normally the tree's root: the ``App``).

    Each aspect visits each construct of the scope it was added on at most once, also
    across calls: calling this again applies only the aspects, and visits only the
    constructs, that are new since. Does nothing (and costs nothing) in a tree without
    aspects.
    """
    tree_root = root.node.root
    if not _revision(tree_root):
        return
    invoked: dict[int, tuple[IConstruct, list[AspectApplication]]] | None = getattr(tree_root, _INVOKED, None)
    if invoked is None:
        invoked = {}
        setattr(tree_root, _INVOKED, invoked)
    # The last aspect invoked on each construct during this call (for the priority check).
    last_invoked: dict[int, AspectApplication] = {}

    def invoked_on(construct: IConstruct) -> list[AspectApplication]:
        entry = invoked.get(id(construct))
        if entry is None or entry[0] is not construct:
            entry = (construct, [])
            invoked[id(construct)] = entry
        return entry[1]

    def recurse(construct: IConstruct, inherited: list[AspectApplication]) -> str:
        result = "nothing"
        revision_at_start = _revision(tree_root)
        here = _sorted(inherited, _applications(construct))
        if here:
            done = invoked_on(construct)
            for application in here:
                if any(d.aspect is application.aspect for d in done):
                    continue
                last = last_invoked.get(id(construct))
                if last is not None and last.priority > application.priority:
                    raise SynthesisError(
                        f"Cannot invoke Aspect {type(application.aspect).__name__} with priority "
                        f"{application.priority} on node {construct.node.path or '<root>'}: an Aspect "
                        f"{type(last.aspect).__name__} with a lower priority (added at "
                        f"{last.construct.node.path or '<root>'} with priority {last.priority}) was already "
                        "invoked on this node.",
                        path=construct.node.path or None,
                    )
                application.aspect.visit(construct)
                result = "invoked"
                done.append(application)
                last_invoked[id(construct)] = application
                if _revision(tree_root) != revision_at_start:
                    # An aspect added an aspect (perhaps above us): start again from the top.
                    return "abort"
        for child in construct.node.children:
            child_result = recurse(child, here)
            if child_result != "nothing":
                result = child_result
            if result == "abort":
                break
        return result

    for _ in range(_MAX_ROUNDS + 1):
        if recurse(tree_root, []) == "nothing":
            return
    raise SynthesisError(
        "We have detected a possible infinite loop while invoking Aspects. Please check your Aspects and "
        "verify there is no configuration that would cause infinite Aspect or Node creation."
    )
