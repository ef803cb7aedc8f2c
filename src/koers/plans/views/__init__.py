"""Thin views: read through `queries`, write through `services`, load through `access` getters."""

from koers.plans.views.comments import activity_comment
from koers.plans.views.cycle import (
    advisory_comment_create,
    amendment_decide,
    annual_plan_detail,
    annual_plan_list,
    annual_plan_transition,
)
from koers.plans.views.details import (
    milestone_create,
    milestone_edit,
    partner_create,
    partner_remove,
    standing_task_create,
    standing_task_edit,
    tactical_goal_create,
    tactical_goal_edit,
)
from koers.plans.views.edits import (
    activity_carry_over,
    activity_create,
    activity_decision,
    activity_edit,
    amendment_create,
    indicator_create,
    target_edit,
)
from koers.plans.views.measurement import indicator_measurement
from koers.plans.views.multi_year import (
    multi_year_result_create,
    multi_year_result_edit,
    multi_year_target_create,
    multi_year_target_edit,
)
from koers.plans.views.narratives import programme_progress
from koers.plans.views.onboarding import onboard
from koers.plans.views.pages import (
    activity_detail,
    dashboard,
    goal_detail,
    goal_list,
    programme_detail,
)
from koers.plans.views.records import (
    realisation_create,
    realisation_delete,
    realisation_evidence,
)
from koers.plans.views.roll_over import annual_plan_roll_over

__all__ = [
    "activity_carry_over",
    "activity_comment",
    "activity_create",
    "activity_decision",
    "activity_detail",
    "activity_edit",
    "advisory_comment_create",
    "amendment_create",
    "amendment_decide",
    "annual_plan_detail",
    "annual_plan_list",
    "annual_plan_roll_over",
    "annual_plan_transition",
    "dashboard",
    "goal_detail",
    "goal_list",
    "indicator_create",
    "indicator_measurement",
    "milestone_create",
    "milestone_edit",
    "multi_year_result_create",
    "multi_year_result_edit",
    "multi_year_target_create",
    "multi_year_target_edit",
    "onboard",
    "partner_create",
    "partner_remove",
    "programme_detail",
    "programme_progress",
    "realisation_create",
    "realisation_delete",
    "realisation_evidence",
    "standing_task_create",
    "standing_task_edit",
    "tactical_goal_create",
    "tactical_goal_edit",
    "target_edit",
]
