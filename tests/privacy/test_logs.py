"""The audit trail and the access log: searchable by an organisation's administrator,
for her own organisation's records only."""

from __future__ import annotations

from io import BytesIO

from django.urls import reverse
from openpyxl import load_workbook

from koers.privacy.models import AccessRecord
from tests.conftest import World
from tests.directory.factories import PersonFactory


def test_the_audit_log_shows_her_organisations_changes_only(world: World) -> None:
    own = PersonFactory(holder=world.own, last_name="Eigenaar")
    other = PersonFactory(holder=world.other_org, last_name="Vreemd")
    data = {"last_name": "Eigenaar-Bos", "purpose": own.purpose, "lawful_basis": own.lawful_basis}
    world.client("medewerker").post(
        reverse("relations:person_edit", args=[own.pk]), {**data, "version": own.version}
    )
    outsider = world.client("outsider")
    outsider_edit = reverse("relations:person_edit", args=[other.pk])
    outsider.post(outsider_edit, {**data, "last_name": "Vreemd-Bos", "version": other.version})
    page = world.client("beheerder").get(reverse("privacy:audit_log")).content.decode()
    assert "Eigenaar-Bos" in page
    assert "Vreemd" not in page
    filtered = world.client("beheerder").get(reverse("privacy:audit_log"), {"user": "nobody"})
    assert "Eigenaar-Bos" not in filtered.content.decode()


def test_the_access_log_filters_and_downloads(world: World) -> None:
    first = PersonFactory(holder=world.own)
    second = PersonFactory(holder=world.own)
    world.client("medewerker").get(reverse("relations:person", args=[first.pk]))
    world.client("directeur").get(reverse("relations:person", args=[second.pk]))
    client = world.client("beheerder")
    response = client.get(reverse("privacy:access_log"), {"person": first.pk})
    assert [r.subject_id for r in response.context["page"]] == [first.pk]
    download = client.get(reverse("privacy:access_log"), {"formaat": "xlsx"})
    sheet = load_workbook(BytesIO(download.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert sorted(row[4] for row in rows) == sorted([first.pk, second.pk])
    assert AccessRecord.objects.count() == 2  # reading the log is not itself a person access


def test_a_persons_access_history_is_hers_only(world: World) -> None:
    person = PersonFactory(holder=world.own)
    world.client("medewerker").get(reverse("relations:person", args=[person.pk]))
    world.client("medewerker").get(reverse("relations:persons"), {"q": person.last_name})
    download = world.client("beheerder").get(reverse("privacy:person_access", args=[person.pk]))
    sheet = load_workbook(BytesIO(download.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert [row[3] for row in rows] == ["bekeken", "gevonden bij zoeken"]
    assert {row[1] for row in rows} == {str(world.users["medewerker"])}
    foreign = world.client("outsider").get(reverse("privacy:person_access", args=[person.pk]))
    assert foreign.status_code == 403  # the outsider is no beheerder
