"""Importing organisations: a dry run that saves nothing, duplicates against Koers and
within the file, parents in Koers or in the file, all-or-nothing unless skipping, the
skipped rows as CSV, every saved row through organisation_save with its audit entry."""

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
from koers.directory.models import Organisation, OrganisationKind
from koers.directory.organisations import imports as organisation_imports
from tests.conftest import World
from tests.directory.factories import MunicipalityFactory, OrganisationFactory

URL = "directory:organisation_import"
HEADER = "naam;korte naam;soort;gemeente;website;moederorganisatie;tags\n"


def _csv(body: str, header: str = HEADER) -> SimpleUploadedFile:
    return SimpleUploadedFile("organisaties.csv", (header + body).encode(), content_type="text/csv")


def _check(client: Client, upload: Any, kind: str = "partner") -> Any:
    return client.post(reverse(URL), {"file": upload, "kind": kind})


def _confirm(client: Client, dry_run: Any, *, skip: bool = False) -> Any:
    data = {"token": dry_run.context["token"], **dict(dry_run.context["hidden"])}
    if skip:
        data["skip_failing"] = "on"
    return client.post(reverse(URL), data)


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def _problems(response: Any) -> dict[int, list[str]]:
    return {row.line: row.problems for row in response.context["report"].failing}


def test_the_upload_page_lists_the_columns(world: World) -> None:
    response = world.client("medewerker").get(reverse(URL))
    assert response.status_code == 200
    page = response.content.decode()
    for column in ("naam", "korte naam", "soort", "gemeente", "moederorganisatie", "tags"):
        assert f"<code>{column}</code>" in page


def test_a_dry_run_reads_dutch_kinds_municipalities_by_name_or_code_and_saves_nothing(
    world: World,
) -> None:
    urk = MunicipalityFactory(code="GM0184", name="Urk")
    almere = MunicipalityFactory(code="GM0034", name="Almere")
    body = (
        "Welzijn Urk;WU;Zorg- of welzijnsorganisatie;Gemeente Urk;www.welzijnurk.nl;;welzijn\n"
        "Gemeente Almere;;Gemeente;0034;https://almere.nl;;\n"
        "Sportclub Urk;;;GM0184;;;sport, jeugd\n"
    )
    client = world.client("medewerker")
    before = Organisation.objects.count()
    response = _check(client, _csv(body))
    assert response.status_code == 200
    report = response.context["report"]
    assert not report.failing, _problems(response)
    records = [row.record.values for row in report.passing]
    assert [(r["kind"], r["municipality"]) for r in records] == [
        (OrganisationKind.CARE, urk),
        (OrganisationKind.MUNICIPALITY, almere),
        (OrganisationKind.PARTNER, urk),  # no kind: the one chosen for the import
    ]
    assert records[0]["website"] == "https://www.welzijnurk.nl"
    assert Organisation.objects.count() == before
    assert not AuditEntry.objects.filter(action="organisation.imported").exists()


def test_importing_saves_every_row_through_the_service_with_its_own_audit_entry(
    world: World,
) -> None:
    body = (
        "Welzijn Flevoland;;Zorg- of welzijnsorganisatie;;;;welzijn, netwerk\n"
        "Welzijn Flevoland locatie Lelystad;;;;;Welzijn Flevoland;welzijn\n"
        "Buurthuis De Schakel;;;;;Andere organisatie;\n"
    )
    client = world.client("bedrijfsvoering")
    dry_run = _check(client, _csv(body))
    assert not dry_run.context["report"].failing, _problems(dry_run)
    done = _confirm(client, dry_run)
    assert done.status_code == 200
    region = Organisation.objects.get(name="Welzijn Flevoland")
    branch = Organisation.objects.get(name="Welzijn Flevoland locatie Lelystad")
    assert branch.parent == region and branch.kind == OrganisationKind.PARTNER
    assert Organisation.objects.get(name="Buurthuis De Schakel").parent == world.other_org
    assert sorted(region.tags.values_list("name", flat=True)) == ["netwerk", "welzijn"]
    imported = AuditEntry.objects.filter(action="organisation.imported")
    assert imported.count() == 3
    assert imported.get(subject_id=branch.pk).changes["parent"] == [None, region.pk]
    assert imported.get(subject_id=branch.pk).actor == world.users["bedrijfsvoering"]


