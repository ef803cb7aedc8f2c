"""The risk register: the list with its expected impact, the earmarked reserves against
their ceilings and the coverage of the risks; one risk; adding and editing a risk."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires, requires_as_staff
from koers.accounts.policy import organisations_with, own_organisation
from koers.accounts.roles import Capability
from koers.core.forms import Form
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.versioning import versioned_edit
from koers.funding import queries, services
from koers.funding.access import get_risk_for_user
from koers.funding.filters import LARGEST_ID
from koers.funding.forms import RiskForm
from koers.funding.models import Risk
from koers.plans.models import Programme

COLUMNS = (
    Column(gettext_lazy("Risk"), "title", (Lower("title"),)),
    Column(gettext_lazy("Programme"), "programme", ("programme__order", "programme__code")),
    Column(gettext_lazy("Probability"), "probability", numeric=True),
    Column(gettext_lazy("Impact"), "impact", numeric=True),
    Column(gettext_lazy("Expected impact"), "expected", ("expected_impact",), numeric=True),
    Column(gettext_lazy("Owner"), "owner", (Lower("owner"),)),
    Column(gettext_lazy("Review date"), "review", ("review_on",)),
)
WHOLE_ORGANISATION = "organisatie"


class RiskFilterForm(Form):
    """`?programma=<id>`: the risks of one programme; `?programma=organisatie`: those of the
    whole organisation. Anything else shows every risk."""

    programma = forms.RegexField(regex=r"^(\d{1,10}|organisatie)$", required=False, max_length=12)

    def narrow(self, risks: Any) -> Any:
        if not self.is_valid() or not self.cleaned_data["programma"]:
            return risks
        chosen = self.cleaned_data["programma"]
        if chosen == WHOLE_ORGANISATION:
            return risks.filter(programme__isnull=True)
        if int(chosen) > LARGEST_ID:
            return risks.none()
        return risks.filter(programme_id=int(chosen))


def _may_manage(request: HttpRequest) -> bool:
    own, _funding = organisations_with(request.user, Capability.MANAGE_FUNDING)
    return bool(own)


@requires_as_staff(Capability.VIEW_FUNDING)
@require_GET
def risks(request: HttpRequest) -> HttpResponse:
    """The register, narrowed to a programme, sorted and paged, with its totals; the
    earmarked reserves' planned balances against their ceilings; risk coverage."""
    organisation_id = own_organisation(request.user, Capability.VIEW_FUNDING)
    register = queries.risk_register(organisation_id)
    chosen = RiskFilterForm(request.GET)
    rows = chosen.narrow(register)
    listing = list_page(request, rows, columns=COLUMNS, default_sort="title")
    totals = queries.register_totals(rows)
    plans = queries.reserve_plans(organisation_id)
    return render(
        request,
        "funding/risks.html",
        {
            "listing": listing,
            "risks": listing.rows,
            "totals": totals,
            "plans": plans,
            "coverage": queries.coverage(
                organisation_id, plans, queries.register_totals(register)["expected"]
            ),
            "programmes": Programme.objects.filter(plan__organisation_id=organisation_id)
            .order_by("order", "code")
            .values_list("pk", "code", "name"),
            "chosen_programme": chosen.cleaned_data.get("programma", "")
            if chosen.is_valid()
            else "",
            "may_manage": _may_manage(request),
        },
    )


@requires_as_staff(Capability.VIEW_FUNDING)
@require_GET
def risk(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_risk_for_user(request.user, pk)
    return render(
        request,
        "funding/risk.html",
        {
            "risk": record,
            "may_manage": _may_manage(request)
            and own_organisation(request.user, Capability.MANAGE_FUNDING) == record.organisation_id,
        },
    )


@requires(Capability.MANAGE_FUNDING)
@require_http_methods(["GET", "POST"])
def risk_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.MANAGE_FUNDING)
    record: Risk | None = (
        get_risk_for_user(request.user, pk, Capability.MANAGE_FUNDING) if pk else None
    )
    form = RiskForm(
        request.POST or None,
        instance=record or Risk(organisation_id=organisation_id),
        initial={"version": record.version} if record else None,
        organisation_id=organisation_id,
    )

    def save(cleaned: dict[str, Any]) -> Risk:
        return services.risk_save(
            actor=request.user,
            organisation_id=organisation_id,
            values={name: cleaned[name] for name in services.RISK_FIELDS},
            risk=record,
            expected_version=cleaned["version"] if record else None,
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The risk has been saved.") if record else _("The risk has been added."),
        shown=("title", "probability", "impact", "review_on"),
        next_url=lambda saved: reverse("funding:risk", args=[saved.pk]),
        heading=_("Edit %(risk)s") % {"risk": record} if record else _("Add a risk"),
        crumbs=[(record.title, reverse("funding:risk", args=[record.pk]))] if record else [],
        back_url=reverse("funding:risk", args=[record.pk]) if record else reverse("funding:risks"),
    )
