"""The one generic versioned edit page (koers.core.versioning.versioned_edit), through the
page converted to it first: adding and changing a network."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import models
from django.urls import reverse

from koers.core.versioning import VersionedModel
from koers.relations.models import Network
from koers.relations.networks import services
from tests.conftest import World


def posted(world: World, **changes: Any) -> dict[str, Any]:
    return {
        "name": "Alles is Gezondheid",
        "kind": "national",
        "role": "deelnemer",
        "programme": world.programme.pk,
        "joined_on": "2020-01-01",
        **changes,
    }


@pytest.fixture
def network(world: World) -> Network:
    return services.network_save(
        actor=world.users["medewerker"],
        holder_id=world.own.pk,
        values={
            "name": "Alles is Gezondheid",
            "kind": "national",
            "role": "deelnemer",
            "joined_on": dt.date(2020, 1, 1),
        },
        representatives=[],
    )


def edit_url(network: Network) -> str:
    return reverse("relations:network_edit", args=[network.pk])


def test_the_form_answers_200_on_get(world: World, network: Network) -> None:
    response = world.client("medewerker").get(edit_url(network))
    assert response.status_code == 200
    assert response.context["form"].initial["version"] == network.version
    assert response.context["conflict_rows"] is None


def test_adding_redirects_to_the_record_the_save_returned(world: World) -> None:
    response = world.client("medewerker").post(reverse("relations:network_add"), posted(world))
    [network] = Network.objects.all()
    assert response.status_code == 302
    assert response["Location"] == reverse("relations:network", args=[network.pk])


def test_saving_raises_the_version_and_redirects(world: World, network: Network) -> None:
    response = world.client("medewerker").post(
        edit_url(network), posted(world, name="Samen Gezond", version=network.version)
    )
    assert response.status_code == 302
    network.refresh_from_db()
    assert (network.name, network.version) == ("Samen Gezond", 2)


def test_a_form_refusal_answers_400(world: World, network: Network) -> None:
    response = world.client("medewerker").post(
        edit_url(network), posted(world, name="", version=network.version)
    )
    assert response.status_code == 400
    assert "name" in response.context["form"].errors


def test_a_save_in_between_answers_409_with_the_other_version(
    world: World, network: Network
) -> None:
    opened_version = network.version
    services.network_save(
        actor=world.users["medewerker"],
        holder_id=world.own.pk,
        values={"name": "Gezond Samen"},
        representatives=[],
        network=network,
        expected_version=opened_version,
    )
    response = world.client("medewerker").post(
        edit_url(network), posted(world, name="Mijn naam", version=opened_version)
    )
    assert response.status_code == 409
    shown = [value for _label, value in response.context["conflict_rows"]]
    assert shown == ["Gezond Samen", "Deelnemer", dt.date(2020, 1, 1), None]
    assert response.context["form"].data["version"] == str(opened_version + 1)
    assert response.context["form"].data["name"] == "Mijn naam"  # her input is kept
    network.refresh_from_db()
    assert network.name == "Gezond Samen"


def test_after_a_conflict_she_keeps_her_change_and_their_change_stands(
    world: World, network: Network
) -> None:
    """She renamed the network while a colleague wrote its purpose: her form comes back
    with her name and their purpose, so saving it again loses neither."""
    client = world.client("medewerker")
    opened = client.get(edit_url(network)).context["form"]
    her_copy = {
        **posted(world, version=network.version, purpose=""),
        **{f"initial-{name}": opened[name].value() or "" for name in ("name", "purpose")},
        "name": "Mijn naam",
    }
    services.network_save(
        actor=world.users["programmacoordinator"],
        holder_id=world.own.pk,
        values={"purpose": "Kennis delen over brede gezondheid"},
        representatives=[],
        network=network,
        expected_version=network.version,
    )
    conflict = client.post(edit_url(network), her_copy)
    assert conflict.status_code == 409
    form = conflict.context["form"]
    assert (form.data["name"], form.data["purpose"]) == (
        "Mijn naam",
        "Kennis delen over brede gezondheid",
    )
    assert client.post(edit_url(network), form.data).status_code == 302
    network.refresh_from_db()
    assert (network.name, network.purpose) == ("Mijn naam", "Kennis delen over brede gezondheid")


def versioned_models() -> list[type[models.Model]]:
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if any(field.name == "version" for field in model._meta.concrete_fields)
    ]


# Declared with a verbose name and editable (so a ModelForm or the admin could change it):
# they keep their own field rather than change their definition in this move.
DECLARED_OTHERWISE = {"directory.Person", "work.Project"}


@pytest.mark.parametrize("model", versioned_models(), ids=lambda model: model._meta.label)
def test_the_abstract_versioned_model_declares_version_as_the_models_do(
    model: type[models.Model],
) -> None:
    """So a model can inherit VersionedModel without a migration (`make check-migrations`)."""
    *_ignored, path, args, kwargs = model._meta.get_field("version").deconstruct()
    *_ignored, base_path, base_args, base_kwargs = VersionedModel._meta.get_field(
        "version"
    ).deconstruct()
    same = (path, args, kwargs) == (base_path, base_args, base_kwargs)
    assert same != (model._meta.label in DECLARED_OTHERWISE), (model._meta.label, kwargs)
