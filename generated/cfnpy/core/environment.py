"""Environments (account/region) of stacks and resources."""

from __future__ import annotations

from typing import Any

__all__ = ["Environment", "ResourceEnvironment"]


class Environment:
    """The deployment environment for a stack.

    :param account: The AWS account ID for this environment. Default: the stack is account-agnostic (``Aws.ACCOUNT_ID``).
    :param region: The AWS region for this environment. Default: the stack is region-agnostic (``Aws.REGION``).
    """

    __slots__ = ("account", "region")

    def __init__(self, *, account: str | None = None, region: str | None = None) -> None:
        self.account = account
        self.region = region

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Environment) and (self.account, self.region) == (other.account, other.region)

    def __hash__(self) -> int:
        return hash((self.account, self.region))

    def __repr__(self) -> str:
        return f"Environment(account={self.account!r}, region={self.region!r})"


class ResourceEnvironment:
    """Represents the environment a given resource lives in.

    Used as the return value for the ``IResource.env`` property.

    :param account: The AWS account ID that this resource belongs to. Since this can be a Token (for example, when the account is CloudFormation's AWS::AccountId intrinsic), make sure to use Token.compareStrings() instead of just comparing the values for equality.
    :param region: The AWS region that this resource belongs to. Since this can be a Token (for example, when the region is CloudFormation's AWS::Region intrinsic), make sure to use Token.compareStrings() instead of just comparing the values for equality.
    """

    __slots__ = ("account", "region")

    def __init__(self, *, account: str, region: str) -> None:
        self.account = account
        self.region = region

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, ResourceEnvironment) and (self.account, self.region) == (
            other.account,
            other.region,
        )

    def __hash__(self) -> int:
        return hash((self.account, self.region))

    def __repr__(self) -> str:
        return f"ResourceEnvironment(account={self.account!r}, region={self.region!r})"