def test_a_parent_later_in_the_file_is_saved_first(world: World) -> None:
    body = "Locatie Dronten;;;;;Koepel Flevoland;\nKoepel Flevoland;;;;;;\n"
    client = world.client("medewerker")
    dry_run = _check(client, _csv(body))
    assert not dry_run.context["report"].failing, _problems(dry_run)
    _confirm(client, dry_run)
    child = Organisation.objects.get(name="Locatie Dronten")
    assert child.parent == Organisation.objects.get(name="Koepel Flevoland")


def test_look_alikes_in_koers_and_in_the_file_are_named(world: World) -> None:
    OrganisationFactory(name="Sportservice Flevoland", website="https://sportservice.nl")
    body = (
        "Stichting Sportservice Flevoland;;;;;;\n"  # 2: same name as in Koers
        "Sport Flevoland;;;;http://www.sportservice.nl/contact;;\n"  # 3: same website
        "Huis voor Taal;;;;;;\n"  # 4
        "Huis vóór taal;;;;;;\n"  # 5: same as row 4
        "Bibliotheek Almere;;;;;;\n"  # 6
    )
    response = _check(world.client("medewerker"), _csv(body))
    problems = _problems(response)
    assert set(problems) == {2, 3, 5}
    assert "Sportservice Flevoland" in problems[2][0]
    assert "Sportservice Flevoland" in problems[3][0]
    assert problems[5] == ["Lijkt op rij 4 (Huis voor Taal)."]


def test_unknown_kinds_municipalities_and_parents_are_problems(world: World) -> None:
    body = (
        ";;;;;;\n"
        "Naamloos;;;;;;\n"
        "A;;Vereniging van eigenaars;;;;\n"
        "B;;;Atlantis;;;\n"
        "C;;;;;Onbekende Koepel;\n"
        "D;;;;geen website;;\n"
        f"{'E' * 201};;;;;;\n"
    )
    problems = _problems(_check(world.client("medewerker"), _csv(body)))
    assert set(problems) == {4, 5, 6, 7, 8}
    assert "Vereniging van eigenaars" in problems[4][0]
    assert "Atlantis" in problems[5][0]
    assert "Onbekende Koepel" in problems[6][0]
    assert problems[7][0].startswith("website:")
    assert problems[8][0].startswith("naam:")


def test_failing_rows_block_the_import_unless_skipped_and_take_their_children(
    world: World,
) -> None:
    OrganisationFactory(name="Koepel Urk")
    body = (
        "Koepel Urk;;;;;;\n"  # 2: a duplicate
        "Stichting Koepel Almere;;;;;;\n"  # 3
        "Koepel Almere;;;;;;\n"  # 4: same as row 3
        "Locatie Haven;;;;;Stichting Koepel Almere;\n"  # 5: its parent, row 3, passes
        "Buurthuis Oost;;;;;;\n"  # 6
    )
    client = world.client("medewerker")
    dry_run = _check(client, _csv(body))
    assert set(_problems(dry_run)) == {2, 4}
    refused = _confirm(client, dry_run)
    assert refused.status_code == 400
    assert not Organisation.objects.filter(name="Buurthuis Oost").exists()
    done = _confirm(client, dry_run, skip=True)
    assert done.status_code == 200
    assert set(Organisation.objects.values_list("name", flat=True)) >= {
        "Stichting Koepel Almere",
        "Locatie Haven",
        "Buurthuis Oost",
    }
    assert Organisation.objects.get(name="Locatie Haven").parent.name == "Stichting Koepel Almere"
    assert [row.line for row in done.context["report"].failing] == [2, 4]


