"""Numbers as pages and documents write them: rounded half up to a number of decimals, then
grouped by thousands in the language of the request ("495,4", "17.475.415").

Django's `number_format` cuts the decimals it does not show instead of rounding them
(495.37 with one decimal gives "495,3"), so every number with a set number of decimals is
written through `grouped`; tests/core/test_numbers.py finds any call that is not."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format


def rounded(value: Decimal | int | float | str, places: int) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def grouped(value: Decimal | int | float | str, places: int) -> str:
    return number_format(rounded(value, places), places, use_l10n=True, force_grouping=True)
