"""Adding and changing projects (version-checked)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, snapshot
from koers.core.versioning import lock_for_edit
from koers.work.access import may_manage
from koers.work.models import (
    Project,
)
from koers.work.validators import validate_project

PROJECT_FIELDS = [
    "programme",
    "handover_by",
    "code",
    "title",
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


@transaction.atomic
def project_save(
    *,
    actor: Any,
    organisation_id: int,
    values: dict[str, Any],
    project: Project | None = None,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Project:
    """Add a project to `organisation_id` or change one. The actor must manage projects
    where the project goes (its programme in `values`) and, for a change, where it is now:
    a coordinator cannot take a colleague's project into her programme, nor give hers away.
    A stale `expected_version` raises ConflictError with the current record."""
    programme = values.get("programme", project.programme if project else None)
    scope = Scope(organisation_id=organisation_id, programme_id=programme.pk if programme else None)
    if not has_capability(actor, Capability.MANAGE_PROJECTS, scope):
        raise PermissionDenied
    if programme is not None and programme.plan.organisation_id != organisation_id:
        raise PermissionDenied
    before = None
    if project is None:
        project = Project(organisation_id=organisation_id)
    else:
        # Where the project is as stored now (locked), not as the caller loaded it.
        current = Project.objects.select_for_update().get(pk=project.pk)
        if current.organisation_id != organisation_id or not may_manage(actor, current):
            raise PermissionDenied
        project = lock_for_edit(current, expected_version)
        before = snapshot(project, PROJECT_FIELDS)
    for name, value in values.items():
        setattr(project, name, value)
    validate_project(project)
    project.full_clean(exclude=["activities"])
    project.save()
    audit_write(
        actor=actor,
        action="project.saved" if before else "project.created",
        instance=project,
        before=before,
        after=snapshot(project, PROJECT_FIELDS),
        remote_addr=remote_addr,
    )
    return project
