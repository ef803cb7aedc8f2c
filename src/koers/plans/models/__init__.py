"""The results chain: funder goals → plan → programme → line → activity → indicator.

Indicators carry a target per year and realisations (measured values with evidence).
One module per part of the chain; everything is re-exported here, so `koers.plans.models`
is still the one place to import a model from (and the migrations' references hold).
"""

from koers.plans.models.activities import (
    Activity,
    ActivityPhase,
    ActivityRole,
    ActivityStatus,
    Decision,
)
from koers.plans.models.activity_notes import ActivityComment, QuarterReport
from koers.plans.models.annual_plans import (
    FROZEN_STATUSES,
    AdvisoryComment,
    Amendment,
    AmendmentField,
    AmendmentStatus,
    AnnualPlan,
    AnnualPlanEvent,
    AnnualPlanStatus,
)
from koers.plans.models.chain import Goal, Line, Plan, Programme
from koers.plans.models.dates import DatePrecision, is_overdue, period_end, period_label
from koers.plans.models.indicators import (
    Aggregation,
    Indicator,
    IndicatorKind,
    Realisation,
    Source,
    Target,
    Unit,
    evidence_path,
    value_field,
)
from koers.plans.models.milestones import Milestone
from koers.plans.models.multi_year import MultiYearResult, MultiYearTarget
from koers.plans.models.partners import ActivityPartner, PartnerRole
from koers.plans.models.standing_tasks import StandingTask
from koers.plans.models.tactical_goals import TacticalGoal

__all__ = [
    "FROZEN_STATUSES",
    "Activity",
    "ActivityComment",
    "ActivityPartner",
    "ActivityPhase",
    "ActivityRole",
    "ActivityStatus",
    "AdvisoryComment",
    "Aggregation",
    "Amendment",
    "AmendmentField",
    "AmendmentStatus",
    "AnnualPlan",
    "AnnualPlanEvent",
    "AnnualPlanStatus",
    "DatePrecision",
    "Decision",
    "Goal",
    "Indicator",
    "IndicatorKind",
    "Line",
    "Milestone",
    "MultiYearResult",
    "MultiYearTarget",
    "PartnerRole",
    "Plan",
    "Programme",
    "QuarterReport",
    "Realisation",
    "Source",
    "StandingTask",
    "TacticalGoal",
    "Target",
    "Unit",
    "evidence_path",
    "is_overdue",
    "period_end",
    "period_label",
    "value_field",
]
