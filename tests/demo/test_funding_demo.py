"""The demo's money reproduces the seeds' figures to the cent (DOMAIN.md names each source)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from koers.funding import queries
from koers.funding.models import BudgetTable, FinancialYear, Grant, GrantStatus
from koers.plans.measures import get_measure
from koers.plans.models import Indicator

D = Decimal


@pytest.fixture
def demo(demo_db: dict[str, int]) -> None:
    """The shared demo (tests/shared_demo.py)."""


def table(title_start: str) -> queries.CheckedTable:
    return queries.cross_foot(BudgetTable.objects.get(title__startswith=title_start))


def test_the_grants_carry_the_seeds_amounts(demo: None) -> None:
    amounts = dict(Grant.objects.values_list("title", "amount_requested"))
    assert amounts["Instellingssubsidie CMO Flevoland 2021"] == D("1069937.00")
    assert amounts["Cofinanciering Arbeidsmarkt en Onderwijs 2021 (Regio+-doelen)"] == D(
        "180000.00"
    )
    assert amounts["Aanpak Eenzaamheid (afzonderlijke aanvraag)"] == D("120000.00")
    assert amounts["Human Capital Agenda Zorg en Welzijn (afzonderlijke aanvraag)"] == D("50000.00")
    institutional = Grant.objects.get(title="Instellingssubsidie CMO Flevoland 2021")
    assert institutional.status == GrantStatus.RUNNING
    assert sum(a.amount for a in institutional.advances.all()) == D("1069937.00")
    assert institutional.indicators.count() > 50


def test_the_transition_plan_table_adds_up_as_the_seed_states_it(demo: None) -> None:
    # The text's €167,133 beside it is tested in tests/demo/test_risks_demo.py.
    checked = table("Transitieplan")
    assert checked.flags == 0
    total = next(r for r in checked.rows if r.is_total)
    assert total.computed_total == total.stated_total == D("354666")
    assert [r.computed_total for r in checked.rows if not r.is_total] == [D("187500"), D("167166")]
    assert [r.stated_total for r in checked.rows if not r.is_total] == [D("187500"), D("167166")]


def test_the_krachtige_samenleving_tables_add_up_by_year_and_line(demo: None) -> None:
    reserve = table("Krachtige Samenleving: middelen uit de bestaande")
    coalition = table("Krachtige Samenleving: middelen uit het coalitieakkoord")
    sources = table("Krachtige Samenleving: overzicht per financieringsbron")
    for checked in (reserve, coalition, sources):
        assert checked.flags == 0, checked.table.title
    assert next(r for r in reserve.rows if r.is_total).amounts == [
        D(v) for v in ("410000", "528000", "374000", "148000", "40000")
    ]
    assert next(r for r in coalition.rows if r.is_total).amounts == [
        D(v) for v in ("225000", "254000", "346000", "175000")
    ]
    totals = next(r for r in sources.rows if r.is_total)
    assert totals.amounts == [D("1500000"), D("1000000")]
    assert totals.stated_total == D("2500000")
    by_line = {r.label: r.computed_total for r in sources.rows if not r.is_heading}
    assert by_line["1. Een gezond en veerkrachtig Flevoland (WEL in Flevoland)"] == D("950000")
    assert by_line["4. Arbeidsmarkt & participatie"] == D("375000")


def test_the_multi_year_result_and_reserve_table(demo: None) -> None:
    rows = {r.record.year: r for r in queries.position(Grant.objects.first().organisation_id)}
    assert [
        (y, rows[y].record.planned_result, rows[y].record.planned_reserve)
        for y in range(2020, 2025)
    ] == [
        (2020, D("-33941"), D("69128")),
        (2021, D("18280"), D("87408")),
        (2022, D("46914"), D("134322")),
        (2023, D("47587"), D("181909")),
        (2024, D("22841"), D("204750")),
    ]
    assert queries.planned_result_total(list(rows.values())) == D("101681")
    assert all(r.reserve_check is None for r in rows.values())
    assert (rows[2019].solvency, rows[2019].band) == (D("16.0"), "below")
    assert FinancialYear.objects.get(year=2019).equity == D("103000")


def test_the_fundraising_targets_count_themselves_from_the_pipeline(demo: None) -> None:
    year = (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    written = Indicator.objects.get(activity__year=2021, title__startswith="3 subsidieaanvragen")
    granted = Indicator.objects.get(
        activity__year=2021, title__startswith="Minimaal 1 subsidietoekenning"
    )
    assert get_measure(written.measure).compute(written, *year) == 2
    assert get_measure(granted.measure).compute(granted, *year) == 1
    counted = get_measure(written.measure).records(written, *year)
    assert {g.funder.name for g in counted} == {"ZonMw", "VSB Fonds"}


def test_the_budget_says_where_it_shows_example_data(demo: None) -> None:
    own = Grant.objects.first().organisation_id
    overview = queries.budget_overview(own, 2021, reference=dt.date(2021, 10, 15))
    assert overview.has_examples
    assert overview.income_total.planned == overview.cost_total.planned
    institutional = sum(
        (
            money.planned
            for budget in overview.programmes
            for funder, money in budget.income.items()
            if funder.slug == "provincie-flevoland"
        ),
        D(0),
    )
    # The institutional grant, the co-financing and the province's ExpEx share.
    assert institutional == D("1069937") + D("180000") + D("25000")
