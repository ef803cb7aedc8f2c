"""The register of processing is generated from the code and cannot fall behind it."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse

from koers.core.privacy import declaration_of
from koers.directory.models import Person
from koers.privacy.register import processing_register
from tests.conftest import World

# Field names that hold personal data wherever they occur.
PERSONAL_NAMES = {"email", "phone", "first_name", "last_name", "ip_address", "user_agent"}


def _looks_personal(model: type[models.Model]) -> list[str]:
    found = []
    for field in model._meta.get_fields():
        if not getattr(field, "concrete", False):
            continue
        related = getattr(field, "related_model", None)
        if (
            isinstance(field, models.EmailField | models.GenericIPAddressField)
            or field.name in PERSONAL_NAMES
            or related is Person
        ):
            found.append(field.name)
    return found


@pytest.mark.parametrize(
    "model", [m for m in apps.get_models() if _looks_personal(m)], ids=lambda m: m._meta.label
)
def test_every_model_with_personal_data_declares_it(model: type[models.Model]) -> None:
    declaration = declaration_of(model)
    assert declaration is not None, f"{model._meta.label} holds {_looks_personal(model)}"
    assert declaration.purpose and declaration.retention and declaration.subjects


@pytest.mark.parametrize("entry", processing_register(), ids=lambda e: e.model._meta.label)
def test_declared_fields_exist(entry: object) -> None:
    model = entry.model  # type: ignore[attr-defined]
    for name in entry.declaration.fields:  # type: ignore[attr-defined]
        try:
            model._meta.get_field(name)
        except FieldDoesNotExist:
            pytest.fail(f"{model._meta.label} declares {name!r}, which it does not have")


def test_the_register_is_shown_in_the_app(world: World) -> None:
    response = world.client("medewerker").get(reverse("privacy:register"))
    assert response.status_code == 200
    page = response.content.decode()
    assert str(Person._meta.verbose_name_plural) in page
    assert "KOERS_PERSON_RETENTION_YEARS" in page
