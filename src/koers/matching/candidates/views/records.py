"""Candidates: the list with its filters, one candidate's page, adding and changing her, a
funnel step and a call."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import has_capability, organisations_with, own_organisation
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.versioning import versioned_edit
from koers.directory.models import Organisation
from koers.matching import clock
from koers.matching.candidates import queries, services
from koers.matching.candidates.access import get_candidate_for_user, may_manage_pool
from koers.matching.candidates.forms import (
    CallForm,
    CandidateAddForm,
    CandidateEditForm,
    CandidateFilterForm,
    FunnelStepForm,
)
from koers.matching.candidates.views.common import service_form_page
from koers.matching.models import Candidate, CandidateRole
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction

COLUMNS = (
    Column(gettext_lazy("Name"), "name", ("person__last_name", "person__first_name")),
    Column(gettext_lazy("Municipality"), "municipality", ("municipality__name",)),
    Column(gettext_lazy("Roles"), ""),
    Column(gettext_lazy("Stage"), "stage"),
    Column(gettext_lazy("Since"), "since", ("stage_since",)),
    Column(gettext_lazy("Signed up"), "signed_up", ("signed_up_on",)),
    Column(gettext_lazy("Last spoken to"), "contact", ("last_contact_on",)),
)


@requires(Capability.VIEW_MATCHING)
@require_GET
def candidates(request: HttpRequest) -> HttpResponse:
    filters = CandidateFilterForm(request.GET)
    chosen = filters.chosen()
    rows = queries.candidates_for(request.user)
    if chosen.get("fase"):
        rows = rows.filter(stage=chosen["fase"])
    if chosen.get("rol"):
        with_role = CandidateRole.objects.filter(role=chosen["rol"]).values("candidate")
        rows = rows.filter(pk__in=with_role)
    if chosen.get("gemeente"):
        rows = rows.filter(municipality=chosen["gemeente"])
    if chosen.get("route"):
        rows = rows.filter(route=chosen["route"])
    if chosen.get("beschikbaar"):
        own, _funding = organisations_with(request.user, Capability.VIEW_MATCHING)
        rows = rows.filter(queries.available_today_q(sorted(own), clock.today(), chosen.get("rol")))
    listing = list_page(request, rows, columns=COLUMNS, default_sort="name")
    log_access(
        request,
        AccessAction.LIST,
        [row.person for row in listing.rows if row.person],
        detail=str(gettext_lazy("Candidates")),
    )
    own_manage, _funding = organisations_with(request.user, Capability.MANAGE_MATCHING)
    return render(
        request,
        "matching/candidates/candidates.html",
        {
            "listing": listing,
            "candidates": listing.rows,
            "filters": filters,
            "may_add": bool(own_manage),
        },
    )


@requires(Capability.VIEW_MATCHING)
@require_GET
def candidate(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_candidate_for_user(request.user, pk)
    today = clock.today()
    if record.person:
        log_access(request, AccessAction.VIEW, [record.person])
    return render(
        request,
        "matching/candidates/candidate.html",
        {
            "candidate": record,
            "roles": list(record.roles.all()),
            "qualifications": queries.qualification_rows(record, today),
            "availability": queries.availability_rows(record, today),
            "steps": list(record.stage_changes.select_related("by", "referred_to")),
            "calls": list(record.calls.select_related("by")),
            "placements": list(queries.placements_of(record)),
            "may_manage": may_manage_pool(request.user, record.holder_id),
            "sees_person_page": record.person is not None
            and has_capability(request.user, Capability.VIEW_PERSONS),
        },
    )


@requires(Capability.MANAGE_MATCHING)
@require_http_methods(["GET", "POST"])
def candidate_add(request: HttpRequest) -> HttpResponse:
    """A new candidate in her own organisation's pool (the holder comes from her membership)."""
    holder_id = own_organisation(request.user, Capability.MANAGE_MATCHING)
    today = clock.today()
    form = CandidateAddForm(
        request.POST or None, initial={"signed_up_on": today, "consent_given_on": today}
    )

    def save(cleaned: dict[str, Any]) -> Candidate:
        return services.candidate_create(
            actor=request.user,
            holder=Organisation.objects.get(pk=holder_id),
            person={name: cleaned[name] for name in services.PERSON_VALUES},
            consent_given_on=cleaned["consent_given_on"],
            values={name: cleaned[name] for name in services.CANDIDATE_FIELDS},
            roles=list(cleaned["roles"]),
            signed_up_on=cleaned["signed_up_on"],
            accept_duplicates=cleaned["accept_duplicates"],
            remote_addr=client_address(request),
        )

    return service_form_page(
        request,
        form,
        save,
        success=_("The candidate has been added."),
        next_url=lambda saved: reverse("matching:candidate", args=[saved.pk]),
        heading=_("Add a candidate"),
        intro=_(
            "Her name and contact details go into the directory with the pool's purpose and "
            "her consent as the lawful basis."
        ),
        back_url=reverse("matching:candidates"),
        crumbs=[],
    )


