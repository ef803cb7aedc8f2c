"""Every field that takes an upload refuses every zip bomb, with a message and without
storing anything.

The fields are found, not listed by hand: `test_the_upload_fields_are_the_ones_found`
opens every page of the permission matrix as every role that may see it and collects
each file input with the URL its form posts to; `UPLOADS` must name exactly those, with
what the server does with the file (keeps it, or parses it). Each is then sent every bomb
of `tests/core/zip_bombs.py` of a type it takes, in its own form as the page renders it
(required fields filled in): the ones every zip upload must refuse, and for the fields
whose file the server parses, the ones only reading shows. A last test walks every form
class of Koers: each file field carries one of the upload validators.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from django import forms
from django.apps import apps
from django.conf import settings as django_settings
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.urls import resolve, reverse

import koers
from koers.core import uploads
from koers.insight import uploads as statistics_uploads
from tests.conftest import World
from tests.core.zip_bombs import ARCHIVE, BOMBS, Bomb
from tests.permission_matrix import ROLES, ROWS, Row

DOCUMENT, SPREADSHEET, TEMPLATE = "document", "spreadsheet", "word template"
STATISTICS = "statistics table"  # a StatLine CSV export or a zipped download (koers.insight)
ACCEPTS = {
    DOCUMENT: set(uploads.ALLOWED_EXTENSIONS),
    SPREADSHEET: set(uploads.SPREADSHEET_EXTENSIONS),
    TEMPLATE: {".docx"},
    STATISTICS: set(statistics_uploads.STATLINE_EXTENSIONS),
}
PARSED = {SPREADSHEET, TEMPLATE, STATISTICS}  # what the server reads, not only keeps


@dataclass(frozen=True)
class Upload:
    page: str  # the permission matrix's row (URL name) of the page that shows the form
    role: str  # a role that sees the form there
    kind: str


# (URL name the form posts to, field name) → where it is and what it takes.
UPLOADS = {
    ("plans:realisation_create", "evidence_file"): Upload(
        "plans:activity", "programmacoordinator", DOCUMENT
    ),
    ("work:products", "document"): Upload("work:products", "medewerker", DOCUMENT),
    ("funding:grant_add", "application_document"): Upload(
        "funding:grant_add", "bedrijfsvoering", DOCUMENT
    ),
    ("funding:grant_add", "decision_document"): Upload(
        "funding:grant_add", "bedrijfsvoering", DOCUMENT
    ),
    ("funding:grant_edit", "application_document"): Upload(
        "funding:grant_edit", "bedrijfsvoering", DOCUMENT
    ),
    ("funding:grant_edit", "decision_document"): Upload(
        "funding:grant_edit", "bedrijfsvoering", DOCUMENT
    ),
    ("work:import", "file"): Upload("work:import", "bedrijfsvoering", SPREADSHEET),
    ("funding:budget_import", "file"): Upload(
        "funding:budget_import", "bedrijfsvoering", SPREADSHEET
    ),
    ("directory:person_import", "file"): Upload(
        "directory:person_import", "medewerker", SPREADSHEET
    ),
    ("directory:organisation_import", "file"): Upload(
        "directory:organisation_import", "directeur", SPREADSHEET
    ),
    ("relations:quote_template", "document"): Upload(
        "relations:quote_template", "beheerder", TEMPLATE
    ),
    ("insight:dataset_import", "file"): Upload("insight:dataset_import", "beheerder", STATISTICS),
    ("insight:survey_upload", "file"): Upload("insight:survey_upload", "directeur", SPREADSHEET),
}

# Values for required fields the page leaves empty, by input type: enough for a form to be
# valid, so that a file only reading refuses is read.
FILLERS = {
    "date": "2021-05-01",
    "number": "1",
    "email": "bom@example.org",
    "url": "https://example.org",
}


def row_for(name: str) -> Row:
    return next(row for row in ROWS if row.name == name and row.method == "GET")


def page_url(row: Row, world: World) -> str:
    return reverse(row.name, args=row.args(world)) + row.query_for(world)


def file_inputs(html: bytes, page: str) -> Iterator[tuple[Any, Any]]:
    """(form, file input) for every file input of the page."""
    if not html.strip():
        return
    document = lxml.html.fromstring(html, base_url=page)
    for form in document.forms:
        for element in form.inputs:
            if element.tag == "input" and element.get("type") == "file":
                yield form, element


def target_of(form: Any, page: str) -> str:
    return form.get("action") or page


# --- the fields, found ----------------------------------------------------------------------


def test_the_upload_fields_are_the_ones_found(world: World) -> None:
    found: dict[tuple[str, str], set[tuple[str, str]]] = {}
    accepts: dict[tuple[str, str], set[str]] = {}
    for row in ROWS:
        if row.method != "GET":
            continue
        url = page_url(row, world)
        for role, expected in zip(ROLES, row.expected, strict=True):
            if expected != 200:
                continue
            response = world.client(role).get(url)
            if "html" not in response.get("Content-Type", ""):
                continue
            for form, element in file_inputs(response.content, url):
                key = (resolve(target_of(form, url).split("?")[0]).view_name, element.name)
                found.setdefault(key, set()).add((row.name, role))
                accepts[key] = set(filter(None, element.get("accept", "").split(",")))
    assert set(found) == set(UPLOADS), "UPLOADS must name every upload field the pages show"
    for key, upload in UPLOADS.items():
        assert (upload.page, upload.role) in found[key], f"{key} is not on {upload.page}"
        assert accepts[key] == ACCEPTS[upload.kind], f"{key} takes {accepts[key]}"


# --- every bomb to every field --------------------------------------------------------------


def stored_now() -> tuple[dict[str, int], set[Path]]:
    """Rows in every table (sessions change with every request) and files kept."""
    counts = {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.label != "sessions.Session"
    }
    roots = [Path(django_settings.MEDIA_ROOT), Path(django_settings.DATA_DIR)]
    files = {path for root in roots if root.exists() for path in root.rglob("*") if path.is_file()}
    return counts, files


def submission(form: Any, field: str) -> dict[str, Any]:
    """The form's values as a browser would send them, required fields left empty filled
    in, the file field left out."""
    data: dict[str, Any] = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    for element in form.inputs:
        name = element.name
        if not name or name == field or any(data.get(name, [])):
            continue
        if element.get("required") is None:
            continue
        if element.tag == "select":
            data[name] = [option for option in element.value_options if option][:1]
        elif element.get("type") in ("checkbox", "radio"):
            data[name] = [element.get("value", "on")]
        elif element.get("inputmode") in ("decimal", "numeric"):
            data[name] = ["1"]
        else:
            data[name] = [FILLERS.get(element.get("type", ""), "Bom")]
    return data


def bomb_cases() -> Iterator[Any]:
    for (action, field), upload in UPLOADS.items():
        for bomb in BOMBS:
            if bomb.extension not in ACCEPTS[upload.kind]:
                continue
            if bomb.refused_by != ARCHIVE and upload.kind not in PARSED:
                continue  # kept, never read: nothing reads what only reading would show
            yield pytest.param(action, field, upload, bomb, id=f"{action}.{field}-{bomb.name}")


@pytest.fixture
def isolated_data_dir(settings: Any, tmp_path: Path) -> None:
    settings.DATA_DIR = tmp_path / "data"  # where imports keep an upload between steps


@pytest.mark.usefixtures("isolated_data_dir")
@pytest.mark.parametrize(("action", "field", "upload", "bomb"), list(bomb_cases()))
def test_every_upload_field_refuses_every_bomb(
    world: World, action: str, field: str, upload: Upload, bomb: Bomb
) -> None:
    client: Client = world.client(upload.role)
    url = page_url(row_for(upload.page), world)
    page = client.get(url)
    form = next(
        form
        for form, element in file_inputs(page.content, url)
        if element.name == field and resolve(target_of(form, url).split("?")[0]).view_name == action
    )
    data = submission(form, field)
    data[field] = SimpleUploadedFile(f"bom{bomb.extension}", bomb.content)
    before = stored_now()
    response = client.post(target_of(form, url), data)
    assert response.status_code in (400, 422), f"not refused ({response.status_code})"
    said = alerts(response.content)
    assert bomb.message in said, f"refused without saying why: {said}"
    assert stored_now() == before, "something was stored"


def alerts(html: bytes) -> str:
    """What the page says is wrong: its form errors and messages."""
    document = lxml.html.fromstring(html)
    return " | ".join(
        " ".join(element.text_content().split())
        for element in document.xpath('//*[@role="alert" or @role="status"]')
    )


# --- every form class -----------------------------------------------------------------------

VALIDATORS = {
    uploads.validate_document,
    uploads.validate_spreadsheet,
    uploads.validate_word_template,
    statistics_uploads.validate_statline_upload,
}


def form_classes() -> list[type[forms.BaseForm]]:
    for module in pkgutil.walk_packages(koers.__path__, "koers."):
        if ".migrations" not in module.name and not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found, todo = [], [forms.BaseForm]
    while todo:
        for subclass in todo.pop().__subclasses__():
            todo.append(subclass)
            if subclass.__module__.startswith("koers."):
                found.append(subclass)
    return found


FILE_FIELDS = [
    pytest.param(form, name, id=f"{form.__module__}.{form.__name__}.{name}")
    for form in form_classes()
    for name, field in form.base_fields.items()
    if isinstance(field, forms.FileField)
]


def test_the_walk_finds_the_forms() -> None:
    assert {"RealisationForm", "QuoteTemplateForm", "ImportFileForm"} <= {
        form.__name__ for form in form_classes()
    }


@pytest.mark.parametrize(("form", "name"), FILE_FIELDS)
def test_every_file_field_of_a_form_checks_its_upload(
    form: type[forms.BaseForm], name: str
) -> None:
    assert VALIDATORS & set(form.base_fields[name].validators), f"{name} takes any file"


@pytest.mark.django_db
def test_the_admin_takes_no_file_unchecked() -> None:
    """The admin builds its forms from the models: a file field there is either read-only
    or checked by the model's own validator."""
    from django.db import models

    from tests.accounts.factories import UserFactory

    request = RequestFactory().get("/")
    request.user = UserFactory(is_superuser=True, is_staff=True)
    read_only = []
    for model, model_admin in admin.site._registry.items():
        files = [f for f in model._meta.get_fields() if isinstance(f, models.FileField)]
        if not files:
            continue
        if not (
            model_admin.has_add_permission(request) or model_admin.has_change_permission(request)
        ):
            read_only.append(model.__name__)
            continue
        for file_field in files:
            assert VALIDATORS & set(file_field.validators), f"{model.__name__}.{file_field.name}"
    assert "Grant" in read_only  # the walk sees the admin's models with files
