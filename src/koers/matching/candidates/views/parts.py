"""A candidate's qualifications and availability: adding, changing and deleting them."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.confirm import Question, asks_first, confirm_first, deletion_consequences
from koers.core.http import client_address
from koers.core.pages import act
from koers.matching.candidates import services
from koers.matching.candidates.access import (
    get_availability_for_user,
    get_qualification_for_user,
    may_manage_pool,
)
from koers.matching.candidates.forms import AvailabilityForm, QualificationForm, weekdays_initial
from koers.matching.candidates.views.common import service_form_page
from koers.matching.candidates.views.records import _managed_candidate
from koers.matching.models import Availability, Candidate, Qualification


def _check(request: HttpRequest, candidate: Candidate) -> None:
    if not may_manage_pool(request.user, candidate.holder_id):
        raise PermissionDenied


def _crumbs(candidate: Candidate) -> list[tuple[str, str]]:
    return [(str(candidate), reverse("matching:candidate", args=[candidate.pk]))]


@requires(Capability.MANAGE_MATCHING)
@require_http_methods(["GET", "POST"])
def qualification_add(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = _managed_candidate(request, pk)
    return _qualification_page(request, candidate, None)


@requires(Capability.MANAGE_MATCHING)
@require_http_methods(["GET", "POST"])
def qualification_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_qualification_for_user(request.user, pk)
    _check(request, record.candidate)
    return _qualification_page(request, record.candidate, record)


def _qualification_page(
    request: HttpRequest, candidate: Candidate, record: Qualification | None
) -> HttpResponse:
    initial: dict[str, Any] = {}
    if record:
        initial = {name: getattr(record, name) for name in services.QUALIFICATION_FIELDS}
    form = QualificationForm(request.POST or None, initial=initial)
    back = reverse("matching:candidate", args=[candidate.pk])
    return service_form_page(
        request,
        form,
        lambda cleaned: services.qualification_save(
            actor=request.user,
            candidate=candidate,
            values={name: cleaned[name] for name in services.QUALIFICATION_FIELDS},
            qualification=record,
            remote_addr=client_address(request),
        ),
        success=_("The qualification has been saved."),
        next_url=back,
        heading=_("Edit the qualification") if record else _("Add a qualification"),
        crumbs=_crumbs(candidate),
        back_url=back,
    )


@asks_first
@requires(Capability.MANAGE_MATCHING)
@require_POST
def qualification_delete(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_qualification_for_user(request.user, pk)
    candidate = record.candidate
    _check(request, candidate)
    back = reverse("matching:candidate", args=[candidate.pk])

    def delete() -> HttpResponse:
        act(
            request,
            lambda: services.qualification_delete(
                actor=request.user, qualification=record, remote_addr=client_address(request)
            ),
            _("The qualification has been deleted."),
        )
        return redirect(back)

    return confirm_first(
        request,
        question=lambda: Question(
            heading=_("Delete %(kind)s of %(name)s?")
            % {"kind": record.get_kind_display(), "name": candidate},
            consequences=[
                *deletion_consequences(record),
                _(
                    "She no longer counts for the roles that need it, unless she holds "
                    "another valid one."
                ),
            ],
            button=_("Yes, delete"),
            cancel_url=back,
            cancel_label=str(candidate),
        ),
        then=delete,
    )


@requires(Capability.MANAGE_MATCHING)
@require_http_methods(["GET", "POST"])
def availability_add(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = _managed_candidate(request, pk)
    return _availability_page(request, candidate, None)


@requires(Capability.MANAGE_MATCHING)
@require_http_methods(["GET", "POST"])
def availability_edit(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_availability_for_user(request.user, pk)
    _check(request, record.candidate)
    return _availability_page(request, record.candidate, record)


def _availability_page(
    request: HttpRequest, candidate: Candidate, record: Availability | None
) -> HttpResponse:
    initial: dict[str, Any] = {"weekdays": weekdays_initial(0b1111111)}
    if record:
        initial = {name: getattr(record, name) for name in services.AVAILABILITY_FIELDS}
        initial["weekdays"] = weekdays_initial(record.weekdays)
    form = AvailabilityForm(request.POST or None, initial=initial)
    back = reverse("matching:candidate", args=[candidate.pk])
    return service_form_page(
        request,
        form,
        lambda cleaned: services.availability_save(
            actor=request.user,
            candidate=candidate,
            values={name: cleaned[name] for name in services.AVAILABILITY_FIELDS},
            availability=record,
            remote_addr=client_address(request),
        ),
        success=_("The availability has been saved."),
        next_url=back,
        heading=_("Edit the availability") if record else _("Add availability"),
        crumbs=_crumbs(candidate),
        back_url=back,
    )


@asks_first
@requires(Capability.MANAGE_MATCHING)
@require_POST
def availability_delete(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_availability_for_user(request.user, pk)
    candidate = record.candidate
    _check(request, candidate)
    back = reverse("matching:candidate", args=[candidate.pk])

    def delete() -> HttpResponse:
        act(
            request,
            lambda: services.availability_delete(
                actor=request.user, availability=record, remote_addr=client_address(request)
            ),
            _("The availability has been deleted."),
        )
        return redirect(back)

    return confirm_first(
        request,
        question=lambda: Question(
            heading=_("Delete this availability of %(name)s?") % {"name": candidate},
            consequences=[
                *deletion_consequences(record),
                _(
                    "She no longer counts as available in its period, unless another "
                    "availability covers it."
                ),
            ],
            button=_("Yes, delete"),
            cancel_url=back,
            cancel_label=str(candidate),
        ),
        then=delete,
    )
