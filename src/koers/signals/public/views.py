"""The public signal form (opt-in per installation, PUBLIC_SIGNAL_FORM): a resident tells
what she experienced, without an account. Like Koers's other public pages it uses no
session and no messages, sets no cookie but the CSRF one, is rate limited per address and
never cached. Her text is scrubbed by `signal_record` exactly as staff's are, and her
address is not written with the signal: the rate limit keeps only a digest of it."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from koers.core.http import client_address
from koers.core.ratelimit import allow
from koers.core.reference import default_reference
from koers.directory.models import Organisation
from koers.directory.public_holders import page_url
from koers.signals.entry.suggestion import suggestion_for
from koers.signals.public.forms import PublicSignalForm
from koers.signals.public.holder import public_holder
from koers.signals.services import signal_record

# Per address and hour: a resident sends one or two, a family at one computer a few; a
# script does not flood the holder's signals.
SIGNALS_PER_HOUR = 5
HOUR = dt.timedelta(hours=1)


def _within_limit(request: HttpRequest) -> bool:
    # The address only as a digest: the rate limit tells visitors apart, it does not know them.
    address = hashlib.sha256((client_address(request) or "").encode()).hexdigest()[:24]
    return allow(f"signals:public:{address}", limit=SIGNALS_PER_HOUR, window=HOUR)


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


def consent_text(holder: Organisation) -> str:
    return _(
        "I agree that %(organisation)s keeps my name and contact details, apart from my "
        "signal, to tell me what was done with it, for at most %(days)s days; then they are "
        "removed."
    ) % {"organisation": holder.name, "days": settings.SIGNALS_CONTACT_DAYS}


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def public_form(request: HttpRequest, holder: str | None = None) -> HttpResponse:
    slug = holder  # the URL's; the organisation below
    organisation = public_holder(slug)
    text = consent_text(organisation)
    page = "signals/public/form.html"
    if request.method == "GET":
        form = PublicSignalForm(consent_text=text)
        return _private(render(request, page, {"holder": organisation, "form": form}))
    form = PublicSignalForm(request.POST, consent_text=text)
    if not _within_limit(request):
        problem = _(
            "Too many signals from your connection in the last hour; nothing was stored. "
            "Please try again later."
        )
        context = {"holder": organisation, "form": form, "problem": problem}
        return _private(render(request, page, context, status=429))
    if form.is_valid():
        shown = suggestion_for(organisation.pk, form.cleaned_data["description"])
        try:
            signal_record(
                actor=None,
                holder=organisation,
                received_on=default_reference(),
                values=form.values(),
                suggestion=shown.kept() if shown else None,
                contact=form.contact(),
                contact_days=settings.SIGNALS_CONTACT_DAYS,
                public=True,
                # Not her address: a signal keeps no trace of who sent it.
                remote_addr=None,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(page_url("signals:public_thanks", slug))
    return _private(render(request, page, {"holder": organisation, "form": form}, status=400))


@login_not_required
@never_cache
@require_GET
def public_thanks(request: HttpRequest, holder: str | None = None) -> HttpResponse:
    context = {
        "holder": public_holder(holder),
        "form_url": page_url("signals:public_form", holder),
    }
    return _private(render(request, "signals/public/thanks.html", context))
