"""The demo's Extra Handen voor de Zorg: the seed's story of 2020 (ruim 400 volunteers, the
Red Cross, 111 handed over, most to the zorghotels), the 2021 pool against 10 + 10 counted
by the plan's own indicators, Sterk in je Werk counting itself, the GGD/GHOR's priorities
and the care organisation's contact; example data, the same on every build."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from decimal import Decimal
from typing import Any

import pytest
from django.db.models import Count

from koers.accounts.models import Membership, User
from koers.accounts.roles import Role
from koers.core.models import AuditEntry
from koers.core.periods import Year
from koers.demo.constants import OWN, REFERENCE_DATE
from koers.directory.models import Organisation
from koers.matching.models import (
    HOLDING_PLACEMENT,
    Candidate,
    HelpRequest,
    Placement,
    Route,
    Stage,
    StageChange,
    Trajectory,
)
from koers.matching.pool import available_by_role
from koers.plans import queries
from koers.plans.measures import get_measure
from koers.plans.models import Indicator, Source
from koers.plans.progress import Status

YEAR_2020 = (dt.date(2020, 1, 1), dt.date(2020, 12, 31))


@pytest.fixture
def demo(demo_db: dict[str, int]) -> dict[str, int]:
    return demo_db


def own() -> Organisation:
    return Organisation.objects.get(slug=OWN)


def measured(key: str, period: tuple[dt.date, dt.date], **params: Any) -> Decimal | None:
    """What measure `key` gives for CMO's pool, through an indicator of the plan."""
    indicator = Indicator.objects.filter(activity__programme__plan__organisation=own()).first()
    assert indicator is not None
    indicator.measure_params = params
    measure = get_measure(key)
    assert measure is not None
    return measure.compute(indicator, *period)


def test_the_2020_story_of_the_seed(demo: dict[str, int]) -> None:
    signed_up = Candidate.objects.filter(signed_up_on__year=2020)
    assert measured("matching.signed_up", YEAR_2020) == 412 == signed_up.count()  # ruim 400
    routes = dict(signed_up.values_list("route").annotate(n=Count("id")))
    assert routes[Route.LANDELIJKE_WEBSITE] > 0.85 * 412
    # Each was called to see how she could be deployed: an intake planned for every one.
    assert (
        StageChange.objects.filter(stage=Stage.INTAKE_GEPLAND, candidate__in=signed_up)
        .values("candidate")
        .distinct()
        .count()
        == 412
    )
    # Not deployable in care: referred to the Red Cross (Ready to Help).
    assert measured("matching.referred", YEAR_2020, to="rode-kruis") == 118
    assert measured("matching.referred", YEAR_2020) == 118
    # 111 handed over to care organisations, most placed in the two zorghotels.
    assert measured("matching.placed", YEAR_2020) == 111
    placements = Placement.objects.filter(starts_at__year=2020)
    assert placements.count() == 111
    zorghotels = placements.filter(shift__request__requester__slug__startswith="zorghotel-")
    assert zorghotels.count() > 111 / 2
    assert set(
        zorghotels.values_list("shift__request__requester__municipality__name", flat=True)
    ) == {"Noordoostpolder", "Lelystad"}  # Emmeloord lies in Noordoostpolder


def test_the_2021_pool_against_10_and_10_counts_itself(demo: dict[str, int]) -> None:
    counts = available_by_role(own().pk, REFERENCE_DATE)
    assert (counts["verzorgende"], counts["verpleegkundige"]) == (12, 8)
    carers = Indicator.objects.get(
        activity__year=2021, title__startswith="Tenminste 10 beschikbare verzorgenden"
    )
    nurses = Indicator.objects.get(
        activity__year=2021, title__startswith="Tenminste 10 beschikbare verpleegkundigen"
    )
    sterk = Indicator.objects.get(activity__year=2021, title__startswith="Minimaal 150 Sterk")
    for indicator, measure in (
        (carers, "matching.available"),
        (nurses, "matching.available"),
        (sterk, "matching.trajectories"),
    ):
        assert (indicator.source, indicator.measure) == (Source.DERIVED, measure)
        assert not indicator.realisations.exists()  # no example readings beside the count
    rows = {
        row.indicator.pk: row
        for row in queries.indicator_rows(
            Indicator.objects.filter(pk__in=[carers.pk, nurses.pk, sterk.pk]),
            Year(2021),
            REFERENCE_DATE,
        )
    }
    assert rows[carers.pk].progress.realised == 12
    assert rows[carers.pk].progress.status == Status.ACHIEVED
    assert rows[nurses.pk].progress.realised == 8
    assert rows[nurses.pk].progress.status != Status.ACHIEVED
    assert rows[sterk.pk].progress.realised == 112
    # The pool is kept current by calling back: some lapsed and wait for a call.
    deployable = Candidate.objects.filter(stage=Stage.INZETBAAR)
    assert deployable.count() > 12 + 8


def test_the_campaign_and_the_funnel_of_2021(demo: dict[str, int]) -> None:
    campaign = Candidate.objects.filter(route=Route.CAMPAGNE)
    assert campaign.count() == 48
    assert set(campaign.values_list("signed_up_on__year", flat=True)) == {2021}
    # Still in the intake: the latest sign-ups.
    assert campaign.filter(
        stage__in=[Stage.AANGEMELD, Stage.INTAKE_GEPLAND, Stage.INTAKE_GEHAD]
    ).exists()
    conversion = measured(
        "matching.conversion", YEAR_2020, from_stage="intake_gehad", to_stage="geplaatst"
    )
    assert conversion is not None and Decimal(25) < conversion < Decimal(40)


