"""One initiative: its page, adding and changing it, confirming it now, and making the
personal link for its contact; the search behind the initiative choices."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.atlas.access import get_initiative_for_user, may_edit_atlas, sees_persons_in_atlas
from koers.atlas.initiatives import confirmation_services, queries, services
from koers.atlas.initiatives.forms import INITIATIVE_SEARCH_FIELDS, InitiativeForm, initial_of
from koers.atlas.models import DIMENSIONS, ChangeStatus, Initiative
from koers.core.choices import search_answer, search_for
from koers.core.http import client_address
from koers.core.pages import act
from koers.core.versioning import versioned_edit

SERVES_WORDS = {0: gettext_lazy("not"), 1: gettext_lazy("somewhat"), 2: gettext_lazy("mainly")}
LINK_SESSION_KEY = "koers_atlas_link"


@requires(Capability.VIEW_ATLAS)
@require_GET
def initiative(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything about the entry; its contact only for those who may see persons."""
    record = get_initiative_for_user(request.user, pk)
    sees_persons = sees_persons_in_atlas(request.user, record.holder_id)
    may_edit = may_edit_atlas(request.user, record.holder_id)
    today = timezone.localdate()
    shown_link = request.session.pop(LINK_SESSION_KEY, None) if may_edit else None
    return render(
        request,
        "atlas/initiatives/initiative.html",
        {
            "initiative": record,
            "themes": list(record.themes.all()),
            "dimensions": [
                (d.label, getattr(record, d.field), SERVES_WORDS[getattr(record, d.field)])
                for d in DIMENSIONS
            ],
            "contact": record.contact if sees_persons and record.contact_id else None,
            "ties": queries.ties_of(record),
            "is_stale": record.is_stale_on(today),
            "may_edit": may_edit,
            "pending": may_edit
            and record.proposed_changes.filter(status=ChangeStatus.PENDING).exists(),
            "shown_link": shown_link if shown_link and shown_link[0] == record.pk else None,
        },
    )


@requires(Capability.EDIT_ATLAS)
@require_http_methods(["GET", "POST"])
def initiative_add(request: HttpRequest) -> HttpResponse:
    """A new entry of her own organisation's atlas (the holder comes from her membership)."""
    return _initiative_form_page(request, None)


@requires(Capability.EDIT_ATLAS)
@require_http_methods(["GET", "POST"])
def initiative_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _initiative_form_page(request, pk)


def _initiative_form_page(request: HttpRequest, pk: int | None) -> HttpResponse:
    holder_id = own_organisation(request.user, Capability.EDIT_ATLAS)
    record: Initiative | None = None
    initial: dict[str, Any] = {}
    if pk:
        record = get_initiative_for_user(request.user, pk)
        if record.holder_id != holder_id:
            raise Http404
        initial = initial_of(record, [*services.INITIATIVE_FIELDS])
        initial["organisation"] = record.organisation_id
        initial["contact"] = record.contact_id
        initial["version"] = record.version
    form = InitiativeForm(request.POST or None, initial=initial, holder_id=holder_id)

    def save(cleaned: dict[str, Any]) -> Initiative:
        return services.initiative_save(
            actor=request.user,
            holder_id=holder_id,
            values={name: cleaned[name] for name in services.INITIATIVE_FIELDS},
            themes=list(cleaned["themes"]),
            initiative=record,
            expected_version=cleaned["version"] if record else None,
            today=timezone.localdate(),
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The initiative has been saved.")
        if record
        else _("The initiative has been added."),
        shown=("name", "kind", "municipality", "website"),
        next_url=lambda saved: reverse("atlas:initiative", args=[saved.pk]),
        heading=_("Edit %(name)s") % {"name": record.name} if record else _("Add an initiative"),
        crumbs=[(record.name, reverse("atlas:initiative", args=[record.pk]))] if record else [],
        back_url=reverse("atlas:initiative", args=[record.pk])
        if record
        else reverse("atlas:index"),
    )


@requires(Capability.EDIT_ATLAS)
@require_POST
def initiative_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """The coordinator confirms the entry as it is, today."""
    record = get_initiative_for_user(request.user, pk)
    act(
        request,
        lambda: services.initiative_confirm(
            actor=request.user,
            initiative=record,
            today=timezone.localdate(),
            remote_addr=client_address(request),
        ),
        _("The initiative has been confirmed as of today."),
    )
    return redirect("atlas:initiative", pk=record.pk)


@requires(Capability.EDIT_ATLAS)
@require_POST
def initiative_link(request: HttpRequest, pk: int) -> HttpResponse:
    """A personal link for the contact: mailed when she has an address, and shown once
    here to copy."""
    record = get_initiative_for_user(request.user, pk)
    link, url = confirmation_services.confirmation_link_create(
        actor=request.user,
        initiative=record,
        now=timezone.now(),
        address=lambda token: request.build_absolute_uri(
            reverse("atlas:confirmation", args=[token])
        ),
        remote_addr=client_address(request),
    )
    request.session[LINK_SESSION_KEY] = (record.pk, url)
    if link.mailed:
        messages.success(
            request,
            _("The link has been mailed to the contact. It is also shown below, once, to copy."),
        )
    else:
        messages.success(
            request,
            _(
                "The link has been made. The contact has no e-mail address: copy it now, "
                "it is shown once."
            ),
        )
    return redirect("atlas:initiative", pk=record.pk)


@requires(Capability.VIEW_ATLAS)
@require_GET
def initiative_search(request: HttpRequest) -> HttpResponse:
    """The initiatives she may see whose name matches `q`: a searchable choice's options."""
    found = search_for(
        request, Initiative.objects.visible_to(request.user), INITIATIVE_SEARCH_FIELDS
    )
    return search_answer(request, found)
