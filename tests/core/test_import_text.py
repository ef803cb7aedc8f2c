"""Imports refuse cells the database cannot store, and never cut a text short.

Generated from the imports' own column tables: for every import (persons, organisations,
hours, budget lines) and every column it reads, a row with a NUL or an escape character in
that column must fail with a problem that names the character, so that nothing of it is
saved. And the texts the imports used to cut (an hours note at 300 characters, a budget
line's description and a stated table's row label at 200) are refused whole instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from koers.core.privacy import LawfulBasis
from koers.directory.organisations import imports as organisation_imports
from koers.directory.persons import imports as person_imports
from koers.funding import imports as budget_imports
from koers.work import imports as hours_imports
from tests.conftest import World

Check = Callable[[World, list[list[str]]], Any]
Valid = Callable[[World], dict[str, str]]


def _staff_with_a_category(world: World) -> dict[str, str]:
    from koers.work.models import StaffProfile, TimeCategory

    StaffProfile.objects.create(user=world.users["medewerker"], organisation=world.own)
    TimeCategory.objects.create(organisation=world.own, name="Overig")
    return {"date": "2021-05-03", "user": "medewerker", "hours": "2", "category": "Overig"}


# Per import: its columns, how to check a file, and a row it takes (columns left out are
# empty), so that a row fails only for the character put in it.
IMPORTS: dict[str, tuple[dict[str, tuple[str, ...]], Check, Valid]] = {
    "persons": (
        person_imports.COLUMNS,
        lambda w, rows: person_imports.check(
            rows, holder=w.own, purpose="Netwerk", lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS
        ),
        lambda w: {"last_name": "Boer", "first_name": "Fenna", "notes": "Kent iedereen"},
    ),
    "organisations": (
        organisation_imports.COLUMNS,
        lambda w, rows: organisation_imports.check(rows, kind="partner"),
        lambda w: {"name": "Stichting Buurtkracht", "address": "Markt 1", "tags": "netwerk"},
    ),
    "hours": (
        hours_imports.COLUMNS,
        lambda w, rows: hours_imports.check(rows, organisation_id=w.own.pk),
        lambda w: {**_staff_with_a_category(w), "note": "Overleg"},
    ),
    "budget lines": (
        budget_imports.COLUMNS,
        lambda w, rows: budget_imports.check_lines(rows, organisation_id=w.own.pk),
        lambda w: {
            "year": "2021",
            "programme": w.programme.name,
            "direction": "kosten",
            "cost_type": "personeel",
            "description": "Inhuur",
            "amount": "100",
        },
    ),
}
CHARACTERS = {"NUL": "\x00", "escape": "\x1b"}

CASES = [
    pytest.param(name, column, character, id=f"{name}-{column}-{label}")
    for name, (columns, _check, _valid) in IMPORTS.items()
    for column in columns
    for label, character in CHARACTERS.items()
]


@pytest.mark.parametrize(("name", "column", "character"), CASES)
def test_a_cell_that_cannot_be_stored_fails_its_row(
    world: World, name: str, column: str, character: str
) -> None:
    columns, check, valid = IMPORTS[name]
    values = valid(world)
    header = [aliases[0] for aliases in columns.values()]
    good = [values.get(key, "") for key in columns]
    hostile = [
        f"{values.get(key, '')}Tekst{character}tekst" if key == column else values.get(key, "")
        for key in columns
    ]
    report = check(world, [header, good, hostile])
    assert report.rows[0].problems == [], f"{name}: the row without it fails"
    problems = " ".join(report.rows[1].problems)
    assert f"U+{ord(character):04X}" in problems, f"{name}, {column}: {problems or 'passed'}"
    assert report.rows[1] not in report.passing


def test_an_hours_note_longer_than_its_column_is_refused_not_cut(world: World) -> None:
    from koers.work.models import StaffProfile, TimeCategory

    staff = world.users["medewerker"]
    StaffProfile.objects.create(user=staff, organisation=world.own)
    TimeCategory.objects.create(organisation=world.own, name="Overig")
    header = ["datum", "medewerker", "uren", "categorie", "notitie"]
    day = dt.date(2021, 5, 3).isoformat()
    fits = [day, staff.username, "2", "Overig", "x" * 300]
    report = hours_imports.check(
        [header, fits, [*fits[:4], "x" * 301]], organisation_id=world.own.pk
    )
    assert report.rows[0].problems == []
    assert report.rows[0].record.note == "x" * 300
    assert "301" in " ".join(report.rows[1].problems)
    assert report.rows[1].record is None


def test_a_budget_description_longer_than_its_column_is_refused_not_cut(world: World) -> None:
    header = ["jaar", "programma", "soort", "kostensoort", "omschrijving", "bedrag"]
    row = ["2021", world.programme.name, "kosten", "personeel", "x" * 201, "100"]
    report = budget_imports.check_lines([header, row], organisation_id=world.own.pk)
    assert report.rows[0].problems, "a description of 201 characters passed"
    assert report.rows[0].record is None


def test_a_stated_table_label_longer_than_its_column_is_refused_not_cut() -> None:
    rows = [["Kosten", "2020", "Totaal"], ["x" * 200, "1", "1"], ["y" * 201, "1", "1"]]
    _columns, parsed, problems = budget_imports.read_stated_table(rows)
    assert [row["label"] for row in parsed] == ["x" * 200]
    assert any("201" in problem and problem.startswith("Rij 3") for problem in problems)
