"""`{{ amount|euro }}` (cents) and `{{ amount|euro:0 }}` (whole euros): an amount with its
euro sign in the active language's format, "—" when there is none (koers.core.money)."""

from __future__ import annotations

from decimal import Decimal

from django import template

from koers.core import money

register = template.Library()


@register.filter
def euro(amount: Decimal | int | str | None, places: int = 2) -> str:
    if amount is None or amount == "":
        return "—"
    return money.euro(amount, int(places))
