"""Parts of a page that an app higher up supplies, so the page's own app need not import it
(as apps register their derived measures with plans): the annual plan's page in `plans`
shows each line's summary table, which `reports` lays out once for the page, Word and PDF.

A page names a slot in its template, `{% load part_tags %}{% page_part "slot" key=value %}`;
an app registers in ready() what it renders there, `register("slot", render)`, where
`render(request, **values)` returns the part's HTML. A slot nobody fills renders nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

Part = Callable[..., SafeString]

_PARTS: dict[str, list[Part]] = {}


def register(slot: str, render: Part) -> None:
    """Render `render` in `slot`, after what was registered there before (once each)."""
    parts = _PARTS.setdefault(slot, [])
    if render not in parts:
        parts.append(render)


def render(slot: str, request: HttpRequest | None, **values: Any) -> SafeString:
    return format_html_join("", "{}", ((part(request, **values),) for part in _PARTS.get(slot, [])))
