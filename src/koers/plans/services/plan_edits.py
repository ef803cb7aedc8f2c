"""Changing targets and activities while the annual plan allows it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.core.versioning import ConflictError
from koers.plans.access import require
from koers.plans.models import (
    Activity,
    Decision,
    Indicator,
    Target,
    period_end,
)
from koers.plans.services.common import (
    ACTIVITY_FIELDS,
    ACTIVITY_TEXT_FIELDS,
    TARGET_FIELDS,
)
from koers.plans.validation import refuse_if_frozen, validate_value

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
    refuse_if_frozen(programme, year, "value")
    validate_value(indicator, value)
    for name, quarter in (("q1", q1), ("q2", q2), ("q3", q3)):
        if quarter is not None:
            validate_value(indicator, quarter, field=name)
    _check_phasing(value, q1, q2, q3)
    # `expected_version` 0 means "there was no target when the form opened".
    target = Target.objects.select_for_update().filter(indicator=indicator, year=year).first()
    before = snapshot(target, TARGET_FIELDS) if target else None
    if target is None:
        target = Target(indicator=indicator, year=year, value=value, q1=q1, q2=q2, q3=q3, note=note)
        try:
            with transaction.atomic():
                target.save()
        except IntegrityError as error:  # someone created it at the same moment
            raise ConflictError(Target.objects.get(indicator=indicator, year=year)) from error
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
        refuse_if_frozen(activity.programme, activity.year, changed_texts[0])
    before = snapshot(current, ACTIVITY_FIELDS)
    for name, value in changes.items():
        setattr(current, name, value)
    if current.target_date is not None and "target_date" in changes:
        # A date known to the month, season or year is kept as the period's last day.
        current.target_date = period_end(current.target_date, current.target_precision)
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
    expected_version: int | None = None,
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
    if expected_version is not None and current.version != expected_version:
        raise ConflictError(current)
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
