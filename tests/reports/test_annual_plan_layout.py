"""The annual plan in the seeds' own layout (issue 17, item 5): every line summarised as a
table headed Activiteiten | Output | Outcome — a row per activity with its text, its output
indicators with the year's targets and its outcome — introduced by "Samengevat ziet onze
inzet er als volgt uit:" and followed by the activities' detail; the same in Word, PDF, on
the report's page and on the annual plan's page. The expected tables are read from the
database here, not from the reports code."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from docx import Document
from docx.oxml.ns import qn
from lxml import html as lxml_html
from pypdf import PdfReader

from koers.accounts.models import User
from koers.core.money import euro
from koers.plans.models import Activity, AnnualPlan, Indicator, Plan, Programme, Target
from koers.reports import content as contents
from koers.reports import documents, services
from koers.reports.models import Report
from tests.conftest import verified_client
from tests.plans.factories import ActivityFactory, IndicatorFactory, LineFactory, TargetFactory

HEADER = ["Activiteiten", "Output", "Outcome"]
INTRODUCTION = "Samengevat ziet onze inzet er als volgt uit:"


# --- what the database says each line's table holds -------------------------------------------


def dutch(value: Decimal | None, unit: str) -> str:
    """A target as a Dutch reader expects it in its unit."""
    if value is None:
        return "—"
    if unit == "milestone":
        return "ja" if value >= 1 else "nog niet"
    if unit == "euro":
        return euro(value)
    integral = value == value.to_integral_value()
    text = number_format(value, 0 if integral else 2, use_l10n=True, force_grouping=True)
    return {"percentage": f"{text}%", "hours": f"{text} uur"}.get(unit, text)


def expected_tables(programmes: list[Programme], year: int) -> dict[str, list[list[str]]]:
    """Per line (by the caption that names it; the programme for activities of no line) the
    rows of its table: [activity, outputs, outcome]."""
    targets = dict(
        Target.objects.filter(indicator__activity__programme__in=programmes, year=year).values_list(
            "indicator_id", "value"
        )
    )
    indicators: dict[int, list[Indicator]] = {}
    for indicator in Indicator.objects.filter(
        activity__programme__in=programmes, activity__year=year
    ).order_by("order", "id"):
        indicators.setdefault(indicator.activity_id, []).append(indicator)

    def listed(activity: Activity, kind: str) -> list[str]:
        return [
            f"{i.title}: {dutch(targets.get(i.pk), i.unit)}"
            for i in indicators.get(activity.pk, [])
            if i.kind == kind
        ]

    tables: dict[str, list[list[str]]] = {}
    for activity in (
        Activity.objects.filter(programme__in=programmes, year=year)
        .select_related("line", "programme")
        .order_by(
            "programme__order",
            "programme__code",
            F("line__order").asc(nulls_last=True),
            F("line__code").asc(nulls_last=True),
            "order",
            "code",
        )
    ):
        name = activity.line.title if activity.line else activity.programme.name
        tables.setdefault(f"Activiteiten, output en outcome van {name}", []).append(
            [
                "\n".join(
                    filter(None, [f"{activity.code} {activity.title}", activity.description])
                ),
                "\n".join(listed(activity, "output")),
                "\n".join(filter(None, [activity.outcome, *listed(activity, "outcome")])),
            ]
        )
    return tables


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- reading the documents back ---------------------------------------------------------------


def word_tables(data: bytes) -> dict[str, list[list[str]]]:
    """Each table headed Activiteiten | Output | Outcome, by its caption (Word's alternative
    text), with its rows after the header; the header must repeat on every page, and the
    introduction must stand right above the table."""
    document = Document(io.BytesIO(data))
    body = list(document.element.body.iterchildren())
    found: dict[str, list[list[str]]] = {}
    for table in document.tables:
        header, *rows = [[cell.text for cell in row.cells] for row in table.rows]
        if header != HEADER:
            continue
        first_row = table.rows[0]._tr
        assert first_row.trPr is not None and first_row.trPr.find(qn("w:tblHeader")) is not None
        caption = table._tbl.tblPr.find(qn("w:tblCaption")).get(qn("w:val"))
        before = body[body.index(table._tbl) - 1]
        assert "".join(t.text or "" for t in before.iter(qn("w:t"))) == INTRODUCTION
        assert caption not in found, caption  # one table per line
        found[caption] = rows
    return found


def page_tables(body: str) -> dict[str, list[list[str]]]:
    """Each such table of a page: in a focusable region named by its caption, header cells
    with scope="col", the activity as the row's header."""
    tree = lxml_html.fromstring(body)
    found: dict[str, list[list[str]]] = {}
    for table in tree.iter("table"):
        header = [th.text_content().strip() for th in table.findall("thead/tr/th")]
        if header != HEADER:
            continue
        assert [th.get("scope") for th in table.findall("thead/tr/th")] == ["col"] * 3
        region = table.getparent()
        caption = table.find("caption")
        assert region.get("role") == "region" and region.get("tabindex") == "0"
        assert region.get("aria-labelledby") == caption.get("id")
        rows = []
        for row in table.findall("tbody/tr"):
            cells = list(row)
            assert cells[0].tag == "th" and cells[0].get("scope") == "row"
            rows.append(["\n".join(c.itertext()).strip() for c in cells])
        found[caption.text_content().strip()] = rows
    return found


