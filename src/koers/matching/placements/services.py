"""The writes of placements: confirming, declining and changing a proposal, a placement's
status afterwards. Each runs in one transaction, checks the actor's right on the pool's
holder, and leaves an audit entry; a refusal (ValidationError, in the reader's language)
changes nothing.

No double booking, by construction: `proposal_confirm` locks the proposal, the shift and
the candidate's row, in that order (so two confirmations never wait on each other in a
circle), and checks her holding placements with the row locked; on PostgreSQL the exclusion
constraint `matching_placement_no_overlap` refuses an overlapping insert as well, and that
refusal is turned into the same message."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of
from koers.core.versioning import lock_for_edit
from koers.matching.models import (
    HOLDING_PLACEMENT,
    Candidate,
    HelpRequest,
    Placement,
    PlacementStatus,
    Proposal,
    ProposalStatus,
    QualificationKind,
    RequestStatus,
    Shift,
    Stage,
    StageChange,
)
from koers.matching.placements.eligibility import (
    eligible_candidates,
    overlapping_placements,
    shift_day,
)
from koers.matching.pool import DEPLOYABLE_STAGES
from koers.matching.qualifying import ROLE_QUALIFICATIONS, valid_kinds_on

OPEN_REQUEST = (RequestStatus.NIEUW, RequestStatus.OPEN)


def _check_manager(actor: Any, holder_id: int) -> None:
    if not has_capability(actor, Capability.MANAGE_MATCHING, Scope(organisation_id=holder_id)):
        raise PermissionDenied


def _moment(value: dt.datetime) -> str:
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def _open_proposal(proposal_id: int) -> Proposal:
    """The proposal, locked; refused when it was decided already (a second confirmation)."""
    proposal = (
        Proposal.objects.select_for_update(of=("self",), no_key=True)
        .select_related("shift__request")
        .filter(pk=proposal_id)
        .first()
    )
    if proposal is None:
        raise ValidationError(_("This proposal no longer exists."))
    return proposal


def _refuse_unless_open(proposal: Proposal) -> None:
    if proposal.status != ProposalStatus.VOORGESTELD:
        raise ValidationError(
            _("This proposal has already been decided (%(status)s); nothing was changed.")
            % {"status": proposal.get_status_display().lower()}
        )


def _overlap_refusal(candidate: Candidate, other: Placement | None) -> ValidationError:
    if other is None:
        return ValidationError(
            _(
                "%(name)s is already placed at a time that overlaps this shift; "
                "nobody is booked on two overlapping shifts."
            )
            % {"name": candidate}
        )
    return ValidationError(
        _(
            "%(name)s is already placed from %(start)s to %(end)s, which overlaps this "
            "shift; nobody is booked on two overlapping shifts."
        )
        % {"name": candidate, "start": _moment(other.starts_at), "end": _moment(other.ends_at)}
    )


def _placed_on(shift: Shift) -> int:
    return Placement.objects.filter(shift=shift, status__in=HOLDING_PLACEMENT).count()


def _check_confirmable(candidate: Candidate, shift: Shift, request: HelpRequest) -> None:
    if request.status not in OPEN_REQUEST:
        raise ValidationError(
            _("The request is %(status)s: nobody can be placed on it any more.")
            % {"status": request.get_status_display().lower()}
        )
    if candidate.person_id is None or candidate.stage not in DEPLOYABLE_STAGES:
        raise ValidationError(
            _("%(name)s is not deployable (stage: %(stage)s).")
            % {"name": candidate, "stage": candidate.get_stage_display().lower()}
        )
    other = overlapping_placements(candidate.pk, shift.starts_at, shift.ends_at).first()
    if other is not None:
        raise _overlap_refusal(candidate, other)
    if _placed_on(shift) >= shift.people_needed:
        raise ValidationError(
            _("This shift is already full (%(count)s of %(count)s placed).")
            % {"count": shift.people_needed}
        )
    day = shift_day(shift)
    valid = valid_kinds_on(candidate.qualifications.all(), day)
    shown_day = date_format(day, "SHORT_DATE_FORMAT")
    needed = ROLE_QUALIFICATIONS.get(request.role)
    if needed and not needed & valid:
        raise ValidationError(
            _("%(name)s has no qualification for the role %(role)s valid on %(day)s.")
            % {"name": candidate, "role": request.get_role_display().lower(), "day": shown_day}
        )
    for kind in request.required_qualifications or []:
        if kind not in valid:
            raise ValidationError(
                _("%(name)s has no %(kind)s valid on %(day)s (expired or missing).")
                % {"name": candidate, "kind": QualificationKind(kind).label, "day": shown_day}
            )


def _shifts_not_full(request: HelpRequest) -> bool:
    return (
        Shift.objects.filter(request=request)
        .annotate(held=Count("placements", filter=Q(placements__status__in=HOLDING_PLACEMENT)))
        .filter(held__lt=F("people_needed"))
        .exists()
    )


def _move_stage(candidate: Candidate, stage: str, actor: Any, today: dt.date) -> None:
    if candidate.stage == stage:
        return
    candidate.stage, candidate.stage_since = stage, today
    candidate.version += 1  # her row is locked; a form open on her sees it changed
    candidate.save(update_fields=["stage", "stage_since", "version", "updated_at"])
    StageChange.objects.create(candidate=candidate, stage=stage, on=today, by=actor)


@transaction.atomic
def proposal_confirm(
    *, actor: Any, proposal_id: int, now: dt.datetime | None = None, remote_addr: str | None = None
) -> Placement:
    """Place the proposed candidate on the shift. Refused (nothing changed) when the
    proposal was decided already, the request is no longer open, she is not deployable, a
    holding placement of hers overlaps the shift, the shift is full, or a qualification the
    role or the request needs is not valid on the shift's date. Then: the placement (times
    from the shift), the proposal confirmed, her stage "placed", the request "filled" once
    all its shifts are, an audit entry; after commit, the worker mails her and the care
    organisation."""
    now = now or timezone.now()
    seen = Proposal.objects.select_related("shift__request").filter(pk=proposal_id).first()
    if seen is None:
        raise ValidationError(_("This proposal no longer exists."))
    request = seen.shift.request
    _check_manager(actor, request.holder_id)
    # Her row first, then the shift's, then the proposal's: whoever supersedes proposals
    # (hers at an overlapping time, the shift's once it is full) holds the row every
    # other confirmation of them must lock first, so two never wait on each other.
    # NO KEY UPDATE: a proposal or placement naming her may still be inserted meanwhile.
    candidate = Candidate.objects.select_for_update(no_key=True).get(pk=seen.candidate_id)
    shift = Shift.objects.select_for_update(no_key=True).get(pk=seen.shift_id)
    proposal = _open_proposal(proposal_id)
    request = proposal.shift.request  # as it is now
    if proposal.status == ProposalStatus.VERVALLEN:
        # Superseded by another confirmation just now: say what that one did (her time
        # taken, the shift full) rather than only that it was superseded.
        _check_confirmable(candidate, shift, request)
    _refuse_unless_open(proposal)
    _check_confirmable(candidate, shift, request)
    try:
        with transaction.atomic():
            placement = Placement.objects.create(
                shift=shift,
                candidate=candidate,
                proposal=proposal,
                starts_at=shift.starts_at,
                ends_at=shift.ends_at,
                confirmed_by=actor,
            )
    except IntegrityError as error:  # the exclusion constraint (PostgreSQL), or one per shift
        raise _overlap_refusal(candidate, None) from error
    proposal.status, proposal.decided_by, proposal.decided_at = ProposalStatus.BEVESTIGD, actor, now
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    _supersede_after(placement, shift, actor, now)
    _move_stage(candidate, Stage.GEPLAATST, actor, timezone.localdate(now))
    filled = False
    if not _shifts_not_full(request):
        locked = lock_for_edit(request, None)
        locked.status = RequestStatus.INGEVULD
        locked.save(update_fields=["status", "version", "updated_at"])
        filled = True
    audit_write(
        actor=actor,
        action="placement.confirmed",
        instance=placement,
        context=context_of(request),
        after={
            "candidate": candidate.pk,
            "shift": shift.pk,
            "starts_at": shift.starts_at.isoformat(),
            "ends_at": shift.ends_at.isoformat(),
            "request_filled": filled,
        },
        remote_addr=remote_addr,
        organisation_id=request.holder_id,
    )
    from koers.matching.placements.tasks import mail_placement_confirmed

    transaction.on_commit(lambda: mail_placement_confirmed.enqueue(placement.pk))
    return placement


def _supersede_after(placement: Placement, shift: Shift, actor: Any, now: dt.datetime) -> None:
    """Open proposals that can no longer be confirmed: hers at an overlapping time, and the
    shift's others once it is full."""
    stale = Q(
        candidate_id=placement.candidate_id,
        shift__starts_at__lt=placement.ends_at,
        shift__ends_at__gt=placement.starts_at,
    )
    if _placed_on(shift) >= shift.people_needed:
        stale |= Q(shift=shift)
    Proposal.objects.filter(stale, status=ProposalStatus.VOORGESTELD).update(
        status=ProposalStatus.VERVALLEN, decided_by=actor, decided_at=now
    )


