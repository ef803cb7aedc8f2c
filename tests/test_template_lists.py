"""A list written out in a template puts its separator right after the item: "Sport, Natuur",
never "Sport , Natuur". A separator on a line of its own (as a template formatter may leave
it) takes the line break before it along as a space, so this reads every template for one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEMPLATES = sorted(Path(__file__).resolve().parents[1].joinpath("src", "koers").rglob("*.html"))
SEPARATOR_ON_ITS_OWN_LINE = re.compile(r"\n[ \t]*\{% if not forloop\.last %\}[,;·]")


def test_the_templates_are_found() -> None:
    assert len(TEMPLATES) > 100


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p).split("src/koers/")[-1])
def test_a_list_separator_follows_its_item(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    lines = [text[: m.start()].count("\n") + 2 for m in SEPARATOR_ON_ITS_OWN_LINE.finditer(text)]
    assert not lines, f"separator on a line of its own (a space before it) at lines {lines}"
