"""Adding and editing an earmarked reserve: its ceiling, its opening balance and the
addition planned for each year of the organisation's plan (negative: a withdrawal).
Saving a plan whose balance rises above the ceiling is allowed; the risks page it returns
to flags it with both figures, as a warning for the controller."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import Max, Min
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.forms import ModelForm
from koers.core.http import client_address
from koers.core.versioning import versioned_edit
from koers.funding import services
from koers.funding.access import get_reserve_for_user
from koers.funding.models import EarmarkedReserve
from koers.plans.models import Plan

FIELDS = ["name", "purpose", "ceiling", "opening_year", "opening_balance"]
PREFIX = "addition_"


def plan_years(organisation_id: int, reserve: EarmarkedReserve | None) -> list[int]:
    """The years of the organisation's plans, and any year the reserve already has an
    addition for (so an edit keeps it)."""
    span = Plan.objects.filter(organisation_id=organisation_id).aggregate(
        first=Min("start_year"), last=Max("end_year")
    )
    years = set(range(span["first"], span["last"] + 1)) if span["first"] else set()
    if reserve is not None:
        years |= set(reserve.additions.values_list("year", flat=True))
    return sorted(years)


class ReserveForm(ModelForm):
    """An earmarked reserve with one field per plan year for its planned addition, and the
    version it was opened with."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = EarmarkedReserve
        fields = FIELDS

    def __init__(self, *args: Any, years: list[int], organisation_id: int, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.years = years
        self.organisation_id = organisation_id
        for year in years:
            self.fields[f"{PREFIX}{year}"] = forms.DecimalField(
                label=_("Planned addition %(year)s (€)") % {"year": year},
                required=False,
                max_digits=14,
                decimal_places=2,
                help_text=gettext_lazy("Negative: a withdrawal. Empty: none planned."),
                show_hidden_initial=True,
            )

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"]
        taken = EarmarkedReserve.objects.filter(organisation_id=self.organisation_id, name=name)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("There is already an earmarked reserve with this name."))
        return name

    def clean_opening_year(self) -> int:
        year: int = self.cleaned_data["opening_year"]
        if self.years and not self.years[0] - 1 <= year <= self.years[-1]:
            raise forms.ValidationError(
                _("Choose a year from %(first)s to %(last)s: the plan's years or the year before.")
                % {"first": self.years[0] - 1, "last": self.years[-1]}
            )
        return year

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        opening = cleaned.get("opening_year")
        if opening is not None:
            for year, _amount in self.additions().items():
                if year <= opening:
                    self.add_error(
                        f"{PREFIX}{year}",
                        _(
                            "A planned addition falls after the year of the opening balance "
                            "(%(opening)s): leave this year empty or choose an earlier year "
                            "for the balance."
                        )
                        % {"opening": opening},
                    )
        return cleaned

    def additions(self) -> dict[int, Decimal]:
        return {
            year: amount
            for year in self.years
            if (amount := self.cleaned_data.get(f"{PREFIX}{year}")) is not None
        }


@requires(Capability.MANAGE_FUNDING)
@require_http_methods(["GET", "POST"])
def reserve_add(request: HttpRequest) -> HttpResponse:
    """A new reserve of her own organisation: the post names no organisation."""
    return _reserve_page(request, None)


@requires(Capability.MANAGE_FUNDING)
@require_http_methods(["GET", "POST"])
def reserve_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _reserve_page(request, pk)


def _reserve_page(request: HttpRequest, pk: int | None) -> HttpResponse:
    organisation_id = own_organisation(request.user, Capability.MANAGE_FUNDING)
    record = get_reserve_for_user(request.user, pk) if pk else None
    initial: dict[str, Any] = {}
    if record is not None:
        initial = {"version": record.version} | {
            f"{PREFIX}{addition.year}": addition.amount for addition in record.additions.all()
        }
    form = ReserveForm(
        request.POST or None,
        instance=record or EarmarkedReserve(organisation_id=organisation_id),
        initial=initial,
        years=plan_years(organisation_id, record),
        organisation_id=organisation_id,
    )

    def save(cleaned: dict[str, Any]) -> EarmarkedReserve:
        return services.earmarked_reserve_store(
            actor=request.user,
            organisation_id=organisation_id,
            values={name: cleaned[name] for name in FIELDS},
            additions=form.additions(),
            reserve=record,
            expected_version=cleaned["version"] if record else None,
            adding=record is None,
            remote_addr=client_address(request),
        )

    risks = reverse("funding:risks")
    return versioned_edit(
        request,
        form,
        save,
        success=_("The earmarked reserve has been saved.")
        if record
        else _("The earmarked reserve has been added."),
        shown=("name", "ceiling", "opening_year", "opening_balance"),
        next_url=lambda saved: f"{risks}#reserve-{saved.pk}",
        heading=_("Edit %(reserve)s") % {"reserve": record}
        if record
        else _("Add an earmarked reserve"),
        crumbs=[],
        back_url=risks,
    )
