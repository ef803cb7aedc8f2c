"""The funder's portfolio: her partners' work on her goal tree, side by side."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from koers.core.periods import Year
from koers.funding.models import Grant, GrantKind, GrantStatus
from koers.plans.models import ActivityComment, Amendment, AmendmentStatus, AnnualPlanStatus
from koers.portfolio.queries import portfolio
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.conftest import World
from tests.directory.factories import OrganisationFactory
from tests.plans.factories import (
    ActivityFactory,
    AnnualPlanFactory,
    GoalFactory,
    IndicatorFactory,
    PlanFactory,
    ProgrammeFactory,
    RealisationFactory,
    TargetFactory,
)

REFERENCE = dt.date(2021, 12, 31)


def xlsx_sheets(data: bytes) -> dict[str, list[list[Any]]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)] for sheet in book}


def partner(
    world: World,
    name: str,
    *,
    meetings: int,
    target: int,
    title: str = "4 thematische netwerkbijeenkomsten",
    unit: str = "count",
    aggregation: str = "sum",
) -> Any:
    """A partner of the province with a programme serving KS-1 and one counted activity."""
    organisation = OrganisationFactory(name=name)
    plan = PlanFactory(organisation=organisation, funder=world.province)
    programme = ProgrammeFactory(plan=plan, name=f"Programma van {name}", funders=[world.province])
    programme.goals.add(world.goal)
    activity = ActivityFactory(programme=programme, title=f"Bijeenkomsten van {name}")
    indicator = IndicatorFactory(activity=activity, title=title, unit=unit, aggregation=aggregation)
    TargetFactory(indicator=indicator, value=Decimal(target))
    for day in range(meetings):
        RealisationFactory(
            indicator=indicator, date=dt.date(2021, 3, 1) + dt.timedelta(days=day), value=Decimal(1)
        )
    return organisation


def proposed(partner: Any, description: str, proposer: Any) -> Amendment:
    """An amendment of the partner's activity, awaiting the province in its adopted 2021 plan."""
    activity = partner.plans.get().programmes.get().activities.get()
    return Amendment.objects.create(
        annual_plan=AnnualPlanFactory(
            plan=activity.programme.plan, year=2021, status=AnnualPlanStatus.ADOPTED
        ),
        activity=activity,
        field="description",
        old_value=activity.description,
        new_value=description,
        reason="De zaal is in het najaar niet beschikbaar.",
        proposed_by=proposer,
    )


@pytest.fixture
def two_partners(world: World) -> tuple[Any, Any]:
    """CMO (the world's own) and Sportservice under KS-1, both counting meetings; another
    line of the province's tree that no one serves."""
    indicator = world.indicator  # "7 thematische netwerkbijeenkomsten", a count, summed
    for day in range(3):
        RealisationFactory(indicator=indicator, date=dt.date(2021, 4, 1 + day), value=Decimal(1))
    sport = partner(world, "Sportservice Flevoland", meetings=2, target=4)
    GoalFactory(
        funder=world.province, code="KS-2", title="Werk en inkomen", parent=world.goal.parent
    )
    return world.own, sport


def test_both_partners_under_the_line_with_their_counts_and_the_sum(
    world: World, two_partners: tuple[Any, Any]
) -> None:
    cmo, sport = two_partners
    found = portfolio(world.users["opdrachtgever"], world.province, Year(2021), REFERENCE)
    [ks1] = [block for block in found.goals if block.goal == world.goal]
    assert [work.organisation for work in ks1.partners] == [cmo, sport]
    [unit] = ks1.units
    assert unit.name == "thematische netwerkbijeenkomsten" and unit.shared
    assert unit.per_partner == {
        cmo.pk: (Decimal(7), Decimal(3)),
        sport.pk: (Decimal(4), Decimal(2)),
    }
    assert (unit.target, unit.realised, unit.percent) == (Decimal(11), Decimal(5), 45)
    assert [block.goal.code for block in found.gaps] == ["KS-2"]
    # The root serves as the sum of its lines: both partners, the same count.
    [root] = [block for block in found.goals if block.goal.code == "KS"]
    assert [u.realised for u in root.units] == [Decimal(5)]


