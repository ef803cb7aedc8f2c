"""Import of budgets from CSV or Excel, with a dry run, in two shapes.

**Budget lines** — one row per line; first row the column names (Dutch or English, any
order, case ignored):

| column | also | required | content |
| --- | --- | --- | --- |
| jaar | year | yes | 2021 |
| programma | programme | yes | the programme's code (PG) or name |
| soort | direction, kind | yes | inkomsten or kosten (income or costs) |
| financier | funder | for income | the organisation's name or short name |
| kostensoort | cost type | for costs | personeel, materiaal, inhuur, overhead or overig |
| omschrijving | description | no | |
| bedrag | amount | yes | 1.234,56 or 1234.56; a euro sign is allowed |
| van, tot | from, up to | no | the range where the plan gives a bandwidth |

Every row is checked by the same rules as the form; nothing is saved while any row fails
unless the user chooses to skip failing rows, which can then be downloaded.

**A budget table as a document states it** — the first row holds the column names (the
first cell is the label column; a last column named "totaal" or "total" holds each row's
stated total); a row whose label starts with "totaal" or "total" is a total row; a row with
a label and no amounts is a heading. The dry run shows the table with its cross-foot
check before anything is stored.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from koers.core import tables
from koers.core.forms import TextLimit
from koers.core.tables import unstorable_cell
from koers.core.text import first_unstorable
from koers.directory.models import Organisation
from koers.funding import services
from koers.funding.models import BudgetLine, BudgetTableRow, CostType, Direction
from koers.plans.models import Programme

MAX_ROWS = 5000
COLUMNS = {
    "year": ("jaar", "year"),
    "programme": ("programma", "programme", "program"),
    "direction": ("soort", "direction", "kind", "inkomsten of kosten"),
    "funder": ("financier", "funder"),
    "cost_type": ("kostensoort", "cost type", "cost_type"),
    "description": ("omschrijving", "description"),
    "amount": ("bedrag", "amount"),
    "amount_low": ("van", "from", "bandbreedte van"),
    "amount_high": ("tot", "up to", "to", "bandbreedte tot"),
}
DIRECTIONS = {
    "inkomsten": Direction.INCOME,
    "income": Direction.INCOME,
    "kosten": Direction.COST,
    "costs": Direction.COST,
    "cost": Direction.COST,
}
COST_TYPES = {
    "personeel": CostType.PERSONNEL,
    "materiaal": CostType.MATERIAL,
    "inhuur": CostType.HIRE,
    "overhead": CostType.OVERHEAD,
    "overig": CostType.OTHER,
    **{choice.value: choice for choice in CostType},
}
TOTAL_LABEL = re.compile(r"^\s*(totaal|total)\b", re.IGNORECASE)


def parse_money(text: str) -> Decimal | None:
    """Euros as people type them: "1.234,56", "€ 1234.56", "-50.000". Empty → None.

    With both separators the last one is the decimal one; points that split the digits in
    groups of three are thousands separators ("1.500" is fifteen hundred, "0.500" a half).
    Numbers from Excel cells arrive with a decimal comma (koers.core.tables), so they are
    never mistaken for thousands."""
    cleaned = text.replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
    if not cleaned or cleaned in ("-", "—"):
        return None
    if "," in cleaned and "." in cleaned:
        decimal = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal, ".")
    elif "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?[1-9]\d{0,2}(\.\d{3})+", cleaned):
        cleaned = cleaned.replace(".", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", cleaned):
        raise ValueError(_("'%(value)s' is not an amount.") % {"value": text})
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(_("'%(value)s' is not an amount.") % {"value": text}) from None
    if not value.is_finite():
        raise ValueError(_("'%(value)s' is not an amount.") % {"value": text})
    if abs(value) >= Decimal(10) ** 12:
        raise ValueError(_("'%(value)s' is too large.") % {"value": text})
    if value != value.quantize(Decimal("0.01")):
        raise ValueError(_("'%(value)s' has more than two decimals.") % {"value": text})
    return value.quantize(Decimal("0.01"))


# --- budget lines ----------------------------------------------------------------------------


def read(path: Path) -> list[list[str]]:
    """The file's rows, with one more than allowed when it is longer (see `check_lines`
    and `read_stated_table`)."""
    return tables.read_table(path, MAX_ROWS)


def check_lines(rows: list[list[str]], *, organisation_id: int) -> tables.ImportReport:
    """Validate every row; saves nothing. Each passing row carries its unsaved line."""
    report, header = tables.begin(
        rows, COLUMNS, required=("year", "programme", "direction", "amount"), max_rows=MAX_ROWS
    )
    if header is None:
        return report
    programmes: dict[str, Programme] = {}
    for programme in Programme.objects.filter(plan__organisation_id=organisation_id):
        programmes[programme.name.lower()] = programme
        if programme.code:
            programmes[programme.code.lower()] = programme
    funders: dict[str, Organisation] = {}
    for organisation in Organisation.objects.exclude(pk=organisation_id):
        funders.setdefault(organisation.name.lower(), organisation)
        if organisation.short_name:
            funders.setdefault(organisation.short_name.lower(), organisation)
    for line, raw, values in tables.data_rows(rows, header):
        row = tables.ImportRow(line, raw, values)
        report.rows.append(row)
        _check_line(row, organisation_id, programmes, funders)
    _check_repeats(report, organisation_id)
    return report


def _key(line: BudgetLine) -> tuple[Any, ...]:
    return (
        line.programme_id,
        line.year,
        line.direction,
        line.funder_id,
        line.cost_type,
        line.description,
        line.amount,
    )


def _check_repeats(report: tables.ImportReport, organisation_id: int) -> None:
    """A line already in the budget, or given twice in the file, is a problem of its row:
    importing the same file twice must not double the budget."""
    years = {row.record.year for row in report.passing}
    existing = {
        _key(line)
        for line in BudgetLine.objects.filter(organisation_id=organisation_id, year__in=years)
    }
    seen: dict[tuple[Any, ...], int] = {}
    for row in report.passing:
        key = _key(row.record)
        if key in existing:
            row.problems.append(_("This line is in the budget already."))
        elif key in seen:
            row.problems.append(
                _("The same line is in row %(row)s of the file.") % {"row": seen[key]}
            )
        else:
            seen[key] = row.line
            continue
        row.record = None


def _check_line(
    row: tables.ImportRow,
    organisation_id: int,
    programmes: dict[str, Programme],
    funders: dict[str, Organisation],
) -> None:
    values, problems = row.values, row.problems
    year = int(values["year"]) if re.fullmatch(r"\d{4}", values["year"]) else None
    if year is None:
        problems.append(_("'%(value)s' is not a year.") % {"value": values["year"]})
    programme = programmes.get(values["programme"].lower())
    if programme is None:
        problems.append(_("'%(value)s' is not a programme here.") % {"value": values["programme"]})
    direction = DIRECTIONS.get(values["direction"].lower())
    if direction is None:
        problems.append(
            _("'%(value)s' is neither income (inkomsten) nor costs (kosten).")
            % {"value": values["direction"]}
        )
    funder = None
    if values.get("funder"):
        funder = funders.get(values["funder"].lower())
        if funder is None:
            problems.append(_("'%(value)s' is not known here.") % {"value": values["funder"]})
    cost_type = ""
    if values.get("cost_type"):
        cost_type = COST_TYPES.get(values["cost_type"].lower(), "")
        if not cost_type:
            problems.append(
                _(
                    "'%(value)s' is not a cost type "
                    "(personeel, materiaal, inhuur, overhead, overig)."
                )
                % {"value": values["cost_type"]}
            )
    amounts: dict[str, Decimal | None] = {}
    for name in ("amount", "amount_low", "amount_high"):
        try:
            amounts[name] = parse_money(values.get(name, ""))
        except ValueError as error:
            problems.append(str(error))
    if "amount" in amounts and amounts["amount"] is None:
        problems.append(_("Amount missing."))
    amount = amounts.get("amount")
    if problems or year is None or direction is None or amount is None:
        return
    line = BudgetLine(
        organisation_id=organisation_id,
        programme=programme,
        funder=funder,
        year=year,
        direction=direction,
        cost_type=cost_type,
        description=values.get("description", ""),
        amount=amount,
        amount_low=amounts.get("amount_low"),
        amount_high=amounts.get("amount_high"),
    )
    try:
        line.full_clean()
    except ValidationError as error:
        problems.extend(error.messages)
        return
    row.record = line


@transaction.atomic
def apply_lines(
    report: tables.ImportReport,
    *,
    actor: Any,
    organisation_id: int,
    skip_failing: bool,
    remote_addr: str | None,
) -> int:
    """Save the passing rows through the service (permission and audit per line); refuses
    while rows fail unless skipping them."""
    report.refuse_unless_importable(skip_failing=skip_failing)
    for row in report.passing:
        line = row.record
        services.budget_line_save(
            actor=actor,
            organisation_id=organisation_id,
            values={name: getattr(line, name) for name in services.BUDGET_FIELDS},
            remote_addr=remote_addr,
        )
    return len(report.passing)


# --- a stated table --------------------------------------------------------------------------


LABEL_LENGTH = BudgetTableRow._meta.get_field("label").max_length or 200


def _label_problem(label: str) -> str | None:
    """Why a row's label cannot be stored as it is (too long, or a character the database
    or the documents cannot hold), or None; a label is never cut short."""
    if found := first_unstorable(label):
        return unstorable_cell(0, *found)
    try:
        TextLimit(LABEL_LENGTH)(label)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def read_stated_table(rows: list[list[str]]) -> tuple[list[str], list[dict[str, Any]], list[str]]:
    """(columns, rows for `budget_table_store`, problems) from a table as a document has it."""
    if tables.longer_than(rows, MAX_ROWS):
        return [], [], [tables.too_long(MAX_ROWS)]
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if len(rows) < 2:
        return [], [], [_("The table needs a row of column names and at least one row.")]
    header = [cell.strip() for cell in rows[0]]
    while header and not header[-1]:
        header.pop()
    has_total = bool(header) and TOTAL_LABEL.match(header[-1]) is not None
    columns = header[1:-1] if has_total else header[1:]
    if not columns:
        return [], [], [_("The table has no columns with amounts.")]
    problems: list[str] = []
    parsed: list[dict[str, Any]] = []
    for number, raw in enumerate(rows[1:], start=2):
        label = raw[0].strip() if raw else ""
        cells = [(raw[i].strip() if i < len(raw) else "") for i in range(1, len(columns) + 1)]
        total_cell = (
            raw[len(columns) + 1].strip() if has_total and len(raw) > len(columns) + 1 else ""
        )
        try:
            amounts = [parse_money(cell) for cell in cells]
            stated = parse_money(total_cell)
        except ValueError as error:
            problems.append(_("Row %(row)s: %(problem)s") % {"row": number, "problem": error})
            continue
        if not label:
            problems.append(_("Row %(row)s has no label.") % {"row": number})
            continue
        if problem := _label_problem(label):
            problems.append(_("Row %(row)s: %(problem)s") % {"row": number, "problem": problem})
            continue
        if all(a is None for a in amounts) and stated is None:
            parsed.append({"label": label, "is_heading": True, "cells": []})
            continue
        parsed.append(
            {
                "label": label,
                "cells": amounts,
                "stated_total": stated,
                "is_total": TOTAL_LABEL.match(label) is not None,
            }
        )
    return columns, parsed, problems


def existing_table(organisation_id: int, title: str) -> bool:
    from koers.funding.models import BudgetTable

    return BudgetTable.objects.filter(Q(organisation_id=organisation_id), title=title).exists()
