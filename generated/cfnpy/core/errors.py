"""Error hierarchy of ``cfnpy.core``.

Every error raised on purpose by the runtime is a :class:`CfnpyError`.  The
message starts with the rule that was broken (worded as in the AWS CDK where
the CDK has such a rule), followed by the construct path it concerns and, when
there is an obvious fix, a hint::

    Cannot apply RemovalPolicy: no child or not a CfnResource. Apply the
    removal policy on the CfnResource directly. (at 'MyStack/Bucket')

Because the rule comes first, the messages stay compatible with the AWS CDK
messages when matched from their start.
"""

from __future__ import annotations

__all__ = [
    "CfnpyError",
    "ValidationError",
    "SynthesisError",
    "ResolutionError",
]


class CfnpyError(Exception):
    """Base class of all errors raised by ``cfnpy``.

    :param message: what went wrong (the rule that was broken).
    :param path: the construct path the error concerns, if any.
    :param hint: how to fix it, if there is an obvious fix.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.hint = hint
        self._context: list[str] = []
        super().__init__(self._render())

    def _render(self) -> str:
        text = self.message
        if self._context:
            text = ": ".join(self._context) + ": " + text
        if self.path:
            text += f" (at '{self.path}')"
        if self.hint:
            text += f"\nHint: {self.hint}"
        return text

    def add_context(self, context: str) -> None:
        """Prefix the message with ``context`` (e.g. "While synthesizing X").

        Used by the synthesizer to tell which element was being rendered when
        a nested error occurred, without changing the error's type.
        """
        self._context.insert(0, context)
        self.args = (self._render(),)

    def __str__(self) -> str:
        return self._render()


class ValidationError(CfnpyError, ValueError):
    """An invalid value was given (bad id, bad property value, bad duration...)."""


class SynthesisError(CfnpyError):
    """The construct tree cannot be turned into a valid template.

    Raised at synthesis time, e.g. for duplicate logical ids or dependency
    cycles.
    """


class ResolutionError(SynthesisError, ValueError):
    """A value cannot be resolved into CloudFormation (unknown token, bad type...)."""
