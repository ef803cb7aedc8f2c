"""How CBS writes values, periods and regions, read one cell at a time."""

from __future__ import annotations

from decimal import Decimal

import pytest

from koers.insight.models import Missing
from koers.insight.regions import Regions
from koers.insight.values import NotAValue, read_period, read_value, writes_dutch_numbers
from tests.insight.statline_files import six_municipalities


@pytest.mark.parametrize(
    ("raw", "dutch", "expected"),
    [
        (None, False, (None, Missing.UNKNOWN)),
        ("       .", False, (None, Missing.UNKNOWN)),
        ("", False, (None, Missing.UNKNOWN)),
        ("x", False, (None, Missing.SECRET)),
        (" X ", False, (None, Missing.SECRET)),
        ("-", False, (Decimal(0), "")),
        ("   214715", False, (Decimal(214715), "")),
        ("37.6", False, (Decimal("37.6"), "")),
        (37.6, False, (Decimal("37.6"), "")),
        (-3, False, (Decimal(-3), "")),
        ("37,6", True, (Decimal("37.6"), "")),
        ("17.475.415", True, (Decimal(17475415), "")),
        ("214.715", True, (Decimal(214715), "")),
        ("1.234,56", True, (Decimal("1234.56"), "")),
    ],
)
def test_a_cell_reads_as_a_value_or_a_reason(raw: object, dutch: bool, expected: tuple) -> None:
    assert read_value(raw, dutch=dutch) == expected


@pytest.mark.parametrize("raw", ["twee", "37,6", "1e5", "NaN", "Infinity", True, "1" * 19, "--"])
def test_anything_else_is_not_a_value(raw: object) -> None:
    with pytest.raises(NotAValue):
        read_value(raw)


def test_one_dutch_cell_decides_how_the_file_writes_numbers() -> None:
    assert writes_dutch_numbers(["214.715", "37,6"])
    assert writes_dutch_numbers(["17.475.415"])
    assert not writes_dutch_numbers(["214.715", "37.6", "x", "."])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021JJ00", ("2021JJ00", False)),
        ("2021KW03", ("2021KW03", False)),
        ("2021MM10", ("2021MM10", False)),
        ("2021", ("2021JJ00", False)),
        ("2021*", ("2021JJ00", True)),
        ("2021**", ("2021JJ00", True)),
        ("2021 3e kwartaal", ("2021KW03", False)),
        ("2021 oktober*", ("2021MM10", True)),
        ("2021KW05", None),
        ("2021 5e kwartaal", None),
        ("2021 brumaire", None),
        ("vorig jaar", None),
    ],
)
def test_periods_as_codes_or_statline_labels(raw: str, expected: tuple | None) -> None:
    assert read_period(raw) == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("GM0034    ", "GM0034"),
        ("gm0995", "GM0995"),
        ("Almere", "GM0034"),
        ("PV24", "PV24"),
        ("Flevoland (PV)", "PV24"),
        ("NL01", "NL01"),
        ("Nederland", "NL01"),
        ("CR19", "CR19"),
        ("AM18", "AM18"),
        ("WK003401", "WK003401"),
        ("BU00340101", "BU00340101"),
        ("GM0363", "GM0363"),  # Amsterdam: in the shipped boundaries, with no record
        ("Amsterdam", "GM0363"),
        ("GM9999", None),  # no municipality Koers knows
        ("PV99", None),
        ("NL02", None),
        ("WK999901", None),  # a district of no known municipality
        ("GM034", None),
        ("ZZ01", None),
        ("Atlantis", None),
    ],
)
def test_region_codes_koers_knows(raw: str, code: str | None) -> None:
    six_municipalities()
    region = Regions().region_of(raw)
    assert (region.code if region else None) == code