def test_every_candidates_stage_is_her_last_step_and_steps_are_in_order(
    demo: dict[str, int],
) -> None:
    last: dict[int, tuple[dt.date, str]] = {}
    for candidate_id, on, stage in StageChange.objects.order_by(
        "candidate", "on", "pk"
    ).values_list("candidate", "on", "stage"):
        assert candidate_id not in last or last[candidate_id][0] <= on
        last[candidate_id] = (on, stage)
    for candidate in Candidate.objects.all():
        assert last[candidate.pk] == (candidate.stage_since, candidate.stage), candidate.pk
        assert candidate.person is not None and candidate.is_example
        assert candidate.signed_up_on <= REFERENCE_DATE
    # Every referral says to whom; nobody is booked on two overlapping shifts.
    assert not StageChange.objects.filter(
        stage=Stage.DOORVERWEZEN, referred_to__isnull=True
    ).exists()
    booked = sorted(
        Placement.objects.filter(status__in=HOLDING_PLACEMENT).values_list(
            "candidate", "starts_at", "ends_at"
        )
    )
    for (a, _a_start, a_end), (b, b_start, _b_end) in itertools.pairwise(booked):
        assert a != b or a_end <= b_start


def test_the_ggd_ghor_sets_priorities_and_the_care_contact_asks(demo: dict[str, int]) -> None:
    ggd = User.objects.get(username="ggd-ghor")
    contact = User.objects.get(username="zorgvrager")
    assert Membership.objects.get(user=ggd).role == Role.PRIORITEIT
    assert Membership.objects.get(user=ggd).organisation.slug == OWN
    membership = Membership.objects.get(user=contact)
    assert (membership.role, membership.organisation.slug) == (
        Role.ZORGVRAGER,
        "woonzorg-flevoland",
    )
    requests = HelpRequest.objects.all()
    prioritised = requests.filter(priority__isnull=False)
    assert prioritised.exists() and requests.filter(priority__isnull=True).exists()
    assert set(prioritised.values_list("priority_set_by__username", flat=True)) == {"ggd-ghor"}
    assert not prioritised.filter(priority_set_at__isnull=True).exists()
    # Open requests for the matcher, with shifts after the reference date; a night shift
    # ends the next morning.
    open_requests = requests.open()
    assert open_requests.exists()
    assert all(
        shift.starts_at.date() > REFERENCE_DATE
        for request in open_requests
        for shift in request.shifts.all()
    )
    # What the contact sees: her organisation's requests only, some submitted by her.
    visible = HelpRequest.objects.visible_to(contact)
    assert set(visible.values_list("requester__slug", flat=True)) == {"woonzorg-flevoland"}
    assert visible.filter(submitted_by=contact).exists()
    assert HelpRequest.objects.visible_to(ggd).count() == requests.count()


def test_it_is_example_data_loaded_in_one_audited_go(demo: dict[str, int]) -> None:
    assert not Candidate.objects.filter(is_example=False).exists()
    assert not HelpRequest.objects.filter(is_example=False).exists()
    assert not Trajectory.objects.filter(is_example=False).exists()
    assert all(
        request.description.startswith("Voorbeeldgegevens") for request in HelpRequest.objects.all()
    )
    persons = [c.person for c in Candidate.objects.select_related("person")]
    persons += [t.person for t in Trajectory.objects.select_related("person")]
    assert all(p is not None and p.is_example and p.purpose for p in persons)
    assert all(p.lawful_basis == "consent" and p.consent_given_on for p in persons if p)
    assert all(p.email.endswith(".example") for p in persons if p)
    [entry] = AuditEntry.objects.filter(action="demo.example_data", changes__has_key="candidates")
    assert entry.actor is None and entry.changes["candidates"] == [None, 460]
    assert demo["candidates"] == 460 and demo["placements"] == 111
    assert Trajectory.objects.filter(kind="sterk_in_je_werk").count() == 61 + 112


def test_the_pool_is_the_same_on_every_build(demo: dict[str, int]) -> None:
    """One digest over the pool in a database-independent order (SQLite and PostgreSQL)."""
    candidates = sorted(
        (
            *(
                (c.person.first_name, c.person.infix, c.person.last_name, c.person.email)
                if c.person
                else ()
            ),
            c.municipality.code,
            c.route,
            c.stage,
            c.signed_up_on,
            sorted(r.role for r in c.roles.all()),
            sorted((q.kind, str(q.valid_until)) for q in c.qualifications.all()),
            sorted(
                (a.weekdays, str(a.start_time), str(a.valid_until)) for a in c.availability.all()
            ),
        )
        for c in Candidate.objects.select_related("person", "municipality").prefetch_related(
            "roles", "qualifications", "availability"
        )
    )
    trajectories = sorted(
        (kind, str(started), str(ended), outcome, employer)
        for kind, started, ended, outcome, employer in Trajectory.objects.values_list(
            "kind", "started_on", "ended_on", "outcome", "employer__slug"
        )
    )
    digest = hashlib.sha256(json.dumps([candidates, trajectories], default=str).encode())
    assert digest.hexdigest() == "6992c17bbf16eaa7385bea25a5beb747e5ef2eaad6d83e19c1369667817c18c9"
