"""Amounts with their euro sign, in the active language's number format: exact strings."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from koers.core.money import euro

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "amount", "places", "shown"),
    [
        ("nl", Decimal("1069937"), 2, f"€{NBSP}1.069.937,00"),
        ("nl", Decimal("1069937"), 0, f"€{NBSP}1.069.937"),
        ("nl", Decimal("1234.5"), 2, f"€{NBSP}1.234,50"),
        ("nl", Decimal("999.995"), 2, f"€{NBSP}1.000,00"),  # half up, into a new group
        ("nl", Decimal("0.005"), 2, f"€{NBSP}0,01"),
        ("nl", Decimal("-50000"), 2, f"€{NBSP}-50.000,00"),
        ("nl", 180000, 0, f"€{NBSP}180.000"),
        ("nl", "6300.00", 2, f"€{NBSP}6.300,00"),  # report content keeps amounts as text
        ("en", Decimal("1069937"), 0, "€1,069,937"),
        ("en", Decimal("1069937"), 2, "€1,069,937.00"),
        ("en", Decimal("1234.5"), 2, "€1,234.50"),
        ("en", Decimal("999.995"), 2, "€1,000.00"),
    ],
)
def test_euro_writes_the_amount_as_the_language_does(
    language: str, amount: object, places: int, shown: str
) -> None:
    with translation.override(language):
        assert euro(amount, places) == shown  # type: ignore[arg-type]


def test_no_amount_is_a_dash() -> None:
    assert euro(None) == "—"


def test_a_language_without_koers_formats_gets_the_dutch_sign_and_its_own_separators() -> None:
    with translation.override("de"):
        assert euro(Decimal("1069937")) == f"€{NBSP}1.069.937,00"


def test_the_dutch_sign_never_stands_apart_from_its_amount() -> None:
    with translation.override("nl"):
        shown = euro(Decimal("12"))
    assert " " not in shown and shown.startswith(f"€{NBSP}")


@pytest.mark.parametrize(
    ("language", "source", "shown"),
    [
        ("nl", "{{ amount|euro }}", f"€{NBSP}1.069.937,00"),
        ("nl", "{{ amount|euro:0 }}", f"€{NBSP}1.069.937"),
        ("nl", "{{ missing|euro }}", "—"),
        ("nl", "{{ empty|euro }}", "—"),
        ("en", "{{ amount|euro }}", "€1,069,937.00"),
        ("en", "{{ amount|euro:0 }}", "€1,069,937"),
    ],
)
def test_the_template_filter(language: str, source: str, shown: str) -> None:
    template = Template("{% load money %}" + source)
    context = Context({"amount": Decimal("1069937.00"), "missing": None, "empty": ""})
    with translation.override(language):
        assert template.render(context) == shown
