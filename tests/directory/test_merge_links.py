"""A merge moves every link to the duplicate (koers.directory.merging), generated from the
models: every field of every app that points at an organisation or a person, hidden ones
(`related_name="+"`) included. Before `reverse_relations`, the ten hidden links to an
organisation (a table's keeper, a budget's funder, a quote's holder, …) were not moved: the
merge then failed on the protected ones and deleted the cascading ones with the duplicate."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.utils import timezone

from koers.directory.merging import reverse_relations
from koers.directory.models import Organisation, Person
from koers.directory.organisations import services
from koers.insight.models import Dataset
from tests.conftest import World
from tests.directory.factories import OrganisationFactory

MERGED = (Organisation, Person)


def _links_to(model: type[Any]) -> list[tuple[str, str]]:
    """(model label, field name) of every declared field that points at `model`."""
    return sorted(
        (other._meta.label, field.name)
        for other in apps.get_models()
        if not other._meta.auto_created
        for field in other._meta.get_fields()
        if field.is_relation and not field.auto_created and field.related_model is model
    )


LINKS = [
    pytest.param(model, label, name, id=f"{model.__name__}-{label}.{name}")
    for model in MERGED
    for label, name in _links_to(model)
]


@pytest.mark.parametrize(("model", "label", "name"), LINKS)
def test_a_merge_moves_every_link(model: type[Any], label: str, name: str) -> None:
    moved = {(r.related_model._meta.label, r.field.name) for r in reverse_relations(model)}
    assert (label, name) in moved


def test_there_are_links_to_check() -> None:
    """The generated cases are not empty: hidden links among them."""
    assert len(LINKS) > 80
    assert ("insight.Dataset", "keeper") in _links_to(Organisation)


@pytest.mark.django_db
def test_a_duplicate_that_keeps_a_table_is_merged_and_the_table_kept_by_the_one_that_stays(
    world: World,
) -> None:
    keep, duplicate = OrganisationFactory(), OrganisationFactory()
    table = Dataset.objects.create(
        source="Koers tests",
        table_id="t-9",
        title="Tabel",
        imported_at=timezone.now(),
        keeper=duplicate,
    )
    moved = services.organisation_merge(
        actor=world.users["installatiebeheerder"], keep=keep, duplicate=duplicate
    )
    table.refresh_from_db()
    assert table.keeper == keep
    assert moved["insight.dataset.keeper"] == 1
    assert not Organisation.objects.filter(pk=duplicate.pk).exists()
