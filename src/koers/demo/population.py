"""Inhabitants of Flevoland's six municipalities, for the atlas's figures per 10,000.

EXAMPLE data: the seeds give no population, so these are round numbers of the right size
(about the 2021 figures), labelled as example data in `population_source`. An installation
keeps its own from CBS (Kerncijfers wijken en buurten) in the municipality records.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from koers.core.models import Municipality

EXAMPLE_SOURCE = "voorbeeldgegevens (afgeronde aantallen, geen CBS-cijfers)"
EXAMPLE_DATE = dt.date(2021, 1, 1)
EXAMPLE_POPULATION = {
    "GM0034": 215_000,  # Almere
    "GM0303": 42_000,  # Dronten
    "GM0995": 80_000,  # Lelystad
    "GM0171": 48_000,  # Noordoostpolder
    "GM0184": 21_000,  # Urk
    "GM0050": 23_000,  # Zeewolde
}


def build_population(note: Any) -> None:
    """Give the six municipalities their example inhabitants, where none is recorded."""
    for municipality in Municipality.objects.filter(
        code__in=EXAMPLE_POPULATION, population__isnull=True
    ):
        municipality.population = EXAMPLE_POPULATION[municipality.code]
        municipality.population_on = EXAMPLE_DATE
        municipality.population_source = EXAMPLE_SOURCE
        municipality.save(update_fields=["population", "population_on", "population_source"])
        note("municipal populations", True)
