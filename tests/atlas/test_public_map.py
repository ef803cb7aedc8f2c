"""The public atlas: only when the installation opts in, only initiatives marked public,
never a person, no cookies, rate limited."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from koers.atlas.map.public_views import REQUESTS_PER_MINUTE
from tests.atlas.map_data import CONTACT_NAME, initiative

pytestmark = pytest.mark.django_db

PUBLIC_URLS = ("atlas:public_map", "atlas:public_map_data", "atlas:public_boundaries")


@pytest.fixture
def public_atlas(world: Any, settings: Any) -> None:
    settings.PUBLIC_ATLAS = True
    initiative(world.own, "Open Moestuin", themes=("natuur",), is_public=True, code="GM0995")
    initiative(world.own, "Besloten Kring", themes=("natuur",), is_public=False, code="GM0995")


@pytest.mark.parametrize("name", PUBLIC_URLS)
def test_without_the_setting_the_public_atlas_does_not_exist(world, name, settings):
    settings.PUBLIC_ATLAS = False
    assert Client().get(reverse(name)).status_code == 404


def test_the_public_page_shows_only_public_initiatives_without_cookies(public_atlas, settings):
    response = Client().get(reverse("atlas:public_map"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Open Moestuin" in page
    assert "Besloten Kring" not in page
    assert CONTACT_NAME not in page
    # No session, nothing that follows the visitor: at most the CSRF cookie of the page's
    # language switch.
    assert set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
    assert 'data-data-url="/atlas/openbaar/gegevens/"' in page
    assert "Alleen verouderde" not in page  # stale entries are the keepers' business


def test_the_public_data_has_no_private_initiative_and_no_person(public_atlas):
    client = Client()
    response = client.get(reverse("atlas:public_map_data"))
    data = json.loads(response.content)
    assert [f["properties"]["name"] for f in data["features"]] == ["Open Moestuin"]
    assert "url" not in data["features"][0]["properties"]  # no staff pages for the public
    assert CONTACT_NAME not in response.content.decode()
    assert not response.cookies
    boundaries = json.loads(client.get(reverse("atlas:public_boundaries")).content)
    lelystad = next(f for f in boundaries["features"] if f["properties"]["code"] == "GM0995")
    assert lelystad["properties"]["initiatives"] == 1


def test_the_public_atlas_is_rate_limited_per_address(public_atlas):
    client = Client(REMOTE_ADDR="192.0.2.7")
    for _ in range(REQUESTS_PER_MINUTE):
        assert client.get(reverse("atlas:public_map_data")).status_code == 200
    refused = client.get(reverse("atlas:public_map"))
    assert refused.status_code == 429
    assert "Te veel verzoeken" in refused.content.decode()
    assert Client(REMOTE_ADDR="192.0.2.8").get(reverse("atlas:public_map")).status_code == 200
