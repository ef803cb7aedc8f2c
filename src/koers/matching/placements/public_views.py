"""The follow-up link's page: no account, rate limited like the atlas's public pages; an
unknown link answers 404, a used or expired one 410."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from koers.core.http import client_address
from koers.core.ratelimit import allow
from koers.matching.models import FollowUpSide
from koers.matching.placements.follow_ups import LinkRefused, follow_up_answer, usable_follow_up
from koers.matching.placements.forms import FollowUpForm
from koers.matching.placements.mails import shift_facts

LINK_USES_PER_HOUR = 30


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def follow_up(request: HttpRequest, token: str) -> HttpResponse:
    if not allow(
        f"matching-follow-up:{client_address(request)}",
        limit=LINK_USES_PER_HOUR,
        window=dt.timedelta(hours=1),
    ):
        return _refused(
            request, _("Too many attempts from your address. Try again in an hour."), 429
        )
    now = timezone.now()
    try:
        link = usable_follow_up(token, now)
    except LinkRefused as refused:
        return _refused(request, refused.message, 410 if refused.gone else 404)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            follow_up_answer(
                token=token,
                happened=form.cleaned_data["happened"],
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
                now=now,
                remote_addr=client_address(request),
            )
        except LinkRefused as refused:
            return _refused(request, refused.message, 410 if refused.gone else 404)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return render(request, "matching/placements/follow_up_done.html")
    return render(
        request,
        "matching/placements/follow_up.html",
        {
            "form": form,
            "facts": shift_facts(link.placement.shift),
            "as_candidate": link.side == FollowUpSide.KANDIDAAT,
            "expires_at": link.expires_at,
        },
        status=400 if request.method == "POST" else 200,
    )


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(
        request, "matching/placements/follow_up_refused.html", {"message": message}, status=status
    )
