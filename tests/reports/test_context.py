"""The context section of the progress and evaluation documents: the key figures chosen for
the goals the report's programmes serve, Flevoland against the Netherlands up to the report's
year, with their source and notes — in Word, PDF and Excel alike."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import timezone

from koers.insight.models import Dataset, FigureNote, KeyFigure, Observation, Topic
from koers.reports import content as contents
from koers.reports import documents, services
from tests.reports.conftest import docx_rows, pdf_text, xlsx_sheets


def with_context(world: Any) -> KeyFigure:
    dataset = Dataset.objects.create(
        source="CBS StatLine",
        table_id="85496NED",
        title="Gezondheid per regio",
        imported_at=timezone.now(),
    )
    topic = Topic.objects.create(dataset=dataset, key="Eenzaam", title="Eenzaam", unit="%")
    for region, period, value in (
        ("PV24", "2020JJ00", 45),
        ("NL01", "2020JJ00", 47),
        ("PV24", "2022JJ00", 49),  # after the report's year
    ):
        Observation.objects.create(
            dataset=dataset, topic=topic, region=region, period=period, value=Decimal(value)
        )
    figure = KeyFigure.objects.create(topic=topic)
    figure.goals.add(world.goal)
    FigureNote.objects.create(
        topic=topic,
        region="PV24",
        period="2020JJ00",
        text="Gemeten voor de coronamaatregelen.",
        organisation=world.own,
        written_at=timezone.now(),
    )
    return figure


def report(world: Any, kind: str = "progress") -> Any:
    extra = {"quarter": 4} if kind == "progress" else {"last_year": 2021}
    return services.report_prepare(
        actor=world.users["bedrijfsvoering"], plan=world.plan, kind=kind, year=2021, **extra
    )


def test_the_progress_report_carries_the_context_of_its_goals_in_every_format(world: Any) -> None:
    with_context(world)
    content = contents.build(report(world))

    [goal] = content["context"]
    assert goal["goal"] == str(world.goal)
    [row] = goal["figures"]
    assert (row["period"], row["flevoland"], row["country"]) == ("2020", "45", "47")
    assert row["notes"] == ["Gemeten voor de coronamaatregelen. (CMO Flevoland)"]
    assert "tabel 85496NED" in row["source"]

    rows = docx_rows(documents.render(content, "docx"))
    assert any(r[:4] == ["Eenzaam (%)", "2020", "45", "47"] for r in rows)
    assert "Gemeten voor de coronamaatregelen." in pdf_text(documents.render(content, "pdf"))
    sheets = xlsx_sheets(documents.render(content, "xlsx"))
    [sheet] = [rows for title, rows in sheets.items() if "85496NED" in str(rows)]
    assert sheet[1][5] == 45  # the number itself, for Excel


def test_a_report_carries_the_notes_of_its_own_organisation_only(world: Any) -> None:
    figure = with_context(world)
    FigureNote.objects.create(
        topic=figure.topic,
        region="PV24",
        period="2020JJ00",
        text="Lezing van een andere organisatie.",
        organisation=world.other_org,
        written_at=timezone.now(),
    )
    [goal] = contents.build(report(world))["context"]
    [row] = goal["figures"]
    assert row["notes"] == ["Gemeten voor de coronamaatregelen. (CMO Flevoland)"]


def test_the_evaluation_dossier_has_it_and_a_report_without_chosen_figures_has_none(
    world: Any,
) -> None:
    dossier = report(world, "evaluation")
    assert contents.build(dossier)["context"] == []
    with_context(world)
    evaluation = contents.build(dossier)
    assert [g["goal"] for g in evaluation["context"]] == [str(world.goal)]
