"""Blocks to PDF (reportlab's platypus): the document funders file. A4, page numbers and
the report's title in the footer, tables that repeat their header across pages, charts
as the same images Word gets."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _

from koers.core.text import xml_safe
from koers.reports import charts
from koers.reports.render.blocks import Block

Progress = Callable[[int, int], None]


def _paragraph(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(xml_safe(text)).replace("\n", "<br/>"), style)


def render(blocks: list[Block], title: str, progress: Progress | None = None) -> bytes:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        Image,
        PageBreak,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    # Images as binary streams, not ASCII85 text: a fifth smaller and a second faster for a
    # report with charts (rl-accel, the C accelerators, does the rest).
    rl_config.useA85 = 0
    sheet = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=sheet["BodyText"], fontSize=9.5, leading=12.5)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=10.5)
    right = ParagraphStyle("right", parent=small, alignment=TA_RIGHT)
    styles = {
        "normal": body,
        "lead": ParagraphStyle("lead", parent=body, fontName="Helvetica-Bold"),
        "label": ParagraphStyle("label", parent=body, fontName="Helvetica-Bold", spaceAfter=0),
        "note": ParagraphStyle(
            "note", parent=body, fontName="Helvetica-Oblique", textColor="#4f5b66"
        ),
    }
    headings = [sheet["Title"], sheet["Heading1"], sheet["Heading2"], sheet["Heading3"]]
    width = A4[0] - 4 * cm
    story: list[Any] = []
    for number, block in enumerate(blocks):
        kind = block["type"]
        if kind == "heading":
            story.append(_paragraph(block["text"], headings[min(block["level"], 3)]))
        elif kind == "text":
            story.append(_paragraph(block["text"], styles.get(block["style"], body)))
        elif kind == "facts":
            rows = [
                [_paragraph(label, styles["label"]), _paragraph(value, body)]
                for label, value in block["items"]
            ]
            if rows:
                grid = Table(rows, colWidths=[4.5 * cm, width - 4.5 * cm])
                grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
                story += [grid, Spacer(1, 6)]
        elif kind == "table":
            if block["caption"]:
                story.append(_paragraph(block["caption"], styles["label"]))
            numeric = set(block["numeric"])
            header = [_paragraph(title, styles["label"]) for title in block["header"]]
            rows = [
                [_paragraph(value, right if i in numeric else small) for i, value in enumerate(row)]
                for row in block["rows"]
            ]
            columns = len(block["header"])
            first = width * (0.34 if columns > 3 else 0.5)
            rest = (width - first) / max(columns - 1, 1)
            grid = Table([header, *rows], colWidths=[first] + [rest] * (columns - 1), repeatRows=1)
            grid.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#c9d1d9")),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f3f5f7")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ]
                )
            )
            story += [grid, Spacer(1, 8)]
        elif kind == "chart":
            image = io.BytesIO(charts.png(block["spec"]))
            from reportlab.lib.utils import ImageReader

            w, h = ImageReader(image).getSize()
            image.seek(0)
            # Within the frame both ways (a chart is at most a page tall by construction).
            scale = min(1.0, (width * 0.9) / (w / 2), (A4[1] - 6 * cm) / (h / 2))
            story += [Image(image, width=w / 2 * scale, height=h / 2 * scale), Spacer(1, 6)]
        elif kind == "pagebreak" and story:
            story.append(PageBreak())
        if progress is not None:
            progress(number + 1, len(blocks) * 2)  # building is half the work, laying out the rest

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.HexColor("#4f5b66"))
        canvas.drawString(2 * cm, 1.2 * cm, title[:110])
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, _("page %(page)s") % {"page": doc.page})
        canvas.restoreState()

    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=title,
        author="Koers",
    )
    document.build(story, onFirstPage=footer, onLaterPages=footer)
    if progress is not None:
        progress(1, 1)
    return out.getvalue()
