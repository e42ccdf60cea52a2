"""Duration, with the AWS CDK's conversion rules and formats."""

from __future__ import annotations

import sys

import pytest

from cfnpy.core import App, CfnParameter, Duration, Lazy, Stack, Token, ValidationError

EPSILON = sys.float_info.epsilon


def test_negative_amount() -> None:
    with pytest.raises(ValidationError, match=r"^Duration amounts cannot be negative. Received: -1$"):
        Duration.seconds(-1)
    with pytest.raises(ValidationError, match="must be numbers"):
        Duration.seconds("5")  # type: ignore[arg-type]


def test_to_string() -> None:
    assert str(Duration.hours(1)) == "Duration.hours(1)"
    assert Duration.minutes(1.5).to_string() == "Duration.minutes(1.5)"
    assert repr(Duration.millis(2)) == "Duration.millis(2)"


@pytest.mark.parametrize(
    ("duration", "ms", "s", "m", "h", "d"),
    [
        (Duration.millis(86_400_000), 86_400_000, 86_400, 1_440, 24, 1),
        (Duration.seconds(86_400), 86_400_000, 86_400, 1_440, 24, 1),
        (Duration.minutes(1_440), 86_400_000, 86_400, 1_440, 24, 1),
        (Duration.hours(24), 86_400_000, 86_400, 1_440, 24, 1),
        (Duration.days(1), 86_400_000, 86_400, 1_440, 24, 1),
    ],
)
def test_whole_conversions(duration: Duration, ms: int, s: int, m: int, h: int, d: int) -> None:
    values = (duration.to_milliseconds(), duration.to_seconds(), duration.to_minutes(), duration.to_hours(), duration.to_days())
    assert values == (ms, s, m, h, d)
    assert all(type(v) is int for v in values)


def test_conversion_to_a_coarser_unit_must_be_whole() -> None:
    duration = Duration.seconds(300)
    assert duration.to_minutes() == 5
    with pytest.raises(ValidationError, match=r"^'300 seconds' cannot be converted into a whole number of days\.$"):
        duration.to_days()
    assert abs(duration.to_days(integral=False) - 300 / 86_400) <= EPSILON
    with pytest.raises(ValidationError, match="'5 hours' cannot be converted into a whole number of days"):
        Duration.hours(5).to_days()
    assert abs(Duration.hours(5).to_days(integral=False) - 5 / 24) <= EPSILON
    with pytest.raises(ValidationError, match="'45 seconds' cannot be converted into a whole number of minutes"):
        Duration.seconds(45).to_minutes()
    assert Duration.seconds(45).to_minutes(integral=False) == 0.75
    assert Duration.seconds(120).to_minutes() == 2


def test_fractional_amounts() -> None:
    with pytest.raises(ValidationError, match=r"^0\.5 must be a whole number of minutes\.$"):
        Duration.minutes(0.5).to_minutes()
    assert Duration.minutes(5.5).to_minutes(integral=False) == 5.5
    assert Duration.minutes(5.0).to_minutes() == 5
    with pytest.raises(ValidationError, match=r"'1\.125 minutes' cannot be converted into a whole number of seconds"):
        Duration.minutes(9 / 8).to_seconds()
    assert Duration.minutes(9 / 8).to_seconds(integral=False) == 67.5
    assert Duration.minutes(5 / 4).to_seconds() == 75
    assert Duration.minutes(10).to_seconds(integral=False) == 600


def test_token_amounts() -> None:
    stack = Stack(App(), "S")
    lazy = Duration.seconds(Lazy.number(lambda: 1337))
    assert lazy.is_unresolved()
    assert not Duration.hours(10).is_unresolved()
    assert stack.resolve(lazy.to_seconds()) == 1337
    with pytest.raises(
        ValidationError,
        match=r"^Duration must be specified as 'Duration\.minutes\(\)' here since its value comes from a token "
        r"and cannot be converted \(got Duration\.seconds\)$",
    ):
        lazy.to_minutes()
    with pytest.raises(ValidationError, match=r"Duration must be specified as 'Duration\.millis\(\)'"):
        lazy.to_milliseconds()
    param = CfnParameter(stack, "Timeout", type="Number")
    duration = Duration.minutes(param.value_as_number)
    assert stack.resolve(duration.to_minutes()) == {"Ref": "Timeout"}
    assert Token.is_unresolved(duration.to_minutes())


