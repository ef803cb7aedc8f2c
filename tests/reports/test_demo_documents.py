"""The demo year's reports read back and checked against the database, indicator by
indicator: the Q3 2021 progress report for the province and the accountability for the
institutional grant, in Word, PDF and Excel; and a figure corrected after the Q2 report
was sent shows as a difference while the snapshot's documents keep what was sent."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Any

import pytest
from django.db.models import Max, Sum

from koers.accounts.models import User
from koers.funding.models import Grant
from koers.plans.measures import get_measure
from koers.plans.models import Aggregation, Indicator, Plan, Realisation, Source
from koers.reports import content as contents
from koers.reports import documents, queries, services
from koers.reports.models import Report
from koers.reports.tasks import make_document
from tests.reports.conftest import docx_rows, pdf_text, xlsx_sheets

END_OF_Q3 = dt.date(2021, 9, 30)


@pytest.fixture
def demo(demo_db: dict[str, int]) -> Plan:
    return Plan.objects.get(organisation__slug="cmo-flevoland")  # not the second partner's


def realised_in_database(indicator: Indicator, until: dt.date) -> Decimal | None:
    """What was realised, counted here from the records rather than by the reports code."""
    if indicator.source == Source.DERIVED:
        measure = get_measure(indicator.measure)
        assert measure is not None
        return measure.compute(indicator, dt.date(2021, 1, 1), until)
    rows = Realisation.objects.filter(indicator=indicator, date__year=2021, date__lte=until)
    if indicator.aggregation == Aggregation.SUM:
        return rows.aggregate(total=Sum("value"))["total"]
    if indicator.aggregation == Aggregation.MAX:
        return rows.aggregate(top=Max("value"))["top"]
    latest = rows.order_by("-date", "-id").first()
    return latest.value if latest else None


def excel_realised(data: bytes, period: str) -> dict[tuple[str, str], Any]:
    header, *rows = xlsx_sheets(data)["Prestatie-indicatoren"]
    column = {title: index for index, title in enumerate(header)}
    return {
        (row[column["Activiteitcode"]], row[column["Indicator"]]): row[
            column["Gerealiseerd tot en met de periode"]
        ]
        for row in rows
        if row[column["Periode"]] == period
    }


def test_the_q3_progress_report_agrees_with_the_database_in_every_format(demo: Plan) -> None:
    director = User.objects.get(username="directeur")
    report = services.report_prepare(
        actor=director, plan=demo, kind="progress", year=2021, quarter=3
    )
    content = contents.build(report)
    indicators = list(
        Indicator.objects.filter(
            activity__programme__plan=demo,
            activity__programme__funders__slug="provincie-flevoland",
            activity__year=2021,
        ).select_related("activity__programme__plan")
    )
    assert len(indicators) > 40
    excel = excel_realised(documents.render(content, "xlsx"), "Q3 2021")
    word = docx_rows(documents.render(content, "docx"))
    unique_titles = {t for t, n in Counter(i.title for i in indicators).items() if n == 1}
    for indicator in indicators:
        expected = realised_in_database(indicator, END_OF_Q3)
        shown = excel[(indicator.activity.code, indicator.title)]
        assert Decimal(str(shown or 0)) == (expected or 0), indicator
        if indicator.title in unique_titles and indicator.unit == "count":
            [row] = [r for r in word if r[0] == indicator.title]
            # Dutch figures in Word: 1.500 and 2,5; nothing measured yet is a dash.
            in_word = None if row[3] == "—" else Decimal(row[3].replace(".", "").replace(",", "."))
            assert in_word == expected, indicator
    text = pdf_text(documents.render(content, "pdf"))
    for programme in content["programmes"]:
        assert programme["name"] in text
    assert "7 thematische netwerkbijeenkomsten" in text


def test_the_accountability_report_sets_each_decision_indicator_against_the_database(
    demo: Plan,
) -> None:
    grant = (
        Grant.objects.filter(
            organisation=demo.organisation, kind="instellingssubsidie", indicators__year=2021
        )
        .distinct()
        .get()
    )
    director = User.objects.get(username="directeur")
    report = services.report_prepare(
        actor=director, plan=demo, kind="accountability", year=2021, grant=grant
    )
    content = contents.build(report)
    agreed = {
        gi.indicator_id: gi
        for gi in grant.indicators.filter(year=2021).select_related("indicator__activity")
    }
    assert len(agreed) == 62
    excel = xlsx_sheets(documents.render(content, "xlsx"))["Prestatie-indicatoren"]
    header, *rows = excel
    column = {title: index for index, title in enumerate(header)}
    assert len(rows) == len(agreed)
    until = contents.reference_of(report)
    by_key = {(r[column["Activiteitcode"]], r[column["Indicator"]]): r for r in rows}
    for item in agreed.values():
        row = by_key[(item.indicator.activity.code, item.indicator.title)]
        assert Decimal(str(row[column["Afgesproken streefwaarde"]])) == item.agreed_target
        expected = realised_in_database(item.indicator, until) or Decimal(0)
        assert Decimal(str(row[column["Gerealiseerd tot en met de periode"]] or 0)) == expected
    evidence = xlsx_sheets(documents.render(content, "xlsx"))["Bewijs"]
    manual = Realisation.objects.filter(
        indicator__in=agreed, date__year=2021, date__lte=until
    ).count()
    assert len(evidence) - 1 >= manual  # every realisation, and the records derived ones counted


def test_a_figure_corrected_after_the_q2_report_was_sent(
    demo: Plan, django_capture_on_commit_callbacks: Any
) -> None:
    report = Report.objects.get(kind="progress", year=2021, quarter=2)
    for document in report.documents.all():
        make_document.call(document.pk)
    indicator = (
        Indicator.objects.filter(
            activity__programme__plan=demo,
            source=Source.MANUAL,
            aggregation=Aggregation.SUM,
            activity__programme__funders__slug="provincie-flevoland",
        )
        .order_by("activity__code", "id")
        .first()
    )
    assert indicator is not None
    before = realised_in_database(indicator, dt.date(2021, 6, 30)) or Decimal(0)
    Realisation.objects.create(
        indicator=indicator, date=dt.date(2021, 6, 29), value=Decimal(1), note="Later gemeld"
    )
    changes = [
        c
        for c in queries.differences(report.snapshot.content, queries.current_content(report))
        if c.field == "realised"
    ]
    assert [(Decimal(c.sent or 0), Decimal(c.now)) for c in changes] == [(before, before + 1)]
    kept = report.documents.get(format="xlsx", snapshot=report.snapshot)
    with kept.file.open("rb") as handle:
        figures = excel_realised(handle.read(), "Q2 2021")
    assert Decimal(str(figures[(indicator.activity.code, indicator.title)] or 0)) == before
