"""The write path of plans. Every change goes through one of these functions.

Each runs in a transaction, checks the actor's permission, validates with messages for
the user (a `ValidationError` keyed by field), writes, and records an audit entry. A
failure anywhere leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.accounts.policy import Scope, has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.core.models import Municipality
from koers.core.uploads import validate_document
from koers.plans.access import programme_scope, require
from koers.plans.models import (
    Activity,
    AdvisoryComment,
    Amendment,
    AmendmentField,
    AmendmentStatus,
    AnnualPlan,
    AnnualPlanEvent,
    AnnualPlanStatus,
    Decision,
    Indicator,
    Programme,
    Realisation,
    Target,
)
from koers.plans.validation import (
    frozen_message,
    validate_realisation_date,
    validate_value,
)

REALISATION_FIELDS = ["date", "value", "municipality", "evidence_file", "evidence_url", "note"]
TARGET_FIELDS = ["value", "q1", "q2", "q3", "note"]
ACTIVITY_TEXT_FIELDS = ["title", "description", "outcome"]
ACTIVITY_FIELDS = [*ACTIVITY_TEXT_FIELDS, "role", "phase", "owner", "status"]


class ConflictError(Exception):
    """Someone else saved the record since the form was opened."""

    def __init__(self, current: Any) -> None:
        super().__init__("stale version")
        self.current = current


def annual_plan_of(programme: Programme, year: int) -> AnnualPlan | None:
    return AnnualPlan.objects.filter(plan_id=programme.plan_id, year=year).first()


def _refuse_if_frozen(programme: Programme, year: int, field: str) -> None:
    annual_plan = annual_plan_of(programme, year)
    if annual_plan is not None and annual_plan.is_frozen:
        raise ValidationError({field: frozen_message(annual_plan)})


# --- realisations -----------------------------------------------------------------------


@transaction.atomic
def realisation_record(
    *,
    actor: Any,
    indicator: Indicator,
    date: dt.date,
    value: Decimal,
    municipality: Municipality | None = None,
    evidence_file: UploadedFile | None = None,
    evidence_url: str = "",
    note: str = "",
    is_example: bool = False,
    remote_addr: str | None = None,
) -> Realisation:
    """Record a measured value. Refuses values the unit cannot hold, dates outside the
    activity's year or in the future, and evidence files that are not allowed documents."""
    activity = indicator.activity
    require(actor, Capability.RECORD_REALISATION, activity.programme)
    validate_value(indicator, value)
    validate_realisation_date(activity.programme, date, year=activity.year)
    if evidence_file is not None:
        try:
            validate_document(evidence_file)
        except ValidationError as error:
            raise ValidationError({"evidence_file": error.messages}) from error
    realisation = Realisation(
        indicator=indicator,
        date=date,
        value=value,
        municipality=municipality,
        evidence_url=evidence_url,
        note=note,
        recorded_by=actor,
        is_example=is_example,
    )
    if evidence_file is not None:
        realisation.evidence_file.save(evidence_file.name or "bewijs", evidence_file, save=False)
    realisation.save()
    audit_write(
        actor=actor,
        action="realisation.record",
        instance=realisation,
        context=context_of(activity),
        after=snapshot(realisation, REALISATION_FIELDS),
        remote_addr=remote_addr,
    )
    return realisation


@transaction.atomic
def realisation_delete(
    *, actor: Any, realisation: Realisation, remote_addr: str | None = None
) -> None:
    """Remove a realisation; its values stay in the audit trail."""
    activity = realisation.indicator.activity
    programme = activity.programme
    if not (
        realisation.recorded_by_id == actor.pk
        and has_capability(actor, Capability.RECORD_REALISATION, programme_scope(programme))
    ):
        require(actor, Capability.EDIT_PLAN, programme)
    audit_write(
        actor=actor,
        action="realisation.delete",
        instance=realisation,
        context=context_of(activity),
        before=snapshot(realisation, REALISATION_FIELDS),
        remote_addr=remote_addr,
    )
    realisation.delete()


# --- targets and activities ------------------------------------------------------------------


def _check_phasing(value: Decimal, q1: Any, q2: Any, q3: Any) -> None:
    given = [q for q in (q1, q2, q3) if q is not None]
    if not given:
        return
    if len(given) != 3:
        raise ValidationError({"q1": _("Give the planned value for all three quarters, or none.")})
    if not (Decimal(0) <= q1 <= q2 <= q3 <= value):
        raise ValidationError(
            {"q1": _("Planned values must rise quarter by quarter up to the target.")}
        )


