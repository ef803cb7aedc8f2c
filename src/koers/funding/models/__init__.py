"""Money: grants and their cycle, advances, budgets, stated budget tables, the position.

Amounts are `Decimal` euros with two places throughout; totals are summed in the
database. The models live in modules by concern; this package re-exports them, so
`koers.funding.models.Grant` stays the one name.
"""

from koers.funding.models.budgets import (
    BudgetLine,
    BudgetTable,
    BudgetTableRow,
    CostType,
    Direction,
    Expense,
    FinancialYear,
)
from koers.funding.models.fields import money_field
from koers.funding.models.grants import (
    Advance,
    Grant,
    GrantIndicator,
    GrantKind,
    GrantQuerySet,
    GrantStatus,
    GrantStep,
    Obligation,
)
from koers.funding.models.risks import (
    EarmarkedReserve,
    ReserveAddition,
    Risk,
    RiskQuerySet,
    StatedFigure,
)

__all__ = [
    "Advance",
    "BudgetLine",
    "BudgetTable",
    "BudgetTableRow",
    "CostType",
    "Direction",
    "EarmarkedReserve",
    "Expense",
    "FinancialYear",
    "Grant",
    "GrantIndicator",
    "GrantKind",
    "GrantQuerySet",
    "GrantStatus",
    "GrantStep",
    "Obligation",
    "ReserveAddition",
    "Risk",
    "RiskQuerySet",
    "StatedFigure",
    "money_field",
]
