"""The coordinator's pages of placements: the open proposals (confirm, decline, change),
the list of placements and one placement with its status."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires, requires_as_staff
from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.pages import act, attempt, flash_form_errors, shown_again
from koers.matching import clock
from koers.matching.models import PlacementStatus
from koers.matching.placements import queries, services
from koers.matching.placements.eligibility import eligible_candidates
from koers.matching.placements.forms import (
    ChangeForm,
    DeclineForm,
    PlacementFilterForm,
    PlacementStatusForm,
    ProposalFilterForm,
)


def _may_manage(user: Any, holder_id: int) -> bool:
    return has_capability(user, Capability.MANAGE_MATCHING, Scope(organisation_id=holder_id))


def _back_to_proposals(request_id: int) -> HttpResponse:
    return redirect(reverse("matching:proposals") + f"?request={request_id}")


@requires_as_staff(Capability.VIEW_MATCHING)
@require_GET
def proposals(request: HttpRequest) -> HttpResponse:
    """Open proposals by request and shift, each with why; staff who manage the pool
    confirm, decline or change them here."""
    chosen = ProposalFilterForm(request.GET)
    request_id = chosen.cleaned_data.get("request") if chosen.is_valid() else None
    narrowed_to = (
        queries.get_request_for_proposals(request.user, request_id) if request_id else None
    )
    groups = queries.open_proposals(request.user, request_id)
    return render(
        request,
        "matching/placements/proposals.html",
        {
            "groups": groups,
            "narrowed_to": narrowed_to,
            "manages": {
                g.request.holder_id
                for g in groups
                if _may_manage(request.user, g.request.holder_id)
            },
            "decline_form": DeclineForm(),
        },
    )


@requires(Capability.MANAGE_MATCHING)
@require_POST
def proposal_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = queries.get_proposal_for_user(request.user, pk)
    act(
        request,
        lambda: services.proposal_confirm(
            actor=request.user, proposal_id=proposal.pk, remote_addr=client_address(request)
        ),
        _("%(name)s is placed; she and the care organisation will be mailed.")
        % {"name": proposal.candidate},
    )
    return _back_to_proposals(proposal.shift.request_id)


@requires(Capability.MANAGE_MATCHING)
@require_POST
def proposal_decline(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = queries.get_proposal_for_user(request.user, pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return _back_to_proposals(proposal.shift.request_id)
    act(
        request,
        lambda: services.proposal_decline(
            actor=request.user,
            proposal_id=proposal.pk,
            reason=form.cleaned_data["reason"],
            remote_addr=client_address(request),
        ),
        _("The proposal has been declined."),
    )
    return _back_to_proposals(proposal.shift.request_id)


@requires(Capability.MANAGE_MATCHING)
@require_http_methods(["GET", "POST"])
def proposal_change(request: HttpRequest, pk: int) -> HttpResponse:
    """Who else can take the shift (the pool's candidates with the role, valid
    qualifications, availability, within reach and free at that time), to pick one."""
    proposal = queries.get_proposal_for_user(request.user, pk)
    candidates = eligible_candidates(proposal.shift, excluding=[proposal.candidate_id])
    form = ChangeForm(request.POST or None, candidates=candidates)
    page_context = {"proposal": proposal, "form": form, "candidates": candidates}
    if request.method == "POST":
        if attempt(
            request,
            form,
            lambda cleaned: services.proposal_replace(
                actor=request.user,
                proposal_id=proposal.pk,
                candidate_id=cleaned["candidate"],
                remote_addr=client_address(request),
            ),
            _("The proposal has been changed; confirm it when she agrees."),
        ):
            return _back_to_proposals(proposal.shift.request_id)
        return shown_again(
            render(request, "matching/placements/proposal_change.html", page_context)
        )
    return render(request, "matching/placements/proposal_change.html", page_context)


COLUMNS = (
    Column(gettext_lazy("Starts"), "starts", ("starts_at",)),
    Column(gettext_lazy("Candidate")),
    Column(gettext_lazy("Organisation"), "organisation", ("shift__request__requester__name",)),
    Column(gettext_lazy("Status"), "status"),
)


@requires_as_staff(Capability.VIEW_MATCHING)
@require_GET
def placements(request: HttpRequest) -> HttpResponse:
    chosen = PlacementFilterForm(request.GET)
    rows = queries.placements_visible_to(request.user)
    if chosen.is_valid():
        now = clock.now()
        when, status = chosen.cleaned_data["wanneer"], chosen.cleaned_data["status"]
        if when == "komend":
            rows = rows.filter(ends_at__gt=now)
        elif when == "voorbij":
            rows = rows.filter(ends_at__lte=now)
        if status:
            rows = rows.filter(status=status)
    listing = list_page(request, rows, columns=COLUMNS, default_sort="-starts")
    return render(
        request,
        "matching/placements/placements.html",
        {"listing": listing, "placements": listing.rows, "filters": chosen},
    )


@requires_as_staff(Capability.VIEW_MATCHING)
@require_GET
def placement(request: HttpRequest, pk: int) -> HttpResponse:
    record = queries.get_placement_for_user(request.user, pk)
    return _placement_page(request, record, PlacementStatusForm())


def _placement_page(request: HttpRequest, record: Any, form: Any) -> HttpResponse:
    may_manage = _may_manage(request.user, record.shift.request.holder_id)
    return render(
        request,
        "matching/placements/placement.html",
        {
            "placement": record,
            "follow_ups": list(record.follow_ups.order_by("side")),
            "may_change": may_manage and bool(services.NEXT_STATUSES.get(record.status)),
            "form": form,
            "holding": record.status in (PlacementStatus.BEVESTIGD, PlacementStatus.PLAATSGEVONDEN),
        },
    )


@requires(Capability.MANAGE_MATCHING)
@require_POST
def placement_status(request: HttpRequest, pk: int) -> HttpResponse:
    record = queries.get_placement_for_user(request.user, pk)
    form = PlacementStatusForm(request.POST)
    base_url = request.build_absolute_uri("/").rstrip("/")
    if attempt(
        request,
        form,
        lambda cleaned: services.placement_status_set(
            actor=request.user,
            placement_id=record.pk,
            status=cleaned["status"],
            reason=cleaned["reason"],
            base_url=base_url,
            remote_addr=client_address(request),
        ),
        _("The placement's status has been recorded."),
    ):
        return redirect("matching:placement", record.pk)
    return shown_again(_placement_page(request, record, form))
