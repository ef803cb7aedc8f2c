"""Events (with participants and an attendance list) and communication items: what a
programme did, recorded once and counted by its indicators."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.confirm import Question, asks_first, confirm_first, deletion_consequences
from koers.core.forms import search_text
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.pages import act, attempt, flash_form_errors
from koers.core.reference import viewpoint
from koers.core.spreadsheets import spreadsheet_export, xlsx_response
from koers.core.versioning import versioned_edit
from koers.plans.access import can, require
from koers.plans.models import Programme
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction
from koers.relations.events import services
from koers.relations.events.access import (
    get_event_for_user,
    get_participant_for_user,
    may_see_persons,
    programmes_to_record,
)
from koers.relations.events.forms import (
    AttendanceForm,
    CommunicationForm,
    EventForm,
    ParticipantForm,
    ProgrammeAsked,
)
from koers.relations.models import CommunicationItem, Event, Participant

COLUMNS = (
    Column(gettext_lazy("Date"), "date"),
    Column(gettext_lazy("Event"), "title", (Lower("title"),)),
    Column(gettext_lazy("Theme"), "theme"),
    Column(gettext_lazy("Programme"), "programme", ("programme__name",)),
    Column(gettext_lazy("Place"), "place", (Lower("place"),)),
    Column(gettext_lazy("Registered"), "registered", numeric=True),
    Column(gettext_lazy("Present"), "present", numeric=True),
)

COMMUNICATION_COLUMNS = (
    Column(gettext_lazy("Date"), "date"),
    Column(gettext_lazy("Title"), "title", (Lower("title"),)),
    Column(gettext_lazy("Channel"), "channel"),
    Column(gettext_lazy("Theme"), "theme"),
    Column(gettext_lazy("Programme"), "programme", ("programme__name",)),
    Column(gettext_lazy("Remove"), label_hidden=True),
)


def _year_events(user: Any, year: int) -> QuerySet[Any]:
    """The year's events of the programmes she may see, with how many registered and came."""
    return (
        Event.objects.visible_to(user)
        .filter(date__year=year)
        .select_related("programme", "activity", "municipality")
        .annotate(
            registered=Count("participants", distinct=True),
            present=Count("participants", filter=Q(participants__attended=True), distinct=True),
        )
        .order_by("date", "title")
    )


@requires(Capability.VIEW_PLANS)
@require_GET
def events(request: HttpRequest) -> HttpResponse:
    year = viewpoint(request).year.value
    rows = _year_events(request.user, year)
    theme = search_text(request, "thema")
    if theme:
        rows = rows.filter(theme__iexact=theme)
    listing = list_page(request, rows, columns=COLUMNS, default_sort="date")
    return render(
        request,
        "relations/events.html",
        {
            "listing": listing,
            "events": listing.rows,
            "year": year,
            "theme": theme,
            "may_record": programmes_to_record(request.user).exists(),
        },
    )


