"""Writes to the money records. Each checks permission, runs in a transaction and keeps an
audit entry; views, imports, the demo and tests all come through here."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.core.versioning import ConflictError, lock_for_edit
from koers.funding import pipeline
from koers.funding.access import grant_scope
from koers.funding.models import (
    Advance,
    BudgetLine,
    BudgetTable,
    BudgetTableRow,
    Expense,
    FinancialYear,
    Grant,
    GrantIndicator,
    GrantStatus,
    GrantStep,
    Obligation,
)
from koers.funding.schedule import quarterly
from koers.plans.models import Indicator

GRANT_FIELDS = [
    "funder",
    "kind",
    "title",
    "reference",
    "amount_requested",
    "amount_granted",
    "starts_on",
    "ends_on",
    "decided_on",
    "note",
]
GRANT_LINKS = ["programmes", "activities", "projects"]
GRANT_DOCUMENTS = ["application_document", "decision_document"]


def _require(actor: Any, scope: Scope) -> None:
    if not has_capability(actor, Capability.MANAGE_FUNDING, scope):
        raise PermissionDenied


def _links_of(grant: Grant) -> dict[str, list[int]]:
    return {name: sorted(getattr(grant, name).values_list("pk", flat=True)) for name in GRANT_LINKS}


def _check_links(organisation_id: int, links: dict[str, Any]) -> None:
    """Programmes, activities and projects must be the organisation's own."""
    paths = {
        "programmes": "plan__organisation_id",
        "activities": "programme__plan__organisation_id",
        "projects": "organisation_id",
    }
    for name, records in links.items():
        for record in records:
            owner = record
            for step in paths[name].split("__")[:-1]:
                owner = getattr(owner, step)
            if getattr(owner, paths[name].split("__")[-1]) != organisation_id:
                raise PermissionDenied


