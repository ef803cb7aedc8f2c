"""The pool page and pool.py: who is available today per role against the targets, the
call-back count and the funnel; staff see links to the lists, funders and the board see
counts only; the page and the lists cost the same number of queries at 10 and 200
candidates."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from koers.core.privacy import LawfulBasis
from koers.directory.models import Person
from koers.matching.candidates.queries import pool_targets
from koers.matching.models import (
    ALL_WEEKDAYS,
    Availability,
    Candidate,
    CandidateRole,
    CareRole,
    Qualification,
    QualificationKind,
    Route,
    Stage,
)
from koers.matching.pool import available_by_role, available_candidates
from tests.conftest import World
from tests.matching.factories import almere, available_candidate


def test_targets_come_from_the_setting_and_ignore_what_is_not_a_role() -> None:
    assert pool_targets("verzorgende=10,verpleegkundige=12") == {
        "verzorgende": 10,
        "verpleegkundige": 12,
    }
    assert pool_targets("kok=3, helpende = 4 ,verzorgende=tien") == {"helpende": 4}


def test_available_means_deployable_with_role_qualification_and_availability(
    world: World,
) -> None:
    today = timezone.localdate()
    counted = available_candidate(world.own, CareRole.VERZORGENDE)
    available_candidate(world.own, CareRole.VERZORGENDE, stage=Stage.AANGEMELD)
    available_candidate(world.own, CareRole.VERZORGENDE, stage=Stage.GESTOPT)
    lapsed = available_candidate(world.own, CareRole.VERZORGENDE)
    lapsed.availability.update(valid_until=today - dt.timedelta(days=1))
    # A nurse needs BIG: her VIG diploma does not make her available as a nurse.
    available_candidate(world.own, CareRole.VERPLEEGKUNDIGE)
    nurse = available_candidate(world.own, CareRole.VERPLEEGKUNDIGE, kind=QualificationKind.BIG)
    counts = available_by_role(world.own.pk, today)
    assert counts["verzorgende"] == 1
    assert counts["verpleegkundige"] == 1
    assert set(available_candidates(world.own.pk, today, CareRole.VERZORGENDE)) == {counted}
    assert set(available_candidates(world.own.pk, today, CareRole.VERPLEEGKUNDIGE)) == {nurse}


def test_a_confirmed_placement_books_her_for_the_days_it_touches(world: World) -> None:
    """Placed on the night of the 15th to the 16th, she is booked on both days and counts
    again on the 17th; a cancelled placement books nothing."""
    from koers.matching.models import HelpRequest, Placement, PlacementStatus, Shift

    day = timezone.localdate() + dt.timedelta(days=10)
    nurse = available_candidate(world.own, CareRole.VERPLEEGKUNDIGE, kind=QualificationKind.BIG)
    request = HelpRequest.objects.create(
        holder=world.own, requester=world.care_org, role="verpleegkundige", municipality=almere()
    )
    night = timezone.make_aware(dt.datetime.combine(day, dt.time(23)))
    shift = Shift.objects.create(
        request=request, starts_at=night, ends_at=night + dt.timedelta(hours=8)
    )
    placement = Placement.objects.create(
        shift=shift, candidate=nurse, starts_at=shift.starts_at, ends_at=shift.ends_at
    )

    def counted(on: dt.date) -> int:
        return available_by_role(world.own.pk, on)["verpleegkundige"]

    assert counted(day) == counted(day + dt.timedelta(days=1)) == 0
    assert counted(day + dt.timedelta(days=2)) == 1
    assert not available_candidates(world.own.pk, day, CareRole.VERPLEEGKUNDIGE).exists()
    placement.status = PlacementStatus.GEANNULEERD
    placement.save()
    assert counted(day) == 1


def test_an_expired_qualification_stops_counting_the_day_after(world: World) -> None:
    today = timezone.localdate()
    available_candidate(world.own, CareRole.VERZORGENDE, valid_until=today)
    assert available_by_role(world.own.pk, today)["verzorgende"] == 1
    assert available_by_role(world.own.pk, today + dt.timedelta(days=1))["verzorgende"] == 0


def test_the_page_shows_available_against_target_callbacks_and_funnel(world: World) -> None:
    for _ in range(3):
        available_candidate(world.own, CareRole.VERZORGENDE)
    response = world.client("programmacoordinator").get(reverse("matching:index"))
    assert response.status_code == 200
    figures = response.context["figures"]
    carers = next(row for row in figures.roles if row.role == "verzorgende")
    assert (carers.available, carers.target, carers.met, carers.short) == (3, 10, False, 7)
    assert [row.role for row in figures.roles][:2] == ["verzorgende", "verpleegkundige"]
    assert figures.funnel.total == 3
    page = response.content.decode()
    assert reverse("matching:candidates") in page
    assert reverse("matching:callbacks") in page


@pytest.mark.parametrize("role", ["opdrachtgever", "toezicht"])
def test_funders_and_the_board_see_counts_but_no_names_or_links(world: World, role: str) -> None:
    candidate = available_candidate(world.own, CareRole.VERZORGENDE)
    response = world.client(role).get(reverse("matching:index"))
    assert response.status_code == 200
    assert response.context["figures"] is not None
    carers = next(row for row in response.context["figures"].roles if row.role == "verzorgende")
    assert carers.available == 1
    page = response.content.decode()
    assert candidate.person.last_name not in page
    assert reverse("matching:candidates") not in page
    assert reverse("matching:callbacks") not in page
    assert world.client(role).get(reverse("matching:candidates")).status_code == 403


def test_the_pool_is_closed_to_the_prioritiser_and_the_care_contact(world: World) -> None:
    for role in ("prioritering", "zorgvrager"):
        client = world.client(role)
        assert client.get(reverse("matching:index")).status_code == 403
        assert client.get(reverse("matching:candidates")).status_code == 403


def add_pool(holder: object, count: int) -> None:
    """`count` candidates in bulk: each deployable, a carer with a diploma, half of them
    available today and half lapsed (so both lists have rows)."""
    municipality = almere()
    today = timezone.localdate()
    persons = Person.objects.bulk_create(
        Person(
            holder=holder,  # type: ignore[misc]
            first_name="Kandidaat",
            last_name=f"Nummer {n}",
            phone="06-1",
            purpose="Extra handen",
            lawful_basis=LawfulBasis.CONSENT,
            consent_given_on=dt.date(2020, 4, 1),
        )
        for n in range(count)
    )
    candidates = Candidate.objects.bulk_create(
        Candidate(
            holder=holder,  # type: ignore[misc]
            person=person,
            municipality=municipality,  # type: ignore[misc]
            route=Route.LANDELIJKE_WEBSITE,
            stage=Stage.INZETBAAR,
            stage_since=dt.date(2020, 5, 1),
            signed_up_on=dt.date(2020, 4, 1),
        )
        for person in persons
    )
    CandidateRole.objects.bulk_create(
        CandidateRole(candidate=c, role=CareRole.VERZORGENDE) for c in candidates
    )
    Qualification.objects.bulk_create(
        Qualification(candidate=c, kind=QualificationKind.DIPLOMA_VIG) for c in candidates
    )
    Availability.objects.bulk_create(
        Availability(
            candidate=c,
            weekdays=ALL_WEEKDAYS,
            start_time=dt.time(8),
            end_time=dt.time(16),
            valid_from=dt.date(2020, 1, 1),
            valid_until=None if n % 2 else today - dt.timedelta(days=3),
        )
        for n, c in enumerate(candidates)
    )


def queries_of(client: object, url: str) -> int:
    client.get(url)  # type: ignore[attr-defined]  # warm the session and caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)  # type: ignore[attr-defined]
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        reverse("matching:index"),
        reverse("matching:candidates"),
        reverse("matching:candidates") + "?beschikbaar=ja&rol=verzorgende",
        reverse("matching:callbacks"),
    ],
)
def test_the_page_costs_the_same_queries_at_10_and_200_candidates(world: World, url: str) -> None:
    client = world.client("medewerker")
    add_pool(world.own, 10)
    small = queries_of(client, url)
    add_pool(world.own, 190)
    assert Candidate.objects.count() == 200
    large = queries_of(client, url)
    assert small == large, f"{url}: {small} queries at 10 candidates, {large} at 200"
    assert large <= 20
