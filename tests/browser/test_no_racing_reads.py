"""The browser tests assert with Playwright's waiting assertions, never with a one-off read.

A click, a press or a submit that opens a new page or lets htmx swap a part returns before
the new content is there. A read taken at once (`locator.count()`, `is_visible()`,
`inner_text()`, `page.url` …) sees the old page, so `assert link.count() == 1` fails when the
machine is busy and passes when it is not (it did: test_directory's dry-run import).
`expect(locator).to_have_count(1)` and its kin retry until the page agrees or time runs out.

This test reads tests/browser/*.py with `ast` (no Chromium: it is not marked `browser`) and
fails on any such read inside an `assert`, or standing alone as a statement (an assertion
whose `assert` was lost), naming file and line and the waiting assertion to use instead.
"""

from __future__ import annotations

import ast
from pathlib import Path

BROWSER_TESTS = Path(__file__).resolve().parent
REPOSITORY = BROWSER_TESTS.parents[1]

# Locator and page reads that answer at once with what is there now, and the expect()
# assertion that waits for the answer instead.
RACING_READS = {
    "count": "expect(locator).to_have_count(n)",
    "is_visible": "expect(locator).to_be_visible()",
    "is_hidden": "expect(locator).to_be_hidden()",
    "is_checked": "expect(locator).to_be_checked()",
    "is_enabled": "expect(locator).to_be_enabled()",
    "is_disabled": "expect(locator).to_be_disabled()",
    "is_editable": "expect(locator).to_be_editable()",
    "inner_text": "expect(locator).to_have_text(...) / to_contain_text(...)",
    "text_content": "expect(locator).to_have_text(...) / to_contain_text(...)",
    "input_value": "expect(locator).to_have_value(...)",
    "get_attribute": "expect(locator).to_have_attribute(name, value)",
    "all_inner_texts": "expect(locator).to_have_text([...])",
    "all_text_contents": "expect(locator).to_have_text([...])",
}
# `page.url` read in an assert: the address of whichever page is there now.
RACING_ATTRIBUTES = {"url": "expect(page).to_have_url(...)"}


def _racing_reads(node: ast.AST) -> list[tuple[int, str, str]]:
    """(line, the read, what to use instead) for every racing read under `node`."""
    found = []
    for child in ast.walk(node):
        if (
            isinstance(child, ast.Call)
            and isinstance(child.func, ast.Attribute)
            and child.func.attr in RACING_READS
        ):
            name = child.func.attr
            found.append((child.lineno, f".{name}()", RACING_READS[name]))
        elif (
            isinstance(child, ast.Attribute)
            and child.attr in RACING_ATTRIBUTES
            and isinstance(child.ctx, ast.Load)
        ):
            found.append((child.lineno, f".{child.attr}", RACING_ATTRIBUTES[child.attr]))
    return found


def offences_in(source: str, filename: str) -> list[str]:
    """Every racing read asserted on (or read and dropped) in one module's source."""
    offences: set[tuple[int, str]] = set()
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Assert):
            checked: ast.AST = node.test
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            # A read standing alone: only the read itself, not the arguments of a call
            # such as `follow(page, link)`.
            call = node.value
            is_read = isinstance(call.func, ast.Attribute) and call.func.attr in RACING_READS
            if not is_read:
                continue
            checked = call
        else:
            continue
        for line, read, instead in _racing_reads(checked):
            offences.add((line, f"{read} is read once, not waited for; use {instead}"))
    return [f"{filename}:{line}: {message}" for line, message in sorted(offences)]


def _browser_test_modules() -> list[Path]:
    return sorted(BROWSER_TESTS.glob("*.py"))


def test_no_browser_test_asserts_on_a_read_that_does_not_wait() -> None:
    offences = []
    for path in _browser_test_modules():
        name = path.relative_to(REPOSITORY).as_posix()
        offences += offences_in(path.read_text(encoding="utf-8"), name)
    assert not offences, "\n".join(offences)


def test_the_guard_sees_the_reads_that_raced() -> None:
    """The guard can fail: the read that raced in CI, and its kin, are caught; the waiting
    forms and reads outside an assert are not."""
    racing = """
assert page.get_by_role("link", name="Buurthuis De Proefrun").count() == 1
assert page.locator(".demo-banner").is_visible()
assert not menu.is_visible()
assert "geplaatst" in page.locator("#comments-status").inner_text()
assert "/beheer/" in page.url
page.get_by_role("link", name="Netwerk").count()
"""
    found = offences_in(racing, "example.py")
    assert [offence.split(":")[1] for offence in found] == ["2", "3", "4", "5", "6", "7"]
    assert "to_have_count" in found[0] and "to_have_url" in found[4]

    waiting = """
expect(page.get_by_role("link", name="Buurthuis De Proefrun")).to_have_count(1)
expect(page.locator(".demo-banner")).to_be_visible()
expect(page).to_have_url(base + "/beheer/")
follow(page, page.get_by_role("link", name="Netwerk"))
if page.locator("details.entry").count():
    pass
assert axe_violations(page) == []
"""
    assert offences_in(waiting, "example.py") == []


def test_the_guard_reads_every_browser_test() -> None:
    names = {path.name for path in _browser_test_modules()}
    assert {"conftest.py", "test_directory.py", "test_no_racing_reads.py"} <= names
