"""The statistics pages: who sees them, the table with its source line and CBS's signs,
and the downloads."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from django.test import Client
from django.urls import reverse

from koers.accounts.roles import Role
from koers.insight.importing import import_table
from koers.insight.models import Dataset, ImportMethod
from koers.insight.statline import read_table
from tests.accounts.factories import MembershipFactory
from tests.conftest import verified_client
from tests.insight.statline_files import odata_folder, row, six_municipalities

pytestmark = pytest.mark.django_db

ROWS = [
    row("GM0034", "2020JJ00", 214715, 105000),
    row("GM0034", "2021JJ00", 216000, "x"),
    row("GM0995", "2021JJ00", 78600, "."),
    row("PV24", "2021JJ00", 428000, 213000),
    row("NL01", "2021JJ00", 17475415, 8670000),
    row("GM0363", "2021JJ00", 873000, 430000),  # Amsterdam: only in "every region"
]


@pytest.fixture
def dataset(tmp_path: Path) -> Dataset:
    six_municipalities()
    folder = odata_folder(tmp_path / "03759ned", ROWS, typed=False)
    import_table(read_table(folder), method=ImportMethod.COMMAND, dry_run=False)
    return Dataset.objects.get()


def client_as(role: Role) -> Client:
    return verified_client(MembershipFactory(role=role).user)


def test_the_table_shows_flevoland_with_its_source_provisional_and_missing_signs(
    dataset: Dataset,
) -> None:
    client = client_as(Role.OPDRACHTGEVER)
    url = reverse("insight:dataset", args=[dataset.pk])
    response = client.get(url)
    men = client.get(url, {"onderwerp": dataset.topics.get(key="Mannen_2").pk}).content.decode()

    html = response.content.decode()
    assert response.status_code == 200
    assert "03759ned" in html and "CC BY 4.0" in html  # the source line
    assert "214.715" in html  # Dutch grouping
    assert "17.475.415" in html
    assert ">x</abbr>" in men and ">.</abbr>" in men
    assert "Amsterdam" not in html
    rows = [r.name for r in response.context["table"].rows]
    assert rows == ["Almere", "Lelystad", "Flevoland", "Nederland"]
    assert [p.provisional for p in response.context["table"].periods] == [False, True]


def test_every_region_on_request_and_junk_falls_back(dataset: Dataset) -> None:
    client = client_as(Role.MEDEWERKER)
    url = reverse("insight:dataset", args=[dataset.pk])

    every = client.get(url, {"regio": "all"})
    junk = client.get(url, {"regio": "elders", "onderwerp": "999999", "uitsplitsing": "nee"})

    assert "Amsterdam" in every.content.decode()
    assert junk.status_code == 200
    assert junk.context["table"].rows[0].name == "Almere"


def test_the_downloads_hold_the_figures_and_the_source(dataset: Dataset) -> None:
    client = client_as(Role.COORDINATOR)
    topic = dataset.topics.get(key="Mannen_2")
    query = {"onderwerp": topic.pk}

    csv = client.get(reverse("insight:dataset_export", args=[dataset.pk, "csv"]), query)
    xlsx = client.get(reverse("insight:dataset_export", args=[dataset.pk, "xlsx"]), query)

    text = csv.content.decode("utf-8-sig")
    assert "GM0034" in text and "Bron;CBS StatLine" in text and "Tabel;03759ned" in text
    assert "2021 *" in text  # provisional
    book = openpyxl.load_workbook(io.BytesIO(xlsx.content))
    figures = list(book.worksheets[0].values)
    almere = next(r for r in figures if r[0] == "GM0034")
    assert almere[2:] == (105000, "x")
    assert ("Tabel", "03759ned") in list(book.worksheets[1].values)


@pytest.mark.parametrize("role", [Role.PRIORITEIT, Role.ZORGVRAGER])
def test_roles_without_the_capability_are_refused(dataset: Dataset, role: Role) -> None:
    client = client_as(role)
    assert client.get(reverse("insight:datasets")).status_code == 403
    assert client.get(reverse("insight:dataset", args=[dataset.pk])).status_code == 403


def test_the_list_names_each_table_and_counts_its_values(dataset: Dataset) -> None:
    response = client_as(Role.TOEZICHT).get(reverse("insight:datasets"))
    listed = list(response.context["datasets"])
    assert [(d.table_id, d.values, d.missing_values) for d in listed] == [("03759ned", 12, 2)]


def test_who_imported_is_shown_to_her_organisations_staff_only(dataset: Dataset) -> None:
    from koers.insight.models import DatasetImport

    membership = MembershipFactory(role=Role.COORDINATOR, user__first_name="Ria")
    importer = membership.user
    DatasetImport.objects.update(imported_by=importer)
    url = reverse("insight:dataset", args=[dataset.pk])
    colleague = MembershipFactory(role=Role.DIRECTEUR, organisation=membership.organisation)

    assert str(importer) in verified_client(colleague.user).get(url).content.decode()
    # The statistics are shared; her name is not: another organisation's staff, a funder.
    assert str(importer) not in client_as(Role.DIRECTEUR).get(url).content.decode()
    assert str(importer) not in client_as(Role.OPDRACHTGEVER).get(url).content.decode()
