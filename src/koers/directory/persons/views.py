"""Persons: list and search, detail, add and edit, positions, export and erasure (the
import is in `import_views`).

Every page that shows a person's data logs the access (koers.privacy.access_log) after
the permission check, one record per person shown.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import sees_names
from koers.accounts.roles import Capability
from koers.core.choices import SearchScope, search_answer, search_for
from koers.core.confirm import Confirmation, Question, asks_first
from koers.core.http import client_address
from koers.core.listing import Column, list_page
from koers.core.models import AuditEntry
from koers.core.pages import attempt, shown_again
from koers.core.versioning import versioned_edit
from koers.directory.models import PERSON_FIELDS, PERSON_SEARCH_FIELDS, Position
from koers.directory.persons import services
from koers.directory.persons.access import (
    get_person_for_user,
    holders_for,
    matching,
    may,
    persons_visible_to,
)
from koers.directory.persons.forms import (
    EraseForm,
    HolderForm,
    PersonAddForm,
    PersonForm,
    PersonSearchForm,
    PositionForm,
)
from koers.directory.persons.queries import person_duplicates
from koers.privacy import queries as privacy_queries
from koers.privacy import services as privacy
from koers.privacy.access_log import log_access
from koers.privacy.forms import ReasonForm
from koers.privacy.models import AccessAction

COLUMNS = (
    Column(gettext_lazy("Name"), "name", (Lower("last_name"), Lower("first_name"))),
    Column(gettext_lazy("Organisation")),
    Column(gettext_lazy("E-mail address"), "email", (Lower("email"),)),
)
CONFLICT_SHOWN = ("first_name", "infix", "last_name", "email", "phone", "notes", "purpose")


def _positions() -> Prefetch[Any]:
    return Prefetch(
        "positions",
        queryset=Position.objects.select_related("organisation").order_by("-started_on"),
    )


@requires(Capability.VIEW_PERSONS)
@require_GET
def person_list(request: HttpRequest) -> HttpResponse:
    form = PersonSearchForm(request.GET or None)
    persons = persons_visible_to(request.user).prefetch_related(_positions())
    query = ""
    if form.is_valid() and (query := form.cleaned_data["q"].strip()):
        persons = matching(persons, query)
    listing = list_page(request, persons, columns=COLUMNS, default_sort="name")
    shown = listing.rows
    log_access(request, AccessAction.SEARCH if query else AccessAction.LIST, shown, detail=query)
    return render(
        request,
        "directory/person_list.html",
        {
            "form": form,
            "query": query,
            "listing": listing,
            "page": listing.page,
            "persons": shown,
            "may_edit": holders_for(request.user).exists(),
        },
    )


@requires(Capability.VIEW_PERSONS)
@require_GET
def person_search(request: HttpRequest) -> HttpResponse:
    """The persons she may see whose name matches `q` (of one holder when the form asks):
    the options of a searchable choice (core.choices), logged as a search of persons."""
    persons = SearchScope(request.GET).narrowed(persons_visible_to(request.user), "holder_id")
    found = search_for(request, persons, PERSON_SEARCH_FIELDS)
    log_access(request, AccessAction.SEARCH, found.records, detail=found.text)
    return search_answer(request, found)


@requires(Capability.VIEW_PERSONS)
@require_GET
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _person_page(request, get_person_for_user(request.user, pk))


def _person_page(request: HttpRequest, person: Any, position_form: Any = None) -> HttpResponse:
    """The person's page; after a refused position with that form as posted."""
    positions = list(person.positions.select_related("organisation"))
    log_access(request, AccessAction.VIEW, [person])
    may_edit = may(request.user, Capability.EDIT_PERSONS, person)
    return render(
        request,
        "directory/person_detail.html",
        {
            "person": person,
            "positions": positions,
            "history": AuditEntry.objects.filter(
                context__in=privacy_queries.person_contexts(person.pk)
            )
            .select_related("actor")
            .order_by("-at", "-id")[:50],
            "may_edit": may_edit,
            "shows_names": sees_names(request.user, person.holder_id),
            "may_manage_privacy": may(request.user, Capability.MANAGE_PRIVACY, person),
            "position_form": position_form or (PositionForm() if may_edit else None),
        },
    )


@requires(Capability.EDIT_PERSONS)
@require_http_methods(["GET", "POST"])
def person_add(request: HttpRequest) -> HttpResponse:
    """Add a person; one who looks like a person her holder has is shown with the
    look-alikes (whose display is logged) and saved only when she says it is another."""
    holders = holders_for(request.user)
    form = PersonAddForm(request.POST or None)
    holder_form = HolderForm(request.POST or None, holders=holders)
    duplicates: list[Any] = []
    if request.method == "POST" and form.is_valid() and holder_form.is_valid():
        cleaned, holder = form.cleaned_data, holder_form.cleaned_data["holder"]
        values = {name: cleaned[name] for name in PERSON_FIELDS}
        try:
            person = services.person_create(
                actor=request.user,
                holder=holder,
                remote_addr=client_address(request),
                organisation=cleaned["organisation"],
                title=cleaned["title"],
                accept_duplicates=cleaned["accept_duplicates"],
                **values,
            )
        except ValidationError as error:
            form.add_error(None, error)
            if getattr(error, "code", None) == "duplicate":
                duplicates = person_duplicates(
                    holder=holder,
                    first_name=values["first_name"],
                    infix=values["infix"],
                    last_name=values["last_name"],
                    email=values["email"],
                    organisation=cleaned["organisation"],
                )
                log_access(request, AccessAction.LIST, duplicates, detail="duplicate check")
        else:
            messages.success(request, _("%(person)s has been added.") % {"person": person})
            return redirect("directory:person", pk=person.pk)
    if not duplicates:  # the way past the check is offered with what it found
        del form.fields["accept_duplicates"]
    return _person_form_page(
        request,
        form,
        holder_form,
        heading=_("Add a person"),
        duplicates=duplicates,
        duplicate_url="directory:person",
    )


