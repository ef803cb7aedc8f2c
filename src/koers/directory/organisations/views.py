"""The directory of organisations: search and filters, one organisation with the work and
people linked to it, adding and changing (with a duplicate check), and merging two."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires_any
from koers.accounts.policy import Scope, has_capability, organisations_with
from koers.accounts.roles import Capability
from koers.core.choices import SearchScope, search_answer, search_for
from koers.core.confirm import Question, asks_first, confirm_first, moved_links
from koers.core.forms import search_text
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.models import Municipality
from koers.core.versioning import versioned_edit
from koers.directory.merging import links_of
from koers.directory.models import (
    ORGANISATION_SEARCH_FIELDS,
    Organisation,
    OrganisationKind,
    Position,
    Tag,
)
from koers.directory.organisations import rules, services
from koers.directory.organisations.forms import MergeForm, OrganisationFilterForm, OrganisationForm
from koers.directory.organisations.queries import possible_duplicates
from koers.plans import queries as plan_queries
from koers.plans.models import Programme
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction
from koers.relations.models import Event, Interaction, Opportunity
from koers.relations.organisation_conditions import worked_with

COLUMNS = (
    Column(gettext_lazy("Name"), "name", (Lower("name"),)),
    Column(gettext_lazy("Kind"), "kind"),
    Column(gettext_lazy("Municipality"), "municipality", ("municipality__name",)),
    Column(gettext_lazy("Tags")),
)


@requires_any(Capability.VIEW_PLANS, Capability.MANAGE_INSTALLATION)
@require_GET
def organisations(request: HttpRequest) -> HttpResponse:
    """The directory, searched and filtered by kind, municipality, tag and programme (the
    organisations that worked with a programme she may see)."""
    rows = Organisation.objects.select_related("municipality").prefetch_related("tags")
    query = search_text(request)
    filters = OrganisationFilterForm(request.GET)
    kind = filters.value("soort") or ""
    municipality = filters.value("gemeente")
    tag = filters.value("tag")
    programmes = list(
        Programme.objects.visible_to(request.user)
        .select_related("plan")
        .order_by("-plan__start_year", "order", "code")
    )
    programme = next((p for p in programmes if p.pk == filters.value("programma")), None)
    if query:
        rows = rows.filter(
            Q(name__icontains=query) | Q(short_name__icontains=query) | Q(sector__icontains=query)
        )
    if kind:
        rows = rows.filter(kind=kind)
    if municipality is not None:
        rows = rows.filter(municipality_id=municipality)
    if tag is not None:
        rows = rows.filter(tags=tag)
    with_contacts = programme is not None and has_capability(  # contacts are the holder's
        request.user, Capability.VIEW_PERSONS, Scope(organisation_id=programme.plan.organisation_id)
    )
    if programme is not None:
        rows = rows.filter(worked_with(programme.pk, with_contacts=with_contacts))
    listing = list_page(request, rows, columns=COLUMNS, default_sort="name")
    return render(
        request,
        "directory/organisations.html",
        {
            "listing": listing,
            "organisations": listing.rows,
            "total": listing.total,
            "query": query,
            "kind": kind,
            "municipality": municipality,
            "tag": tag,
            "programme": programme,
            "with_contacts": with_contacts,
            "kinds": OrganisationKind.choices,
            # Only where organisations are: a filter of all 342 would mostly find nothing.
            "municipalities": Municipality.objects.filter(organisations__isnull=False).distinct(),
            "tags": Tag.objects.annotate(used=Count("organisations")).filter(used__gt=0),
            "programmes": programmes,
            "may_edit": rules.edit_refusal(request.user, None) is None,  # adding one
            "may_view_persons": has_capability(request.user, Capability.VIEW_PERSONS),
            "may_onboard": has_capability(request.user, Capability.MANAGE_INSTALLATION),
        },
    )


@requires_any(Capability.VIEW_PLANS, Capability.MANAGE_INSTALLATION)
@require_GET
def organisation_search(request: HttpRequest) -> HttpResponse:
    """The organisations whose name or short name matches `q` (every one but the holder
    when the form asks): the options of a searchable choice (core.choices). Every user
    with a role sees the directory of organisations, as on its list."""
    scope = SearchScope(request.GET)
    found = search_for(
        request, scope.narrowed(Organisation.objects.all(), "pk"), ORGANISATION_SEARCH_FIELDS
    )
    return search_answer(request, found)


def _search_url_without(record: Organisation) -> str:
    return reverse("directory:organisation_search") + f"?behalve={record.pk}"


@requires_any(Capability.VIEW_PLANS, Capability.MANAGE_INSTALLATION)
@require_GET
def organisation(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(Organisation.objects.select_related("municipality", "parent"), pk=pk)
    holders, _funding = organisations_with(request.user, Capability.VIEW_PERSONS)
    positions = list(
        Position.objects.filter(organisation=record, person__holder_id__in=holders)
        .select_related("person")
        .order_by("person__last_name")
    )
    if positions:
        log_access(
            request, AccessAction.LIST, [p.person for p in positions], detail=record.name[:300]
        )
    contacts = (
        Interaction.objects.visible_to(request.user)
        .filter(organisations=record)
        .order_by("-date")[:20]
        if holders
        else []
    )
    events = (
        Event.objects.visible_to(request.user)
        .filter(Q(co_organisers=record) | Q(participants__organisation=record))
        .distinct()
        .order_by("-date")[:20]
    )
    opportunities = (
        Opportunity.objects.visible_to(request.user)
        .filter(organisation=record)
        .select_related("current_quote")
        .order_by("-created_on", "-id")[:20]
        if holders
        else []
    )
    return render(
        request,
        "directory/organisation.html",
        {
            "organisation": record,
            "children": record.children.order_by("name"),
            "tags": record.tags.all(),
            "positions": positions,
            "contacts": contacts,
            "events": events,
            "opportunities": opportunities,
            "partnerships": plan_queries.partnerships_of(request.user, record.pk),
            "may_edit": rules.edit_refusal(request.user, record) is None,
            "may_merge": rules.merge_refusal(request.user) is None,
        },
    )


@requires_any(Capability.EDIT_PERSONS, Capability.MANAGE_INSTALLATION)
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    record = get_object_or_404(Organisation, pk=pk) if pk else None
    refusal = rules.edit_refusal(request.user, record)
    if refusal:
        raise PermissionDenied(refusal)  # the refusal page says why
    initial: dict[str, Any] = {}
    if record:
        initial = {name: getattr(record, name) for name in services.ORGANISATION_FIELDS}
        initial["tags"] = ", ".join(t.name for t in record.tags.all())
        initial["version"] = record.version
    form = OrganisationForm(request.POST or None, initial=initial)
    if record:
        del form.fields["accept_duplicates"]
        parent_field: Any = form.fields["parent"]
        parent_field.queryset = Organisation.objects.exclude(pk=record.pk)
        parent_field.search_url = _search_url_without(record)
    duplicates: list[Organisation] = []
    if request.method == "POST" and not record and form.is_valid():
        # Shown only when the save is refused (a look-alike not yet accepted); a new
        # organisation that saves redirects before they are rendered.
        duplicates = possible_duplicates(form.cleaned_data["name"], form.cleaned_data["website"])
    return versioned_edit(
        request,
        form,
        lambda cleaned: services.organisation_save(
            actor=request.user,
            values={name: cleaned[name] for name in services.ORGANISATION_FIELDS},
            tags=services.tags_create(cleaned["tags"]),
            organisation=record,
            expected_version=cleaned["version"] if record else None,
            accept_duplicates=cleaned.get("accept_duplicates", False),
            remote_addr=client_address(request),
        ),
        success=_("The organisation has been saved.")
        if record
        else _("The organisation has been added."),
        shown=("name", "short_name", "kind", "website"),
        next_url=lambda organisation: reverse("directory:organisation", args=[organisation.pk]),
        template="directory/organisation_form.html",
        organisation=record,
        duplicates=duplicates,
    )


@asks_first
@requires_any(Capability.ADMINISTER, Capability.MANAGE_INSTALLATION)
@require_http_methods(["GET", "POST"])
def organisation_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose the duplicate, see what moves (counted), confirm, merge."""
    keep = get_object_or_404(Organisation, pk=pk)
    refusal = rules.merge_refusal(request.user)
    if refusal:
        raise PermissionDenied(refusal)  # a beheerder asks, and is told why not
    form = MergeForm(request.POST or None)
    duplicate_field: Any = form.fields["duplicate"]
    duplicate_field.queryset = Organisation.objects.exclude(pk=keep.pk)
    duplicate_field.search_url = _search_url_without(keep)
    if request.method == "POST" and form.is_valid():
        duplicate = form.cleaned_data["duplicate"]
        return confirm_first(
            request,
            question=lambda: Question(
                heading=_("Merge %(duplicate)s into %(keep)s?")
                % {"duplicate": duplicate.name, "keep": keep.name},
                consequences=[
                    *moved_links(links_of(Organisation, duplicate)),
                    _("%(duplicate)s is removed; the audit log keeps what it was.")
                    % {"duplicate": duplicate.name},
                ],
                button=_("Yes, merge"),
                cancel_url=reverse("directory:organisation", args=[keep.pk]),
                cancel_label=keep.name,
            ),
            then=lambda: _merge(request, keep, duplicate),
            carried=("duplicate", "confirm"),
        )
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "heading": _("Merge a duplicate into %(name)s") % {"name": keep.name},
            "crumbs": [(keep.name, reverse("directory:organisation", args=[keep.pk]))],
            "back_url": reverse("directory:organisation", args=[keep.pk]),
            "intro": _(
                "Everything linked to the duplicate — persons' positions, contacts, events, "
                "grants, budgets — moves to this organisation; the duplicate is removed. "
                "The audit log keeps what it was."
            ),
        },
        status=400 if request.method == "POST" else 200,
    )


def _merge(request: HttpRequest, keep: Organisation, duplicate: Organisation) -> HttpResponse:
    """Merge, confirmed; when refused, back to the form with the reasons as messages."""
    try:
        moved = services.organisation_merge(
            actor=request.user,
            keep=keep,
            duplicate=duplicate,
            remote_addr=client_address(request),
        )
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
        return redirect("directory:organisation_merge", pk=keep.pk)
    messages.success(
        request,
        _("Merged: %(count)s links moved to this organisation.") % {"count": sum(moved.values())},
    )
    return redirect("directory:organisation", pk=keep.pk)
