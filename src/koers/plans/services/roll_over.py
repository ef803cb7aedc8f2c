"""Drafting next year's annual plan from the multi-year plan and this year's, in one step."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max

from koers.accounts.policy import has_capability
from koers.accounts.roles import Capability
from koers.core.audit import audit_write, context_of
from koers.plans.access import annual_plan_scope
from koers.plans.models import (
    Activity,
    ActivityStatus,
    AnnualPlan,
    AnnualPlanStatus,
    Decision,
    Indicator,
    MultiYearTarget,
    Plan,
    Target,
)
from koers.plans.queries.roll_over import RollOver, roll_over_preview
from koers.plans.services.drafting import INDICATOR_FIELDS


@transaction.atomic
def annual_plan_carry_over(
    *, actor: Any, annual_plan: AnnualPlan, remote_addr: str | None = None
) -> tuple[AnnualPlan, RollOver]:
    """Draft the annual plan of the year after `annual_plan` (status concept) from the
    multi-year plan and this year's plan, and return it with what was done.

    Every activity of this year that continues (not stopped, not decided no-go) is copied
    with its indicators; each indicator gets the target its multi-year target gives for the
    new year where it counts towards one (and counts towards it again), else this year's
    target as a proposal marked as carried over. Each multi-year result of the new year
    that no activity carries out yet becomes a new activity. Refused (a `ValidationError`,
    nothing changed) when next year lies outside the plan or already has activities.
    """
    if not has_capability(actor, Capability.MANAGE_ANNUAL_PLAN, annual_plan_scope(annual_plan)):
        raise PermissionDenied
    # One draft at a time per plan: a second request waits here and is then refused.
    Plan.objects.select_for_update().filter(pk=annual_plan.plan_id).first()
    preview = roll_over_preview(annual_plan)
    if preview.refusal:
        raise ValidationError({"year": preview.refusal})
    drafted, _created = AnnualPlan.objects.get_or_create(
        plan=annual_plan.plan, year=preview.year, defaults={"status": AnnualPlanStatus.CONCEPT}
    )
    copies = _copy_activities(preview)
    new = _new_activities(preview)
    for source, copy in copies:
        audit_write(
            actor=actor,
            action="activity.carry_over",
            instance=copy,
            after={"from": context_of(source), "year": copy.year, "code": copy.code},
            remote_addr=remote_addr,
        )
    for activity in new:
        audit_write(
            actor=actor,
            action="activity.create",
            instance=activity,
            after={"year": activity.year, "code": activity.code, "title": activity.title},
            remote_addr=remote_addr,
        )
    audit_write(
        actor=actor,
        action="annual_plan.carry_over",
        instance=drafted,
        after={
            "from": annual_plan.year,
            "carried": [row.activity.code for row in preview.carried],
            "left_out": {row.activity.code: row.reason for row in preview.left_out},
            "new": [row.code for row in preview.new],
            "targets": preview.target_count,
        },
        remote_addr=remote_addr,
    )
    return drafted, preview


def _copy_activities(preview: RollOver) -> list[tuple[Activity, Activity]]:
    """The continuing activities and their indicators, targets and links, in bulk."""
    sources = [row.activity for row in preview.carried]
    copies = Activity.objects.bulk_create(
        Activity(
            programme_id=source.programme_id,
            line_id=source.line_id,
            year=preview.year,
            code=source.code,
            title=source.title,
            description=source.description,
            outcome=source.outcome,
            role=source.role,
            phase=source.phase,
            owner_id=source.owner_id,
            status=ActivityStatus.PLANNED,
            decision=Decision.PENDING if source.decision == Decision.PENDING else Decision.NONE,
            order=source.order,
        )
        for source in sources
    )
    copy_of = {source.pk: copy for source, copy in zip(sources, copies, strict=True)}
    _copy_links(Activity.municipalities.through, "municipality_id", copy_of)
    _copy_links(Activity.goals.through, "goal_id", copy_of)
    proposed = [
        (copy_of[row.activity.pk], target) for row in preview.carried for target in row.targets
    ]
    indicators = Indicator.objects.bulk_create(
        Indicator(
            activity=copy,
            **{name: getattr(target.indicator, name) for name in INDICATOR_FIELDS},
            note=target.indicator.note,
            source=target.indicator.source,
            measure=target.indicator.measure,
            measure_params=target.indicator.measure_params,
            order=target.indicator.order,
        )
        for copy, target in proposed
    )
    Target.objects.bulk_create(
        Target(indicator=indicator, year=preview.year, value=target.value, note=target.note[:300])
        for indicator, (_copy, target) in zip(indicators, proposed, strict=True)
        if target.value is not None
    )
    counted = MultiYearTarget.indicators.through
    counted.objects.bulk_create(
        counted(indicator_id=indicator.pk, multiyeartarget_id=target_id)
        for indicator, (_copy, target) in zip(indicators, proposed, strict=True)
        for target_id in target.multi_year_ids
    )
    return list(zip(sources, copies, strict=True))


def _copy_links(through: Any, other: str, copy_of: dict[int, Activity]) -> None:
    """Copy an activity's many-to-many links (municipalities, goals) to its copy."""
    through.objects.bulk_create(
        through(activity_id=copy_of[activity_id].pk, **{other: linked})
        for activity_id, linked in through.objects.filter(activity_id__in=copy_of).values_list(
            "activity_id", other
        )
    )


def _new_activities(preview: RollOver) -> list[Activity]:
    """The multi-year results of the new year that no activity carries out yet."""
    if not preview.new:
        return []
    last = dict(
        Activity.objects.filter(
            programme_id__in={row.result.programme_id for row in preview.new}, year=preview.year
        )
        .values("programme_id")
        .annotate(last=Max("order"))
        .values_list("programme_id", "last")
    )
    made = []
    for row in preview.new:
        result = row.result
        order = (last.get(result.programme_id) or 0) + 1
        last[result.programme_id] = order
        made.append(
            Activity(
                programme_id=result.programme_id,
                line_id=result.line_id,
                year=preview.year,
                code=row.code,
                title=result.title,
                description=result.activity_text,
                outcome=result.result_text,
                role=result.role,
                phase=result.phase,
                owner_id=result.programme.coordinator_id,
                status=ActivityStatus.PLANNED,
                order=order,
            )
        )
    return Activity.objects.bulk_create(made)
