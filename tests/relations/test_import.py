"""Importing persons: a dry run that saves nothing, all-or-nothing unless skipping, an
audit entry for every imported row."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from koers.core.models import AuditEntry
from koers.directory.models import Person
from tests.conftest import World
from tests.directory.factories import PersonFactory

URL = "relations:person_import"
HEADER = "achternaam;voornaam;e-mail;organisatie;functie\n"


def _csv(body: str, name: str = "contacten.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (HEADER + body).encode("utf-8"), content_type="text/csv")


def _check(client: Client, upload: Any, world: World) -> Any:
    return client.post(
        reverse(URL),
        {
            "holder": world.own.pk,
            "file": upload,
            "purpose": "Netwerk Positieve Gezondheid",
            "lawful_basis": "legitimate_interests",
        },
    )


def _confirm(client: Client, dry_run: Any, world: World, *, skip: bool = False) -> Any:
    confirm = dry_run.context["confirm"]
    data = {name: confirm[name].value() for name in ("token", "purpose", "lawful_basis")}
    data["holder"] = world.own.pk
    if skip:
        data["skip_failing"] = "on"
    return client.post(reverse(URL), data)


def test_dry_run_reports_every_rows_problems_and_saves_nothing(world: World) -> None:
    PersonFactory(holder=world.own, email="bekend@urk.nl")
    body = (
        "Visser;Piet;p.visser@urk.nl;Andere organisatie;Wethouder\n"
        ";Zonder;z@urk.nl;;\n"
        "Bakker;Kees;bekend@urk.nl;;\n"
        "Smit;Jan;niet-een-adres;;\n"
        "Mulder;Els;p.visser@urk.nl;Onbekende Stichting;\n"
    )
    client = world.client("medewerker")
    response = _check(client, _csv(body), world)
    assert response.status_code == 200
    report = response.context["report"]
    assert [row.line for row in report.passing] == [2]
    problems = {row.line: row.problems for row in report.failing}
    assert set(problems) == {3, 4, 5, 6}
    assert len(problems[6]) == 2  # duplicate of row 2 and an unknown organisation
    assert Person.objects.count() == 1
    assert not AuditEntry.objects.filter(action="person.imported").exists()


def test_failing_rows_block_the_import_unless_skipped(world: World) -> None:
    body = "Visser;Piet;p.visser@urk.nl;Andere organisatie;Wethouder\n;Zonder;z@urk.nl;;\n"
    client = world.client("medewerker")
    dry_run = _check(client, _csv(body), world)
    refused = _confirm(client, dry_run, world)
    assert refused.status_code == 400
    assert not Person.objects.exists()
    done = _confirm(client, dry_run, world, skip=True)
    assert done.status_code == 200
    person = Person.objects.get()
    assert (person.last_name, person.holder, person.purpose) == (
        "Visser",
        world.own,
        "Netwerk Positieve Gezondheid",
    )
    assert person.positions.get().organisation == world.other_org
    assert [row.line for row in done.context["report"].failing] == [3]


def test_every_imported_row_has_its_own_history(world: World) -> None:
    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.append(["Achternaam", "Voornaam", "E-mail", "Telefoon"])
    for n in range(12):
        sheet.append([f"Persoon {n}", "Test", f"p{n}@dronten.nl", f"0321 {n:06d}"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("lijst.xlsx", buffer.getvalue())
    client = world.client("bedrijfsvoering")
    dry_run = _check(client, upload, world)
    assert len(dry_run.context["report"].passing) == 12
    assert _confirm(client, dry_run, world).status_code == 200
    persons = Person.objects.all()
    assert persons.count() == 12
    imported = AuditEntry.objects.filter(action="person.imported")
    assert sorted(imported.values_list("subject_id", flat=True)) == sorted(
        persons.values_list("pk", flat=True)
    )
    assert all(entry.changes["email"][1].endswith("@dronten.nl") for entry in imported)


def test_a_pending_import_belongs_to_the_session_that_checked_it(world: World) -> None:
    dry_run = _check(world.client("medewerker"), _csv("Visser;Piet;;;\n"), world)
    other = world.client("directeur")
    assert _confirm(other, dry_run, world).status_code == 404
    assert not Person.objects.exists()


def test_a_file_that_is_not_a_spreadsheet_is_refused(world: World) -> None:
    upload = SimpleUploadedFile("contacten.xlsx", b"not a zip archive")
    response = _check(world.client("medewerker"), upload, world)
    assert response.status_code == 400
    assert response.context["form"].errors["file"]
