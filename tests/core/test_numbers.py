"""Numbers are rounded, not cut: Django's `number_format` drops the decimals it does not show
(495.37 with one decimal gives "495,3"). Every call that sets a number of decimals goes
through `koers.core.numbers.grouped`; this test reads every module of Koers and fails on any
other (before the fix it found 9, in 8 modules)."""

from __future__ import annotations

import ast
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation

import koers
from koers.core.numbers import grouped

SOURCE = Path(koers.__file__).parent
ALLOWED = SOURCE / "core" / "numbers.py"


def _calls_with_decimals(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        if name != "number_format":
            continue
        if len(node.args) >= 2 or any(k.arg == "decimal_pos" for k in node.keywords):
            found.append(node.lineno)
    return found


def test_no_module_cuts_decimals_with_number_format() -> None:
    modules = [p for p in SOURCE.rglob("*.py") if p != ALLOWED and "migrations" not in p.parts]
    offenders = {
        str(p.relative_to(SOURCE)): lines for p in modules if (lines := _calls_with_decimals(p))
    }
    assert len(modules) > 300
    assert offenders == {}


@pytest.mark.parametrize(
    ("value", "places", "dutch"),
    [
        (Decimal("495.37"), 1, "495,4"),
        (Decimal("0.125"), 2, "0,13"),  # half up, not to even
        (Decimal("17475415"), 0, "17.475.415"),
        (Decimal("-2.5"), 0, "-3"),
    ],
)
def test_grouped_rounds_half_up_and_groups(value: Decimal, places: int, dutch: str) -> None:
    with translation.override("nl"):
        assert grouped(value, places) == dutch
