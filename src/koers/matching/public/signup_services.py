"""Writes of the public sign-up: her answers kept until she confirms her e-mail address, the
confirmation that puts her in the pool (directory person, candidate, roles, qualifications,
availability) in one transaction, and the daily removal of sign-ups nobody confirmed.

No account is involved: the actor of these writes is nobody (the audit trail says so). The
trail of a sign-up keeps no address or name of hers; her person's entry is the directory's
(in the person's context, so it goes with her when she is erased)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from koers.core.audit import audit_write, context_of, snapshot
from koers.core.models import Municipality
from koers.core.privacy import LawfulBasis
from koers.directory.models import PERSON_FIELDS, Person
from koers.matching.models import (
    Availability,
    Candidate,
    CandidateRole,
    PendingSignup,
    Qualification,
    Stage,
    StageChange,
)
from koers.matching.public.links import placeholder_hash
from koers.matching.public.lookups import usable_signup
from koers.privacy.queries import person_context


@transaction.atomic
def signup_submit(
    *, holder_id: int, email: str, answers: dict[str, Any], now: dt.datetime
) -> PendingSignup:
    """Keep her answers until she confirms; the worker mails the link (`tasks`). The caller
    checked them (SignupForm)."""
    pending = PendingSignup.objects.create(
        holder_id=holder_id,
        email=email.strip().lower(),
        answers=answers,
        token_hash=placeholder_hash(),
        expires_at=now + dt.timedelta(days=settings.MATCHING_SIGNUP_DAYS),
    )
    audit_write(
        actor=None,
        action="signup.received",
        instance=pending,
        after={"expires_at": pending.expires_at.isoformat()},
        organisation_id=holder_id,
    )
    return pending


@transaction.atomic
def signup_confirm(
    *, token: str, now: dt.datetime, remote_addr: str | None = None
) -> PendingSignup:
    """Her e-mail address is hers: the directory person (consent as the lawful basis, with
    the day she gave it), the candidate (stage "signed up"), her roles, qualifications and
    availability are made, and her answers are removed from the sign-up. Someone already in
    this pool with the same address is not added twice. A second use of the link raises
    AlreadyConfirmed and makes nothing."""
    pending = usable_signup(token, now, lock=True)
    answers = pending.answers
    candidate = _same_address_in_pool(pending)
    if candidate is None:
        candidate = _candidate_from(pending, answers, timezone.localdate(now), remote_addr)
    pending.confirmed_at = now
    pending.candidate = candidate
    pending.answers = {}
    pending.email = ""
    pending.save(update_fields=["confirmed_at", "candidate", "answers", "email"])
    audit_write(
        actor=None,
        action="signup.confirmed",
        instance=pending,
        after={"candidate": candidate.pk},
        remote_addr=remote_addr,
        organisation_id=pending.holder_id,
    )
    return pending


def _same_address_in_pool(pending: PendingSignup) -> Candidate | None:
    return (
        Candidate.objects.filter(
            holder_id=pending.holder_id,
            person__email__iexact=pending.email,
            erased_on__isnull=True,
        )
        .order_by("pk")
        .first()
    )


def _candidate_from(
    pending: PendingSignup, answers: dict[str, Any], today: dt.date, remote_addr: str | None
) -> Candidate:
    holder_id = pending.holder_id
    person = Person(
        holder_id=holder_id,
        first_name=answers["first_name"],
        infix=answers.get("infix", ""),
        last_name=answers["last_name"],
        email=pending.email,
        phone=answers.get("phone", ""),
        purpose=str(Candidate.personal_data.purpose),
        lawful_basis=LawfulBasis.CONSENT,
        consent_given_on=dt.date.fromisoformat(answers["consented_on"]),
    )
    person.full_clean()
    person.save()
    audit_write(
        actor=None,
        action="person.created",
        instance=person,
        context=person_context(person.pk),
        after=snapshot(person, PERSON_FIELDS),
        remote_addr=remote_addr,
    )
    signed_up_on = timezone.localdate(pending.created_at) if pending.created_at else today
    candidate = Candidate(
        holder_id=holder_id,
        person=person,
        municipality=Municipality.objects.get(code=answers["municipality"]),
        max_travel_km=answers["max_travel_km"],
        route=answers["route"],
        stage=Stage.AANGEMELD,
        stage_since=today,
        signed_up_on=signed_up_on,
    )
    candidate.full_clean()
    candidate.save()
    StageChange.objects.create(candidate=candidate, stage=Stage.AANGEMELD, on=today)
    CandidateRole.objects.bulk_create(
        CandidateRole(candidate=candidate, role=role) for role in answers["roles"]
    )
    Qualification.objects.bulk_create(
        Qualification(
            candidate=candidate,
            kind=held["kind"],
            valid_until=dt.date.fromisoformat(held["valid_until"])
            if held.get("valid_until")
            else None,
        )
        for held in answers.get("qualifications", [])
    )
    availability = answers["availability"]
    Availability.objects.create(
        candidate=candidate,
        weekdays=availability["weekdays"],
        start_time=dt.time.fromisoformat(availability["start_time"]),
        end_time=dt.time.fromisoformat(availability["end_time"]),
        valid_from=dt.date.fromisoformat(availability["valid_from"]),
        valid_until=dt.date.fromisoformat(availability["valid_until"])
        if availability.get("valid_until")
        else None,
    )
    audit_write(
        actor=None,
        action="candidate.created",
        instance=candidate,
        context=context_of(candidate),
        after={
            "route": candidate.route,
            "stage": candidate.stage,
            "roles": answers["roles"],
            "qualifications": [held["kind"] for held in answers.get("qualifications", [])],
            "signed_up_through": "public sign-up",
        },
        remote_addr=remote_addr,
        organisation_id=holder_id,
    )
    return candidate


@transaction.atomic
def signup_retention_enforce(now: dt.datetime) -> int:
    """Remove every sign-up nobody confirmed before its link expired (the daily job), with
    her answers; returns how many. Each removal is audited without an actor."""
    due = list(
        PendingSignup.objects.select_for_update().filter(
            confirmed_at__isnull=True, expires_at__lte=now
        )
    )
    for pending in due:
        audit_write(
            actor=None,
            action="signup.expired",
            instance=pending,
            before={"expires_at": pending.expires_at.isoformat()},
            organisation_id=pending.holder_id,
        )
    PendingSignup.objects.filter(pk__in=[pending.pk for pending in due]).delete()
    return len(due)
