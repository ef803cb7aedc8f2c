"""What a page shows is its text, not the addresses it links to (they carry record ids)."""

from __future__ import annotations

from django.http import HttpResponse

from tests.response_text import shown_text


def test_a_pages_links_are_not_what_it_shows() -> None:
    page = HttpResponse(
        '<a href="/doelen/1357/">Doel</a> <form action="/x/2468/"></form> <td>1357</td>',
        content_type="text/html; charset=utf-8",
    )
    shown = shown_text(page)
    assert "/doelen/1357/" not in shown and "2468" not in shown
    assert "<td>1357</td>" in shown  # a figure on the page still counts


def test_random_tokens_are_not_what_it_shows() -> None:
    """A CSRF token and a document's digest are chance; a figure beside them still counts."""
    page = HttpResponse(
        '<input type="hidden" name="csrfmiddlewaretoken" value="ab9876cd">'
        "<p>SHA-256 <code>0f3a98769b2c4d1e…</code></p> <td>9876</td>",
        content_type="text/html; charset=utf-8",
    )
    shown = shown_text(page)
    assert "ab9876cd" not in shown and "0f3a98769b2c4d1e" not in shown
    assert "<td>9876</td>" in shown