@transaction.atomic
def target_set(
    *,
    actor: Any,
    indicator: Indicator,
    year: int,
    value: Decimal,
    q1: Decimal | None = None,
    q2: Decimal | None = None,
    q3: Decimal | None = None,
    note: str = "",
    expected_version: int | None = None,
    remote_addr: str | None = None,
) -> Target:
    """Create or change the target of `indicator` for `year`, unless that year's annual
    plan is frozen (then only an amendment can change it)."""
    programme = indicator.activity.programme
    require(actor, Capability.EDIT_PLAN, programme)
    if not programme.plan.start_year <= year <= programme.plan.end_year:
        raise ValidationError({"year": _("The year lies outside the plan period.")})
    _refuse_if_frozen(programme, year, "value")
    validate_value(indicator, value)
    for name, quarter in (("q1", q1), ("q2", q2), ("q3", q3)):
        if quarter is not None:
            validate_value(indicator, quarter, field=name)
    _check_phasing(value, q1, q2, q3)
    target = Target.objects.select_for_update().filter(indicator=indicator, year=year).first()
    before = snapshot(target, TARGET_FIELDS) if target else None
    if target is None:
        target = Target(indicator=indicator, year=year, value=value, q1=q1, q2=q2, q3=q3, note=note)
        target.save()
    else:
        if expected_version is not None and target.version != expected_version:
            raise ConflictError(target)
        target.value, target.q1, target.q2, target.q3, target.note = value, q1, q2, q3, note
        target.version += 1
        target.save(update_fields=[*TARGET_FIELDS, "version"])
    audit_write(
        actor=actor,
        action="target.set",
        instance=target,
        context=context_of(indicator.activity),
        before=before,
        after=snapshot(target, TARGET_FIELDS),
        remote_addr=remote_addr,
    )
    return target


@transaction.atomic
def activity_update(
    *,
    actor: Any,
    activity: Activity,
    changes: dict[str, Any],
    expected_version: int,
    remote_addr: str | None = None,
) -> Activity:
    """Change an activity's texts, role, phase, owner or status.

    Texts are frozen once the year's annual plan is submitted; a save based on an
    outdated version raises ConflictError with the current record.
    """
    unknown = set(changes) - set(ACTIVITY_FIELDS)
    if unknown:
        raise ValueError(f"Not editable here: {sorted(unknown)}")
    require(actor, Capability.EDIT_PLAN, activity.programme)
    current = Activity.objects.select_for_update().get(pk=activity.pk)
    if current.version != expected_version:
        raise ConflictError(current)
    changed_texts = [
        name
        for name in ACTIVITY_TEXT_FIELDS
        if name in changes and changes[name] != getattr(current, name)
    ]
    if changed_texts:
        _refuse_if_frozen(activity.programme, activity.year, changed_texts[0])
    before = snapshot(current, ACTIVITY_FIELDS)
    for name, value in changes.items():
        setattr(current, name, value)
    current.version += 1
    current.full_clean(exclude=["programme", "line", "municipalities", "goals"])
    current.save(update_fields=[*changes, "version"])
    audit_write(
        actor=actor,
        action="activity.update",
        instance=current,
        before=before,
        after=snapshot(current, ACTIVITY_FIELDS),
        remote_addr=remote_addr,
    )
    return current


@transaction.atomic
def activity_decide(
    *,
    actor: Any,
    activity: Activity,
    decision: str,
    date: dt.date,
    reason: str,
    remote_addr: str | None = None,
) -> Activity:
    """Record the go/no-go decision of an exploring activity."""
    require(actor, Capability.EDIT_PLAN, activity.programme)
    if decision not in (Decision.GO, Decision.NO_GO, Decision.PENDING):
        raise ValidationError({"decision": _("Choose go, no-go or pending.")})
    if decision != Decision.PENDING and not reason.strip():
        raise ValidationError({"decision_reason": _("Give the reason for the decision.")})
    if date > timezone.localdate():
        raise ValidationError({"decision_date": _("A decision cannot lie in the future.")})
    fields = ["decision", "decision_date", "decision_reason", "status"]
    current = Activity.objects.select_for_update().get(pk=activity.pk)
    before = snapshot(current, fields)
    current.decision, current.decision_date, current.decision_reason = decision, date, reason
    if decision == Decision.NO_GO:
        current.status = "stopped"
    current.version += 1
    current.save(update_fields=[*fields, "version"])
    audit_write(
        actor=actor,
        action="activity.decide",
        instance=current,
        before=before,
        after=snapshot(current, fields),
        remote_addr=remote_addr,
    )
    return current


