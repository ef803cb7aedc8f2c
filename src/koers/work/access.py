"""Who may do what in work: permission-checking getters for projects (the only way views
load one to change it) and who may approve a week.

A project's scope is its organisation and its programme, so a coordinator manages the
projects of her own programmes only. Outside the user's organisations → 404 (its
existence is not confirmed); a project of her organisation she may not change (another
coordinator's programme) → 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, grants_of, has_capability
from koers.accounts.roles import Capability, Role
from koers.plans.access import get_activity_for_user
from koers.plans.models import Programme
from koers.work.models import Product, Project, StaffProfile, Week


def project_scope(project: Project) -> Scope:
    return Scope(organisation_id=project.organisation_id, programme_id=project.programme_id)


def may_manage(user: Any, project: Project) -> bool:
    return has_capability(user, Capability.MANAGE_PROJECTS, project_scope(project))


def get_project_for_user(user: Any, pk: int) -> Project:
    project = get_object_or_404(Project.objects.visible_to(user).select_related("programme"), pk=pk)
    if not may_manage(user, project):
        raise PermissionDenied
    return project


def programmes_for_projects(user: Any, organisation_id: int) -> QuerySet[Programme]:
    """The programmes of the organisation she may put projects in: all of them for the
    director and operations, her own for a coordinator."""
    programmes = Programme.objects.filter(plan__organisation_id=organisation_id)
    allowed = [
        pk
        for pk in programmes.values_list("pk", flat=True)
        if has_capability(
            user,
            Capability.MANAGE_PROJECTS,
            Scope(organisation_id=organisation_id, programme_id=pk),
        )
    ]
    return programmes.filter(pk__in=allowed).order_by("order", "code")


def may_approve(actor: Any, week: Week) -> bool:
    """Her coordinator, or the director or operations of her organisation; never herself."""
    if actor.pk == week.user_id:
        return False
    coordinator_id = (
        StaffProfile.objects.filter(user_id=week.user_id)
        .values_list("coordinator_id", flat=True)
        .first()
    )
    if coordinator_id == actor.pk and has_capability(
        actor, Capability.APPROVE_HOURS, Scope(organisation_id=week.organisation_id)
    ):
        return True
    return any(
        grant.organisation_id == week.organisation_id
        and grant.role in (Role.DIRECTEUR, Role.BEDRIJFSVOERING)
        for grant in grants_of(actor)
    )


def get_week_to_decide(user: Any, pk: int) -> Week:
    """A week she may approve or return; 404 for any other (its existence not confirmed)."""
    week = get_object_or_404(Week.objects.for_approver(user), pk=pk)
    if not may_approve(user, week):
        raise Http404
    return week


def get_profile_to_view(user: Any, user_id: int) -> StaffProfile:
    """A staff member's profile, for herself and her coordinator only; 404 for anyone else.
    Without a profile yet, her own page still shows what she registered."""
    profile = StaffProfile.objects.select_related("user").filter(user_id=user_id).first()
    if profile is None and user_id == user.pk:
        return StaffProfile(user=user, organisation_id=0)
    if profile is None or user.pk not in (profile.user_id, profile.coordinator_id):
        raise Http404
    return profile


def staff_pages_for(user: Any, user_ids: set[int]) -> set[int]:
    """Which of `user_ids` have a page (`work:person`) that `user` may open: by the rule of
    `get_profile_to_view`, her own and her staff's. One query."""
    coordinated = StaffProfile.objects.filter(user_id__in=user_ids, coordinator_id=user.pk)
    return set(coordinated.values_list("user_id", flat=True)) | ({user.pk} & user_ids)


def get_product_for_user(
    user: Any, pk: int, capability: Capability = Capability.VIEW_PLANS
) -> Product:
    """A product of an activity she may see (or act on with `capability`); 404 otherwise."""
    product = get_object_or_404(Product.objects.select_related("activity"), pk=pk)
    get_activity_for_user(user, product.activity_id, capability)
    return product


def corrections_staff_id(user: Any, organisation_id: int, requested: int | None) -> int:
    """Whose entries she corrects: her own, or, for who closes the months, a colleague's;
    404 for anyone else asking for a colleague's."""
    staff_id = requested or user.pk
    if staff_id != user.pk and not has_capability(
        user, Capability.CLOSE_PERIOD, Scope(organisation_id=organisation_id)
    ):
        raise Http404
    return int(staff_id)
