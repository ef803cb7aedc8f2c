"""Several organisations on one installation each have their own public pages
(`koers.directory.public_holders`): the residents' signal form, the volunteers' sign-up and
the spinnenweb. For each, generated over the three: what a visitor sends on an organisation's
own address lands with that organisation; the plain address is the first named one's; a slug
the installation does not name is a 404 and nothing is stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db.models import Model
from django.test import Client

from koers.atlas.models import SpinnenwebTally
from koers.matching.models import PendingSignup
from koers.signals.models import Signal
from tests.atlas.spinnenweb_data import an_initiative, municipalities
from tests.matching.factories_public import almere, lelystad
from tests.matching.test_signup import answers as signup_answers
from tests.signals.test_public import answers as signal_answers


@dataclass(frozen=True)
class PublicPage:
    name: str
    address: str  # the plain address; an organisation's own is `address` + slug + "/"
    switch: str  # the installation's setting that opens it
    holders: str  # the setting that names the organisations
    model: type[Model]  # what a visitor's submission stores, with a `holder`
    data: Callable[[], dict[str, Any]]
    # Where she is sent after sending, from the page's own address.
    sent: Callable[[str], str]
    prepare: Callable[[Any], None] = lambda world: None


def _spinnenweb_ready(world: Any) -> None:
    places = municipalities()
    for organisation in (world.own, world.other_org):
        an_initiative(organisation, places["Lelystad"], f"Buurtkamer {organisation.slug}")


def _signup_ready(world: Any) -> None:
    almere()
    lelystad()


PAGES = [
    PublicPage(
        "signals",
        "/signalen/melden/",
        "PUBLIC_SIGNAL_FORM",
        "SIGNALS_PUBLIC_HOLDER",
        Signal,
        signal_answers,
        lambda address: f"{address}bedankt/",
    ),
    PublicPage(
        "signup",
        "/extra-handen/aanmelden/",
        "PUBLIC_MATCHING_SIGNUP",
        "MATCHING_SIGNUP_HOLDER",
        PendingSignup,
        signup_answers,
        lambda address: f"{address}?verzonden=1",
        _signup_ready,
    ),
    PublicPage(
        "spinnenweb",
        "/atlas/spinnenweb/",
        "PUBLIC_SPINNENWEB",
        "PUBLIC_ATLAS_HOLDER",
        SpinnenwebTally,
        lambda: {
            "body": "8",
            "mind": "8",
            "meaning": "8",
            "quality": "8",
            "participation": "2",
            "daily": "8",
            "municipality": "GM0995",
        },
        lambda address: "",  # her results are shown on the page itself (200)
        _spinnenweb_ready,
    ),
]


@pytest.fixture
def opened(world: Any, settings: Any, request: pytest.FixtureRequest) -> PublicPage:
    page: PublicPage = request.param
    setattr(settings, page.switch, True)
    setattr(settings, page.holders, f"{world.own.slug}, {world.other_org.slug}")
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    page.prepare(world)
    return page


def _holders(page: PublicPage) -> list[int]:
    return sorted(set(page.model.objects.values_list("holder_id", flat=True)))


def _sent(client: Client, page: PublicPage, address: str) -> None:
    response = client.post(address, page.data())
    expected = page.sent(address)
    if expected:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert response["Location"] == expected
        assert client.get(expected).status_code == 200
    else:
        assert response.status_code == 200, response.content.decode()[:2000]


@pytest.mark.parametrize("opened", PAGES, ids=[page.name for page in PAGES], indirect=True)
def test_each_named_organisation_has_its_own_page_and_gets_what_is_sent_there(
    world: Any, opened: PublicPage
) -> None:
    theirs = f"{opened.address}{world.other_org.slug}/"
    assert world.other_org.name in Client().get(theirs).content.decode()

    _sent(Client(), opened, theirs)

    assert _holders(opened) == [world.other_org.pk]


@pytest.mark.parametrize("opened", PAGES, ids=[page.name for page in PAGES], indirect=True)
def test_the_plain_address_is_the_first_named_organisations(world: Any, opened: PublicPage) -> None:
    _sent(Client(), opened, opened.address)

    assert _holders(opened) == [world.own.pk]


@pytest.mark.parametrize("opened", PAGES, ids=[page.name for page in PAGES], indirect=True)
def test_an_organisation_the_installation_does_not_name_has_no_page(
    world: Any, opened: PublicPage, settings: Any
) -> None:
    setattr(settings, opened.holders, world.own.slug)  # the other is not named
    theirs = f"{opened.address}{world.other_org.slug}/"

    assert Client().get(theirs).status_code == 404
    assert Client().post(theirs, opened.data()).status_code == 404
    assert Client().get(f"{opened.address}bestaat-niet/").status_code == 404
    assert not opened.model.objects.exists()


def test_a_named_slug_that_is_a_fixed_word_of_the_addresses_is_refused_at_start(
    settings: Any,
) -> None:
    from koers.directory.public_holders import holder_slugs_check

    settings.SIGNALS_PUBLIC_HOLDER = "cmo-flevoland, bedankt"
    assert [error.id for error in holder_slugs_check()] == ["koers.E002"]
    settings.SIGNALS_PUBLIC_HOLDER = "cmo-flevoland"
    assert holder_slugs_check() == []
