"""Contacts (interactions) with their follow-up actions, "my actions", and the calendar
feed of actions and events."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Q
from django.db.models.functions import Lower
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires, signed_in
from koers.accounts.policy import organisations_with, own_organisation
from koers.accounts.roles import Capability
from koers.core.forms import search_text
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.pages import act, attempt, flash_form_errors, shown_again
from koers.core.reference import default_reference
from koers.core.versioning import versioned_edit
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction
from koers.relations.contacts import services
from koers.relations.contacts.access import get_interaction_for_user, may_edit_contact
from koers.relations.contacts.calendar import calendar_for, feed_hash
from koers.relations.contacts.forms import ActionFinishForm, ActionForm, InteractionForm
from koers.relations.models import Action, ActionStatus, CalendarFeed, Interaction

FOLLOW_UPS = 2  # empty action rows on the contact form
COLUMNS = (
    Column(gettext_lazy("Date"), "date"),
    Column(gettext_lazy("Subject"), "subject", (Lower("subject"),)),
    Column(gettext_lazy("Kind"), "kind"),
    Column(gettext_lazy("Organisations")),
    Column(gettext_lazy("Programme"), "programme", ("programme__name",)),
)


@requires(Capability.VIEW_PERSONS)
@require_GET
def contacts(request: HttpRequest) -> HttpResponse:
    query = search_text(request)
    rows = (
        Interaction.objects.visible_to(request.user)
        .select_related("programme")
        .prefetch_related("organisations")
    )
    if query:
        rows = rows.filter(
            Q(subject__icontains=query)
            | Q(organisations__name__icontains=query)
            | Q(organisations__short_name__icontains=query)
        ).distinct()
    listing = list_page(request, rows, columns=COLUMNS, default_sort="-date")
    return render(
        request,
        "relations/contacts.html",
        {"listing": listing, "contacts": listing.rows, "query": query},
    )


@requires(Capability.VIEW_PERSONS)
@require_GET
def contact(request: HttpRequest, pk: int) -> HttpResponse:
    return _contact_page(request, get_interaction_for_user(request.user, pk))


def _contact_page(
    request: HttpRequest, interaction: Interaction, action_form: Any = None
) -> HttpResponse:
    """The contact's page; after a refused action with that form as posted."""
    persons = list(interaction.persons.all())
    log_access(request, AccessAction.VIEW, persons, detail=str(interaction)[:300])
    return render(
        request,
        "relations/contact.html",
        {
            "contact": interaction,
            "persons": persons,
            "organisations": interaction.organisations.order_by("name"),
            "staff": interaction.staff.all(),
            "actions": interaction.actions.select_related("owner"),
            "action_form": action_form
            or ActionForm(holder_id=interaction.holder_id, required=True),
            "may_edit": may_edit_contact(request.user, interaction),
        },
    )


@requires(Capability.EDIT_PERSONS)
@require_http_methods(["GET", "POST"])
def contact_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    interaction = get_interaction_for_user(request.user, pk) if pk else None
    holder_id = (
        interaction.holder_id
        if interaction
        else own_organisation(request.user, Capability.EDIT_PERSONS)
    )
    if interaction and not may_edit_contact(request.user, interaction):
        raise Http404
    data = request.POST or None
    form = (
        InteractionForm.for_interaction(interaction, data, holder_id)
        if interaction
        else InteractionForm(data, initial={"date": default_reference()}, holder_id=holder_id)
    )
    follow_ups = (
        []
        if interaction
        else [
            ActionForm(data, prefix=f"action{n}", holder_id=holder_id)
            for n in range(1, FOLLOW_UPS + 1)
        ]
    )
    return versioned_edit(
        request,
        form,
        lambda cleaned: services.interaction_save(
            actor=request.user,
            holder_id=holder_id,
            values={name: cleaned[name] for name in services.INTERACTION_FIELDS},
            links={name: list(cleaned[name]) for name in services.INTERACTION_LINKS},
            actions=[f.action for f in follow_ups if f.action],
            interaction=interaction,
            expected_version=cleaned["version"] if interaction else None,
            remote_addr=client_address(request),
        ),
        success=_("The contact has been saved.")
        if interaction
        else _("The contact has been recorded."),
        shown=("date", "subject", "summary"),
        next_url=lambda saved: reverse("relations:contact", args=[saved.pk]),
        template="relations/contact_form.html",
        also_valid=follow_ups,
        follow_ups=follow_ups,
        contact=interaction,
    )


