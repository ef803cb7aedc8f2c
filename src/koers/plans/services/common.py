"""What the plans services share: the frozen- and accounted-plan checks and field lists."""

from __future__ import annotations

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
