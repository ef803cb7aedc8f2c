"""Who may do what with a request for extra hands, and the permission-checking getter
(out of her sight: 404).

Staff of the holder with `MANAGE_MATCHING` keep requests (add, change, close, reopen);
the GGD/GHOR's official at the holder sets the priority, and only she; a care
organisation's contact adds and changes her own organisation's requests while they are
new or open, and may withdraw them."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.shortcuts import get_object_or_404

from koers.accounts.models import Membership
from koers.accounts.policy import Scope, has_capability, organisations_with
from koers.accounts.roles import Capability, Role
from koers.directory.models import Organisation
from koers.matching.models import Candidate, HelpRequest, RequestStatus

EDITABLE_BY_REQUESTER = (RequestStatus.NIEUW, RequestStatus.OPEN)
CLOSED = (RequestStatus.GESLOTEN, RequestStatus.INGETROKKEN)


def get_request_for_user(user: Any, pk: int) -> HelpRequest:
    return get_object_or_404(
        HelpRequest.objects.visible_to(user).select_related(
            "holder", "requester", "municipality", "priority_set_by", "submitted_by"
        ),
        pk=pk,
    )


def scope_of(request: HelpRequest) -> Scope:
    return Scope(organisation_id=request.holder_id, requester_ids=frozenset({request.requester_id}))


def keeps_requests(user: Any, holder_id: int) -> bool:
    """Staff of the holder who manage matching."""
    return has_capability(user, Capability.MANAGE_MATCHING, Scope(organisation_id=holder_id))


def is_requester(user: Any, request: HelpRequest) -> bool:
    """The contact of the organisation that asked."""
    return has_capability(user, Capability.REQUEST_HANDS, scope_of(request))


def may_edit(user: Any, request: HelpRequest) -> bool:
    if keeps_requests(user, request.holder_id):
        return request.status not in CLOSED
    return is_requester(user, request) and request.status in EDITABLE_BY_REQUESTER


def may_prioritise(user: Any, request: HelpRequest) -> bool:
    return has_capability(
        user, Capability.PRIORITISE_REQUESTS, Scope(organisation_id=request.holder_id)
    )


def status_actions(user: Any, request: HelpRequest) -> list[str]:
    """The status buttons she may press on this request now."""
    if keeps_requests(user, request.holder_id):
        if request.status in CLOSED:
            return ["heropenen"]
        return ["sluiten", "intrekken"]
    if is_requester(user, request) and request.status not in CLOSED:
        return ["intrekken"]
    return []


def sees_pool(user: Any, request: HelpRequest) -> bool:
    """Staff of the holder see candidates' pages (and the proposals); the requester sees
    who is proposed and confirmed on her shifts by name only; the official sees no one."""
    return request.holder_id in organisations_with(user, Capability.VIEW_MATCHING)[0]


def sees_people(user: Any, request: HelpRequest) -> bool:
    return sees_pool(user, request) or is_requester(user, request)


def requesting_organisations(user: Any) -> set[int]:
    """The organisations a care contact asks for (her memberships with REQUEST_HANDS)."""
    own, _funding = organisations_with(user, Capability.REQUEST_HANDS)
    return own


def pool_holders() -> list[Organisation]:
    """The organisations that keep a pool a care organisation may send a request to: those
    with candidates, or with a prioritising official (the GGD/GHOR works with them)."""
    with_candidates = Candidate.objects.values("holder_id")
    with_official = Membership.objects.filter(role=Role.PRIORITEIT).values("organisation_id")
    return list(
        Organisation.objects.filter(Q(pk__in=with_candidates) | Q(pk__in=with_official)).order_by(
            "name", "pk"
        )
    )
