"""Re-engagement campaigns: the list, one campaign with its counts (and, for the pool's staff,
whom it asked and who answered), and a new campaign to the lapsed candidates, which shows
how many it reaches and asks before it sends."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET, require_http_methods

from koers.accounts.decorators import requires, requires_as_staff
from koers.accounts.policy import own_organisation
from koers.accounts.roles import Capability
from koers.core.confirm import Question, asks_first, confirm_first
from koers.core.forms import Form
from koers.core.http import client_address
from koers.core.pages import FORM_PAGE
from koers.matching import clock
from koers.matching.candidates.access import figure_holders_visible_to
from koers.matching.models import ReengagementCampaign
from koers.matching.public import campaign_services, tasks
from koers.matching.public.queries import (
    campaigns_of,
    lapsed_counts,
    may_manage_pool,
    sees_pool,
)


class CampaignForm(Form):
    name = forms.CharField(
        label=gettext_lazy("Name"),
        max_length=200,
        help_text=gettext_lazy("For yourselves, and the subject of the e-mail."),
    )
    message = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "The start of the e-mail. Her personal link to say she is available again "
            "follows under it."
        ),
    )


def get_campaign_for_user(user: Any, pk: int) -> ReengagementCampaign:
    """A campaign of a pool whose figures she may see; any other: 404."""
    return get_object_or_404(campaigns_of(figure_holders_visible_to(user)), pk=pk)


@requires(Capability.VIEW_MATCHING_FIGURES)
@require_GET
def campaigns(request: HttpRequest) -> HttpResponse:
    holders = figure_holders_visible_to(request.user)
    rows = list(campaigns_of(holders).order_by("-created_at", "-pk"))
    may_add = any(may_manage_pool(request.user, pk) for pk in holders)
    return render(
        request, "matching/public/campaigns.html", {"campaigns": rows, "may_add": may_add}
    )


@requires(Capability.VIEW_MATCHING_FIGURES)
@require_GET
def campaign(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_campaign_for_user(request.user, pk)
    invites = None
    if sees_pool(request.user, record.holder_id):
        invites = list(
            record.invites.select_related("candidate__person").order_by("answered_at", "pk")
        )
    return render(
        request, "matching/public/campaign.html", {"campaign": record, "invites": invites}
    )


@asks_first
@requires_as_staff(Capability.MANAGE_MATCHING)
@require_http_methods(["GET", "POST"])
def campaign_add(request: HttpRequest) -> HttpResponse:
    """Name and message; posted, the question how many it goes to; confirmed, it is made
    and the worker mails the invitations."""
    holder_id = own_organisation(request.user, Capability.MANAGE_MATCHING)
    today, now = clock.today(), timezone.now()
    counts = lapsed_counts(holder_id, today, now)
    form = CampaignForm(request.POST or None)
    intro = (
        _(
            "Lapsed now: %(lapsed)s candidates whose availability ended, or deployable ones "
            "nobody spoke to for a long time; %(reachable)s of them have an e-mail address "
            "and get the invitation."
        )
        % counts
    )
    page = {
        "heading": _("New re-engagement campaign"),
        "intro": intro,
        "back_url": reverse("matching:campaigns"),
        "crumbs": [],
    }
    if request.method == "GET" or not form.is_valid():
        return render(
            request,
            FORM_PAGE,
            {**page, "form": form},
            status=200 if request.method == "GET" else 400,
        )
    cleaned = form.cleaned_data

    def send() -> HttpResponse:
        try:
            made = campaign_services.campaign_create(
                actor=request.user,
                holder_id=holder_id,
                name=cleaned["name"],
                message=cleaned["message"],
                today=today,
                now=now,
                remote_addr=client_address(request),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return render(request, FORM_PAGE, {**page, "form": form}, status=400)
        origin = request.build_absolute_uri("/").rstrip("/")
        transaction.on_commit(lambda: tasks.mail_campaign.enqueue(made.pk, origin))
        messages.success(
            request, _("The campaign has been made; the invitations are being mailed.")
        )
        return redirect("matching:campaign", pk=made.pk)

    return confirm_first(
        request,
        question=lambda: Question(
            heading=_("Send %(name)s?") % {"name": cleaned["name"]},
            consequences=[
                ngettext(
                    "%(count)s candidate gets an e-mail with a personal link.",
                    "%(count)s candidates get an e-mail with a personal link.",
                    counts["reachable"],
                )
                % {"count": counts["reachable"]},
                _("A mailing cannot be called back."),
            ],
            button=_("Yes, send"),
            cancel_url=reverse("matching:campaigns"),
        ),
        then=send,
        carried=("name", "message"),
    )
