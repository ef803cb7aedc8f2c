"""Every document read back — Word with python-docx, Excel with openpyxl, PDF by its text —
and its figures checked against the database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext

from koers.plans.models import Realisation
from koers.plans.services.quarter_reports import quarter_report_save
from koers.reports import content as contents
from koers.reports import documents, services
from koers.reports.content.common import NO_MUNICIPALITY
from tests.plans.factories import (
    ActivityFactory,
    IndicatorFactory,
    RealisationFactory,
    TargetFactory,
)
from tests.reports.conftest import docx_rows, docx_text, pdf_text, xlsx_sheets

INDICATORS = "Prestatie-indicatoren"


def progress_report(world: Any, quarter: int = 3) -> Any:
    return services.report_prepare(
        actor=world.users["bedrijfsvoering"],
        plan=world.plan,
        kind="progress",
        year=2021,
        quarter=quarter,
    )


def test_the_progress_report_in_word_has_the_figures_of_the_database(realised: Any) -> None:
    world = realised
    content = contents.build(progress_report(world))
    rows = docx_rows(documents.render(content, "docx"))
    [row] = [r for r in rows if r[0] == "7 thematische netwerkbijeenkomsten"]
    in_database = Realisation.objects.filter(
        indicator=world.indicator, date__lte=dt.date(2021, 9, 30)
    ).aggregate(total=Sum("value"))["total"]
    assert in_database == 2
    # Indicator | Kind | Target | Realised | Expected by now | Status
    assert row[2:4] == ["7", "2"]
    assert row[5] in {"Op koers", "Achter", "Behaald", "Open"}


def test_the_pdf_carries_the_same_figures(realised: Any) -> None:
    content = contents.build(progress_report(realised))
    text = pdf_text(documents.render(content, "pdf"))
    assert "Voortgangsrapportage Q3 2021" in text
    assert "7 thematische netwerkbijeenkomsten" in text
    assert "Positieve Gezondheid" in text
    assert "pagina 1" in text


def test_excel_has_a_row_per_indicator_per_quarter_and_a_column_per_municipality(
    realised: Any,
) -> None:
    content = contents.build(progress_report(realised))
    sheet = xlsx_sheets(documents.render(content, "xlsx"))[INDICATORS]
    header, rows = sheet[0], [r for r in sheet[1:] if r[4] == "7 thematische netwerkbijeenkomsten"]
    column = {title: index for index, title in enumerate(header)}
    assert [r[column["Periode"]] for r in rows] == ["Q1 2021", "Q2 2021", "Q3 2021"]
    to_date = column["Gerealiseerd tot en met de periode"]
    in_period = column["Gerealiseerd in de periode"]
    assert [r[to_date] for r in rows] == [1, 1, 2]
    assert [r[in_period] for r in rows] == [1, 0, 1]
    almere, urk = column["Gerealiseerd: Almere"], column["Gerealiseerd: Urk"]
    assert [(r[almere], r[urk]) for r in rows] == [(1, None), (1, None), (1, 1)]
    assert all(isinstance(r[column["Streefwaarde"]], int | float) for r in rows)


def test_a_realisation_without_a_municipality_has_its_own_column(world: Any) -> None:
    RealisationFactory(indicator=world.indicator, date=dt.date(2021, 2, 1), value=Decimal(3))
    content = contents.build(progress_report(world, quarter=1))
    header = xlsx_sheets(documents.render(content, "xlsx"))[INDICATORS][0]
    assert "Gerealiseerd: geen gemeente" in header
    [item] = content["programmes"][0]["lines"][0]["activities"][0]["outputs"]
    assert item["by_municipality"] == {NO_MUNICIPALITY: "3"}


def test_the_narrative_and_an_override_with_its_reason_reach_every_document(
    realised: Any,
) -> None:
    world = realised
    quarter_report_save(
        actor=world.users["programmacoordinator"],
        activity=world.activity,
        quarter=3,
        values={
            "narrative": "De bijeenkomst in Urk trok veertig deelnemers.",
            "risks": "De zaal in Dronten is nog niet vastgelegd.",
            "status_override": "behind",
            "override_reason": "Twee bijeenkomsten schuiven naar het voorjaar.",
        },
        expected_version=0,
    )
    content = contents.build(progress_report(world))
    word = docx_text(documents.render(content, "docx"))
    assert "De bijeenkomst in Urk trok veertig deelnemers." in word
    assert "De zaal in Dronten is nog niet vastgelegd." in word
    assert "Twee bijeenkomsten schuiven naar het voorjaar." in word
    assert "Achter (berekend:" in word
    pdf = pdf_text(documents.render(content, "pdf"))
    assert "veertig deelnemers" in pdf
    sheets = xlsx_sheets(documents.render(content, "xlsx"))
    header, *rows = sheets[INDICATORS]
    reason = header.index("Reden")
    assert rows[-1][reason] == "Twee bijeenkomsten schuiven naar het voorjaar."
    activities = sheets["Activiteiten"]
    assert activities[1][activities[0].index("Voortgang")] == (
        "De bijeenkomst in Urk trok veertig deelnemers."
    )


def test_the_annual_plan_shows_targets_and_roles_not_realisations(realised: Any) -> None:
    world = realised
    report = services.report_prepare(
        actor=world.users["directeur"], plan=world.plan, kind="annual_plan", year=2021
    )
    content = contents.build(report)
    word = docx_text(documents.render(content, "docx"))
    assert "Jaarplan 2021" in word
    assert "Gesprek & Verbinding" in word
    assert "Netwerkbijeenkomsten organiseren." in word  # the activity's description
    rows = docx_rows(documents.render(content, "docx"))
    [row] = [r for r in rows if r[0] == "7 thematische netwerkbijeenkomsten"]
    assert row == ["7 thematische netwerkbijeenkomsten", "Output", "7"]


def test_the_accountability_report_sets_agreed_against_realised_with_the_evidence(
    realised: Any,
) -> None:
    from tests.funding.factories import GrantFactory

    world = realised
    grant = GrantFactory(
        organisation=world.own, funder=world.province, amount_granted=Decimal("1069937")
    )
    grant.programmes.add(world.programme)
    grant.indicators.create(indicator=world.indicator, year=2021, agreed_target=Decimal(6))
    other = IndicatorFactory(activity=world.activity, title="Niet in de beschikking")
    TargetFactory(indicator=other)
    report = services.report_prepare(
        actor=world.users["directeur"],
        plan=world.plan,
        kind="accountability",
        year=2021,
        grant=grant,
    )
    content = contents.build(report)
    rows = docx_rows(documents.render(content, "docx"))
    [row] = [r for r in rows if r[0] == "7 thematische netwerkbijeenkomsten"]
    assert row[2:5] == ["7", "6", "2"]  # plan's target, agreed target, realised in 2021
    assert not any(r[0] == "Niet in de beschikking" for r in rows)
    evidence = [r for r in rows if r[0] in ("18 maart 2021", "26 augustus 2021")]
    assert [(r[2]) for r in evidence] == ["Almere", "Urk"]
    text = docx_text(documents.render(content, "docx"))
    assert "€\u00a01.069.937,00" in text
    sheets = xlsx_sheets(documents.render(content, "xlsx"))
    assert len(sheets["Bewijs"]) == 3  # header and the two realisations


def test_the_evaluation_dossier_has_the_questions_and_each_year(world: Any) -> None:
    ActivityFactory(programme=world.programme, year=2022, code="PG-2022")
    report = services.report_prepare(
        actor=world.users["directeur"],
        plan=world.plan,
        kind="evaluation",
        year=2021,
        last_year=2022,
        questions=["Levert CMO wat het meerjarenplan belooft?"],
    )
    content = contents.build(report)
    assert [year["year"] for year in content["years"]] == [2021, 2022]
    word = docx_text(documents.render(content, "docx"))
    assert "Levert CMO wat het meerjarenplan belooft?" in word
    assert "Nog niet beantwoord." in word
    assert "Het jaar 2021" in word and "Het jaar 2022" in word
    sheet = xlsx_sheets(documents.render(content, "xlsx"))[INDICATORS]
    assert {row[7] for row in sheet[1:]} == {"2021"}  # 2022's activity has no indicators


@pytest.mark.parametrize("count", [1, 40])
def test_building_a_report_costs_the_same_queries_for_few_or_many_activities(
    world: Any, count: int
) -> None:
    for number in range(count):
        activity = ActivityFactory(programme=world.programme, code=f"X{number}")
        indicator = IndicatorFactory(activity=activity)
        TargetFactory(indicator=indicator)
        RealisationFactory(indicator=indicator, date=dt.date(2021, 2, 1))
    report = progress_report(world)
    with CaptureQueriesContext(connection) as queries:
        contents.build(report)
    assert len(queries) <= 45


def test_evidence_of_hours_counts_the_entries_and_names_no_one(world: Any) -> None:
    from koers.work.models import StaffProfile, TimeEntry
    from tests.funding.factories import GrantFactory

    staff = world.users["medewerker"]
    staff.first_name, staff.last_name = "Marieke", "Oosterhof"
    staff.save()
    StaffProfile.objects.create(user=staff, organisation=world.own)
    hours = IndicatorFactory(
        activity=world.activity,
        title="Uren op de activiteit",
        unit="hours",
        source="derived",
        measure="work.hours_activity",
    )
    TargetFactory(indicator=hours, value=Decimal(100))
    for day in (dt.date(2021, 3, 1), dt.date(2021, 4, 1)):
        TimeEntry.objects.create(
            user=staff,
            organisation=world.own,
            activity=world.activity,
            date=day,
            hours=Decimal("7.5"),
        )
    grant = GrantFactory(organisation=world.own, funder=world.province)
    grant.programmes.add(world.programme)
    grant.indicators.create(indicator=hours, year=2021, agreed_target=Decimal(100))
    report = services.report_prepare(
        actor=world.users["directeur"],
        plan=world.plan,
        kind="accountability",
        year=2021,
        grant=grant,
    )
    content = contents.build(report)
    [item] = content["programmes"][0]["lines"][0]["activities"][0]["outputs"]
    assert item["realised"] == "15"
    assert [(e["value"], e["note"]) for e in item["evidence"]] == [("2", "geteld")]
    for format in ("docx", "pdf", "xlsx"):
        data = documents.render(content, format)
        text = {"docx": docx_text, "pdf": pdf_text}.get(format, lambda d: str(xlsx_sheets(d)))(data)
        assert "Oosterhof" not in text


def test_the_evaluation_lists_only_the_changes_of_the_funders_programmes(world: Any) -> None:
    from koers.plans.models import Amendment, AmendmentStatus

    other = ActivityFactory(programme=world.unfunded_programme, code="AO-9")
    for activity in (world.activity, other):
        Amendment.objects.create(
            annual_plan=world.annual_plan,
            activity=activity,
            field="title",
            old_value="Oud",
            new_value=f"Nieuw {activity.code}",
            reason="Helderder",
            status=AmendmentStatus.APPROVED,
            proposed_by=world.users["directeur"],
        )
    report = services.report_prepare(
        actor=world.users["directeur"], plan=world.plan, kind="evaluation", year=2021
    )
    changes = contents.build(report)["changes"]
    assert [c["new"] for c in changes] == [f"Nieuw {world.activity.code}"]


def test_an_override_stands_on_its_own_quarters_row_only(realised: Any) -> None:
    world = realised
    quarter_report_save(
        actor=world.users["programmacoordinator"],
        activity=world.activity,
        quarter=3,
        values={"status_override": "behind", "override_reason": "Najaar is vol."},
        expected_version=0,
    )
    content = contents.build(progress_report(world))
    header, *rows = xlsx_sheets(documents.render(content, "xlsx"))[INDICATORS]
    reason = header.index("Reden")
    assert [r[reason] for r in rows] == [None, None, "Najaar is vol."]


def test_pasted_control_characters_do_not_break_the_documents(realised: Any) -> None:
    world = realised
    quarter_report_save(
        actor=world.users["programmacoordinator"],
        activity=world.activity,
        quarter=3,
        values={"narrative": "Eerste regel\x0btweede regel\x07"},
        expected_version=0,
    )
    content = contents.build(progress_report(world))
    assert "Eerste regel\ntweede regel" in docx_text(documents.render(content, "docx"))
    assert "Eerste regel" in pdf_text(documents.render(content, "pdf"))
    activities = xlsx_sheets(documents.render(content, "xlsx"))["Activiteiten"]
    assert activities[1][activities[0].index("Voortgang")] == "Eerste regel\ntweede regel"


def test_a_narrative_that_looks_like_a_formula_stays_text_in_excel(realised: Any) -> None:
    import io

    from openpyxl import load_workbook

    world = realised
    quarter_report_save(
        actor=world.users["programmacoordinator"],
        activity=world.activity,
        quarter=3,
        values={"narrative": '=HYPERLINK("http://example.com","klik")'},
        expected_version=0,
    )
    content = contents.build(progress_report(world))
    workbook = load_workbook(io.BytesIO(documents.render(content, "xlsx")))
    cells = [
        c
        for row in workbook["Activiteiten"].iter_rows()
        for c in row
        if c.value and str(c.value).startswith("=")
    ]
    assert [(c.value, c.data_type) for c in cells] == [
        ('=HYPERLINK("http://example.com","klik")', "s")
    ]
