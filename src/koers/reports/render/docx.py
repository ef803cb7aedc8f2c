"""Blocks to Word (python-docx): the document funders edit. Styles are Word's own (Title,
Heading 1–3, Table Grid), so the director can restyle it with her organisation's theme,
and a paragraph is a paragraph, not a text box.

Tables are written as WordprocessingML directly rather than cell by cell through
python-docx's objects, which look up the grid and the style again for every cell: a
quarter's report has a few thousand cells, and that took four seconds instead of a tenth.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _

from koers.core.text import xml_safe
from koers.reports import charts
from koers.reports.render.blocks import Block

Progress = Callable[[int, int], None]
TEXT_WIDTH = 9500  # twentieths of a point between the margins of an A4 page at 2.2 cm
HEADING_STYLES = ["Title", "Heading1", "Heading2", "Heading3"]


def _cell(text: str, width: int, *, bold: bool = False, right: bool = False) -> str:
    paragraph = '<w:pPr><w:jc w:val="right"/></w:pPr>' if right else ""
    run = "<w:rPr><w:b/></w:rPr>" if bold else ""
    lines = "<w:br/>".join(
        f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in xml_safe(text).split("\n")
    )
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        f"<w:p>{paragraph}<w:r>{run}{lines}</w:r></w:p></w:tc>"
    )


def _table(
    header: list[str] | None,
    rows: list[list[str]],
    widths: list[int],
    *,
    numeric: set[int],
    style: str | None,
    bold_first: bool = False,
    caption: str = "",
) -> Any:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    parts = []
    if header:
        cells = "".join(_cell(t, w, bold=True) for t, w in zip(header, widths, strict=True))
        parts.append(f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{cells}</w:tr>")
    for row in rows:
        cells = "".join(
            _cell(value, width, bold=bold_first and i == 0, right=i in numeric)
            for i, (value, width) in enumerate(zip(row, widths, strict=True))
        )
        parts.append(f"<w:tr>{cells}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    look = f'<w:tblStyle w:val="{style}"/>' if style else ""
    # Word's alternative text of a table (its title), which a screen reader announces.
    title = f"<w:tblCaption w:val={quoteattr(xml_safe(caption))}/>" if caption else ""
    return parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr>{look}<w:tblW w:w="0" w:type="auto"/>{title}</w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(parts)}</w:tbl>"
    )


def _widths(columns: int, shares: list[int] | None = None) -> list[int]:
    """The columns' widths: as the block asks (percentages), else the first column half
    the text's width (a third with more than three columns) and the rest in equal parts."""
    if shares:
        return [TEXT_WIDTH * share // 100 for share in shares]
    if columns == 1:
        return [TEXT_WIDTH]
    first = TEXT_WIDTH * (34 if columns > 3 else 50) // 100
    rest = (TEXT_WIDTH - first) // (columns - 1)
    return [first] + [rest] * (columns - 1)


def render(blocks: list[Block], progress: Progress | None = None) -> bytes:
    from docx import Document
    from docx.shared import Cm, Pt

    document = Document()
    normal: Any = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10.5)
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.2)
    body = document.element.body

    def paragraph(
        text: str, *, style: str | None = None, bold: bool = False, italic: bool = False
    ) -> Any:
        added = document.add_paragraph()
        if style:
            added._p.get_or_add_pPr().style = style  # the style's id: no lookup by name
        run = added.add_run(xml_safe(text))
        run.bold, run.italic = bold or None, italic or None
        return added

    for number, block in enumerate(blocks):
        kind = block["type"]
        if kind == "heading":
            paragraph(block["text"], style=HEADING_STYLES[min(block["level"], 3)])
        elif kind == "text":
            style = block["style"]
            paragraph(block["text"], bold=style in ("label", "lead"), italic=style == "note")
        elif kind == "facts" and block["items"]:
            body._insert_tbl(
                _table(
                    None,
                    block["items"],
                    [2700, TEXT_WIDTH - 2700],
                    numeric=set(),
                    style=None,
                    bold_first=True,
                )
            )
            document.add_paragraph()
        elif kind == "table":
            if block["caption"] and not block.get("caption_hidden"):
                paragraph(block["caption"], bold=True)
            columns = len(block["header"])
            body._insert_tbl(
                _table(
                    block["header"],
                    block["rows"],
                    _widths(columns, block.get("widths")),
                    numeric=set(block["numeric"]),
                    style="TableGrid",
                    caption=block["caption"],
                )
            )
            document.add_paragraph()
        elif kind == "chart":
            description = xml_safe(block["spec"]["description"])
            picture = document.add_picture(io.BytesIO(charts.png(block["spec"])), width=Cm(16.2))
            # Word's alternative text (what a screen reader says, and what Word's
            # accessibility check asks for): the description the caption below gives too.
            picture._inline.docPr.set("descr", description)
            picture._inline.docPr.set("title", _("Chart"))
            paragraph(description, italic=True)
        elif kind == "pagebreak":
            document.add_page_break()
        if progress is not None:
            progress(number + 1, len(blocks))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
