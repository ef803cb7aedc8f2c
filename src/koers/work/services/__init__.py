"""Writes in work, one module per concern; each runs in a transaction, checks the actor's
permission and leaves an audit entry. Re-exported here: callers use `koers.work.services`."""

from __future__ import annotations

from koers.work.services.months import (
    entry_correct,
    month_close,
)
from koers.work.services.products import (
    product_register,
    product_review,
)
from koers.work.services.projects import (
    PROJECT_FIELDS,
    project_save,
)
from koers.work.services.weeks import (
    Cell,
    week_approve,
    week_return,
    week_save,
    week_submit,
)

__all__ = [
    "PROJECT_FIELDS",
    "Cell",
    "entry_correct",
    "month_close",
    "product_register",
    "product_review",
    "project_save",
    "week_approve",
    "week_return",
    "week_save",
    "week_submit",
]
