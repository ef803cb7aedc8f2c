"""Read-side of plans: the data behind its pages and reports, one module per concern.

Every aggregation happens in the database. Everything public is re-exported here, so
callers keep `from koers.plans import queries` and `queries.dashboard(...)`.
"""

from koers.plans.queries.chain_details import (
    DueDate,
    MilestoneRow,
    activity_due,
    activity_partners,
    partnerships_of,
    plan_milestones,
    programme_due,
    standing_tasks,
    tactical_goals,
)
from koers.plans.queries.comments import (
    activity_threads,
    open_question_counts,
    open_questions,
)
from koers.plans.queries.evidence import Counted, CountedRecord, counted_records
from koers.plans.queries.goals import (
    GoalContribution,
    goal_contribution,
    goal_descendants,
    goal_tree,
    goals_shown,
    sub_goals,
)
from koers.plans.queries.indicators import (
    IndicatorRow,
    indicator_rows,
    progress_of,
    with_progress_values,
)
from koers.plans.queries.multi_year import (
    PeriodProgress,
    activity_multi_year_results,
    beside_the_year,
    multi_year_progress,
    programme_multi_year,
)
from koers.plans.queries.pages import (
    RECENT_PER_INDICATOR,
    ActivityRow,
    LineBlock,
    ProgrammeSummary,
    activity_history,
    activity_indicators,
    annual_plan_for,
    dashboard,
    programme_overview,
    programme_years,
    recent_realisations,
)
from koers.plans.queries.quarter_reports import (
    QUARTER_REPORT_SUBJECT_TYPES,
    ProgressEntry,
    latest_quarter_report,
    quarter_progress,
    quarter_reports,
)
from koers.plans.queries.roll_over import RollOver, roll_over_preview

__all__ = [
    "QUARTER_REPORT_SUBJECT_TYPES",
    "RECENT_PER_INDICATOR",
    "ActivityRow",
    "Counted",
    "CountedRecord",
    "DueDate",
    "GoalContribution",
    "IndicatorRow",
    "LineBlock",
    "MilestoneRow",
    "PeriodProgress",
    "ProgrammeSummary",
    "ProgressEntry",
    "RollOver",
    "activity_due",
    "activity_history",
    "activity_indicators",
    "activity_multi_year_results",
    "activity_partners",
    "activity_threads",
    "annual_plan_for",
    "beside_the_year",
    "counted_records",
    "dashboard",
    "goal_contribution",
    "goal_descendants",
    "goal_tree",
    "goals_shown",
    "indicator_rows",
    "latest_quarter_report",
    "multi_year_progress",
    "open_question_counts",
    "open_questions",
    "partnerships_of",
    "plan_milestones",
    "programme_due",
    "programme_multi_year",
    "programme_overview",
    "programme_years",
    "progress_of",
    "quarter_progress",
    "quarter_reports",
    "recent_realisations",
    "roll_over_preview",
    "standing_tasks",
    "sub_goals",
    "tactical_goals",
    "with_progress_values",
]
