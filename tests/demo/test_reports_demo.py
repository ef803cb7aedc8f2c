"""The demo's reporting and sales side: the Q2 2021 report as the province received it,
the first evaluation dossier, the narratives, and the opportunities with their quotes."""

from __future__ import annotations

import pytest

from koers.demo import builder
from koers.plans.models import QuarterReport
from koers.relations.models import Opportunity, OpportunityStatus, Quote
from koers.reports import queries
from koers.reports.models import Report, ReportStatus


@pytest.fixture
def demo(demo_db: dict[str, int]) -> None:
    """The shared demo (tests/shared_demo.py)."""


def test_the_q2_report_was_sent_and_one_narrative_changed_since(demo: None) -> None:
    report = Report.objects.get(kind="progress", year=2021, quarter=2)
    assert report.status == ReportStatus.SENT
    assert report.sent_at.date().isoformat() == "2021-07-09"
    assert report.recipient.slug == "provincie-flevoland"
    changes = queries.differences(report.snapshot.content, queries.current_content(report))
    assert [(c.label.split()[0], c.field) for c in changes] == [("PG-1.1", "narrative")]
    assert "7,8" in changes[0].now and "7,8" not in changes[0].sent


def test_the_first_evaluation_has_the_seeds_questions(demo: None) -> None:
    evaluation = Report.objects.get(kind="evaluation")
    assert (evaluation.year, evaluation.last_year, str(evaluation.due_on)) == (
        2021,
        2022,
        "2023-04-30",
    )
    assert evaluation.questions.first().question == (
        "Ligt de doorontwikkeling van CMO als organisatie op koers?"
    )


def test_the_coordinator_wrote_her_quarters(demo: None) -> None:
    assert QuarterReport.objects.filter(activity__code__startswith="PG-", quarter=3).count() == 2
    assert (
        QuarterReport.objects.get(activity__code="PG-2.1", quarter=3).status_override == "on_track"
    )


def test_the_pipeline_holds_quotes_numbered_in_the_order_sent(demo: None) -> None:
    assert Opportunity.objects.filter(is_example=True).count() == 4
    numbers = list(Quote.objects.order_by("sent_on").values_list("number", flat=True))
    assert numbers == ["2021-001", "2021-002", "2021-003"]
    won = Opportunity.objects.get(status=OpportunityStatus.WON)
    assert (won.project.code, won.project.programme.code, won.project.hours_budget) == (
        "VI-VSB",
        "VI",
        16,
    )
    lost = Opportunity.objects.get(status=OpportunityStatus.LOST)
    assert "landelijk aanbod" in lost.lost_reason


def test_building_again_changes_nothing(demo: None) -> None:
    assert builder.build(hours=False) == {}
