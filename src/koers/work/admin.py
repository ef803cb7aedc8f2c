"""Reference data of hours in the admin, each beheerder seeing her own organisations only.

Time entries, weeks and closed months are not here: they change only through the
services, which hold the rules (and the model refuses changes to closed months anyway).
A project saves through the same service as Koers's project page (checks, audit entry,
version), so a form opened in Koers before the admin's change cannot overwrite it.

Contracts, cost rates, hours budgets and projects need the capability Koers's own pages
ask for them (capacity, money, projects), which a beheerder as such does not hold: give
whoever keeps them (operations) the beheerder role as well.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from koers.accounts.admin import OrganisationScopedAdmin
from koers.accounts.roles import Capability
from koers.core.admin_audit import AuditedModelAdmin, ServiceSavedModelAdmin
from koers.core.forms import ModelForm
from koers.core.http import client_address
from koers.core.versioning import ConflictError
from koers.work.models import (
    Contract,
    CostRate,
    HoursBudget,
    Project,
    StaffProfile,
    Team,
    TimeCategory,
)
from koers.work.services import PROJECT_FIELDS, project_save
from koers.work.validators import validate_project


class OwnOrganisationAdmin(OrganisationScopedAdmin, AuditedModelAdmin):
    """Audited, and limited to the beheerder's own organisations."""

    scoped_choices = {
        "programme": "plan__organisation",
        "team": "organisation",
        "user": "memberships__organisation",
        "coordinator": "memberships__organisation",
        "activities": "programme__plan__organisation",
    }


class ContractInline(admin.TabularInline):
    capability = Capability.VIEW_CAPACITY  # hours a week and direct norm: capacity
    model = Contract
    extra = 0


class CostRateInline(admin.TabularInline):
    capability = Capability.MANAGE_FUNDING  # what an hour costs: money
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

    capability = Capability.MANAGE_FUNDING  # hours and money budgets
    organisation_path = "activity__programme__plan__organisation"
    scoped_choices = {"activity": "programme__plan__organisation"}
    list_display = ["activity", "year", "hours", "money"]
    list_filter = ["year"]
    fields = ["activity", "year", "hours", "money"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).filter(activity__isnull=False)


@admin.register(Team)
class TeamAdmin(OwnOrganisationAdmin):
    capability = Capability.ADMINISTER
    list_display = ["name", "organisation"]


@admin.register(StaffProfile)
class StaffProfileAdmin(OwnOrganisationAdmin):
    capability = Capability.ADMINISTER  # team and coordinator; contracts and rates: see inlines
    list_display = ["user", "team", "coordinator", "organisation"]
    list_filter = ["team"]
    inlines = [ContractInline, CostRateInline]
    autocomplete_fields = ["user", "coordinator"]


@admin.register(TimeCategory)
class TimeCategoryAdmin(OwnOrganisationAdmin):
    capability = Capability.ADMINISTER
    list_display = ["name", "direct", "needs_note", "active", "organisation"]
    list_filter = ["direct", "active"]


class ProjectAdminForm(ModelForm[Project]):
    """Checks the same rules as the service (co-financing, the separate-project date), so
    the page shows them at the field; the service checks them again when it saves."""

    # The version the page was opened at: a save over a later change is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial["version"] = self.instance.version

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
            validate_project(candidate)
        return data


@admin.register(Project)
class ProjectAdmin(OwnOrganisationAdmin, ServiceSavedModelAdmin):
    """Saved through `project_save`; the activities and the budgets per year (which Koers's
    project page does not edit) stay audited admin writes."""

    capability = Capability.MANAGE_PROJECTS
    form = ProjectAdminForm
    conflicts = (ConflictError,)
    list_display = ["code", "title", "programme", "status", "starts_on", "ends_on"]
    list_filter = ["status", "programme"]
    search_fields = ["code", "title"]
    filter_horizontal = ["activities"]
    inlines = [ProjectBudgetInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # The service keeps a project in its organisation, as Koers's project page does.
        readonly = list(super().get_readonly_fields(request, obj))
        return [*readonly, "organisation"] if obj is not None else readonly

    def save_through_service(
        self, request: HttpRequest, obj: Project, form: Any, change: bool
    ) -> Project:
        values = {name: form.cleaned_data[name] for name in PROJECT_FIELDS}
        if not change:
            return project_save(
                actor=request.user,
                organisation_id=form.cleaned_data["organisation"].pk,
                values=values,
                remote_addr=client_address(request),
            )
        stored = Project.objects.get(pk=obj.pk)
        return project_save(
            actor=request.user,
            organisation_id=stored.organisation_id,
            values=values,
            project=stored,
            expected_version=form.cleaned_data.get("version"),
            remote_addr=client_address(request),
        )
