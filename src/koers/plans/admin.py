"""The admin is for reference data: goals, plans, programmes and lines, each beheerder
seeing her own organisations' (goals belong to funders and are shared). Activities,
indicators, targets and annual plans change only through the app's pages, whose services
enforce frozen plans and version checks; the admin shows them read-only."""

from typing import Any

from django.contrib import admin
from django.db.models import F
from django.http import HttpRequest
from django.utils.translation import gettext as _

from koers.accounts.admin import OrganisationScopedAdmin
from koers.accounts.roles import Capability
from koers.core.admin_audit import AuditedModelAdmin, ReadOnlyInline, ReadOnlyModelAdmin
from koers.plans.admin_forms import ProgrammeAdminForm
from koers.plans.models import (
    Activity,
    ActivityPartner,
    AnnualPlan,
    Goal,
    Indicator,
    Line,
    Milestone,
    Plan,
    Programme,
    StandingTask,
    TacticalGoal,
    Target,
)


@admin.register(Goal)
class GoalAdmin(OrganisationScopedAdmin, AuditedModelAdmin):
    """A funder's goal tree is kept by the funder's own beheerder (her organisation's goals
    only) or, where the funder has none, by the installation administrator: the partners
    whose plans serve the tree use it, they do not change it (docs/tenancy.md)."""

    capability = Capability.ADMINISTER
    kept_by_installation = True
    organisation_path = "funder"
    scoped_choices = {"funder": "pk", "parent": "funder"}
    list_display = ["code", "title", "funder", "parent"]

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> Any:
        """A goal that partners' programmes or activities serve is not deleted: its links
        would vanish from their plans unseen. The confirmation page names them instead (as
        the admin does for protected records); renaming or moving a goal keeps the links."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        goals = list(objs)
        serving = [
            _("%(programme)s of %(organisation)s serves %(goal)s")
            % {"programme": p.name, "organisation": p.plan.organisation, "goal": p.goal_code}
            for p in Programme.objects.filter(goals__in=goals)
            .annotate(goal_code=F("goals__code"))
            .select_related("plan__organisation")
        ] + [
            _("%(activity)s of %(organisation)s serves %(goal)s")
            % {
                "activity": f"{a.code} {a.title}",
                "organisation": a.programme.plan.organisation,
                "goal": a.goal_code,
            }
            for a in Activity.objects.filter(goals__in=goals)
            .annotate(goal_code=F("goals__code"))
            .select_related("programme__plan__organisation")
        ]
        return deleted, counts, perms_needed, [*protected, *serving]

    list_filter = ["funder"]
    search_fields = ["code", "title"]


@admin.register(Plan)
class PlanAdmin(OrganisationScopedAdmin, AuditedModelAdmin):
    capability = Capability.ADMINISTER
    list_display = ["title", "organisation", "funder", "start_year", "end_year"]


class LineInline(admin.TabularInline):
    model = Line
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(OrganisationScopedAdmin, AuditedModelAdmin):
    capability = Capability.ADMINISTER
    organisation_path = "plan__organisation"
    scoped_choices = {"plan": "organisation", "coordinator": "memberships__organisation"}
    list_display = ["code", "name", "plan", "coordinator", "fte"]
    filter_horizontal = ["goals", "funders"]
    form = ProgrammeAdminForm
    inlines = [LineInline]


class IndicatorInline(ReadOnlyInline):
    model = Indicator
    extra = 0
    fields = ["kind", "title", "unit", "aggregation", "is_key", "order"]


@admin.register(Activity)
class ActivityAdmin(OrganisationScopedAdmin, ReadOnlyModelAdmin):
    capability = Capability.VIEW_PLANS
    organisation_path = "programme__plan__organisation"
    list_display = ["code", "title", "programme", "year", "status"]
    list_filter = ["programme", "year", "status", "role", "phase"]
    search_fields = ["code", "title"]
    inlines = [IndicatorInline]


class TargetInline(ReadOnlyInline):
    model = Target
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(OrganisationScopedAdmin, ReadOnlyModelAdmin):
    capability = Capability.VIEW_PLANS
    organisation_path = "activity__programme__plan__organisation"
    list_display = ["title", "activity", "kind", "unit", "aggregation", "is_key"]
    list_filter = ["kind", "unit", "activity__programme"]
    search_fields = ["title", "activity__code"]
    inlines = [TargetInline]


@admin.register(AnnualPlan)
class AnnualPlanAdmin(OrganisationScopedAdmin, ReadOnlyModelAdmin):
    capability = Capability.VIEW_PLANS
    organisation_path = "plan__organisation"
    list_display = ["plan", "year", "status"]


# Tactical goals, standing tasks, partners and milestones change on the app's pages (their
# services check who may edit the plan and keep the audit trail); the admin shows them.


@admin.register(TacticalGoal)
class TacticalGoalAdmin(OrganisationScopedAdmin, ReadOnlyModelAdmin):
    capability = Capability.VIEW_PLANS
    organisation_path = "programme__plan__organisation"
    list_display = ["__str__", "programme", "line", "target_year"]
    list_filter = ["programme"]


@admin.register(StandingTask)
class StandingTaskAdmin(OrganisationScopedAdmin, ReadOnlyModelAdmin):
    capability = Capability.VIEW_PLANS
    organisation_path = "programme__plan__organisation"
    list_display = ["title", "role", "programme", "line"]
    list_filter = ["programme"]


@admin.register(ActivityPartner)
class ActivityPartnerAdmin(OrganisationScopedAdmin, ReadOnlyModelAdmin):
    capability = Capability.VIEW_PLANS
    organisation_path = "activity__programme__plan__organisation"
    list_display = ["activity", "organisation", "role"]
    list_filter = ["role"]
    search_fields = ["activity__code", "organisation__name"]


@admin.register(Milestone)
class MilestoneAdmin(OrganisationScopedAdmin, ReadOnlyModelAdmin):
    capability = Capability.VIEW_PLANS
    organisation_path = "plan__organisation"
    list_display = ["title", "date", "precision", "done", "plan"]
    list_filter = ["done"]
