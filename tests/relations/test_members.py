"""Member employers: members per year, growth, and the measures that count them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from koers.plans.measures import get_measure
from koers.plans.models import Source
from koers.relations.members import services
from tests.directory.factories import OrganisationFactory


def join(world: Any, started: dt.date, ended: dt.date | None = None) -> Any:
    membership = services.membership_start(
        actor=world.users["bedrijfsvoering"],
        holder_id=world.own.pk,
        organisation=OrganisationFactory(kind="care"),
        started_on=started,
    )
    if ended:
        services.membership_end(
            actor=world.users["bedrijfsvoering"], membership=membership, ended_on=ended
        )
    return membership


def measure_value(world: Any, key: str, year: int) -> Any:
    indicator = world.indicator
    indicator.source, indicator.measure = Source.DERIVED, key
    indicator.save()
    return get_measure(key).compute(indicator, dt.date(year, 1, 1), dt.date(year, 12, 31))


def test_members_at_year_end_and_growth_over_the_year(world: Any) -> None:
    join(world, dt.date(2019, 3, 1))
    join(world, dt.date(2020, 6, 1), dt.date(2021, 5, 31))
    join(world, dt.date(2021, 2, 1))
    join(world, dt.date(2021, 9, 1))
    assert measure_value(world, "relations.member_employers", 2020) == 2
    assert measure_value(world, "relations.member_employers", 2021) == 3
    assert measure_value(world, "relations.member_employers_growth", 2021) == 1
    page = world.client("bedrijfsvoering").get(reverse("relations:members") + "?jaar=2021")
    rows = {year: (count, growth) for year, count, growth in page.context["per_year"]}
    assert rows[2020] == (2, 1) and rows[2021] == (3, 1)


def test_an_employer_is_a_member_once_at_a_time(world: Any) -> None:
    employer = OrganisationFactory(kind="care")
    actor = world.users["bedrijfsvoering"]
    services.membership_start(
        actor=actor, holder_id=world.own.pk, organisation=employer, started_on=dt.date(2020, 1, 1)
    )
    with pytest.raises(ValidationError, match="Deze werkgever is op die dag al lid"):
        services.membership_start(
            actor=actor,
            holder_id=world.own.pk,
            organisation=employer,
            started_on=dt.date(2021, 1, 1),
        )


def test_a_membership_does_not_end_before_it_started(world: Any) -> None:
    membership = join(world, dt.date(2021, 2, 1))
    with pytest.raises(ValidationError, match="Het lidmaatschap kan niet eindigen voordat"):
        services.membership_end(
            actor=world.users["bedrijfsvoering"],
            membership=membership,
            ended_on=dt.date(2021, 1, 1),
        )
    membership.refresh_from_db()
    assert membership.ended_on is None


def test_members_are_added_through_the_page(world: Any) -> None:
    employer = OrganisationFactory(kind="care")
    response = world.client("medewerker").post(
        reverse("relations:members"), {"organisation": employer.pk, "started_on": "2021-04-01"}
    )
    assert response.status_code == 302
    assert employer.employer_memberships.count() == 1