# --- annual plan workflow ---------------------------------------------------------------------

S = AnnualPlanStatus
TRANSITIONS: dict[tuple[str, str], Capability] = {
    (S.CONCEPT, S.ADVICE): Capability.MANAGE_ANNUAL_PLAN,
    (S.ADVICE, S.CONCEPT): Capability.MANAGE_ANNUAL_PLAN,
    (S.CONCEPT, S.SUBMITTED): Capability.MANAGE_ANNUAL_PLAN,
    (S.ADVICE, S.SUBMITTED): Capability.MANAGE_ANNUAL_PLAN,
    (S.SUBMITTED, S.ADOPTED): Capability.DECIDE_AS_FUNDER,
    (S.SUBMITTED, S.CONCEPT): Capability.DECIDE_AS_FUNDER,
    (S.ADOPTED, S.ACCOUNTED): Capability.MANAGE_ANNUAL_PLAN,
}


def annual_plan_scope(annual_plan: AnnualPlan) -> Scope:
    funders = frozenset(
        Programme.funders.through.objects.filter(programme__plan=annual_plan.plan_id).values_list(
            "organisation_id", flat=True
        )
    )
    return Scope(organisation_id=annual_plan.plan.organisation_id, funder_ids=funders)


def allowed_transitions(actor: Any, annual_plan: AnnualPlan) -> list[str]:
    scope = annual_plan_scope(annual_plan)
    return [
        to
        for (source, to), capability in TRANSITIONS.items()
        if source == annual_plan.status and has_capability(actor, capability, scope)
    ]


@transaction.atomic
def annual_plan_transition(
    *,
    actor: Any,
    annual_plan: AnnualPlan,
    to_status: str,
    comment: str = "",
    remote_addr: str | None = None,
) -> AnnualPlan:
    current = (
        AnnualPlan.objects.select_for_update(of=("self",))
        .select_related("plan")
        .get(pk=annual_plan.pk)
    )
    capability = TRANSITIONS.get((current.status, to_status))
    if capability is None:
        raise ValidationError(
            {
                "to_status": _("An annual plan that is %(status)s cannot go to that step.")
                % {"status": current.get_status_display().lower()}
            }
        )
    if not has_capability(actor, capability, annual_plan_scope(current)):
        raise PermissionDenied
    if (current.status, to_status) == (S.SUBMITTED, S.CONCEPT) and not comment.strip():
        raise ValidationError({"comment": _("Say why the plan goes back to draft.")})
    AnnualPlanEvent.objects.create(
        annual_plan=current,
        from_status=current.status,
        to_status=to_status,
        actor=actor,
        comment=comment,
    )
    before = snapshot(current, ["status"])
    current.status = to_status
    current.save(update_fields=["status"])
    audit_write(
        actor=actor,
        action="annual_plan.transition",
        instance=current,
        before=before,
        after=snapshot(current, ["status"]),
        remote_addr=remote_addr,
    )
    return current


@transaction.atomic
def advisory_comment_add(
    *,
    actor: Any,
    annual_plan: AnnualPlan,
    text: str,
    programme: Programme | None = None,
    remote_addr: str | None = None,
) -> AdvisoryComment:
    if not has_capability(actor, Capability.ADVISE_ANNUAL_PLAN, annual_plan_scope(annual_plan)):
        raise PermissionDenied
    if annual_plan.status != S.ADVICE:
        raise ValidationError({"text": _("Comments are possible while the plan is under advice.")})
    if not text.strip():
        raise ValidationError({"text": _("Write your comment.")})
    comment = AdvisoryComment.objects.create(
        annual_plan=annual_plan, programme=programme, author=actor, text=text
    )
    audit_write(
        actor=actor,
        action="annual_plan.advise",
        instance=comment,
        context=context_of(annual_plan),
        after={"text": text},
        remote_addr=remote_addr,
    )
    return comment


# --- amendments ------------------------------------------------------------------------------


def _format(value: Decimal) -> str:
    return format(value.normalize(), "f")


