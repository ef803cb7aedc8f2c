"""Importing persons (from a spreadsheet or an Outlook export): a dry run that saves
nothing, duplicates by e-mail address and by name at an organisation, all-or-nothing
unless skipping, the skipped rows as CSV, an audit entry for every imported row."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import Workbook

from koers.core.models import AuditEntry
from koers.directory.models import Person, Position
from koers.privacy.models import AccessRecord
from tests.conftest import World
from tests.directory.factories import PersonFactory

URL = "directory:person_import"
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
    data = {"token": dry_run.context["token"], **dict(dry_run.context["hidden"])}
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


OUTLOOK_EN = [
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department",
    "Job Title", "Business Street", "Business City", "Business Postal Code", "Home Street",
    "Business Phone", "Home Phone", "Mobile Phone", "Birthday", "E-mail Address",
    "E-mail Display Name", "E-mail 2 Address", "Notes", "Categories",
]  # fmt: skip


def _outlook(header: list[str], *rows: dict[str, str]) -> SimpleUploadedFile:
    """A file as Outlook writes it: every column quoted, commas, Windows-1252."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(name, "") for name in header])
    return SimpleUploadedFile("contacts.csv", out.getvalue().encode("cp1252"))


def test_an_outlook_export_is_read_as_it_is(world: World) -> None:
    upload = _outlook(
        OUTLOOK_EN,
        {
            "Title": "Dhr.",
            "First Name": "Jan",
            "Middle Name": "van der",
            "Last Name": "Meer",
            "Company": "Andere organisatie",
            "Job Title": "Beleidsadviseur",
            "Business Phone": "",
            "Mobile Phone": "06 12345678",
            "Birthday": "1-1-1970",
            "E-mail Address": "J.vanderMeer@Urk.nl",
            "Notes": "Trekker van het netwerk",
        },
        {"First Name": "Renée", "Last Name": "Bakker", "Business Phone": "0527 123456"},
    )
    client = world.client("medewerker")
    dry_run = _check(client, upload, world)
    report = dry_run.context["report"]
    assert not report.failing, [row.problems for row in report.failing]
    [columns] = report.problems  # the columns not imported, a few by name
    assert columns.startswith("Kolommen niet herkend en genegeerd: Title, Suffix, Department,")
    assert columns.endswith("en nog 4.")
    _confirm(client, dry_run, world)
    jan = Person.objects.get(last_name="Meer")
    assert (jan.first_name, jan.infix, jan.email, jan.phone, jan.notes) == (
        "Jan",
        "van der",
        "j.vandermeer@urk.nl",
        "06 12345678",
        "Trekker van het netwerk",
    )
    position = jan.positions.get()
    assert (position.organisation, position.title) == (world.other_org, "Beleidsadviseur")
    renee = Person.objects.get(last_name="Bakker")
    assert (renee.first_name, renee.phone) == ("Renée", "0527 123456")


def test_the_dutch_names_of_an_outlook_export_are_read(world: World) -> None:
    header = [
        "Voornaam", "Middelste naam", "Achternaam", "Bedrijf", "Functie",
        "Telefoon op werk", "Mobiele telefoon", "E-mailadres", "Notities",
    ]  # fmt: skip
    upload = _outlook(
        header,
        {
            "Voornaam": "Fenna",
            "Middelste naam": "de",
            "Achternaam": "Boer",
            "Bedrijf": "Andere organisatie",
            "Functie": "Wethouder",
            "Mobiele telefoon": "06 87654321",
            "E-mailadres": "f.deboer@urk.nl",
        },
    )
    report = _check(world.client("medewerker"), upload, world).context["report"]
    assert not report.problems and not report.failing
    record = report.passing[0].record
    assert record.values["infix"] == "de" and record.values["phone"] == "06 87654321"
    assert (record.organisation, record.title) == (world.other_org, "Wethouder")


