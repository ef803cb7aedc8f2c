"""Writes to requests for extra hands: adding one with its shifts, changing it, setting its
priority and its status. Each checks who may, runs in one transaction (a request and its
shifts are saved whole or not at all), checks the version of what it changes and keeps an
audit entry. Views, the demo and the tests all write through these."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.core.audit import audit_write, snapshot
from koers.core.versioning import lock_for_edit
from koers.directory.models import Organisation
from koers.matching.models import (
    HOLDING_PLACEMENT,
    HelpRequest,
    Priority,
    Proposal,
    ProposalStatus,
    RequestStatus,
    Shift,
)
from koers.matching.requests.access import (
    CLOSED,
    is_requester,
    keeps_requests,
    may_edit,
    may_prioritise,
    pool_holders,
    status_actions,
)
from koers.matching.requests.shifts import ShiftTime

REQUEST_FIELDS = [
    "requester",
    "role",
    "people_needed",
    "required_qualifications",
    "municipality",
    "address",
    "description",
]


def _state(request: HelpRequest) -> dict[str, Any]:
    return {
        **snapshot(request, [*REQUEST_FIELDS, "status"]),
        "shifts": [
            [s.starts_at.isoformat(), s.ends_at.isoformat(), s.people_needed]
            for s in request.shifts.order_by("starts_at", "pk")
        ],
    }


def _check_values(values: dict[str, Any], shifts: Sequence[ShiftTime]) -> None:
    if not shifts:
        raise ValidationError(_("Give at least one shift or a period."))
    for shift in shifts:
        if shift.ends_at <= shift.starts_at:
            raise ValidationError(_("A shift cannot end before it starts."))
    requester = values["requester"]
    if not isinstance(requester, Organisation):
        raise ValidationError(_("Choose the requesting organisation."))


def _put_shifts(request: HelpRequest, shifts: Sequence[ShiftTime]) -> None:
    """Make the request's shifts these: a shift that stays keeps its row (and its
    proposals and placements); one that goes is removed, unless someone is placed on it."""
    wanted = {(s.starts_at, s.ends_at) for s in shifts}
    existing = list(
        request.shifts.annotate(
            holding=Count("placements", filter=Q(placements__status__in=HOLDING_PLACEMENT))
        )
    )
    kept = set()
    for shift in existing:
        key = (shift.starts_at, shift.ends_at)
        if key in wanted and key not in kept:
            kept.add(key)
            if shift.people_needed != request.people_needed:
                if shift.holding > request.people_needed:
                    raise ValidationError(
                        _(
                            "More people are already placed on a shift than the request "
                            "now asks for."
                        )
                    )
                shift.people_needed = request.people_needed
                shift.save(update_fields=["people_needed"])
            continue
        if shift.holding:
            local = timezone.localtime(shift.starts_at)
            raise ValidationError(
                _(
                    "The shift of %(date)s has someone placed on it, so it cannot be removed; "
                    "cancel the placement first."
                )
                % {"date": date_format(local, "DATETIME_FORMAT")}
            )
        if shift.placements.exists():
            raise ValidationError(
                _("A shift with a past placement cannot be removed; close the request instead.")
            )
        shift.delete()
    Shift.objects.bulk_create(
        Shift(request=request, starts_at=s, ends_at=e, people_needed=request.people_needed)
        for s, e in sorted(wanted - kept)
    )


@transaction.atomic
def request_create(
    *,
    actor: Any,
    holder_id: int,
    values: dict[str, Any],
    shifts: Sequence[ShiftTime],
    remote_addr: str | None = None,
) -> HelpRequest:
    """A new request (status new, not yet prioritised) with its shifts, kept by
    `holder_id`. Staff of the holder add one for any organisation; a care organisation's
    contact only for her own (and only to an organisation that keeps a pool)."""
    _check_values(values, shifts)
    record = HelpRequest(holder_id=holder_id, submitted_by=actor, status=RequestStatus.NIEUW)
    for name in REQUEST_FIELDS:
        setattr(record, name, values[name])
    if not keeps_requests(actor, holder_id):
        if not is_requester(actor, record):
            raise PermissionDenied
        if holder_id not in {h.pk for h in pool_holders()}:
            raise PermissionDenied
    record.full_clean(exclude=["holder", "requester", "municipality"])
    record.save()
    _put_shifts(record, shifts)
    audit_write(
        actor=actor,
        action="request.created",
        instance=record,
        after=_state(record),
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    return record


@transaction.atomic
def request_save(
    *,
    actor: Any,
    request: HelpRequest,
    values: dict[str, Any],
    shifts: Sequence[ShiftTime],
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> HelpRequest:
    """Change a request and its shifts at the version she opened. A care organisation's
    contact cannot move the request to another organisation."""
    locked = lock_for_edit(request, expected_version)
    if not may_edit(actor, locked):
        raise PermissionDenied
    if not keeps_requests(actor, locked.holder_id):
        values = {**values, "requester": locked.requester}
    _check_values(values, shifts)
    before = _state(locked)
    for name in REQUEST_FIELDS:
        setattr(locked, name, values[name])
    locked.full_clean(exclude=["holder", "requester", "municipality"])
    locked.save()
    _put_shifts(locked, shifts)
    audit_write(
        actor=actor,
        action="request.saved",
        instance=locked,
        before=before,
        after=_state(locked),
        remote_addr=remote_addr,
        organisation_id=locked.holder_id,
    )
    return locked


@transaction.atomic
def request_priority_set(
    *,
    actor: Any,
    request: HelpRequest,
    priority: int,
    priority_note: str,
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> HelpRequest:
    """The GGD/GHOR's official sets the priority (1–4) with her reason; who and when are
    recorded. Nobody else may, staff of the holder included."""
    if not may_prioritise(actor, request):
        raise PermissionDenied
    if priority not in Priority.values:
        raise ValidationError(_("Choose a priority from 1 (low) to 4 (urgent)."))
    if not priority_note.strip():
        raise ValidationError(_("Give the reason for the priority."))
    locked = lock_for_edit(request, expected_version)
    if locked.status in CLOSED:
        raise ValidationError(_("This request is closed or withdrawn; its priority stays."))
    before = snapshot(locked, ["priority", "priority_note"])
    locked.priority = priority
    locked.priority_note = priority_note.strip()
    locked.priority_set_by = actor
    locked.priority_set_at = timezone.now()
    if locked.status == RequestStatus.NIEUW:
        locked.status = RequestStatus.OPEN
    locked.save(
        update_fields=[
            "priority",
            "priority_note",
            "priority_set_by",
            "priority_set_at",
            "status",
            "version",
            "updated_at",
        ]
    )
    audit_write(
        actor=actor,
        action="request.prioritised",
        instance=locked,
        before=before,
        after=snapshot(locked, ["priority", "priority_note"]),
        remote_addr=remote_addr,
        organisation_id=locked.holder_id,
    )
    return locked


ACTION_STATUS = {
    "sluiten": RequestStatus.GESLOTEN,
    "intrekken": RequestStatus.INGETROKKEN,
    "heropenen": RequestStatus.OPEN,
}


@transaction.atomic
def request_status_set(
    *, actor: Any, request: HelpRequest, action: str, remote_addr: str | None = None
) -> HelpRequest:
    """Close, withdraw or reopen a request (`action`: sluiten, intrekken, heropenen). Staff
    of the holder do all three; the requesting organisation's contact withdraws her own.
    Closing or withdrawing lets its open proposals lapse; placements stay as they are."""
    locked = lock_for_edit(request, None)
    allowed = status_actions(actor, locked)
    if not allowed:
        raise PermissionDenied
    if action not in allowed:
        raise ValidationError(_("This request cannot take that step in its present status."))
    before = snapshot(locked, ["status"])
    locked.status = ACTION_STATUS[action]
    locked.save(update_fields=["status", "version", "updated_at"])
    if locked.status in CLOSED:
        Proposal.objects.filter(shift__request=locked, status=ProposalStatus.VOORGESTELD).update(
            status=ProposalStatus.VERVALLEN
        )
    audit_write(
        actor=actor,
        action="request.status",
        instance=locked,
        before=before,
        after=snapshot(locked, ["status"]),
        remote_addr=remote_addr,
        organisation_id=locked.holder_id,
    )
    return locked
