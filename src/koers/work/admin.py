"""Reference data of hours in the admin, each beheerder seeing her own organisations only.

Time entries, weeks and closed months are not here: they change only through the
services, which hold the rules (and the model refuses changes to closed months anyway).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from koers.accounts.admin import administered_organisations
from koers.core.admin_audit import AuditedModelAdmin
from koers.directory.models import Organisation
from koers.work.models import Contract, CostRate, Project, StaffProfile, Team, TimeCategory
from koers.work.services import check_project


class OwnOrganisationAdmin(AuditedModelAdmin):
    """Rows and organisation choices limited to the organisations she administers."""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        rows = super().get_queryset(request)
        scope = administered_organisations(request)
        return rows if scope is None else rows.filter(organisation_id__in=scope)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        scope = administered_organisations(request)
        if db_field.name == "organisation" and scope is not None:
            kwargs["queryset"] = Organisation.objects.filter(pk__in=scope)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ContractInline(admin.TabularInline):
    model = Contract
    extra = 0


class CostRateInline(admin.TabularInline):
    model = CostRate
    extra = 0


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


class ProjectAdminForm(forms.ModelForm[Project]):
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
