"""The shapes of the API's answers. Field names in English like the code; dates ISO 8601;
amounts and figures as decimal strings (exact, as stored), never floats."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Field, Schema

from koers.api.pagination import ListPage

CENT = Decimal("0.01")


def figure(value: Decimal | None) -> Decimal | None:
    """A figure as the API writes it: to the two places every figure is stored with, on
    both databases alike (SQLite gives back 3 where PostgreSQL gives 3.00)."""
    return None if value is None else value.quantize(CENT)


class OrganisationRef(Schema):
    id: int
    name: str


class Goal(Schema):
    id: int
    code: str
    title: str
    description: str
    funder: OrganisationRef
    parent_id: int | None


class GoalList(ListPage):
    results: list[Goal]


class Plan(Schema):
    id: int
    title: str
    description: str
    organisation: OrganisationRef
    funder: OrganisationRef | None
    first_year: int
    last_year: int


class PlanList(ListPage):
    results: list[Plan]


class Programme(Schema):
    id: int
    code: str
    name: str
    strategic_goal: str
    plan_id: int
    organisation: OrganisationRef
    funders: list[OrganisationRef]
    goal_ids: list[int]
    target_date: dt.date | None
    target_met: bool


class ProgrammeList(ListPage):
    results: list[Programme]


class Activity(Schema):
    id: int
    programme_id: int
    year: int
    code: str
    title: str
    description: str
    outcome: str
    phase: str
    status: str
    goal_ids: list[int]
    target_date: dt.date | None


class ActivityList(ListPage):
    results: list[Activity]


class Progress(Schema):
    """The indicator's progress in `year` counted to `reference_date`, as the pages show it."""

    target: Decimal | None
    realised: Decimal
    expected: Decimal | None = Field(description="What the target's phasing expects by now.")
    status: str = Field(description="achieved, on_track, behind, open or no_target")
    percent: int = Field(description="Realised as a share of the target, 0–100.")


class Indicator(Schema):
    id: int
    activity_id: int
    programme_id: int
    kind: str
    title: str
    unit: str
    aggregation: str
    source: str
    is_key: bool
    year: int
    reference_date: dt.date
    progress: Progress


class IndicatorList(ListPage):
    results: list[Indicator]


class ReportSummary(Schema):
    id: int
    kind: str
    title: str
    year: int
    quarter: int | None
    organisation: OrganisationRef
    recipient: OrganisationRef
    sent_at: dt.datetime
    sha256: str = Field(description="SHA-256 of the snapshot's content as sent.")


class ReportList(ListPage):
    results: list[ReportSummary]


class Report(ReportSummary):
    content: dict[str, object] = Field(
        description="The report's content as it was sent (its snapshot): figures per "
        "programme, activity and indicator. No one is named in it."
    )


class PartnerFigure(Schema):
    organisation_id: int
    target: Decimal | None
    realised: Decimal


class SharedIndicator(Schema):
    name: str
    unit: str
    summed: bool = Field(description="Whether the partners' figures add up to a total.")
    target: Decimal | None
    realised: Decimal | None
    per_partner: list[PartnerFigure]


class GoalWork(Schema):
    organisation_id: int
    programmes: int
    activities: int
    behind: int


class PortfolioGoal(Schema):
    goal: Goal
    depth: int
    gap: bool = Field(description="No partner's work serves this goal.")
    partners: list[GoalWork]
    shared_indicators: list[SharedIndicator]


class Partner(Schema):
    organisation: OrganisationRef
    programmes: int
    activities: int
    behind: int
    granted: Decimal
    grants: int
    reports_sent: int
    obligations_due: int


class Portfolio(Schema):
    funder: OrganisationRef
    year: int
    reference_date: dt.date
    partners: list[Partner]
    goals: list[PortfolioGoal]


class Topic(Schema):
    key: str
    title: str
    unit: str
    decimals: int


class Category(Schema):
    key: str
    title: str
    provisional: bool


class Dimension(Schema):
    key: str
    title: str
    kind: str
    categories: list[Category]


class DatasetSummary(Schema):
    id: int
    source: str
    table_id: str
    title: str
    licence: str
    url: str
    period_covered: str
    is_example: bool
    imported_at: dt.datetime


class DatasetList(ListPage):
    results: list[DatasetSummary]


class Dataset(DatasetSummary):
    description: str
    topics: list[Topic]
    dimensions: list[Dimension]


class Observation(Schema):
    topic: str
    region: str
    period: str
    breakdown: str
    value: Decimal | None
    missing: str = Field(description="Why a value is missing (CBS's '.' or 'x'), else empty.")
    provisional: bool


class ObservationList(ListPage):
    results: list[Observation]
