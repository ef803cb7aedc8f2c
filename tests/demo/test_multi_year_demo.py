"""The demo's multi-year plan: the seeds' results per line (001, chapter 3), the 2020-2021
reach targets without a yearly value, and the 2022 annual plan drafted from 2021."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from koers.accounts.models import User
from koers.demo.constants import OWN, REFERENCE_DATE
from koers.demo.seed_data import multi_year as seed
from koers.plans import queries, services
from koers.plans.models import (
    Activity,
    AnnualPlan,
    MultiYearResult,
    MultiYearTarget,
    Target,
)
from tests.conftest import verified_client

# CMO's activities: Sportservice's plan (koers.demo.partner) is for 2021 only.
CMO = {"programme__plan__organisation__slug": OWN}
NEW_IN_2022 = {"AO-1.M1", "AO-2.M1", "AO-2.M2", "AO-3.M1", "AO-3.M2", "AO-3.M3"}


@pytest.fixture
def demo(demo_db: dict[str, int]) -> None:
    """The shared demo (tests/shared_demo.py)."""


def test_it_holds_the_seeds_multi_year_results_per_line(demo: None) -> None:
    results = MultiYearResult.objects.filter(programme__code="AO")
    assert results.count() == len(seed.RESULTS) == 22
    later = {
        line: results.filter(line__code=line, start_year=2022, end_year=2024).count()
        for line in ("AO-1", "AO-2", "AO-3")
    }
    assert later == {"AO-1": 1, "AO-2": 2, "AO-3": 5}
    assert results.filter(start_year=2020, end_year=2021).count() == 14
    hca = results.get(line__code="AO-1", start_year=2022)
    assert hca.result_text == (
        "Bestendigen van de meerjarige ambities, uitbreiden partnerschap en versterken van "
        "draagvlak in Flevoland."
    )
    assert results.get(line__code="AO-2", code="AO-2.M2").result_text == (
        "Regionale personeelsplanning van Flevoland."
    )
    assert results.get(theme="Netwerkbeheer", start_year=2022).activity_text == (
        "Jaarlijkse toename van nieuwe leden bij de werkgeversorganisatie."
    )


def test_the_reach_targets_cover_2020_2021_without_a_yearly_value(demo: None) -> None:
    targets = {
        target.title.split()[1]: target
        for target in MultiYearTarget.objects.filter(programme__code="AO")
    }
    assert {name: (t.value, t.start_year, t.end_year) for name, t in targets.items()} == {
        "werkgevers": (Decimal(150), 2020, 2021),
        "werkenden": (Decimal(1500), 2020, 2021),
        "werkzoekenden": (Decimal(1000), 2020, 2021),
    }
    employers = targets["werkgevers"]
    (indicator,) = employers.indicators.all()
    assert (indicator.activity.code, indicator.activity.year) == ("AO-3.7", 2021)
    assert not Target.objects.filter(indicator=indicator).exists()
    (period,) = queries.multi_year_progress([indicator.pk], REFERENCE_DATE)[indicator.pk]
    assert period.progress.realised == Decimal(85)  # the example realisations, July-October


def test_the_2022_plan_is_a_draft_of_every_2021_activity_that_continues(demo: None) -> None:
    draft = AnnualPlan.objects.get(year=2022)
    assert draft.status == "concept"
    in_2021 = set(Activity.objects.filter(year=2021, **CMO).values_list("programme__code", "code"))
    stopped = set(
        Activity.objects.filter(year=2021, **CMO)
        .filter(status="stopped")
        .values_list("programme__code", "code")
    ) | set(
        Activity.objects.filter(year=2021, decision="no_go").values_list("programme__code", "code")
    )
    assert stopped == {("VI", "VI-2.4")}
    in_2022 = set(Activity.objects.filter(year=2022).values_list("programme__code", "code"))
    assert in_2022 == (in_2021 - stopped) | {("AO", code) for code in NEW_IN_2022}
    # The yearly targets came along as proposals marked as carried over.
    carried = Target.objects.filter(year=2022)
    assert (
        carried.count()
        == Target.objects.filter(
            year=2021, indicator__activity__code__in=[code for _p, code in in_2021 - stopped]
        ).count()
    )
    assert set(carried.values_list("note", flat=True)) == {
        "Overgenomen uit 2021 als voorstel; beoordeel het."
    }


def test_a_second_roll_over_is_refused(demo: None) -> None:
    director = User.objects.get(username="directeur")
    before = Activity.objects.filter(year=2022).count()
    with pytest.raises(ValidationError, match="Het jaarplan 2022 bestaat al"):
        services.annual_plan_carry_over(
            actor=director,
            annual_plan=AnnualPlan.objects.get(plan__organisation__slug=OWN, year=2021),
        )
    assert Activity.objects.filter(year=2022).count() == before


def test_the_director_walks_through_the_roll_over_of_2022_to_2023(demo: None) -> None:
    client = verified_client(User.objects.get(username="directeur"))
    page = client.get(reverse("plans:annual_plan", args=[AnnualPlan.objects.get(year=2022).pk]))
    assert "Jaarplan 2023 opstellen uit het meerjarenplan" in page.content.decode()
    refused = client.get(
        reverse(
            "plans:annual_plan_roll_over",
            args=[AnnualPlan.objects.get(plan__organisation__slug=OWN, year=2021).pk],
        )
    )
    assert "Het jaarplan 2022 bestaat al" in refused.content.decode()
    preview = client.get(
        reverse("plans:annual_plan_roll_over", args=[AnnualPlan.objects.get(year=2022).pk])
    ).content.decode()
    assert "Gaat over (" in preview and "Ja, stel het jaarplan 2023 op" in preview
