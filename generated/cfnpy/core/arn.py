"""ARN formatting and splitting (subset of the AWS CDK's ``Arn``)."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from .errors import ValidationError
from .intrinsics import Fn
from .token import Token

if TYPE_CHECKING:
    from .stack import Stack

__all__ = ["Arn", "ArnFormat", "ArnComponents"]


class ArnFormat(Enum):
    """An enum representing the various ARN formats that different services use."""

    NO_RESOURCE_NAME = "arn:aws:service:region:account:resource"
    """This represents a format where there is no 'resourceName' part."""
    COLON_RESOURCE_NAME = "arn:aws:service:region:account:resource:resourceName"
    """A format where the 'resourceName' is separated with a colon."""
    SLASH_RESOURCE_NAME = "arn:aws:service:region:account:resource/resourceName"
    """A format where the 'resourceName' is separated with a slash."""
    SLASH_RESOURCE_SLASH_RESOURCE_NAME = "arn:aws:service:region:account:/resource/resourceName"
    """A format where the 'resourceName' is separated with a slash, and the resource starts with a slash."""


class ArnComponents:
    """The components of an ARN.

    :param resource: Resource type (e.g. "table", "autoScalingGroup", "certificate").
    :param service: The service namespace that identifies the AWS product (for example, 's3', 'iam', 'codepipline').
    :param account: The ID of the AWS account that owns the resource, without the hyphens. Default: The account the stack is deployed to.
    :param arn_format: The specific ARN format to use for this ARN value. Default: - uses value of ``sep`` as the separator for formatting, ``ArnFormat.SLASH_RESOURCE_NAME`` if that property was also not provided
    :param partition: The partition that the resource is in. Default: The AWS partition the stack is deployed to.
    :param region: The region the resource resides in. Default: The region the stack is deployed to.
    :param resource_name: Resource name or path within the resource (i.e. S3 bucket object key) or a wildcard such as ``"*"``. Default: - No resource name.
    """

    __slots__ = ("resource", "service", "account", "arn_format", "partition", "region", "resource_name")

    def __init__(
        self,
        *,
        resource: str,
        service: str,
        account: str | None = None,
        arn_format: ArnFormat | None = None,
        partition: str | None = None,
        region: str | None = None,
        resource_name: str | None = None,
    ) -> None:
        self.resource = resource
        self.service = service
        self.account = account
        self.arn_format = arn_format
        self.partition = partition
        self.region = region
        self.resource_name = resource_name

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"ArnComponents({fields})"


_SEPARATORS = {
    ArnFormat.NO_RESOURCE_NAME: "",
    ArnFormat.COLON_RESOURCE_NAME: ":",
    ArnFormat.SLASH_RESOURCE_NAME: "/",
    ArnFormat.SLASH_RESOURCE_SLASH_RESOURCE_NAME: "/",
}


class Arn:
    """Formatting and splitting of ARNs."""

    @staticmethod
    def format(components: ArnComponents, stack: Stack | None = None) -> str:
        """Creates an ARN from components.

        If ``partition``, ``region`` or ``account`` are not specified, the stack's
        partition, region and account will be used.

        :param components:
        :param stack:
        """
        partition = components.partition if components.partition is not None else _from_stack(stack, "partition")
        region = components.region if components.region is not None else _from_stack(stack, "region")
        account = components.account if components.account is not None else _from_stack(stack, "account")
        arn_format = components.arn_format or ArnFormat.SLASH_RESOURCE_NAME
        values = ["arn", ":", partition, ":", components.service, ":", region, ":", account, ":"]
        if arn_format is ArnFormat.SLASH_RESOURCE_SLASH_RESOURCE_NAME:
            values.append("/")
        values.append(components.resource)
        if arn_format is not ArnFormat.NO_RESOURCE_NAME and components.resource_name is not None:
            values.append(_SEPARATORS[arn_format])
            values.append(components.resource_name)
        return "".join(values)

    @staticmethod
    def split(arn: str, arn_format: ArnFormat) -> ArnComponents:
        """Splits the provided ARN into its components.

        Works both if 'arn' is a string like 'arn:aws:s3:::bucket', and a Token
        representing a dynamic CloudFormation expression (in which case the
        returned components will also be dynamic CloudFormation expressions,
        encoded as Tokens).

        :param arn: the ARN to split into its components.
        :param arn_format: the expected format of 'arn' - depends on what format the service 'arn' represents uses.
        """
        if Token.is_unresolved(arn):
            parts = Fn.split(":", arn)
            resource_part = Fn.select(5, parts)
            resource: str = resource_part
            resource_name: str | None = None
            sep = _SEPARATORS[arn_format]
            if arn_format is ArnFormat.COLON_RESOURCE_NAME:
                # As AWS CDK: the name is the 7th field of the whole ARN.
                resource_name = Fn.select(6, parts)
            elif sep:
                pieces = Fn.split(sep, resource_part)
                resource = Fn.select(0, pieces)
                resource_name = Fn.select(1, pieces)
            return ArnComponents(
                partition=Fn.select(1, parts),
                service=Fn.select(2, parts),
                region=Fn.select(3, parts),
                account=Fn.select(4, parts),
                resource=resource,
                resource_name=resource_name,
                arn_format=arn_format,
            )
        components = arn.split(":")
        if len(components) < 6:
            raise ValidationError(f"ARNs must have at least 6 components: {arn}")
        if components[0] != "arn":
            raise ValidationError(f"ARNs must start with \"arn:\": {arn}")
        partition, service, region, account = components[1:5]
        rest = ":".join(components[5:])
        resource = rest
        resource_name = None
        if arn_format is ArnFormat.COLON_RESOURCE_NAME:
            if ":" in rest:
                resource, resource_name = rest.split(":", 1)
        elif arn_format is ArnFormat.SLASH_RESOURCE_NAME:
            if "/" in rest:
                resource, resource_name = rest.split("/", 1)
        elif arn_format is ArnFormat.SLASH_RESOURCE_SLASH_RESOURCE_NAME:
            trimmed = rest[1:] if rest.startswith("/") else rest
            if "/" in trimmed:
                resource, resource_name = trimmed.split("/", 1)
            else:
                resource = trimmed
        return ArnComponents(
            partition=partition,
            service=service,
            region=region,
            account=account,
            resource=resource,
            resource_name=resource_name,
            arn_format=arn_format,
        )


def _from_stack(stack: Stack | None, attribute: str) -> str:
    if stack is None:
        raise ValidationError(
            f"Arn.format: the ARN '{attribute}' was not given and there is no stack to take it from"
        )
    value: Any = getattr(stack, attribute)
    return str(value)
