"""One write path (issue 15, item 4): the admin is not a second way to change what the
app's services change.

Generated from the admin's registry:
- every registered model (and inline) whose records a service writes is read-only in the
  admin or saved through the service;
- every registered model with a `version` is refused by the admin, or an admin save raises
  its version by one, so an app form opened before the admin's change answers 409.
And end to end for the two app pages that edit a versioned model the admin shows: the
project form answers 409 after an admin change; the organisation is read-only in the admin
and its page says where to change it.
"""

from __future__ import annotations

import ast
import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.contrib import admin
from django.db import models
from django.urls import reverse

import koers
from koers.accounts.roles import Role
from koers.core.admin_audit import ReadOnlyPermissions, ServiceSavedModelAdmin
from koers.directory.models import Organisation
from koers.work.models import Project
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.conftest import World, verified_client
from tests.permission_matrix import a_project
from tests.permission_matrix_admin import ADMIN_MODELS

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
SOURCE = Path(koers.__file__).parent
SERVICE_MODULES = sorted(
    [
        *SOURCE.glob("*/services.py"),
        *SOURCE.glob("*/*_services.py"),
        *SOURCE.glob("*/services/*.py"),
    ]
)

# Models a service writes whose admin is nevertheless their write path, and why.
ADMIN_IS_THE_WRITE_PATH = {
    # Accounts are managed in the admin; accounts.services makes the installation's first
    # account and handles second factors (the admin's reset action calls that service).
    "accounts.User",
    # Roles are given on the account's admin page (its inline); the installation's first
    # membership is made by that same setup service.
    "accounts.Membership",
}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _written_by_services() -> set[str]:
    """Class names of models a service writes: it makes one (`Model(...)`,
    `Model.objects.create(...)` and the like) or a public service is named after it
    (`<thing>_<verb>`, as `project_save`)."""
    constructed: set[str] = set()
    service_names: set[str] = set()
    for path in SERVICE_MODULES:
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                service_names.add(node.name)
            if isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Name):
                    constructed.add(func.id)
                elif (
                    isinstance(func, ast.Attribute)
                    and func.attr in {"create", "get_or_create", "update_or_create", "bulk_create"}
                    and isinstance(func.value, ast.Attribute)
                    and isinstance(func.value.value, ast.Name)
                ):
                    constructed.add(func.value.value.id)
    models_seen = {model.__name__ for model in _registered_and_inline_models()}
    named = {
        name
        for name in models_seen
        if any(service.startswith(f"{_snake(name)}_") for service in service_names)
    }
    return (constructed & models_seen) | named


def _registered_and_inline_models() -> list[type[models.Model]]:
    found = []
    for model, model_admin in REGISTERED:
        found.append(model)
        found += [inline.model for inline in model_admin.inlines]
    return found


WRITTEN_BY_SERVICES = _written_by_services()
SERVICED = [
    (model, model_admin)
    for model, model_admin in REGISTERED
    if model.__name__ in WRITTEN_BY_SERVICES and model._meta.label not in ADMIN_IS_THE_WRITE_PATH
]
VERSIONED = [
    (model, model_admin)
    for model, model_admin in REGISTERED
    if any(field.name == "version" for field in model._meta.concrete_fields)
]


def _saves_through_service(model_admin: Any) -> bool:
    return (
        isinstance(model_admin, ServiceSavedModelAdmin)
        and type(model_admin).save_through_service
        is not ServiceSavedModelAdmin.save_through_service
    )


def test_the_walk_finds_the_models_with_services() -> None:
    """Guards the generated tests below against an empty or shrunken walk."""
    labels = {model._meta.label for model, _model_admin in SERVICED}
    assert {"work.Project", "directory.Organisation", "plans.Activity", "funding.Grant"} <= labels
    assert len(SERVICED) == 14, sorted(labels)  # with tactical goals, tasks, partners, milestones
    assert len(VERSIONED) == 8, [model._meta.label for model, _model_admin in VERSIONED]


@pytest.mark.parametrize(
    ("model", "model_admin"), SERVICED, ids=[m._meta.label for m, _a in SERVICED]
)
def test_a_model_with_services_is_read_only_in_the_admin_or_saved_through_them(
    model: Any, model_admin: Any
) -> None:
    assert isinstance(model_admin, ReadOnlyPermissions) or _saves_through_service(model_admin), (
        f"{model._meta.label}: a service writes it; make its ModelAdmin a ReadOnlyModelAdmin "
        "(saying where to change it) or a ServiceSavedModelAdmin"
    )


@pytest.mark.parametrize(
    ("model", "model_admin"), REGISTERED, ids=[m._meta.label for m, _a in REGISTERED]
)
def test_an_inline_of_a_model_with_services_is_read_only(model: Any, model_admin: Any) -> None:
    for inline in model_admin.inlines:
        if (
            inline.model.__name__ in WRITTEN_BY_SERVICES
            and inline.model._meta.label not in ADMIN_IS_THE_WRITE_PATH
        ):
            assert issubclass(inline, ReadOnlyPermissions), inline


# --- a save in the admin raises the version, or the admin refuses -------------------------------


