"""Base class of the higher-level (L2) constructs."""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

from .arn import ArnFormat
from .cfn import CfnResource
from .construct import Construct, IConstruct
from .environment import ResourceEnvironment
from .errors import ValidationError
from .removal import RemovalPolicy
from .stack import Stack

__all__ = ["IResource", "Resource"]


@runtime_checkable
class IResource(IConstruct, Protocol):
    """Interface for the Resource construct."""

    @property
    def env(self) -> ResourceEnvironment:
        """The environment this resource belongs to."""
        ...

    @property
    def stack(self) -> Stack:
        """The stack in which this resource is defined."""
        ...

    def apply_removal_policy(self, policy: RemovalPolicy) -> None:
        """Apply the given removal policy to this resource.

        :param policy: -
        """
        ...


class Resource(Construct):
    """A construct which represents an AWS resource.

    :param scope: -
    :param id: -
    :param account: The AWS account ID this resource belongs to. Default: - the resource is in the same account as the stack it belongs to
    :param environment_from_arn: ARN to deduce region and account from. The ARN is parsed and the account and region are taken from the ARN. This should be used for imported resources. Cannot be supplied together with either ``account`` or ``region``. Default: - take environment from ``account``, ``region`` parameters, or use Stack environment.
    :param physical_name: The value passed in by users to the physical name prop of the resource. - ``None`` implies that a physical name will be allocated by CloudFormation during deployment. - a concrete value implies a specific physical name. Default: - The physical name will be allocated by CloudFormation at deployment time
    :param region: The AWS region this resource belongs to. Default: - the resource is in the same region as the stack it belongs to
    """

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        physical_name: str | None = None,
        account: str | None = None,
        region: str | None = None,
        environment_from_arn: str | None = None,
    ) -> None:
        super().__init__(scope, id)
        if (account is not None or region is not None) and environment_from_arn is not None:
            raise ValidationError(
                f"Supply at most one of 'account'/'region' ({account}/{region}) and "
                f"'environmentFromArn' ({environment_from_arn})",
                path=self.node.path,
            )
        self._cfnpy_resource_stack = Stack.of(self)
        parsed_account: str | None = None
        parsed_region: str | None = None
        if environment_from_arn is not None:
            components = self._cfnpy_resource_stack.split_arn(environment_from_arn, ArnFormat.SLASH_RESOURCE_NAME)
            parsed_account = components.account
            parsed_region = components.region
        stack = self._cfnpy_resource_stack
        self._cfnpy_env = ResourceEnvironment(
            account=account if account is not None else parsed_account if parsed_account is not None else stack.account,
            region=region if region is not None else parsed_region if parsed_region is not None else stack.region,
        )
        self._cfnpy_physical_name = physical_name

    @classmethod
    def is_resource(cls, construct: IConstruct) -> bool:
        """Check whether the given construct is a Resource.

        :param construct: -
        """
        return isinstance(construct, Resource)

    @classmethod
    def is_owned_resource(cls, construct: IConstruct) -> bool:
        """Returns true if the construct was created by CDK, and false otherwise.

        :param construct: -
        """
        default_child = construct.node.default_child
        return isinstance(default_child, CfnResource)

    @property
    def env(self) -> ResourceEnvironment:
        """The environment this resource belongs to.

        For resources that are created and managed by the CDK (generally, those created by creating new class instances like Role, Bucket, etc.), this is always the same as the environment of the stack they belong to; however, for imported resources (those obtained from static methods like fromRoleArn, fromBucketName, etc.), that might be different than the stack they were imported into.
        """
        return self._cfnpy_env

    @property
    def stack(self) -> Stack:
        """The stack in which this resource is defined."""
        return self._cfnpy_resource_stack

    @property
    def physical_name(self) -> str | None:
        """Returns a string-encoded token that resolves to the physical name that should be passed to the CloudFormation resource.

        This value will resolve to one of the following:

        - a concrete value (e.g. ``"my-awesome-bucket"``)
        - ``None``, when a name should be generated by CloudFormation
        """
        return self._cfnpy_physical_name

    def apply_removal_policy(self, policy: RemovalPolicy) -> None:
        """Apply the given removal policy to this resource.

        The Removal Policy controls what happens to this resource when it stops being managed by CloudFormation, either because you've removed it from the CDK application or because you've made a change that requires the resource to be replaced.

        The resource can be deleted (``RemovalPolicy.DESTROY``), or left in your AWS account for data recovery and cleanup later (``RemovalPolicy.RETAIN``).

        :param policy: -
        """
        child = self.node.default_child
        if child is None or not isinstance(child, CfnResource):
            raise ValidationError(
                "Cannot apply RemovalPolicy: no child or not a CfnResource. "
                "Apply the removal policy on the CfnResource directly.",
                path=self.node.path,
            )
        child.apply_removal_policy(policy)

    def get_resource_name_attribute(self, name_attr: str) -> str:
        """Returns an environment-sensitive token that should be used for the resource's "name" attribute.

        cfnpy does not support cross-environment references, so this is ``name_attr`` itself.

        :param name_attr: The CFN attribute which resolves to the resource's name. Commonly this is the resource's ``ref``.
        """
        return name_attr

    def get_resource_arn_attribute(self, arn_attr: str, arn_components: Any = None) -> str:
        """Returns an environment-sensitive token that should be used for the resource's "ARN" attribute.

        cfnpy does not support cross-environment references, so this is ``arn_attr`` itself.

        :param arn_attr: The CFN attribute which resolves to the ARN of the resource. Commonly it will be called "Arn".
        :param arn_components: The format of the ARN of this resource (unused).
        """
        return arn_attr
