"""Risks and reserves: the checks name both figures (in Dutch on the page), at and inside
the boundaries nothing is flagged, and the expected impact is computed in the database."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from koers.funding import queries, services
from koers.funding.models import BudgetTable, FinancialYear, Grant, GrantStatus, Risk
from koers.funding.services._schedule_steps import schedule_make

D = Decimal
NBSP = "\u00a0"


def dutch(text: str) -> str:
    return text.replace(NBSP, " ")


def reserve(world: Any, opening: str, additions: dict[int, str], ceiling: str = "250000") -> Any:
    return services.earmarked_reserve_store(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        values={
            "name": "Bestemmingsreserve organisatierisico’s",
            "ceiling": D(ceiling),
            "opening_year": 2019,
            "opening_balance": D(opening),
        },
        additions={year: D(amount) for year, amount in additions.items()},
    )


def test_a_planned_balance_above_the_ceiling_is_flagged_with_both_figures(world: Any) -> None:
    reserve(world, "200000", {2020: "40000", 2021: "20000"})
    [plan] = queries.reserve_plans(world.own.pk)
    assert [(y.year, y.balance) for y in plan.years] == [(2020, D("240000")), (2021, D("260000"))]
    assert plan.years[0].check == ""
    with translation.override("nl"):
        [plan] = queries.reserve_plans(world.own.pk)
    assert dutch(plan.years[1].check) == (
        "Geplande stand € 260.000 ligt boven het plafond van € 250.000"
    )
    assert plan.flags == 1


def test_a_planned_balance_at_the_ceiling_is_not_flagged(world: Any) -> None:
    reserve(world, "200000", {2020: "60000", 2021: "-10000"})
    [plan] = queries.reserve_plans(world.own.pk)
    assert [y.balance for y in plan.years] == [D("260000"), D("250000")]
    assert [bool(y.check) for y in plan.years] == [True, False]


def test_an_addition_in_or_before_the_opening_year_is_refused(world: Any) -> None:
    with pytest.raises(ValidationError):
        reserve(world, "0", {2019: "1000"})
    assert not queries.reserve_plans(world.own.pk)


def test_equity_below_the_required_minimum_is_flagged_with_both_figures(world: Any) -> None:
    FinancialYear.objects.create(
        organisation=world.own,
        year=2019,
        equity=D("103000"),
        required_equity_low=D("177000"),
        required_equity_high=D("350000"),
    )
    with translation.override("nl"):
        [row] = queries.position(world.own.pk)
    assert dutch(row.equity_check) == (
        "Eigen vermogen € 103.000 ligt € 74.000 onder het vereiste minimum van € 177.000"
    )


@pytest.mark.parametrize("equity", ["177000", "200000", "350000", "400000"])
def test_equity_at_or_above_the_required_minimum_is_not_flagged(world: Any, equity: str) -> None:
    FinancialYear.objects.create(
        organisation=world.own,
        year=2019,
        equity=D(equity),
        required_equity_low=D("177000"),
        required_equity_high=D("350000"),
    )
    [row] = queries.position(world.own.pk)
    assert row.equity_check == ""


def test_the_required_range_must_be_whole_and_in_order(world: Any) -> None:
    actor = world.users["bedrijfsvoering"]
    for low, high in (("177000", None), ("350000", "177000")):
        with pytest.raises(ValidationError):
            services.financial_year_save(
                actor=actor,
                organisation_id=world.own.pk,
                year=2019,
                values={
                    "required_equity_low": D(low),
                    "required_equity_high": high and D(high),
                },
            )
    assert not FinancialYear.objects.filter(organisation=world.own).exists()


def test_the_band_and_the_required_range_that_imply_different_capital_are_flagged(
    world: Any,
) -> None:
    FinancialYear.objects.create(
        organisation=world.own,
        year=2019,
        required_equity_low=D("177000"),
        required_equity_high=D("350000"),
        required_equity_source="Meerjarenplan §5.4.2",
    )
    with translation.override("nl"):
        [flag] = queries.figure_flags(world.own.pk, D(25), D(40))
    assert "€ 708.000 tegenover € 875.000" in dutch(flag.text)
    assert "€ 177.000 bij 25%" in dutch(flag.text)
    assert flag.sources == ["Meerjarenplan §5.4.2"]


def test_a_range_that_agrees_with_the_band_is_not_flagged(world: Any) -> None:
    FinancialYear.objects.create(
        organisation=world.own,
        year=2019,
        required_equity_low=D("200000"),
        required_equity_high=D("320000"),
    )
    assert queries.figure_flags(world.own.pk, D(25), D(40)) == []


def test_a_stated_figure_is_flagged_only_when_it_differs(world: Any) -> None:
    actor = world.users["bedrijfsvoering"]
    for subject, stated in (("Eigen bijdrage", "135000"), ("Gelijk", "134666")):
        services.stated_figure_store(
            actor=actor,
            organisation_id=world.own.pk,
            values={
                "subject": subject,
                "stated": D(stated),
                "stated_source": "Statenmededeling",
                "compared": D("134666"),
                "compared_source": "Transitieplan, tabel",
                "basis": "114.666 + 20.000",
            },
        )
    with translation.override("nl"):
        [flag] = queries.figure_flags(world.own.pk, D(25), D(40))
    assert flag.subject == "Eigen bijdrage"
    assert dutch(flag.text) == "De tekst noemt € 135.000, tegenover € 134.666 (114.666 + 20.000)"
    assert flag.sources == ["Statenmededeling", "Transitieplan, tabel"]


def test_the_expected_impact_is_probability_times_impact_summed_in_the_database(
    world: Any, django_assert_max_num_queries: Any
) -> None:
    Risk.objects.create(organisation=world.own, title="A", probability=40, impact=D("60000"))
    Risk.objects.create(organisation=world.own, title="B", probability=15, impact=D("175450"))
    Risk.objects.create(organisation=world.other_org, title="C", probability=100, impact=D("9"))
    with django_assert_max_num_queries(2):
        register = queries.risk_register(world.own.pk)
        expected = [r.expected_impact for r in register]
        totals = queries.register_totals(register)
    assert [D(e).quantize(D("0.01")) for e in expected] == [D("24000.00"), D("26317.50")]
    assert totals == {"impact": D("235450.00"), "expected": D("50317.50")}


def test_coverage_sets_reserves_and_equity_against_the_expected_impact(world: Any) -> None:
    reserve(world, "40000", {2020: "10000", 2021: "20000"})
    FinancialYear.objects.create(organisation=world.own, year=2019, equity=D("30000"))
    plans = queries.reserve_plans(world.own.pk)
    covered = queries.coverage(world.own.pk, plans, D("60000"))
    assert [(y.year, y.reserves, y.shortfall) for y in covered.years] == [
        (2020, D("50000"), D("10000")),
        (2021, D("70000"), D("0")),
    ]
    assert covered.equity_shortfall == D("30000")


def test_a_risk_of_another_organisations_programme_is_refused(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        services.risk_save(
            actor=world.users["bedrijfsvoering"],
            organisation_id=world.own.pk,
            values={
                "programme": world.other_programme,
                "title": "X",
                "probability": 10,
                "impact": D("1"),
            },
        )
    assert not Risk.objects.exists()


def test_changing_an_example_risks_figures_drops_the_example_label(world: Any) -> None:
    actor = world.users["bedrijfsvoering"]
    values = {"title": "Verzuim", "probability": 40, "impact": D("60000")}
    risk = services.risk_save(
        actor=actor, organisation_id=world.own.pk, values=values, is_example=True
    )
    risk = services.risk_save(
        actor=actor, organisation_id=world.own.pk, values={"owner": "Directeur"}, risk=risk
    )
    assert risk.is_example
    risk = services.risk_save(
        actor=actor, organisation_id=world.own.pk, values={"probability": 50}, risk=risk
    )
    assert not risk.is_example


def _granted(world: Any) -> Grant:
    grant = Grant.objects.create(
        organisation=world.own,
        funder=world.province,
        kind="project",
        title="Transitie",
        status=GrantStatus.GRANTED,
        amount_requested=D("145000"),
        amount_granted=D("145000"),
        decided_on=dt.date(2020, 11, 25),
        starts_on=dt.date(2020, 1, 1),
        ends_on=dt.date(2021, 12, 31),
    )
    schedule_make(None, grant, None)
    return grant


YEARLY = [
    (dt.date(2020, 1, 1), dt.date(2020, 12, 31), dt.date(2020, 12, 1), D("125000")),
    (dt.date(2021, 1, 1), dt.date(2021, 12, 31), dt.date(2021, 1, 1), D("20000")),
]


def test_a_decided_schedule_replaces_the_equal_quarters(world: Any) -> None:
    grant = _granted(world)
    assert grant.advances.count() == 8
    services.advance_schedule_set(actor=world.users["bedrijfsvoering"], grant=grant, parts=YEARLY)
    assert list(grant.advances.values_list("number", "due_on", "amount")) == [
        (1, dt.date(2020, 12, 1), D("125000.00")),
        (2, dt.date(2021, 1, 1), D("20000.00")),
    ]


@pytest.mark.parametrize(
    "parts",
    [
        [YEARLY[0]],  # adds up to less than granted
        [YEARLY[0], (dt.date(2021, 1, 1), dt.date(2022, 3, 31), dt.date(2021, 1, 1), D("20000"))],
        [YEARLY[0], (dt.date(2020, 12, 1), dt.date(2021, 12, 31), dt.date(2021, 1, 1), D("20000"))],
    ],
)
def test_a_schedule_that_does_not_fit_is_refused_and_changes_nothing(
    world: Any, parts: list[Any]
) -> None:
    grant = _granted(world)
    with pytest.raises(ValidationError):
        services.advance_schedule_set(
            actor=world.users["bedrijfsvoering"], grant=grant, parts=parts
        )
    assert grant.advances.count() == 8


def test_a_text_figure_beside_a_stated_row_is_one_flag_and_leaves_the_totals_alone(
    world: Any,
) -> None:
    table = services.budget_table_store(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        title="Transitieplan",
        columns=["2020 CMO", "2021 provincie"],
        rows=[
            {
                "label": "Ontwikkeltraject",
                "cells": [D("22500"), D("20000")],
                "stated_total": D("42500"),
            },
            {
                "label": "Frictiekosten personeel",
                "cells": [D("92166"), D("75000")],
                "stated_total": D("167166"),
                "text_figure": D("167133"),
                "text_source": "Transitieplan §6, tekst",
            },
            {
                "label": "Totaal",
                "cells": [D("114666"), D("95000")],
                "stated_total": D("209666"),
                "is_total": True,
            },
        ],
    )
    checked = queries.cross_foot(BudgetTable.objects.get(pk=table.pk))
    assert checked.flags == 0
    assert checked.text_flags == 1
    [row] = [r for r in checked.rows if r.text_mismatch]
    assert (row.label, row.text_figure, row.stated_total) == (
        "Frictiekosten personeel",
        D("167133.00"),
        D("167166.00"),
    )
