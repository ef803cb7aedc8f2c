"""Reference data of hours in the admin, each beheerder seeing her own organisations only.

Time entries, weeks and closed months are not here: they change only through the
services, which hold the rules (and the model refuses changes to closed months anyway).
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from koers.accounts.admin import OrganisationScopedAdmin
from koers.core.admin_audit import AuditedModelAdmin
from koers.core.forms import ModelForm
from koers.work.models import (
    Contract,
    CostRate,
    HoursBudget,
    Project,
    StaffProfile,
    Team,
    TimeCategory,
)
from koers.work.services import check_project


class OwnOrganisationAdmin(OrganisationScopedAdmin, AuditedModelAdmin):
    """Audited, and limited to the beheerder's own organisations."""

    scoped_choices = {"programme": "plan__organisation", "team": "organisation"}


class ContractInline(admin.TabularInline):
    model = Contract
    extra = 0


class CostRateInline(admin.TabularInline):
    model = CostRate
    extra = 0


class ProjectBudgetInline(admin.TabularInline):
    model = HoursBudget
    fk_name = "project"
    fields = ["year", "hours", "money"]
    extra = 0


@admin.register(HoursBudget)
class HoursBudgetAdmin(OrganisationScopedAdmin, AuditedModelAdmin):
    """Budgets of activities (per year); a project's budgets per year are on the project."""

    organisation_path = "activity__programme__plan__organisation"
    scoped_choices = {"activity": "programme__plan__organisation"}
    list_display = ["activity", "year", "hours", "money"]
    list_filter = ["year"]
    fields = ["activity", "year", "hours", "money"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).filter(activity__isnull=False)


@admin.register(Team)
class TeamAdmin(OwnOrganisationAdmin):
    list_display = ["name", "organisation"]


@admin.register(StaffProfile)
class StaffProfileAdmin(OwnOrganisationAdmin):
    list_display = ["user", "team", "coordinator", "organisation"]
    list_filter = ["team"]
    inlines = [ContractInline, CostRateInline]
    autocomplete_fields = ["user", "coordinator"]


@admin.register(TimeCategory)
class TimeCategoryAdmin(OwnOrganisationAdmin):
    list_display = ["name", "direct", "needs_note", "active", "organisation"]
    list_filter = ["direct", "active"]


class ProjectAdminForm(ModelForm[Project]):
    """Checks the same rules as the service (co-financing, the separate-project date)."""

    class Meta:
        model = Project
        fields = [
            "organisation",
            "programme",
            "handover_by",
            "code",
            "title",
            "activities",
            "funder",
            "partner",
            "municipality",
            "starts_on",
            "ends_on",
            "hours_budget",
            "programme_hours",
            "money_budget",
            "status",
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        candidate = Project(
            **{
                name: data.get(name)
                for name in (
                    "programme",
                    "handover_by",
                    "partner",
                    "hours_budget",
                    "programme_hours",
                    "starts_on",
                    "ends_on",
                )
            }
        )
        if candidate.starts_on:
            check_project(candidate)
        return data


@admin.register(Project)
class ProjectAdmin(OwnOrganisationAdmin):
    form = ProjectAdminForm
    list_display = ["code", "title", "programme", "status", "starts_on", "ends_on"]
    list_filter = ["status", "programme"]
    search_fields = ["code", "title"]
    filter_horizontal = ["activities"]
    inlines = [ProjectBudgetInline]