@transaction.atomic
def amendment_propose(
    *,
    actor: Any,
    activity: Activity,
    field: str,
    new_value: str,
    reason: str,
    target: Target | None = None,
    remote_addr: str | None = None,
) -> Amendment:
    """Propose a change to a frozen activity text or target, for the funder to decide."""
    programme = activity.programme
    require(actor, Capability.PROPOSE_AMENDMENT, programme)
    annual_plan = annual_plan_of(programme, activity.year)
    if annual_plan is None or not annual_plan.is_frozen:
        raise ValidationError(
            {"field": _("The annual plan is not frozen: change the activity directly.")}
        )
    if annual_plan.status == S.ACCOUNTED:
        raise ValidationError({"field": _("The year has been accounted for; it cannot change.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the change.")})
    if field == AmendmentField.TARGET:
        if target is None or target.indicator.activity_id != activity.pk:
            raise ValidationError({"target": _("Choose the target to change.")})
        try:
            number = Decimal(new_value.replace(",", "."))
        except ArithmeticError as error:
            raise ValidationError({"new_value": _("Enter a number.")}) from error
        validate_value(target.indicator, number, field="new_value")
        old_value, new_value = _format(target.value), _format(number)
    elif field in (AmendmentField.TITLE, AmendmentField.DESCRIPTION, AmendmentField.OUTCOME):
        old_value = getattr(activity, field)
        if not new_value.strip():
            raise ValidationError({"new_value": _("Write the new version.")})
    else:
        raise ValidationError({"field": _("Choose what changes.")})
    if new_value == old_value:
        raise ValidationError({"new_value": _("The proposal is the same as the current version.")})
    amendment = Amendment.objects.create(
        annual_plan=annual_plan,
        activity=activity,
        target=target if field == AmendmentField.TARGET else None,
        field=field,
        old_value=old_value,
        new_value=new_value,
        reason=reason,
        proposed_by=actor,
    )
    audit_write(
        actor=actor,
        action="amendment.propose",
        instance=amendment,
        context=context_of(activity),
        after={"field": field, "old": old_value, "new": new_value, "reason": reason},
        remote_addr=remote_addr,
    )
    return amendment


@transaction.atomic
def amendment_decide(
    *,
    actor: Any,
    amendment: Amendment,
    approve: bool,
    note: str = "",
    remote_addr: str | None = None,
) -> Amendment:
    """The funder approves (the change is applied) or rejects an amendment."""
    current = (
        Amendment.objects.select_for_update(of=("self",))
        .select_related("activity__programme__plan", "target", "annual_plan__plan")
        .get(pk=amendment.pk)
    )
    programme = current.activity.programme
    require(actor, Capability.DECIDE_AS_FUNDER, programme)
    if current.status != AmendmentStatus.PROPOSED:
        raise ValidationError({"approve": _("This amendment has already been decided.")})
    if not approve and not note.strip():
        raise ValidationError({"note": _("Explain why the amendment is rejected.")})
    current.status = AmendmentStatus.APPROVED if approve else AmendmentStatus.REJECTED
    current.decided_by = actor
    current.decided_at = timezone.now()
    current.decision_note = note
    current.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    if approve:
        _apply(current, actor, remote_addr)
    audit_write(
        actor=actor,
        action="amendment.approve" if approve else "amendment.reject",
        instance=current,
        context=context_of(current.activity),
        after={"status": current.status, "note": note},
        remote_addr=remote_addr,
    )
    return current


def _apply(amendment: Amendment, actor: Any, remote_addr: str | None) -> None:
    if amendment.field == AmendmentField.TARGET:
        assert amendment.target is not None
        target = Target.objects.select_for_update().get(pk=amendment.target.pk)
        before = snapshot(target, TARGET_FIELDS)
        target.value = Decimal(amendment.new_value)
        # A phasing that no longer fits the new target is dropped rather than kept wrong.
        if target.q3 is not None and target.q3 > target.value:
            target.q1 = target.q2 = target.q3 = None
        target.version += 1
        target.save(update_fields=["value", "q1", "q2", "q3", "version"])
        instance: Any = target
        after = snapshot(target, TARGET_FIELDS)
    else:
        activity = Activity.objects.select_for_update().get(pk=amendment.activity_id)
        before = snapshot(activity, [amendment.field])
        setattr(activity, amendment.field, amendment.new_value)
        activity.version += 1
        activity.save(update_fields=[amendment.field, "version"])
        instance = activity
        after = snapshot(activity, [amendment.field])
    audit_write(
        actor=actor,
        action="amendment.apply",
        instance=instance,
        context=context_of(amendment.activity),
        before=before,
        after=after,
        remote_addr=remote_addr,
    )