def test_unlike_indicators_are_never_added_up_and_the_page_says_so(
    world: World, two_partners: tuple[Any, Any]
) -> None:
    cmo, _sport = two_partners
    ggd = partner(
        world,
        "GGD Flevoland",
        meetings=3,
        target=60,
        title="60% van de deelnemers beweegt wekelijks",
        unit="percentage",
        aggregation="latest",
    )
    # A count of another thing, in the same unit as the meetings: not the same indicator.
    other = partner(world, "Kunstlink", meetings=9, target=12, title="12 communicatie-uitingen")
    found = portfolio(world.users["opdrachtgever"], world.province, Year(2021), REFERENCE)
    [ks1] = [block for block in found.goals if block.goal == world.goal]
    assert ks1.units_differ
    rows = {row.name: row for row in ks1.units}
    assert set(rows) == {
        "thematische netwerkbijeenkomsten",
        "van de deelnemers beweegt wekelijks",
        "communicatie-uitingen",
    }
    meetings = rows["thematische netwerkbijeenkomsten"]
    assert meetings.shared and meetings.realised == Decimal(5)
    assert cmo.pk in meetings.per_partner and other.pk not in meetings.per_partner
    assert rows["communicatie-uitingen"].realised == Decimal(9)  # its own row, alone
    share = rows["van de deelnemers beweegt wekelijks"]
    assert not share.summed and share.target is None  # a latest value: per partner only
    assert share.per_partner == {ggd.pk: (Decimal(60), Decimal(1))}
    page = world.client("opdrachtgever").get(reverse("portfolio:overview") + "?jaar=2021")
    assert "nooit op over eenheden" in page.content.decode()


def test_the_page_costs_the_same_queries_for_one_partner_or_many(
    world: World, two_partners: tuple[Any, Any]
) -> None:
    client = world.client("opdrachtgever")
    url = reverse("portfolio:overview") + "?jaar=2021&peildatum=2021-12-31"
    client.get(url)  # warm the session and caches
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for number in range(4):
        partner(world, f"Partner {number}", meetings=number + 1, target=5)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url)
    assert "Partner 3" in page.content.decode()
    assert len(many) == len(few)


def test_only_a_funders_official_opens_it_and_only_for_her_funder(
    world: World, two_partners: tuple[Any, Any]
) -> None:
    url = reverse("portfolio:overview")
    assert world.client("directeur").get(url).status_code == 403
    assert (
        world.client("opdrachtgever").get(url + f"?opdrachtgever={world.regio.pk}").status_code
        == 404
    )
    regio = world.client("regio").get(url + "?jaar=2021").content.decode()
    assert "Sportservice" not in regio and "Portefeuille van Regio+" in regio


def test_grants_reports_and_questions_per_partner(
    world: World, two_partners: tuple[Any, Any]
) -> None:
    cmo, sport = two_partners
    for organisation, amount in ((cmo, 120000), (sport, 45000), (sport, 5000)):
        Grant.objects.create(
            organisation=organisation,
            funder=world.province,
            kind=GrantKind.PROJECT,
            title="Subsidie",
            status=GrantStatus.GRANTED,
            amount_granted=Decimal(amount),
            starts_on=dt.date(2021, 1, 1),
            ends_on=dt.date(2021, 12, 31),
        )
    sport_user = UserFactory(username="sport")
    MembershipFactory(user=sport_user, organisation=sport, role="directeur")
    sport_activity = sport.plans.get().programmes.get().activities.get()
    ActivityComment.objects.create(
        activity=sport_activity, author=sport_user, text="Mag dit later?"
    )
    asked = ActivityComment.objects.create(
        activity=world.activity, author=world.users["opdrachtgever"], text="Hoe gaat het?"
    )
    ActivityComment.objects.create(
        activity=world.activity, parent=asked, author=world.users["opdrachtgever"], text="Nog iets?"
    )
    found = portfolio(world.users["opdrachtgever"], world.province, Year(2021), REFERENCE)
    granted = {s.organisation: (s.granted, s.grants) for s in found.partners}
    assert granted == {
        cmo: (Decimal(120000), 1),
        sport: (Decimal(50000), 2),
        world.other_org: (Decimal(0), 0),  # funded, no grant recorded
    }
    # Her own question with her own follow-up waits for the partner, not for her.
    assert [q.thread.text for q in found.questions] == ["Mag dit later?"]


