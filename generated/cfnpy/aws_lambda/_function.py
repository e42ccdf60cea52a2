"""Lambda functions: ``IFunction``, ``FunctionBase`` and the ``Function`` import methods.

Hand-written part of ``cfnpy.aws_lambda`` (AWS CDK v1 semantics, ``aws_cdk``
Python names). The generated ``cfnpy.aws_lambda`` re-exports every name in
``__all__``, so users write ``from cfnpy.aws_lambda import Function, IFunction``.

What is here is what makes sense without IAM, EC2 and CloudWatch: referencing
an existing function (``Function.from_function_arn``, ``from_function_name``,
``from_function_attributes``) and configuring its asynchronous invocation
(``configure_async_invoke``). Creating a function (an ``AWS::Lambda::Function``
with its code, role, ...) is not supported.
"""

from __future__ import annotations

import abc
import typing

from cfnpy.core import (
    ArnFormat,
    Construct,
    Duration,
    Fn,
    IResource,
    Resource,
    Stack,
    Token,
    ValidationError,
)

if typing.TYPE_CHECKING:
    from . import IDestination

__all__ = [
    "Function",
    "FunctionBase",
    "IFunction",
]

_EVENT_INVOKE_CONFIG_ID = "EventInvokeConfig"


@typing.runtime_checkable
class IFunction(IResource, typing.Protocol):
    """A Lambda function: what an L2 construct needs to refer to one.

    The members of AWS CDK's ``IFunction`` that need IAM (``grant_invoke``,
    ``role``, ``add_permission``...), EC2 (``connections``), CloudWatch
    (``metric*``) or other Lambda constructs (``latest_version``,
    ``add_event_source``...) are not part of cfnpy.
    """

    @property
    def function_arn(self) -> str:
        """The ARN of the function.

        :attribute: true
        """
        ...

    @property
    def function_name(self) -> str:
        """The name of the function.

        :attribute: true
        """
        ...

    def configure_async_invoke(
        self,
        *,
        max_event_age: Duration | None = None,
        on_failure: IDestination | None = None,
        on_success: IDestination | None = None,
        retry_attempts: int | float | None = None,
    ) -> None:
        """Configures options for asynchronous invocation.

        :param max_event_age: The maximum age of a request that Lambda sends to a function for processing. Minimum: 60 seconds Maximum: 6 hours Default: Duration.hours(6)
        :param on_failure: The destination for failed invocations. Default: - no destination
        :param on_success: The destination for successful invocations. Default: - no destination
        :param retry_attempts: The maximum number of times to retry when the function returns an error. Minimum: 0 Maximum: 2 Default: 2
        """
        ...


