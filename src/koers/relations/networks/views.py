"""Networks the organisation takes part in: the list with this year's weighing, one network
with its meetings and reviews, adding and changing one, and the yearly review."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from koers.accounts.decorators import requires
from koers.accounts.policy import Scope, has_capability, organisations_with
from koers.accounts.roles import Capability
from koers.core.http import client_address
from koers.core.pages import attempt, shown_again
from koers.core.reference import viewpoint
from koers.core.versioning import versioned_edit
from koers.relations.models import Network, NetworkReview
from koers.relations.networks import services
from koers.relations.networks.access import get_network_for_user, may_review_network
from koers.relations.networks.forms import NetworkForm, ReviewForm


@requires(Capability.VIEW_PERSONS)
@require_GET
def networks(request: HttpRequest) -> HttpResponse:
    year = viewpoint(request).year.value
    rows = (
        Network.objects.visible_to(request.user)
        .select_related("programme")
        .prefetch_related(
            "representatives",
            Prefetch(
                "reviews", queryset=NetworkReview.objects.filter(year=year), to_attr="this_year"
            ),
        )
        .annotate(meeting_count=Count("meetings", distinct=True))
        .order_by("left_on", "name")
    )
    return render(request, "relations/networks.html", {"networks": rows, "year": year})


@requires(Capability.VIEW_PERSONS)
@require_GET
def network(request: HttpRequest, pk: int) -> HttpResponse:
    return _network_page(request, get_network_for_user(request.user, pk))


def _network_page(request: HttpRequest, record: Any, review_form: Any = None) -> HttpResponse:
    """The network's page; after a refused review with that form as posted."""
    may_review = may_review_network(request.user, record)
    year = viewpoint(request).year.value
    return render(
        request,
        "relations/network.html",
        {
            "network": record,
            "representatives": record.representatives.all(),
            "reviews": record.reviews.select_related("reviewed_by"),
            "meetings": record.meetings.order_by("-date")[:30],
            "review_form": review_form
            or (ReviewForm(initial={"year": year}) if may_review else None),
            "may_edit": has_capability(
                request.user, Capability.EDIT_PERSONS, Scope(organisation_id=record.holder_id)
            ),
        },
    )


@requires(Capability.EDIT_PERSONS)
@require_http_methods(["GET", "POST"])
def network_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    record = get_network_for_user(request.user, pk) if pk else None
    own, _funding = organisations_with(request.user, Capability.EDIT_PERSONS)
    if not own or (record and record.holder_id not in own):
        raise Http404
    holder_id = record.holder_id if record else min(own)
    initial: dict[str, Any] = {}
    if record:
        initial = {name: getattr(record, name) for name in services.NETWORK_FIELDS}
        initial["representatives"] = list(record.representatives.all())
        initial["version"] = record.version
    form = NetworkForm(request.POST or None, initial=initial, holder_id=holder_id)

    def save(cleaned: dict[str, Any]) -> Network:
        return services.network_save(
            actor=request.user,
            holder_id=holder_id,
            values={name: cleaned[name] for name in services.NETWORK_FIELDS},
            representatives=list(cleaned["representatives"]),
            network=record,
            expected_version=cleaned["version"] if record else None,
            remote_addr=client_address(request),
        )

    return versioned_edit(
        request,
        form,
        save,
        success=_("The network has been saved.") if record else _("The network has been added."),
        shown=("name", "role", "joined_on", "left_on"),
        next_url=lambda network: reverse("relations:network", args=[network.pk]),
        heading=_("Edit %(name)s") % {"name": record.name} if record else _("Add a network"),
        crumbs=[(record.name, reverse("relations:network", args=[record.pk]))] if record else [],
        back_url=reverse("relations:network", args=[record.pk])
        if record
        else reverse("relations:networks"),
    )


@requires(Capability.EDIT_PLAN)
@require_POST
def network_review(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_network_for_user(request.user, pk)
    form = ReviewForm(request.POST)
    if attempt(
        request,
        form,
        lambda cleaned: services.network_review(
            actor=request.user,
            network=record,
            on=timezone.localdate(),
            remote_addr=client_address(request),
            **cleaned,
        ),
        _("The review has been recorded."),
    ):
        return redirect(reverse("relations:network", args=[record.pk]) + "#reviews")
    return shown_again(_network_page(request, record, review_form=form))
