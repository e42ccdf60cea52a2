"""Removal policies."""

from __future__ import annotations

from enum import Enum

__all__ = ["RemovalPolicy", "RemovalPolicyOptions", "CfnDeletionPolicy"]


class RemovalPolicy(Enum):
    """Possible values for a resource's Removal Policy.

    The removal policy controls what happens to the resource if it stops being
    managed by CloudFormation. This can happen in one of three situations:

    - The resource is removed from the template, so CloudFormation stops managing it;
    - A change to the resource is made that requires it to be replaced, so CloudFormation stops managing it;
    - The stack is deleted, so CloudFormation stops managing all resources in it.
    """

    DESTROY = "DESTROY"
    """This is the default removal policy. It means that when the resource is removed from the app, it will be physically destroyed."""
    RETAIN = "RETAIN"
    """This uses the 'Retain' DeletionPolicy, which will cause the resource to be retained in the account, but orphaned from the stack."""
    SNAPSHOT = "SNAPSHOT"
    """This retention policy deletes the resource, but saves a snapshot of its data before deleting, so that it can be re-created later."""
    RETAIN_ON_UPDATE_OR_DELETE = "RETAIN_ON_UPDATE_OR_DELETE"
    """Resource will be retained when they are requested to be deleted during a stack delete request or need to be replaced due to a stack update request. Resource are not retained, if the creation is rolled back."""


class CfnDeletionPolicy(Enum):
    """With the DeletionPolicy attribute you can preserve or (in some cases) backup a resource when its stack is deleted."""

    DELETE = "Delete"
    """AWS CloudFormation deletes the resource and all its content if applicable during stack deletion."""
    RETAIN = "Retain"
    """AWS CloudFormation keeps the resource without deleting the resource or its contents when its stack is deleted."""
    RETAIN_EXCEPT_ON_CREATE = "RetainExceptOnCreate"
    """RetainExceptOnCreate behaves like Retain for stack operations, except for the stack operation that initially created the resource."""
    SNAPSHOT = "Snapshot"
    """For resources that support snapshots, AWS CloudFormation creates a snapshot for the resource before deleting it."""


class RemovalPolicyOptions:
    """Options for ``apply_removal_policy``.

    :param apply_to_update_replace_policy: Apply the same deletion policy to the resource's "UpdateReplacePolicy". Default: true
    :param default: The default policy to apply in case the removal policy is not defined. Default: - Default value is resource specific. To determine the default value for a resource, please consult that specific resource's documentation.
    """

    __slots__ = ("apply_to_update_replace_policy", "default")

    def __init__(
        self,
        *,
        apply_to_update_replace_policy: bool | None = None,
        default: RemovalPolicy | None = None,
    ) -> None:
        self.apply_to_update_replace_policy = apply_to_update_replace_policy
        self.default = default

    def __repr__(self) -> str:
        return (
            f"RemovalPolicyOptions(apply_to_update_replace_policy={self.apply_to_update_replace_policy!r}, "
            f"default={self.default!r})"
        )
