"""Agenda-setting: the agenda items with their status and meeting, bundling signals into a
new item (preselected on the signals' list), one item with its bundle in figures and its
dated route, changing an item, its next step, and the meetings signals are taken to."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.pages import FORM_PAGE, attempt, shown_again
from koers.core.versioning import ConflictError, versioned_edit
from koers.directory.models import Organisation
from koers.signals.access import (
    get_agenda_item_for_user,
    get_meeting_for_user,
    may_manage_signals,
)
from koers.signals.agenda import queries, services
from koers.signals.agenda.forms import (
    AgendaFilterForm,
    AgendaItemForm,
    AgendaStepForm,
    MeetingForm,
    PreselectedSignalsForm,
)
from koers.signals.models import AgendaItem, Meeting, Signal
from koers.signals.models.choices import AgendaStatus

ITEM_FORM = "signals/agenda/agenda_item_form.html"

COLUMNS = (
    Column(gettext_lazy("Title"), "titel", ("title",)),
    Column(gettext_lazy("Status"), "status", ("status",)),
    Column(gettext_lazy("Meeting"), "vergadering", ("meeting__held_on",)),
    Column(gettext_lazy("Signals"), "signalen", ("signal_count",), numeric=True),
    Column(gettext_lazy("Last step"), "stap", ("last_step_on",)),
)
MEETING_COLUMNS = (
    Column(gettext_lazy("Date"), "datum", ("held_on",)),
    Column(gettext_lazy("Title"), "titel", ("title",)),
    Column(gettext_lazy("Kind"), "soort", ("kind",)),
    Column(gettext_lazy("With")),
    Column(gettext_lazy("Agenda items"), "punten", ("item_count",), numeric=True),
)


# --- agenda items --------------------------------------------------------------------------


@requires(Capability.VIEW_SIGNALS)
@require_GET
def agenda(request: HttpRequest) -> HttpResponse:
    chosen = AgendaFilterForm(request.GET, meetings=queries.meetings_for(request.user))
    rows = chosen.narrow(queries.agenda_items_for(request.user))
    listing = list_page(request, rows, columns=COLUMNS, default_sort="-stap")
    holder_id = own_organisation(request.user, Capability.VIEW_SIGNALS)
    return render(
        request,
        "signals/agenda/agenda.html",
        {
            "listing": listing,
            "items": listing.rows,
            "filters": chosen,
            "may_manage": may_manage_signals(request.user, holder_id),
        },
    )


def _item_values(cleaned: dict[str, Any]) -> dict[str, Any]:
    return {
        name: cleaned[name]
        for name in ("title", "question", "meeting", "response", "feedback", "fed_back_to")
        if name in cleaned
    }


@requires(Capability.MANAGE_SIGNALS)
@require_http_methods(["GET", "POST"])
def agenda_item_add(request: HttpRequest) -> HttpResponse:
    """A new item bundling the signals chosen on the signals' list (`?signals=1,2,3`): the
    page shows what they hold in figures, and each can be left out."""
    holder = Organisation.objects.get(pk=own_organisation(request.user, Capability.MANAGE_SIGNALS))
    asked = PreselectedSignalsForm(request.GET).ids()
    candidates = queries.bundle_candidates(holder.pk, asked)
    found = {signal.pk for signal in candidates}
    initial = {"signals": sorted(found)}
    form = AgendaItemForm(
        request.POST or None,
        initial=initial,
        meetings=Meeting.objects.filter(holder_id=holder.pk),
        signals=candidates,
    )

    def save(cleaned: dict[str, Any]) -> AgendaItem:
        return services.agenda_item_create(
            actor=request.user,
            holder=holder,
            values=_item_values(cleaned),
            signals=cleaned["signals"],
            remote_addr=client_address(request),
        )

    missing = len(set(asked) - found)
    return versioned_edit(
        request,
        form,
        save,
        success=_("The agenda item has been made."),
        shown=(),
        next_url=lambda saved: reverse("signals:agenda_item", args=[saved.pk]),
        template=ITEM_FORM,
        heading=_("New agenda item"),
        intro=_(
            "An agenda item bundles signals into a question or recommendation for a meeting, "
            "such as the quarterly meeting with the province. It shows the signals in "
            "figures, never who they came from."
        ),
        notice=ngettext(
            "%(count)d of the chosen signals was not found and has been left out.",
            "%(count)d of the chosen signals were not found and have been left out.",
            missing,
        )
        % {"count": missing}
        if missing
        else "",
        bundle=queries.bundle_of(Signal.objects.filter(pk__in=found)),
        crumbs=[(_("Agenda"), reverse("signals:agenda"))],
        back_url=reverse("signals:agenda"),
    )


def _item_page(
    request: HttpRequest, item: AgendaItem, step_form: AgendaStepForm | None = None
) -> HttpResponse:
    bundle = queries.bundle_of(item.signals.all())
    target = queries.next_status(item)
    may_manage = may_manage_signals(request.user, item.holder_id)
    if step_form is None and may_manage and target is not None:
        step_form = AgendaStepForm(target=target, initial={"version": item.version})
    return render(
        request,
        "signals/agenda/agenda_item.html",
        {
            "item": item,
            "bundle": bundle,
            "steps": item.steps.select_related("by"),
            "may_manage": may_manage,
            "target": target,
            "target_label": dict(AgendaStatus.choices)[target] if target else "",
            "problems": queries.step_problems(item, signal_count=bundle.total) if target else [],
            "form": step_form,
        },
    )


@requires(Capability.VIEW_SIGNALS)
@require_GET
def agenda_item(request: HttpRequest, pk: int) -> HttpResponse:
    return _item_page(request, get_agenda_item_for_user(request.user, pk))


@requires(Capability.MANAGE_SIGNALS)
@require_http_methods(["GET", "POST"])
def agenda_item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change an item; `?signals=1,2,3` adds the signals chosen on the signals' list to the
    ones it bundles (ticked, to be saved)."""
    item = get_agenda_item_for_user(request.user, pk)
    if not may_manage_signals(request.user, item.holder_id):
        raise PermissionDenied
    asked = PreselectedSignalsForm(request.GET).ids()
    candidates = queries.bundle_candidates(item.holder_id, asked, item=item)
    offered = {signal.pk for signal in candidates}
    bundled = set(item.signals.values_list("pk", flat=True))
    initial = {
        "title": item.title,
        "question": item.question,
        "meeting": item.meeting_id,
        "signals": sorted(bundled | (set(asked) & offered)),
        "response": item.response,
        "feedback": item.feedback,
        "fed_back_to": item.fed_back_to,
        "version": item.version,
    }
    form = AgendaItemForm(
        request.POST or None,
        initial=initial,
        meetings=Meeting.objects.filter(holder_id=item.holder_id),
        signals=candidates,
        editing=True,
    )

    def save(cleaned: dict[str, Any]) -> AgendaItem:
        return services.agenda_item_save(
            actor=request.user,
            item=item,
            values=_item_values(cleaned),
            signals=cleaned["signals"],
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        )

    url = reverse("signals:agenda_item", args=[item.pk])
    return versioned_edit(
        request,
        form,
        save,
        success=_("The agenda item has been saved."),
        shown=("title", "question", "response", "feedback", "fed_back_to"),
        next_url=lambda saved: url,
        template=ITEM_FORM,
        heading=_("Change the agenda item"),
        bundle=queries.bundle_of(Signal.objects.filter(pk__in=initial["signals"])),
        crumbs=[(_("Agenda"), reverse("signals:agenda")), (str(item), url)],
        back_url=url,
    )