@transaction.atomic
def proposal_decline(
    *,
    actor: Any,
    proposal_id: int,
    reason: str,
    now: dt.datetime | None = None,
    remote_addr: str | None = None,
) -> Proposal:
    """Decline an open proposal, with why (required)."""
    now = now or timezone.now()
    proposal = _open_proposal(proposal_id)
    _check_manager(actor, proposal.shift.request.holder_id)
    _refuse_unless_open(proposal)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the proposal is declined.")})
    proposal.status, proposal.decided_by, proposal.decided_at = ProposalStatus.AFGEWEZEN, actor, now
    proposal.decline_reason = reason
    proposal.save(update_fields=["status", "decided_by", "decided_at", "decline_reason"])
    audit_write(
        actor=actor,
        action="proposal.declined",
        instance=proposal,
        context=context_of(proposal.shift.request),
        before={"status": ProposalStatus.VOORGESTELD.value},
        after={"status": proposal.status, "reason": reason},
        remote_addr=remote_addr,
        organisation_id=proposal.shift.request.holder_id,
    )
    return proposal


@transaction.atomic
def proposal_replace(
    *,
    actor: Any,
    proposal_id: int,
    candidate_id: int,
    now: dt.datetime | None = None,
    remote_addr: str | None = None,
) -> Proposal:
    """Put another eligible candidate in the place of an open proposal: the old proposal is
    superseded and she is proposed for the shift (in the same run), to be confirmed as any
    proposal is. Refused when she is not eligible for the shift (see `eligibility`)."""
    now = now or timezone.now()
    proposal = _open_proposal(proposal_id)
    shift = proposal.shift
    _check_manager(actor, shift.request.holder_id)
    _refuse_unless_open(proposal)
    eligible = {c.pk: c for c in eligible_candidates(shift, excluding=[proposal.candidate_id])}
    chosen = eligible.get(candidate_id)
    if chosen is None:
        raise ValidationError(
            {"candidate": _("This candidate cannot take the shift (see the list of who can).")}
        )
    proposal.status, proposal.decided_by, proposal.decided_at = ProposalStatus.VERVALLEN, actor, now
    proposal.save(update_fields=["status", "decided_by", "decided_at"])
    reasons = [
        {"code": "chosen_instead"},
        {"code": "role", "role": shift.request.role},
        {"code": "distance", "km": chosen.km, "max_km": chosen.candidate.max_travel_km},
    ]
    replacement, made = Proposal.objects.get_or_create(
        run_id=proposal.run_id,
        shift=shift,
        candidate_id=chosen.pk,
        defaults={"score": 0.0, "reasons": reasons},
    )
    if not made:  # proposed in this run before, and declined or superseded since
        replacement.status, replacement.reasons, replacement.decline_reason = (
            ProposalStatus.VOORGESTELD,
            reasons,
            "",
        )
        replacement.decided_by = replacement.decided_at = None
        replacement.save(
            update_fields=["status", "reasons", "decline_reason", "decided_by", "decided_at"]
        )
    audit_write(
        actor=actor,
        action="proposal.changed",
        instance=replacement,
        context=context_of(shift.request),
        before={"candidate": proposal.candidate_id},
        after={"candidate": chosen.pk},
        remote_addr=remote_addr,
        organisation_id=shift.request.holder_id,
    )
    return replacement


