"""The atlas's map in a real browser: filtered by a theme and a dimension, the table below
holds what the database holds; with the tiles blocked the map says so and still draws the
six municipalities and the markers; axe finds nothing serious."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, run_in_demo, sign_in

pytestmark = pytest.mark.browser

TILE_HOST = "https://service.pdok.nl/**"

# Until the demo has its own atlas: initiatives across Flevoland's six municipalities,
# every third one about sport, and serving participation in turn (0, 1, 2).
ADD_INITIATIVES = """
import datetime as dt
from decimal import Decimal
from koers.atlas.models import Initiative, InitiativeKind, Theme
from koers.core.models import Municipality
from koers.demo.constants import OWN
from koers.directory.models import Organisation

holder = Organisation.objects.get(slug=OWN)
places = {
    "GM0034": (52.37, 5.22), "GM0995": (52.51, 5.47), "GM0303": (52.52, 5.72),
    "GM0171": (52.71, 5.75), "GM0184": (52.66, 5.60), "GM0050": (52.33, 5.54),
}
themes = list(Theme.objects.order_by("order"))
if not Initiative.objects.filter(holder=holder, name__startswith="Kaarttest").exists():
    for number in range(24):
        code = list(places)[number % 6]
        lat, lon = places[code]
        initiative = Initiative.objects.create(
            holder=holder,
            name=f"Kaarttest {number:02d}",
            kind=InitiativeKind.RESIDENTS,
            municipality=Municipality.objects.get(code=code),
            latitude=Decimal(str(round(lat + number / 1000, 5))),
            longitude=Decimal(str(round(lon + number / 1000, 5))),
            serves_participation=number % 3,
            confirmed_on=dt.date(2021, 5, 1),
            is_example=True,
        )
        initiative.themes.set([themes[number % 3], themes[3 + number % 4]])
"""

COUNT_MATCHING = """
import json
from koers.atlas.models import Initiative
from koers.demo.constants import OWN
rows = Initiative.objects.filter(
    holder__slug=OWN, themes__slug="sport", serves_participation__gte=1
)
print(json.dumps(sorted(rows.values_list("name", flat=True))))
"""


@pytest.fixture(scope="module")
def atlas_server(demo_environment: dict[str, str], demo_server: str) -> str:
    run_in_demo(demo_environment, ADD_INITIATIVES)
    return demo_server


def test_filtering_the_map_by_theme_and_dimension_matches_the_table(
    page: Any, atlas_server: str, demo_environment: dict[str, str]
) -> None:
    expected = json.loads(run_in_demo(demo_environment, COUNT_MATCHING))
    assert expected  # the data above holds sport initiatives serving participation
    page.route(TILE_HOST, lambda route: route.abort())
    sign_in(page, atlas_server, "coordinator")
    page.goto(f"{atlas_server}/atlas/")
    page.get_by_label("Thema", exact=True).select_option(label="Sport")
    page.get_by_label("Dimensie van positieve gezondheid").select_option(label="Meedoen")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url(re.compile(r"thema=sport.*dimensie=participation"))
    table = page.get_by_role("table", name="Initiatieven op de kaart")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(len(expected))
    for name in expected:
        expect(table.get_by_role("link", name=name, exact=True)).to_be_visible()
    # The map draws the same initiatives (markers or clusters that hold them).
    expect(page.locator("#atlas-map")).to_have_attribute("data-initiatives", str(len(expected)))
    expect(page.locator("#atlas-summary")).to_contain_text(f"{len(expected)} initiatieven")


def test_without_tiles_the_map_says_so_and_still_draws_boundaries_and_markers(
    page: Any, atlas_server: str
) -> None:
    page.route(TILE_HOST, lambda route: route.abort())
    sign_in(page, atlas_server, "coordinator")
    page.goto(f"{atlas_server}/atlas/")
    expect(page.get_by_text("De achtergrondkaart is niet beschikbaar")).to_be_visible()
    expect(page.locator("#atlas-map")).to_have_attribute("data-loaded", "true")
    expect(page.locator("#atlas-map path.atlas-boundary")).to_have_count(6)
    expect(
        page.locator("#atlas-map .leaflet-marker-icon, #atlas-map path.atlas-initiative").first
    ).to_be_visible()
    expect(page.locator("#atlas-choropleth-legend li").first).to_be_visible()
    expect(page.locator("#atlas-map")).to_contain_text("Bron: CBS, Kadaster")
    assert axe_violations(page) == []
