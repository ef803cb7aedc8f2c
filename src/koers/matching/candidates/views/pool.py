"""The pool page (available today per role against the targets, the call-back count, the
funnel) and the call-back list."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from koers.accounts.decorators import requires
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.listing import Column, list_page
from koers.directory.models import Organisation
from koers.matching import clock
from koers.matching.candidates import queries
from koers.matching.candidates.access import (
    figure_holders_visible_to,
    may_manage_pool,
    sees_pool_records,
)
from koers.matching.candidates.forms import PoolHolderForm
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction


@requires(Capability.VIEW_MATCHING_FIGURES)
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """Counts for all who may see the figures; links to the lists for the pool's staff only
    (funders and the board see numbers, never names)."""
    holder_ids = figure_holders_visible_to(request.user)
    names = dict(Organisation.objects.filter(pk__in=holder_ids).values_list("pk", "name"))
    chooser = PoolHolderForm(request.GET, holders=[(pk, names.get(pk, "")) for pk in holder_ids])
    holder_id = chooser.holder(holder_ids)
    today = clock.today()
    figures = queries.pool_figures(holder_id, today) if holder_id else None
    return render(
        request,
        "matching/candidates/pool.html",
        {
            "figures": figures,
            "holder_name": names.get(holder_id, "") if holder_id else "",
            "chooser": chooser if len(holder_ids) > 1 else None,
            "staff": holder_id is not None and sees_pool_records(request.user, holder_id),
            "may_manage": holder_id is not None and may_manage_pool(request.user, holder_id),
        },
    )


CALLBACK_COLUMNS = (
    Column(gettext_lazy("Name"), "name", ("person__last_name", "person__first_name")),
    Column(gettext_lazy("Stage"), "stage"),
    Column(gettext_lazy("Why"), ""),
    Column(gettext_lazy("Last spoken to"), "contact", ("last_contact_on",)),
    Column(gettext_lazy("Telephone"), ""),
    Column(gettext_lazy("Actions"), "", label_hidden=True),
)


@requires(Capability.VIEW_MATCHING)
@require_GET
def callbacks(request: HttpRequest) -> HttpResponse:
    """Whom to call back, and why, in her own organisation's pool."""
    holder_id = own_organisation(request.user, Capability.VIEW_MATCHING)
    today = clock.today()
    rows = queries.callback_candidates(holder_id, today).select_related("person")
    listing = list_page(request, rows, columns=CALLBACK_COLUMNS, default_sort="contact")
    log_access(
        request,
        AccessAction.LIST,
        [row.person for row in listing.rows if row.person],
        detail=str(gettext_lazy("Call-back list")),
    )
    return render(
        request,
        "matching/candidates/callbacks.html",
        {
            "listing": listing,
            "candidates": listing.rows,
            "weeks": queries.settings.MATCHING_CALLBACK_WEEKS,
            "may_manage": may_manage_pool(request.user, holder_id),
        },
    )
