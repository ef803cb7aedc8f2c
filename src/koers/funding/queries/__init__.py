"""Read-side of the money, by concern: the pipeline of grants, the advances, budget against
realisation, the financial position and the stated budget tables. Every total is summed
in the database. The names are re-exported here, so `queries.budget_overview` is the one
way to call them."""

from koers.funding.queries.advances import AdvancesOverview, advances_overview
from koers.funding.queries.budget_tables import (
    SUBTOTAL,
    CheckedRow,
    CheckedTable,
    Mismatch,
    cross_foot,
    tables_with_flags,
)
from koers.funding.queries.budgets import budget_overview, hours_cost
from koers.funding.queries.figures import CENT, ZERO, BudgetOverview, Money, ProgrammeBudget
from koers.funding.queries.grants import (
    Stage,
    applications_by_funder,
    pipeline_position,
    pipeline_stages,
    with_step_dates,
)
from koers.funding.queries.position import (
    PositionRow,
    planned_result_total,
    position,
    solvency_band,
)
from koers.funding.queries.risks import (
    Coverage,
    FigureFlag,
    ReservePlan,
    band_check,
    ceiling_check,
    coverage,
    equity_check,
    figure_flags,
    register_totals,
    reserve_plans,
    risk_register,
)

__all__ = [
    "CENT",
    "SUBTOTAL",
    "ZERO",
    "AdvancesOverview",
    "BudgetOverview",
    "CheckedRow",
    "CheckedTable",
    "Coverage",
    "FigureFlag",
    "Mismatch",
    "Money",
    "PositionRow",
    "ProgrammeBudget",
    "ReservePlan",
    "Stage",
    "advances_overview",
    "applications_by_funder",
    "band_check",
    "budget_overview",
    "ceiling_check",
    "coverage",
    "cross_foot",
    "equity_check",
    "figure_flags",
    "hours_cost",
    "pipeline_position",
    "pipeline_stages",
    "planned_result_total",
    "position",
    "register_totals",
    "reserve_plans",
    "risk_register",
    "solvency_band",
    "tables_with_flags",
    "with_step_dates",
]
