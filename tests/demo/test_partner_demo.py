"""The demo's second partner of the province: Sportservice Flevoland beside CMO under the
province's Krachtige Samenleving, with a line that neither serves (koers.demo.partner)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from koers.accounts.models import Membership, User
from koers.accounts.roles import Role
from koers.core.models import AuditEntry
from koers.demo.constants import DEMO_PASSWORD, OWN, REFERENCE_DATE
from koers.funding.models import Grant, GrantKind, GrantStatus
from koers.plans.models import (
    Amendment,
    AmendmentField,
    AmendmentStatus,
    AnnualPlan,
    Goal,
    Indicator,
    Plan,
    Programme,
    Realisation,
)
from koers.work.models import TimeEntry
from tests.conftest import verified_client

PARTNER = "sportservice-flevoland"
PROVINCE = "provincie-flevoland"
MEETINGS = "6 thematische netwerkbijeenkomsten"


@pytest.fixture
def demo(demo_db: dict[str, int]) -> None:
    """The shared demo (tests/shared_demo.py)."""


def sport() -> Programme:
    return Programme.objects.get(plan__organisation__slug=PARTNER)


def test_the_partner_is_the_directorys_sportservice_with_one_director(demo: None) -> None:
    membership = Membership.objects.select_related("organisation", "user").get(
        user__username="sportservice"
    )
    assert membership.role == Role.DIRECTEUR
    assert membership.organisation.slug == PARTNER
    assert membership.organisation.name == "Sportservice Flevoland"
    assert membership.user.check_password(DEMO_PASSWORD)


def test_its_plan_and_programme_are_funded_by_the_province_and_serve_the_line_cmo_serves(
    demo: None,
) -> None:
    plan = Plan.objects.get(organisation__slug=PARTNER)
    assert (plan.start_year, plan.end_year, plan.funder.slug) == (2021, 2021, PROVINCE)
    programme = sport()
    assert programme.name == "Sport en bewegen"
    assert list(programme.funders.values_list("slug", flat=True)) == [PROVINCE]
    served = set(programme.goals.values_list("code", flat=True))
    positive_health = Programme.objects.get(plan__organisation__slug=OWN, code="PG")
    assert served == {"KS-1"}
    assert served <= set(positive_health.goals.values_list("code", flat=True))
    assert programme.activities.filter(year=2021).count() == 3


def test_the_shared_line_has_a_summable_indicator_of_both_partners_and_one_in_another_unit(
    demo: None,
) -> None:
    under_ks1 = Indicator.objects.filter(
        activity__year=2021, activity__programme__goals__code="KS-1"
    )
    meetings = under_ks1.get(title=MEETINGS)
    cmo_same_unit = under_ks1.filter(
        activity__programme__plan__organisation__slug=OWN,
        unit=meetings.unit,
        aggregation=meetings.aggregation,
    )
    assert (meetings.unit, meetings.aggregation) == ("count", "sum")
    assert cmo_same_unit.filter(title="7 thematische netwerkbijeenkomsten").exists()
    assert meetings.targets.get(year=2021).value == Decimal(6)
    partner_units = set(
        under_ks1.filter(activity__programme__plan__organisation__slug=PARTNER).values_list(
            "unit", flat=True
        )
    )
    cmo_units = set(
        under_ks1.filter(activity__programme__plan__organisation__slug=OWN).values_list(
            "unit", flat=True
        )
    )
    assert "percentage" in partner_units - cmo_units


def test_one_krachtige_samenleving_line_is_served_by_neither_partner(demo: None) -> None:
    lines = Goal.objects.filter(parent__code="KS", funder__slug=PROVINCE)
    untouched = lines.filter(programmes__isnull=True, activities__isnull=True)
    assert list(untouched.values_list("code", flat=True)) == ["KS-2"]
    assert lines.count() == 4


def test_the_annual_plan_is_adopted_by_the_province_and_one_amendment_awaits_it(
    demo: None,
) -> None:
    annual = AnnualPlan.objects.get(plan__organisation__slug=PARTNER, year=2021)
    assert annual.status == "vastgesteld"
    steps = list(annual.events.values_list("to_status", "actor__username"))
    assert steps == [("ingediend", "sportservice"), ("vastgesteld", "provincie")]
    assert all(e.at.date() < dt.date(2021, 1, 1) for e in annual.events.all())
    amendment = Amendment.objects.get(annual_plan=annual)
    assert amendment.status == AmendmentStatus.PROPOSED
    assert amendment.field == AmendmentField.TARGET
    assert amendment.target is not None and amendment.target.indicator.title == MEETINGS
    assert (amendment.old_value, amendment.new_value) == ("6", "5")
    assert amendment.reason.startswith("Voorbeeld")
    assert amendment.proposed_by.username == "sportservice"
    assert amendment.proposed_at.date() <= REFERENCE_DATE
    assert AuditEntry.objects.filter(action="amendment.propose", subject_id=amendment.pk).exists()


def test_its_realisations_are_example_data_up_to_the_reference_date(demo: None) -> None:
    realisations = Realisation.objects.filter(indicator__activity__programme=sport())
    assert realisations.count() == 5
    assert not realisations.filter(is_example=False).exists()
    assert not realisations.exclude(
        date__gte=dt.date(2021, 1, 1), date__lte=REFERENCE_DATE
    ).exists()


def test_the_province_grants_it_money_labelled_as_example_data(demo: None) -> None:
    grant = Grant.objects.get(organisation__slug=PARTNER)
    assert grant.funder.slug == PROVINCE
    assert (grant.kind, grant.status) == (GrantKind.INSTITUTIONAL, GrantStatus.RUNNING)
    assert grant.amount_granted == Decimal("150000.00")
    assert "Voorbeeldgegevens" in grant.note
    assert list(grant.programmes.all()) == [sport()]
    assert sum(a.amount for a in grant.advances.all()) == grant.amount_granted
    assert grant.indicators.count() == 3


def test_its_director_registered_hours_on_its_activities(demo: None) -> None:
    entries = TimeEntry.objects.filter(organisation__slug=PARTNER)
    assert entries.count() > 5
    assert set(entries.values_list("user__username", flat=True)) == {"sportservice"}
    assert not entries.exclude(activity__programme=sport()).exists()
    assert not entries.filter(date__gt=REFERENCE_DATE).exists()


def test_cmos_staff_do_not_see_its_programme_and_the_province_does(demo: None) -> None:
    programme = sport()
    for username in ("directeur", "coordinator", "medewerker", "toezicht", "regioplus"):
        user = User.objects.get(username=username)
        assert not Programme.objects.visible_to(user).filter(pk=programme.pk).exists(), username
    province = User.objects.get(username="provincie")
    visible = Programme.objects.visible_to(province)
    assert visible.filter(pk=programme.pk).exists()
    assert visible.filter(plan__organisation__slug=OWN, code="PG").exists()
    partner = User.objects.get(username="sportservice")
    assert list(Programme.objects.visible_to(partner)) == [programme]


def test_the_province_can_decide_the_amendment_from_the_annual_plan_and_cmo_cannot_open_it(
    demo: None,
) -> None:
    annual = AnnualPlan.objects.get(plan__organisation__slug=PARTNER, year=2021)
    amendment = Amendment.objects.get(annual_plan=annual)
    page = verified_client(User.objects.get(username="provincie")).get(
        reverse("plans:annual_plan", args=[annual.pk])
    )
    assert page.status_code == 200
    assert reverse("plans:amendment_decide", args=[amendment.pk]) in page.content.decode()
    director = verified_client(User.objects.get(username="directeur"))
    assert director.get(reverse("plans:annual_plan", args=[annual.pk])).status_code == 404
    assert director.get(reverse("plans:programme", args=[sport().pk])).status_code == 404


def test_its_director_finds_her_programme_on_her_dashboard(demo: None) -> None:
    client = verified_client(User.objects.get(username="sportservice"))
    page = client.get("/?jaar=2021&peildatum=2021-10-15")
    assert page.status_code == 200
    assert MEETINGS in page.content.decode()


def test_the_provinces_portfolio_shows_both_partners_the_shared_count_and_the_gap(
    demo: None,
) -> None:
    from koers.core.periods import Year
    from koers.directory.models import Organisation
    from koers.portfolio.queries import portfolio

    province = User.objects.get(username="provincie")
    funder = Organisation.objects.get(slug="provincie-flevoland")
    found = portfolio(province, funder, Year(2021), REFERENCE_DATE)
    [ks1] = [block for block in found.goals if block.goal.code == "KS-1"]
    assert {work.organisation.slug for work in ks1.partners} == {OWN, PARTNER}
    meetings = next(row for row in ks1.units if row.name == "thematische netwerkbijeenkomsten")
    assert meetings.shared and meetings.summed
    assert meetings.target == Decimal(13)  # CMO's 7 and Sportservice's 6
    assert [block.goal.code for block in found.gaps] == ["KS-2"]
    assert [a.activity.programme.plan.organisation.slug for a in found.amendments] == [PARTNER]


def test_no_demo_account_works_for_two_organisations(demo: None) -> None:
    """The rule an account's memberships are checked against (Membership.clean) holds for
    the demo's own: a staff role in one organisation only."""
    from django.db.models import Count

    from koers.accounts.models import Membership
    from koers.accounts.roles import STAFF_ROLES

    working = (
        Membership.objects.filter(role__in=STAFF_ROLES)
        .values("user__username")
        .annotate(organisations=Count("organisation", distinct=True))
    )
    assert len(working) > 5
    assert [row for row in working if row["organisations"] > 1] == []
