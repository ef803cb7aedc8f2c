"""The capacity page: direct hours and share against the year's target, the forecast,
hours per programme against its FTE, and the weeks not handed in."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from koers.work import queries
from koers.work.models import HoursTarget, Project, StaffProfile, TimeCategory, TimeEntry, Week
from tests.conftest import World

D = Decimal


@pytest.fixture
def year_of_hours(world: World) -> Any:
    staff = world.users["medewerker"]
    StaffProfile.objects.create(user=staff, organisation=world.own)
    HoursTarget.objects.create(
        organisation=world.own, year=2021, direct_hours=D(20258), direct_share=D(74)
    )
    world.programme.fte = D(2)
    world.programme.save()
    leave = TimeCategory.objects.create(organisation=world.own, name="Verlof")
    training = TimeCategory.objects.create(organisation=world.own, name="Advies", direct=True)
    project = Project.objects.create(
        organisation=world.own,
        programme=world.programme,
        title="Netwerk Urk",
        starts_on=dt.date(2021, 1, 1),
        hours_budget=D(100),
    )
    entries = [
        (dt.date(2021, 1, 4), D(6), {"activity": world.activity}),
        (dt.date(2021, 1, 4), D(2), {"category": leave}),
        (dt.date(2021, 2, 1), D(4), {"project": project}),
        (dt.date(2021, 2, 2), D(3), {"category": training}),
        (dt.date(2021, 2, 3), D(5), {"category": leave}),
        (dt.date(2021, 7, 1), D(8), {"activity": world.activity}),  # after the reference date
    ]
    for day, hours, target in entries:
        TimeEntry.objects.create(
            user=staff, organisation=world.own, date=day, hours=hours, **target
        )
    Week.objects.create(
        user=staff, organisation=world.own, monday=dt.date(2021, 1, 4), status="approved"
    )
    return project


def test_direct_hours_share_and_forecast_come_from_the_entries(
    world: World, year_of_hours: Any
) -> None:
    figures = queries.capacity(world.own.pk, 2021, dt.date(2021, 2, 28))
    assert (figures.direct, figures.total) == (D(13), D(20))
    assert figures.share == D("65.0")
    assert [(m.month.month, m.direct, m.total) for m in figures.months] == [
        (1, D(6), D(8)),
        (2, D(7), D(12)),
    ]
    # 41 of 261 working days of 2021 are behind us on 28 February
    assert figures.elapsed == D(41) / D(261)
    assert figures.forecast == (D(13) * 261 / 41).quantize(D(1))
    assert figures.expected_by_now == (D(20258) * 41 / 261).quantize(D(1))
    [programme] = [row for row in figures.programmes if row["programme"] == world.programme]
    assert programme["hours"] == D(10)  # 6 on the activity, 4 on the project
    assert programme["promised"] == D(2) * D(1872)
    [project] = figures.projects
    assert (project["hours"], project["used"]) == (D(4), D("4.0"))


def test_weeks_not_handed_in_are_listed_per_person(world: World, year_of_hours: Any) -> None:
    figures = queries.capacity(world.own.pk, 2021, dt.date(2021, 1, 27))
    [(user, mondays)] = figures.missing_weeks
    assert user == world.users["medewerker"]
    assert mondays == [dt.date(2021, 1, 11), dt.date(2021, 1, 18)]  # 4 Jan approved; 25th open


def test_the_capacity_page_shows_it_in_a_fixed_number_of_queries(
    world: World, year_of_hours: Any, django_assert_max_num_queries: Any
) -> None:
    client = world.client("directeur")
    url = reverse("work:capacity")
    with django_assert_max_num_queries(20):
        response = client.get(url, {"peildatum": "2021-02-28"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "20.258" in page, page[page.find("<dl") : page.find("</dl>")]
    assert "65,0%" in page  # Dutch decimal comma
    staff = world.users["medewerker"]
    for day in range(1, 28):
        date = dt.date(2021, 3, day)
        if date.weekday() < 5:
            TimeEntry.objects.create(
                user=staff,
                organisation=world.own,
                date=date,
                hours=D(8),
                activity=world.activity,
            )
    with django_assert_max_num_queries(20):
        assert client.get(url, {"peildatum": "2021-03-31"}).status_code == 200


def test_an_indicator_can_count_the_hours_spent_on_its_programme(
    world: World, year_of_hours: Any
) -> None:
    from koers.plans.measures import get_measure

    world.indicator.source = "derived"
    world.indicator.measure = "work.hours_programme"
    world.indicator.save()
    measure = get_measure("work.hours_programme")
    assert measure is not None
    start, end = dt.date(2021, 1, 1), dt.date(2021, 6, 30)
    assert measure.compute(world.indicator, start, end) == D(10)
    assert measure.records is not None
    assert [e.hours for e in measure.records(world.indicator, start, end)] == [D(6), D(4)]
    activity_hours = get_measure("work.hours_activity")
    assert activity_hours is not None
    assert activity_hours.compute(world.indicator, start, dt.date(2021, 12, 31)) == D(14)


def test_activities_and_projects_show_hours_against_the_years_budget(
    world: World, year_of_hours: Any
) -> None:
    from koers.work.models import HoursBudget

    HoursBudget.objects.create(activity=world.activity, year=2021, hours=D(40))
    HoursBudget.objects.create(project=year_of_hours, year=2021, hours=D(80))
    figures = queries.capacity(world.own.pk, 2021, dt.date(2021, 2, 28))
    [activity] = figures.activities
    assert (activity["hours"], activity["budget"], activity["used"]) == (D(6), D(40), D("15.0"))
    [project] = figures.projects
    assert project["year_budget"] == D(80)


def test_an_activity_budget_is_for_the_activitys_own_year(world: World) -> None:
    from django.core.exceptions import ValidationError

    from koers.work.models import HoursBudget

    budget = HoursBudget(activity=world.activity, year=2022, hours=D(10))
    with pytest.raises(ValidationError, match="Het budget van een activiteit hoort bij haar"):
        budget.full_clean()


def test_weeks_before_she_joined_are_not_missing(world: World, year_of_hours: Any) -> None:
    from koers.work.models import Contract

    profile = StaffProfile.objects.get(user=world.users["medewerker"])
    Contract.objects.create(
        profile=profile,
        starts_on=dt.date(2021, 1, 18),
        fte=D("0.8"),
        hours_per_week=D("28.8"),
        direct_norm=D(80),
    )
    figures = queries.capacity(world.own.pk, 2021, dt.date(2021, 1, 27))
    [(_user, mondays)] = figures.missing_weeks
    assert mondays == [dt.date(2021, 1, 18)]  # not the week of 11 January, before she joined


def test_a_reference_year_is_shown_beside_the_targets_and_is_never_a_target(
    world: World, year_of_hours: Any
) -> None:
    """The plan's starting point (001 §5.2: 2019, 18,117 direct hours, 64%) is data, in the
    same table as the targets, marked as realised."""
    HoursTarget.objects.create(
        organisation=world.own,
        year=2019,
        direct_hours=D(18117),
        direct_share=D(64),
        is_reference=True,
        source="Meerjarenplan, referentiejaar",
    )
    figures = queries.capacity(world.own.pk, 2021, dt.date(2021, 2, 28))
    assert [(t.year, t.is_reference) for t in figures.plan_years] == [(2019, True), (2021, False)]
    assert figures.target is not None and figures.target.year == 2021
    # in its own year the reference is no target to measure the hours against
    assert queries.capacity(world.own.pk, 2019, dt.date(2019, 6, 30)).target is None
    page = world.client("directeur").get(reverse("work:capacity"), {"peildatum": "2021-02-28"})
    table = page.content.decode().split('id="plan-years-heading"')[1].split("</section>")[0]
    rows = [" ".join(row.split()) for row in table.split("<tr>")[2:]]
    assert "2019" in rows[0] and "18.117" in rows[0] and "64%" in rows[0]
    assert "referentiejaar (gerealiseerd)" in rows[0]
    assert "2021" in rows[1] and "20.258" in rows[1] and "74%" in rows[1]
    assert "streefwaarde" in rows[1]
