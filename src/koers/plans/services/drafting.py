"""Drafting a year's plan: new activities, their indicators, and carrying an activity over.

All of it is refused once the year's annual plan is submitted; from then on only an
amendment changes the plan.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of, snapshot
from koers.core.models import Municipality
from koers.plans.access import require
from koers.plans.measures import get_measure
from koers.plans.models import (
    Activity,
    ActivityStatus,
    Aggregation,
    Decision,
    Indicator,
    Line,
    Programme,
    Source,
    Target,
    Unit,
)
from koers.plans.services.common import ACTIVITY_FIELDS
from koers.plans.validation import refuse_if_frozen, validate_value

INDICATOR_FIELDS = ["kind", "title", "unit", "aggregation", "baseline", "verification", "is_key"]


def _check_year(programme: Programme, year: int) -> None:
    plan = programme.plan
    if not plan.start_year <= year <= plan.end_year:
        raise ValidationError(
            {
                "year": _("The year lies outside the plan period %(start)s–%(end)s.")
                % {"start": plan.start_year, "end": plan.end_year}
            }
        )


def _check_code_free(programme: Programme, year: int, code: str) -> None:
    if Activity.objects.filter(programme=programme, year=year, code=code).exists():
        raise ValidationError(
            {
                "code": _("The code %(code)s is already used in %(year)s.")
                % {"code": code, "year": year}
            }
        )


@transaction.atomic
def activity_create(
    *,
    actor: Any,
    programme: Programme,
    year: int,
    line: Line | None,
    code: str,
    title: str,
    description: str,
    outcome: str = "",
    role: str,
    phase: str,
    municipalities: Iterable[Municipality] = (),
    remote_addr: str | None = None,
) -> Activity:
    """Add an activity to a programme's plan for `year` (not after submission)."""
    require(actor, Capability.EDIT_PLAN, programme)
    _check_year(programme, year)
    refuse_if_frozen(programme, year, "title")
    if line is not None and line.programme_id != programme.pk:
        raise ValidationError({"line": _("Choose a line of this programme.")})
    code = code.strip()
    _check_code_free(programme, year, code)
    last = Activity.objects.filter(programme=programme, year=year, line=line).aggregate(
        last=Max("order")
    )["last"]
    activity = Activity(
        programme=programme,
        line=line,
        year=year,
        code=code,
        title=title.strip(),
        description=description.strip(),
        outcome=outcome.strip(),
        role=role,
        phase=phase,
        owner=actor,
        status=ActivityStatus.PLANNED,
        order=(last or 0) + 1,
    )
    activity.full_clean(exclude=["programme", "line", "owner"])
    activity.save()
    activity.municipalities.set(municipalities)
    audit_write(
        actor=actor,
        action="activity.create",
        instance=activity,
        after=snapshot(activity, ["year", "code", *ACTIVITY_FIELDS]),
        remote_addr=remote_addr,
    )
    return activity


@transaction.atomic
def indicator_create(
    *,
    actor: Any,
    activity: Activity,
    kind: str,
    title: str,
    unit: str,
    aggregation: str,
    baseline: Decimal | None = None,
    verification: str = "",
    is_key: bool = False,
    target: Decimal | None = None,
    measure: str = "",
    remote_addr: str | None = None,
) -> Indicator:
    """Add an indicator, with its target for the activity's year if one is given. With a
    registered `measure` the indicator is derived: Koers counts it from its records."""
    require(actor, Capability.EDIT_PLAN, activity.programme)
    refuse_if_frozen(activity.programme, activity.year, "title")
    if unit == Unit.MILESTONE and aggregation != Aggregation.LATEST:
        raise ValidationError(
            {"aggregation": _("A milestone is reached or not: use 'latest value'.")}
        )
    last = activity.indicators.aggregate(last=Max("order"))["last"]
    indicator = Indicator(
        activity=activity,
        kind=kind,
        title=title.strip(),
        unit=unit,
        aggregation=aggregation,
        baseline=baseline,
        verification=verification.strip(),
        is_key=is_key,
        order=(last or 0) + 1,
    )
    if measure:
        if get_measure(measure) is None:
            raise ValidationError({"measure": _("Koers cannot count this measure.")})
        indicator.source = Source.DERIVED
        indicator.measure = measure
    indicator.full_clean(exclude=["activity"])
    if baseline is not None:
        validate_value(indicator, baseline, field="baseline")
    if target is not None:
        validate_value(indicator, target, field="target")
    indicator.save()
    after = snapshot(indicator, [*INDICATOR_FIELDS, "source", "measure"])
    if target is not None:
        Target.objects.create(indicator=indicator, year=activity.year, value=target)
        after["target"] = str(target)
    audit_write(
        actor=actor,
        action="indicator.create",
        instance=indicator,
        context=context_of(activity),
        after=after,
        remote_addr=remote_addr,
    )
    return indicator


@transaction.atomic
def activity_carry_over(
    *, actor: Any, activity: Activity, remote_addr: str | None = None
) -> Activity:
    """Copy an activity and its indicators into next year's plan, without targets.

    The copy starts as planned; targets for the new year are set on the copy. Refused
    when next year lies outside the plan, is already submitted, or has the same code.
    """
    programme = activity.programme
    year = activity.year + 1
    require(actor, Capability.EDIT_PLAN, programme)
    _check_year(programme, year)
    refuse_if_frozen(programme, year, "year")
    _check_code_free(programme, year, activity.code)
    copy = Activity.objects.create(
        programme=programme,
        line=activity.line,
        year=year,
        code=activity.code,
        title=activity.title,
        description=activity.description,
        outcome=activity.outcome,
        role=activity.role,
        phase=activity.phase,
        owner=activity.owner,
        status=ActivityStatus.PLANNED,
        decision=Decision.PENDING if activity.decision == Decision.PENDING else Decision.NONE,
        order=activity.order,
    )
    copy.municipalities.set(activity.municipalities.all())
    copy.goals.set(activity.goals.all())
    Indicator.objects.bulk_create(
        Indicator(
            activity=copy,
            **{name: getattr(indicator, name) for name in INDICATOR_FIELDS},
            note=indicator.note,
            source=indicator.source,
            measure=indicator.measure,
            measure_params=indicator.measure_params,
            order=indicator.order,
        )
        for indicator in activity.indicators.all()
    )
    audit_write(
        actor=actor,
        action="activity.carry_over",
        instance=copy,
        after={"from": context_of(activity), "year": year, "code": copy.code},
        remote_addr=remote_addr,
    )
    return copy
