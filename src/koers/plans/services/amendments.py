"""Amendments to a frozen annual plan, proposed by the organisation and decided by the funder."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.plans.access import require
from koers.plans.models import (
    Activity,
    Amendment,
    AmendmentField,
    AmendmentStatus,
    AnnualPlan,
    AnnualPlanStatus,
    Target,
)
from koers.plans.services.common import TARGET_FIELDS
from koers.plans.validation import (
    annual_plan_of,
    validate_value,
)

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
    if annual_plan.status == AnnualPlanStatus.ACCOUNTED:
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
    annual_plan = AnnualPlan.objects.select_for_update().get(pk=current.annual_plan_id)
    if annual_plan.status not in (AnnualPlanStatus.SUBMITTED, AnnualPlanStatus.ADOPTED):
        raise ValidationError(
            {
                "approve": _(
                    "The annual plan is %(status)s; its amendments can no longer be decided."
                )
                % {"status": annual_plan.get_status_display().lower()}
            }
        )
    if not approve and not note.strip():
        raise ValidationError({"note": _("Explain why the amendment is rejected.")})
    if approve and _current_value(current) != current.old_value:
        raise ValidationError(
            {
                "approve": _(
                    "The plan has changed since this amendment was proposed (it assumed "
                    "“%(old)s”, it is now “%(now)s”). Reject it and ask for a new proposal."
                )
                % {"old": current.old_value, "now": _current_value(current)}
            }
        )
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


def _current_value(amendment: Amendment) -> str:
    """What the amended field holds now, in the form the amendment stored it."""
    if amendment.field == AmendmentField.TARGET:
        assert amendment.target is not None
        return _format(Target.objects.select_for_update().get(pk=amendment.target.pk).value)
    activity = Activity.objects.select_for_update().get(pk=amendment.activity_id)
    return str(getattr(activity, amendment.field))


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
