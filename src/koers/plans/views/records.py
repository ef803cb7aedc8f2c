"""Recording, removing and downloading the evidence of realisations."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.confirm import Question, asks_first, confirm_first, deletion_consequences
from koers.core.http import client_address
from koers.core.pages import act
from koers.plans import services
from koers.plans.access import (
    get_evidence_for_user,
    get_indicator_for_user,
    get_realisation_for_user,
)
from koers.plans.forms import (
    RealisationForm,
)
from koers.plans.views.common import VIEW, activity_context


@requires(Capability.RECORD_REALISATION)
@require_POST
def realisation_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a realisation. With htmx the indicator's card comes back updated in place."""
    indicator = get_indicator_for_user(request.user, pk, Capability.RECORD_REALISATION)
    form = RealisationForm(request.POST, request.FILES, indicator=indicator)
    saved = False
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.realisation_record(
                actor=request.user,
                indicator=indicator,
                date=data["date"],
                value=Decimal(data["value"]),
                municipality=data["municipality"],
                evidence_file=data["evidence_file"],
                evidence_url=data["evidence_url"],
                note=data["note"],
                remote_addr=client_address(request),
            )
            saved = True
        except ValidationError as error:
            form.add_error(None, error)
    if not request.htmx:  # type: ignore[attr-defined]
        if saved:
            messages.success(request, _("The realisation has been recorded."))
            return redirect(reverse("plans:activity", args=[indicator.activity_id]))
        context = activity_context(request, indicator.activity)
        return render(
            request,
            "plans/realisation_form_page.html",
            {**context, "indicator": indicator, "form": form},
            status=400,
        )
    context = activity_context(request, indicator.activity)
    card = next(card for card in context["cards"] if card["row"].indicator.pk == indicator.pk)
    if not saved:
        card["form"] = form
    return render(
        request,
        "plans/_indicator_card_response.html",
        {**context, "card": card, "just_saved": saved},
        status=200 if saved else 422,
    )


@asks_first
@requires(Capability.RECORD_REALISATION)
@require_POST
def realisation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    realisation = get_realisation_for_user(request.user, pk)
    activity_url = reverse("plans:activity", args=[realisation.indicator.activity_id])

    def delete() -> HttpResponse:
        act(
            request,
            lambda: services.realisation_delete(
                actor=request.user, realisation=realisation, remote_addr=client_address(request)
            ),
            _("The realisation has been removed."),
        )
        return redirect(activity_url)

    def question() -> Question:
        consequences = [
            _("The value %(value)s of %(date)s no longer counts for %(indicator)s.")
            % {
                "value": realisation.value,
                "date": date_format(realisation.date),
                "indicator": realisation.indicator,
            },
            *deletion_consequences(realisation),
        ]
        if realisation.evidence_file:
            consequences.append(
                _("Its evidence file %(name)s is deleted too.")
                % {"name": realisation.evidence_file.name.rsplit("/", 1)[-1]}
            )
        return Question(
            heading=_("Delete this realisation?"),
            consequences=consequences,
            button=_("Yes, delete"),
            cancel_url=activity_url,
            cancel_label=realisation.indicator.activity.code,
        )

    return confirm_first(request, question=question, then=delete)


@requires(VIEW)
def realisation_evidence(request: HttpRequest, pk: int) -> FileResponse:
    """Evidence files are served as downloads through a permission check, never inline."""
    realisation = get_evidence_for_user(request.user, pk)
    if not realisation.evidence_file:
        raise Http404
    response = FileResponse(
        realisation.evidence_file.open("rb"),
        as_attachment=True,
        filename=realisation.evidence_file.name.rsplit("/", 1)[-1],
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
