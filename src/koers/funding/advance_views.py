"""Advances across grants: the quarter's list, recording one as sent or paid (from that
list or from the grant's page) and its invoice."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.pages import RowRefusal, attempt, row_form, shown_again
from koers.core.periods import Quarter
from koers.core.reference import default_reference
from koers.funding import queries, services
from koers.funding.access import get_advance_for_user
from koers.funding.forms import AdvanceForm, QuarterForm
from koers.funding.models import Grant
from koers.funding.views import _back_to, _grant_page


@requires(Capability.MANAGE_FUNDING)
@require_POST
def advance_update(request: HttpRequest, pk: int) -> HttpResponse:
    advance = get_advance_for_user(request.user, pk, Capability.MANAGE_FUNDING)
    form = row_form(AdvanceForm, request.POST, advance.pk)

    def update(cleaned: dict[str, Any]) -> None:
        # Only the fields the form sent change; an emptied date is cleared.
        changes = {name: cleaned[name] for name in form.fields if name in request.POST}
        if "invoice_number" in changes and not changes["invoice_number"]:
            del changes["invoice_number"]
        services.advance_update(
            actor=request.user, advance=advance, remote_addr=client_address(request), **changes
        )

    from_list = request.POST.get("next", "") == "advances"
    if attempt(request, form, update, _("The advance has been updated.")):
        return redirect("funding:advances") if from_list else _back_to(advance.grant, "#advances")
    refused = RowRefusal(advance.pk, form)
    if from_list:
        return shown_again(_advances_page(request, refused))
    return shown_again(_grant_page(request, advance.grant, advance_refused=refused))


@requires(Capability.VIEW_FUNDING)
@require_GET
def advance_invoice(request: HttpRequest, pk: int) -> HttpResponse:
    """The invoice for an advance as a PDF, with the grant's reference."""
    from koers.funding.invoice import invoice_pdf

    advance = get_advance_for_user(request.user, pk, Capability.VIEW_FUNDING)
    if not advance.invoice_number:
        raise Http404
    response = HttpResponse(invoice_pdf(advance), content_type="application/pdf")
    response["Content-Disposition"] = str(
        content_disposition_header(True, f"factuur-{advance.invoice_number}.pdf")
    )
    return response


@requires(Capability.VIEW_FUNDING)
@require_GET
def advances(request: HttpRequest) -> HttpResponse:
    return _advances_page(request)


def _advances_page(request: HttpRequest, refused: RowRefusal | None = None) -> HttpResponse:
    """The quarter's advances; after a refused update with that row's form as posted."""
    quarter = QuarterForm(request.GET).quarter(Quarter.containing(default_reference()))
    previous = (
        Quarter(quarter.year, quarter.number - 1)
        if quarter.number > 1
        else Quarter(quarter.year - 1, 4)
    )
    following = (
        Quarter(quarter.year, quarter.number + 1)
        if quarter.number < 4
        else Quarter(quarter.year + 1, 1)
    )
    own, _funding = organisations_with(request.user, Capability.MANAGE_FUNDING)
    return render(
        request,
        "funding/advances.html",
        {
            "overview": queries.advances_overview(Grant.objects.visible_to(request.user), quarter),
            "previous": f"{previous.year}-{previous.number}",
            "following": f"{following.year}-{following.number}",
            "may_manage": bool(own),
            "today": timezone.localdate(),
            "advance_refused": refused,
        },
    )