def same_rows(shown: list[list[str]], expected: list[list[str]]) -> bool:
    """Row for row and cell for cell, whatever the line breaks (<br> on a page)."""
    return [[squeezed(c) for c in row] for row in shown] == [
        [squeezed(c) for c in row] for row in expected
    ]


# --- the demo's annual plan of 2021 -------------------------------------------------------------


@pytest.fixture
def demo(demo_db: dict[str, int]) -> Plan:
    return Plan.objects.get(organisation__slug="cmo-flevoland")  # not the second partner's


def annual_plan_2021(plan: Plan) -> Report:
    return services.report_prepare(
        actor=User.objects.get(username="directeur"), plan=plan, kind="annual_plan", year=2021
    )


def funded(report: Report) -> list[Programme]:
    return list(Programme.objects.filter(plan=report.plan, funders=report.recipient))


def test_the_word_annual_plan_has_each_lines_table_with_its_activities_and_targets(
    demo: Plan,
) -> None:
    report = annual_plan_2021(demo)
    expected = expected_tables(funded(report), 2021)
    assert len(expected) >= 8  # the demo's lines of 2021
    assert sum(len(rows) for rows in expected.values()) >= 40  # the seeds' activities
    with translation.override("nl"):
        word = word_tables(documents.render(contents.build(report), "docx"))
    assert list(word) == list(expected)  # every line, in the plan's order
    for caption, rows in expected.items():
        assert word[caption] == rows, caption


def test_the_table_comes_before_the_detail_of_its_activities(demo: Plan) -> None:
    report = annual_plan_2021(demo)
    document = Document(io.BytesIO(documents.render(contents.build(report), "docx")))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 3")]
    body = list(document.element.body.iterchildren())
    summaries = [t for t in document.tables if [c.text for c in t.rows[0].cells] == HEADER]
    assert len(summaries) >= 8
    for table in summaries:
        first = table.rows[1].cells[0].text.split("\n")[0]
        assert first in headings  # the activity's detail is still there …
        after = body[body.index(table._tbl) + 1 :]
        texts = ["".join(t.text or "" for t in e.iter(qn("w:t"))) for e in after]
        assert next(t for t in texts if t) == first  # … and follows its line's table


