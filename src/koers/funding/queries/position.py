"""The financial position per year: result, reserves and solvency."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings

from koers.funding.models import FinancialYear
from koers.funding.queries.figures import ZERO
from koers.funding.queries.risks import equity_check


@dataclass
class PositionRow:
    record: FinancialYear
    solvency: Decimal | None  # percent
    band: str  # "below", "within", "above" or ""
    reserve_check: tuple[Decimal, Decimal] | None  # (stated, previous + result) when unequal
    equity_check: str = ""  # equity below the required minimum, with both figures


def solvency_band() -> tuple[Decimal, Decimal]:
    low, high = getattr(settings, "KOERS_SOLVENCY_BAND", (25, 40))
    return Decimal(low), Decimal(high)


def position(organisation_id: int) -> list[PositionRow]:
    """Per year: result, reserve, solvency against the band, equity against the required
    range; a planned reserve that is not last year's reserve plus this year's result, and
    equity below the required minimum, are flagged with both figures."""
    low, high = solvency_band()
    rows: list[PositionRow] = []
    previous: FinancialYear | None = None
    for record in FinancialYear.objects.filter(organisation_id=organisation_id).order_by("year"):
        solvency = None
        band = ""
        if record.equity is not None and record.total_capital:
            solvency = (record.equity / record.total_capital * 100).quantize(Decimal("0.1"))
            band = "below" if solvency < low else "above" if solvency > high else "within"
        check = None
        if (
            previous is not None
            and previous.year == record.year - 1
            and previous.planned_reserve is not None
            and record.planned_result is not None
            and record.planned_reserve is not None
        ):
            expected = previous.planned_reserve + record.planned_result
            if expected != record.planned_reserve:
                check = (record.planned_reserve, expected)
        rows.append(
            PositionRow(
                record,
                solvency,
                band,
                check,
                equity_check(record.equity, record.required_equity_low),
            )
        )
        previous = record
    return rows


def planned_result_total(rows: list[PositionRow]) -> Decimal:
    return sum((r.record.planned_result or ZERO for r in rows), ZERO)
