"""The runs of the matcher: the list with their figures, asking for a new run (the worker
computes it), and one run: the solver against the greedy baseline, and the places that
stayed open with why."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.matching.engine import queries, services
from koers.matching.engine.forms import RunStartForm
from koers.matching.managers import pool_holders_visible_to

COLUMNS = (
    Column(gettext_lazy("Asked for at"), "requested", fields=("requested_at",)),
    Column(gettext_lazy("Method"), "method"),
    Column(gettext_lazy("Status"), "status"),
    Column(gettext_lazy("Proposals"), numeric=True),
    Column(gettext_lazy("Places filled (solver)"), numeric=True),
    Column(gettext_lazy("Places filled (greedy)"), numeric=True),
    Column(gettext_lazy("Seconds"), numeric=True),
)


@requires(Capability.VIEW_MATCHING)
@require_GET
def runs(request: HttpRequest) -> HttpResponse:
    return _runs_page(request, RunStartForm())


def _runs_page(request: HttpRequest, form: RunStartForm, status: int = 200) -> HttpResponse:
    listing = list_page(
        request, queries.runs_for(request.user), columns=COLUMNS, default_sort="-requested"
    )
    may_start = any(queries.may_run(request.user, h) for h in pool_holders_visible_to(request.user))
    return render(
        request,
        "matching/engine/runs.html",
        {"listing": listing, "runs": listing.rows, "may_start": may_start, "form": form},
        status=status,
    )


@requires(Capability.MANAGE_MATCHING)
@require_POST
def run_start(request: HttpRequest) -> HttpResponse:
    """Staff who manage the pool ask for a run over their organisation's open requests."""
    holder_id = own_organisation(request.user, Capability.MANAGE_MATCHING)
    form = RunStartForm(request.POST)
    if not form.is_valid():  # the page again, with the reason at the field (400)
        return _runs_page(request, form, status=400)
    run = services.run_start(
        holder_id=holder_id,
        user=request.user,
        method=form.cleaned_data["method"],
        remote_addr=client_address(request),
    )
    messages.success(
        request,
        _(
            "The run has been asked for; the worker computes the proposals and this page "
            "shows them when it is done."
        ),
    )
    return redirect(reverse("matching:run", args=[run.pk]))


@requires(Capability.VIEW_MATCHING)
@require_GET
def run(request: HttpRequest, pk: int) -> HttpResponse:
    record = queries.get_run_for_user(request.user, pk)
    return render(
        request,
        "matching/engine/run.html",
        {"run": record, "page": queries.run_page(record), "stats": record.stats or {}},
    )