def _admin_of_everything(world: World) -> Any:
    """A beheerder of the world's own organisation who also holds the roles that open the
    money and project pages of the admin."""
    user = UserFactory(username="beheer-alles")
    for role in (Role.BEHEERDER, Role.DIRECTEUR, Role.BEDRIJFSVOERING):
        MembershipFactory(user=user, organisation=world.own, role=role)
    return verified_client(user)


def _as_posted(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "on" if value else ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [_as_posted(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    return value


def _posted_back(page: Any) -> dict[str, Any]:
    """What the change page's form sends when saved unchanged, inlines included."""
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data: dict[str, Any] = {}
    for form in forms:
        for name in form.fields:
            value = _as_posted(form[name].value())
            if value != "":
                data[form.add_prefix(name)] = value
    return data


def _change_url(instance: Any) -> str:
    meta = instance._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[instance.pk])


@pytest.mark.parametrize(
    ("model", "model_admin"), VERSIONED, ids=[m._meta.label for m, _a in VERSIONED]
)
def test_an_admin_save_raises_the_version_or_the_admin_refuses(
    world: World, model: Any, model_admin: Any
) -> None:
    instance = ADMIN_MODELS[model._meta.label.lower()].target(world)
    before = type(instance).objects.get(pk=instance.pk).version
    client = _admin_of_everything(world)
    page = client.get(_change_url(instance))
    assert page.status_code == 200
    if not page.context["has_change_permission"]:
        assert client.post(_change_url(instance), {}).status_code == 403
        assert type(instance).objects.get(pk=instance.pk).version == before
        return
    saved = client.post(_change_url(instance), _posted_back(page))
    assert saved.status_code == 302, saved.context and saved.context["adminform"].form.errors
    assert type(instance).objects.get(pk=instance.pk).version == before + 1


# --- end to end: the app's pages --------------------------------------------------------------


def test_the_project_form_opened_before_an_admin_change_answers_409(world: World) -> None:
    project = a_project(world)
    app = world.client("directeur")
    edit_url = reverse("work:project_edit", args=[project.pk])
    opened = app.get(edit_url)
    version_seen = opened.context["form"].initial["version"]

    admin_client = _admin_of_everything(world)
    data = _posted_back(admin_client.get(_change_url(project)))
    data["title"] = "Netwerk Urk (beheer)"
    assert admin_client.post(_change_url(project), data).status_code == 302

    late = app.post(
        edit_url,
        {
            "title": "Netwerk Urk (app)",
            "programme": world.programme.pk,
            "starts_on": "2021-01-01",
            "status": project.status,
            "version": version_seen,
        },
    )
    assert late.status_code == 409
    project.refresh_from_db()
    assert (project.title, project.version) == ("Netwerk Urk (beheer)", version_seen + 1)


def test_an_admin_save_over_a_later_app_change_is_refused_with_a_message(world: World) -> None:
    project = a_project(world)
    admin_client = _admin_of_everything(world)
    data = _posted_back(admin_client.get(_change_url(project)))
    Project.objects.filter(pk=project.pk).update(title="Intussen gewijzigd", version=2)
    data["title"] = "Netwerk Urk (beheer)"
    refused = admin_client.post(_change_url(project), data, follow=True)
    assert "Someone else saved" in refused.content.decode() or "Iemand anders" in (
        refused.content.decode()
    )
    project.refresh_from_db()
    assert (project.title, project.version) == ("Intussen gewijzigd", 2)


def test_the_admin_save_of_a_project_is_the_services_audit_entry(world: World) -> None:
    from koers.core.models import AuditEntry

    project = a_project(world)
    admin_client = _admin_of_everything(world)
    data = _posted_back(admin_client.get(_change_url(project)))
    assert admin_client.post(_change_url(project), data).status_code == 302
    assert AuditEntry.objects.filter(action="project.saved").count() == 1
    assert not AuditEntry.objects.filter(action="admin.change").exists()


def test_an_organisation_is_read_only_in_the_admin_and_says_where_to_change_it(
    world: World,
) -> None:
    organisation = world.own
    client = world.client("beheerder")
    page = client.get(_change_url(organisation))
    assert page.status_code == 200
    text = page.content.decode()
    assert reverse("directory:organisation_edit", args=[organisation.pk]) in text
    assert not page.context["has_change_permission"]
    assert client.post(_change_url(organisation), {"name": "Overschreven"}).status_code == 403
    organisation.refresh_from_db()
    assert (organisation.name, organisation.version) == ("CMO Flevoland", 1)
    assert Organisation.objects.filter(pk=organisation.pk).exists()


READ_ONLY_SERVICED = [
    (model, model_admin)
    for model, model_admin in SERVICED
    if isinstance(model_admin, ReadOnlyPermissions)
]


@pytest.mark.parametrize(
    ("model", "model_admin"),
    READ_ONLY_SERVICED,
    ids=[m._meta.label for m, _a in READ_ONLY_SERVICED],
)
def test_a_read_only_admin_page_says_where_to_change_it(
    world: World, model: Any, model_admin: Any
) -> None:
    instance = ADMIN_MODELS[model._meta.label.lower()].target(world)
    client = _admin_of_everything(world)
    for url in (
        _change_url(instance),
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"),
    ):
        page = client.get(url)
        assert page.status_code == 200
        assert "Koers zelf" in page.content.decode(), url  # "Wijzig dit in Koers zelf"
