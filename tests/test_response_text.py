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
