"""The contact's personal link (no account: the page is public, rate limited, and shows the
entry without any person), and the coordinator's review of what contacts proposed."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires_as_staff
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.atlas.initiatives import confirmation_services, queries
from koers.atlas.initiatives.forms import DecisionForm, ProposalForm, initial_of
from koers.atlas.initiatives.links import PROPOSABLE, LinkRefused, usable_link
from koers.atlas.models import DIMENSIONS, ChangeStatus, ProposedChange
from koers.core.http import client_address
from koers.core.pages import act, flash_form_errors
from koers.core.ratelimit import allow

# Guessing a link's secret is hopeless (256 bits); the limit keeps a script from trying and
# from filling the review queue through one address.
LINK_USES_PER_HOUR = 30


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def confirmation(request: HttpRequest, token: str) -> HttpResponse:
    """The contact confirms her entry as it is, or proposes changes for review."""
    if not allow(
        f"atlas-link:{client_address(request)}",
        limit=LINK_USES_PER_HOUR,
        window=dt.timedelta(hours=1),
    ):
        return _refused(
            request, _("Too many attempts from your address. Try again in an hour."), 429
        )
    now = timezone.now()
    try:
        link = usable_link(token, now)
    except LinkRefused as refused:
        return _refused(request, refused.message, 410 if refused.gone else 404)
    initiative = link.initiative
    form = ProposalForm(initial=initial_of(initiative, [n for n in PROPOSABLE if n != "themes"]))
    if request.method == "POST":
        proposing = request.POST.get("action") == "propose"
        form = ProposalForm(request.POST) if proposing else form
        if not proposing or form.is_valid():
            try:
                change = confirmation_services.contact_confirmation_submit(
                    token=token,
                    now=now,
                    proposed={n: form.cleaned_data[n] for n in PROPOSABLE} if proposing else None,
                    note=form.cleaned_data.get("note", "") if proposing else "",
                    remote_addr=client_address(request),
                )
            except LinkRefused as refused:
                return _refused(request, refused.message, 410 if refused.gone else 404)
            return render(
                request,
                "atlas/initiatives/confirmation_done.html",
                {"initiative": initiative, "proposed": change is not None},
            )
    return render(
        request,
        "atlas/initiatives/confirmation.html",
        {
            "initiative": initiative,
            "themes": list(initiative.themes.all()),
            "dimensions": [(d.label, getattr(initiative, d.field)) for d in DIMENSIONS],
            "form": form,
            "expires_at": link.expires_at,
        },
        status=400 if request.method == "POST" else 200,
    )


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(
        request, "atlas/initiatives/confirmation_refused.html", {"message": message}, status=status
    )


@requires_as_staff(Capability.EDIT_ATLAS)
@require_GET
def reviews(request: HttpRequest) -> HttpResponse:
    """What contacts proposed, waiting for a decision: each change as now → proposed."""
    holder_id = own_organisation(request.user, Capability.EDIT_ATLAS)
    return render(
        request, "atlas/initiatives/reviews.html", {"queue": queries.review_queue(holder_id)}
    )


@requires_as_staff(Capability.EDIT_ATLAS)
@require_POST
def review_decide(request: HttpRequest, pk: int) -> HttpResponse:
    holder_id = own_organisation(request.user, Capability.EDIT_ATLAS)
    change = get_object_or_404(
        ProposedChange.objects.select_related("initiative"),
        pk=pk,
        initiative__holder_id=holder_id,
        status=ChangeStatus.PENDING,
    )
    form = DecisionForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("atlas:reviews")
    accept = form.cleaned_data["decision"] == "accept"
    act(
        request,
        lambda: confirmation_services.proposed_change_decide(
            actor=request.user,
            change=change,
            accept=accept,
            now=timezone.now(),
            remote_addr=client_address(request),
        ),
        _("The proposal has been accepted and the entry confirmed.")
        if accept
        else _("The proposal has been rejected."),
    )
    return redirect("atlas:reviews")
