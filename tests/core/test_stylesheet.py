"""The stylesheet is one file that several changes append to; a block that loses its closing
brace in a merge swallows every rule after it without an error anywhere (it happened: the
phone layout of the week grid swallowed the sub-navigation's background). Count the braces,
outside comments and strings."""

from __future__ import annotations

import re
from pathlib import Path

import koers

STYLESHEETS = sorted((Path(koers.__file__).parent / "core" / "static" / "koers").glob("*.css"))


def _unbalanced(css: str) -> list[str]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r'"(?:\\.|[^"\\])*"' + r"|'(?:\\.|[^'\\])*'", '""', css)
    problems, depth = [], 0
    for number, line in enumerate(css.splitlines(), 1):
        for char in line:
            depth += {"{": 1, "}": -1}.get(char, 0)
            if depth < 0:
                problems.append(f"line {number}: a '}}' closes nothing")
                depth = 0
    if depth:
        problems.append(f"{depth} block(s) never closed")
    return problems


def test_the_check_finds_a_block_left_open() -> None:
    assert _unbalanced("@media (x) {\n  .a { color: red; }\n.b { color: blue; }") == [
        "1 block(s) never closed"
    ]
    assert _unbalanced(".a { content: '}'; } /* { */") == []


def test_every_stylesheet_closes_its_blocks() -> None:
    assert STYLESHEETS
    for stylesheet in STYLESHEETS:
        assert _unbalanced(stylesheet.read_text(encoding="utf-8")) == [], stylesheet.name
