"""Blocks to PDF: the document funders file and a province publishes. The blocks are
rendered as the page renders them (`reports/blocks.html`), and WeasyPrint turns that HTML
into a tagged PDF/UA-1 document (`koers.core.pdf`): headings, tables with header cells
that repeat across pages, charts as figures with their description as alternative text,
the document's language and title. A4, the report's title and the page number in the
footer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from koers.core.pdf import html_to_pdf
from koers.core.text import xml_safe
from koers.reports import charts
from koers.reports.render.blocks import Block

Progress = Callable[[int, int], None]
STYLESHEET = (Path(__file__).parent / "pdf.css").read_text(encoding="utf-8")


def _css_string(text: str) -> str:
    """`text` as a quoted CSS string."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _printable(block: Block) -> Block:
    """The block with every text free of characters XML cannot hold (a pasted control
    character would otherwise stop the whole document), and a chart with its image."""
    if block["type"] == "chart":
        return {**block, "image": charts.data_uri(block["spec"])}
    if block["type"] == "text" or block["type"] == "heading":
        return {**block, "text": xml_safe(block["text"])}
    if block["type"] == "facts":
        return {**block, "items": [[xml_safe(a), xml_safe(b)] for a, b in block["items"]]}
    if block["type"] == "table":
        return {
            **block,
            "caption": xml_safe(block["caption"]),
            "header": [xml_safe(title) for title in block["header"]],
            "rows": [[xml_safe(value) for value in row] for row in block["rows"]],
        }
    return block


def render(blocks: list[Block], title: str, progress: Progress | None = None) -> bytes:
    """The PDF of `blocks`, in the active language (its labels and its /Lang)."""
    language = get_language() or "nl"
    html = render_to_string(
        "reports/pdf.html",
        {
            "blocks": [_printable(block) for block in blocks],
            "title": xml_safe(title),
            "language": language,
        },
    )
    if progress is not None:
        progress(1, 2)  # the markup is made; laying it out is the rest
    label = _css_string(_("page") + " ")
    page_number = f"@page {{ @bottom-right {{ content: {label} counter(page) }} }}"
    pdf = html_to_pdf(html, STYLESHEET + page_number)
    if progress is not None:
        progress(1, 1)
    return pdf
