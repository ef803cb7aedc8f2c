"""`koers import_boundaries`: a newer or finer set of municipal boundaries replaces the
shipped one; a bad file is refused with a Dutch message and changes nothing."""

from __future__ import annotations

import json
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from koers.core.geo import GEO_DATA, current_boundaries, municipality_code_at
from koers.core.models import AuditEntry, MunicipalityBoundary

pytestmark = pytest.mark.django_db

FLEVOLAND = GEO_DATA / "flevoland_gemeenten_2024.geojson"


def _run(*args: str) -> str:
    out = StringIO()
    call_command("import_boundaries", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{niet json", "geen geldige JSON"),
        ("[1, 2]", "geen TopoJSON- of GeoJSON-object"),
        ('{"type": "Feature"}', "geen TopoJSON (een Topology) en geen GeoJSON"),
        (
            json.dumps(
                {
                    "type": "FeatureCollection",
                    "features": [
                        {
                            "type": "Feature",
                            "properties": {"naam": "Ergens"},
                            "geometry": {
                                "type": "Polygon",
                                "coordinates": [[[5, 52], [6, 52], [6, 53], [5, 52]]],
                            },
                        }
                    ],
                }
            ),
            "zonder CBS-code",
        ),
        ('{"type": "FeatureCollection", "features": []}', "bevat geen gemeenten"),
    ],
)
def test_a_bad_file_is_refused_in_dutch_and_stores_nothing(tmp_path, content, message):
    path = tmp_path / "grenzen.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=re.escape(message)) as refused:
        _run(str(path))
    assert "grenzen.json geweigerd, er is niets veranderd" in str(refused.value)
    assert not MunicipalityBoundary.objects.exists()
    assert not AuditEntry.objects.filter(action="boundaries.imported").exists()


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="is niet te lezen"):
        _run(str(tmp_path / "bestaat-niet.json"))


def test_a_dry_run_says_what_would_change_and_stores_nothing():
    output = _run(str(FLEVOLAND), "--dry-run")
    # The extract's six against the shipped 342: rounded coordinates, so all six change.
    assert "Gewijzigd: 6 GM0034" in output
    assert "Verwijderd: 336" in output
    assert "Proefdraai: er is niets opgeslagen." in output
    assert not MunicipalityBoundary.objects.exists()


def test_an_import_replaces_the_boundaries_in_force_and_is_audited(tmp_path):
    assert len(current_boundaries()) == 342  # the shipped file
    output = _run(str(FLEVOLAND))
    assert "De grenzen zijn geïmporteerd" in output
    assert MunicipalityBoundary.objects.count() == 6
    assert set(current_boundaries()) == {
        "GM0034",
        "GM0050",
        "GM0171",
        "GM0184",
        "GM0303",
        "GM0995",
    }
    # Places are now found in the imported set: Lelystad still, Utrecht no longer.
    assert municipality_code_at(52.51, 5.47) == "GM0995"
    assert municipality_code_at(52.09, 5.12) is None
    entry = AuditEntry.objects.get(action="boundaries.imported")
    assert entry.changes["municipalities"] == [None, 6]
    assert entry.changes["source"] == [None, "flevoland_gemeenten_2024.geojson"]
    # The same file again changes nothing.
    again = _run(str(FLEVOLAND), "--dry-run")
    assert "Ongewijzigd: 6" in again
    assert "Gewijzigd: 0" in again


def test_an_imported_topojson_is_read_as_well(tmp_path):
    topology = json.loads((GEO_DATA / "gemeente_2024.topojson").read_text(encoding="utf-8"))
    path = Path(tmp_path / "gemeenten.topojson")
    path.write_text(json.dumps(topology), encoding="utf-8")
    output = _run(str(path))
    assert "Ongewijzigd: 342" in output
    assert len(current_boundaries()) == 342
