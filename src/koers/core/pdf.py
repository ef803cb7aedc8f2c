"""The one PDF writer: a page of HTML (a Django template) to a tagged PDF/UA-1 document,
with WeasyPrint.

Why WeasyPrint: a province publishes what it receives, and a published PDF must be
accessible (PDF/UA: a structure tree with headings, tables with header cells, figures with
alternative text, the document's language and title). WeasyPrint writes that structure
from the HTML's own elements (`h1`…, `table`/`th`/`td`, `img alt`, `<html lang>`,
`<title>`), so a document is marked up once, the way the page is. reportlab, which Koers
used before, writes no structure tree at all.

Every character of Dutch and European names is printed (Ş, ı, Ł, Ğ, Æ …): the documents
are set in DejaVu Sans from `core/fonts/` in the repository, embedded as a subset, so no
PDF depends on the fonts a server happens to have.

The HTML is Koers' own, but the text in it is not: the fetcher loads only those fonts and
`data:` images (the charts), never a URL someone typed, so a document cannot make the
server read a file or call another machine.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

FONTS = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "Koers Sans"
# (file, weight, style) of the family every document is set in.
FONT_FILES = (
    ("DejaVuSans.ttf", "normal", "normal"),
    ("DejaVuSans-Bold.ttf", "bold", "normal"),
    ("DejaVuSans-Oblique.ttf", "normal", "italic"),
)
# Kerning and ligatures off: a kerned pair is written as two pieces of text with a gap
# between them, which text extraction (a screen reader's, a search index's) reads as two
# words ("T ekst"); the difference in print is too small to see at these sizes.
BASE_CSS = (
    "".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; src: url("{(FONTS / name).as_uri()}"); '
        f"font-weight: {weight}; font-style: {style}; }}\n"
        for name, weight, style in FONT_FILES
    )
    + f'html {{ font-family: "{FONT_FAMILY}", sans-serif; font-kerning: none; '
    "font-variant-ligatures: none; }\n"
)


def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    class OwnFilesOnly(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file:"):
                path = Path(url.removeprefix("file://").split("?")[0]).resolve()
                if path.parent == FONTS and path.suffix == ".ttf":
                    return super().fetch(url, headers)
            raise ValueError(f"Koers' documents load only their own fonts and images: {url}")

    return OwnFilesOnly(allowed_protocols=("data", "file"))


def html_to_pdf(html: str, stylesheet: str = "") -> bytes:
    """`html`, a whole document with `<html lang>` and `<title>`, as a tagged PDF/UA-1 in
    the document's own fonts. `stylesheet` is the document's CSS (page size, margins,
    running footers: WeasyPrint reads `@page`)."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    fetcher = _fetcher()
    fonts = FontConfiguration()
    css = CSS(string=BASE_CSS + stylesheet, font_config=fonts, url_fetcher=fetcher)
    document = HTML(string=html, url_fetcher=fetcher)
    pdf: bytes = document.write_pdf(stylesheets=[css], font_config=fonts, pdf_variant="pdf/ua-1")
    return pdf
