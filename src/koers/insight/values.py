"""Reading a statistic's values and periods as CBS writes them.

CBS's signs for what is not a number: "." unknown, "x" secret (both stored as missing with
the reason, never as zero) and "-" nil (zero). StatLine's typed download writes null where
the untyped one writes "." or "x": null is stored as unknown.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from koers.insight.models import Missing

MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
# Years, quarters, months, and CBS's multi-year periods (2015X000, 2019G300).
PERIOD_CODE = re.compile(r"^\d{4}(JJ00|KW0[1-4]|MM(0[1-9]|1[0-2])|X\d{3}|G\d{3})$")
PERIOD_LABEL = re.compile(r"^(\d{4})(?:\s+(\d)e\s+kwartaal|\s+([a-z]+))?\s*(\*{0,2})$")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
MAX_DIGITS_BEFORE_POINT = 18  # the column holds 24 digits, 6 after the point


class NotAValue(ValueError):
    """A cell that is neither a number nor one of CBS's signs."""


def read_value(raw: object, *, dutch: bool = False) -> tuple[Decimal | None, str]:
    """(value, "") or (None, why it is missing). Raises NotAValue for anything else.
    `dutch`: the file writes numbers the Dutch way (1.234,5): dots group thousands and the
    comma is the decimal sign; otherwise the dot is the decimal sign and a comma is refused."""
    if raw is None:
        return None, Missing.UNKNOWN
    if isinstance(raw, bool):
        raise NotAValue(str(raw))
    if isinstance(raw, int | float):
        return _bounded(Decimal(str(raw)), str(raw)), ""
    text = str(raw).strip().replace("\u00a0", "").replace(" ", "")
    if text in ("", "."):
        return None, Missing.UNKNOWN
    if text.lower() == "x":
        return None, Missing.SECRET
    if text == "-":
        return Decimal(0), ""
    if dutch:
        text = text.replace(".", "").replace(",", ".")
    if not NUMBER.match(text):
        raise NotAValue(str(raw))
    try:
        return _bounded(Decimal(text), str(raw)), ""
    except InvalidOperation as error:
        raise NotAValue(str(raw)) from error


DUTCH_NUMBER = re.compile(r"^-?(\d{1,3}(\.\d{3}){2,}(,\d+)?|\d{1,3}(\.\d{3})+,\d+|\d+,\d+)$")


def writes_dutch_numbers(cells: list[str]) -> bool:
    """Whether a file whose figures include `cells` writes them the Dutch way: a decimal
    comma, or dots grouping thousands ("17.475.415"). One such cell decides for the file,
    because a lone "214.715" cannot tell by itself."""
    return any(DUTCH_NUMBER.match(cell.strip().replace(" ", "")) for cell in cells)


def _bounded(value: Decimal, raw: str) -> Decimal:
    if not value.is_finite() or abs(value) >= Decimal(10) ** MAX_DIGITS_BEFORE_POINT:
        raise NotAValue(raw)
    return value.quantize(Decimal("0.000001"))


def read_period(raw: str) -> tuple[str, bool] | None:
    """(CBS period code, provisional?) for a code ("2021JJ00") or a StatLine label ("2021",
    "2021*", "2021 3e kwartaal", "2021 oktober"); None when it is neither."""
    text = raw.strip()
    if PERIOD_CODE.match(text):
        return text, False
    match = PERIOD_LABEL.match(text.lower())
    if not match:
        return None
    year, quarter, month, stars = match.groups()
    provisional = bool(stars)
    if quarter:
        if not "1" <= quarter <= "4":
            return None
        return f"{year}KW0{quarter}", provisional
    if month:
        if month not in MONTHS:
            return None
        return f"{year}MM{MONTHS.index(month) + 1:02d}", provisional
    return f"{year}JJ00", provisional


def period_year(code: str) -> int:
    return int(code[:4])
