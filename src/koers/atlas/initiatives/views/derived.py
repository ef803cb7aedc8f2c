"""Ties Koers knows from its relations records, proposed for the atlas: take one over
(stored as derived, marked with where it came from) or hide it."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from koers.accounts.decorators import requires_as_staff
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.atlas.initiatives import proposal_services
from koers.atlas.initiatives.forms import ProposalKeyForm
from koers.atlas.initiatives.proposals import derived_proposals
from koers.core.http import client_address
from koers.core.pages import act, flash_form_errors

# Proposals shown at once: the newest first; taking some over or hiding them shows the next.
SHOWN = 100


@requires_as_staff(Capability.EDIT_ATLAS)
@require_GET
def tie_proposals(request: HttpRequest) -> HttpResponse:
    holder_id = own_organisation(request.user, Capability.EDIT_ATLAS)
    proposals = derived_proposals(holder_id)
    return render(
        request,
        "atlas/initiatives/tie_proposals.html",
        {"proposals": proposals[:SHOWN], "total": len(proposals), "shown": SHOWN},
    )


def _decide(request: HttpRequest, service: object, success: str) -> HttpResponse:
    holder_id = own_organisation(request.user, Capability.EDIT_ATLAS)
    form = ProposalKeyForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("atlas:tie_proposals")
    key = (form.cleaned_data["derivation"], form.cleaned_data["first"], form.cleaned_data["second"])
    act(
        request,
        lambda: service(  # type: ignore[operator]
            actor=request.user, holder_id=holder_id, key=key, remote_addr=client_address(request)
        ),
        success,
    )
    return redirect("atlas:tie_proposals")


@requires_as_staff(Capability.EDIT_ATLAS)
@require_POST
def tie_proposal_accept(request: HttpRequest) -> HttpResponse:
    return _decide(
        request, proposal_services.derived_tie_add, _("The tie has been added to the atlas.")
    )


@requires_as_staff(Capability.EDIT_ATLAS)
@require_POST
def tie_proposal_dismiss(request: HttpRequest) -> HttpResponse:
    return _decide(
        request,
        proposal_services.derived_tie_dismissal_record,
        _("The proposal has been hidden."),
    )
