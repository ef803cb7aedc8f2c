"""Merging two records of one person: choose the duplicate (her look-alikes are offered,
or search), compare the two, confirm. Reached from the person to keep; every person shown
is in the access log."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from koers.accounts.decorators import requires
from koers.accounts.roles import Capability
from koers.core.confirm import Confirmation, Question, asks_first, moved_links
from koers.core.http import client_address
from koers.directory.merging import links_of
from koers.directory.models import Person
from koers.directory.persons import services
from koers.directory.persons.access import get_person_for_user, matching, persons_visible_to
from koers.directory.persons.forms import DuplicateChoiceForm, PersonMergeForm, PersonSearchForm
from koers.directory.persons.queries import person_look_alikes
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction

SHOWN = 20
COMPARED = ("first_name", "infix", "last_name", "email", "phone", "purpose", "notes")


@asks_first
@requires(Capability.EDIT_PERSONS)
@require_http_methods(["GET", "POST"])
def person_merge(request: HttpRequest, pk: int) -> HttpResponse:
    keep = get_person_for_user(request.user, pk, Capability.EDIT_PERSONS)
    others = persons_visible_to(request.user).filter(holder_id=keep.holder_id).exclude(pk=keep.pk)
    chosen_pk = DuplicateChoiceForm.chosen(request)
    duplicate = get_object_or_404(others, pk=chosen_pk) if chosen_pk is not None else None
    form = PersonMergeForm(request.POST if request.method == "POST" else None)
    confirmation = Confirmation(request, carried=("dubbel",))
    if (
        request.method == "POST"
        and duplicate is not None
        and form.is_valid()
        and confirmation.given()
    ):
        done, response = confirmation.carry_out(lambda: _merge(request, form, keep, duplicate))
        if done and response is not None:
            return response
    search = PersonSearchForm(request.GET if "q" in request.GET else None)
    query = search.cleaned_data["q"].strip() if search.is_valid() else ""
    candidates = list(matching(others, query)[:SHOWN]) if query else person_look_alikes(keep)
    links = links_of(Person, duplicate) if duplicate else []
    shown_to_her = [keep, *([duplicate] if duplicate else [])]
    log_access(request, AccessAction.VIEW, shown_to_her, detail="merge")
    if candidates:
        action = AccessAction.SEARCH if query else AccessAction.LIST
        log_access(request, action, candidates, detail=query or "merge")
    return render(
        request,
        "directory/person_merge.html",
        {
            "keep": keep,
            "duplicate": duplicate,
            "candidates": candidates,
            "search": search,
            "query": query,
            "form": form if duplicate else None,
            "compared": _compared(keep, duplicate) if duplicate else [],
            "links": links,
            "confirmation": confirmation,
            "question": _question(keep, duplicate, links) if duplicate else None,
        },
        status=400 if form.errors else confirmation.status,
    )


def _merge(
    request: HttpRequest, form: PersonMergeForm, keep: Person, duplicate: Person
) -> HttpResponse | None:
    """Merge, confirmed; None (the page again, the reasons on the form) when refused."""
    try:
        moved = services.person_merge(
            actor=request.user,
            keep=keep,
            duplicate=duplicate,
            remote_addr=client_address(request),
        )
    except ValidationError as error:
        form.add_error(None, error)
        return None
    count = sum(moved.values())
    messages.success(
        request,
        ngettext(
            "Merged: %(count)s link moved to %(person)s.",
            "Merged: %(count)s links moved to %(person)s.",
            count,
        )
        % {"count": count, "person": keep},
    )
    return redirect("directory:person", pk=keep.pk)


def _question(keep: Person, duplicate: Person, links: list[tuple[str, int]]) -> Question:
    return Question(
        heading=_("Merge %(duplicate)s into %(keep)s?") % {"duplicate": duplicate, "keep": keep},
        consequences=[
            *moved_links(links),
            _("%(duplicate)s is removed; the audit log keeps what it was.")
            % {"duplicate": duplicate},
        ],
        button=_("Yes, merge"),
        cancel_url=reverse("directory:person", args=[keep.pk]),
        cancel_label=str(keep),
    )


def _compared(keep: Person, duplicate: Person) -> list[tuple[Any, Any, Any]]:
    """(label, kept value, the duplicate's value) of the fields a merge may fill."""
    fields: Any = Person._meta
    return [
        (fields.get_field(name).verbose_name, getattr(keep, name), getattr(duplicate, name))
        for name in COMPARED
    ]
