"""Functions for devising unique names for constructs (the AWS CDK's ``Names``)."""

from __future__ import annotations

from ._uniqueid import make_unique_id, make_unique_resource_name
from .construct import IConstruct, Node
from .errors import ValidationError
from .stack import Stack
from .token import Token

__all__ = ["Names"]


class Names:
    """Functions for devising unique names for constructs.

    For example, those can be used to allocate unique physical names for resources.
    """

    @staticmethod
    def unique_id(construct: IConstruct) -> str:
        """Returns a CloudFormation-compatible unique identifier for a construct based on its path.

        The identifier includes a human readable portion rendered from the path
        components and a hash suffix. uniqueId is not unique if multiple copies
        of the stack are deployed. Prefer using uniqueResourceName().

        :param construct: The construct.
        :returns: a unique id based on the construct path
        """
        return Names.node_unique_id(construct.node)

    @staticmethod
    def node_unique_id(node: Node) -> str:
        """Returns a CloudFormation-compatible unique identifier for a construct based on its path.

        :param node: The construct node.
        :returns: a unique id based on the construct path
        """
        components = [scope.node.id for scope in node.scopes[1:]]
        return make_unique_id(components) if components else ""

    @staticmethod
    def unique_resource_name(
        construct: IConstruct,
        *,
        max_length: int | None = None,
        separator: str | None = None,
        allowed_special_characters: str | None = None,
    ) -> str:
        """Returns a CloudFormation-compatible unique identifier for a construct based on its path.

        This function finds the stackName of the parent stack (non-nested)
        to the construct, and the ids of the components in the construct path.

        :param construct: The construct.
        :param max_length: The maximum length of the unique resource name. Default: - 256
        :param separator: The separator used between the path components. Default: - none
        :param allowed_special_characters: Non-alphanumeric characters allowed in the unique resource name. Default: - none
        """
        scopes = construct.node.scopes
        start = None
        for index in range(len(scopes) - 1, -1, -1):
            scope = scopes[index]
            if isinstance(scope, Stack) and not Token.is_unresolved(scope.stack_name):
                start = index
                break
        if start is None:
            raise ValidationError(
                f"'{construct.node.path}' is not in a stack: cannot compute a unique resource name",
                path=construct.node.path,
            )
        components = [scope.node.id for scope in scopes[start:]]
        return make_unique_resource_name(
            components,
            max_length=max_length if max_length is not None else 256,
            separator=separator or "",
            allowed_special_characters=allowed_special_characters,
        )

    @staticmethod
    def stack_relative_construct_path(construct: IConstruct) -> str:
        """Return the construct path of the given construct, starting at the nearest enclosing Stack.

        Skips over Nested Stacks, in other words Nested Stacks are included in the construct
        paths.

        :param construct:
        """
        stack = Stack.of(construct)
        components: list[str] = []
        current: IConstruct | None = construct
        while current is not None and current is not stack:
            components.append(current.node.id)
            current = current.node.scope
        components.reverse()
        return Node.PATH_SEP.join(components)
