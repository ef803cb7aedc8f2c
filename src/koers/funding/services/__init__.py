"""Writes to the money records, by concern (grants, advances, budgets). Each checks
permission, runs in a transaction and keeps an audit entry; views, imports, the demo and
tests all come through here. The names are re-exported, so `services.grant_save` is the
one way to call them."""

from koers.funding.services.advances import (
    ADVANCE_FIELDS,
    advance_schedule_remake,
    advance_schedule_set,
    advance_update,
)
from koers.funding.services.budgets import (
    BUDGET_FIELDS,
    EXPENSE_FIELDS,
    POSITION_FIELDS,
    budget_line_save,
    budget_table_store,
    expense_record,
    financial_year_save,
)
from koers.funding.services.grants import (
    GRANT_DOCUMENTS,
    GRANT_FIELDS,
    GRANT_LINKS,
    grant_indicator_set,
    grant_move,
    grant_save,
    obligation_add,
    obligation_done_set,
)
from koers.funding.services.risks import (
    RISK_FIELDS,
    earmarked_reserve_store,
    risk_save,
    stated_figure_store,
)

__all__ = [
    "ADVANCE_FIELDS",
    "BUDGET_FIELDS",
    "EXPENSE_FIELDS",
    "GRANT_DOCUMENTS",
    "GRANT_FIELDS",
    "GRANT_LINKS",
    "POSITION_FIELDS",
    "RISK_FIELDS",
    "advance_schedule_remake",
    "advance_schedule_set",
    "advance_update",
    "budget_line_save",
    "budget_table_store",
    "earmarked_reserve_store",
    "expense_record",
    "financial_year_save",
    "grant_indicator_set",
    "grant_move",
    "grant_save",
    "obligation_add",
    "obligation_done_set",
    "risk_save",
    "stated_figure_store",
]
