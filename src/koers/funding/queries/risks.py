"""Risks and reserves read for a page: the register with its expected impact, the planned
balances of the earmarked reserves against their ceilings, risk coverage, and the checks
of required equity and of figures a text states. Sums and running balances are computed
in the database; every check names both figures."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Sum, Window
from django.utils.translation import gettext as _

from koers.core.money import euro
from koers.funding.models import (
    EarmarkedReserve,
    FinancialYear,
    ReserveAddition,
    Risk,
    RiskQuerySet,
    StatedFigure,
)
from koers.funding.queries.figures import ZERO

CENT = Decimal("0.01")


def risk_register(organisation_id: int) -> RiskQuerySet:
    """The organisation's risks, each with its expected impact (probability × impact)."""
    return (
        Risk.objects.of_organisation(organisation_id)
        .with_expected_impact()
        .select_related("programme")
    )


def register_totals(risks: RiskQuerySet) -> dict[str, Decimal]:
    """Total impact and total expected impact of `risks` (already with expected impact)."""
    totals = risks.aggregate(impact=Sum("impact"), expected=Sum("expected_impact"))
    return {
        "impact": Decimal(totals["impact"] or ZERO).quantize(CENT),
        "expected": Decimal(totals["expected"] or ZERO).quantize(CENT),
    }


def ceiling_check(balance: Decimal, ceiling: Decimal | None) -> str:
    """Why a planned balance is above the reserve's ceiling, with both figures; "" when not."""
    if ceiling is None or balance <= ceiling:
        return ""
    return _("Planned balance %(balance)s lies above the ceiling of %(ceiling)s") % {
        "balance": euro(balance, 0),
        "ceiling": euro(ceiling, 0),
    }


def equity_check(equity: Decimal | None, low: Decimal | None) -> str:
    """Why equity is below the required minimum, with both figures and the shortfall; ""
    when it is not (or either figure is missing)."""
    if equity is None or low is None or equity >= low:
        return ""
    return _("Equity %(equity)s lies %(shortfall)s below the required minimum of %(low)s") % {
        "equity": euro(equity, 0),
        "shortfall": euro(low - equity, 0),
        "low": euro(low, 0),
    }


@dataclass(frozen=True)
class ReserveYear:
    year: int
    addition: Decimal
    balance: Decimal
    check: str  # above the ceiling, with both figures; "" when not


@dataclass
class ReservePlan:
    reserve: EarmarkedReserve
    years: list[ReserveYear]

    @property
    def flags(self) -> int:
        return sum(1 for year in self.years if year.check)


def reserve_plans(organisation_id: int) -> list[ReservePlan]:
    """Every earmarked reserve with its planned balance per year (opening balance plus the
    additions so far, a running sum in the database), each checked against the ceiling."""
    reserves = list(EarmarkedReserve.objects.filter(organisation_id=organisation_id))
    plans = {reserve.pk: ReservePlan(reserve, []) for reserve in reserves}
    additions = (
        ReserveAddition.objects.filter(reserve__organisation_id=organisation_id)
        .annotate(
            balance=F("reserve__opening_balance")
            + Window(Sum("amount"), partition_by=[F("reserve_id")], order_by=F("year").asc())
        )
        .order_by("reserve_id", "year")
        .values("reserve_id", "year", "amount", "balance")
    )
    for row in additions:
        plan = plans[row["reserve_id"]]
        balance = Decimal(row["balance"]).quantize(CENT)
        plan.years.append(
            ReserveYear(
                row["year"], row["amount"], balance, ceiling_check(balance, plan.reserve.ceiling)
            )
        )
    return list(plans.values())


@dataclass(frozen=True)
class CoverageYear:
    year: int
    reserves: Decimal
    expected: Decimal

    @property
    def shortfall(self) -> Decimal:
        return max(self.expected - self.reserves, ZERO)


@dataclass(frozen=True)
class Coverage:
    expected: Decimal
    years: list[CoverageYear]  # the reserves' planned balances per year
    equity: FinancialYear | None  # the latest year with equity

    @property
    def equity_shortfall(self) -> Decimal | None:
        if self.equity is None or self.equity.equity is None:
            return None
        return max(self.expected - self.equity.equity, ZERO)


def coverage(organisation_id: int, plans: list[ReservePlan], expected: Decimal) -> Coverage:
    """The reserves' planned balances per year, and the latest equity, against the register's
    total expected impact."""
    by_year: dict[int, Decimal] = {}
    for plan in plans:
        for entry in plan.years:
            by_year[entry.year] = by_year.get(entry.year, ZERO) + entry.balance
    equity = (
        FinancialYear.objects.filter(organisation_id=organisation_id, equity__isnull=False)
        .order_by("-year")
        .first()
    )
    return Coverage(
        expected,
        [CoverageYear(year, total, expected) for year, total in sorted(by_year.items())],
        equity,
    )


@dataclass(frozen=True)
class FigureFlag:
    subject: str
    text: str  # the check, with both figures
    sources: list[str]


def band_check(record: FinancialYear, low_pct: Decimal, high_pct: Decimal) -> FigureFlag | None:
    """The solvency band and a year's required equity assume one total capital: each end of
    the range divided by its end of the band. Flagged, with both figures, when they differ."""
    low, high = record.required_equity_low, record.required_equity_high
    if low is None or high is None or not low_pct or not high_pct:
        return None
    capital_low = (low * 100 / low_pct).quantize(CENT)
    capital_high = (high * 100 / high_pct).quantize(CENT)
    if capital_low == capital_high:
        return None
    return FigureFlag(
        _("Required equity %(year)s against the solvency band") % {"year": record.year},
        _(
            "%(low)s at %(low_pct)s%% and %(high)s at %(high_pct)s%% assume a different total "
            "capital: %(capital_low)s against %(capital_high)s"
        )
        % {
            "low": euro(low, 0),
            "low_pct": low_pct.normalize(),
            "high": euro(high, 0),
            "high_pct": high_pct.normalize(),
            "capital_low": euro(capital_low, 0),
            "capital_high": euro(capital_high, 0),
        },
        [record.required_equity_source] if record.required_equity_source else [],
    )


def figure_flags(organisation_id: int, low_pct: Decimal, high_pct: Decimal) -> list[FigureFlag]:
    """Figures that disagree, each with both figures and its sources: figures a text states
    against those elsewhere, and the required equity against the solvency band."""
    flags = []
    for figure in StatedFigure.objects.filter(organisation_id=organisation_id):
        if figure.differs:
            flags.append(
                FigureFlag(
                    figure.subject,
                    _("The text states %(stated)s, against %(compared)s%(basis)s")
                    % {
                        "stated": euro(figure.stated, 0),
                        "compared": euro(figure.compared, 0),
                        "basis": f" ({figure.basis})" if figure.basis else "",
                    },
                    [figure.stated_source, figure.compared_source],
                )
            )
    years = FinancialYear.objects.filter(
        organisation_id=organisation_id, required_equity_low__isnull=False
    )
    for record in years:
        flag = band_check(record, low_pct, high_pct)
        if flag:
            flags.append(flag)
    return flags