@requires(Capability.MANAGE_SIGNALS)
@require_POST
def agenda_item_step(request: HttpRequest, pk: int) -> HttpResponse:
    """The item's next step, dated: a refused step shows the item's page with the reason
    (400); a taken one returns to it."""
    item = get_agenda_item_for_user(request.user, pk)
    if not may_manage_signals(request.user, item.holder_id):
        raise PermissionDenied
    form = AgendaStepForm(request.POST, target=queries.next_status(item))

    def call(cleaned: dict[str, Any]) -> AgendaItem:
        try:
            return _step(cleaned)
        except ConflictError as error:
            raise ValidationError(
                _(
                    "Someone else moved this item along while you had it open; its route "
                    "is shown as it is now. Check it and take the next step again."
                )
            ) from error

    def _step(cleaned: dict[str, Any]) -> AgendaItem:
        return services.agenda_item_step(
            actor=request.user,
            item=item,
            to=cleaned["to"],
            on=cleaned["on"],
            note=cleaned["note"],
            response=cleaned.get("response", ""),
            feedback=cleaned.get("feedback", ""),
            fed_back_to=cleaned.get("fed_back_to", ""),
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        )

    if attempt(request, form, call, _("The step has been recorded.")):
        return redirect("signals:agenda_item", pk=item.pk)
    item.refresh_from_db()
    return shown_again(_item_page(request, item, form))


