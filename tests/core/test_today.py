""" "Today" is Koers's today: `timezone.localdate()`, the date in TIME_ZONE (Europe/Amsterdam),
never `date.today()`, the server clock's date. Between midnight in Amsterdam and midnight UTC
the two differ, and a test that took the one against code that takes the other failed each
night (the re-engagement tests did, at 23:51 UTC). This test reads every module of Koers and
of its tests; before the fix it found 22 calls in 12 modules."""

from __future__ import annotations

import ast
from pathlib import Path

import koers

ROOTS = [Path(koers.__file__).parent, Path(__file__).resolve().parents[1]]


def _date_today_calls(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "today"
        and isinstance(node.func.value, ast.Attribute | ast.Name)
        and (getattr(node.func.value, "attr", None) or getattr(node.func.value, "id", "")) == "date"
    ]


def test_no_module_takes_the_server_clock_s_date() -> None:
    modules = [p for root in ROOTS for p in root.rglob("*.py") if "migrations" not in p.parts]
    offenders = {str(p): lines for p in modules if (lines := _date_today_calls(p))}
    assert len(modules) > 500
    assert offenders == {}


def _utc_dates(path: Path) -> list[int]:
    """`.date()` of a moment (`now`, `*_at`, `timezone.now()`): its date in UTC, which is not
    Amsterdam's date for an hour or two each night; `timezone.localdate(moment)` is."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    tree = ast.parse(text)
    found = []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "date"
            and not node.args
        ):
            continue
        moment = node.func.value
        name = getattr(moment, "id", None) or getattr(moment, "attr", None) or ""
        is_now_call = isinstance(moment, ast.Call) and getattr(moment.func, "attr", "") == "now"
        # A moment already in local time says so on its line.
        said_local = "# a local moment" in lines[node.lineno - 1]
        if (name == "now" or name.endswith("_at") or is_now_call) and not said_local:
            found.append(node.lineno)
    return found


def test_no_module_takes_the_utc_date_of_a_moment() -> None:
    """Before the fix: 10 in 6 modules (a candidate's last contact, a sign-up's day, an
    initiative's confirmation, a link's expiry in its mail, a decided amendment's date in
    reports, the demo's placements; and the engine's, already local, now marked so)."""
    modules = [p for p in ROOTS[0].rglob("*.py") if "migrations" not in p.parts]
    offenders = {str(p): lines for p in modules if (lines := _utc_dates(p))}
    assert offenders == {}
