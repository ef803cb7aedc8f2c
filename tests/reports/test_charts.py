"""The charts of a report: every label written out whole and inside the image (read from the
boxes the drawing records for its texts), and in Word with its alternative text."""

from __future__ import annotations

import io
import itertools
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn

from koers.reports import charts, documents, services
from koers.reports import content as contents
from koers.reports.render import blocks as layout

LONG_LABEL = (
    "PG-1.1 Aantal huisbezoeken door Şükrü Yılmaz en Zoë Çelik bij ouderen in Łódź, Ærø en "
    "de kernen van de Noordoostpolder, samen met de vrijwilligers van de buurt"
)
ONE_LONG_WORD = "Ervaringsdeskundigheidsbevorderingsprogrammaonderdeel"


def hostile_spec(reference: int | None) -> dict[str, Any]:
    """Labels longer than the label column, a word longer than it, a legend wider than the
    chart, and amounts whose tick labels are wide."""
    return {
        "description": "Een grafiek",
        "axis": "euro" if reference is None else "procent van de streefwaarde",
        "maximum": 150 if reference else 1_234_567,
        "reference": reference,
        "rows": [
            {"label": LONG_LABEL, "bars": [[40.0, "#2c6e8f"]], "mark": 60.0},
            {"label": ONE_LONG_WORD, "bars": [[150.0, "#1e6b34"], [20.0, "#9fb3c8"]], "mark": None},
            {"label": "Kort", "bars": [[0.0, "#a3271b"]], "mark": None},
        ],
        "legend": [
            ["Behaald volgens de afspraken met de provincie", "#1e6b34"],
            ["Op koers voor het moment van het jaar", "#2c6e8f"],
            ["Achter op wat nu verwacht wordt", "#a3271b"],
            ["Geen streefwaarde", "#8a949e"],
        ],
    }


def assert_nothing_is_cut_off(spec: dict[str, Any]) -> None:
    drawing = charts.draw(spec)
    width, height = drawing.image.size
    for text, (x0, y0, x1, y1) in drawing.texts:
        assert x0 >= 0 and x1 <= width and y0 >= 0 and y1 <= height, text
        assert "…" not in text
    # The label column holds every row's label whole, in order, and stays left of the plot.
    column = [(t, box) for t, box in drawing.texts if box[0] < charts.PAD * 2 * charts.SCALE]
    labels = [t for t, _box in column]
    assert "".join(labels).replace(" ", "") == "".join(
        row["label"].replace(" ", "") for row in spec["rows"]
    )
    plot_left = charts.LABELS * charts.SCALE
    assert all(box[2] <= plot_left for _t, box in column)
    # No text runs into another: the lines of a wrapped label, the legend, the ticks.
    for (a, box_a), (b, box_b) in itertools.combinations(drawing.texts, 2):
        apart = (
            box_a[2] <= box_b[0]
            or box_b[2] <= box_a[0]
            or box_a[3] <= box_b[1]
            or box_b[3] <= box_a[1]
        )
        assert apart, (a, b)
    legend = {t for t, _box in drawing.texts}
    assert {label for label, _colour in spec["legend"]} <= legend


@pytest.mark.parametrize("reference", [100, None], ids=["percent", "euro"])
def test_long_labels_wrap_and_nothing_is_cut_off(reference: int | None) -> None:
    assert_nothing_is_cut_off(hostile_spec(reference))


def test_a_long_label_makes_its_row_taller_not_the_chart_wider() -> None:
    short = charts.draw({**hostile_spec(100), "rows": hostile_spec(100)["rows"][2:]})
    long = charts.draw(hostile_spec(100))
    assert long.image.size[0] == short.image.size[0] == charts.WIDTH * charts.SCALE
    assert long.image.size[1] > short.image.size[1]


def _progress_content(world: Any) -> dict[str, Any]:
    report = services.report_prepare(
        actor=world.users["bedrijfsvoering"], plan=world.plan, kind="progress", year=2021, quarter=3
    )
    return contents.build(report)


def test_every_chart_of_a_report_shows_its_labels_whole(realised: Any) -> None:
    realised.indicator.title = LONG_LABEL
    realised.indicator.save(update_fields=["title"])
    specs = [b["spec"] for b in layout.blocks(_progress_content(realised)) if b["type"] == "chart"]
    assert specs
    for spec in specs:
        assert_nothing_is_cut_off(spec)


def test_the_chart_in_word_has_its_alternative_text(realised: Any) -> None:
    content = _progress_content(realised)
    descriptions = [
        b["spec"]["description"] for b in layout.blocks(content) if b["type"] == "chart"
    ]
    document = Document(io.BytesIO(documents.render(content, "docx")))
    pictures = document.element.body.findall(".//" + qn("wp:docPr"))
    assert [p.get("descr") for p in pictures] == descriptions
    assert {p.get("title") for p in pictures} == {"Grafiek"}