def test_a_child_of_a_skipped_row_is_skipped_too(world: World) -> None:
    report = organisation_imports.check(
        _rows("naam;soort;moederorganisatie\nKoepel;Onbekend;\nLocatie;;Koepel\n"), kind="partner"
    )
    problems = {row.line: row.problems for row in report.failing}
    assert set(problems) == {2, 3}
    assert problems[3] == ["De moederorganisatie (rij 2) heeft problemen."]


def test_parents_in_a_loop_or_of_themselves_are_refused(world: World) -> None:
    report = organisation_imports.check(
        _rows("naam;moederorganisatie\nA;B\nB;A\nC;C\nD;A\n"), kind="partner"
    )
    problems = {row.line: row.problems for row in report.failing}
    assert set(problems) == {2, 3, 4, 5}
    assert "kring" in problems[2][0]
    assert problems[4] == ["Een organisatie kan niet haar eigen moederorganisatie zijn."]


def test_english_column_names_and_an_excel_file_are_read(world: World) -> None:
    workbook = Workbook()
    sheet: Any = workbook.active
    sheet.append(["Name", "Short name", "Kind", "Address", "Sector", "Parent"])
    sheet.append(
        [
            "Windesheim Almere",
            "Windesheim",
            "School or educational institution",
            "Hospitaaldreef 5",
            "onderwijs",
            "",
        ]
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = world.client("medewerker")
    dry_run = _check(client, SimpleUploadedFile("lijst.xlsx", buffer.getvalue()))
    assert not dry_run.context["report"].failing, _problems(dry_run)
    _confirm(client, dry_run)
    school = Organisation.objects.get(short_name="Windesheim")
    assert (school.kind, school.address, school.sector) == (
        OrganisationKind.EDUCATION,
        "Hospitaaldreef 5",
        "onderwijs",
    )


def test_the_skipped_rows_download_with_their_problems(world: World) -> None:
    body = "Goed;;;;;;\n;WU;;;;;zonder naam\n"
    client = world.client("medewerker")
    dry_run = _check(client, _csv(body.replace(";;;;;;\n", ";;;Atlantis;;;\n", 1)))
    download = client.get(dry_run.context["failing_url"])
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith('"organisaties-met-problemen.csv"')
    rows = _rows(download.content.decode())
    assert rows[0][-1] == "problemen"
    assert rows[1][:4] == ["Goed", "", "", "Atlantis"]
    assert "Atlantis" in rows[1][-1]
    _confirm(client, dry_run, skip=True)
    assert client.get(dry_run.context["failing_url"]).status_code == 200  # after, too
    assert world.client("directeur").get(dry_run.context["failing_url"]).status_code == 404


def test_a_file_too_long_is_refused_as_a_whole(world: World, monkeypatch: Any) -> None:
    monkeypatch.setattr(organisation_imports, "MAX_ROWS", 3)
    report = organisation_imports.check(_rows("naam\nA\nB\nC\nD\n"), kind="partner")
    assert not report.rows
    assert report.problems == ["Hooguit 3 rijen tegelijk; splits het bestand."]


@pytest.mark.parametrize("role", ["toezicht", "opdrachtgever", "no_role"])
def test_who_may_not_add_organisations_may_not_import_them(world: World, role: str) -> None:
    client = world.client(role)
    assert client.get(reverse(URL)).status_code == 403
    assert _check(client, _csv("Nieuw;;;;;;\n")).status_code == 403
    assert not Organisation.objects.filter(name="Nieuw").exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(world: World) -> None:
    response = Client().post(reverse(URL), {"file": _csv("Nieuw;;;;;;\n"), "kind": "partner"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert not Organisation.objects.filter(name="Nieuw").exists()


def test_an_import_of_another_session_cannot_be_confirmed(world: World) -> None:
    dry_run = _check(world.client("medewerker"), _csv("Nieuw;;;;;;\n"))
    assert _confirm(world.client("outsider"), dry_run).status_code == 404
    assert not Organisation.objects.filter(name="Nieuw").exists()
