"""Adding and changing the multi-year plan of a programme: its results and its targets over
a period of the plan's years. A plain audited edit (the records carry no version)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.pages import form_page
from koers.plans import services
from koers.plans.access import (
    get_multi_year_result_for_user,
    get_multi_year_target_for_user,
    get_programme_for_user,
)
from koers.plans.models import MultiYearResult, MultiYearTarget, Programme
from koers.plans.multi_year_forms import MultiYearResultForm, MultiYearTargetForm

EDIT = Capability.EDIT_PLAN


def _saved_or_page(
    request: HttpRequest, programme: Programme, form: Any, save: Any, success: str, heading: str
) -> HttpResponse:
    """Save a valid posted form and return to the programme's multi-year section; else the
    form page, with the form's and the service's reasons next to the fields."""
    back = reverse("plans:programme", args=[programme.pk]) + "#multi-year"
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(back)
    return form_page(
        request,
        form,
        heading=heading,
        crumbs=[(programme.name, reverse("plans:programme", args=[programme.pk]))],
        back_url=back,
    )


def _result_page(
    request: HttpRequest, programme: Programme, result: MultiYearResult | None
) -> HttpResponse:
    return _saved_or_page(
        request,
        programme,
        MultiYearResultForm.for_result(programme, result, request.POST or None),
        lambda cleaned: services.multi_year_result_save(
            actor=request.user,
            programme=programme,
            result=result,
            remote_addr=client_address(request),
            **cleaned,
        ),
        _("The multi-year result has been saved."),
        _("Multi-year result of %(programme)s") % {"programme": programme},
    )


def _target_page(
    request: HttpRequest, programme: Programme, target: MultiYearTarget | None
) -> HttpResponse:
    return _saved_or_page(
        request,
        programme,
        MultiYearTargetForm.for_target(programme, target, request.POST or None),
        lambda cleaned: services.multi_year_target_save(
            actor=request.user,
            programme=programme,
            target=target,
            remote_addr=client_address(request),
            **cleaned,
        ),
        _("The multi-year target has been saved."),
        _("Multi-year target of %(programme)s") % {"programme": programme},
    )


@requires(EDIT)
@require_http_methods(["GET", "POST"])
def multi_year_result_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _result_page(request, get_programme_for_user(request.user, pk, EDIT), None)


@requires(EDIT)
@require_http_methods(["GET", "POST"])
def multi_year_result_edit(request: HttpRequest, pk: int) -> HttpResponse:
    result = get_multi_year_result_for_user(request.user, pk, EDIT)
    return _result_page(request, result.programme, result)


@requires(EDIT)
@require_http_methods(["GET", "POST"])
def multi_year_target_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _target_page(request, get_programme_for_user(request.user, pk, EDIT), None)


@requires(EDIT)
@require_http_methods(["GET", "POST"])
def multi_year_target_edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_multi_year_target_for_user(request.user, pk, EDIT)
    return _target_page(request, target.programme, target)