@requires(Capability.MANAGE_MATCHING)
@require_http_methods(["GET", "POST"])
def candidate_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = _managed_candidate(request, pk)
    initial: dict[str, Any] = {name: getattr(record, name) for name in services.CANDIDATE_FIELDS}
    initial["municipality"] = record.municipality_id
    initial["roles"] = list(record.roles.values_list("role", flat=True))
    initial["version"] = record.version
    form = CandidateEditForm(request.POST or None, initial=initial)

    def save(cleaned: dict[str, Any]) -> Candidate:
        return services.candidate_save(
            actor=request.user,
            candidate=record,
            values={name: cleaned[name] for name in services.CANDIDATE_FIELDS},
            roles=list(cleaned["roles"]),
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The candidate has been saved."),
        shown=("municipality", "max_travel_km", "route", "route_note", "remarks"),
        next_url=lambda saved: reverse("matching:candidate", args=[saved.pk]),
        heading=_("Edit %(name)s") % {"name": record},
        intro=_("Her name and contact details are kept in the directory."),
        crumbs=[(str(record), reverse("matching:candidate", args=[record.pk]))],
        back_url=reverse("matching:candidate", args=[record.pk]),
    )


@requires(Capability.MANAGE_MATCHING)
@require_http_methods(["GET", "POST"])
def candidate_step(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a step of the funnel: the stages that may follow hers are the choices."""
    record = _managed_candidate(request, pk)
    today = clock.today()
    form = FunnelStepForm(request.POST or None, initial={"on": today}, current=record.stage)
    return service_form_page(
        request,
        form,
        lambda cleaned: services.candidate_move(
            actor=request.user,
            candidate=record,
            stage=cleaned["stage"],
            on=cleaned["on"],
            referred_to=cleaned["referred_to"],
            reason=cleaned["reason"],
            today=today,
            remote_addr=client_address(request),
        ),
        success=_("The step has been recorded."),
        next_url=reverse("matching:candidate", args=[record.pk]),
        heading=_("Next step for %(name)s") % {"name": record},
        intro=_("Now: %(stage)s, since %(day)s.")
        % {"stage": record.get_stage_display(), "day": record.stage_since.isoformat()},
        crumbs=[(str(record), reverse("matching:candidate", args=[record.pk]))],
        back_url=reverse("matching:candidate", args=[record.pk]),
    )


@requires(Capability.MANAGE_MATCHING)
@require_http_methods(["GET", "POST"])
def candidate_call(request: HttpRequest, pk: int) -> HttpResponse:
    """Log a call to her; reached, she counts as spoken to that day."""
    record = _managed_candidate(request, pk)
    today = clock.today()
    form = CallForm(request.POST or None, initial={"called_on": today})
    return service_form_page(
        request,
        form,
        lambda cleaned: services.call_record(
            actor=request.user,
            candidate=record,
            today=today,
            remote_addr=client_address(request),
            **cleaned,
        ),
        success=_("The call has been logged."),
        next_url=reverse("matching:candidate", args=[record.pk]),
        heading=_("Log a call to %(name)s") % {"name": record},
        intro=_("Telephone: %(phone)s")
        % {"phone": (record.person.phone if record.person else "") or "—"},
        crumbs=[(str(record), reverse("matching:candidate", args=[record.pk]))],
        back_url=reverse("matching:candidate", args=[record.pk]),
    )


def _managed_candidate(request: HttpRequest, pk: int) -> Candidate:
    """A candidate she may see (else 404) and change (else 403)."""
    from django.core.exceptions import PermissionDenied

    record = get_candidate_for_user(request.user, pk)
    if not may_manage_pool(request.user, record.holder_id):
        raise PermissionDenied
    return record
