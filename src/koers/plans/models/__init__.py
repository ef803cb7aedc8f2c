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
from koers.plans.models.multi_year import MultiYearResult, MultiYearTarget

__all__ = [
    "FROZEN_STATUSES",
    "Activity",
    "ActivityComment",
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
    "Decision",
    "Goal",
    "Indicator",
    "IndicatorKind",
    "Line",
    "MultiYearResult",
    "MultiYearTarget",
    "Plan",
    "Programme",
    "QuarterReport",
    "Realisation",
    "Source",
    "Target",
    "Unit",
    "evidence_path",
    "value_field",
]