# Which status may follow which; a placement that was cancelled or did not take place stays so.
NEXT_STATUSES: dict[str, tuple[str, ...]] = {
    PlacementStatus.BEVESTIGD: (
        PlacementStatus.PLAATSGEVONDEN,
        PlacementStatus.NIET_DOORGEGAAN,
        PlacementStatus.GEANNULEERD,
    ),
    PlacementStatus.PLAATSGEVONDEN: (PlacementStatus.NIET_DOORGEGAAN,),
    PlacementStatus.NIET_DOORGEGAAN: (),
    PlacementStatus.GEANNULEERD: (),
}
NEEDS_REASON = (PlacementStatus.NIET_DOORGEGAAN, PlacementStatus.GEANNULEERD)


@transaction.atomic
def placement_status_set(
    *,
    actor: Any,
    placement_id: int,
    status: str,
    reason: str = "",
    base_url: str = "",
    now: dt.datetime | None = None,
    remote_addr: str | None = None,
) -> Placement:
    """Record that a placement took place, did not, or was cancelled (the last two with
    why). Took place: only once its shift has begun, and the worker then asks both sides
    how it went (follow-up links). A placement that no longer holds frees its place: a
    filled request opens again."""
    now = now or timezone.now()
    placement = (
        Placement.objects.select_for_update(of=("self",))
        .select_related("shift__request")
        .filter(pk=placement_id)
        .first()
    )
    if placement is None:
        raise ValidationError(_("This placement no longer exists."))
    request = placement.shift.request
    _check_manager(actor, request.holder_id)
    before = placement.status
    if status not in NEXT_STATUSES.get(before, ()):
        raise ValidationError(
            _("A placement that is %(now)s cannot become %(next)s.")
            % {
                "now": placement.get_status_display().lower(),
                "next": str(PlacementStatus(status).label).lower()
                if status in PlacementStatus.values
                else status,
            }
        )
    reason = reason.strip()
    if status in NEEDS_REASON and not reason:
        raise ValidationError({"reason": _("Say why.")})
    if status == PlacementStatus.PLAATSGEVONDEN and now < placement.starts_at:
        raise ValidationError(_("The shift has not begun yet: it cannot have taken place."))
    placement.status, placement.cancelled_reason = status, reason
    placement.save(update_fields=["status", "cancelled_reason"])
    if status not in HOLDING_PLACEMENT and request.status == RequestStatus.INGEVULD:
        locked = lock_for_edit(request, None)
        locked.status = RequestStatus.OPEN
        locked.save(update_fields=["status", "version", "updated_at"])
    audit_write(
        actor=actor,
        action="placement.status_set",
        instance=placement,
        context=context_of(request),
        before={"status": before},
        after={"status": status, "reason": reason},
        remote_addr=remote_addr,
        organisation_id=request.holder_id,
    )
    if status == PlacementStatus.PLAATSGEVONDEN:
        from koers.matching.placements.tasks import send_follow_ups

        transaction.on_commit(lambda: send_follow_ups.enqueue(placement.pk, base_url))
    return placement
