"""Money per programme: the budget beside what was realised, new budget lines and
expenses, and the stated budget tables with their cross-foot check."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import organisations_with, own_organisation
from koers.accounts.roles import Capability
from koers.core.pages import form_page, submit
from koers.core.reference import viewpoint
from koers.directory.models import Organisation
from koers.funding import queries, services
from koers.funding.access import (
    get_budget_table_for_user,
)
from koers.funding.forms import BudgetLineForm, ExpenseForm
from koers.funding.models import (
    BudgetLine,
    BudgetTable,
)

# The query parameter that chooses whose budget, for someone who reads several (a funder's
# official whose money is in several partners' budgets, a board member of two).
ORGANISATION_PARAMETER = "organisatie"


@dataclass
class BudgetChoice:
    organisation_id: int | None
    funder_ids: set[int] | None  # a funder's official: the lines of these funders only
    organisations: list[Organisation]  # whose budgets she may choose


def _budget_scope(request: HttpRequest) -> BudgetChoice:
    """Whose budget the user reads: the one she chose, else her own organisation's (where she
    manages money first), else the first (by name) of the partners whose budgets hold her
    funder's money; 404 for one she may not read. A funder whose money is in no budget reads
    an empty one."""
    own, funding = organisations_with(request.user, Capability.VIEW_FUNDING)
    funded = set(
        BudgetLine.objects.visible_to(request.user)
        .exclude(organisation_id__in=own)
        .values_list("organisation_id", flat=True)
        .distinct()
    )
    organisations = list(Organisation.objects.filter(pk__in=own | funded).order_by("name"))
    asked = request.GET.get(ORGANISATION_PARAMETER, "")
    if asked:
        chosen = next((o.pk for o in organisations if str(o.pk) == asked), None)
        if chosen is None:
            raise Http404
    else:
        # Her own first: where she manages money (where the add buttons write), else any
        # she reads as staff or board, else the first partner she funds.
        managed, _funded = organisations_with(request.user, Capability.MANAGE_FUNDING)
        first_own = next((o.pk for o in organisations if o.pk in own & managed), None)
        first_own = first_own or next((o.pk for o in organisations if o.pk in own), None)
        chosen = first_own or next((o.pk for o in organisations), None)
    return BudgetChoice(chosen, None if chosen in own else funding, organisations)


def overview_for(request: HttpRequest) -> tuple[queries.BudgetOverview, BudgetChoice]:
    """The budget the user reads (of her viewpoint's year), and whose it is."""
    choice = _budget_scope(request)
    view = viewpoint(request)
    if choice.organisation_id is None:
        empty = queries.BudgetOverview(view.year.value, [], {}, Decimal(0), view.reference)
        return empty, choice
    overview = queries.budget_overview(
        choice.organisation_id,
        view.year.value,
        reference=view.reference,
        funder_ids=choice.funder_ids,
    )
    return overview, choice


@requires(Capability.VIEW_FUNDING)
@require_GET
def budget(request: HttpRequest) -> HttpResponse:
    overview, choice = overview_for(request)
    own, _funding = organisations_with(request.user, Capability.MANAGE_FUNDING)
    return render(
        request,
        "funding/budget.html",
        {
            "overview": overview,
            "may_manage": choice.organisation_id in own,
            "is_funder": choice.funder_ids is not None,
            "choice": choice,
            "organisation_parameter": ORGANISATION_PARAMETER,
        },
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
