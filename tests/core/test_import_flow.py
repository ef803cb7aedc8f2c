"""The one import flow (koers.core.imports): every import of every app is an `Importer`,
found here by walking the modules, so an import added later is checked too."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import koers
from koers.core import tables
from koers.core.imports import TEMPLATE_REPORT, TEMPLATE_UPLOAD, Importer
from tests.conftest import World


def importers() -> list[Importer]:
    found: dict[int, Importer] = {}
    for module in pkgutil.walk_packages(koers.__path__, "koers."):
        if ".migrations" in module.name or module.name.endswith("__main__"):
            continue
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, Importer):
                found[id(value)] = value
    return sorted(found.values(), key=lambda importer: importer.url_name)


IMPORTERS = [pytest.param(importer, id=importer.url_name) for importer in importers()]


def test_the_walk_finds_every_import() -> None:
    assert {importer.url_name for importer in importers()} == {
        "directory:person_import",
        "directory:organisation_import",
        "work:import",
        "funding:budget_import",
    }


@pytest.mark.parametrize("importer", IMPORTERS)
def test_every_import_uploads_on_the_one_page_and_reports_on_the_one_report(
    world: World, importer: Importer
) -> None:
    client = world.client("bedrijfsvoering")
    page = client.get(reverse(importer.url_name))
    assert page.status_code == 200
    assert TEMPLATE_UPLOAD in [template.name for template in page.templates]
    posted = {  # every field as the page offers it, and the file
        name: form[name].value() or ""
        for form in (importer.options(page.wsgi_request, None), importer.upload_form())
        for name in form.fields
        if name != "file"
    }
    if "holder" in posted:
        posted["holder"] = world.own.pk
        posted["purpose"] = "Netwerk"
    upload = SimpleUploadedFile("leeg.csv", b"onbekend\nx\n", content_type="text/csv")
    dry_run = client.post(reverse(importer.url_name), {**posted, "file": upload})
    assert dry_run.status_code == 200, dry_run.content.decode()[:2000]
    assert TEMPLATE_REPORT in [template.name for template in dry_run.templates]
    report = dry_run.context["report"]
    assert isinstance(report, tables.ImportReport)
    assert report.problems and not report.rows  # a file without the columns it needs


COLUMNS = {"date": ("datum", "date"), "user": ("medewerker", "user"), "hours": ("uren", "hours")}


def test_one_required_column_missing_is_named_as_the_one_the_first_row_lacks() -> None:
    report, header = tables.begin([["uren"], ["2"]], COLUMNS, required="date", max_rows=10)
    assert header is None
    assert report.problems == [
        "De eerste rij moet de kolomnamen bevatten; de kolom 'datum' ontbreekt."
    ]


def test_of_several_required_columns_every_one_missing_is_listed() -> None:
    rows = [["user", "notitie"], ["mila", "x"]]
    report, header = tables.begin(rows, COLUMNS, required=("date", "user", "hours"), max_rows=10)
    assert header is None
    assert report.problems == ["Kolommen ontbreken: datum, uren."]
    report, header = tables.begin(
        [["date", "user", "hours"], ["2021-03-01", "mila", "2"]],
        COLUMNS,
        required=("date", "user", "hours"),
        max_rows=10,
    )
    assert header == {"date": 0, "user": 1, "hours": 2}
    assert report.problems == []
