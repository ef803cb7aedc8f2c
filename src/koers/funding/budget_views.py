"""Money per programme: the budget beside what was realised, new budget lines and
expenses, and the stated budget tables with their cross-foot check."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import organisations_with, own_organisation
from koers.accounts.roles import Capability
from koers.core.pages import form_page, submit
from koers.core.reference import viewpoint
from koers.funding import queries, services
from koers.funding.access import (
    get_budget_table_for_user,
)
from koers.funding.forms import BudgetLineForm, ExpenseForm
from koers.funding.models import (
    BudgetLine,
    BudgetTable,
)


def _budget_scope(request: HttpRequest) -> tuple[int | None, set[int] | None]:
    """Whose budget the user reads, and for a funder's official, which funders' lines.
    A funder whose money is in no budget reads an empty one."""
    own, funding = organisations_with(request.user, Capability.VIEW_FUNDING)
    if own:
        return min(own), None
    organisation_ids = (
        BudgetLine.objects.visible_to(request.user)
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    return min(organisation_ids, default=None), funding


def overview_for(request: HttpRequest) -> tuple[queries.BudgetOverview, bool]:
    """The budget the user reads (of her viewpoint's year), and whether as a funder."""
    organisation_id, funder_ids = _budget_scope(request)
    view = viewpoint(request)
    if organisation_id is None:
        empty = queries.BudgetOverview(view.year.value, [], {}, Decimal(0), view.reference)
        return empty, True
    overview = queries.budget_overview(
        organisation_id, view.year.value, reference=view.reference, funder_ids=funder_ids
    )
    return overview, funder_ids is not None


@requires(Capability.VIEW_FUNDING)
@require_GET
def budget(request: HttpRequest) -> HttpResponse:
    overview, is_funder = overview_for(request)
    own, _funding = organisations_with(request.user, Capability.MANAGE_FUNDING)
    return render(
        request,
        "funding/budget.html",
        {"overview": overview, "may_manage": bool(own), "is_funder": is_funder},
    )


@requires(Capability.MANAGE_FUNDING)
@require_http_methods(["GET", "POST"])
def budget_line_add(request: HttpRequest) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.MANAGE_FUNDING)
    form = BudgetLineForm(
        request.POST or None,
        organisation_id=organisation_id,
        initial={"year": viewpoint(request).year.value},
    )
    if request.method == "POST" and form.is_valid():
        line = submit(
            request,
            _ValuesForm(form),
            services.budget_line_save,
            _("The budget line has been added."),
            organisation_id=organisation_id,
        )
        if line is not None:
            return redirect(f"{reverse('funding:budget')}?jaar={line.year}")
    return form_page(
        request,
        form,
        heading=_("Add a budget line"),
        back_url=reverse("funding:budget"),
        intro=_(
            "Income from a funder, or costs of a type, for a programme in a year. Give a "
            "range where the plan gives a bandwidth; the amount is the figure planned on."
        ),
    )


class _ValuesForm:
    """Hands a form's cleaned data to a service that takes `values=`."""

    def __init__(self, form: Any) -> None:
        self.form = form
        self.cleaned_data = {"values": dict(form.cleaned_data)}

    def add_error(self, field: Any, error: Any) -> None:
        self.form.add_error(field, error)


@requires(Capability.MANAGE_FUNDING)
@require_http_methods(["GET", "POST"])
def expense_add(request: HttpRequest) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.MANAGE_FUNDING)
    form = ExpenseForm(request.POST or None, organisation_id=organisation_id)
    if request.method == "POST" and form.is_valid():
        expense = submit(
            request,
            _ValuesForm(form),
            services.expense_record,
            _("The expense has been recorded."),
            organisation_id=organisation_id,
        )
        if expense is not None:
            return redirect(f"{reverse('funding:budget')}?jaar={expense.date.year}")
    return form_page(
        request,
        form,
        heading=_("Record an expense"),
        back_url=reverse("funding:budget"),
        intro=_("Money spent besides hours: material, hired expertise, venues."),
    )


@requires(Capability.VIEW_FUNDING)
@require_GET
def budget_tables(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "funding/budget_tables.html",
        {"tables": queries.tables_with_flags(BudgetTable.objects.visible_to(request.user))},
    )


@requires(Capability.VIEW_FUNDING)
@require_GET
def budget_table(request: HttpRequest, pk: int) -> HttpResponse:
    table = get_budget_table_for_user(request.user, pk)
    return render(request, "funding/budget_table.html", {"checked": queries.cross_foot(table)})
