"""The page that sets how an indicator is measured: first the measure (a form that only
reloads the page), then its parameters and Save. Works without JavaScript."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.pages import form_status, submit
from koers.plans import queries, services
from koers.plans.access import get_indicator_for_user
from koers.plans.measurement_form import MeasurementForm, measure_options
from koers.plans.measures import get_measure
from koers.plans.models import Indicator
from koers.plans.views.edits import _activity_crumbs, _activity_page, _frozen_notice


@requires(Capability.EDIT_PLAN)
@require_http_methods(["GET", "POST"])
def indicator_measurement(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = get_indicator_for_user(request.user, pk, Capability.EDIT_PLAN)
    activity = indicator.activity
    if request.method == "POST":
        chosen = request.POST.get("measure", "")
    else:
        chosen = request.GET.get("meting", indicator.measure)
        if chosen and get_measure(chosen) is None:
            chosen = ""  # a measure no longer registered, or an address from an older version
    form = MeasurementForm(request.POST or None, indicator=indicator, measure=chosen)
    if request.method == "POST" and form.is_valid():
        done = submit(
            request,
            form,
            services.indicator_measure_set,
            _("How the indicator is measured has been saved."),
            indicator=indicator,
        )
        if done:
            return redirect(_activity_page(activity))
    measure = get_measure(chosen)
    annual_plan = queries.annual_plan_for(activity.programme.plan, activity.year)
    context = {
        "heading": _("How “%(indicator)s” is measured") % {"indicator": indicator},
        "intro": _(
            "Entered by hand, with evidence; or counted by Koers from its own records, which "
            "then needs no realisations. Realisations already entered stay either way."
        ),
        "indicator": indicator,
        "form": form,
        "measure": measure,
        "options": measure_options(),
        "chosen": chosen,
        "crumbs": _activity_crumbs(activity),
        "back_url": _activity_page(activity),
        "notice": _frozen_notice(annual_plan) or _lost_measure_notice(indicator),
        "self_url": reverse("plans:indicator_measurement", args=[indicator.pk]),
    }
    return render(request, "plans/indicator_measurement.html", context, status=form_status(request))


def _lost_measure_notice(indicator: Indicator) -> str:
    if not indicator.measure or get_measure(indicator.measure) is not None:
        return ""
    return _(
        "It was counted by “%(measure)s”, which this version of Koers no longer has: choose "
        "another measure, or enter it by hand."
    ) % {"measure": indicator.measure}