def test_the_pdf_annual_plan_prints_each_lines_table_tagged(demo: Plan) -> None:
    from tests.test_pdfs import _kinds, _structure

    report = annual_plan_2021(demo)
    expected = expected_tables(funded(report), 2021)
    with translation.override("nl"):
        pdf = documents.render(contents.build(report), "pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert text.count(INTRODUCTION) == len(expected)
    flat = squeezed(text)
    for caption, rows in expected.items():
        for row in rows:
            # Each cell in one piece and the row's cells side by side, in order.
            assert squeezed("".join(row)) in flat, (caption, row[0])
    _catalog, elements = _structure(pdf)
    kinds = _kinds(elements)
    header_cells = [e for e in elements if e["/S"] == "/TH"]
    data_cells = [e for e in elements if e["/S"] == "/TD"]
    assert kinds.count("Table") >= len(expected)
    assert all("/ID" in e for e in header_cells)
    # The Output and Outcome cells of each activity name two header cells: their column's
    # and the activity's (a header cell with scope="row"); other tables' cells name one.
    rows = sum(len(r) for r in expected.values())
    assert sum(1 for e in data_cells if len(e["/A"]["/Headers"]) == 2) == 2 * rows


def test_the_report_page_shows_each_lines_table(demo: Plan) -> None:
    report = annual_plan_2021(demo)
    expected = expected_tables(funded(report), 2021)
    client = demo_client("directeur")
    body = client.get(reverse("reports:report", args=[report.pk])).content.decode()
    shown = page_tables(body)
    assert list(shown) == list(expected)
    for caption, rows in expected.items():
        assert same_rows(shown[caption], rows), caption
    assert body.count(INTRODUCTION) == len(expected)


def test_the_annual_plan_page_shows_each_lines_table(demo: Plan) -> None:
    annual_plan = AnnualPlan.objects.get(plan=demo, year=2021)
    expected = expected_tables(list(Programme.objects.filter(plan=demo)), 2021)
    body = demo_client("directeur").get(reverse("plans:annual_plan", args=[annual_plan.pk]))
    assert body.status_code == 200
    shown = page_tables(body.content.decode())
    assert list(shown) == list(expected)
    for caption, rows in expected.items():
        assert same_rows(shown[caption], rows), caption


def demo_client(username: str) -> Any:
    return verified_client(User.objects.get(username=username))


# --- the funder's view and the cost, on a plan of our own ----------------------------------------


def a_bigger_year(world: Any, activities: int) -> None:
    """`activities` more activities in two lines and outside them, each with an output and
    an outcome indicator in units of every kind."""
    lines = [LineFactory(programme=world.programme) for _ in range(2)]
    units = ["count", "percentage", "euro", "hours", "milestone"]
    for number in range(activities):
        activity = ActivityFactory(
            programme=world.programme,
            line=lines[number % 2] if number % 3 else None,
            code=f"X{number}",
            outcome=f"Gevolg {number}",
        )
        unit = units[number % len(units)]
        for kind in ("output", "outcome"):
            TargetFactory(
                indicator=IndicatorFactory(
                    activity=activity, kind=kind, unit=unit, title=f"{kind} {number}"
                ),
                value=Decimal("1250.5") if unit == "euro" else Decimal(number % 2 + 1),
            )


def test_every_unit_is_written_the_dutch_way(world: Any) -> None:
    a_bigger_year(world, 10)
    report = services.report_prepare(
        actor=world.users["directeur"], plan=world.plan, kind="annual_plan", year=2021
    )
    expected = expected_tables([world.programme], 2021)
    assert "Activiteiten, output en outcome van Positieve Gezondheid" in expected  # no line
    with translation.override("nl"):
        word = word_tables(documents.render(contents.build(report), "docx"))
    assert word == expected
    cells = "\n".join(c for rows in word.values() for row in rows for c in row)
    for shown in ("1.250,50", "2 uur", "1%", "output 4: ja"):
        assert shown in cells


def test_the_funder_sees_the_tables_of_the_programmes_she_funds(world: Any) -> None:
    a_bigger_year(world, 3)
    ActivityFactory(programme=world.unfunded_programme, title="Voor de regio")
    url = reverse("plans:annual_plan", args=[world.annual_plan.pk])
    staff = page_tables(world.client("directeur").get(url).content.decode())
    funder = page_tables(world.client("opdrachtgever").get(url).content.decode())
    assert list(funder) == list(expected_tables([world.programme], 2021))
    assert set(staff) == set(expected_tables([world.programme, world.unfunded_programme], 2021))
    assert set(funder) < set(staff)


def test_building_the_annual_plan_costs_the_same_queries_for_the_demo(
    demo: Plan, django_assert_max_num_queries: Any
) -> None:
    report = annual_plan_2021(demo)
    # A query per kind of record and per derived measure in use (the atlas's count of
    # initiatives is one since issue 18; the pool's available carers and nurses, one query
    # for both, and Sterk in je Werk's trajectories two more since issue 19; client support's
    # unique clients per month one since issue 20), none per activity.
    with django_assert_max_num_queries(28):
        contents.build(report)


@pytest.mark.parametrize("activities", [10, 200])
def test_building_the_annual_plan_does_not_grow_with_its_activities(
    world: Any, activities: int, django_assert_max_num_queries: Any
) -> None:
    a_bigger_year(world, activities)
    report = services.report_prepare(
        actor=world.users["directeur"], plan=world.plan, kind="annual_plan", year=2021
    )
    with django_assert_max_num_queries(17):  # the same for 10 activities as for 200
        content = contents.build(report)
    assert sum(len(line["activities"]) for line in content["programmes"][0]["lines"]) > activities


@pytest.mark.parametrize("activities", [10, 200])
def test_the_annual_plan_page_does_not_grow_with_its_activities(
    world: Any, activities: int
) -> None:
    a_bigger_year(world, activities)
    client = world.client("directeur")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("plans:annual_plan", args=[world.annual_plan.pk]))
    assert response.status_code == 200
    # The same for 10 activities as for 200; the plan's milestones (their own list) take one.
    assert len(queries) <= 15
