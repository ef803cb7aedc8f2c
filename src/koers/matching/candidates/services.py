"""Writes to the pool: adding a candidate (her directory person with purpose and consent,
and the candidate at stage aangemeld), changing her, her qualifications and availability, a
funnel step and a call. Each checks that the actor may manage this pool, runs in one
transaction and keeps an audit entry. Views, the demo and the tests all write through these."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from koers.core.audit import audit_write, snapshot
from koers.core.privacy import LawfulBasis
from koers.core.versioning import lock_for_edit
from koers.directory.models import Organisation
from koers.directory.persons.services import person_create
from koers.matching import funnel
from koers.matching.candidates.access import may_manage_pool
from koers.matching.models import (
    Availability,
    CallLog,
    CallOutcome,
    Candidate,
    CandidateRole,
    Qualification,
    Stage,
)

CANDIDATE_FIELDS = ["municipality", "max_travel_km", "route", "route_note", "remarks"]
PERSON_VALUES = ["first_name", "infix", "last_name", "email", "phone"]
QUALIFICATION_FIELDS = ["kind", "reference", "valid_from", "valid_until", "checked_on"]
AVAILABILITY_FIELDS = ["weekdays", "start_time", "end_time", "valid_from", "valid_until"]


def _check_manager(actor: Any, holder_id: int) -> None:
    if not may_manage_pool(actor, holder_id):
        raise PermissionDenied


def _state(candidate: Candidate) -> dict[str, Any]:
    return {
        **snapshot(candidate, [*CANDIDATE_FIELDS, "stage", "stage_since", "last_contact_on"]),
        "roles": sorted(candidate.roles.values_list("role", flat=True)),
    }


def _set_roles(candidate: Candidate, roles: list[str]) -> None:
    chosen = set(roles)
    candidate.roles.exclude(role__in=chosen).delete()
    have = set(candidate.roles.values_list("role", flat=True))
    CandidateRole.objects.bulk_create(
        [CandidateRole(candidate=candidate, role=role) for role in sorted(chosen - have)]
    )


@transaction.atomic
def candidate_create(
    *,
    actor: Any,
    holder: Organisation,
    person: dict[str, Any],
    consent_given_on: dt.date,
    values: dict[str, Any],
    roles: list[str],
    signed_up_on: dt.date,
    accept_duplicates: bool = False,
    remote_addr: str | None = None,
) -> Candidate:
    """A new candidate: her person in the directory (purpose: the pool's, lawful basis:
    consent, with the date she gave it) and the candidate at stage aangemeld since
    `signed_up_on`, the step kept in her history. A person who looks like one the holder
    knows is refused, naming the look-alikes, unless `accept_duplicates`."""
    _check_manager(actor, holder.pk)
    made = person_create(
        actor=actor,
        holder=holder,
        remote_addr=remote_addr,
        accept_duplicates=accept_duplicates,
        purpose=str(Candidate.personal_data.purpose)[:300],
        lawful_basis=LawfulBasis.CONSENT,
        consent_given_on=consent_given_on,
        **{name: person.get(name, "") for name in PERSON_VALUES},
    )
    candidate = Candidate(
        holder=holder,
        person=made,
        stage=Stage.AANGEMELD,
        stage_since=signed_up_on,
        signed_up_on=signed_up_on,
        **values,
    )
    candidate.full_clean()
    candidate.save()
    candidate.stage_changes.create(stage=Stage.AANGEMELD, on=signed_up_on, by=actor)
    _set_roles(candidate, roles)
    audit_write(
        actor=actor,
        action="candidate.created",
        instance=candidate,
        after=_state(candidate),
        remote_addr=remote_addr,
        organisation_id=holder.pk,
    )
    return candidate


@transaction.atomic
def candidate_save(
    *,
    actor: Any,
    candidate: Candidate,
    values: dict[str, Any],
    roles: list[str],
    expected_version: int | None,
    remote_addr: str | None = None,
) -> Candidate:
    """Change what matching holds about her (her name and contact details live in the
    directory), at the version she opened."""
    _check_manager(actor, candidate.holder_id)
    locked = lock_for_edit(candidate, expected_version)
    before = _state(locked)
    for name, value in values.items():
        setattr(locked, name, value)
    locked.full_clean()
    locked.save()
    _set_roles(locked, roles)
    audit_write(
        actor=actor,
        action="candidate.saved",
        instance=locked,
        before=before,
        after=_state(locked),
        remote_addr=remote_addr,
        organisation_id=locked.holder_id,
    )
    return locked


@transaction.atomic
def candidate_move(
    *,
    actor: Any,
    candidate: Candidate,
    stage: str,
    on: dt.date,
    referred_to: Organisation | None = None,
    reason: str = "",
    today: dt.date,
    remote_addr: str | None = None,
) -> Candidate:
    """Record a funnel step (`koers.matching.funnel` says which may follow which; a referral
    names the organisation, a stop or "not deployable" says why), dated, with who did it."""
    _check_manager(actor, candidate.holder_id)
    if on > today:
        raise ValidationError({"on": _("A step cannot lie in the future.")})
    locked = lock_for_edit(candidate, None)
    before = _state(locked)
    change = funnel.record_step(
        locked, stage, on=on, by=actor, referred_to=referred_to, reason=reason
    )
    audit_write(
        actor=actor,
        action="candidate.step",
        instance=locked,
        before=before,
        after={
            **_state(locked),
            "referred_to": change.referred_to_id,
            "reason": change.reason,
        },
        remote_addr=remote_addr,
        organisation_id=locked.holder_id,
    )
    return locked


@transaction.atomic
def call_record(
    *,
    actor: Any,
    candidate: Candidate,
    called_on: dt.date,
    outcome: str,
    still_available: bool | None = None,
    note: str = "",
    today: dt.date,
    remote_addr: str | None = None,
) -> CallLog:
    """Log a call. When she was reached, she was spoken to that day (`last_contact_on`), which
    takes her off the call-back list for not having been spoken to."""
    _check_manager(actor, candidate.holder_id)
    if called_on > today:
        raise ValidationError({"called_on": _("A call cannot lie in the future.")})
    locked = lock_for_edit(candidate, None)
    call = CallLog.objects.create(
        candidate=locked,
        called_on=called_on,
        by=actor,
        outcome=outcome,
        still_available=still_available,
        note=note,
    )
    fields = ["version", "updated_at"]
    if outcome == CallOutcome.BEREIKT and (
        locked.last_contact_on is None or called_on > locked.last_contact_on
    ):
        locked.last_contact_on = called_on
        fields.append("last_contact_on")
    locked.save(update_fields=fields)
    audit_write(
        actor=actor,
        action="candidate.called",
        instance=locked,
        after={
            "called_on": called_on.isoformat(),
            "outcome": outcome,
            "still_available": still_available,
            "last_contact_on": locked.last_contact_on.isoformat()
            if locked.last_contact_on
            else None,
        },
        remote_addr=remote_addr,
        organisation_id=locked.holder_id,
    )
    return call


def _check_period(values: dict[str, Any]) -> None:
    starts, ends = values.get("valid_from"), values.get("valid_until")
    if starts and ends and ends < starts:
        raise ValidationError({"valid_until": _("The end lies before the start.")})


@transaction.atomic
def qualification_save(
    *,
    actor: Any,
    candidate: Candidate,
    values: dict[str, Any],
    qualification: Qualification | None = None,
    remote_addr: str | None = None,
) -> Qualification:
    """Add or change a qualification of hers; an end before the start is refused."""
    _check_manager(actor, candidate.holder_id)
    _check_period(values)
    before = None
    if qualification is None:
        qualification = Qualification(candidate=candidate)
    else:
        qualification = Qualification.objects.select_for_update().get(pk=qualification.pk)
        if qualification.candidate_id != candidate.pk:
            raise PermissionDenied
        before = snapshot(qualification, QUALIFICATION_FIELDS)
    for name, value in values.items():
        setattr(qualification, name, value)
    qualification.full_clean()
    qualification.save()
    audit_write(
        actor=actor,
        action="qualification.saved" if before else "qualification.created",
        instance=qualification,
        context=f"matching.candidate:{candidate.pk}",
        before=before,
        after=snapshot(qualification, QUALIFICATION_FIELDS),
        remote_addr=remote_addr,
        organisation_id=candidate.holder_id,
    )
    return qualification


@transaction.atomic
def qualification_delete(
    *, actor: Any, qualification: Qualification, remote_addr: str | None = None
) -> None:
    candidate = qualification.candidate
    _check_manager(actor, candidate.holder_id)
    before = snapshot(qualification, QUALIFICATION_FIELDS)
    audit_write(
        actor=actor,
        action="qualification.deleted",
        instance=qualification,
        context=f"matching.candidate:{candidate.pk}",
        before=before,
        remote_addr=remote_addr,
        organisation_id=candidate.holder_id,
    )
    qualification.delete()


def _check_hours(values: dict[str, Any]) -> None:
    if values.get("start_time") is not None and values.get("start_time") == values.get("end_time"):
        raise ValidationError(
            {"end_time": _("The end time is the start time. For a night, end the next morning.")}
        )


def _availability_state(availability: Availability) -> dict[str, Any]:
    state = snapshot(availability, AVAILABILITY_FIELDS)
    for name in ("start_time", "end_time"):
        value = getattr(availability, name)
        state[name] = value.strftime("%H:%M") if value else None
    return state


@transaction.atomic
def availability_save(
    *,
    actor: Any,
    candidate: Candidate,
    values: dict[str, Any],
    availability: Availability | None = None,
    remote_addr: str | None = None,
) -> Availability:
    """Add or change when she can work. An end time at or before the start runs past
    midnight (a night); an end date before the start date is refused."""
    _check_manager(actor, candidate.holder_id)
    _check_period(values)
    _check_hours(values)
    before = None
    if availability is None:
        availability = Availability(candidate=candidate)
    else:
        availability = Availability.objects.select_for_update().get(pk=availability.pk)
        if availability.candidate_id != candidate.pk:
            raise PermissionDenied
        before = _availability_state(availability)
    for name, value in values.items():
        setattr(availability, name, value)
    availability.full_clean()
    availability.save()
    audit_write(
        actor=actor,
        action="availability.saved" if before else "availability.created",
        instance=availability,
        context=f"matching.candidate:{candidate.pk}",
        before=before,
        after=_availability_state(availability),
        remote_addr=remote_addr,
        organisation_id=candidate.holder_id,
    )
    return availability


@transaction.atomic
def availability_delete(
    *, actor: Any, availability: Availability, remote_addr: str | None = None
) -> None:
    candidate = availability.candidate
    _check_manager(actor, candidate.holder_id)
    audit_write(
        actor=actor,
        action="availability.deleted",
        instance=availability,
        context=f"matching.candidate:{candidate.pk}",
        before=_availability_state(availability),
        remote_addr=remote_addr,
        organisation_id=candidate.holder_id,
    )
    availability.delete()