class FunctionBase(Resource, metaclass=abc.ABCMeta):
    """Base class of Lambda functions: implements the behaviour of ``IFunction``.

    Subclasses provide ``function_arn``, ``function_name`` and
    ``_can_create_permissions``. The functions returned by the ``Function.from_*``
    methods are ``FunctionBase`` instances; a construct that wraps a
    ``CfnFunction`` itself can subclass it too.

    :param scope: -
    :param id: -
    :param account: The AWS account ID this resource belongs to. Default: - the resource is in the same account as the stack it belongs to
    :param environment_from_arn: ARN to deduce region and account from. The ARN is parsed and the account and region are taken from the ARN. This should be used for imported resources. Cannot be supplied together with either ``account`` or ``region``. Default: - take environment from ``account``, ``region`` parameters, or use Stack environment.
    :param physical_name: The value passed in by users to the physical name prop of the resource. - ``None`` implies that a physical name will be allocated by CloudFormation during deployment. - a concrete value implies a specific physical name. Default: - The physical name will be allocated by CloudFormation at deployment time
    :param region: The AWS region this resource belongs to. Default: - the resource is in the same region as the stack it belongs to
    """

    @property
    @abc.abstractmethod
    def function_arn(self) -> str:
        """The ARN of the function."""

    @property
    @abc.abstractmethod
    def function_name(self) -> str:
        """The name of the function."""

    @property
    @abc.abstractmethod
    def _can_create_permissions(self) -> bool:
        """(Protected in AWS CDK.) Whether the addPermission() call adds any permissions.

        True for new Lambdas, false for version $LATEST and imported Lambdas
        from different accounts.

        cfnpy has no ``add_permission`` yet: the value is kept for it.
        """

    @property
    def _skip_permissions(self) -> bool:
        """(Protected in AWS CDK.) Whether the function's permissions are managed outside of this app.

        ``False`` unless the function was imported with ``skip_permissions=True``.
        cfnpy has no grants yet: the value is kept for them.
        """
        return False

    def configure_async_invoke(
        self,
        *,
        max_event_age: Duration | None = None,
        on_failure: IDestination | None = None,
        on_success: IDestination | None = None,
        retry_attempts: int | float | None = None,
    ) -> None:
        """Configures options for asynchronous invocation.

        Adds an ``EventInvokeConfig`` child, with the id ``EventInvokeConfig``,
        for the ``$LATEST`` version of this function. It can be configured only
        once per function.

        :param max_event_age: The maximum age of a request that Lambda sends to a function for processing. Minimum: 60 seconds Maximum: 6 hours Default: Duration.hours(6)
        :param on_failure: The destination for failed invocations. Default: - no destination
        :param on_success: The destination for successful invocations. Default: - no destination
        :param retry_attempts: The maximum number of times to retry when the function returns an error. Minimum: 0 Maximum: 2 Default: 2

        :raises ValidationError: if an EventInvokeConfig has already been configured for this function.
        """
        if self.node.try_find_child(_EVENT_INVOKE_CONFIG_ID) is not None:
            raise ValidationError(
                f"An EventInvokeConfig has already been configured for the function at {self.node.path}",
                hint="pass all the options to a single configure_async_invoke() call",
            )
        from . import EventInvokeConfig

        EventInvokeConfig(
            self,
            _EVENT_INVOKE_CONFIG_ID,
            function=self,
            max_event_age=max_event_age,
            on_failure=on_failure,
            on_success=on_success,
            retry_attempts=retry_attempts,
        )

    def _is_stack_account(self) -> bool:
        """(Protected in AWS CDK.) Whether the function's ARN is in the account of its stack.

        ``False`` when the stack's account or the ARN is a token.
        """
        if Token.is_unresolved(self.stack.account) or Token.is_unresolved(self.function_arn):
            return False
        return self.stack.split_arn(self.function_arn, ArnFormat.SLASH_RESOURCE_NAME).account == self.stack.account


