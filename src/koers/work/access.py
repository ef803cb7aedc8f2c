"""Permission-checking getters for projects: the only way views load one to change it.

A project's scope is its organisation and its programme, so a coordinator manages the
projects of her own programmes only. Outside the user's organisations → 404 (its
existence is not confirmed); a project of her organisation she may not change (another
coordinator's programme) → 403.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from koers.accounts.policy import Scope, has_capability, organisations_with
from koers.accounts.roles import Capability
from koers.plans.models import Programme
from koers.work.models import Project


def project_scope(project: Project) -> Scope:
    return Scope(organisation_id=project.organisation_id, programme_id=project.programme_id)


def may_manage(user: Any, project: Project) -> bool:
    return has_capability(user, Capability.MANAGE_PROJECTS, project_scope(project))


def get_project_for_user(user: Any, pk: int) -> Project:
    own, _funding = organisations_with(user, Capability.MANAGE_PROJECTS)
    project = get_object_or_404(
        Project.objects.filter(organisation_id__in=own).select_related("programme"), pk=pk
    )
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