# --- meetings ----------------------------------------------------------------------------


@requires(Capability.VIEW_SIGNALS)
@require_GET
def meetings(request: HttpRequest) -> HttpResponse:
    listing = list_page(
        request,
        queries.meetings_with_counts(request.user),
        columns=MEETING_COLUMNS,
        default_sort="-datum",
    )
    holder_id = own_organisation(request.user, Capability.VIEW_SIGNALS)
    return render(
        request,
        "signals/agenda/meetings.html",
        {
            "listing": listing,
            "meetings": listing.rows,
            "may_manage": may_manage_signals(request.user, holder_id),
        },
    )


def _meeting_values(cleaned: dict[str, Any]) -> dict[str, Any]:
    return {name: cleaned[name] for name in services.MEETING_FIELDS}


@requires(Capability.MANAGE_SIGNALS)
@require_http_methods(["GET", "POST"])
def meeting_add(request: HttpRequest) -> HttpResponse:
    holder = Organisation.objects.get(pk=own_organisation(request.user, Capability.MANAGE_SIGNALS))
    form = MeetingForm(request.POST or None)

    def save(cleaned: dict[str, Any]) -> Meeting:
        return services.meeting_create(
            actor=request.user,
            holder=holder,
            values=_meeting_values(cleaned),
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The meeting has been added."),
        shown=(),
        next_url=lambda saved: reverse("signals:meetings"),
        template=FORM_PAGE,
        heading=_("Add a meeting"),
        crumbs=[(_("Meetings"), reverse("signals:meetings"))],
        back_url=reverse("signals:meetings"),
    )


@requires(Capability.MANAGE_SIGNALS)
@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_meeting_for_user(request.user, pk)
    if not may_manage_signals(request.user, meeting.holder_id):
        raise PermissionDenied
    initial = {
        "kind": meeting.kind,
        "title": meeting.title,
        "held_on": meeting.held_on,
        "with_organisation": meeting.with_organisation_id,
        "version": meeting.version,
    }
    form = MeetingForm(request.POST or None, initial=initial)

    def save(cleaned: dict[str, Any]) -> Meeting:
        return services.meeting_save(
            actor=request.user,
            meeting=meeting,
            values=_meeting_values(cleaned),
            expected_version=cleaned["version"],
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The meeting has been saved."),
        shown=("kind", "title", "held_on"),
        next_url=lambda saved: reverse("signals:meetings"),
        template=FORM_PAGE,
        heading=_("Change the meeting %(title)s") % {"title": meeting.title},
        crumbs=[(_("Meetings"), reverse("signals:meetings"))],
        back_url=reverse("signals:meetings"),
    )
