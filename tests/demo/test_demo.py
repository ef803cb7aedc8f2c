"""The demo: built from the seeds, idempotent, and telling the walkthrough's story."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count

from koers.accounts.models import Membership, User
from koers.accounts.roles import Role
from koers.core.models import AuditEntry, Municipality
from koers.core.periods import Year
from koers.demo import builder, seed_data
from koers.directory.models import Organisation, Person, Position
from koers.plans import queries, services
from koers.plans.measures import get_measure
from koers.plans.models import (
    Activity,
    AnnualPlan,
    Goal,
    Indicator,
    Programme,
    Realisation,
    Source,
    Target,
)
from koers.plans.progress import Status
from koers.relations.events import services as event_services
from koers.relations.models import Action, Event, Interaction, Participant
from tests.conftest import verified_client

MEETINGS = "7 thematische netwerkbijeenkomsten"


def table_counts() -> dict[str, int]:
    models: list[Any] = [
        User,
        Membership,
        Goal,
        Programme,
        Activity,
        Indicator,
        Target,
        Realisation,
        AnnualPlan,
        Organisation,
        Person,
        Position,
        Event,
        Participant,
        Interaction,
        Action,
        AuditEntry,
    ]
    return {model.__name__: model.objects.count() for model in models}


def add_the_natuur_meeting(coordinator: User, **values: Any) -> Event:
    """What the coordinator does in the walkthrough, through the service the page calls."""
    activity = Activity.objects.select_related("programme__plan").get(code="PG-1.1", year=2021)
    return event_services.event_save(
        actor=coordinator,
        programme=activity.programme,
        values={
            "activity": activity,
            "title": "Themabijeenkomst natuur",
            "theme": "natuur",
            "date": dt.date(2021, 9, 23),
            "municipality": Municipality.objects.get(slug="urk"),
            **values,
        },
        co_organisers=list(Organisation.objects.filter(slug__in=["ivn", "staatsbosbeheer"])),
    )


@pytest.fixture
def demo(demo_db: dict[str, int]) -> dict[str, int]:
    return demo_db


def test_it_builds_every_2021_activity_and_target_from_the_seed_data(demo: dict[str, int]) -> None:
    expected_activities = sum(
        len(line["activities"]) for p in seed_data.PROGRAMMES for line in p["lines"]
    )
    expected_targets = sum(
        1
        for p in seed_data.PROGRAMMES
        for line in p["lines"]
        for a in line["activities"]
        for i in a["indicators"]
        if i["target"] is not None
    )
    # CMO's, from the seeds; Sportservice's (koers.demo.partner) are tested beside them.
    cmo = {"programme__plan__organisation__slug": builder.OWN}
    assert Activity.objects.filter(year=2021, **cmo).count() == expected_activities
    assert (
        Target.objects.filter(
            year=2021, indicator__activity__programme__plan__organisation__slug=builder.OWN
        ).count()
        == expected_targets
    )
    assert set(
        Programme.objects.filter(plan__organisation__slug=builder.OWN).values_list(
            "name", flat=True
        )
    ) == {
        "Positieve Gezondheid",
        "Arbeidsmarkt en Onderwijs",
        "Versterken van Inwoners",
    }
    ks = Goal.objects.get(code="KS")
    assert ks.children.count() == 4
    assert Goal.objects.get(code="RP").children.count() == 4


def test_every_role_has_a_demo_account(demo: dict[str, int]) -> None:
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {str(role) for role in Role}
    province = Membership.objects.get(user__username="provincie")
    assert province.role == Role.OPDRACHTGEVER


def test_running_it_twice_changes_nothing(demo: dict[str, int]) -> None:
    before = table_counts()
    assert before["Person"] > 250 and before["Interaction"] > 150
    target_values = sorted(Target.objects.values_list("pk", "value"))
    assert builder.build(hours=False) == {}
    assert table_counts() == before
    assert sorted(Target.objects.values_list("pk", "value")) == target_values


def test_it_keeps_what_users_recorded_when_run_again(demo: dict[str, int]) -> None:
    coordinator = User.objects.get(username="coordinator")
    event = add_the_natuur_meeting(coordinator)
    services.realisation_record(
        actor=coordinator,
        indicator=Indicator.objects.get(
            activity__year=2021, title__startswith="Procesbegeleiding 2 gemeenten"
        ),
        date=dt.date(2021, 9, 23),
        value=Decimal(1),
    )
    before = table_counts()
    assert builder.build(hours=False) == {}
    assert table_counts() == before
    assert Event.objects.filter(pk=event.pk, is_example=False).exists()
    assert Event.objects.filter(activity=event.activity).count() == 7


def test_realisations_are_example_data_within_2021_up_to_the_reference_date(
    demo: dict[str, int],
) -> None:
    realisations = Realisation.objects.all()
    assert realisations.count() > 50
    assert not realisations.filter(is_example=False).exists()
    assert not realisations.exclude(
        date__gte=dt.date(2021, 1, 1), date__lte=builder.REFERENCE_DATE
    ).exists()
    # A spread: statuses differ between indicators rather than all being the same.
    rows = queries.indicator_rows(Indicator.objects.all(), Year(2021), builder.REFERENCE_DATE)
    statuses = {row.progress.status for row in rows}
    assert {Status.ACHIEVED, Status.ON_TRACK, Status.BEHIND} <= statuses


def test_the_walkthrough_moves_the_meetings_from_behind_to_on_track(
    demo: dict[str, int],
) -> None:
    """The meetings count the events of their activity: 2 held by 15 October, behind; the
    coordinator adds the natuur meeting of 23 September as an event and the dashboard says
    3 of 7, on track; removing it again takes it back."""
    coordinator = User.objects.get(username="coordinator")
    indicator = Indicator.objects.get(activity__year=2021, title=MEETINGS)
    assert indicator.source == Source.DERIVED
    assert not indicator.realisations.exists()

    def meetings_status() -> tuple[Decimal, Status]:
        summaries = queries.dashboard(coordinator, Year(2021), builder.REFERENCE_DATE)
        row = next(row for s in summaries for row in s.key_rows if row.indicator.pk == indicator.pk)
        return row.progress.realised, row.progress.status

    held = Event.objects.filter(activity=indicator.activity, date__lte=builder.REFERENCE_DATE)
    assert held.count() == 2
    assert meetings_status() == (Decimal(2), Status.BEHIND)
    event = add_the_natuur_meeting(coordinator, place="Natuurcentrum Urk")
    assert meetings_status() == (Decimal(3), Status.ON_TRACK)
    assert AuditEntry.objects.filter(action="event.created", actor=coordinator).count() == 7
    event_services.event_delete(actor=coordinator, event=event)
    assert meetings_status() == (Decimal(2), Status.BEHIND)


def test_events_of_other_activities_or_after_the_reference_date_do_not_count(
    demo: dict[str, int],
) -> None:
    coordinator = User.objects.get(username="coordinator")
    indicator = Indicator.objects.get(activity__year=2021, title=MEETINGS)
    period = (dt.date(2021, 1, 1), builder.REFERENCE_DATE)
    measure = get_measure(indicator.measure)
    assert measure is not None
    other = Activity.objects.select_related("programme__plan").get(code="PG-2.2", year=2021)
    event_services.event_save(
        actor=coordinator,
        programme=other.programme,
        values={"activity": other, "title": "Kopgroep mentale gezondheid", "date": period[1]},
    )
    add_the_natuur_meeting(coordinator, date=dt.date(2021, 10, 16))
    assert measure.compute(indicator, *period) == 2
    assert [str(e) for e in measure.records(indicator, *period)] == [
        "Themabijeenkomst kunst en cultuur (18 maart 2021)",
        "Themabijeenkomst sport (10 juni 2021)",
    ]
    assert measure.compute(indicator, dt.date(2021, 1, 1), dt.date(2021, 12, 31)) == 7


def test_the_2021_annual_plan_is_adopted_and_frozen(demo: dict[str, int]) -> None:
    annual = AnnualPlan.objects.get(plan__organisation__slug=builder.OWN, year=2021)
    assert annual.is_frozen
    assert list(annual.events.values_list("to_status", flat=True)) == ["ingediend", "vastgesteld"]


def test_each_programme_has_key_indicators(demo: dict[str, int]) -> None:
    per_programme = dict(
        Indicator.objects.filter(is_key=True, activity__year=2021)
        .values_list("activity__programme__code")
        .annotate(n=Count("id"))
    )
    assert per_programme == {"PG": 3, "AO": 3, "VI": 3, "SB": 2}  # SB: koers.demo.partner


def test_the_command_refuses_to_run_outside_demo_mode(db: Any, settings: Any) -> None:
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="KOERS_DEMO"):
        call_command("demo", no_serve=True)
    assert not User.objects.exists()


def test_the_command_builds_without_serving(db: Any, settings: Any, capsys: Any) -> None:
    settings.DEMO_MODE = True
    call_command("demo", no_serve=True)
    assert "koers-demo-2021" in capsys.readouterr().out
    assert User.objects.filter(username="coordinator").exists()


def test_the_dashboard_counts_add_up_over_the_programmes(demo: dict[str, int], client) -> None:  # type: ignore[no-untyped-def]
    import re

    verified_client(User.objects.get(username="directeur"), client)
    html = client.get("/?jaar=2021&peildatum=2021-10-15").content.decode()
    summaries = queries.dashboard(
        User.objects.get(username="directeur"), Year(2021), builder.REFERENCE_DATE
    )
    overall = html.split('id="overall-heading"')[1].split("</section>")[0]
    shown = [int(n) for n in re.findall(r"<dd>\s*(\d+)\s*</dd>", overall)]
    expected = [
        sum(s.counts.get(status, 0) for s in summaries)
        for status in ("achieved", "on_track", "behind", "open")
    ]
    assert shown == expected and sum(expected) > 0


def test_the_2021_hours_match_the_plans_kpis(db: Any) -> None:
    """About 74% direct; at the pace so far, the year ends near the target of 20,258."""
    import datetime as dt
    from decimal import Decimal

    from django.db.models import Count, Sum

    from koers.directory.models import Organisation
    from koers.work import queries
    from koers.work.models import ClosedMonth, TimeEntry

    created = builder.build(realisations=False)
    assert created["time entries"] > 10_000
    own = Organisation.objects.get(slug="cmo-flevoland")
    figures = queries.capacity(own.pk, 2021, builder.REFERENCE_DATE)
    assert figures.target is not None and figures.target.direct_hours == Decimal(20258)
    assert figures.share is not None and Decimal(72) <= figures.share <= Decimal(76)
    assert figures.forecast is not None
    assert abs(figures.forecast - Decimal(20258)) / Decimal(20258) < Decimal("0.1")
    assert {str(user) for user, _weeks in figures.missing_weeks} >= {"Mila de Wit"}
    assert ClosedMonth.objects.filter(organisation=own).count() == 8
    # the rules hold for the seeded entries too: no day over 24 hours, nothing after the
    # reference date, activities only in their own year
    busiest = (
        TimeEntry.objects.values("user_id", "date")
        .annotate(total=Sum("hours"))
        .order_by("-total")
        .first()
    )
    assert busiest is not None and busiest["total"] <= 24
    assert not TimeEntry.objects.filter(date__gt=builder.REFERENCE_DATE).exists()
    assert (
        not TimeEntry.objects.exclude(activity__isnull=True).exclude(activity__year=2021).exists()
    )
    assert builder.build(realisations=False) == {}  # and running it again adds nothing
    assert TimeEntry.objects.aggregate(n=Count("id"))["n"] == created["time entries"]
    assert dt.date(2021, 1, 4) == TimeEntry.objects.earliest("date").date


def test_the_synthetic_generator_fills_years_of_hours(db: Any) -> None:
    from koers.demo.synthetic import add_hours_organisations
    from koers.work.models import StaffProfile, TimeEntry

    [organisation] = add_hours_organisations(1, staff=3, years=2)
    assert StaffProfile.objects.filter(organisation_id=organisation).count() == 3
    entries = TimeEntry.objects.filter(organisation_id=organisation)
    # 2020 and 2021: 523 working days, 3 staff, 1 or 2 entries a day
    assert 3 * 523 <= entries.count() <= 2 * 3 * 523
    assert {d.year for d in entries.dates("date", "year")} == {2020, 2021}