@transaction.atomic
def grant_save(
    *,
    actor: Any,
    organisation_id: int,
    values: dict[str, Any],
    links: dict[str, Any] | None = None,
    documents: dict[str, Any] | None = None,
    grant: Grant | None = None,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Grant:
    """Add a grant (as an idea) or change one; a stale `expected_version` raises
    ConflictError with the current record."""
    _require(actor, Scope(organisation_id=organisation_id))
    links = links or {}
    _check_links(organisation_id, links)
    before = None
    if grant is None:
        grant = Grant(organisation_id=organisation_id, status=GrantStatus.IDEA)
    else:
        grant = lock_for_edit(grant, expected_version)
        if grant.organisation_id != organisation_id:
            raise PermissionDenied
        before = {**snapshot(grant, GRANT_FIELDS), **_links_of(grant)}
    for name, value in values.items():
        setattr(grant, name, value)
    for name, upload in (documents or {}).items():
        if upload:
            setattr(grant, name, upload)
    grant.full_clean(exclude=["programmes", "activities", "projects"])
    refusal = _still_valid(grant)
    if refusal:
        raise ValidationError(refusal)
    grant.save()
    for name, records in links.items():
        getattr(grant, name).set(records)
    if before and str(before["amount_granted"]) != str(grant.amount_granted):
        _rebalance_advances(actor, grant, remote_addr)
    audit_write(
        actor=actor,
        action="grant.saved" if before else "grant.created",
        instance=grant,
        before=before,
        after={**snapshot(grant, GRANT_FIELDS + GRANT_DOCUMENTS), **_links_of(grant)},
        remote_addr=remote_addr,
    )
    return grant


def _rebalance_advances(actor: Any, grant: Grant, remote_addr: str | None) -> None:
    """After the amount granted changed (an amended decision), the advances not yet
    invoiced take the difference, by the months they cover, so all advances still add up
    to the amount granted. Refused, with the figures, when they cannot."""
    from koers.funding.schedule import split

    advances = list(grant.advances.order_by("number"))
    if not advances or grant.amount_granted is None:
        return
    invoiced = sum((a.amount for a in advances if a.sent_on), Decimal(0))
    open_advances = [a for a in advances if not a.sent_on]
    remaining = grant.amount_granted - invoiced
    if remaining < 0 or (not open_advances and remaining != 0):
        raise ValidationError(
            _(
                "%(invoiced)s has been invoiced in advances already; the amount granted "
                "cannot become %(granted)s unless the advances not yet invoiced can take the "
                "difference."
            )
            % {"invoiced": invoiced, "granted": grant.amount_granted}
        )
    before = _advance_rows(advances)
    months = [
        (a.period_end.year - a.period_start.year) * 12
        + a.period_end.month
        - a.period_start.month
        + 1
        for a in open_advances
    ]
    for advance, amount in zip(open_advances, split(remaining, months), strict=True):
        advance.amount = amount
        advance.save(update_fields=["amount"])
    audit_write(
        actor=actor,
        action="advances.rebalanced",
        instance=grant,
        before={"advances": before},
        after={"advances": _advance_rows(grant.advances.order_by("number"))},
        remote_addr=remote_addr,
    )


def _still_valid(grant: Grant) -> str | None:
    """A grant past a step keeps what that step needed (no granted grant without amount)."""
    if grant.status in pipeline.DECIDED:
        return pipeline.missing_for(grant, GrantStatus.GRANTED)
    if grant.status == GrantStatus.SUBMITTED:
        return pipeline.missing_for(grant, GrantStatus.SUBMITTED)
    return None


@transaction.atomic
def grant_move(
    *,
    actor: Any,
    grant: Grant,
    to: str,
    on: dt.date,
    reason: str = "",
    remote_addr: str | None = None,
) -> Grant:
    """Move `grant` one step along the pipeline (or one back, with a reason).

    On reaching "granted" the default advance schedule is made when the grant has none.
    Going back from "granted" removes advances not yet sent; sent ones stay and block it.
    """
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    _require(actor, grant_scope(grant))
    refusal = pipeline.refusal(grant, to, reason)
    if refusal:
        raise ValidationError(refusal)
    last = grant.steps.order_by("-on", "-id").first()
    if last and on < last.on and not pipeline.is_back(grant.status, to):
        raise ValidationError(
            _("This step cannot be dated before the previous one (%(date)s).")
            % {"date": last.on.strftime("%d-%m-%Y")}
        )
    going_back_from_grant = grant.status == GrantStatus.GRANTED and to == GrantStatus.SUBMITTED
    if going_back_from_grant:
        if grant.advances.filter(sent_on__isnull=False).exists():
            raise ValidationError(
                _("Advances of this grant have been invoiced; it cannot go back to submitted.")
            )
        _remove_advances(actor, grant, remote_addr)
    previous = grant.status
    grant.status = to
    grant.version += 1
    grant.save(update_fields=["status", "version"])
    GrantStep.objects.create(grant=grant, status=to, on=on, reason=reason.strip(), by=actor)
    audit_write(
        actor=actor,
        action="grant.moved",
        instance=grant,
        before={"status": previous},
        after={"status": to, "on": on.isoformat(), "reason": reason.strip()},
        remote_addr=remote_addr,
    )
    if to == GrantStatus.GRANTED and not grant.advances.exists():
        _make_schedule(actor, grant, remote_addr)
    return grant


def _make_schedule(actor: Any, grant: Grant, remote_addr: str | None) -> list[Advance]:
    assert grant.amount_granted is not None
    advances = [
        Advance(
            grant=grant,
            number=part.number,
            period_start=part.period_start,
            period_end=part.period_end,
            due_on=part.due_on,
            amount=part.amount,
        )
        for part in quarterly(grant.amount_granted, grant.starts_on, grant.ends_on)
    ]
    Advance.objects.bulk_create(advances)
    audit_write(
        actor=actor,
        action="advances.scheduled",
        instance=grant,
        after={"advances": _advance_rows(advances)},
        remote_addr=remote_addr,
    )
    return advances


@transaction.atomic
def advance_schedule_remake(
    *, actor: Any, grant: Grant, remote_addr: str | None = None
) -> list[Advance]:
    """Replace the advances with the default schedule for the amount granted now; refused
    once one of them has been invoiced."""
    grant = Grant.objects.select_for_update().get(pk=grant.pk)
    _require(actor, grant_scope(grant))
    if grant.status not in pipeline.DECIDED or grant.amount_granted is None:
        raise ValidationError(_("Only a granted grant has advances."))
    if grant.advances.filter(sent_on__isnull=False).exists():
        raise ValidationError(
            _("Advances of this grant have been invoiced; change them one by one.")
        )
    _remove_advances(actor, grant, remote_addr)
    return _make_schedule(actor, grant, remote_addr)


def _advance_rows(advances: Any) -> list[list[str]]:
    return [[str(a.number), str(a.due_on), str(a.amount)] for a in advances]


def _remove_advances(actor: Any, grant: Grant, remote_addr: str | None) -> None:
    """Remove the grant's (unsent) advances, keeping in the audit trail what they were."""
    advances = list(grant.advances.order_by("number"))
    if not advances:
        return
    grant.advances.all().delete()
    audit_write(
        actor=actor,
        action="advances.removed",
        instance=grant,
        before={"advances": _advance_rows(advances)},
        after={"advances": []},
        remote_addr=remote_addr,
    )


ADVANCE_FIELDS = ["amount", "due_on", "invoice_number", "sent_on", "paid_on"]


@transaction.atomic
def advance_update(
    *, actor: Any, advance: Advance, remote_addr: str | None = None, **changes: Any
) -> Advance:
    """Change an advance: any of `ADVANCE_FIELDS` given is set, None included, so a date
    entered by mistake can be cleared. Sending numbers the invoice (unless a number is
    given, which must be unused); an invoiced advance keeps its amount and its number."""
    unknown = set(changes) - set(ADVANCE_FIELDS)
    if unknown:
        raise TypeError(f"Not fields of an advance: {sorted(unknown)}")
    advance = Advance.objects.select_for_update().select_related("grant").get(pk=advance.pk)
    _require(actor, grant_scope(advance.grant))
    before = snapshot(advance, ADVANCE_FIELDS)
    if advance.sent_on and "amount" in changes and changes["amount"] != advance.amount:
        raise ValidationError(_("An invoiced advance cannot change its amount."))
    if advance.invoice_number and changes.get("invoice_number", advance.invoice_number) != (
        advance.invoice_number
    ):
        raise ValidationError(_("An invoice number once given does not change."))
    for name, value in changes.items():
        setattr(advance, name, "" if name == "invoice_number" and value is None else value)
    if advance.paid_on and not advance.sent_on:
        raise ValidationError(_("An advance is paid only after it has been sent."))
    if advance.paid_on and advance.sent_on and advance.paid_on < advance.sent_on:
        raise ValidationError(_("The payment date lies before the invoice was sent."))
    if advance.sent_on and not advance.invoice_number:
        advance.invoice_number = _next_invoice_number(advance)
    elif advance.invoice_number != before["invoice_number"] and _number_taken(advance):
        raise ValidationError(
            _("Invoice number %(number)s has been used already.")
            % {"number": advance.invoice_number}
        )
    advance.full_clean()
    advance.save()
    audit_write(
        actor=actor,
        action="advance.changed",
        instance=advance,
        context=f"funding.grant:{advance.grant_id}",
        before=before,
        after=snapshot(advance, ADVANCE_FIELDS),
        remote_addr=remote_addr,
        organisation_id=advance.grant.organisation_id,
    )
    return advance


def _number_taken(advance: Advance) -> bool:
    return (
        Advance.objects.filter(
            grant__organisation_id=advance.grant.organisation_id,
            invoice_number=advance.invoice_number,
        )
        .exclude(pk=advance.pk)
        .exists()
    )


def _next_invoice_number(advance: Advance) -> str:
    """YYYY-NNN per organisation and year of sending: unique, readable, in order.

    The organisation's row is locked first, so two advances sent at the same moment (of
    different grants) cannot both take the highest number plus one."""
    from koers.directory.models import Organisation

    assert advance.sent_on is not None
    Organisation.objects.select_for_update().filter(pk=advance.grant.organisation_id).first()
    year = advance.sent_on.year
    taken = Advance.objects.filter(
        grant__organisation_id=advance.grant.organisation_id,
        invoice_number__startswith=f"{year}-",
    ).values_list("invoice_number", flat=True)
    numbers = [int(text.split("-", 1)[1]) for text in taken if text.split("-", 1)[1].isdigit()]
    return f"{year}-{max(numbers, default=0) + 1:03d}"


@transaction.atomic
def obligation_add(
    *, actor: Any, grant: Grant, text: str, due_on: dt.date, remote_addr: str | None = None
) -> Obligation:
    _require(actor, grant_scope(grant))
    obligation = Obligation(grant=grant, text=text.strip(), due_on=due_on)
    obligation.full_clean()
    obligation.save()
    audit_write(
        actor=actor,
        action="obligation.added",
        instance=obligation,
        context=f"funding.grant:{grant.pk}",
        after=snapshot(obligation, ["text", "due_on"]),
        remote_addr=remote_addr,
        organisation_id=grant.organisation_id,
    )
    return obligation


@transaction.atomic
def obligation_done_set(
    *, actor: Any, obligation: Obligation, on: dt.date | None, remote_addr: str | None = None
) -> Obligation:
    """Mark an obligation met on `on`, or open again with `on=None`."""
    obligation = (
        Obligation.objects.select_for_update().select_related("grant").get(pk=obligation.pk)
    )
    _require(actor, grant_scope(obligation.grant))
    before = snapshot(obligation, ["done_on"])
    obligation.done_on = on
    obligation.save(update_fields=["done_on"])
    audit_write(
        actor=actor,
        action="obligation.done" if on else "obligation.reopened",
        instance=obligation,
        context=f"funding.grant:{obligation.grant_id}",
        before=before,
        after=snapshot(obligation, ["done_on"]),
        remote_addr=remote_addr,
        organisation_id=obligation.grant.organisation_id,
    )
    return obligation


@transaction.atomic
def grant_indicator_set(
    *,
    actor: Any,
    grant: Grant,
    indicator: Indicator,
    year: int,
    agreed_target: Decimal,
    remote_addr: str | None = None,
) -> GrantIndicator:
    """Record (or change) the target the funder agreed for one of the plan's indicators."""
    _require(actor, grant_scope(grant))
    if indicator.activity.programme.plan.organisation_id != grant.organisation_id:
        raise PermissionDenied
    if not grant.starts_on.year <= year <= grant.ends_on.year:
        raise ValidationError(
            _("The year %(year)s lies outside the grant's period.") % {"year": year}
        )
    if agreed_target < 0:
        raise ValidationError(_("A target cannot be negative."))
    row, created = GrantIndicator.objects.select_for_update().get_or_create(
        grant=grant, indicator=indicator, year=year, defaults={"agreed_target": agreed_target}
    )
    before = None if created else snapshot(row, ["agreed_target"])
    if not created:
        row.agreed_target = agreed_target
        row.save(update_fields=["agreed_target"])
    audit_write(
        actor=actor,
        action="grant_indicator.set",
        instance=row,
        context=f"funding.grant:{grant.pk}",
        before=before,
        after={"indicator": indicator.pk, "year": year, "agreed_target": str(agreed_target)},
        remote_addr=remote_addr,
        organisation_id=grant.organisation_id,
    )
    return row


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
    _require(actor, Scope(organisation_id=organisation_id))
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
    _require(actor, Scope(organisation_id=organisation_id))
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
    _require(actor, Scope(organisation_id=organisation_id))
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
    is_heading, note, goal). A table of the same title is replaced; it keeps its funder
    unless another is given, and the audit entry keeps the rows it had."""
    _require(actor, Scope(organisation_id=organisation_id))
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
