"""Projects: the list with hours against budget, adding and changing one (version-checked)."""

from __future__ import annotations

from typing import Any

from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.versioning import versioned_edit
from koers.work import services
from koers.work.access import get_project_for_user, may_manage
from koers.work.forms import ProjectForm
from koers.work.models import Project


@requires(Capability.MANAGE_PROJECTS)
@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.MANAGE_PROJECTS)
    projects = (
        Project.objects.filter(organisation_id=organisation_id)
        .select_related("programme", "partner", "funder")
        .annotate(hours=Sum("time_entries__hours"))
        .order_by("status", "code", "title")
    )
    editable = {project.pk for project in projects if may_manage(request.user, project)}
    return render(request, "work/project_list.html", {"projects": projects, "editable": editable})


@requires(Capability.MANAGE_PROJECTS)
@require_http_methods(["GET", "POST"])
def project_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    project = get_project_for_user(request.user, pk) if pk else None
    organisation_id = (
        project.organisation_id
        if project
        else own_organisation(request.user, Capability.MANAGE_PROJECTS)
    )
    form = (
        ProjectForm.for_project(
            project, request.POST or None, user=request.user, organisation_id=organisation_id
        )
        if project
        else ProjectForm(request.POST or None, user=request.user, organisation_id=organisation_id)
    )

    def save(cleaned: dict[str, Any]) -> Project:
        return services.project_save(
            actor=request.user,
            organisation_id=organisation_id,
            values={name: cleaned[name] for name in services.PROJECT_FIELDS},
            project=project,
            expected_version=cleaned["version"] if project else None,
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The project has been saved.") if project else _("The project has been added."),
        shown=("title", "programme", "hours_budget", "programme_hours", "status"),
        next_url=lambda _saved: reverse("work:projects"),
        heading=_("Edit %(project)s") % {"project": project} if project else _("Add a project"),
        back_url=reverse("work:projects"),
        intro=_(
            "A project belongs to a programme, or is a separate project with the date by "
            "which it is handed over or ended. With a municipality or organisation as "
            "partner, the programme pays at most half of the hours."
        ),
    )
