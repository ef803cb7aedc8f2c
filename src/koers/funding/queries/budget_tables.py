"""Stated budget tables cross-footed: a stated total that is not the sum of its parts is
shown with both figures, never silently corrected."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from koers.funding.models import BudgetTable
from koers.funding.queries.figures import ZERO

SUBTOTAL = re.compile(r"^\s*sub", re.IGNORECASE)


@dataclass
class CheckedRow:
    label: str
    amounts: list[Decimal | None]
    stated_total: Decimal | None
    computed_total: Decimal
    is_total: bool
    is_heading: bool
    note: str
    text_figure: Decimal | None = None
    text_source: str = ""

    @property
    def mismatch(self) -> bool:
        return self.stated_total is not None and self.stated_total != self.computed_total

    @property
    def text_mismatch(self) -> bool:
        """The text states another figure for the row than the table does (its stated
        total, or the sum of its cells where it states none)."""
        table_figure = self.computed_total if self.stated_total is None else self.stated_total
        return self.text_figure is not None and self.text_figure != table_figure

    @property
    def is_subtotal(self) -> bool:
        return self.is_total and SUBTOTAL.match(self.label) is not None


@dataclass(frozen=True)
class Mismatch:
    """A stated total of a total row that is not the sum of the rows it totals: in a column
    (`column` is its name), or in the total column (`column` is None)."""

    row: str
    column: str | None
    stated: Decimal
    parts: Decimal


@dataclass
class CheckedTable:
    table: BudgetTable
    rows: list[CheckedRow]
    mismatches: list[Mismatch]

    @property
    def flags(self) -> int:
        return sum(1 for row in self.rows if row.mismatch) + len(self.mismatches)

    @property
    def text_flags(self) -> int:
        """Rows whose figure in the text is not the table's."""
        return sum(1 for row in self.rows if row.text_mismatch)


def cross_foot(table: BudgetTable, rows: list[Any] | None = None) -> CheckedTable:
    """Check every stated total of `table` against the sum of its parts.

    A row's stated total against its cells. A total row against the detail rows it totals,
    column by column and in the total column: a subtotal ("Subtotaal …") totals the rows
    since the previous total of any kind, a total ("Totaal …") those since the previous
    total that was not a subtotal. Nothing is corrected; every difference is reported with
    its row and column. `rows` (unsaved) check a table before it is stored, as the
    import's dry run does."""
    checked: list[CheckedRow] = []
    mismatches: list[Mismatch] = []
    since_total: list[CheckedRow] = []  # detail rows since the last total of any kind
    since_grand: list[CheckedRow] = []  # detail rows since the last total that was not a sub
    for row in table.rows.all() if rows is None else rows:
        amounts = row.amounts
        item = CheckedRow(
            label=row.label,
            amounts=amounts,
            stated_total=row.stated_total,
            computed_total=sum((a for a in amounts if a is not None), ZERO),
            is_total=row.is_total,
            is_heading=row.is_heading,
            note=row.note,
            text_figure=getattr(row, "text_figure", None),
            text_source=getattr(row, "text_source", ""),
        )
        checked.append(item)
        if item.is_heading:
            continue
        if not item.is_total:
            since_total.append(item)
            since_grand.append(item)
            continue
        block = since_total if item.is_subtotal else since_grand
        if block:
            mismatches.extend(_total_row_mismatches(item, block, table.columns))
        since_total = []
        if not item.is_subtotal:
            since_grand = []
    return CheckedTable(table, checked, mismatches)


def _total_row_mismatches(
    total: CheckedRow, block: list[CheckedRow], columns: list[str]
) -> list[Mismatch]:
    found = []
    for index, column in enumerate(columns):
        stated = total.amounts[index] if index < len(total.amounts) else None
        parts = sum((r.amounts[index] or ZERO for r in block if index < len(r.amounts)), ZERO)
        if stated is not None and stated != parts:
            found.append(Mismatch(total.label, column, stated, parts))
    stated_parts = [r.stated_total for r in block if r.stated_total is not None]
    if total.stated_total is not None and stated_parts:
        parts_total = sum(stated_parts, ZERO)
        if parts_total != total.stated_total:
            found.append(Mismatch(total.label, None, total.stated_total, parts_total))
    return found


def tables_with_flags(tables: QuerySet[BudgetTable]) -> list[CheckedTable]:
    return [cross_foot(t) for t in tables.prefetch_related("rows").select_related("funder")]
