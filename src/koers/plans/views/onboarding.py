"""Bringing an organisation into Koers from the browser: the installation administrator's
page beside `koers organisation add` (docs/onboarding.md), with the same service."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.reauth import recent_authentication
from koers.accounts.roles import Capability
from koers.core.pages import form_page
from koers.plans.onboarding_forms import OnboardingForm
from koers.plans.services import onboarding


@requires(Capability.MANAGE_INSTALLATION)
@recent_authentication  # it makes an account and shows its password, as the admin's add does
@require_http_methods(["GET", "POST"])
def onboard(request: HttpRequest) -> HttpResponse:
    form = OnboardingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            done = onboarding.organisation_add(actor=request.user, **form.service_values())
        except ValidationError as refused:
            form.add_service_problems(refused.message_dict)
        else:
            response = render(
                request,
                "plans/onboarded.html",
                {
                    "done": done,
                    "sign_in_url": settings.SITE_URL + reverse("accounts:login"),
                },
            )
            # Her first password is on this page, once: no browser or proxy keeps it.
            response["Cache-Control"] = "no-store"
            return response
    return form_page(
        request,
        form,
        heading=_("Bring an organisation into Koers"),
        intro=_(
            "The organisation, its first beheerder and its multi-year plan, adopted by the "
            "funder, with programmes from the funder's goal tree or from an earlier plan; the "
            "plan's first year gets its annual plan in concept. The beheerder adds her "
            "colleagues herself."
        ),
        back_url=reverse("directory:organisations"),
        crumbs=[(_("Organisations"), reverse("directory:organisations"))],
    )
