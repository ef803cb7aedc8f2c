"""The demo's Extra Handen voor de Zorg: the 2020 story, the 2021 pool and the trajectories.

The facts and the counts are in `seed_data.matching` (what comes from the seeds and what is
example data is said there). Like the demo's other invented records, the candidates (with
their directory persons, who carry their purpose and consent), their roles,
qualifications, availability, funnel steps and calls, the requests, shifts and placements
and the trajectories are bulk-loaded and marked as example data (`is_example` where the
model has it; every person is), with one audit entry on the holder ("demo.example_data")
that says what was loaded, rather than one per record claiming a user typed it in.

Names, dates, places and roles come from a seeded `random.Random`, and the counts are
fixed, so every build makes the same pool: 12 carers and 8 nurses available on the
reference date against the plan's 10 + 10. The pool itself is made in `matching_pool`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from koers.accounts.models import User
from koers.core.models import Municipality
from koers.demo.constants import REFERENCE_DATE
from koers.demo.directory import loaded
from koers.demo.matching_pool import PoolBuilder, aware_at
from koers.demo.seed_data import matching as seed
from koers.directory.models import Organisation, OrganisationKind, Person
from koers.matching import clock
from koers.matching.models import (
    Candidate,
    HelpRequest,
    QualificationKind,
    Shift,
    Trajectory,
    TrajectoryOutcome,
)
from koers.plans.models import Indicator, Plan, Source

Q = QualificationKind


def build_matching(
    plan: Plan,
    users: dict[str, User],
    organisations: dict[str, Organisation],
    municipalities: dict[str, Municipality],
    note: Any,
) -> None:
    """The example pool, requests, placements and trajectories of the plan's organisation,
    once."""
    holder = plan.organisation
    if Candidate.objects.filter(holder=holder, is_example=True).exists():
        return
    organisations = {**organisations, **_zorghotels(municipalities, note)}
    requests = _requests(holder, users, organisations, municipalities)
    pool = PoolBuilder(holder, users, organisations, municipalities)
    pool.cohort_2020()
    pool.hand_over(requests[: len(seed.REQUESTS_2020)], users["medewerker"])
    pool.campaign_2021()
    counts = pool.save()
    counts["help requests"] = len(requests)
    counts["shifts"] = sum(len(shifts) for _request, shifts in requests)
    counts["trajectories"] = _trajectories(holder, users, organisations, pool)
    counts["re-engagement invitations"] = _campaign(holder, users)
    loaded(holder, note, **counts)
    _proposals(holder, users)


def _proposals(holder: Organisation, users: dict[str, User]) -> None:
    """The matcher's proposals for the requests still open on the reference date, as the
    coordinator would have asked for them that morning: computed by the engine itself."""
    from koers.matching.engine.compute import run_execute
    from koers.matching.models import ProposalRun, RunMethod

    run = ProposalRun.objects.create(
        holder=holder, method=RunMethod.SOLVER, requested_by=users["coordinator-ao"]
    )
    morning = timezone.make_aware(dt.datetime.combine(REFERENCE_DATE, clock.REFERENCE_HOUR))
    run_execute(run.pk, now=morning)


def _campaign(holder: Organisation, users: dict[str, User]) -> int:
    """The call-back campaign of early 2021 as a re-engagement mailing to those whose
    availability had lapsed (example data; the links are dead: no secret is kept)."""
    import hashlib
    import secrets

    from koers.matching.models import Candidate, ReengagementCampaign, ReengagementInvite

    lapsed = Candidate.objects.filter(
        holder=holder, availability__valid_until__lt=REFERENCE_DATE
    ).distinct()[:12]
    campaign = ReengagementCampaign.objects.create(
        holder=holder,
        name=seed.REENGAGEMENT_CAMPAIGN,
        message=seed.REENGAGEMENT_MESSAGE,
        created_by=users["medewerker"],
    )
    expires = timezone.make_aware(dt.datetime.combine(REFERENCE_DATE, dt.time(12)))
    invites = ReengagementInvite.objects.bulk_create(
        ReengagementInvite(
            campaign=campaign,
            candidate=candidate,
            token_hash=hashlib.sha256(secrets.token_bytes(32)).hexdigest(),
            expires_at=expires,
            answered_at=expires - dt.timedelta(days=20) if n % 3 == 0 else None,
        )
        for n, candidate in enumerate(lapsed)
    )
    return len(invites)


def derive_indicators(plan: Plan) -> None:
    """The pool's two indicators and Sterk in je Werk's count themselves."""
    for prefix, measure, params in seed.DERIVED_INDICATORS:
        Indicator.objects.filter(activity__programme__plan=plan, title__startswith=prefix).update(
            source=Source.DERIVED, measure=measure, measure_params=params
        )


def _zorghotels(municipalities: dict[str, Municipality], note: Any) -> dict[str, Organisation]:
    found = {}
    for slug, name, place in seed.ZORGHOTELS:
        organisation, was = Organisation.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": OrganisationKind.CARE,
                "municipality": municipalities[place],
                "sector": "zorghotel",
            },
        )
        note("organisations", was)
        found[slug] = organisation
    return found


def _requests(
    holder: Organisation,
    users: dict[str, User],
    organisations: dict[str, Organisation],
    municipalities: dict[str, Municipality],
) -> list[tuple[HelpRequest, list[Shift]]]:
    """The requests of 2020 (one period each, filled by the 111) and the open ones of 2021
    (day, evening and night shifts after the reference date), with their shifts."""
    ggd, staff, contact = users["ggd-ghor"], users["medewerker"], users["zorgvrager"]
    made: list[tuple[HelpRequest, list[Shift]]] = []
    for spec in [*seed.REQUESTS_2020, *seed.REQUESTS_2021]:
        slug, role, people, place, first, days, hours, priority, status, text = spec
        came_in = first - dt.timedelta(days=4)
        request = HelpRequest(
            holder=holder,
            requester=organisations[slug],
            role=role,
            people_needed=people,
            required_qualifications=[Q.VOG.value] if first.year == 2021 else [],
            municipality=municipalities[place],
            description=f"{seed.EXAMPLE}: {text}",
            priority=priority,
            priority_note=seed.PRIORITY_NOTE if priority else "",
            priority_set_by=ggd if priority else None,
            priority_set_at=aware_at(came_in + dt.timedelta(days=1), 10) if priority else None,
            status=status,
            submitted_by=(
                contact if slug == seed.CARE_CONTACT_ORGANISATION and first.year == 2021 else staff
            ),
            is_example=True,
            created_at=aware_at(came_in, 9, 30),
        )
        if hours is None:  # one period
            shifts = [
                Shift(
                    starts_at=aware_at(first),
                    ends_at=aware_at(first + dt.timedelta(days=days)),
                    people_needed=people,
                )
            ]
        else:
            (start_hour, start_minute), (end_hour, end_minute) = hours
            overnight = (end_hour, end_minute) <= (start_hour, start_minute)
            shifts = [
                Shift(
                    starts_at=aware_at(day, start_hour, start_minute),
                    ends_at=aware_at(day + dt.timedelta(days=int(overnight)), end_hour, end_minute),
                    people_needed=people,
                )
                for day in (first + dt.timedelta(days=n) for n in range(days))
            ]
        made.append((request, shifts))
    requests = [request for request, _shifts in made]
    received = [request.created_at for request in requests]
    HelpRequest.objects.bulk_create(requests)
    # Back to the day it came in (bulk_create stamps "now" on auto_now_add fields).
    for request, at in zip(requests, received, strict=True):
        request.created_at = at
    HelpRequest.objects.bulk_update(requests, ["created_at"])
    for request, shifts in made:
        for shift in shifts:
            shift.request = request
    Shift.objects.bulk_create([shift for _request, shifts in made for shift in shifts])
    return made


def _trajectories(
    holder: Organisation,
    users: dict[str, User],
    organisations: dict[str, Organisation],
    pool: PoolBuilder,
) -> int:
    rng = pool.rng
    coach = users["coordinator-ao"]
    rows: list[Trajectory] = []
    persons: list[Person] = []
    for kind, first, last, count in seed.TRAJECTORIES:
        span = (last - first).days
        for _n in range(count):
            started = first + dt.timedelta(days=rng.randrange(span + 1))
            ended: dt.date | None = started + dt.timedelta(days=rng.randint(42, 120))
            if ended is None or ended > REFERENCE_DATE:
                ended, outcome = None, TrajectoryOutcome.LOPEND
            else:
                outcome = rng.choice(
                    [TrajectoryOutcome.BEHOUDEN] * 6
                    + [TrajectoryOutcome.NIEUWE_BAAN] * 2
                    + [TrajectoryOutcome.OPLEIDING, TrajectoryOutcome.UITGESTROOMD]
                    + [TrajectoryOutcome.GESTOPT]
                )
            persons.append(pool.person(started, seed.PURPOSE_TRAJECTORY))
            rows.append(
                Trajectory(
                    holder=holder,
                    kind=kind,
                    employer=organisations[rng.choice(seed.EMPLOYERS)],
                    started_on=started,
                    ended_on=ended,
                    outcome=outcome,
                    created_by=coach,
                    is_example=True,
                )
            )
    Person.objects.bulk_create(persons)
    for row, person in zip(rows, persons, strict=True):
        row.person = person
    Trajectory.objects.bulk_create(rows)
    return len(rows)
