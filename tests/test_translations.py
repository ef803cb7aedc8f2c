"""The Dutch catalogue is complete, valid and compiled: no English leaks into the Dutch UI."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import koers

PACKAGE = Path(koers.__file__).parent
PO = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


def msgids(po_text: str) -> set[str]:
    ids = set()
    for block in re.findall(r'^msgid ((?:".*"\n)+)', po_text, re.M):
        ids.add("".join(re.findall(r'"(.*)"', block)))
    ids.discard("")
    return ids


def test_every_message_is_translated_and_none_is_fuzzy() -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(PO)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "untranslated" not in result.stderr
    assert "fuzzy" not in result.stderr


def test_the_catalogue_holds_every_string_in_the_code(tmp_path: Path) -> None:
    """Extract the strings afresh into a copy and compare with the committed catalogue."""
    copy = tmp_path / "koers"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    # No settings module: makemessages then writes only into the copy's own locale folder.
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "--locale", "nl", "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"PATH": os.environ.get("PATH", "/usr/bin:/bin")},
    )
    fresh = msgids((copy / "locale/nl/LC_MESSAGES/django.po").read_text())
    committed = msgids(PO.read_text())
    missing = fresh - committed
    assert not missing, f"Run `make messages` and translate: {sorted(missing)[:10]}"


def test_the_compiled_catalogue_is_up_to_date(tmp_path: Path) -> None:
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "-o", str(compiled), str(PO)], check=True)
    assert MO.read_bytes() == compiled.read_bytes(), "Run `make messages` to compile"


def test_translation_functions_keep_names_makemessages_knows() -> None:
    """makemessages finds strings by function name (_, gettext, gettext_lazy, ...): a string
    wrapped in an alias such as `_lazy` is never extracted and stays English on screen."""
    alias = re.compile(
        r"from django\.utils\.translation import .*\b(n?p?gettext(?:_lazy|_noop)?) as (?!_\b)(\w+)"
    )
    offenders = [
        f"{path.relative_to(PACKAGE)}: {match.group(0)}"
        for path in PACKAGE.rglob("*.py")
        for match in alias.finditer(path.read_text())
    ]
    assert offenders == []
