"""The upload on a page: a CSV export or a zipped download, its dry run, the import after
confirming, and what is refused (a file of another kind, a ZIP that is no download, a
table that does not fit) without storing anything."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from koers.accounts.roles import Role
from koers.insight.models import Dataset, DatasetImport, Observation
from tests.accounts.factories import MembershipFactory
from tests.conftest import verified_client
from tests.insight.statline_files import odata_folder, row, six_municipalities

pytestmark = pytest.mark.django_db

CSV = '"Regio\'s";"Perioden";"Inwoners (aantal)"\n"Urk";"2021";"21000"\n"Urk";"2020";"20500"\n'


@pytest.fixture
def coordinator() -> Client:
    six_municipalities()
    return verified_client(MembershipFactory(role=Role.COORDINATOR).user)


def zipped(folder: Path) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in folder.iterdir():
            archive.write(path, f"{folder.name}/{path.name}")
    return out.getvalue()


def dry_run(client: Client, name: str, content: bytes, **fields: str) -> object:
    upload = SimpleUploadedFile(name, content)
    return client.post(reverse("insight:dataset_import"), {"file": upload, **fields})


def test_a_csv_export_is_checked_then_imported_after_confirming(coordinator: Client) -> None:
    page = dry_run(
        coordinator,
        "export.csv",
        CSV.encode(),
        table_id="70072ned",
        title="Regionale kerncijfers",
        source="CBS StatLine",
        licence="CC BY 4.0",
    )

    assert page.status_code == 200
    assert page.context["report"].added == 2
    assert not Dataset.objects.exists()  # the dry run stores nothing
    hidden = {field.name: field.value() for field in page.context["confirm"]}

    done = coordinator.post(reverse("insight:dataset_import_confirm"), hidden)

    dataset = Dataset.objects.get()
    assert done.status_code == 302 and done["Location"] == reverse(
        "insight:dataset", args=[dataset.pk]
    )
    assert (dataset.table_id, dataset.imported_by_id) == ("70072ned", page.wsgi_request.user.pk)
    assert sorted(Observation.objects.values_list("period", "value")) == [
        ("2020JJ00", 20500),
        ("2021JJ00", 21000),
    ]
    again = coordinator.post(reverse("insight:dataset_import_confirm"), hidden)
    assert again.status_code == 302 and DatasetImport.objects.count() == 1  # once only


def test_a_zipped_download_is_read_by_its_own_files(coordinator: Client, tmp_path: Path) -> None:
    folder = odata_folder(tmp_path / "03759ned", [row("GM0034", "2021JJ00", 216000)])

    page = dry_run(coordinator, "03759ned.zip", zipped(folder), source="x", licence="x")
    hidden = {field.name: field.value() for field in page.context["confirm"]}
    coordinator.post(reverse("insight:dataset_import_confirm"), hidden)

    assert Dataset.objects.get().table_id == "03759ned"
    assert Observation.objects.count() == 2


def test_an_unknown_region_is_shown_and_nothing_imported(
    coordinator: Client, tmp_path: Path
) -> None:
    folder = odata_folder(tmp_path / "t", [row("GM9999", "2021JJ00", 5)])

    page = dry_run(coordinator, "t.zip", zipped(folder), source="x", licence="x")

    assert page.status_code == 200
    assert "GM9999" in page.content.decode()
    assert page.context["report"].refusals
    assert b"dataset_import_confirm" not in page.content and not Dataset.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "field"),
    [
        ("notes.txt", b"geen tabel", "file"),
        ("export.csv", CSV.encode(), "table_id"),  # a CSV needs its id and title
        ("leeg.zip", b"PK\x05\x06" + b"\x00" * 18, "file"),  # an empty archive
        ("kapot.zip", b"dit is geen zip", "file"),
    ],
)
def test_what_is_no_table_is_refused_on_the_page(
    coordinator: Client, name: str, content: bytes, field: str
) -> None:
    page = dry_run(coordinator, name, content, source="x", licence="x")
    assert page.status_code == 400
    assert page.context["form"].errors[field]
    assert not Dataset.objects.exists()


def test_a_zip_without_a_download_in_it(coordinator: Client) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "geen download")
    page = dry_run(coordinator, "x.zip", out.getvalue(), source="x", licence="x")
    assert page.status_code == 400
    assert "TableInfos.json" in str(page.context["form"].errors["file"])


def test_a_download_missing_its_rows_is_refused_on_the_page(
    coordinator: Client, tmp_path: Path
) -> None:
    folder = odata_folder(
        tmp_path / "t", [row("GM0034", "2021JJ00", 1)], leave_out=("TypedDataSet",)
    )
    page = dry_run(coordinator, "t.zip", zipped(folder), source="x", licence="x")
    assert page.status_code == 400
    assert "TypedDataSet" in str(page.context["form"].errors["file"])


def test_a_token_of_another_session_imports_nothing(coordinator: Client) -> None:
    page = dry_run(
        coordinator, "e.csv", CSV.encode(), table_id="t", title="T", source="x", licence="x"
    )
    hidden = {field.name: field.value() for field in page.context["confirm"]}
    other = verified_client(MembershipFactory(role=Role.DIRECTEUR).user)

    refused = other.post(reverse("insight:dataset_import_confirm"), hidden)

    assert refused.status_code == 302 and refused["Location"] == reverse("insight:dataset_import")
    assert not Dataset.objects.exists()


def test_staff_without_the_capability_cannot_import(coordinator: Client) -> None:
    staff = verified_client(MembershipFactory(role=Role.MEDEWERKER).user)
    assert staff.get(reverse("insight:dataset_import")).status_code == 403
    assert staff.post(reverse("insight:dataset_import_confirm"), {}).status_code == 403
