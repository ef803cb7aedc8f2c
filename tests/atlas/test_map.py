"""The atlas's map page, its data endpoints and its exports: filters, figures per 10,000
inhabitants, constant queries, gzip, and never a person."""

from __future__ import annotations

import csv
import gzip
import io
import json
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from koers.atlas.models import Initiative, InitiativeKind
from tests.atlas.map_data import CONTACT_NAME, initiative, many, municipality

pytestmark = pytest.mark.django_db


@pytest.fixture
def atlas(world: Any) -> dict[str, Initiative]:
    municipality("GM0034", population=200_000)
    municipality("GM0995", population=80_000)
    municipality("GM0303")  # no population known
    return {
        "sport": initiative(
            world.own, "Sportclub Buiten", themes=("sport",), serves_body=2, code="GM0034"
        ),
        "sport_meedoen": initiative(
            world.own,
            "Samen Sporten",
            themes=("sport", "eenzaamheid"),
            serves_participation=2,
            code="GM0995",
        ),
        "natuur": initiative(
            world.own, "Natuurwerkgroep", themes=("natuur",), serves_participation=1, code="GM0303"
        ),
        "unlocated": initiative(
            world.own,
            "Taalcafé",
            themes=("taal-en-gezondheid",),
            located=False,
            code="GM0034",
            kind=InitiativeKind.INFORMAL_NETWORK,
        ),
        "other": initiative(world.other_org, "Elders", themes=("sport",), code="GM0034"),
    }


def _json(response: Any) -> Any:
    return json.loads(response.content)


def test_the_page_shows_the_table_and_summary_without_inlining_map_data(world, atlas):
    response = world.client("medewerker").get(reverse("atlas:index"))
    assert response.status_code == 200
    names = [row.name for row in response.context["initiatives"]]
    assert names == ["Natuurwerkgroep", "Samen Sporten", "Sportclub Buiten", "Taalcafé"]
    assert "Elders" not in response.content.decode()  # another organisation's atlas
    summary = response.context["summary"]
    assert summary.startswith("4 initiatieven in 3 gemeenten; meeste in Almere (2)")
    assert "1 ervan heeft geen locatie" in summary
    page = response.content.decode()
    assert "52.37" not in page and "5.22" not in page  # no point inlined
    assert 'data-data-url="/atlas/kaart/gegevens/"' in page
    assert "Bron: CBS, Kadaster" in page


def test_theme_and_dimension_filter_the_table_and_the_endpoints_alike(world, atlas):
    client = world.client("medewerker")
    query = {"thema": "sport", "dimensie": "participation"}
    response = client.get(reverse("atlas:index"), query)
    assert [row.name for row in response.context["initiatives"]] == ["Samen Sporten"]
    assert 'data-data-url="/atlas/kaart/gegevens/?thema=sport&amp;dimensie=participation"' in (
        response.content.decode()
    )
    features = _json(client.get(reverse("atlas:map_data"), query))["features"]
    assert [f["properties"]["name"] for f in features] == ["Samen Sporten"]
    # At least "somewhat" (1) counts: the nature group serves participation somewhat.
    response = client.get(reverse("atlas:index"), {"dimensie": "participation"})
    assert {row.name for row in response.context["initiatives"]} == {
        "Samen Sporten",
        "Natuurwerkgroep",
    }


def test_municipality_kind_and_stale_filters(world, atlas, settings):
    settings.REFERENCE_DATE = "2021-10-15"
    client = world.client("medewerker")
    rows = client.get(reverse("atlas:index"), {"gemeente": "GM0034"}).context["initiatives"]
    assert {row.name for row in rows} == {"Sportclub Buiten", "Taalcafé"}
    rows = client.get(reverse("atlas:index"), {"soort": "informeel_netwerk"}).context["initiatives"]
    assert [row.name for row in rows] == ["Taalcafé"]
    Initiative.objects.filter(pk=atlas["natuur"].pk).update(
        confirmed_on="2020-10-14"  # a year and a day before the reference date: stale
    )
    Initiative.objects.filter(pk=atlas["sport"].pk).update(confirmed_on="2020-10-15")
    rows = client.get(reverse("atlas:index"), {"verouderd": "on"}).context["initiatives"]
    assert [row.name for row in rows] == ["Natuurwerkgroep"]


def test_an_unknown_filter_value_is_said_and_left_out(world, atlas):
    response = world.client("medewerker").get(reverse("atlas:index"), {"thema": "bestaat-niet"})
    assert response.status_code == 200
    assert len(response.context["initiatives"]) == 4
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_map_data_is_geojson_points_with_colours_and_no_person(world, atlas):
    response = world.client("medewerker").get(reverse("atlas:map_data"))
    assert response["Content-Type"] == "application/geo+json"
    data = _json(response)
    assert data["type"] == "FeatureCollection"
    by_name = {f["properties"]["name"]: f for f in data["features"]}
    assert set(by_name) == {"Natuurwerkgroep", "Samen Sporten", "Sportclub Buiten"}
    together = by_name["Samen Sporten"]
    assert together["geometry"] == {"type": "Point", "coordinates": [5.47, 52.51]}
    # Themes in their order: sport (1) before eenzaamheid (4); the first colours the marker.
    assert together["properties"]["colours"] == ["#56B4E9", "#0072B2"]
    assert together["properties"]["municipality"] == "Lelystad"
    assert together["properties"]["url"] == f"/atlas/initiatieven/{atlas['sport_meedoen'].pk}/"
    assert CONTACT_NAME not in response.content.decode()


