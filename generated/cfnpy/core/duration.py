"""Durations, with the semantics of the AWS CDK's ``Duration``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import ValidationError
from .token import Token, Tokenization, js_number_str

if TYPE_CHECKING:
    import re

__all__ = ["Duration"]


class _TimeUnit:
    __slots__ = ("label", "iso_label", "in_millis")

    def __init__(self, label: str, iso_label: str, in_millis: int) -> None:
        self.label = label
        self.iso_label = iso_label
        self.in_millis = in_millis

    def __repr__(self) -> str:
        return self.label


_MILLIS = _TimeUnit("millis", "", 1)
_SECONDS = _TimeUnit("seconds", "S", 1_000)
_MINUTES = _TimeUnit("minutes", "M", 60_000)
_HOURS = _TimeUnit("hours", "H", 3_600_000)
_DAYS = _TimeUnit("days", "D", 86_400_000)

_ISO_RE: re.Pattern[str] | None = None


def _is_number(x: object) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _is_integer(x: float) -> bool:
    return isinstance(x, int) or x.is_integer()


def _normalize(x: float) -> float:
    # Whole floats become ints (the values are meant for JSON templates).
    if isinstance(x, float) and x.is_integer() and not Token.is_unresolved(x):
        return int(x)
    return x


def _convert(amount: float, from_unit: _TimeUnit, to_unit: _TimeUnit, integral: bool = True) -> float:
    if from_unit.in_millis == to_unit.in_millis:
        if Token.is_unresolved(amount):
            return amount
        if integral and not _is_integer(amount):
            raise ValidationError(f"{js_number_str(amount)} must be a whole number of {to_unit.label}.")
        return _normalize(amount)
    if Token.is_unresolved(amount):
        raise ValidationError(
            f"Duration must be specified as 'Duration.{to_unit.label}()' here since its value comes from a token "
            f"and cannot be converted (got Duration.{from_unit.label})"
        )
    value = (amount * from_unit.in_millis) / to_unit.in_millis
    if integral and not _is_integer(value):
        raise ValidationError(
            f"'{js_number_str(amount)} {from_unit.label}' cannot be converted into a whole number of {to_unit.label}."
        )
    return _normalize(value)


def _finest_unit(a: _TimeUnit, b: _TimeUnit) -> _TimeUnit:
    return a if a.in_millis < b.in_millis else b


def _fmt_unit(amount: float, unit: _TimeUnit) -> str:
    if amount == 1:
        # All of the labels end in 's'
        return f"{js_number_str(amount)} {unit.label[:-1]}"
    return f"{js_number_str(amount)} {unit.label}"


class Duration:
    """Represents a length of time.

    The amount can be specified either as a literal value (e.g: ``10``) which
    cannot be negative, or as an unresolved number token.

    When the amount is passed as a token, unit conversion is not possible.
    """

    __slots__ = ("_amount", "_unit")

    def __init__(self, amount: float, unit: _TimeUnit) -> None:
        if not _is_number(amount):
            raise ValidationError(f"Duration amounts must be numbers. Received: {amount!r}")
        if not Token.is_unresolved(amount) and amount < 0:
            raise ValidationError(f"Duration amounts cannot be negative. Received: {js_number_str(amount)}")
        self._amount = amount
        self._unit = unit

    @staticmethod
    def millis(amount: float) -> Duration:
        """Create a Duration representing an amount of milliseconds.

        :param amount: the amount of Milliseconds the ``Duration`` will represent.
        :returns: a new ``Duration`` representing ``amount`` ms.
        """
        return Duration(amount, _MILLIS)

    @staticmethod
    def seconds(amount: float) -> Duration:
        """Create a Duration representing an amount of seconds.

        :param amount: the amount of Seconds the ``Duration`` will represent.
        :returns: a new ``Duration`` representing ``amount`` Seconds.
        """
        return Duration(amount, _SECONDS)

    @staticmethod
    def minutes(amount: float) -> Duration:
        """Create a Duration representing an amount of minutes.

        :param amount: the amount of Minutes the ``Duration`` will represent.
        :returns: a new ``Duration`` representing ``amount`` Minutes.
        """
        return Duration(amount, _MINUTES)

    @staticmethod
    def hours(amount: float) -> Duration:
        """Create a Duration representing an amount of hours.

        :param amount: the amount of Hours the ``Duration`` will represent.
        :returns: a new ``Duration`` representing ``amount`` Hours.
        """
        return Duration(amount, _HOURS)

    @staticmethod
    def days(amount: float) -> Duration:
        """Create a Duration representing an amount of days.

        :param amount: the amount of Days the ``Duration`` will represent.
        :returns: a new ``Duration`` representing ``amount`` Days.
        """
        return Duration(amount, _DAYS)

    @staticmethod
    def parse(duration: str) -> Duration:
        """Parse a period formatted according to the ISO 8601 standard.

        Days are the largest ISO duration supported, i.e.,
        weeks, months, and years are not supported.

        :param duration: an ISO-formatted duration to be parsed.
        :returns: the parsed ``Duration``.
        """
        global _ISO_RE
        if _ISO_RE is None:
            import re

            _ISO_RE = re.compile(r"^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)\.?(\d{1,3})?S)?)?$")
        match = _ISO_RE.match(duration) if isinstance(duration, str) else None
        if match is None:
            raise ValidationError(f"Not a valid ISO duration: {duration}")
        days, hours, minutes, seconds, milliseconds = match.groups()
        if not (days or hours or minutes or seconds or milliseconds):
            raise ValidationError(f"Not a valid ISO duration: {duration}")
        millis = milliseconds.ljust(3, "0") if milliseconds else ""

        def to_int(text: str | None) -> int:
            return int(text) if text else 0

        return Duration.millis(
            to_int(millis)
            + to_int(seconds) * _SECONDS.in_millis
            + to_int(minutes) * _MINUTES.in_millis
            + to_int(hours) * _HOURS.in_millis
            + to_int(days) * _DAYS.in_millis
        )

    def plus(self, rhs: Duration) -> Duration:
        """Add two Durations together.

        :param rhs:
        """
        target = _finest_unit(self._unit, rhs._unit)
        total = _convert(self._amount, self._unit, target) + _convert(rhs._amount, rhs._unit, target)
        return Duration(total, target)

    def minus(self, rhs: Duration) -> Duration:
        """Substract two Durations together.

        :param rhs:
        """
        target = _finest_unit(self._unit, rhs._unit)
        difference = _convert(self._amount, self._unit, target) - _convert(rhs._amount, rhs._unit, target)
        return Duration(difference, target)

    def to_milliseconds(self, *, integral: bool | None = None) -> float:
        """Return the total number of milliseconds in this Duration.

        :param integral: If ``true``, conversions into a larger time unit (e.g. ``Seconds`` to ``Minutes``) will fail if the result is not an integer. Default: true
        :returns: the value of this ``Duration`` expressed in Milliseconds.
        """
        return _convert(self._amount, self._unit, _MILLIS, integral is not False)

    def to_seconds(self, *, integral: bool | None = None) -> float:
        """Return the total number of seconds in this Duration.

        :param integral: If ``true``, conversions into a larger time unit (e.g. ``Seconds`` to ``Minutes``) will fail if the result is not an integer. Default: true
        :returns: the value of this ``Duration`` expressed in Seconds.
        """
        return _convert(self._amount, self._unit, _SECONDS, integral is not False)

    def to_minutes(self, *, integral: bool | None = None) -> float:
        """Return the total number of minutes in this Duration.

        :param integral: If ``true``, conversions into a larger time unit (e.g. ``Seconds`` to ``Minutes``) will fail if the result is not an integer. Default: true
        :returns: the value of this ``Duration`` expressed in Minutes.
        """
        return _convert(self._amount, self._unit, _MINUTES, integral is not False)

    def to_hours(self, *, integral: bool | None = None) -> float:
        """Return the total number of hours in this Duration.

        :param integral: If ``true``, conversions into a larger time unit (e.g. ``Seconds`` to ``Minutes``) will fail if the result is not an integer. Default: true
        :returns: the value of this ``Duration`` expressed in Hours.
        """
        return _convert(self._amount, self._unit, _HOURS, integral is not False)

    def to_days(self, *, integral: bool | None = None) -> float:
        """Return the total number of days in this Duration.

        :param integral: If ``true``, conversions into a larger time unit (e.g. ``Seconds`` to ``Minutes``) will fail if the result is not an integer. Default: true
        :returns: the value of this ``Duration`` expressed in Days.
        """
        return _convert(self._amount, self._unit, _DAYS, integral is not False)

    def to_iso_string(self) -> str:
        """Return an ISO 8601 representation of this period.

        :returns: a string starting with 'P' describing the period
        """
        if self._amount == 0:
            return "PT0S"
        ret = ["P"]
        tee = False
        for amount, unit in self._components(True):
            if unit in (_SECONDS, _MINUTES, _HOURS) and not tee:
                ret.append("T")
                tee = True
            ret.append(f"{js_number_str(amount)}{unit.iso_label}")
        return "".join(ret)

    def to_human_string(self) -> str:
        """Turn this duration into a human-readable string."""
        if self._amount == 0:
            return _fmt_unit(0, self._unit)
        if Token.is_unresolved(self._amount):
            return f"<token> {self._unit.label}"
        # 2 significant parts, that's totally enough for humans
        return " ".join(_fmt_unit(amount, unit) for amount, unit in self._components(False)[:2])

    def to_string(self) -> str:
        """Returns a string representation of this ``Duration``.

        This is never the right function to use when you want to use the ``Duration``
        object in a template. Use ``to_seconds()``, ``to_minutes()``, ``to_days()``, etc. instead.
        """
        return f"Duration.{self._unit.label}({js_number_str(self._amount)})"

    def __str__(self) -> str:
        return self.to_string()

    def __repr__(self) -> str:
        return self.to_string()

    def _components(self, combine_millis_with_seconds: bool) -> list[tuple[float, _TimeUnit]]:
        ret: list[tuple[float, _TimeUnit]] = []
        millis = _convert(self._amount, self._unit, _MILLIS, integral=False)
        for unit in (_DAYS, _HOURS, _MINUTES, _SECONDS):
            count = _convert(millis, _MILLIS, unit, integral=False)
            # Round down to a whole number UNLESS we're combining millis and seconds and we got to the seconds
            whole = count if unit is _SECONDS and combine_millis_with_seconds else int(count)
            if whole > 0:
                ret.append((whole, unit))
                millis -= whole * unit.in_millis
        # Remainder in millis (keep only above threshold)
        if millis > 0.0001:
            ret.append((millis, _MILLIS))
        return ret

    def is_unresolved(self) -> bool:
        """Checks if duration is a token or a resolvable object."""
        return Token.is_unresolved(self._amount)

    def unit_label(self) -> str:
        """Returns unit of the duration."""
        return self._unit.label

    def format_token_to_number(self) -> str:
        """Returns stringified number of duration."""
        return f"{Tokenization.stringify_number(self._amount)} {self._unit.label}"
