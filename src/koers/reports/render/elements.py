"""The pieces a report's blocks are made of (see `blocks`): how a figure is written in the
language the content was built in, and the constructors of the simple block types."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.core import money
from koers.core.numbers import grouped

Block = dict[str, Any]


# --- formatting, in the language the content was built in ----------------------------------


def number(value: str | None, places: int | None = None) -> str:
    if value is None:
        return "—"
    amount = Decimal(value)
    if places is None:
        places = 0 if amount == amount.to_integral_value() else 2
    return grouped(amount, places)


def euro(value: str | None) -> str:
    return money.euro(value)


def day(value: str | None, missing: str = "") -> str:
    """A day the content keeps as ISO text, written as the language writes dates."""
    return date_format(dt.date.fromisoformat(value)) if value else missing


def figure(value: str | None, unit: str) -> str:
    """An indicator's value as its unit says: 74%, € 1.250, 12 hours, yes/no."""
    if value is None:
        return "—"
    if unit == "percentage":
        return f"{number(value)}%"
    if unit == "euro":
        return euro(value)
    if unit == "milestone":
        return _("yes") if Decimal(value) >= 1 else _("not yet")
    return number(value)


def heading(level: int, text: str) -> Block:
    return {"type": "heading", "level": level, "text": text}


def text(value: str, style: str = "normal") -> Block:
    return {"type": "text", "text": value, "style": style}


def facts(items: list[tuple[str, str]]) -> Block:
    return {"type": "facts", "items": [[label, value] for label, value in items if value]}


def table(header: list[str], rows: list[list[str]], numeric: list[int], caption: str = "") -> Block:
    return {"type": "table", "header": header, "rows": rows, "numeric": numeric, "caption": caption}