@requires(Capability.EDIT_PERSONS)
@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk, Capability.EDIT_PERSONS)
    log_access(request, AccessAction.VIEW, [person], detail="edit")
    form = PersonForm(request.POST or None, instance=person)
    return versioned_edit(
        request,
        form,
        lambda cleaned: services.person_update(
            actor=request.user,
            person=person,
            changes={name: cleaned[name] for name in PERSON_FIELDS},
            expected_version=cleaned["version"] or 0,
            remote_addr=client_address(request),
        ),
        success=_("The person has been saved."),
        shown=CONFLICT_SHOWN,
        next_url=lambda _saved: reverse("directory:person", args=[person.pk]),
        heading=_("Edit %(person)s") % {"person": person},
        person=person,
        extra_forms=[],
        crumbs=[(person, reverse("directory:person", args=[person.pk]))],
        back_url=reverse("directory:person", args=[person.pk]),
    )


def _person_form_page(
    request: HttpRequest, form: Any, holder_form: Any, **context: Any
) -> HttpResponse:
    status = 200
    if request.method == "POST":
        status = 409 if context.get("conflict_rows") else 400
    person = context.get("person")
    back = reverse("directory:person", args=[person.pk]) if person else reverse("directory:persons")
    return render(
        request,
        "core/form_page.html",
        {
            "form": form,
            "extra_forms": [holder_form] if holder_form else [],
            "back_url": back,
            **context,
        },
        status=status,
    )


@requires(Capability.EDIT_PERSONS)
@require_POST
def position_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk, Capability.EDIT_PERSONS)
    form = PositionForm(request.POST)
    if attempt(
        request,
        form,
        lambda cleaned: services.position_add(
            actor=request.user, person=person, remote_addr=client_address(request), **cleaned
        ),
        _("The position has been added."),
    ):
        return redirect("directory:person", pk=person.pk)
    return shown_again(_person_page(request, person, position_form=form))


@requires(Capability.EDIT_PERSONS)
@require_POST
def position_remove(request: HttpRequest, pk: int, position_pk: int) -> HttpResponse:
    person = get_person_for_user(request.user, pk, Capability.EDIT_PERSONS)
    position = get_object_or_404(Position, pk=position_pk, person=person)
    services.position_remove(
        actor=request.user, position=position, remote_addr=client_address(request)
    )
    messages.success(request, _("The position has been removed."))
    return redirect("directory:person", pk=person.pk)


@requires(Capability.MANAGE_PRIVACY)
@require_http_methods(["GET", "POST"])
def person_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything held about the person, as JSON: the answer to an access request. The
    reason is asked first and kept with the export in the access log."""
    person = get_person_for_user(request.user, pk, Capability.MANAGE_PRIVACY)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = privacy.person_export(person)
        log_access(request, AccessAction.EXPORT, [person], reason=form.cleaned_data["reason"])
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="persoon-{person.pk}-{stamp}.json"'
        return response
    log_access(request, AccessAction.VIEW, [person], detail="export")  # her name is shown
    return render(
        request,
        "privacy/reason.html",
        {
            "form": form,
            "heading": _("Export all data of %(person)s") % {"person": person},
            "explanation": _(
                "A JSON file with everything Koers holds about her, the history of changes "
                "and who accessed her data: the answer to an access request (AVG art. 15). "
                "The export is written to the access log, with your reason."
            ),
            "submit": _("Download the export"),
            "crumbs": [(person, reverse("directory:person", args=[person.pk]))],
            "back_url": reverse("directory:person", args=[person.pk]),
        },
        status=400 if request.method == "POST" else 200,
    )


@asks_first
@requires(Capability.MANAGE_PRIVACY)
@require_http_methods(["GET", "POST"])
def person_erase(request: HttpRequest, pk: int) -> HttpResponse:
    """The page is the question: what erasing her removes, counted, with the reason asked
    and the confirmation token; only a POST with both erases."""
    person = get_person_for_user(request.user, pk, Capability.MANAGE_PRIVACY)
    form = EraseForm(request.POST or None)
    confirmation = Confirmation(request)
    if request.method == "POST" and form.is_valid() and confirmation.given():

        def erase() -> HttpResponse:
            privacy.person_erase(
                person,
                actor=request.user,
                remote_addr=client_address(request),
                reason=form.cleaned_data["reason"],
            )
            messages.success(
                request, _("The person and everything linked to her have been removed.")
            )
            return redirect("directory:persons")

        done, response = confirmation.carry_out(erase)
        if done and response is not None:
            return response
    log_access(request, AccessAction.VIEW, [person], detail="erase")
    question = Question(
        heading=_("Erase %(person)s?") % {"person": person},
        consequences=[
            _("%(kind)s: %(count)s removed or made anonymous.")
            % {"kind": kind[:1].upper() + kind[1:], "count": count}
            for kind, count in privacy_queries.erasure_counts(person)
        ],
        button=_("Yes, erase for good"),
        cancel_url=reverse("directory:person", args=[person.pk]),
        cancel_label=str(person),
    )
    return render(
        request,
        "directory/person_erase.html",
        {"person": person, "form": form, "question": question, "confirmation": confirmation},
        status=400 if form.errors else confirmation.status,
    )
