"""Trajectories: the list with its filters and counts per kind, one trajectory, adding and
changing one. The pool's staff see them (VIEW_MATCHING); those who keep the pool change
them (MANAGE_MATCHING). Funders and the board count them through the plan's measures."""

from __future__ import annotations

from typing import Any

from django.db.models.functions import Lower
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import organisations_with, own_organisation
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.versioning import versioned_edit
from koers.matching.models import Trajectory
from koers.matching.trajectories import queries, services
from koers.matching.trajectories.forms import TrajectoryFilterForm, TrajectoryForm

COLUMNS = (
    Column(
        gettext_lazy("Person"),
        "person",
        (Lower("person__last_name"), Lower("person__first_name")),
    ),
    Column(gettext_lazy("Kind"), "kind"),
    Column(gettext_lazy("Employer"), "employer", (Lower("employer__name"),)),
    Column(gettext_lazy("Started on"), "started", ("started_on",)),
    Column(gettext_lazy("Ended on"), "ended", ("ended_on",)),
    Column(gettext_lazy("Outcome"), "outcome"),
)


@requires(Capability.VIEW_MATCHING)
@require_GET
def trajectories(request: HttpRequest) -> HttpResponse:
    chosen = TrajectoryFilterForm(request.GET)
    visible = queries.trajectories_for(request.user)
    rows = chosen.narrow(visible)
    listing = list_page(request, rows, columns=COLUMNS, default_sort="-started")
    own, _funding = organisations_with(request.user, Capability.MANAGE_MATCHING)
    return render(
        request,
        "matching/trajectories/trajectories.html",
        {
            "listing": listing,
            "trajectories": listing.rows,
            "filters": chosen,
            "per_kind": queries.counts_per_kind(chosen.narrow(visible, kind=False)),
            "may_add": bool(own),
        },
    )


@requires(Capability.VIEW_MATCHING)
@require_GET
def trajectory(request: HttpRequest, pk: int) -> HttpResponse:
    record = queries.get_trajectory_for_user(request.user, pk)
    return render(
        request,
        "matching/trajectories/trajectory.html",
        {
            "trajectory": record,
            "may_edit": queries.may_manage_trajectories(request.user, record.holder_id),
        },
    )


@requires(Capability.MANAGE_MATCHING)
@require_http_methods(["GET", "POST"])
def trajectory_add(request: HttpRequest) -> HttpResponse:
    return _trajectory_form_page(request, None)


@requires(Capability.MANAGE_MATCHING)
@require_http_methods(["GET", "POST"])
def trajectory_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _trajectory_form_page(request, pk)


def _trajectory_form_page(request: HttpRequest, pk: int | None) -> HttpResponse:
    holder_id = own_organisation(request.user, Capability.MANAGE_MATCHING)
    record: Trajectory | None = None
    initial: dict[str, Any] = {}
    if pk:
        record = queries.get_trajectory_for_user(request.user, pk)
        if record.holder_id != holder_id:
            raise Http404
        initial = {
            **{name: getattr(record, name) for name in services.TRAJECTORY_FIELDS},
            "person": record.person_id,
            "employer": record.employer_id,
            "version": record.version,
        }
    form = TrajectoryForm(request.POST or None, initial=initial, holder_id=holder_id)

    def save(cleaned: dict[str, Any]) -> Trajectory:
        return services.trajectory_save(
            actor=request.user,
            holder_id=holder_id,
            values={name: cleaned[name] for name in services.TRAJECTORY_FIELDS if name != "person"}
            | ({"person": cleaned["person"]} if cleaned["person"] is not None else {}),
            new_person=form.new_person(),
            trajectory=record,
            expected_version=cleaned["version"] if record else None,
            remote_addr=client_address(request),
        )

    label = str(record) if record else ""
    return versioned_edit(
        request,
        form,
        save,
        success=_("The trajectory has been saved.")
        if record
        else _("The trajectory has been added."),
        shown=("kind", "started_on", "ended_on", "outcome"),
        next_url=lambda saved: reverse("matching:trajectory", args=[saved.pk]),
        heading=_("Edit the trajectory %(name)s") % {"name": label}
        if record
        else _("Add a trajectory"),
        crumbs=[(label, reverse("matching:trajectory", args=[record.pk]))] if record else [],
        back_url=reverse("matching:trajectory", args=[record.pk])
        if record
        else reverse("matching:trajectories"),
    )