def test_to_iso_string() -> None:
    for zero in (Duration.millis(0), Duration.seconds(0), Duration.minutes(0), Duration.hours(0), Duration.days(0)):
        assert zero.to_iso_string() == "PT0S"
    assert Duration.millis(5).to_iso_string() == "PT0.005S"
    assert Duration.seconds(5).to_iso_string() == "PT5S"
    assert Duration.minutes(5).to_iso_string() == "PT5M"
    assert Duration.hours(5).to_iso_string() == "PT5H"
    assert Duration.days(5).to_iso_string() == "P5D"
    assert Duration.seconds(65).to_iso_string() == "PT1M5S"
    assert Duration.seconds(1 + 60 * (1 + 60 * (1 + 24))).to_iso_string() == "P1DT1H1M1S"
    assert Duration.millis(1 + 1000 * (1 + 60 * (1 + 60 * (1 + 24)))).to_iso_string() == "P1DT1H1M1.001S"
    assert Duration.days(1).plus(Duration.minutes(30)).to_iso_string() == "P1DT30M"


def test_parse() -> None:
    assert Duration.parse("PT0.000S").to_milliseconds() == 0
    assert Duration.parse("PT0S").to_seconds() == 0
    assert Duration.parse("P0D").to_seconds() == 0
    assert Duration.parse("PT0.005S").to_milliseconds() == 5
    assert Duration.parse("PT0.5S").to_milliseconds() == 500
    assert Duration.parse("PT5S").to_seconds() == 5
    assert Duration.parse("PT5M").to_seconds() == 300
    assert Duration.parse("PT5H").to_seconds() == 18_000
    assert Duration.parse("P5D").to_seconds() == 432_000
    assert Duration.parse("P1DT1H1M1S").to_seconds() == 1 + 60 * (1 + 60 * (1 + 24))
    assert Duration.parse("P1DT1H1M1.001S").to_milliseconds() == 1 + 1000 * (1 + 60 * (1 + 60 * (1 + 24)))
    assert Duration.parse("P1DT2H3M4.567S").to_iso_string() == "P1DT2H3M4.567S"


@pytest.mark.parametrize("bad", ["PT1D", "P5S", "P", "PT", "", "1 day", "P1W"])
def test_parse_rejects(bad: str) -> None:
    with pytest.raises(ValidationError, match=f"^Not a valid ISO duration: {bad}$"):
        Duration.parse(bad)


def test_to_human_string() -> None:
    assert Duration.minutes(0).to_human_string() == "0 minutes"
    assert Duration.minutes(Lazy.number(lambda: 5)).to_human_string() == "<token> minutes"
    assert Duration.days(1).to_human_string() == "1 day"
    assert Duration.hours(1).to_human_string() == "1 hour"
    assert Duration.minutes(1).to_human_string() == "1 minute"
    assert Duration.seconds(1).to_human_string() == "1 second"
    assert Duration.millis(1).to_human_string() == "1 milli"
    assert Duration.minutes(10).to_human_string() == "10 minutes"
    assert Duration.minutes(62).to_human_string() == "1 hour 2 minutes"
    assert Duration.minutes(90).to_human_string() == "1 hour 30 minutes"
    assert Duration.seconds(3666).to_human_string() == "1 hour 1 minute"
    assert Duration.millis(3000).to_human_string() == "3 seconds"
    assert Duration.millis(3666).to_human_string() == "3 seconds 666 millis"
    assert Duration.millis(3.6).to_human_string() == "3.6 millis"
    assert Duration.days(2).plus(Duration.hours(3)).plus(Duration.minutes(4)).to_human_string() == "2 days 3 hours"


def test_plus_and_minus() -> None:
    total = Duration.minutes(1).plus(Duration.seconds(30))
    assert total.to_seconds() == 90
    assert total.unit_label() == "seconds"
    assert total.to_minutes(integral=False) == 1.5
    difference = Duration.minutes(1).minus(Duration.seconds(30))
    assert difference.to_seconds() == 30
    with pytest.raises(ValidationError, match="Duration amounts cannot be negative. Received: -30"):
        Duration.seconds(30).minus(Duration.minutes(1))
    with pytest.raises(ValidationError, match="must be a whole number of seconds"):
        Duration.seconds(1.5).plus(Duration.seconds(1))


def test_unit_label() -> None:
    assert Duration.minutes(Lazy.number(lambda: 10)).unit_label() == "minutes"
    assert Duration.seconds(10).unit_label() == "seconds"
    assert Duration.millis(1).unit_label() == "millis"
    assert Duration.hours(1000).unit_label() == "hours"
    assert Duration.days(2).unit_label() == "days"


def test_format_token_to_number() -> None:
    stack = Stack(App(), "S")
    lazy = Duration.minutes(Lazy.number(lambda: 10))
    assert stack.resolve(lazy.format_token_to_number()) == "10 minutes"
    assert Duration.hours(10).format_token_to_number() == "10 hours"
    assert Duration.days(5).format_token_to_number() == "5 days"


def test_duration_in_a_template_needs_conversion() -> None:
    stack = Stack(App(), "S")
    from cfnpy.core import ResolutionError

    with pytest.raises(ResolutionError, match="non-data object of type 'Duration'"):
        stack.resolve({"Timeout": Duration.seconds(5)})
