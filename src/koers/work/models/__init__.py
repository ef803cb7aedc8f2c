"""Hours, projects and capacity: staff profiles, projects, time entries, weeks, closed months,
hours targets and budgets, products — one module per concern, all re-exported here so
`koers.work.models.X` (and every migration) stays as it was."""

from __future__ import annotations

from koers.work.models.budgets import (
    HoursBudget,
    HoursTarget,
)
from koers.work.models.hours import (
    ClosedMonth,
    ClosedMonthError,
    TimeCategory,
    TimeEntry,
    TimeEntryQuerySet,
    Week,
    WeekStatus,
    is_closed,
    month_of,
)
from koers.work.models.products import (
    Product,
    ProductKind,
    ProductStatus,
)
from koers.work.models.projects import (
    Project,
    ProjectStatus,
)
from koers.work.models.staff import (
    Contract,
    CostRate,
    StaffProfile,
    Team,
)

__all__ = [
    "ClosedMonth",
    "ClosedMonthError",
    "Contract",
    "CostRate",
    "HoursBudget",
    "HoursTarget",
    "Product",
    "ProductKind",
    "ProductStatus",
    "Project",
    "ProjectStatus",
    "StaffProfile",
    "Team",
    "TimeCategory",
    "TimeEntry",
    "TimeEntryQuerySet",
    "Week",
    "WeekStatus",
    "is_closed",
    "month_of",
]