def test_the_same_name_at_the_same_organisation_is_a_duplicate(world: World) -> None:
    known = PersonFactory(holder=world.own, first_name="Renée", infix="de", last_name="Vries")
    Position.objects.create(person=known, organisation=world.other_org)
    PersonFactory(holder=world.other_org, first_name="Kees", last_name="Smit")  # not ours
    body = (
        "de vries;RENEE;r@urk.nl;Andere organisatie;\n"  # 2: Koers has her there
        "Vries;Renée;r2@urk.nl;Andere organisatie;\n"  # 3: another family (no 'de')
        "de Vries;Renée;r3@urk.nl;Provincie Flevoland;\n"  # 4: another organisation
        "Smit;Kees;k@urk.nl;Andere organisatie;\n"  # 5: known only to another holder
        "Smit;Kees.;k2@urk.nl;Andere organisatie;\n"  # 6: same as row 5
    )
    client = world.client("medewerker")
    response = _check(client, _csv(body), world)
    problems = {row.line: row.problems for row in response.context["report"].failing}
    assert problems == {
        2: ["Koers heeft al Renée de Vries bij Andere organisatie."],
        6: ["Zelfde naam en organisatie als rij 5."],
    }
    # the look-alike named on the page is in the access log, as shown to her
    assert AccessRecord.objects.filter(subject_id=known.pk, action="list").count() == 1


def test_a_known_e_mail_address_names_the_person_who_has_it(world: World) -> None:
    PersonFactory(holder=world.own, first_name="Kees", last_name="Bakker", email="k@urk.nl")
    response = _check(world.client("medewerker"), _csv("Bakker;C.;K@Urk.nl;;\n"), world)
    [row] = response.context["report"].failing
    assert row.problems == ["Koers heeft al een persoon met dit e-mailadres: Kees Bakker."]
    assert row.label == "C. Bakker"


def test_the_report_says_who_holds_the_persons_and_downloads_the_skipped_rows(
    world: World,
) -> None:
    body = "Visser;Piet;p@urk.nl;;\n;Zonder;z@urk.nl;;\n"
    client = world.client("medewerker")
    dry_run = _check(client, _csv(body), world)
    page = dry_run.content.decode()
    assert "CMO Flevoland" in page and "Netwerk Positieve Gezondheid" in page
    download = client.get(dry_run.context["failing_url"])
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith('"personen-met-problemen.csv"')
    rows = list(csv.reader(io.StringIO(download.content.decode()), delimiter=";"))
    assert rows[0] == ["achternaam", "voornaam", "e-mail", "organisatie", "functie", "problemen"]
    assert rows[1][:3] == ["", "Zonder", "z@urk.nl"] and "achternaam" in rows[1][-1]
    done = _confirm(client, dry_run, world, skip=True)
    assert done.status_code == 200
    assert client.get(dry_run.context["failing_url"]).status_code == 200


def test_the_skipped_rows_are_not_given_for_a_holder_she_does_not_keep(world: World) -> None:
    client = world.client("medewerker")
    dry_run = _check(client, _csv(";Zonder;;;\n"), world)
    url = dry_run.context["failing_url"].replace(
        f"holder={world.own.pk}", f"holder={world.other_org.pk}"
    )
    assert client.get(url).status_code == 404


def test_persons_cannot_be_imported_for_another_organisation(world: World) -> None:
    client = world.client("outsider")
    response = client.post(
        reverse(URL),
        {
            "holder": world.own.pk,
            "file": _csv("Visser;Piet;;;\n"),
            "purpose": "Netwerk",
            "lawful_basis": "legitimate_interests",
        },
    )
    assert response.status_code == 400
    assert not Person.objects.exists()


@pytest.mark.parametrize("role", ["toezicht", "opdrachtgever", "no_role"])
def test_who_keeps_no_persons_imports_none(world: World, role: str) -> None:
    assert _check(world.client(role), _csv("Visser;Piet;;;\n"), world).status_code == 403
    assert not Person.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(world: World) -> None:
    response = _check(Client(), _csv("Visser;Piet;;;\n"), world)
    assert response.status_code == 302
    assert not Person.objects.exists()
