"""The write path of plans. Every change goes through one of these functions.

Each runs in a transaction, checks the actor's permission, validates with messages for
the user (a `ValidationError` keyed by field), writes, and records an audit entry. A
failure anywhere leaves nothing behind.
"""

from koers.plans.services.amendments import amendment_decide, amendment_propose
from koers.plans.services.annual_plans import (
    advisory_comment_add,
    annual_plan_transition,
)
from koers.plans.services.chain_details import (
    activity_partner_add,
    activity_partner_remove,
    milestone_save,
    standing_task_save,
    tactical_goal_save,
)
from koers.plans.services.comments import activity_comment_post
from koers.plans.services.drafting import (
    activity_carry_over,
    activity_create,
    indicator_create,
)
from koers.plans.services.measurement import indicator_measure_set
from koers.plans.services.multi_year import multi_year_result_save, multi_year_target_save
from koers.plans.services.plan_edits import activity_decide, activity_update, target_set
from koers.plans.services.quarter_reports import (
    REPORT_FIELDS,
    QuarterReportEntry,
    QuarterReportsRefused,
    quarter_report_save,
    quarter_reports_save,
)
from koers.plans.services.realisations import realisation_delete, realisation_record
from koers.plans.services.roll_over import annual_plan_carry_over

__all__ = [
    "REPORT_FIELDS",
    "QuarterReportEntry",
    "QuarterReportsRefused",
    "activity_carry_over",
    "activity_comment_post",
    "activity_create",
    "activity_decide",
    "activity_partner_add",
    "activity_partner_remove",
    "activity_update",
    "advisory_comment_add",
    "amendment_decide",
    "amendment_propose",
    "annual_plan_carry_over",
    "annual_plan_transition",
    "indicator_create",
    "indicator_measure_set",
    "milestone_save",
    "multi_year_result_save",
    "multi_year_target_save",
    "quarter_report_save",
    "quarter_reports_save",
    "realisation_delete",
    "realisation_record",
    "standing_task_save",
    "tactical_goal_save",
    "target_set",
]
