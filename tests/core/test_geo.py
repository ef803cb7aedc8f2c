"""Where a point lies, on the shipped CBS/Kadaster boundaries and on small hand-made files."""

from __future__ import annotations

import json

import pytest

from koers.core.geo import (
    BoundaryFileError,
    is_in_netherlands,
    municipality_code_at,
    parse_boundaries,
    shipped_boundaries,
)


def test_the_shipped_file_holds_all_342_municipalities_with_their_names() -> None:
    shapes = shipped_boundaries()
    assert len(shapes) == 342
    assert shapes["GM0995"].name == "Lelystad"
    assert shapes["GM0184"].name == "Urk"


@pytest.mark.parametrize(
    ("lat", "lon", "code"),
    [
        (52.5185, 5.4714, "GM0995"),  # Lelystad, the station
        (52.3508, 5.2647, "GM0034"),  # Almere Stad
        (52.6624, 5.6000, "GM0184"),  # Urk
        (52.5600, 5.7200, "GM0303"),  # Dronten
    ],
)
@pytest.mark.django_db  # the boundaries in force: an imported set, else the shipped file
def test_a_point_is_placed_in_its_municipality(lat: float, lon: float, code: str) -> None:
    assert municipality_code_at(lat, lon) == code
    assert is_in_netherlands(lat, lon)


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(50.8503, 4.3517), (52.5200, 13.4050), (53.5, 3.5), (0.0, 0.0)],  # Brussels, Berlin, sea
)
@pytest.mark.django_db
def test_points_abroad_are_not_in_the_netherlands(lat: float, lon: float) -> None:
    assert not is_in_netherlands(lat, lon)
    assert municipality_code_at(lat, lon) is None


SQUARE = {
    "type": "FeatureCollection",
    "features": [
        {
            "type": "Feature",
            "properties": {"statcode": "GM9999", "statnaam": "Vierkant"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [[5, 52], [6, 52], [6, 53], [5, 53], [5, 52]],
                    [[5.4, 52.4], [5.6, 52.4], [5.6, 52.6], [5.4, 52.6], [5.4, 52.4]],
                ],
            },
        }
    ],
}


def test_a_hole_is_outside_and_the_tolerance_reaches_just_past_the_edge() -> None:
    shapes = parse_boundaries(json.dumps(SQUARE))
    assert municipality_code_at(52.2, 5.2, shapes) == "GM9999"
    assert municipality_code_at(52.5, 5.5, shapes) is None  # in the hole
    assert is_in_netherlands(52.5, 6.005, shapes)  # 0.005° east of the edge
    assert not is_in_netherlands(52.5, 6.05, shapes)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("no json", "not JSON"),
        ("[1, 2]", "not a JSON object"),
        ('{"type": "Feature"}', "neither"),
        ('{"type": "FeatureCollection", "features": []}', "no municipalities"),
        (
            json.dumps({**SQUARE, "features": [{**SQUARE["features"][0], "properties": {}}]}),
            "without a CBS code",
        ),
        (
            '{"type": "Topology", "arcs": [], "objects": {"x": {"geometries": '
            '[{"type": "Polygon", "arcs": [[0]], "properties": {"statcode": "GM0001"}}]}}}',
            "cannot be read",
        ),
    ],
)
def test_files_that_are_no_boundaries_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(BoundaryFileError, match=reason):
        parse_boundaries(text)
