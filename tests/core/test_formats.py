"""One way to write a date: "18 maart 2021" (Dutch) and "18 March 2021" (English), a
timestamp "18 maart 2021, 14:05", through the format modules of koers.core.formats — and no
template or module with a date pattern of its own."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.formats import date_format

import koers

SOURCE = Path(koers.__file__).parent
DAY = dt.date(2021, 3, 18)
MOMENT = timezone.make_aware(dt.datetime(2021, 3, 18, 14, 5))


@pytest.mark.parametrize(
    ("language", "format_name", "value", "shown"),
    [
        ("nl", "DATE_FORMAT", DAY, "18 maart 2021"),
        ("nl", "DATETIME_FORMAT", MOMENT, "18 maart 2021, 14:05"),
        ("nl", "SHORT_DATE_FORMAT", DAY, "18 maart 2021"),
        ("nl", "SHORT_DATETIME_FORMAT", MOMENT, "18 maart 2021, 14:05"),
        ("nl", "MONTH_DAY_FORMAT", DAY, "18 maart"),
        ("nl", "YEAR_MONTH_FORMAT", DAY, "maart 2021"),
        ("en", "DATE_FORMAT", DAY, "18 March 2021"),
        ("en", "DATETIME_FORMAT", MOMENT, "18 March 2021, 14:05"),
        ("en", "SHORT_DATE_FORMAT", DAY, "18 March 2021"),
        ("en", "MONTH_DAY_FORMAT", DAY, "18 March"),
        ("en", "YEAR_MONTH_FORMAT", DAY, "March 2021"),
    ],
)
def test_each_named_format(language: str, format_name: str, value: dt.date, shown: str) -> None:
    with translation.override(language):
        assert date_format(value, format_name) == shown


@pytest.mark.parametrize(
    ("language", "source", "shown"),
    [
        ("nl", "{{ day }}", "18 maart 2021"),
        ("nl", "{{ day|date }}", "18 maart 2021"),
        ("nl", "{{ moment }}", "18 maart 2021, 14:05"),
        ("nl", '{{ moment|date:"DATETIME_FORMAT" }}', "18 maart 2021, 14:05"),
        ("en", "{{ day }}", "18 March 2021"),
        ("en", "{{ moment }}", "18 March 2021, 14:05"),
    ],
)
def test_templates_write_dates_the_same_way(language: str, source: str, shown: str) -> None:
    context = Context({"day": DAY, "moment": MOMENT})
    with translation.override(language), timezone.override("Europe/Amsterdam"):
        assert Template(source).render(context) == shown


def test_the_time_of_a_moment_is_the_local_time() -> None:
    winter = dt.datetime(2021, 3, 18, 13, 5, tzinfo=dt.UTC)  # 14:05 in Amsterdam
    with translation.override("nl"), timezone.override("Europe/Amsterdam"):
        assert Template("{{ moment }}").render(Context({"moment": winter})) == (
            "18 maart 2021, 14:05"
        )


# --- no date pattern of one's own ----------------------------------------------------------

# What a template may hand the date filter: the named formats, and the machine forms of links,
# inputs and <time datetime> (ISO), week numbers and a bare weekday, month or year.
NAMED = {"DATE_FORMAT", "DATETIME_FORMAT", "MONTH_DAY_FORMAT", "YEAR_MONTH_FORMAT"}
MACHINE = {"Y-m-d", "Y-m", "c", "Y", "W", "o", "l", "F"}
DATE_FILTER = re.compile(r"""\|date:(["'])(?P<format>[^"']*)\1""")
TEMPLATES = sorted(
    path for path in SOURCE.rglob("*.html") if DATE_FILTER.search(path.read_text("utf-8"))
)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(SOURCE)))
def test_templates_use_the_named_date_formats(path: Path) -> None:
    used = {m["format"] for m in DATE_FILTER.finditer(path.read_text("utf-8"))}
    assert used <= NAMED | MACHINE, f"a date pattern of its own: {used - NAMED - MACHINE}"


# strftime or an f-string with a day or month in it, or date_format with a pattern of its own.
OWN_PATTERN = re.compile(
    r"""strftime\(["'][^"']*%[dbBem]"""
    r"""|\{[^{}]*:[^{}]*%[dbBe][^{}]*\}"""
    r"""|date_format\([^()]*,\s*["'](?![A-Z_]+["'])"""
)
# File names are for machines: a backup's time stamp sorts as digits.
MACHINE_MODULES = {"core/backup/archive.py"}
MODULES = sorted(
    path
    for path in SOURCE.rglob("*.py")
    if not {"migrations", "formats"} & set(path.relative_to(SOURCE).parts)
    and str(path.relative_to(SOURCE)) not in MACHINE_MODULES
)


def test_python_writes_dates_through_date_format() -> None:
    assert len(MODULES) > 300  # the scan reads the code base, not an empty list
    found = [
        f"{path.relative_to(SOURCE)}:{number}: {line.strip()}"
        for path in MODULES
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if OWN_PATTERN.search(line)
    ]
    assert found == []
