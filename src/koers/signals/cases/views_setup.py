"""Kinds of client support and their volunteers: everyone who gives client support sees
them; the director keeps all of them, a coordinator those of her programmes."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires, requires_any
from koers.accounts.policy import own_organisation, reach
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.reference import default_reference
from koers.core.versioning import versioned_edit
from koers.directory.models import Organisation
from koers.signals.cases import queries, services
from koers.signals.cases.forms import CaseTypeForm, VolunteerForm
from koers.signals.cases.rules import activities_she_keeps, kept_case_types
from koers.signals.models import CaseType, SupportVolunteer

SEES_SUPPORT = (Capability.SUPPORT_CLIENTS, Capability.SUPERVISE_CASES)

VOLUNTEER_COLUMNS = (
    Column(
        gettext_lazy("Volunteer"),
        "naam",
        (Lower("person__last_name"), Lower("person__first_name")),
    ),
    Column(gettext_lazy("Kind of client support"), "soort", ("case_type__name",)),
    Column(gettext_lazy("Active from"), "vanaf", ("started_on",)),
    Column(gettext_lazy("Active until"), "tot", ("ended_on",)),
)


def _keeps_any(user: Any) -> bool:
    return CaseType.objects.filter(kept_case_types(user)).exists()


@requires_any(*SEES_SUPPORT)
@require_GET
def case_types(request: HttpRequest) -> HttpResponse:
    rows = list(queries.case_types_for(request.user))
    kept = set(CaseType.objects.filter(kept_case_types(request.user)).values_list("pk", flat=True))
    return render(
        request,
        "signals/cases/case_types.html",
        {
            "case_types": [(row, row.pk in kept) for row in rows],
            "may_add": _may_add_case_type(request.user),
        },
    )


def _may_add_case_type(user: Any) -> bool:
    for holder_id in reach(user, Capability.SUPERVISE_CASES):
        if activities_she_keeps(user, holder_id).exists():
            return True
    return False


@requires(Capability.SUPERVISE_CASES)
@require_http_methods(["GET", "POST"])
def case_type_add(request: HttpRequest) -> HttpResponse:
    return _case_type_page(request, None)


@requires(Capability.SUPERVISE_CASES)
@require_http_methods(["GET", "POST"])
def case_type_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_type_page(request, queries.get_case_type_for_user(request.user, pk))


def _case_type_page(request: HttpRequest, record: CaseType | None) -> HttpResponse:
    holder_id = (
        record.holder_id
        if record is not None
        else own_organisation(request.user, Capability.SUPERVISE_CASES)
    )
    initial: dict[str, Any] = {}
    if record is not None:
        initial = {name: getattr(record, name) for name in services.CASE_TYPE_FIELDS}
        initial |= {"activity": record.activity_id, "version": record.version}
    form = CaseTypeForm(
        request.POST or None,
        initial=initial,
        activities=activities_she_keeps(request.user, holder_id),
    )

    def save(cleaned: dict[str, Any]) -> CaseType:
        return services.case_type_save(
            actor=request.user,
            holder=Organisation.objects.get(pk=holder_id),
            values={name: cleaned[name] for name in services.CASE_TYPE_FIELDS},
            case_type=record,
            expected_version=cleaned["version"] if record else None,
            remote_addr=client_address(request),
        )

    heading = _("Change %(kind)s") % {"kind": record} if record else _("New kind of client support")
    return versioned_edit(
        request,
        form,
        save,
        success=_("The kind of client support has been saved."),
        shown=("name", "law", "retention_months"),
        next_url=lambda saved: reverse("signals:case_types"),
        heading=heading,
        crumbs=[(_("Kinds of client support"), reverse("signals:case_types"))],
        back_url=reverse("signals:case_types"),
    )


@requires_any(*SEES_SUPPORT)
@require_GET
def volunteers(request: HttpRequest) -> HttpResponse:
    today = default_reference()
    listing = list_page(
        request,
        queries.volunteers_for(request.user),
        columns=VOLUNTEER_COLUMNS,
        default_sort="naam",
    )
    kept = set(CaseType.objects.filter(kept_case_types(request.user)).values_list("pk", flat=True))
    for row in listing.rows:
        row.kept = row.case_type_id in kept
        row.is_active = row.started_on <= today and (row.ended_on is None or row.ended_on >= today)
    return render(
        request,
        "signals/cases/volunteers.html",
        {"listing": listing, "volunteers": listing.rows, "may_add": bool(kept)},
    )


@requires(Capability.SUPERVISE_CASES)
@require_http_methods(["GET", "POST"])
def volunteer_add(request: HttpRequest) -> HttpResponse:
    return _volunteer_page(request, None)


@requires(Capability.SUPERVISE_CASES)
@require_http_methods(["GET", "POST"])
def volunteer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _volunteer_page(request, queries.get_volunteer_for_user(request.user, pk))


def _volunteer_page(request: HttpRequest, record: SupportVolunteer | None) -> HttpResponse:
    holder_id = (
        record.holder_id
        if record is not None
        else own_organisation(request.user, Capability.SUPERVISE_CASES)
    )
    types = queries.kept_case_types_for(request.user, holder_id)
    if record is None and not types.exists():
        raise PermissionDenied
    initial: dict[str, Any] = {}
    if record is not None:
        initial = {
            "person": record.person_id,
            "case_type": record.case_type_id,
            "started_on": record.started_on,
            "ended_on": record.ended_on,
            "version": record.version,
        }
    form = VolunteerForm(
        request.POST or None, initial=initial, holder_id=holder_id, case_types=types
    )

    def save(cleaned: dict[str, Any]) -> SupportVolunteer:
        return services.volunteer_save(
            actor=request.user,
            holder=Organisation.objects.get(pk=holder_id),
            values={name: cleaned[name] for name in services.VOLUNTEER_FIELDS},
            volunteer=record,
            expected_version=cleaned["version"] if record else None,
            remote_addr=client_address(request),
        )

    heading = (
        _("Change the volunteer %(name)s") % {"name": record}
        if record
        else _("New volunteer in client support")
    )
    return versioned_edit(
        request,
        form,
        save,
        success=_("The volunteer has been saved."),
        shown=("started_on", "ended_on"),
        next_url=lambda saved: reverse("signals:volunteers"),
        heading=heading,
        crumbs=[(_("Volunteers in client support"), reverse("signals:volunteers"))],
        back_url=reverse("signals:volunteers"),
    )
