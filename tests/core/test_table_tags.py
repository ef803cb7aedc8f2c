"""Tables scroll inside a named, focusable region of their own, never the page (issue 16, item 6).

`{% scroll_table %}` (core/templatetags/table_tags.py) is the one way to show a table; a
template that writes a bare <table> is listed here with its reason, or the test fails.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory

import koers

# Tables that are not shown to a phone user as a page of the application, or never wider
# than a phone: each with its reason. By file name, so that a template moving to another
# app (the persons' and organisations' pages move to directory/ on main) keeps its entry.
BARE_TABLES_ALLOWED = {
    # A printed attendance list, on paper.
    "attendance_list.html",
    # The placeholders of a quote template: two narrow columns.
    "quote_template.html",
    # Two records side by side before a merge: three columns of short values.
    "person_merge.html",
    # The columns an import expects, and an import's rejected rows: in a .table-scroll
    # already or two/three narrow columns.
    "import_upload.html",
    "import_report.html",
    "checked_table.html",
    # A block of a report, rendered as in Word and PDF: on the page a table with a caption
    # is in {% scroll_table %}; the bare one is the PDF's (print), or a table without a
    # caption inside .table-scroll.
    "block.html",
    # The invoice of an advance as a PDF (A4, core.pdf): paper, never a phone's screen, and
    # a tagged PDF wants a plain table for its structure tree.
    "invoice_pdf.html",
}

SOURCE = Path(koers.__file__).parent


def render(text: str, **context: object) -> lxml.html.HtmlElement:
    request = RequestFactory().get("/")
    html = Template("{% load table_tags %}" + text).render(Context({"request": request, **context}))
    return lxml.html.fromstring(f"<div>{html}</div>")


def test_the_table_sits_in_a_focusable_region_named_by_its_caption() -> None:
    page = render(
        '{% scroll_table "Events" class="table table--compact" %}'
        "<tbody><tr><td>1</td></tr></tbody>{% endscroll_table %}"
    )
    region = page.xpath("//div[@role='region']")[0]
    assert region.get("tabindex") == "0"
    assert region.get("class") == "table-region"
    table = region.xpath("./table")[0]
    assert table.get("class") == "table table--compact"
    caption = table.xpath("./caption")[0]
    assert caption.text_content() == "Events"
    assert region.get("aria-labelledby") == caption.get("id")
    assert caption.get("class") is None
    assert table.xpath("./tbody/tr/td")[0].text == "1"


def test_tables_with_the_same_caption_get_ids_of_their_own() -> None:
    page = render(
        '{% scroll_table "Advances" hidden=True %}{% endscroll_table %}'
        '{% scroll_table "Advances" hidden=True %}{% endscroll_table %}'
    )
    regions = page.xpath("//div[@role='region']")
    ids = [region.get("aria-labelledby") for region in regions]
    assert len(set(ids)) == 2
    for region, ident in zip(regions, ids, strict=True):
        caption = page.xpath(f"//caption[@id='{ident}']")[0]
        assert caption.get("class") == "visually-hidden"
        assert caption.getparent().getparent() is region


def test_the_caption_is_escaped() -> None:
    page = render("{% scroll_table name %}{% endscroll_table %}", name="<b>x</b>")
    assert page.xpath("//caption")[0].text_content() == "<b>x</b>"


@pytest.mark.parametrize("tag", ["{% scroll_table %}", '{% scroll_table "x" colour="red" %}'])
def test_a_misused_tag_fails_when_the_template_is_loaded(tag: str) -> None:
    with pytest.raises(TemplateSyntaxError):
        Template("{% load table_tags %}" + tag + "{% endscroll_table %}")


def test_every_table_of_the_application_uses_scroll_table() -> None:
    bare = sorted(
        path
        for path in SOURCE.glob("**/templates/**/*.html")
        if "<table" in path.read_text() and "/admin/" not in str(path)
    )
    unexpected = [str(p.relative_to(SOURCE)) for p in bare if p.name not in BARE_TABLES_ALLOWED]
    assert not unexpected, f"a bare <table>, not in {{% scroll_table %}}: {unexpected}"
    stale = BARE_TABLES_ALLOWED - {path.name for path in bare}
    assert not stale, f"no longer holds a bare table, remove from the list: {stale}"
