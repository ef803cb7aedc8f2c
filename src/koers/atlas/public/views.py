"""The public spinnenweb page (no account, opt-in per installation) and the staff's list of
the contact requests it brings in.

The public views set no cookie but the CSRF one: they use no session and no messages
(a thank-you is a query parameter, not a flashed message), and her scores travel only in
the forms on the page."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from koers.accounts.decorators import requires_as_staff
from koers.accounts.policy import organisations_with
from koers.accounts.roles import Capability
from koers.atlas.models import DIMENSIONS, ContactRequest
from koers.atlas.public import services
from koers.atlas.public.forms import ContactForm, ScoresForm
from koers.atlas.public.holder import public_atlas_holder
from koers.atlas.public.ranking import LOW_SCORE, rank
from koers.core.confirm import Question, asks_first, confirm_first, deletion_consequences
from koers.core.http import client_address
from koers.core.pages import act
from koers.core.ratelimit import allow
from koers.directory.models import Organisation
from koers.directory.public_holders import page_url
from koers.privacy.access_log import log_access
from koers.privacy.models import AccessAction

PAGE = "atlas/public/spinnenweb.html"
# Per address and hour: enough for a family at one computer, too few to flood the counts
# or the contact requests.
SCORINGS_PER_HOUR = 30
CONTACTS_PER_HOUR = 5
HOUR = dt.timedelta(hours=1)


def _public_holder(slug: str | None) -> Organisation:
    if not settings.PUBLIC_SPINNENWEB:
        raise Http404
    return public_atlas_holder(slug)


def _within_limit(request: HttpRequest, action: str, limit: int) -> bool:
    # The address only as a digest: the rate limit needs to tell visitors apart, not know them.
    address = hashlib.sha256((client_address(request) or "").encode()).hexdigest()[:24]
    return allow(f"spinnenweb:{action}:{address}", limit=limit, window=HOUR)


def _consent_text(holder: Organisation) -> str:
    months = round(settings.ATLAS_CONTACT_RETENTION_DAYS / 30.4)
    return _(
        "I agree that %(organisation)s keeps my name, my contact details, my message and the "
        "initiatives I picked, to contact me about those initiatives. Nothing else is done "
        "with them, and they are deleted after %(months)s months at the latest."
    ) % {"organisation": holder.name, "months": months}


def _page(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    # The addresses of this holder's spinnenweb: her own, or the plain one she came by.
    slug = request.resolver_match.kwargs.get("holder") if request.resolver_match else None
    context = {
        **context,
        "page_url": page_url("atlas:spinnenweb", slug),
        "contact_url": page_url("atlas:spinnenweb_contact", slug),
    }
    response = render(request, PAGE, context, status=status)
    # Her answers are on the page: no shared cache keeps it.
    response["Cache-Control"] = "private, no-store"
    return response


def _too_many(request: HttpRequest, holder: Organisation) -> HttpResponse:
    form = ScoresForm(holder_id=holder.pk)
    return _page(
        request,
        {
            "holder": holder,
            "form": form,
            "problem": _(
                "Too many requests from your connection in the last hour; nothing was "
                "stored. Please try again later."
            ),
        },
        status=429,
    )


def _results(
    request: HttpRequest,
    holder: Organisation,
    scores_form: ScoresForm,
    contact_form: ContactForm | None = None,
    status: int = 200,
) -> HttpResponse:
    scores = scores_form.scores()
    municipality = scores_form.cleaned_data["municipality"]
    matches = rank(
        holder_id=holder.pk,
        scores=scores,
        municipality_code=municipality.code,
        today=timezone.localdate(),
    )
    shown = [match.pk for match in matches]
    carried = ScoresForm(scores_form.data, holder_id=holder.pk, hidden=True)
    return _page(
        request,
        {
            "holder": holder,
            "matches": matches,
            "municipality": municipality,
            "low": [d for d in DIMENSIONS if scores[d.key] <= LOW_SCORE],
            "carried": carried,
            "contact_form": contact_form or ContactForm(holder_id=holder.pk, shown=shown),
            "consent_text": _consent_text(holder),
        },
        status=status,
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def spinnenweb(request: HttpRequest, holder: str | None = None) -> HttpResponse:
    """Six sliders and her municipality; posted, the initiatives that fit, with reasons."""
    slug = holder  # the URL's; the organisation below
    organisation = _public_holder(slug)
    if request.method == "GET":
        return _page(
            request,
            {
                "holder": organisation,
                "form": ScoresForm(holder_id=organisation.pk),
                "sent": request.GET.get("verzonden") == "1",
            },
        )
    if not _within_limit(request, "score", SCORINGS_PER_HOUR):
        return _too_many(request, organisation)
    form = ScoresForm(request.POST, holder_id=organisation.pk)
    if not form.is_valid():
        return _page(request, {"holder": organisation, "form": form}, status=400)
    services.tally_record(holder_id=organisation.pk, scores=form.scores(), on=timezone.localdate())
    return _results(request, organisation, form)


@login_not_required
@require_POST
def spinnenweb_contact(request: HttpRequest, holder: str | None = None) -> HttpResponse:
    """Her request to be contacted about the initiatives she picked."""
    slug = holder  # the URL's; the organisation below
    organisation = _public_holder(slug)
    if not _within_limit(request, "contact", CONTACTS_PER_HOUR):
        return _too_many(request, organisation)
    scores_form = ScoresForm(request.POST, holder_id=organisation.pk)
    if not scores_form.is_valid():
        # Her scores came back changed or missing: start again, nothing stored.
        return _page(request, {"holder": organisation, "form": scores_form}, status=400)
    shown = [
        match.pk
        for match in rank(
            holder_id=organisation.pk,
            scores=scores_form.scores(),
            municipality_code=scores_form.cleaned_data["municipality"].code,
            today=timezone.localdate(),
        )
    ]
    form = ContactForm(request.POST, holder_id=organisation.pk, shown=shown)
    if not form.is_valid():
        return _results(request, organisation, scores_form, form, status=400)
    services.contact_request_create(
        holder_id=organisation.pk,
        name=form.cleaned_data["name"],
        email=form.cleaned_data["email"],
        phone=form.cleaned_data["phone"],
        message=form.cleaned_data["message"],
        municipality=scores_form.cleaned_data["municipality"],
        initiatives=form.cleaned_data["initiatives"],
        consent_text=_consent_text(organisation),
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    return redirect(f"{page_url('atlas:spinnenweb', slug)}?verzonden=1")


# --- the staff's side ----------------------------------------------------------------------


def _get_contact_request_for_user(user: Any, pk: int) -> ContactRequest:
    """A contact request of an atlas she edits as staff; any other: 404."""
    own, _funding = organisations_with(user, Capability.EDIT_ATLAS)
    return get_object_or_404(ContactRequest.objects.filter(holder_id__in=own), pk=pk)


@requires_as_staff(Capability.EDIT_ATLAS)
@require_http_methods(["GET"])
def contact_requests(request: HttpRequest) -> HttpResponse:
    """The residents who asked to be contacted, newest first, open ones on top."""
    own, _funding = organisations_with(request.user, Capability.EDIT_ATLAS)
    records = list(
        ContactRequest.objects.filter(holder_id__in=own)
        .select_related("municipality", "handled_by")
        .prefetch_related("initiatives")
        .order_by("handled_at", "-created_at", "-pk")
    )
    log_access(request, AccessAction.LIST, records)
    return render(
        request,
        "atlas/public/contact_requests.html",
        {"records": records, "open": sum(1 for r in records if r.handled_at is None)},
    )


@requires_as_staff(Capability.EDIT_ATLAS)
@require_POST
def contact_request_handle(request: HttpRequest, pk: int) -> HttpResponse:
    record = _get_contact_request_for_user(request.user, pk)
    act(
        request,
        lambda: services.contact_request_finish(
            actor=request.user, record=record, remote_addr=client_address(request)
        ),
        _("The contact request is marked handled."),
    )
    return redirect("atlas:contact_requests")


@asks_first
@requires_as_staff(Capability.EDIT_ATLAS)
@require_POST
def contact_request_delete(request: HttpRequest, pk: int) -> HttpResponse:
    record = _get_contact_request_for_user(request.user, pk)

    def delete() -> HttpResponse:
        act(
            request,
            lambda: services.contact_request_delete(
                actor=request.user, record=record, remote_addr=client_address(request)
            ),
            _("The contact request has been deleted."),
        )
        return redirect("atlas:contact_requests")

    return confirm_first(
        request,
        question=lambda: Question(
            heading=_("Delete the request of %(name)s?") % {"name": record.name},
            consequences=[
                *deletion_consequences(record),
                _(
                    "Her name, contact details and message are deleted for good; the audit "
                    "log keeps only that a request was deleted."
                ),
            ],
            button=_("Yes, delete"),
            cancel_url=reverse("atlas:contact_requests"),
        ),
        then=delete,
    )
