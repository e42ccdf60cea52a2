"""The construct tree (the Python equivalent of the ``constructs`` library)."""

from __future__ import annotations

from enum import Enum
from typing import Any, Iterator, Protocol, runtime_checkable

from .errors import ValidationError

__all__ = [
    "IConstruct",
    "IValidation",
    "IDependable",
    "Construct",
    "ConstructOrder",
    "Node",
    "MetadataEntry",
]


@runtime_checkable
class IConstruct(Protocol):
    """Represents a construct."""

    @property
    def node(self) -> Node:
        """The tree node."""
        ...


IDependable = IConstruct
"""Anything a construct can depend on (in ``cfnpy``, any construct)."""


@runtime_checkable
class IValidation(Protocol):
    """Implement this interface in order for the construct to be able to validate itself."""

    def validate(self) -> list[str]:
        """Validate the current construct.

        :returns: a list of validation error messages, empty if valid.
        """
        ...


class ConstructOrder(Enum):
    """In what order to return constructs."""

    PREORDER = "PREORDER"
    """Depth-first, pre-order."""
    POSTORDER = "POSTORDER"
    """Depth-first, post-order (leaf nodes first)."""


class MetadataEntry:
    """An entry in the construct metadata table."""

    __slots__ = ("type", "data")

    def __init__(self, type: str, data: Any) -> None:
        self.type = type
        self.data = data

    def __repr__(self) -> str:
        return f"MetadataEntry(type={self.type!r}, data={self.data!r})"


def _sanitize_id(id: str) -> str:
    # Path separators are escaped as double dashes, as in the constructs library.
    return id.replace(Node.PATH_SEP, "--") if Node.PATH_SEP in id else id


# The empty dict constructs share until their first child or context value (never written).
_NONE_YET: dict[str, Any] = {}


