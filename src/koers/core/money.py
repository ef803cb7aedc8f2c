"""Money as shown in documents and mails: euros with the Dutch separators."""

from __future__ import annotations

from decimal import Decimal


def euro(amount: Decimal) -> str:
    """`€ 1.234,50`: a point between thousands, a comma before the cents."""
    whole, cents = f"{amount:,.2f}".split(".")
    return f"€ {whole.replace(',', '.')},{cents}"
