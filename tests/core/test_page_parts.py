"""koers.core.page_parts: a page's slot shows what the apps registered for it, in order, once
each, and nothing where nobody registered."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import Context, Template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from koers.core import page_parts


@pytest.fixture
def slot(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(page_parts, "_PARTS", {})
    return "test.slot"


def greeting(request: Any, *, name: str) -> SafeString:
    return format_html("<p>{}</p>", name)


def farewell(request: Any, *, name: str) -> SafeString:
    return format_html("<p>bye {}</p>", name)


def render(slot: str, name: str) -> str:
    template = Template("{% load part_tags %}{% page_part slot name=name %}")
    return template.render(Context({"slot": slot, "name": name}))


def test_a_slot_nobody_fills_renders_nothing(slot: str) -> None:
    assert render(slot, "Zoë") == ""


def test_the_parts_render_in_order_once_each_and_escape_what_they_are_given(slot: str) -> None:
    page_parts.register(slot, greeting)
    page_parts.register(slot, farewell)
    page_parts.register(slot, greeting)
    assert render(slot, "<b>Zoë</b>") == (
        "<p>&lt;b&gt;Zoë&lt;/b&gt;</p><p>bye &lt;b&gt;Zoë&lt;/b&gt;</p>"
    )


def test_the_annual_plan_page_has_its_part_from_the_reports() -> None:
    from koers.reports.parts import ANNUAL_PLAN_ACTIVITIES, annual_plan_lines

    assert page_parts._PARTS[ANNUAL_PLAN_ACTIVITIES] == [annual_plan_lines]
