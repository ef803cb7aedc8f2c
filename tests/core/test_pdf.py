"""The one PDF writer loads nothing but its own fonts and inline images: a document whose
text (or a mistake in a template) names a file or a URL cannot make the server read or call
it."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from koers.core.pdf import FONT_FILES, FONTS, _fetcher, html_to_pdf

PNG = (
    "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
    "+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        (FONTS / ".." / "pdf.py").as_uri(),
        (FONTS / "LICENSE").as_uri(),
        "http://127.0.0.1:8000/",
        "https://example.org/font.ttf",
        "ftp://example.org/x",
    ],
)
def test_the_fetcher_refuses_anything_but_its_fonts_and_data(url: str) -> None:
    with pytest.raises(ValueError):
        _fetcher().fetch(url)


def test_the_fetcher_loads_the_fonts_and_inline_images() -> None:
    for name, _weight, _style in FONT_FILES:
        assert _fetcher().fetch((FONTS / name).as_uri())
    assert _fetcher().fetch(PNG)


def test_a_document_naming_a_file_is_made_without_it() -> None:
    html = (
        '<!DOCTYPE html><html lang="nl"><head><title>Brief aan Ærø</title>'
        '<link rel="stylesheet" href="file:///etc/passwd"></head><body><h1>Brief aan Ærø</h1>'
        '<img src="file:///etc/hostname" alt="x"><img src="' + PNG + '" alt="stip"></body></html>'
    )
    reader = PdfReader(io.BytesIO(html_to_pdf(html)))
    assert "Brief aan Ærø" in reader.pages[0].extract_text()
    assert reader.metadata is not None
    assert reader.metadata.title == "Brief aan Ærø"
