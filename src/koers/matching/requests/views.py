"""Requests for extra hands: the list (for staff, the GGD/GHOR's official and a care
organisation's contact, each seeing her own), one request with its shifts, adding and
changing one, its priority (the official only) and its status."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires, requires_any
from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.pages import act, flash_form_errors
from koers.core.versioning import versioned_edit
from koers.directory.models import Organisation
from koers.matching.models import HelpRequest
from koers.matching.requests import access, queries, services
from koers.matching.requests.forms import (
    PERIOD,
    SHIFTS,
    PriorityForm,
    RequestFilterForm,
    RequestForm,
    StatusForm,
)
from koers.matching.requests.shifts import ShiftTime, shift_lines

SEES_REQUESTS = (
    Capability.VIEW_MATCHING,
    Capability.PRIORITISE_REQUESTS,
    Capability.REQUEST_HANDS,
)
ADDS_REQUESTS = (Capability.MANAGE_MATCHING, Capability.REQUEST_HANDS)

COLUMNS = (
    Column(gettext_lazy("Requesting organisation"), "aanvrager", ("requester__name",)),
    Column(gettext_lazy("Role"), "rol", ("role",)),
    Column(gettext_lazy("First shift"), "start", ("first_start",)),
    Column(gettext_lazy("Shifts"), "diensten", ("shift_count",), numeric=True),
    Column(gettext_lazy("Places filled"), "bezet", ("placed_count",), numeric=True),
    Column(gettext_lazy("Priority"), "prioriteit", ("priority",)),
    Column(gettext_lazy("Status"), "status", ("status",)),
    Column(gettext_lazy("Received"), "ontvangen", ("created_at",)),
)


def _may_add(user: Any) -> bool:
    staff, _funding = organisations_with(user, Capability.MANAGE_MATCHING)
    return bool(staff) or bool(access.requesting_organisations(user))


@requires_any(*SEES_REQUESTS)
@require_GET
def requests(request: HttpRequest) -> HttpResponse:
    rows = queries.requests_for(request.user)
    chosen = RequestFilterForm(request.GET, requesters=queries.requesters_of(rows))
    listing = list_page(request, chosen.narrow(rows), columns=COLUMNS, default_sort="-ontvangen")
    return render(
        request,
        "matching/requests/requests.html",
        {
            "listing": listing,
            "help_requests": listing.rows,
            "filters": chosen,
            "may_add": _may_add(request.user),
        },
    )


@requires_any(*SEES_REQUESTS)
@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = access.get_request_for_user(request.user, pk)
    sees_pool = access.sees_pool(request.user, record)
    with_people = access.sees_people(request.user, record)
    return render(
        request,
        "matching/requests/request.html",
        {
            "help_request": record,
            "qualifications": queries.qualification_labels(record.required_qualifications),
            "shifts": queries.shift_rows(record, with_people=with_people, links=sees_pool),
            "proposals_url": queries.page_of("matching:proposals", query=f"?request={record.pk}")
            if sees_pool
            else "",
            "with_people": with_people,
            "sees_pool": sees_pool,
            "may_edit": access.may_edit(request.user, record),
            "may_prioritise": access.may_prioritise(request.user, record),
            "status_actions": [
                (action, label)
                for action, label in StatusForm.base_fields["action"].choices  # type: ignore[attr-defined]
                if action in access.status_actions(request.user, record)
            ],
        },
    )


def _holders_for(user: Any) -> tuple[list[Organisation], bool]:
    """The organisations she may send a new request to, and whether she asks for her own
    organisation only (a care organisation's contact) rather than for any (staff)."""
    staff, _funding = organisations_with(user, Capability.MANAGE_MATCHING)
    if staff:
        return list(Organisation.objects.filter(pk=min(staff))), False
    if access.requesting_organisations(user):
        return access.pool_holders(), True
    raise PermissionDenied


@requires_any(*ADDS_REQUESTS)
@require_http_methods(["GET", "POST"])
def request_add(request: HttpRequest) -> HttpResponse:
    """A new request: staff of the pool's holder for any organisation; a care
    organisation's contact for her own, to an organisation that keeps a pool."""
    holders, fixed = _holders_for(request.user)
    if not holders:
        raise Http404
    form = RequestForm(request.POST or None, holders=holders, requester_fixed=fixed)

    def save(cleaned: dict[str, Any]) -> HelpRequest:
        holder_id = cleaned.get("holder") or holders[0].pk
        values = _values(cleaned)
        if fixed:
            values["requester"] = Organisation.objects.get(
                pk=min(access.requesting_organisations(request.user))
            )
        return services.request_create(
            actor=request.user,
            holder_id=holder_id,
            values=values,
            shifts=cleaned["shifts"],
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The request has been received."),
        shown=(),
        next_url=lambda saved: reverse("matching:request", args=[saved.pk]),
        heading=_("Ask for extra hands"),
        back_url=reverse("matching:requests"),
    )


def _values(cleaned: dict[str, Any]) -> dict[str, Any]:
    return {
        "requester": cleaned.get("requester"),
        "role": cleaned["role"],
        "people_needed": cleaned["people_needed"],
        "required_qualifications": sorted(cleaned["required_qualifications"]),
        "municipality": cleaned["municipality"],
        "address": cleaned["address"],
        "description": cleaned["description"],
    }


def _initial(record: HelpRequest) -> dict[str, Any]:
    shifts = [ShiftTime(s.starts_at, s.ends_at) for s in record.shifts.all()]
    initial: dict[str, Any] = {
        **{name: getattr(record, name) for name in services.REQUEST_FIELDS},
        "requester": record.requester_id,
        "municipality": record.municipality_id,
        "version": record.version,
        "schedule": SHIFTS,
    }
    one_day = 24 * 60 * 60
    if len(shifts) == 1 and (shifts[0].ends_at - shifts[0].starts_at).total_seconds() > one_day:
        initial["schedule"] = PERIOD
        initial["period_starts"] = shifts[0].starts_at
        initial["period_ends"] = shifts[0].ends_at
    else:
        initial["shift_lines"] = shift_lines(shifts)
    return initial


@requires_any(*ADDS_REQUESTS)
@require_http_methods(["GET", "POST"])
def request_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = access.get_request_for_user(request.user, pk)
    if not access.may_edit(request.user, record):
        raise PermissionDenied
    fixed = not access.keeps_requests(request.user, record.holder_id)
    form = RequestForm(
        request.POST or None, initial=_initial(record), holders=[], requester_fixed=fixed
    )

    def save(cleaned: dict[str, Any]) -> HelpRequest:
        return services.request_save(
            actor=request.user,
            request=record,
            values=_values(cleaned),
            shifts=cleaned["shifts"],
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The request has been saved."),
        shown=("role", "people_needed", "address", "description"),
        next_url=lambda saved: reverse("matching:request", args=[saved.pk]),
        heading=_("Change the request"),
        crumbs=[(str(record), reverse("matching:request", args=[record.pk]))],
        back_url=reverse("matching:request", args=[record.pk]),
    )


@requires(Capability.PRIORITISE_REQUESTS)
@require_http_methods(["GET", "POST"])
def request_priority(request: HttpRequest, pk: int) -> HttpResponse:
    """The GGD/GHOR's official sets the request's priority with her reason."""
    record = access.get_request_for_user(request.user, pk)
    if not access.may_prioritise(request.user, record):
        raise Http404
    initial = {
        "priority": record.priority,
        "priority_note": record.priority_note,
        "version": record.version,
    }
    form = PriorityForm(request.POST or None, initial=initial)

    def save(cleaned: dict[str, Any]) -> HelpRequest:
        return services.request_priority_set(
            actor=request.user,
            request=record,
            priority=cleaned["priority"],
            priority_note=cleaned["priority_note"],
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The priority has been set."),
        shown=("priority", "priority_note"),
        next_url=lambda saved: reverse("matching:request", args=[saved.pk]),
        heading=_("Set the priority of %(request)s") % {"request": record},
        crumbs=[(str(record), reverse("matching:request", args=[record.pk]))],
        back_url=reverse("matching:request", args=[record.pk]),
    )


STATUS_DONE = {
    "sluiten": gettext_lazy("The request has been closed."),
    "intrekken": gettext_lazy("The request has been withdrawn."),
    "heropenen": gettext_lazy("The request has been reopened."),
}


@requires_any(*ADDS_REQUESTS)
@require_POST
def request_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Close, withdraw or reopen: a button on the request's page."""
    record = access.get_request_for_user(request.user, pk)
    if not access.status_actions(request.user, record):
        raise PermissionDenied
    form = StatusForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("matching:request", pk=record.pk)
    action = form.cleaned_data["action"]
    act(
        request,
        lambda: services.request_status_set(
            actor=request.user,
            request=record,
            action=action,
            remote_addr=client_address(request),
        ),
        str(STATUS_DONE[action]),
    )
    return redirect("matching:request", pk=record.pk)
