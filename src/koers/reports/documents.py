"""A report's content rendered as a document: Word, PDF or Excel, with its file name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils import translation
from django.utils.text import slugify

from koers.core.spreadsheets import XLSX
from koers.reports.models import DocumentFormat
from koers.reports.render import blocks as layout
from koers.reports.render import docx, pdf, xlsx

CONTENT_TYPES: dict[str, str] = {
    DocumentFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    DocumentFormat.PDF: "application/pdf",
    DocumentFormat.XLSX: XLSX,
}
# Documents longer than this many blocks are made by the task worker, with a progress bar;
# shorter ones while the user waits (a quarter's report of one programme is about 150).
INLINE_BLOCKS = 400


def render(
    content: dict[str, Any], format: str, progress: Callable[[int, int], None] | None = None
) -> bytes:
    """The document, in the language the content was built in."""
    with translation.override(content.get("language") or None):
        if format == DocumentFormat.XLSX:
            return xlsx.render(content)
        parts = layout.blocks(content)
        if format == DocumentFormat.DOCX:
            return docx.render(parts, progress)
        return pdf.render(parts, content["title"], progress)


def size(content: dict[str, Any]) -> int:
    """How long the document is, in blocks (what decides inline or by the worker)."""
    return len(layout.blocks(content))


def filename(content: dict[str, Any], format: str, *, sent: bool = False) -> str:
    stem = slugify(content["title"])[:80] or "rapportage"
    return f"{stem}{'' if sent else '-concept'}.{format}"