@requires(Capability.VIEW_PLANS)
@require_GET
def event(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_event_for_user(request.user, pk)
    return _event_page(request, record)


def _event_page(
    request: HttpRequest, record: Event, participant_form: Any = None, status: int = 200
) -> HttpResponse:
    """The event's page; after a refused registration with the form as posted (a search
    without JavaScript shows its matches there)."""
    may_record = can(request.user, Capability.RECORD_REALISATION, record.programme)
    participants: list[Participant] = []
    if may_see_persons(request.user, record):
        participants = list(record.participants.select_related("person", "organisation"))
        log_access(
            request,
            AccessAction.LIST,
            [p.person for p in participants if p.person],
            detail=str(record)[:300],
        )
    counts = record.participants.aggregate(
        registered=Count("id"), present=Count("id", filter=Q(attended=True))
    )
    return render(
        request,
        "relations/event.html",
        {
            "event": record,
            "co_organisers": record.co_organisers.order_by("name"),
            "participants": participants,
            "shows_persons": may_see_persons(request.user, record),
            "counts": counts,
            "may_record": may_record,
            "participant_form": participant_form
            or (
                ParticipantForm(holder_id=record.holder_id, user=request.user)
                if may_record
                else None
            ),
        },
        status=status,
    )


@requires(Capability.RECORD_REALISATION)
@require_http_methods(["GET", "POST"])
def event_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    record = get_event_for_user(request.user, pk, Capability.RECORD_REALISATION) if pk else None
    programmes = programmes_to_record(request.user)
    if not programmes.exists():
        raise PermissionDenied
    holder_id = record.holder_id if record else programmes[0].plan.organisation_id
    kwargs: dict[str, Any] = {"programmes": programmes, "holder_id": holder_id}
    form = (
        EventForm.for_event(record, request.POST or None, **kwargs)
        if record
        else EventForm(
            request.POST or None,
            initial={"programme": ProgrammeAsked(request.GET).programme_id()},
            **kwargs,
        )
    )
    return versioned_edit(
        request,
        form,
        lambda cleaned: services.event_save(
            actor=request.user,
            programme=cleaned["programme"],
            values={name: cleaned[name] for name in services.EVENT_FIELDS},
            co_organisers=list(cleaned["co_organisers"]),
            event=record,
            expected_version=cleaned["version"] if record else None,
            remote_addr=client_address(request),
        ),
        success=_("The event has been saved.") if record else _("The event has been added."),
        shown=("title", "date", "theme", "place"),
        next_url=lambda event: reverse("relations:event", args=[event.pk]),
        heading=_("Edit %(event)s") % {"event": record.title} if record else _("Add an event"),
        crumbs=[(record.title, reverse("relations:event", args=[record.pk]))] if record else [],
        back_url=reverse("relations:event", args=[record.pk])
        if record
        else reverse("relations:events"),
    )


@asks_first
@requires(Capability.RECORD_REALISATION)
@require_POST
def event_delete(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_event_for_user(request.user, pk, Capability.RECORD_REALISATION)

    def delete() -> HttpResponse:
        if act(
            request,
            lambda: services.event_delete(
                actor=request.user, event=record, remote_addr=client_address(request)
            ),
            _("The event has been removed."),
        ):
            return redirect("relations:events")
        return redirect("relations:event", pk=record.pk)

    return confirm_first(
        request,
        question=lambda: Question(
            heading=_("Delete the event %(title)s?") % {"title": record.title},
            consequences=[
                *deletion_consequences(record),
                _("Indicators that count events no longer count this one."),
            ],
            button=_("Yes, delete"),
            cancel_url=reverse("relations:event", args=[record.pk]),
            cancel_label=record.title,
        ),
        then=delete,
    )


@requires(Capability.RECORD_REALISATION)
@require_POST
def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_event_for_user(request.user, pk, Capability.RECORD_REALISATION)
    form = ParticipantForm(request.POST, holder_id=record.holder_id, user=request.user)
    if not attempt(
        request,
        form,
        lambda cleaned: services.participant_add(
            actor=request.user,
            event=record,
            person=cleaned["person"],
            organisation=cleaned["organisation"],
            attended=True if cleaned["attended"] else None,
            remote_addr=client_address(request),
        ),
        _("The participant has been registered."),
    ):  # a search without JavaScript, a wrong choice, or none
        return _event_page(request, record, form, status=400)
    return redirect(reverse("relations:event", args=[record.pk]) + "#participants")


@requires(Capability.RECORD_REALISATION)
@require_POST
def participant_attendance(request: HttpRequest, pk: int) -> HttpResponse:
    participant = get_participant_for_user(request.user, pk)
    form = AttendanceForm(request.POST)
    if form.is_valid():
        act(
            request,
            lambda: services.participant_attendance_record(
                actor=request.user,
                participant=participant,
                attended=form.cleaned_data["attended"],
                remote_addr=client_address(request),
            ),
            _("The attendance has been recorded."),
        )
    else:
        flash_form_errors(request, form)
    return redirect(reverse("relations:event", args=[participant.event_id]) + "#participants")


@requires(Capability.RECORD_REALISATION)
@require_POST
def participant_remove(request: HttpRequest, pk: int) -> HttpResponse:
    participant = get_participant_for_user(request.user, pk)
    act(
        request,
        lambda: services.participant_remove(
            actor=request.user, participant=participant, remote_addr=client_address(request)
        ),
        _("The participant has been removed."),
    )
    return redirect(reverse("relations:event", args=[participant.event_id]) + "#participants")


@requires(Capability.VIEW_PERSONS)
@require_GET
def attendance_list(request: HttpRequest, pk: int) -> HttpResponse:
    """A printable attendance list: names and organisations, with room to sign."""
    record = get_event_for_user(request.user, pk)
    if not may_see_persons(request.user, record):
        raise PermissionDenied
    participants = list(
        record.participants.select_related("person", "organisation").order_by(
            "person__last_name", "organisation__name"
        )
    )
    log_access(
        request,
        AccessAction.PRINT,
        [p.person for p in participants if p.person],
        detail=str(record)[:300],
    )
    return render(
        request, "relations/attendance_list.html", {"event": record, "participants": participants}
    )


@spreadsheet_export
@requires(Capability.VIEW_PLANS)
@require_GET
def events_export(request: HttpRequest) -> HttpResponse:
    """The year's events with their counts (no names: those are on the attendance list)."""
    year = viewpoint(request).year.value
    rows = _year_events(request.user, year).annotate(
        organisers=Count("co_organisers", distinct=True)
    )
    header = [
        _("Date"),
        _("Title"),
        _("Theme"),
        _("Programme"),
        _("Activity"),
        _("Place"),
        _("Municipality"),
        _("Co-organisers"),
        _("Registered"),
        _("Present"),
        _("Evaluation"),
    ]
    body = (
        [
            e.date,
            e.title,
            e.theme,
            e.programme.name,
            e.activity.code if e.activity else "",
            e.place,
            str(e.municipality or ""),
            e.organisers,
            e.registered,
            e.present,
            e.evaluation,
        ]
        for e in rows
    )
    return xlsx_response(f"bijeenkomsten-{year}.xlsx", [(_("Events"), header, body)])


@requires(Capability.VIEW_PLANS)
@require_http_methods(["GET", "POST"])
def communications(request: HttpRequest) -> HttpResponse:
    year = viewpoint(request).year.value
    programmes = programmes_to_record(request.user)
    form = (
        CommunicationForm(request.POST or None, programmes=programmes)
        if programmes.exists()
        else None
    )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            cleaned = dict(form.cleaned_data)
            programme = cleaned.pop("programme")
            try:
                item = services.communication_add(
                    actor=request.user,
                    programme=programme,
                    values=cleaned,
                    remote_addr=client_address(request),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The communication item has been added."))
                return redirect(f"{reverse('relations:communications')}?jaar={item.date.year}")
    items = CommunicationItem.objects.filter(
        programme__in=Programme.objects.visible_to(request.user), date__year=year
    ).select_related("programme")
    listing = list_page(request, items, columns=COMMUNICATION_COLUMNS, default_sort="-date")
    removable = set(programmes.values_list("pk", flat=True))
    return render(
        request,
        "relations/communications.html",
        {
            "listing": listing,
            "items": listing.rows,
            "form": form,
            "year": year,
            "removable": removable,
        },
        status=400 if request.method == "POST" else 200,
    )


@requires(Capability.RECORD_REALISATION)
@require_POST
def communication_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(
        CommunicationItem.objects.filter(
            programme__in=Programme.objects.visible_to(request.user)
        ).select_related("programme__plan"),
        pk=pk,
    )
    require(request.user, Capability.RECORD_REALISATION, item.programme)
    act(
        request,
        lambda: services.communication_remove(
            actor=request.user, item=item, remote_addr=client_address(request)
        ),
        _("The communication item has been removed."),
    )
    return redirect(f"{reverse('relations:communications')}?jaar={item.date.year}")
