"""Money as people read it: euros in the active language's number format.

The one place that writes an amount with its euro sign — pages (the `euro` template
filter), documents, mails. "€ 1.069.937,50" in Dutch, "€1,069,937.50" in English; the
sign and the amount are joined by a no-break space (Dutch) or nothing (English), so the
sign never wraps away from its amount (EURO_FORMAT in koers.core.formats).
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import get_format

from koers.core.numbers import grouped

DUTCH_EURO_FORMAT = "€\u00a0%s"


def euro(amount: Decimal | int | str | None, places: int = 2) -> str:
    """`amount` rounded (half up) to `places` decimals, grouped by thousands, after "€";
    "—" for None (no amount)."""
    if amount is None:
        return "—"
    text = grouped(amount, places)
    pattern = get_format("EURO_FORMAT")
    # get_format answers with the name itself for a language without a Koers format module.
    if pattern == "EURO_FORMAT":
        pattern = DUTCH_EURO_FORMAT
    return str(pattern) % text
