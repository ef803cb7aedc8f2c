"""Writes to budgets: planned lines, expenses, the financial position of a year and
stated budget tables."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope
from koers.core.audit import audit_write, snapshot
from koers.core.versioning import ConflictError
from koers.funding.access import require_manage_funding
from koers.funding.models import BudgetLine, BudgetTable, BudgetTableRow, Expense, FinancialYear

BUDGET_FIELDS = [
    "programme",
    "funder",
    "year",
    "direction",
    "cost_type",
    "description",
    "amount",
    "amount_low",
    "amount_high",
]


@transaction.atomic
def budget_line_save(
    *,
    actor: Any,
    organisation_id: int,
    values: dict[str, Any],
    line: BudgetLine | None = None,
    remote_addr: str | None = None,
) -> BudgetLine:
    require_manage_funding(actor, Scope(organisation_id=organisation_id))
    programme = values.get("programme") or (line.programme if line else None)
    if programme is None or programme.plan.organisation_id != organisation_id:
        raise PermissionDenied
    before = None
    if line is None:
        line = BudgetLine(organisation_id=organisation_id)
    else:
        line = BudgetLine.objects.select_for_update().get(pk=line.pk)
        if line.organisation_id != organisation_id:
            raise PermissionDenied
        before = snapshot(line, BUDGET_FIELDS)
    for name, value in values.items():
        setattr(line, name, value)
    line.full_clean()
    line.save()
    audit_write(
        actor=actor,
        action="budget_line.saved" if before else "budget_line.created",
        instance=line,
        before=before,
        after=snapshot(line, BUDGET_FIELDS),
        remote_addr=remote_addr,
    )
    return line


EXPENSE_FIELDS = ["programme", "funder", "date", "cost_type", "amount", "description"]


@transaction.atomic
def expense_record(
    *,
    actor: Any,
    organisation_id: int,
    values: dict[str, Any],
    remote_addr: str | None = None,
) -> Expense:
    require_manage_funding(actor, Scope(organisation_id=organisation_id))
    programme = values["programme"]
    if programme.plan.organisation_id != organisation_id:
        raise PermissionDenied
    expense = Expense(organisation_id=organisation_id, **values)
    expense.full_clean()
    expense.save()
    audit_write(
        actor=actor,
        action="expense.recorded",
        instance=expense,
        after=snapshot(expense, EXPENSE_FIELDS),
        remote_addr=remote_addr,
    )
    return expense


POSITION_FIELDS = [
    "planned_result",
    "realised_result",
    "planned_reserve",
    "realised_reserve",
    "equity",
    "total_capital",
    "required_equity_low",
    "required_equity_high",
    "required_equity_source",
    "note",
]


@transaction.atomic
def financial_year_save(
    *,
    actor: Any,
    organisation_id: int,
    year: int,
    values: dict[str, Any],
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> FinancialYear:
    require_manage_funding(actor, Scope(organisation_id=organisation_id))
    record, created = FinancialYear.objects.select_for_update().get_or_create(
        organisation_id=organisation_id, year=year
    )
    if not created and expected_version is not None and record.version != expected_version:
        raise ConflictError(record)
    before = None if created else snapshot(record, POSITION_FIELDS)
    for name, value in values.items():
        setattr(record, name, value)
    if not created:
        record.version += 1
    record.full_clean()
    record.save()
    audit_write(
        actor=actor,
        action="financial_year.saved",
        instance=record,
        before=before,
        after=snapshot(record, POSITION_FIELDS),
        remote_addr=remote_addr,
    )
    return record


_KEEP: Any = object()  # "leave as it is" for budget_table_store's optional settings


def _table_rows(table: BudgetTable) -> list[list[Any]]:
    return [[row.label, row.cells, str(row.stated_total)] for row in table.rows.all()]


@transaction.atomic
def budget_table_store(
    *,
    actor: Any,
    organisation_id: int,
    title: str,
    columns: list[str],
    rows: list[dict[str, Any]],
    source: str = "",
    funder: Any = _KEEP,
    has_total_column: Any = _KEEP,
    remote_addr: str | None = None,
) -> BudgetTable:
    """Store a stated budget table as given (rows: label, cells, stated_total, is_total,
    is_heading, note, goal, and text_figure with text_source where the text states
    another figure for the row). A table of the same title is replaced; it keeps its funder
    unless another is given, and the audit entry keeps the rows it had."""
    require_manage_funding(actor, Scope(organisation_id=organisation_id))
    for row in rows:
        cells = row.get("cells", [])
        if not row.get("is_heading") and len(cells) != len(columns):
            raise ValidationError(
                _("Row “%(label)s” has %(cells)s amounts for %(columns)s columns.")
                % {"label": row["label"], "cells": len(cells), "columns": len(columns)}
            )
    table, created = BudgetTable.objects.select_for_update().get_or_create(
        organisation_id=organisation_id, title=title
    )
    before = None if created else {"columns": table.columns, "rows": _table_rows(table)}
    table.columns = columns
    table.source = source
    if funder is not _KEEP:
        table.funder = funder
    if has_total_column is not _KEEP:
        table.has_total_column = has_total_column
    table.save()
    table.rows.all().delete()
    BudgetTableRow.objects.bulk_create(
        BudgetTableRow(
            table=table,
            order=order,
            label=row["label"],
            is_total=row.get("is_total", False),
            is_heading=row.get("is_heading", False),
            cells=[None if cell is None else str(cell) for cell in row.get("cells", [])],
            stated_total=row.get("stated_total"),
            note=row.get("note", ""),
            text_figure=row.get("text_figure"),
            text_source=row.get("text_source", ""),
            goal=row.get("goal"),
        )
        for order, row in enumerate(rows)
    )
    audit_write(
        actor=actor,
        action="budget_table.stored",
        instance=table,
        before=before,
        after={"columns": columns, "rows": _table_rows(table)},
        remote_addr=remote_addr,
    )
    return table
