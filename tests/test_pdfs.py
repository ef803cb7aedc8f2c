"""Every PDF Koers makes prints Dutch and European names exactly, embeds its fonts, and is
tagged the way PDF/UA asks (veraPDF is not available offline, so the structure is read back
with pypdf): a structure tree with headings, tables with header cells, figures with
alternative text, the document's language, and a title shown as the window's title.

`PDF_MAKERS` lists what writes a PDF; a test fails when a module calls the PDF writer, or a
URL serves a `.pdf`, that is not in it, so a new document cannot skip these checks."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

import koers
from koers.directory.models import Organisation
from koers.plans.services.quarter_reports import quarter_report_save
from koers.reports import content as contents
from koers.reports import documents, services
from koers.reports.render import blocks as layout
from tests.funding.test_views import granted
from tests.reports.conftest import realised  # noqa: F401  (a fixture)

# Names whose letters Helvetica (WinAnsi) does not hold, and a few it does, for good measure.
PERSON = "Şükrü Yılmaz"
ORGANISATION = "Stichting Łódź Ærø"
FUNDER = "Provincie Çelik – Ğ"
INDICATOR = "Huisbezoeken van Zoë"
NAMES = [PERSON, ORGANISATION, FUNDER, INDICATOR]


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _rename(world: Any) -> None:
    Organisation.objects.filter(pk=world.own.pk).update(name=ORGANISATION)
    Organisation.objects.filter(pk=world.province.pk).update(name=FUNDER)
    for cached in (world.own, world.province, world.plan):
        cached.refresh_from_db()
    world.indicator.title = INDICATOR
    world.indicator.save(update_fields=["title"])


def named_report(world: Any) -> Any:
    """The Q3 2021 progress report of an organisation, for a funder, naming a person."""
    _rename(world)
    quarter_report_save(
        actor=world.users["programmacoordinator"],
        activity=world.activity,
        quarter=3,
        values={"narrative": f"Gesprek met {PERSON} over de huisbezoeken."},
        expected_version=0,
    )
    return services.report_prepare(
        actor=world.users["bedrijfsvoering"],
        plan=world.plan,
        kind="progress",
        year=2021,
        quarter=3,
    )


def report_pdf(world: Any) -> bytes:
    return documents.render(contents.build(named_report(world)), "pdf")


def invoice_pdf(world: Any) -> bytes:
    """The invoice of an advance, from an organisation to a funder, on a grant named after a
    person, fetched as the download it is."""
    _rename(world)
    grant = granted(world, title=f"Buurtwerk met {PERSON} en {INDICATOR}")
    advance = grant.advances.order_by("number").first()
    client = world.client("bedrijfsvoering")
    client.post(reverse("funding:advance_update", args=[advance.pk]), {"sent_on": "2021-01-04"})
    response = client.get(reverse("funding:advance_invoice", args=[advance.pk]))
    assert response["Content-Type"] == "application/pdf"
    return bytes(response.content)


# module that calls the PDF writer → (how a test gets its PDF, the URL names serving it)
PDF_MAKERS: dict[str, tuple[Callable[[Any], bytes], set[str]]] = {
    "koers.reports.render.pdf": (report_pdf, set()),  # served as a stored document
    "koers.funding.invoice": (invoice_pdf, {"funding:advance_invoice"}),
}


@pytest.fixture(params=sorted(PDF_MAKERS))
def pdf(request: Any, realised: Any) -> bytes:  # noqa: F811
    make, _urls = PDF_MAKERS[request.param]
    return make(realised)


# --- reading a PDF's structure ---------------------------------------------------------------


def _elements(node: Any) -> Iterator[DictionaryObject]:
    """Every structure element under `node`, depth first."""
    kids = node.get_object().get("/K")
    if kids is None:
        return
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, DictionaryObject) and "/S" in kid:
            yield kid
            yield from _elements(kid)


def _structure(pdf: bytes) -> tuple[DictionaryObject, list[DictionaryObject]]:
    reader = PdfReader(io.BytesIO(pdf))
    catalog = reader.trailer["/Root"]
    return catalog, list(_elements(catalog["/StructTreeRoot"]))


def _kinds(elements: list[DictionaryObject]) -> list[str]:
    return [str(e["/S"]).removeprefix("/") for e in elements]


# --- every PDF -------------------------------------------------------------------------------


def test_every_name_is_printed_exactly(pdf: bytes) -> None:
    text = _text(pdf)
    for name in NAMES:
        assert name in text
    assert "■" not in text


def test_every_font_is_embedded(pdf: bytes) -> None:
    """PDF/UA (and printing at a funder's office) needs the glyphs in the file, not the
    names of fonts the reader may lack."""
    fonts = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                fonts.append(descendant.get_object())
    assert fonts
    for font in fonts:
        descriptor = font["/FontDescriptor"]
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
        assert str(font["/BaseFont"]).split("+")[-1].startswith("Koers-Sans")


def test_every_pdf_is_tagged_with_its_language_and_title(pdf: bytes) -> None:
    catalog, elements = _structure(pdf)
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "nl"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    title = PdfReader(io.BytesIO(pdf)).metadata.title
    assert title and title.strip()
    metadata = catalog["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfuaid:part(="1"|>1<)', metadata)  # it says which standard it meets
    assert f">{title}</rdf:li>" in metadata
    kinds = _kinds(elements)
    assert "H1" in kinds
    assert {"Table", "TR", "TH", "TD"} <= set(kinds)


# --- the report ------------------------------------------------------------------------------


def test_the_reports_structure_has_its_headings_tables_and_chart(realised: Any) -> None:  # noqa: F811
    content = contents.build(named_report(realised))
    pdf = documents.render(content, "pdf")
    _catalog, elements = _structure(pdf)
    kinds = _kinds(elements)
    blocks = layout.blocks(content)
    # Every heading of the blocks at its level (the title H1, a programme H2 …), in order.
    headings = [k for k in kinds if re.fullmatch(r"H\d", k)]
    assert headings == [f"H{b['level'] + 1}" for b in blocks if b["type"] == "heading"]
    assert headings[:4] == ["H1", "H2", "H3", "H4"]
    assert PdfReader(io.BytesIO(pdf)).metadata.title == "Voortgangsrapportage Q3 2021"
    # Every table with its header cells as TH (in a header row), data cells as TD that name
    # their header cells.
    tables = [b for b in blocks if b["type"] == "table"]
    assert tables
    assert kinds.count("Table") == len(tables)
    assert kinds.count("TH") == sum(len(t["header"]) for t in tables)
    assert kinds.count("TD") == sum(len(row) for t in tables for row in t["rows"])
    cells = [e for e in elements if e["/S"] in ("/TH", "/TD")]
    assert all(e["/A"]["/O"] == "/Table" for e in cells)
    assert all(e["/A"]["/Headers"] for e in cells if e["/S"] == "/TD")
    # Every chart is a figure whose alternative text is the description under it.
    figures = [e for e in elements if e["/S"] == "/Figure"]
    descriptions = [b["spec"]["description"] for b in blocks if b["type"] == "chart"]
    assert descriptions
    assert [str(f["/Alt"]) for f in figures] == descriptions
    assert "Positieve Gezondheid" in descriptions[0]


def test_the_report_prints_its_page_number_and_title_in_the_footer(realised: Any) -> None:  # noqa: F811
    text = _text(report_pdf(realised))
    assert "Voortgangsrapportage Q3 2021 pagina 1" in text


# --- the list of PDF makers is complete ------------------------------------------------------


def _pdf_writer_callers() -> set[str]:
    root = Path(koers.__file__).parent
    found = set()
    for path in root.rglob("*.py"):
        if path != root / "core" / "pdf.py" and "html_to_pdf(" in path.read_text():
            module = path.relative_to(root.parent).with_suffix("")
            found.add(".".join(module.parts))
    return found


def _pdf_url_names(resolver: Any = None, namespace: str = "") -> Iterator[str]:
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _pdf_url_names(entry, inner)
        elif isinstance(entry, URLPattern) and str(entry.pattern).endswith(".pdf"):
            yield f"{namespace}{entry.name}"


def test_every_module_that_writes_a_pdf_is_checked_here() -> None:
    assert _pdf_writer_callers() == set(PDF_MAKERS)


def test_every_pdf_url_is_checked_here() -> None:
    checked = set().union(*(urls for _make, urls in PDF_MAKERS.values()))
    assert set(_pdf_url_names()) == checked


def test_no_module_uses_another_pdf_library() -> None:
    """reportlab's built-in fonts cannot print these names and it writes no structure."""
    root = Path(koers.__file__).parent
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if re.search(r"^\s*(from|import) (reportlab|fpdf|pdfkit)", path.read_text(), re.M)
    ]
    assert offenders == []