class Node:
    """Represents the construct node in the scope tree."""

    PATH_SEP = "/"
    """Separator used to delimit construct path components."""

    __slots__ = (
        "_host",
        "_scope",
        "_id",
        "_children",
        "_context",
        "_metadata",
        "_dependencies",
        "_validations",
        "_default_child",
        "_locked",
        "_addr",
    )

    def __init__(self, host: IConstruct, scope: IConstruct | None, id: str) -> None:
        if not isinstance(id, str):
            raise ValidationError(
                f"Construct id must be a string, got {type(id).__name__}: {id!r}",
                path=scope.node.path if scope is not None else None,
            )
        self._host = host
        self._scope = scope
        self._id = _sanitize_id(id)
        # Most constructs have no children, context, metadata, dependencies or validations:
        # they share empty containers (a dict replaced before its first write, tuples) -
        # each container made counts towards the cyclic GC's next pass, and its full passes
        # over a large tree made synthesis grow faster than linearly.
        self._children: dict[str, IConstruct] = _NONE_YET
        self._context: dict[str, Any] = _NONE_YET
        self._metadata: tuple[MetadataEntry, ...] = ()
        self._dependencies: tuple[IConstruct, ...] = ()
        self._validations: tuple[IValidation, ...] = ()
        self._default_child: IConstruct | None = None
        self._locked = False
        self._addr: str | None = None
        if scope is not None:
            if not self._id:
                raise ValidationError(
                    "Only root constructs may have an empty id: construct ids must be non-empty strings",
                    path=scope.node.path or None,
                )
            scope.node._add_child(host, self._id)

    @staticmethod
    def of(construct: IConstruct) -> Node:
        """Returns the node associated with a construct.

        :param construct: the construct.
        """
        return construct.node

    # -- identity -------------------------------------------------------

    @property
    def id(self) -> str:
        """The id of this construct within the current scope.

        This is a scope-unique id. To obtain an app-unique id for this construct, use ``addr``.
        """
        return self._id

    @property
    def scope(self) -> IConstruct | None:
        """Returns the scope in which this construct is defined.

        The value is ``None`` at the root of the construct scope tree.
        """
        return self._scope

    @property
    def path(self) -> str:
        """The full, absolute path of this construct in the tree.

        Components are separated by '/'. The (empty) id of the root is not included.
        """
        components: list[str] = []
        node: Node | None = self
        while node is not None:
            if node._id:
                components.append(node._id)
            scope = node._scope
            node = scope.node if scope is not None else None
        components.reverse()
        return Node.PATH_SEP.join(components)

    @property
    def addr(self) -> str:
        """Returns an opaque tree-unique address for this construct.

        Addresses are 42 characters hexadecimal strings. They begin with "c8"
        followed by 40 lowercase hexadecimal characters (0-9a-f).
        Components named ``Default`` are not included in the calculation.
        """
        if self._addr is None:
            import hashlib

            digest = hashlib.sha1(usedforsecurity=False)
            for scope in self.scopes:
                component = scope.node.id
                if component == "Default":
                    continue
                digest.update(component.encode("utf-8"))
                digest.update(b"\n")
            self._addr = "c8" + digest.hexdigest()
        return self._addr

    @property
    def scopes(self) -> list[IConstruct]:
        """All parent scopes of this construct.

        :returns: a list of parent scopes. The last element in the list will always
            be the current construct and the first element will be the root of the tree.
        """
        ret: list[IConstruct] = []
        current: IConstruct | None = self._host
        while current is not None:
            ret.append(current)
            current = current.node._scope
        ret.reverse()
        return ret

    @property
    def root(self) -> IConstruct:
        """Returns the root of the construct tree."""
        current: IConstruct = self._host
        while current.node._scope is not None:
            current = current.node._scope
        return current

    # -- children -------------------------------------------------------

    @property
    def children(self) -> list[IConstruct]:
        """All direct children of this construct."""
        return list(self._children.values())

    def try_find_child(self, id: str) -> IConstruct | None:
        """Return a direct child by id, or None.

        :param id: Identifier of direct child.
        """
        return self._children.get(_sanitize_id(id))

    def find_child(self, id: str) -> IConstruct:
        """Return a direct child by id.

        Throws an error if the child is not found.

        :param id: Identifier of direct child.
        """
        child = self.try_find_child(id)
        if child is None:
            raise ValidationError(f"No child with id: '{id}'", path=self.path or None)
        return child

    @property
    def default_child(self) -> IConstruct | None:
        """Returns the child construct that has the id ``Default`` or ``Resource``.

        This is usually the construct that provides the bulk of the underlying functionality.
        Useful for modifications of the underlying construct that are not available at the higher levels.
        Raises if there is both a child with id "Resource" and one with id "Default".
        """
        if self._default_child is not None:
            return self._default_child
        resource_child = self._children.get("Resource")
        default_child = self._children.get("Default")
        if resource_child is not None and default_child is not None:
            raise ValidationError(
                f'Cannot determine default child for {self.path}. There is both a child with id "Resource" and id "Default"',
                path=self.path or None,
            )
        return default_child if default_child is not None else resource_child

    @default_child.setter
    def default_child(self, value: IConstruct | None) -> None:
        self._default_child = value

    def find_all(self, order: ConstructOrder = ConstructOrder.PREORDER) -> list[IConstruct]:
        """Return this construct and all of its children in the given order.

        :param order:
        """
        ret: list[IConstruct] = []

        def visit(construct: IConstruct) -> None:
            if order is ConstructOrder.PREORDER:
                ret.append(construct)
            for child in construct.node._children.values():
                visit(child)
            if order is ConstructOrder.POSTORDER:
                ret.append(construct)

        visit(self._host)
        return ret

    def try_remove_child(self, child_name: str) -> bool:
        """Remove the child with the given name, if present.

        :returns: Whether a child with the given name was deleted.
        """
        return self._children.pop(child_name, None) is not None

    def _add_child(self, child: IConstruct, child_name: str) -> None:
        if self.locked:
            if not self.path:
                raise ValidationError("Cannot add children during synthesis")
            raise ValidationError(f'Cannot add children to "{self.path}" during synthesis')
        if child_name in self._children:
            name = self._id
            type_name = type(self._host).__name__
            suffix = f" [{name}]" if name else ""
            free = next(f"{child_name}{n}" for n in range(2, len(self._children) + 3) if f"{child_name}{n}" not in self._children)
            raise ValidationError(
                f"There is already a Construct with name '{child_name}' in {type_name}{suffix}",
                path=self.path or None,
                hint=f"construct ids must be unique among siblings; pick another id, such as '{free}'",
            )
        if self._children is _NONE_YET:
            self._children = {}
        self._children[child_name] = child

    # -- locking --------------------------------------------------------

    @property
    def locked(self) -> bool:
        """Returns true if this construct or the scopes in which it is defined are locked."""
        node: Node | None = self
        while node is not None:
            if node._locked:
                return True
            node = node._scope.node if node._scope is not None else None
        return False

    def lock(self) -> None:
        """Locks this construct from allowing more children to be added."""
        self._locked = True

    def unlock(self) -> None:
        """Unlocks this construct and allows mutations (adding children)."""
        self._locked = False

    # -- context --------------------------------------------------------

    def set_context(self, key: str, value: Any) -> None:
        """This can be used to set contextual values.

        Context must be set before any children are added, since children may consult context info during construction.
        If the key already exists, it will be overridden.

        :param key: The context key.
        :param value: The context value.
        """
        if self._children:
            names = ",".join(self._children)
            raise ValidationError(f"Cannot set context after children have been added: {names}")
        if self._context is _NONE_YET:
            self._context = {}
        self._context[key] = value

    def try_get_context(self, key: str) -> Any:
        """Retrieves a value from tree context.

        Context is usually initialized at the root, but can be overridden at any point in the tree.

        :param key: The context key.
        :returns: The context value or ``None`` if there is no context value for this key.
        """
        node: Node | None = self
        while node is not None:
            value = node._context.get(key)
            if value is not None:
                return value
            node = node._scope.node if node._scope is not None else None
        return None

    def get_context(self, key: str) -> Any:
        """Retrieves a value from tree context; raises if the key is not set.

        :param key: The context key.
        """
        value = self.try_get_context(key)
        if value is None:
            raise ValidationError(f"No context value present for {key} key", path=self.path or None)
        return value

    # -- metadata -------------------------------------------------------

    @property
    def metadata(self) -> list[MetadataEntry]:
        """An immutable array of metadata objects associated with this construct."""
        return list(self._metadata)

    def add_metadata(self, type: str, data: Any) -> None:
        """Adds a metadata entry to this construct (ignored if ``data`` is None).

        :param type: a string denoting the type of metadata.
        :param data: the value of the metadata (can be a Token).
        """
        if data is None:
            return
        self._metadata += (MetadataEntry(type, data),)

    # -- dependencies ---------------------------------------------------

    def add_dependency(self, *deps: IConstruct) -> None:
        """Add an ordering dependency on another construct.

        At synthesis time, every CfnResource under this construct will depend
        on every CfnResource under each of ``deps`` (``DependsOn``).

        :param deps:
        """
        for dep in deps:
            if not any(existing is dep for existing in self._dependencies):
                self._dependencies += (dep,)

    @property
    def dependencies(self) -> list[IConstruct]:
        """Return all dependencies registered on this node (non-recursive)."""
        return list(self._dependencies)

    # -- validation -----------------------------------------------------

    def add_validation(self, validation: IValidation) -> None:
        """Adds a validation to this construct.

        When ``node.validate()`` is called, the ``validate()`` method will be called on
        all validations and all errors will be returned.

        :param validation: The validation object.
        """
        self._validations += (validation,)

    def validate(self) -> list[str]:
        """Validates this construct.

        Invokes the ``validate()`` method on all validations added through
        ``add_validation()``.

        :returns: a list of validation error messages associated with this construct.
        """
        errors: list[str] = []
        for validation in self._validations:
            errors.extend(validation.validate())
        return errors

    def __iter__(self) -> Iterator[IConstruct]:
        return iter(list(self._children.values()))

    def __repr__(self) -> str:
        return f"<Node {self.path or '<root>'}>"


class Construct:
    """Represents the building block of the construct graph.

    All constructs besides the root construct must be created within the scope of
    another construct.

    :param scope: The scope in which to define this construct (None for a root).
    :param id: The scoped construct ID. Must be unique amongst siblings. If
        the ID includes a path separator (``/``), then it will be replaced by double dash ``--``.
    """

    def __init__(self, scope: IConstruct | None, id: str) -> None:
        self._cfnpy_node = Node(self, scope, id)

    @classmethod
    def is_construct(cls, x: Any) -> bool:
        """Return whether the given object is a Construct.

        :param x:
        """
        return isinstance(x, Construct)

    @property
    def node(self) -> Node:
        """The construct tree node associated with this construct."""
        return self._cfnpy_node

    def to_string(self) -> str:
        """Returns a string representation of this construct."""
        return self._cfnpy_node.path or "<root>"

    def __str__(self) -> str:
        return self.to_string()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._cfnpy_node.path or '<root>'}>"