@requires(Capability.EDIT_PERSONS)
@require_POST
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    interaction = get_interaction_for_user(request.user, pk)
    form = ActionForm(request.POST, holder_id=interaction.holder_id, required=True)
    if attempt(
        request,
        form,
        lambda cleaned: services.action_add(
            actor=request.user,
            holder_id=interaction.holder_id,
            interaction=interaction,
            remote_addr=client_address(request),
            **cleaned,
        ),
        _("The action has been added."),
    ):
        return redirect(reverse("relations:contact", args=[interaction.pk]) + "#actions")
    return shown_again(_contact_page(request, interaction, action_form=form))


@requires(Capability.EDIT_PERSONS)
@require_POST
def action_finish(request: HttpRequest, pk: int) -> HttpResponse:
    own, _funding = organisations_with(request.user, Capability.EDIT_PERSONS)
    action = get_object_or_404(Action.objects.filter(holder_id__in=own), pk=pk)
    form = ActionFinishForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("relations:my_actions")
    status = form.cleaned_data["status"] or ActionStatus.DONE
    messages_by_status = {
        ActionStatus.DONE: _("The action is done."),
        ActionStatus.CANCELLED: _("The action has been cancelled."),
        ActionStatus.OPEN: _("The action is open again."),
    }
    act(
        request,
        lambda: services.action_finish(
            actor=request.user,
            action=action,
            status=status,
            on=default_reference(),
            remote_addr=client_address(request),
        ),
        str(messages_by_status[ActionStatus(status)]),
    )
    back = request.POST.get("next", "")
    if back == "contact" and action.interaction_id:
        return redirect(reverse("relations:contact", args=[action.interaction_id]) + "#actions")
    return redirect("relations:my_actions")


# Actions follow contacts: who may not see contacts (funders' officials, the board) has none.
@requires(Capability.VIEW_PERSONS)
@require_GET
def my_actions(request: HttpRequest) -> HttpResponse:
    """Her open actions by when they are due, and the ones she gave to colleagues. "Today"
    is the installation's reference date when it has one (the demo's 15 October 2021)."""
    me: Any = request.user
    today = default_reference()
    week_end = today + dt.timedelta(days=6 - today.weekday())
    # Of the organisations she works for now: an action she kept at an organisation she
    # left stays with that organisation (its beheerder reassigns it), not in her list.
    held = Action.objects.visible_to(me)
    mine = list(
        held.filter(owner=me, status=ActionStatus.OPEN)
        .select_related("interaction", "created_by")
        .order_by("due_on", "id")
    )
    groups = [
        (_("Overdue"), [a for a in mine if a.due_on < today]),
        (_("This week"), [a for a in mine if today <= a.due_on <= week_end]),
        (_("Later"), [a for a in mine if a.due_on > week_end]),
    ]
    given = (
        held.filter(created_by=me, status=ActionStatus.OPEN)
        .exclude(owner=me)
        .select_related("owner", "interaction")
        .order_by("due_on")
    )
    return render(
        request,
        "relations/my_actions.html",
        {
            "groups": groups,
            "given": given,
            "count": len(mine),
            "has_feed": CalendarFeed.objects.filter(user=me).exists(),
            "feed_url": request.session.pop("koers_feed_url", ""),
        },
    )


@signed_in
@require_POST
def calendar_renew(request: HttpRequest) -> HttpResponse:
    """A new secret calendar address, shown once; the old one stops working."""
    token = services.calendar_feed_renew(user=request.user)
    request.session["koers_feed_url"] = request.build_absolute_uri(
        reverse("relations:calendar", args=[token])
    )
    messages.success(
        request, _("Your calendar address has been made. Copy it now: it is shown once.")
    )
    return redirect("relations:my_actions")


@login_not_required
@require_GET
def calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The calendar of the user whose secret address this is (no session: calendar
    programs cannot sign in)."""
    feed = CalendarFeed.objects.filter(token_hash=feed_hash(token)).select_related("user").first()
    if feed is None or not feed.user.is_active:
        raise Http404
    response = HttpResponse(
        calendar_for(feed.user, request.get_host()), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, no-store"
    return response