def test_she_decides_a_partners_amendment_from_the_list_and_returns_to_it(
    world: World, two_partners: tuple[Any, Any]
) -> None:
    _cmo, sport = two_partners
    amendment = proposed(sport, "Drie bijeenkomsten en een sportdag", world.users["directeur"])
    client = world.client("opdrachtgever")
    url = reverse("portfolio:overview") + "?jaar=2021"
    page = client.get(url).content.decode()
    assert "Drie bijeenkomsten en een sportdag" in page and "Sportservice Flevoland" in page
    response = client.post(
        reverse("plans:amendment_decide", args=[amendment.pk]),
        {"approve": "1", "note": "", "next": url},
    )
    assert response.status_code == 302 and response["Location"] == url
    amendment.refresh_from_db()
    assert amendment.status == AmendmentStatus.APPROVED
    assert "Geen wijziging wacht op uw besluit" in client.get(url).content.decode()


def test_the_workbook_has_the_goals_units_partners_and_amendments(
    world: World, two_partners: tuple[Any, Any]
) -> None:
    response = world.client("opdrachtgever").get(
        reverse("portfolio:export") + "?jaar=2021&peildatum=2021-12-31"
    )
    assert response.status_code == 200
    sheets = xlsx_sheets(response.content)
    units = next(rows for title, rows in sheets.items() if title.startswith("Per indicator"))
    ks1 = f"{world.goal.code} {world.goal.title}"
    assert [row[:5] for row in units[1:] if row[0] == ks1] == [
        [ks1, "thematische netwerkbijeenkomsten", "Aantal", 11, 5]
    ]
    goals = next(rows for title, rows in sheets.items() if title.startswith("Doelen"))
    assert any(row[0].startswith("KS-2") and "niemand" in row[1] for row in goals[1:])


def test_a_goal_of_her_tree_lists_each_partners_activities_with_status_and_indicators(
    world: World, two_partners: tuple[Any, Any]
) -> None:
    """The overview counts the activities; the goal's page lists them (the overview stays
    quick at twenty partners)."""
    cmo, sport = two_partners
    client = world.client("opdrachtgever")
    overview = client.get(reverse("portfolio:overview") + "?jaar=2021&peildatum=2021-12-31")
    link = reverse("portfolio:goal", args=[world.goal.pk])
    assert link in overview.content.decode()
    assert "Bijeenkomsten van Sportservice Flevoland" not in overview.content.decode()

    url = link + "?jaar=2021&peildatum=2021-12-31"
    with CaptureQueriesContext(connection) as few:
        page = client.get(url)
    assert page.status_code == 200
    blocks = page.context["blocks"]
    [ks1] = [block for block in blocks if block.goal == world.goal]
    assert all(block.goal.funder == world.province for block in blocks)
    assert [work.organisation for work in ks1.partners] == [cmo, sport]
    [sport_line] = ks1.partners[1].activities
    assert sport_line.title == "Bijeenkomsten van Sportservice Flevoland"
    # 2 of 4 meetings at the year's end: behind, and so it says.
    assert sport_line.status == "behind"
    [meetings] = sport_line.indicators
    assert (meetings.progress.realised, meetings.progress.target) == (Decimal(2), Decimal(4))
    text = page.content.decode()
    assert "Achter" in text and "4 thematische netwerkbijeenkomsten:" in text

    for number in range(3):
        partner(world, f"Partner {number}", meetings=number, target=5)
    with CaptureQueriesContext(connection) as many:
        assert "Partner 2" in client.get(url).content.decode()
    assert len(many) == len(few)


