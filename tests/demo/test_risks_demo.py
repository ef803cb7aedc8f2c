"""The demo holds the seeds' risks, reserve and money facts (issue 17, items 3 and 4), each
where the seeds put it; the seeds' own contradictions are flagged with both figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from koers.funding import queries
from koers.funding.models import BudgetTable, FinancialYear, Grant, GrantStep, Risk

D = Decimal
NBSP = "\u00a0"


@pytest.fixture
def demo(demo_db: dict[str, int]) -> int:
    return Grant.objects.first().organisation_id


def test_the_register_holds_the_seeds_risks_labelled_as_example_figures(demo: int) -> None:
    # Seed 001 §5.4.1 (lines ~1980–2000).
    risks = {r.title: r for r in queries.risk_register(demo)}
    assert len(risks) == 4
    assert all(r.is_example for r in risks.values())
    contribution = risks["Bijdrage van de provincie voor de doorontwikkeling"]
    assert contribution.impact == D("175450")  # €145,000 + 21% VAT
    assert "€125.000 in 2020 en €20.000 in 2021 plus btw" in contribution.description
    assert "Hogere transitievergoeding voor personeel dan begroot" in risks
    assert "Hoog ziekteverzuim neemt verder toe" in risks
    equity = risks["Eigen vermogen te laag om de risico’s van de doorontwikkeling op te vangen"]
    assert "vertraagd doorvoeren en de productie/dienstverlening" in equity.measures
    assert "intentieverklaring spreekt GS uit" in equity.measures
    assert "programma’s" in equity.scenario
    assert queries.register_totals(
        Risk.objects.filter(organisation_id=demo).with_expected_impact()
    )["expected"] == sum((r.expected_impact for r in risks.values()), D(0))


def test_equity_end_2019_is_74000_below_the_required_range(demo: int) -> None:
    # Seed 001 §5.4.2 (lines ~2005–2010): €177,000–€350,000 wanted, €103,000 held.
    year = FinancialYear.objects.get(organisation_id=demo, year=2019)
    assert (year.required_equity_low, year.required_equity_high, year.equity) == (
        D("177000"),
        D("350000"),
        D("103000"),
    )
    with translation.override("nl"):
        rows = {r.record.year: r for r in queries.position(demo)}
        flags = queries.figure_flags(demo, *queries.solvency_band())
    assert rows[2019].equity_check.replace(NBSP, " ") == (
        "Eigen vermogen € 103.000 ligt € 74.000 onder het vereiste minimum van € 177.000"
    )
    texts = {flag.subject: flag.text.replace(NBSP, " ") for flag in flags}
    # The seeds' own contradictions: seed 000 line ~35, seed 001 lines ~1980 and ~2005.
    assert texts["Eigen bijdrage van CMO aan de transitie"] == (
        "De tekst noemt € 135.000, tegenover € 134.666 (114.666 + 20.000)"
    )
    assert texts["Bijdrage voor de doorontwikkeling inclusief btw"] == (
        "De tekst noemt € 185.000, tegenover € 175.450 (145.000 + 21% btw)"
    )
    band = texts["Vereist eigen vermogen 2019 tegenover de solvabiliteitsband"]
    assert band.endswith("€ 708.000 tegenover € 875.000")
    assert len(flags) == 3


def test_the_organisation_risk_reserve_builds_up_to_204750_under_its_ceiling(demo: int) -> None:
    # Seed 001 §5.4 (lines ~1930–1940) and §5.4.2 (lines ~2010–2013).
    [plan] = queries.reserve_plans(demo)
    assert plan.reserve.ceiling == D("250000")
    assert [(y.year, y.balance) for y in plan.years] == [
        (2020, D("69128")),
        (2021, D("87408")),
        (2022, D("134322")),
        (2023, D("181909")),
        (2024, D("204750")),
    ]
    assert plan.flags == 0
    planned = dict(
        FinancialYear.objects.filter(organisation_id=demo, year__gte=2020).values_list(
            "year", "planned_reserve"
        )
    )
    assert {y.year: y.balance for y in plan.years} == planned


def test_the_transition_grant_pays_125000_in_2020_and_20000_in_2021(demo: int) -> None:
    # Seed 001 lines ~28–30: "€ 145.000 (waarvan € 125.000 in 2020)", with the Najaarsnota
    # 2020; seed 000 line ~448: the transition plan of 12 May 2020.
    grant = Grant.objects.get(title="Transitieplan: organisatieontwikkeltraject 2020–2021")
    assert [(a.period_start.year, a.amount) for a in grant.advances.order_by("number")] == [
        (2020, D("125000.00")),
        (2021, D("20000.00")),
    ]
    plan_date = dt.date(2020, 5, 12)
    for transition in Grant.objects.filter(title__startswith="Transitieplan"):
        steps = GrantStep.objects.filter(grant=transition)
        assert steps.exists()
        assert all(step.on >= plan_date for step in steps), transition.title
        assert transition.decided_on is not None and transition.decided_on > plan_date


def test_the_friction_costs_are_stored_as_the_table_states_with_the_texts_figure_beside(
    demo: int,
) -> None:
    # Seed 000 line ~815 (text: € 167.133) and line ~824 (table: € 167.166).
    checked = queries.cross_foot(BudgetTable.objects.get(title__startswith="Transitieplan"))
    assert checked.flags == 0  # no invented 354,666 against 354,633
    [row] = [r for r in checked.rows if r.text_mismatch]
    assert (row.label, row.text_figure, row.stated_total) == (
        "Frictiekosten personeel",
        D("167133.00"),
        D("167166.00"),
    )
    total = next(r for r in checked.rows if r.is_total)
    assert total.stated_total == total.computed_total == D("354666")
    assert not total.text_mismatch


def test_a_controller_sees_the_flags_on_the_position_and_risk_pages(demo: int) -> None:
    from django.urls import reverse

    from koers.accounts.models import User
    from tests.conftest import verified_client

    client = verified_client(User.objects.get(username="bedrijfsvoering"))
    position = client.get(reverse("funding:position"), HTTP_ACCEPT_LANGUAGE="nl")
    text = position.content.decode().replace(NBSP, " ")
    assert "Eigen vermogen € 103.000 ligt € 74.000 onder het vereiste minimum van € 177.000" in text
    assert "De tekst noemt € 135.000, tegenover € 134.666" in text
    assert "De tekst noemt € 185.000, tegenover € 175.450" in text
    assert "€ 708.000 tegenover € 875.000" in text
    risks = client.get(reverse("funding:risks"), HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert "Bestemmingsreserve organisatierisico’s" in risks
    assert risks.count("voorbeeldgegevens") >= 4
    table = BudgetTable.objects.get(title__startswith="Transitieplan")
    page = client.get(reverse("funding:budget_table", args=[table.pk]), HTTP_ACCEPT_LANGUAGE="nl")
    shown = page.content.decode().replace(NBSP, " ")
    assert "de tekst noemt € 167.133, de tabel € 167.166" in shown