class Function:
    """Import methods for Lambda functions defined outside of the app.

    In AWS CDK, ``Function`` also deploys a function (an ``AWS::Lambda::Function``
    with its code and execution role). cfnpy does not: ``Function`` only holds
    ``from_function_arn``, ``from_function_name`` and ``from_function_attributes``,
    which return an ``IFunction``, and cannot be instantiated. To define a
    function, use the L1 ``CfnFunction`` once it is generated.

    Example::

        import cfnpy.aws_lambda as lambda_
        from cfnpy.core import Duration

        fn = lambda_.Function.from_function_arn(self, "Function", "arn:aws:lambda:us-east-1:123456789012:function:MyFn")
        fn.configure_async_invoke(max_event_age=Duration.hours(1), retry_attempts=0)
    """

    if not typing.TYPE_CHECKING:

        def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
            raise ValidationError(
                "cfnpy.aws_lambda.Function cannot create a Lambda function: only importing one is supported",
                hint="use Function.from_function_arn(), Function.from_function_name() or "
                "Function.from_function_attributes() to refer to an existing function",
            )

    @classmethod
    def from_function_arn(cls, scope: Construct, id: str, function_arn: str) -> IFunction:
        """Import a lambda function into the CDK using its ARN.

        :param scope: -
        :param id: -
        :param function_arn: -
        """
        return cls.from_function_attributes(scope, id, function_arn=function_arn)

    @classmethod
    def from_function_name(cls, scope: Construct, id: str, function_name: str) -> IFunction:
        """Import a lambda function into the CDK using its name.

        The ARN is ``arn:<partition>:lambda:<region>:<account>:function:<function_name>``
        in the partition, region and account of the stack of ``scope``.

        :param scope: -
        :param id: -
        :param function_name: -
        """
        function_arn = Stack.of(scope).format_arn(
            service="lambda",
            resource="function",
            resource_name=function_name,
            arn_format=ArnFormat.COLON_RESOURCE_NAME,
        )
        return cls.from_function_attributes(scope, id, function_arn=function_arn)

    @classmethod
    def from_function_attributes(
        cls,
        scope: Construct,
        id: str,
        *,
        function_arn: str,
        same_environment: bool | None = None,
        skip_permissions: bool | None = None,
    ) -> IFunction:
        """Creates a Lambda function object which represents a function not defined within this stack.

        The function's name is the 7th field of the ARN
        (``arn:<partition>:lambda:<region>:<account-id>:function:<function-name>``),
        or ``Fn::Select`` of it when the ARN is a token; its account and region
        (``env``) are those of the ARN.

        :param scope: The parent construct.
        :param id: The name of the lambda construct.
        :param function_arn: The ARN of the Lambda function. Format: arn:<partition>:lambda:<region>:<account-id>:function:<function-name>
        :param same_environment: Setting this property informs the CDK that the imported function is in the same environment as the stack. This affects certain behaviours such as, whether this function's permission can be modified. When not configured, the CDK attempts to auto-determine this. For environment agnostic stacks, i.e., stacks where the account is not specified with the ``env`` property, this is determined to be false. Set this to property *ONLY IF* the imported function is in the same account as the stack it's imported in. Default: - depends: true, if the Stack is configured with an explicit ``env`` (account and region) and the account is the same as this function. For environment-agnostic stacks this will default to ``false``.
        :param skip_permissions: Setting this property informs the CDK that the imported function ALREADY HAS the necessary permissions for what you are trying to do. When not configured, the CDK attempts to auto-determine whether or not additional permissions are necessary on the function when grant APIs are used. If the CDK tried to add permissions on an imported lambda, it will fail. Set this property *ONLY IF* you are committing to manage the imported function's permissions outside of CDK. You are acknowledging that your CDK code alone will have insufficient permissions to access the imported function. Default: false

        :raises ValidationError: if a literal ``function_arn`` has no function name.
        """
        return _ImportedFunction(
            scope,
            id,
            function_arn=function_arn,
            same_environment=same_environment,
            skip_permissions=skip_permissions,
        )


class _ImportedFunction(FunctionBase):
    """A function defined outside of the app (``Function.from_*``)."""

    def __init__(
        self,
        scope: Construct,
        id: str,
        *,
        function_arn: str,
        same_environment: bool | None,
        skip_permissions: bool | None,
    ) -> None:
        function_name = _extract_name_from_arn(function_arn)
        super().__init__(scope, id, environment_from_arn=function_arn)
        self._imported_function_arn = function_arn
        self._imported_function_name = function_name
        self._imported_can_create_permissions = (
            same_environment if same_environment is not None else self._is_stack_account()
        )
        self._imported_skip_permissions = bool(skip_permissions)

    @property
    def function_arn(self) -> str:
        """The ARN of the function."""
        return self._imported_function_arn

    @property
    def function_name(self) -> str:
        """The name of the function."""
        return self._imported_function_name

    @property
    def _can_create_permissions(self) -> bool:
        """(Protected in AWS CDK.) Whether the addPermission() call adds any permissions."""
        return self._imported_can_create_permissions

    @property
    def _skip_permissions(self) -> bool:
        """(Protected in AWS CDK.) Whether the function's permissions are managed outside of this app."""
        return self._imported_skip_permissions


def _extract_name_from_arn(arn: str) -> str:
    """The function name in a function ARN, as AWS CDK's ``extractNameFromArn``.

    Function ARNs look like ``arn:aws:lambda:region:account-id:function:function-name``:
    the name is the component at index 6 when splitting on ":" (for a qualified
    ARN, ``...:function-name:alias``, the name without the qualifier). For a
    token, ``Fn::Select(6, Fn::Split(":", arn))``.
    """
    if Token.is_unresolved(arn):
        return Fn.select(6, Fn.split(":", arn))
    parts = arn.split(":")
    if len(parts) < 7 or parts[0] != "arn" or not parts[6]:
        raise ValidationError(
            f"Function ARN must be of the form arn:<partition>:lambda:<region>:<account-id>:function:<function-name>, got '{arn}'",
        )
    return parts[6]