def test_map_data_is_gzipped_when_the_browser_takes_it(world, atlas):
    client = world.client("medewerker")
    plain = client.get(reverse("atlas:map_data"))
    assert "Content-Encoding" not in plain
    zipped = client.get(reverse("atlas:map_data"), headers={"accept-encoding": "gzip"})
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert json.loads(gzip.decompress(zipped.content)) == _json(plain)


@pytest.mark.parametrize("count", [10, 300])
def test_map_data_costs_the_same_queries_however_many(world, count, django_assert_max_num_queries):
    many(world.own, count)
    client = world.client("medewerker")
    client.get(reverse("atlas:map_data"))  # the session's first queries
    with django_assert_max_num_queries(9):
        response = client.get(reverse("atlas:map_data"))
    assert len(_json(response)["features"]) == count


@pytest.mark.parametrize("count", [10, 300])
def test_the_page_costs_the_same_queries_however_many(world, count, django_assert_max_num_queries):
    many(world.own, count)
    client = world.client("medewerker")
    client.get(reverse("atlas:index"))
    with django_assert_max_num_queries(22):
        response = client.get(reverse("atlas:index"))
    assert response.context["listing"].total == count


def test_boundaries_give_counts_per_10000_and_say_when_no_population(world, atlas):
    data = _json(world.client("medewerker").get(reverse("atlas:boundaries")))
    by_code = {f["properties"]["code"]: f["properties"] for f in data["features"]}
    assert set(by_code) == {"GM0034", "GM0050", "GM0171", "GM0184", "GM0303", "GM0995"}
    assert by_code["GM0034"]["initiatives"] == 2
    assert by_code["GM0034"]["per_10000"] == 0.1  # 2 per 200,000
    assert by_code["GM0995"]["per_10000"] == 0.1  # 1 per 80,000 = 0.125 → 0.1
    assert by_code["GM0303"]["initiatives"] == 1
    assert by_code["GM0303"]["per_10000"] is None
    assert by_code["GM0050"]["initiatives"] == 0
    assert data["attribution"] == "Bron: CBS, Kadaster"
    polygon = data["features"][0]["geometry"]
    assert polygon["type"] in ("Polygon", "MultiPolygon")


def test_the_page_lists_the_figures_per_municipality(world, atlas):
    response = world.client("medewerker").get(reverse("atlas:index"))
    figures = {figure.code: figure for figure in response.context["figures"]}
    assert str(figures["GM0034"].per_10000) == "0.1"
    assert figures["GM0303"].per_10000 is None
    assert "geen inwonertal bekend" in response.content.decode()


def test_a_funder_sees_the_funded_atlas_but_never_a_person(world, atlas):
    client = world.client("opdrachtgever")
    response = client.get(reverse("atlas:index"))
    # The province funds programmes of both organisations: it sees both atlases.
    assert len(response.context["initiatives"]) == 5
    for name in ("atlas:map_data", "atlas:map_export_csv", "atlas:map_export_geojson"):
        assert CONTACT_NAME not in client.get(reverse(name)).content.decode()


def test_another_organisation_sees_only_its_own_atlas(world, atlas):
    client = world.client("outsider")
    rows = client.get(reverse("atlas:index")).context["initiatives"]
    assert [row.name for row in rows] == ["Elders"]
    features = _json(client.get(reverse("atlas:map_data")))["features"]
    assert [f["properties"]["name"] for f in features] == ["Elders"]


def test_csv_and_excel_exports_hold_the_filtered_initiatives(world, atlas):
    client = world.client("medewerker")
    response = client.get(reverse("atlas:map_export_csv"), {"thema": "sport"})
    rows = list(csv.reader(io.StringIO(response.content.decode()), delimiter=";"))
    assert rows[0][:3] == ["Initiatief", "Soort", "Gemeente"]
    assert [row[0] for row in rows[1:]] == ["Samen Sporten", "Sportclub Buiten"]
    assert CONTACT_NAME not in response.content.decode()
    response = client.get(reverse("atlas:map_export_xlsx"), {"thema": "sport"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert [row[0] for row in values[1:]] == ["Samen Sporten", "Sportclub Buiten"]
    assert not any(CONTACT_NAME in str(cell) for row in values for cell in row)


def test_geojson_export_is_a_download_of_the_points(world, atlas):
    response = world.client("medewerker").get(reverse("atlas:map_export_geojson"))
    assert "attachment" in response["Content-Disposition"]
    assert len(_json(response)["features"]) == 3


def test_the_tile_host_is_allowed_as_an_image_source(world, settings):
    from koers.settings import tile_origin

    assert tile_origin(
        "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png"
    ) == ("https://service.pdok.nl")
    assert tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png") == (
        "https://*.tile.example.org"
    )
    assert tile_origin("") == ""
    response = world.client("medewerker").get(reverse("atlas:index"))
    policy = response["Content-Security-Policy"]
    assert "img-src 'self' data:" in policy
    assert settings.MAP_TILE_ORIGIN in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]


def test_the_atlas_is_in_the_navigation(world):
    response = world.client("medewerker").get(reverse("atlas:index"))
    sections = [str(link.label) for link, _pages in response.context["navigation"].sections]
    assert "Atlas" in sections
