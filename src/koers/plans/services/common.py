"""What the plans services share: the conflict error and the frozen- and accounted-plan checks."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from koers.plans.models import (
    Activity,
    AnnualPlan,
    AnnualPlanStatus,
    Programme,
)
from koers.plans.validation import (
    frozen_message,
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


def lock_for_edit(record: Any, expected_version: int | None) -> Any:
    """`record` fetched again and locked until the transaction ends, its version raised
    for the write to come; ConflictError when someone saved it since `expected_version`
    (None: no check, e.g. a service call without a form)."""
    locked = type(record).objects.select_for_update().get(pk=record.pk)
    if expected_version is not None and locked.version != expected_version:
        raise ConflictError(locked)
    locked.version += 1
    return locked


def annual_plan_of(programme: Programme, year: int, *, lock: bool = False) -> AnnualPlan | None:
    """The annual plan of `year`; with `lock`, held until the transaction ends so a
    submission cannot slip in between this check and the write that relies on it."""
    plans = AnnualPlan.objects.filter(plan_id=programme.plan_id, year=year)
    if lock:
        plans = plans.select_for_update()
    return plans.first()


def refuse_if_frozen(programme: Programme, year: int, field: str) -> None:
    annual_plan = annual_plan_of(programme, year, lock=True)
    if annual_plan is not None and annual_plan.is_frozen:
        raise ValidationError({field: frozen_message(annual_plan)})


def refuse_if_accounted(activity: Activity, field: str = "date") -> None:
    """Refuse a change to what an activity delivered once its year has been accounted for."""
    annual_plan = annual_plan_of(activity.programme, activity.year, lock=True)
    if annual_plan is not None and annual_plan.status == AnnualPlanStatus.ACCOUNTED:
        raise ValidationError(
            {
                field: _("The year %(year)s has been accounted for; its results cannot change.")
                % {"year": activity.year}
            }
        )
