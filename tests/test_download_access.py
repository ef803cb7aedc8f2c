"""Every download that can carry a contact person's data writes the access log, one record
per person in it, by the user who downloaded it (issue 14, finding 10: the download of a
person's access history was not itself logged).

Generated from the permission matrix: each row is requested by the first role the matrix
lets in, against the `world`; a response that is a download must have added access
records by her, unless the row's URL is declared below to carry no person's data.
"""

from __future__ import annotations

from typing import Any

import pytest

from koers.privacy.models import AccessRecord
from tests.conftest import World
from tests.permission_matrix import ROLES, ROWS, Row
from tests.test_permission_matrix import request, url_for

# Downloads without a contact person's data, and why. A new download that logs nothing
# fails the test until it logs its persons or is declared here.
WITHOUT_PERSONS = {
    "plans:realisation_evidence": "the evidence file as its author uploaded it",
    "work:product_document": "a product review's file as uploaded",
    "work:export": "hours of staff (users, not contact persons)",
    "funding:grant_document": "a grant's decision or application as uploaded",
    "funding:advance_invoice": "an invoice to a funder organisation",
    "funding:export": "grants and budgets, no persons",
    "relations:events_export": "events with counts, no names (those are on the attendance list)",
    "signals:analysis_export": "counts of anonymous signals, small ones hidden; no persons",
    "insight:dataset_export": "public statistics by region and period; no persons",
    "insight:area_export": "an area's public key figures; no persons",
    "insight:benchmark_export": "public figures of the municipalities; no persons",
    "insight:chain_export": "a line's money, hours, activities and indicators: aggregates only",
    "relations:quote_template_document": "a template with placeholders, no one's data",
    "reports:report_document": "a report of the results chain: aggregates only",
    "reports:document_download": "a report of the results chain: aggregates only",
    "atlas:map_export_xlsx": "initiatives and organisations, never a contact person",
    "atlas:map_export_csv": "initiatives and organisations, never a contact person",
    "atlas:map_export_geojson": "initiatives' points and names, never a contact person",
    "atlas:collaborations_geojson": "ties between initiatives and organisations, never a person",
    "atlas:collaborations_export": "ties between initiatives and organisations, never a person",
    "atlas:network_graphml": "the network of initiatives and organisations, never a person",
    "portfolio:export": "partners' goals, activities, indicators and money: no persons",
}


def _first_admitted(row: Row) -> str | None:
    return next((role for role, code in zip(ROLES, row.expected, strict=True) if code == 200), None)


CASES = [
    pytest.param(row, role, id=f"{row.name}[{row.method}]")
    for row in ROWS
    if (role := _first_admitted(row)) is not None
]


def _is_download(response: Any) -> bool:
    return str(response.get("Content-Disposition", "")).startswith("attachment")


@pytest.fixture
def viewed(world: World) -> World:
    """A person of the organisation, viewed by a colleague: the access log has a record."""
    from django.urls import reverse

    from tests.directory.factories import PersonFactory

    person = PersonFactory(holder=world.own)
    world.client("medewerker").get(reverse("directory:person", args=[person.pk]))
    return world


@pytest.mark.parametrize(("row", "role"), CASES)
def test_a_download_logs_the_persons_in_it(viewed: World, row: Row, role: str) -> None:
    world = viewed
    client = world.client(role)
    url = url_for(row, world)
    before = set(AccessRecord.objects.values_list("pk", flat=True))
    response = request(client, row, url)
    if not _is_download(response) or row.name in WITHOUT_PERSONS:
        return
    added = AccessRecord.objects.exclude(pk__in=before)
    assert added.exists(), f"{row.name} sent a download and logged no access"
    assert set(added.values_list("user", flat=True)) == {world.users[role].pk}


def test_every_declared_download_still_is_one(world: World) -> None:
    """A stale declaration would hide a download that later carries persons."""
    downloads = set()
    for row, role in (case.values for case in CASES):  # type: ignore[misc]
        if row.name in WITHOUT_PERSONS and _is_download(
            request(world.client(role), row, url_for(row, world))
        ):
            downloads.add(row.name)
    assert downloads == set(WITHOUT_PERSONS)
