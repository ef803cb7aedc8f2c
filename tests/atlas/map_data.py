"""Initiatives for the map's tests: in Flevoland's municipalities, with themes, dimensions,
a point and a contact person (who must never reach the map's data or exports)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from koers.atlas.models import Initiative, InitiativeKind, Theme
from koers.core.models import Municipality
from tests.directory.factories import PersonFactory

FLEVOLAND = {
    "GM0034": ("Almere", Decimal("52.37000"), Decimal("5.22000")),
    "GM0995": ("Lelystad", Decimal("52.51000"), Decimal("5.47000")),
    "GM0303": ("Dronten", Decimal("52.52000"), Decimal("5.72000")),
    "GM0171": ("Noordoostpolder", Decimal("52.71000"), Decimal("5.75000")),
    "GM0184": ("Urk", Decimal("52.66000"), Decimal("5.60000")),
    "GM0050": ("Zeewolde", Decimal("52.33000"), Decimal("5.54000")),
}
CONTACT_NAME = "Geheim"


def municipality(code: str, population: int | None = None) -> Municipality:
    name = FLEVOLAND[code][0]
    found, _created = Municipality.objects.get_or_create(
        code=code, defaults={"name": name, "slug": name.lower(), "province_code": "PV24"}
    )
    if population is not None:
        found.population = population
        found.population_source = "voorbeeldgegevens"
        found.save(update_fields=["population", "population_source"])
    return found


def initiative(
    holder: Any,
    name: str,
    *,
    code: str = "GM0034",
    themes: tuple[str, ...] = (),
    located: bool = True,
    confirmed_on: dt.date = dt.date(2021, 6, 1),
    with_contact: bool = True,
    **fields: Any,
) -> Initiative:
    _name, latitude, longitude = FLEVOLAND[code]
    record = Initiative.objects.create(
        holder=holder,
        name=name,
        kind=fields.pop("kind", InitiativeKind.RESIDENTS),
        municipality=municipality(code),
        latitude=latitude if located else None,
        longitude=longitude if located else None,
        confirmed_on=confirmed_on,
        contact=PersonFactory(holder=holder, first_name=CONTACT_NAME) if with_contact else None,
        **fields,
    )
    record.themes.set(Theme.objects.filter(slug__in=themes))
    return record


def many(holder: Any, count: int, *, prefix: str = "Initiatief") -> None:
    """`count` initiatives spread over the six municipalities, each with two themes."""
    slugs = list(Theme.objects.values_list("slug", flat=True))
    codes = list(FLEVOLAND)
    Initiative.objects.bulk_create(
        Initiative(
            holder=holder,
            name=f"{prefix} {number:05d}",
            kind=InitiativeKind.VOLUNTEERS,
            municipality=municipality(codes[number % 6]),
            latitude=FLEVOLAND[codes[number % 6]][1],
            longitude=FLEVOLAND[codes[number % 6]][2],
            confirmed_on=dt.date(2021, 1, 1),
            serves_participation=number % 3,
        )
        for number in range(count)
    )
    through = Initiative.themes.through
    themes = dict(Theme.objects.values_list("slug", "pk"))
    through.objects.bulk_create(
        through(initiative_id=pk, theme_id=themes[slugs[index % len(slugs)]])
        for index, pk in enumerate(
            Initiative.objects.filter(name__startswith=prefix).values_list("pk", flat=True)
        )
    )
