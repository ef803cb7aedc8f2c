"""The demo's inhabitants of Flevoland's six municipalities: example data, labelled so, and
never over a number an installation recorded itself."""

from __future__ import annotations

import pytest

from koers.core.models import Municipality
from koers.demo.population import EXAMPLE_POPULATION, build_population

pytestmark = pytest.mark.django_db


def test_the_six_get_example_figures_labelled_as_such_and_kept_ones_stay():
    for code in EXAMPLE_POPULATION:
        Municipality.objects.create(code=code, name=code, slug=code.lower())
    Municipality.objects.filter(code="GM0184").update(population=22_123, population_source="CBS")
    noted: list[str] = []
    build_population(lambda kind, was: noted.append(kind))
    assert len(noted) == 5
    almere = Municipality.objects.get(code="GM0034")
    assert almere.population == 215_000
    assert "voorbeeldgegevens" in almere.population_source
    urk = Municipality.objects.get(code="GM0184")
    assert (urk.population, urk.population_source) == (22_123, "CBS")
