"""Budget against realisation, the financial position and the cross-foot check."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from koers.funding import queries, services
from koers.funding.models import BudgetLine, BudgetTable, CostType, Direction
from koers.work.models import CostRate, StaffProfile, TimeEntry
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.directory.factories import FunderFactory, OrganisationFactory
from tests.plans.factories import ActivityFactory, PlanFactory, ProgrammeFactory

REFERENCE = dt.date(2021, 12, 31)


def line(world: Any, **values: Any) -> BudgetLine:
    defaults = {
        "programme": world.programme,
        "year": 2021,
        "direction": Direction.COST,
        "funder": world.province,
        "cost_type": CostType.PERSONNEL,
        "amount": Decimal("1000.00"),
    }
    return services.budget_line_save(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        values={**defaults, **values},
    )


def hours(world: Any, user: Any, day: dt.date, amount: str, rate: str | None) -> None:
    profile, _ = StaffProfile.objects.get_or_create(user=user, defaults={"organisation": world.own})
    if rate is not None:
        CostRate.objects.get_or_create(
            profile=profile, year=day.year, defaults={"rate": Decimal(rate)}
        )
    TimeEntry.objects.create(
        organisation=world.own, user=user, activity=world.activity, date=day, hours=Decimal(amount)
    )


def test_realised_costs_are_hours_times_each_persons_rate_plus_expenses(world: Any) -> None:
    line(world, amount=Decimal("10000.00"))
    line(world, cost_type=CostType.MATERIAL, amount=Decimal("2000.00"))
    hours(world, world.users["medewerker"], dt.date(2021, 2, 1), "8", "75.50")
    hours(world, world.users["programmacoordinator"], dt.date(2021, 5, 3), "4", "90.00")
    services.expense_record(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        values={
            "programme": world.programme,
            "date": dt.date(2021, 8, 2),
            "cost_type": CostType.MATERIAL,
            "amount": Decimal("350.25"),
            "description": "Zaalhuur",
            "funder": None,
        },
    )
    overview = queries.budget_overview(world.own.pk, 2021, reference=REFERENCE)
    [budget] = overview.programmes
    costs = dict(budget.cost_rows)
    personnel = costs[str(CostType.PERSONNEL.label)]
    assert personnel.planned == Decimal("10000.00")
    assert personnel.realised == Decimal("8") * Decimal("75.50") + Decimal("4") * Decimal("90.00")
    assert costs[str(CostType.MATERIAL.label)].realised == Decimal("350.25")
    assert budget.realised_by_quarter == [
        Decimal("604.00"),
        Decimal("360.00"),
        Decimal("350.25"),
        0,
    ]
    assert budget.cost_total.variance == Decimal("964.00") + Decimal("350.25") - Decimal("12000.00")
    assert sum(budget.planned_by_quarter) == Decimal("12000.00")


def test_hours_without_a_cost_rate_are_counted_not_priced_and_reported(world: Any) -> None:
    hours(world, world.users["medewerker"], dt.date(2021, 2, 1), "8", None)
    overview = queries.budget_overview(world.own.pk, 2021, reference=REFERENCE)
    assert overview.unpriced_hours == Decimal("8")
    assert overview.programmes[0].cost_total.realised == 0


def test_the_reference_date_cuts_off_what_is_realised(world: Any) -> None:
    hours(world, world.users["medewerker"], dt.date(2021, 2, 1), "8", "50")
    hours(world, world.users["medewerker"], dt.date(2021, 11, 1), "8", "50")
    overview = queries.budget_overview(world.own.pk, 2021, reference=dt.date(2021, 10, 15))
    assert overview.programmes[0].cost_total.realised == Decimal("400")


def test_ranges_add_up_and_a_funder_sees_only_her_own_lines(world: Any) -> None:
    line(
        world,
        direction=Direction.INCOME,
        cost_type="",
        amount=Decimal("500"),
        amount_low=Decimal("400"),
        amount_high=Decimal("600"),
    )
    line(world, direction=Direction.INCOME, cost_type="", amount=Decimal("300"))
    line(world, direction=Direction.INCOME, cost_type="", funder=world.regio, amount=Decimal("70"))
    overview = queries.budget_overview(world.own.pk, 2021, reference=REFERENCE)
    income = overview.programmes[0].income
    assert income[world.province].planned == Decimal("800")
    assert (income[world.province].low, income[world.province].high) == (
        Decimal("700"),
        Decimal("900"),
    )
    assert overview.income_total.planned == Decimal("870")
    seen_by_province = queries.budget_overview(
        world.own.pk, 2021, reference=REFERENCE, funder_ids={world.province.pk}
    )
    assert set(seen_by_province.programmes[0].income) == {world.province}


def test_a_range_must_hold_the_amount_planned_on(world: Any) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="within the range"):
        line(world, amount=Decimal("900"), amount_low=Decimal("100"), amount_high=Decimal("200"))
    assert not BudgetLine.objects.exists()


class TotalsProperty(TestCase):
    """Totals equal the sum of their parts under any split of the money (Decimal, cents)."""

    @classmethod
    def setUpTestData(cls) -> None:
        cls.own = OrganisationFactory()
        cls.funders = [FunderFactory(), FunderFactory()]
        plan = PlanFactory(organisation=cls.own)
        cls.programmes = [ProgrammeFactory(plan=plan), ProgrammeFactory(plan=plan)]
        cls.user = UserFactory()
        MembershipFactory(user=cls.user, organisation=cls.own, role="bedrijfsvoering")

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        parts=st.lists(
            st.tuples(
                st.integers(0, 1),
                st.integers(0, 1),
                st.sampled_from([Direction.INCOME, Direction.COST]),
                st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False),
            ),
            min_size=1,
            max_size=12,
        )
    )
    def test_programme_funder_and_overall_totals(self, parts: list[Any]) -> None:
        BudgetLine.objects.all().delete()
        for programme, funder, direction, amount in parts:
            services.budget_line_save(
                actor=self.user,
                organisation_id=self.own.pk,
                values={
                    "programme": self.programmes[programme],
                    "funder": self.funders[funder],
                    "year": 2021,
                    "direction": direction,
                    "cost_type": CostType.MATERIAL if direction == Direction.COST else "",
                    "amount": amount,
                },
            )
        overview = queries.budget_overview(self.own.pk, 2021, reference=REFERENCE)
        income = sum((a for _p, _f, d, a in parts if d == Direction.INCOME), Decimal(0))
        costs = sum((a for _p, _f, d, a in parts if d == Direction.COST), Decimal(0))
        assert overview.income_total.planned == income
        assert overview.cost_total.planned == costs
        assert sum((m.planned for m in overview.funders.values()), Decimal(0)) == income
        for budget in overview.programmes:
            assert budget.income_total.planned == sum(
                (m.planned for m in budget.income.values()), Decimal(0)
            )
            assert sum(budget.planned_by_quarter) == budget.cost_total.planned


def test_income_received_is_the_advances_paid_shared_by_planned_income(world: Any) -> None:
    from koers.funding.models import GrantStatus
    from tests.funding.factories import GrantFactory
    from tests.funding.test_pipeline import decide, move, to_submitted

    line(world, direction=Direction.INCOME, cost_type="", amount=Decimal("300"))
    line(
        world,
        direction=Direction.INCOME,
        cost_type="",
        amount=Decimal("100"),
        programme=world.unfunded_programme,
    )
    grant = GrantFactory(
        organisation=world.own,
        funder=world.province,
        programmes=[world.programme, world.unfunded_programme],
    )
    grant = move(
        world,
        decide(world, to_submitted(world, grant), "400.00"),
        GrantStatus.GRANTED,
        dt.date(2020, 12, 15),
    )
    first = grant.advances.order_by("number").first()
    actor = world.users["bedrijfsvoering"]
    services.advance_update(actor=actor, advance=first, sent_on=dt.date(2021, 1, 4))
    services.advance_update(actor=actor, advance=first, paid_on=dt.date(2021, 1, 20))
    overview = queries.budget_overview(world.own.pk, 2021, reference=REFERENCE)
    received = {b.programme.pk: b.income_total.realised for b in overview.programmes}
    assert received == {
        world.programme.pk: Decimal("75.00"),
        world.unfunded_programme.pk: Decimal("25.00"),
    }


def test_solvency_is_shown_against_the_band_and_a_reserve_that_does_not_follow_is_flagged(
    world: Any,
) -> None:
    actor = world.users["bedrijfsvoering"]
    for year, values in (
        (2019, {"equity": Decimal("103000"), "total_capital": Decimal("643750")}),
        (2020, {"planned_result": Decimal("-33941"), "planned_reserve": Decimal("69128")}),
        (2021, {"planned_result": Decimal("18280"), "planned_reserve": Decimal("87408")}),
        (
            2022,
            {
                "planned_result": Decimal("46914"),
                "planned_reserve": Decimal("134000"),
                "equity": Decimal("300"),
                "total_capital": Decimal("1000"),
            },
        ),
    ):
        services.financial_year_save(
            actor=actor, organisation_id=world.own.pk, year=year, values=values
        )
    rows = {r.record.year: r for r in queries.position(world.own.pk)}
    assert (rows[2019].solvency, rows[2019].band) == (Decimal("16.0"), "below")
    assert (rows[2022].solvency, rows[2022].band) == (Decimal("30.0"), "within")
    assert rows[2021].reserve_check is None
    assert rows[2022].reserve_check == (Decimal("134000"), Decimal("134322"))


def test_cross_foot_flags_a_stated_total_that_is_not_the_sum_of_its_parts(world: Any) -> None:
    table = services.budget_table_store(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        title="Transitieplan",
        columns=["2020 CMO", "2020 provincie", "2021 CMO", "2021 provincie"],
        rows=[
            {
                "label": "Ontwikkeltraject",
                "cells": [22500, 125000, 20000, 20000],
                "stated_total": Decimal("187500"),
            },
            {
                "label": "Frictiekosten",
                "cells": [92166, None, None, 75000],
                "stated_total": Decimal("167133"),
            },
            {
                "label": "Totaal",
                "cells": [114666, 125000, 20000, 95000],
                "stated_total": Decimal("354666"),
                "is_total": True,
            },
        ],
    )
    checked = queries.cross_foot(table)
    mismatched = [(r.label, r.stated_total, r.computed_total) for r in checked.rows if r.mismatch]
    assert mismatched == [("Frictiekosten", Decimal("167133"), Decimal("167166"))]
    assert checked.mismatches == [
        queries.Mismatch("Totaal", None, Decimal("354666"), Decimal("354633"))
    ]
    assert checked.flags == 2


def test_cross_foot_flags_a_column_total_that_is_wrong(world: Any) -> None:
    table = services.budget_table_store(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        title="Kolommen",
        columns=["2020", "2021"],
        rows=[
            {"label": "A", "cells": [1, 2], "stated_total": Decimal("3")},
            {"label": "B", "cells": [10, 20], "stated_total": Decimal("30")},
            {"label": "Totaal", "cells": [11, 23], "stated_total": Decimal("34"), "is_total": True},
        ],
    )
    checked = queries.cross_foot(table)
    assert checked.mismatches == [
        queries.Mismatch("Totaal", "2021", Decimal("23"), Decimal("22")),
        queries.Mismatch("Totaal", None, Decimal("34"), Decimal("33")),
    ]


def test_subtotals_and_a_grand_total_are_each_checked_against_their_own_rows(world: Any) -> None:
    table = services.budget_table_store(
        actor=world.users["bedrijfsvoering"],
        organisation_id=world.own.pk,
        title="Met subtotalen",
        columns=["2020", "2021"],
        rows=[
            {"label": "A", "cells": [1, 2], "stated_total": Decimal("3")},
            {"label": "B", "cells": [10, 20], "stated_total": Decimal("30")},
            {
                "label": "Subtotaal AB",
                "cells": [11, 22],
                "stated_total": Decimal("33"),
                "is_total": True,
            },
            {"label": "C", "cells": [100, 200], "stated_total": Decimal("300")},
            {
                "label": "Subtotaal C",
                "cells": [100, 201],
                "stated_total": Decimal("301"),
                "is_total": True,
            },
            {
                "label": "Totaal",
                "cells": [111, 222],
                "stated_total": Decimal("333"),
                "is_total": True,
            },
            {"label": "Totaal generaal", "cells": [1, 1], "is_total": True},
        ],
    )
    checked = queries.cross_foot(table)
    assert checked.mismatches == [
        queries.Mismatch("Subtotaal C", "2021", Decimal("201"), Decimal("200")),
        queries.Mismatch("Subtotaal C", None, Decimal("301"), Decimal("300")),
    ]
    assert not [r.label for r in checked.rows if r.mismatch]  # each row adds up in itself
    assert checked.flags == 2


def test_a_table_with_a_row_of_the_wrong_width_is_refused_and_nothing_is_stored(world: Any) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="3 amounts for 2 columns"):
        services.budget_table_store(
            actor=world.users["bedrijfsvoering"],
            organisation_id=world.own.pk,
            title="Fout",
            columns=["2020", "2021"],
            rows=[{"label": "A", "cells": [1, 2, 3]}],
        )
    assert not BudgetTable.objects.exists()


_ = ActivityFactory


def test_hours_on_activities_are_shared_over_the_funders_by_their_planned_costs(world: Any) -> None:
    line(world, amount=Decimal("3000"))
    line(world, funder=world.regio, amount=Decimal("1000"))
    hours(world, world.users["medewerker"], dt.date(2021, 3, 1), "8", "50")
    overview = queries.budget_overview(world.own.pk, 2021, reference=REFERENCE)
    by_funder = dict(overview.costs_by_funder)
    assert by_funder[world.province].realised == Decimal("300.00")
    assert by_funder[world.regio].realised == Decimal("100.00")
    assert None not in by_funder
    assert sum(m.realised for m in by_funder.values()) == overview.cost_total.realised


def test_a_funder_sees_her_share_of_the_shared_costs_and_nothing_else(world: Any) -> None:
    line(world, amount=Decimal("3000"))
    line(world, funder=world.regio, amount=Decimal("1000"))
    line(world, direction=Direction.INCOME, cost_type="", amount=Decimal("3000"))
    hours(world, world.users["medewerker"], dt.date(2021, 3, 1), "8", "50")
    hours(world, world.users["medewerker"], dt.date(2021, 7, 1), "4", "50")
    seen = queries.budget_overview(
        world.own.pk, 2021, reference=REFERENCE, funder_ids={world.province.pk}
    )
    [budget] = seen.programmes
    assert dict(seen.costs_by_funder).keys() == {world.province}
    assert budget.cost_total.planned == Decimal("3000")
    assert budget.cost_total.realised == Decimal("450.00")  # three quarters of 600
    assert budget.realised_by_quarter == [Decimal("300.00"), 0, Decimal("150.00"), 0]
    assert set(budget.income) == {world.province}
    assert budget.hours == Decimal("12")  # the programme's hours, an aggregate


def test_a_funder_sees_only_the_programmes_she_funds_with_the_staffs_figures(world: Any) -> None:
    """Regio+ pays a line on the province's programme, which does not list Regio+ as its
    funder: Regio+ sees none of that programme, and of her own the figures staff see."""
    other = ActivityFactory(programme=world.unfunded_programme, line=None)
    line(world, funder=world.regio, amount=Decimal("500"))  # on the province's programme
    line(world, programme=world.unfunded_programme, funder=world.regio, amount=Decimal("2000"))
    hours(world, world.users["medewerker"], dt.date(2021, 3, 1), "8", None)  # unpriced
    TimeEntry.objects.create(
        organisation=world.own,
        user=world.users["programmacoordinator"],
        activity=other,
        date=dt.date(2021, 3, 2),
        hours=Decimal("6"),
    )
    staff = queries.budget_overview(world.own.pk, 2021, reference=REFERENCE)
    seen = queries.budget_overview(
        world.own.pk, 2021, reference=REFERENCE, funder_ids={world.regio.pk}
    )
    assert [b.programme for b in seen.programmes] == [world.unfunded_programme]
    [theirs] = [b for b in staff.programmes if b.programme == world.unfunded_programme]
    [budget] = seen.programmes
    assert (budget.hours, budget.cost_total.planned) == (theirs.hours, theirs.cost_total.planned)
    assert seen.cost_total.planned == Decimal("2000")  # not 2,500: no other programme counts
    assert seen.unpriced_hours == Decimal("6")  # hers only; staff see 14
    assert staff.unpriced_hours == Decimal("14")
    assert set(seen.funders) | {f for f, _ in seen.costs_by_funder} == {world.regio}


def test_budgeted_hours_are_priced_at_the_average_cost_rate(world: Any) -> None:
    from koers.work.models import HoursBudget

    line(world, amount=Decimal("10000"))
    hours(world, world.users["medewerker"], dt.date(2021, 2, 1), "1", "60")
    hours(world, world.users["programmacoordinator"], dt.date(2021, 2, 1), "1", "90")
    HoursBudget.objects.create(activity=world.activity, year=2021, hours=Decimal("100"))
    [budget] = queries.budget_overview(world.own.pk, 2021, reference=REFERENCE).programmes
    assert budget.hours_budget == Decimal("100")
    assert budget.hours_budget_cost == Decimal("7500.00")  # 100 h × the average of 60 and 90
