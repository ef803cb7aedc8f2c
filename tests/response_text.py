"""What a response shows a person, as text: a page, or the text of the document it downloads
(Excel, Word, PDF, iCalendar). Tests that look for what must not be shown read it here, so a
figure hidden in a download is found as surely as one on a page."""

from __future__ import annotations

import io
import re
from typing import Any

URL_ATTRIBUTES = re.compile(r'\s(?:href|src|action|hx-(?:get|post))="[^"]*"')
# Chance, not content: a form's CSRF token and a document's SHA-256 (shown as its first 16
# hex digits) are random, and once spelled a marker figure ("9876" in a report's digest).
HIDDEN_VALUES = re.compile(r'(<input[^>]*type="hidden"[^>]*)\svalue="[^"]*"')
DIGESTS = re.compile(r"\b[0-9a-f]{16,}\b")


def body_of(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def _xlsx(body: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(body), read_only=True)
    cells = [
        str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
    ]
    return "\n".join([*book.sheetnames, *cells])


def _docx(body: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(body))
    parts = [paragraph.text for paragraph in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def _pdf(body: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)


def _geojson(body: bytes) -> str:
    """A map's data: what its features say (names, counts, addresses), not their
    coordinates, whose digits spell any figure by chance (a boundary's "…52468…")."""
    import json

    data = json.loads(body)
    parts = [str(value) for key, value in data.items() if key not in ("features", "type")]
    for feature in data.get("features", []):
        for value in (feature.get("properties") or {}).values():
            parts += [str(item) for item in value] if isinstance(value, list) else [str(value)]
    return "\n".join(parts)


READERS = {
    "geo+json": _geojson,
    "spreadsheetml": _xlsx,
    "wordprocessingml": _docx,
    "pdf": _pdf,
}


def shown_text(response: Any) -> str:
    """The text of `response`: a document's text where it is a document Koers makes, else
    the body as text (HTML, CSV, iCalendar; an uploaded file's own bytes)."""
    kind = response.get("Content-Type", "")
    body = body_of(response)
    for marker, read in READERS.items():
        if marker in kind:
            try:
                return DIGESTS.sub("", read(body))
            except Exception:
                if not body.isascii():
                    raise  # a document Koers made that cannot be read: fail, never pass
                break  # a test's own upload (plain bytes named .pdf): read as it is
    text = body.decode("utf-8", errors="replace")
    if "text/html" in kind:
        # The addresses a page links to are not shown: they carry record ids, which on
        # PostgreSQL count on over a worker's tests and so once spelled a marker figure
        # ("/doelen/1357/" read as the realised 1357 of a programme she does not fund).
        text = HIDDEN_VALUES.sub(r"\1", URL_ATTRIBUTES.sub("", text))
    return DIGESTS.sub("", text)
