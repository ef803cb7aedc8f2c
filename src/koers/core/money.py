"""Money as people read it: euros in the active language's number format.

The one place that writes an amount with its euro sign — pages (the `euro` template
filter), documents, mails. "€ 1.069.937,50" in Dutch, "€1,069,937.50" in English; the
sign and the amount are joined by a no-break space (Dutch) or nothing (English), so the
sign never wraps away from its amount (EURO_FORMAT in koers.core.formats).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import get_format, number_format

DUTCH_EURO_FORMAT = "€\u00a0%s"


def euro(amount: Decimal | int | str | None, places: int = 2) -> str:
    """`amount` rounded (half up) to `places` decimals, grouped by thousands, after "€";
    "—" for None (no amount)."""
    if amount is None:
        return "—"
    rounded = Decimal(amount).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = number_format(rounded, places, use_l10n=True, force_grouping=True)
    pattern = get_format("EURO_FORMAT")
    # get_format answers with the name itself for a language without a Koers format module.
    if pattern == "EURO_FORMAT":
        pattern = DUTCH_EURO_FORMAT
    return str(pattern) % text
