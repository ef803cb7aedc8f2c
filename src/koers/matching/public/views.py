"""The login-free pages of matching: the public sign-up (opt-in per installation), its
confirmation link, and the "ik ben weer beschikbaar" link of a re-engagement campaign.

Like the atlas's public pages they use no session and no messages (a thank-you is a query
parameter), set no cookie but the CSRF one, are rate limited per address, and are never
cached: her answers and her link are on them."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from koers.core.http import client_address
from koers.core.ratelimit import allow
from koers.directory.models import Organisation
from koers.directory.public_holders import page_url
from koers.matching.public import campaign_services, lookups, signup_services, tasks
from koers.matching.public.forms import PublicAvailabilityForm, SignupForm
from koers.matching.public.holder import signup_holder
from koers.matching.public.links import LinkRefused

# Per address and hour: a household at one computer signs up a few people, a script does
# not fill the pending sign-ups. Guessing a link's secret is hopeless (256 bits); the link
# limit keeps a script from trying.
SIGNUPS_PER_HOUR = 5
LINK_USES_PER_HOUR = 30
HOUR = dt.timedelta(hours=1)


def _within_limit(request: HttpRequest, action: str, limit: int) -> bool:
    # The address only as a digest: the rate limit tells visitors apart, it does not know them.
    address = hashlib.sha256((client_address(request) or "").encode()).hexdigest()[:24]
    return allow(f"matching:{action}:{address}", limit=limit, window=HOUR)


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


def consent_text(holder: Organisation) -> str:
    return _(
        "I agree that %(organisation)s keeps my name, contact details, municipality, the work "
        "I can do, my qualifications and when I am available, to match me with care and "
        "welfare organisations that ask for help and to call me about it. I can withdraw "
        "this consent at any time; then my details are removed."
    ) % {"organisation": holder.name}


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return _private(
        render(request, "matching/public/link_refused.html", {"message": message}, status=status)
    )


def _origin(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest, holder: str | None = None) -> HttpResponse:
    """Her sign-up: kept until she confirms her e-mail address through the mailed link."""
    slug = holder  # the URL's; the organisation below
    organisation = signup_holder(slug)
    today = timezone.localdate()
    text = consent_text(organisation)
    page = "matching/public/signup.html"
    if request.method == "GET":
        form = SignupForm(today=today, consent_text=text)
        sent = request.GET.get("verzonden") == "1"
        return _private(render(request, page, {"holder": organisation, "form": form, "sent": sent}))
    form = SignupForm(request.POST, today=today, consent_text=text)
    if not _within_limit(request, "signup", SIGNUPS_PER_HOUR):
        problem = _(
            "Too many sign-ups from your connection in the last hour; nothing was "
            "stored. Please try again later."
        )
        context = {"holder": organisation, "form": form, "problem": problem}
        return _private(render(request, page, context, status=429))
    if not form.is_valid():
        return _private(render(request, page, {"holder": organisation, "form": form}, status=400))
    pending = signup_services.signup_submit(
        holder_id=organisation.pk,
        email=form.cleaned_data["email"],
        answers=form.answers(),
        now=timezone.now(),
    )
    origin = _origin(request)
    transaction.on_commit(lambda: tasks.mail_signup_confirmation.enqueue(pending.pk, origin))
    return redirect(f"{page_url('matching:signup', slug)}?verzonden=1")


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def signup_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the mail: a button confirms (a mail scanner opening the link confirms
    nothing); a second use says it was confirmed already and makes nothing twice."""
    signup_holder()
    if not _within_limit(request, "link", LINK_USES_PER_HOUR):
        return _refused(
            request, _("Too many attempts from your address. Try again in an hour."), 429
        )
    now = timezone.now()
    page = "matching/public/signup_confirm.html"
    try:
        if request.method == "POST":
            pending = signup_services.signup_confirm(
                token=token, now=now, remote_addr=client_address(request)
            )
            return _private(render(request, page, {"done": True, "holder": pending.holder}))
        pending = lookups.usable_signup(token, now)
    except lookups.AlreadyConfirmed:
        return _private(render(request, page, {"already": True}))
    except LinkRefused as refused:
        return _refused(request, refused.message, 410 if refused.gone else 404)
    return _private(render(request, page, {"holder": pending.holder, "email": pending.email}))


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def available_again(request: HttpRequest, token: str) -> HttpResponse:
    """ "Ik ben weer beschikbaar": she gives her new availability through her invitation."""
    if not _within_limit(request, "link", LINK_USES_PER_HOUR):
        return _refused(
            request, _("Too many attempts from your address. Try again in an hour."), 429
        )
    now = timezone.now()
    today = timezone.localdate()
    try:
        invite = lookups.usable_invite(token, now)
    except LinkRefused as refused:
        return _refused(request, refused.message, 410 if refused.gone else 404)
    page = "matching/public/available_again.html"
    context: dict[str, Any] = {"campaign": invite.campaign, "expires_at": invite.expires_at}
    if request.method == "GET":
        context["form"] = PublicAvailabilityForm(today=today)
        return _private(render(request, page, context))
    form = PublicAvailabilityForm(request.POST, today=today)
    if not form.is_valid():
        context["form"] = form
        return _private(render(request, page, context, status=400))
    try:
        campaign_services.invite_availability_record(
            token=token,
            now=now,
            availability=form.availability(),
            remote_addr=client_address(request),
        )
    except LinkRefused as refused:
        return _refused(request, refused.message, 410 if refused.gone else 404)
    return _private(render(request, page, {**context, "done": True}))