def test_a_goal_of_another_funders_tree_is_not_found_in_her_portfolio(
    world: World, two_partners: tuple[Any, Any]
) -> None:
    other = GoalFactory(funder=world.regio, code="R-1", title="Regionaal doel")
    client = world.client("opdrachtgever")
    assert client.get(reverse("portfolio:goal", args=[other.pk])).status_code == 404
    assert client.get(reverse("portfolio:goal", args=[world.goal.pk])).status_code == 200
    assert (
        world.client("directeur").get(reverse("portfolio:goal", args=[world.goal.pk])).status_code
        == 403
    )


def test_an_official_who_is_staff_at_the_province_sees_no_partners_staff_names(
    world: World, two_partners: tuple[Any, Any]
) -> None:
    """Seeing names at her own organisation does not show her the partners' people: the page
    chrome's default used to be "sees names anywhere"."""
    _cmo, sport = two_partners
    official = world.users["opdrachtgever"]
    MembershipFactory(user=official, organisation=world.province, role="medewerker")
    proposer = UserFactory(username="sportcoach", first_name="Sanne", last_name="Sportcoach")
    MembershipFactory(user=proposer, organisation=sport, role="directeur")
    proposed(sport, "Vijf bijeenkomsten", proposer)
    page = world.client("opdrachtgever").get(reverse("portfolio:overview") + "?jaar=2021")
    text = page.content.decode()
    assert "Vijf bijeenkomsten" in text
    assert "Sportcoach" not in text


def test_an_official_who_is_staff_at_the_partner_sees_who_proposed_its_amendment(
    world: World, two_partners: tuple[Any, Any]
) -> None:
    """Per row: the partner where she works shows its proposer; the page's other names
    stay hidden."""
    cmo, sport = two_partners
    official = world.users["opdrachtgever"]
    MembershipFactory(user=official, organisation=sport, role="medewerker")
    proposer = UserFactory(username="sportcoach", first_name="Sanne", last_name="Sportcoach")
    MembershipFactory(user=proposer, organisation=sport, role="directeur")
    proposed(sport, "Vijf bijeenkomsten", proposer)
    colleague = UserFactory(username="cmo-coach", first_name="Carla", last_name="Cmocoach")
    MembershipFactory(user=colleague, organisation=cmo, role="directeur")
    Amendment.objects.create(
        annual_plan=world.annual_plan,
        activity=world.activity,
        field="description",
        old_value=world.activity.description,
        new_value="Zes bijeenkomsten",
        reason="Meer vraag dan verwacht.",
        proposed_by=colleague,
    )
    text = world.client("opdrachtgever").get(reverse("portfolio:overview") + "?jaar=2021")
    text = text.content.decode()
    assert "Sportcoach" in text
    assert "Zes bijeenkomsten" in text
    assert "Cmocoach" not in text


def test_work_serving_a_goal_with_goals_below_it_is_listed_at_that_goal(
    world: World, two_partners: tuple[Any, Any]
) -> None:
    """A programme linked to the tree's root (not to one of its lines) is listed under the
    root on its page, not lost between the levels."""
    root = world.goal.parent
    ggd = partner(world, "GGD Flevoland", meetings=1, target=3)
    programme = ggd.plans.get().programmes.get()
    programme.goals.set([root])
    page = world.client("opdrachtgever").get(
        reverse("portfolio:goal", args=[root.pk]) + "?jaar=2021&peildatum=2021-12-31"
    )
    [top] = [block for block in page.context["blocks"] if block.goal == root]
    assert [work.organisation for work in top.listed] == [ggd]
    assert "Bijeenkomsten van GGD Flevoland" in page.content.decode()
    [ks1] = [block for block in page.context["blocks"] if block.goal == world.goal]
    assert ggd not in [work.organisation for work in ks1.partners]
