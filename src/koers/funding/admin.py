"""Money in the admin: to look up, never to change. Grants move only through the pipeline
and budgets change only through the services, which check the rules and keep the audit.

Only for whom Koers shows the money (VIEW_FUNDING): not for a beheerder as such, who has no
money pages; a beheerder who also has a money role sees her own organisation's."""

from __future__ import annotations

from django.contrib import admin

from koers.accounts.admin import OrganisationScopedAdmin
from koers.accounts.roles import Capability
from koers.core.admin_audit import ReadOnlyInline, ReadOnlyModelAdmin
from koers.funding.models import (
    Advance,
    BudgetLine,
    BudgetTable,
    BudgetTableRow,
    Expense,
    FinancialYear,
    Grant,
    GrantStep,
    Obligation,
)


class StepInline(ReadOnlyInline):
    model = GrantStep
    fields = ["status", "on", "reason", "by"]


class ObligationInline(ReadOnlyInline):
    model = Obligation
    fields = ["text", "due_on", "done_on"]


class AdvanceInline(ReadOnlyInline):
    model = Advance
    fields = ["number", "due_on", "amount", "invoice_number", "sent_on", "paid_on"]


@admin.register(Grant)
class GrantAdmin(OrganisationScopedAdmin, ReadOnlyModelAdmin):
    capability = Capability.VIEW_FUNDING
    list_display = ["title", "funder", "kind", "status", "amount_requested", "amount_granted"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "reference"]
    inlines = [StepInline, ObligationInline, AdvanceInline]


@admin.register(BudgetLine)
class BudgetLineAdmin(OrganisationScopedAdmin, ReadOnlyModelAdmin):
    capability = Capability.VIEW_FUNDING
    list_display = ["programme", "year", "direction", "funder", "cost_type", "amount"]
    list_filter = ["year", "direction"]


@admin.register(Expense)
class ExpenseAdmin(OrganisationScopedAdmin, ReadOnlyModelAdmin):
    capability = Capability.VIEW_FUNDING
    list_display = ["date", "programme", "cost_type", "amount", "description"]
    list_filter = ["cost_type"]


@admin.register(FinancialYear)
class FinancialYearAdmin(OrganisationScopedAdmin, ReadOnlyModelAdmin):
    capability = Capability.VIEW_FUNDING
    list_display = ["year", "planned_result", "planned_reserve", "equity", "total_capital"]


class RowInline(ReadOnlyInline):
    model = BudgetTableRow
    fields = ["order", "label", "cells", "stated_total", "is_total", "is_heading"]


@admin.register(BudgetTable)
class BudgetTableAdmin(OrganisationScopedAdmin, ReadOnlyModelAdmin):
    capability = Capability.VIEW_FUNDING
    list_display = ["title", "source"]
    inlines = [RowInline]
