"""The demo's talent pool (see `koers.demo.matching`): the 2020 volunteers from sign-up
through the intake to the Red Cross or a care organisation, the call-backs of early 2021,
the 2021 campaign, and the pool on the reference date with exactly the counts of
`seed_data.matching` available. Made in memory with a seeded `random.Random`, written in
one bulk insert per table."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from koers.accounts.models import User
from koers.core.models import Municipality
from koers.core.privacy import LawfulBasis
from koers.demo.constants import REFERENCE_DATE
from koers.demo.directory_persons import FIRST_NAMES, LAST_NAMES, RESERVED_NAMES
from koers.demo.seed_data import matching as seed
from koers.directory.models import Organisation, Person
from koers.matching.models import (
    ALL_WEEKDAYS,
    Availability,
    CallLog,
    CallOutcome,
    Candidate,
    CandidateRole,
    CareRole,
    HelpRequest,
    Placement,
    PlacementStatus,
    Qualification,
    QualificationKind,
    Route,
    Shift,
    Stage,
    StageChange,
)

D = dt.date
Q = QualificationKind
# Where candidates live, roughly by population (example data).
RESIDENCES = (
    ["almere"] * 40
    + ["lelystad"] * 20
    + ["dronten"] * 10
    + ["noordoostpolder"] * 14
    + ["urk"] * 6
    + ["zeewolde"] * 10
)
MAIL_DOMAINS = ("mail.example", "ziggo.example", "kpnmail.example", "hotmail.example")
# Hours a candidate can work: day, evening, night (past midnight), all day.
HOURS = [((7, 0), (15, 30)), ((15, 0), (23, 0)), ((23, 0), (7, 0)), ((7, 0), (23, 0))]
WEEKDAY_PATTERNS = (ALL_WEEKDAYS, 0b0011111, 0b1100000, 0b0010101, 0b1111100)
# The roles of the 2020 volunteers who stayed in the pool (example data).
OTHER_ROLES = (
    [CareRole.VERZORGENDE] * 9
    + [CareRole.VERPLEEGKUNDIGE] * 5
    + [CareRole.HELPENDE] * 2
    + [CareRole.BEGELEIDER] * 2
    + [CareRole.GASTVROUW]
    + [CareRole.FACILITAIR]
)


@dataclass
class _Pending:
    """One candidate before she is written: her row and what hangs from it."""

    candidate: Candidate
    person: Person
    roles: list[str] = field(default_factory=list)
    qualifications: list[Qualification] = field(default_factory=list)
    availability: list[Availability] = field(default_factory=list)
    steps: list[StageChange] = field(default_factory=list)
    calls: list[CallLog] = field(default_factory=list)
    placements: list[Placement] = field(default_factory=list)

    def step(self, stage: str, on: dt.date, by: User | None, **extra: Any) -> None:
        self.steps.append(StageChange(stage=stage, on=on, by=by, **extra))
        self.candidate.stage = stage
        self.candidate.stage_since = on

    def call(self, on: dt.date, by: User, outcome: str, note: str = "", **extra: Any) -> None:
        self.calls.append(CallLog(called_on=on, by=by, outcome=outcome, note=note, **extra))
        if outcome == CallOutcome.BEREIKT:
            self.candidate.last_contact_on = on


def aware_at(day: dt.date, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=timezone.get_current_timezone())


class PoolBuilder:
    """The candidates of the story, made in memory in the order of the story and written
    at the end in one bulk insert per table (`save`)."""

    def __init__(
        self,
        holder: Organisation,
        users: dict[str, User],
        organisations: dict[str, Organisation],
        municipalities: dict[str, Municipality],
    ) -> None:
        self.rng = random.Random(20200312)  # fixed seed: the same pool on every build
        self.holder = holder
        self.staff = [users["coordinator-ao"], users["medewerker"]]
        self.organisations = organisations
        self.municipalities = municipalities
        self.pending: list[_Pending] = []
        self.taken = set(RESERVED_NAMES) | set(
            Person.objects.filter(holder=holder).values_list("first_name", "infix", "last_name")
        )
        self.emails: set[str] = set()
        # Filled by cohort_2020: who is placed, per requester slug, in order.
        self.to_place: list[_Pending] = []
        self.pool_2021: list[_Pending] = []

    # --- people -------------------------------------------------------------------------

    def person(self, consent_on: dt.date, purpose: str) -> Person:
        rng = self.rng
        while True:
            first = rng.choice(FIRST_NAMES)
            infix, last = rng.choice(LAST_NAMES)
            if (first, infix, last) not in self.taken:
                self.taken.add((first, infix, last))
                break
        local = f"{_ascii(first)}.{_ascii(infix + last)}"
        domain = rng.choice(MAIL_DOMAINS)
        email, serial = f"{local}@{domain}", 1
        while email in self.emails:
            serial += 1
            email = f"{local}{serial}@{domain}"
        self.emails.add(email)
        return Person(
            holder=self.holder,
            first_name=first,
            infix=infix,
            last_name=last,
            email=email,
            purpose=purpose,
            lawful_basis=LawfulBasis.CONSENT,
            consent_given_on=consent_on,
            is_example=True,
        )

    def _candidate(self, signed_up: dt.date, route: str, route_note: str = "") -> _Pending:
        rng = self.rng
        pending = _Pending(
            candidate=Candidate(
                holder=self.holder,
                municipality=self.municipalities[rng.choice(RESIDENCES)],
                max_travel_km=rng.choice((15, 20, 25, 25, 30, 40, 50)),
                route=route,
                route_note=route_note,
                stage=Stage.AANGEMELD,
                stage_since=signed_up,
                signed_up_on=signed_up,
                is_example=True,
            ),
            person=self.person(signed_up, seed.PURPOSE_CANDIDATE),
        )
        pending.step(Stage.AANGEMELD, signed_up, None)
        self.pending.append(pending)
        return pending

    def _by(self) -> User:
        return self.rng.choice(self.staff)

    def _days(self, low: int, high: int) -> dt.timedelta:
        return dt.timedelta(days=self.rng.randint(low, high))

    # --- roles and qualifications --------------------------------------------------------

    def _qualify(self, pending: _Pending, role: str, since: dt.date, lapsed: bool = False) -> None:
        """Her role and the qualification it needs (a lapsed BIG registration when asked),
        and a VOG."""
        rng = self.rng
        pending.roles.append(role)
        ref = f"{rng.randrange(10**10, 10**11)}"
        if role == CareRole.VERPLEEGKUNDIGE:
            until = (
                D(2021, rng.randint(6, 9), rng.randint(1, 28))
                if lapsed
                else D(rng.randint(2022, 2025), rng.randint(1, 12), 1)
            )
            pending.qualifications.append(
                Qualification(
                    kind=Q.BIG, reference=ref, valid_from=D(2016, 1, 1), valid_until=until
                )
            )
        elif role == CareRole.VERZORGENDE:
            pending.qualifications.append(
                Qualification(kind=Q.DIPLOMA_VIG, reference="Diploma VIG niveau 3")
            )
        elif role == CareRole.HELPENDE:
            pending.qualifications.append(
                Qualification(kind=Q.DIPLOMA_HELPENDE, reference="Diploma helpende niveau 2")
            )
        pending.qualifications.append(
            Qualification(
                kind=Q.VOG,
                reference=f"afgegeven {since.isoformat()}",
                valid_from=since,
                checked_on=since + dt.timedelta(days=3),
            )
        )
        for q in pending.qualifications:
            q.checked_on = q.checked_on or since

    def _available(self, pending: _Pending, since: dt.date, until: dt.date | None) -> None:
        start, end = self.rng.choice(HOURS)
        pending.availability.append(
            Availability(
                weekdays=self.rng.choice(WEEKDAY_PATTERNS),
                start_time=dt.time(*start),
                end_time=dt.time(*end),
                valid_from=since,
                valid_until=until,
            )
        )

    # --- 2020 -----------------------------------------------------------------------------

    def _intake(self, pending: _Pending) -> dt.date:
        """Called and interviewed: the day of the intake."""
        planned = pending.candidate.signed_up_on + self._days(1, 4)
        by = self._by()
        pending.call(planned, by, CallOutcome.BEREIKT, "Intake ingepland.")
        pending.step(Stage.INTAKE_GEPLAND, planned, by)
        held = planned + self._days(1, 6)
        pending.step(Stage.INTAKE_GEHAD, held, by)
        return held

    def _not_reached(self, pending: _Pending, start: dt.date) -> None:
        by = self._by()
        for attempt in range(3):
            pending.call(start + dt.timedelta(days=2 * attempt), by, CallOutcome.GEEN_GEHOOR)
        pending.step(
            Stage.GESTOPT,
            start + dt.timedelta(days=6),
            by,
            reason="Niet bereikt na drie pogingen.",
        )

    def _refer(self, pending: _Pending, on: dt.date) -> None:
        pending.step(
            Stage.DOORVERWEZEN,
            on,
            self._by(),
            referred_to=self.organisations[seed.RED_CROSS],
            reason=seed.REFERRAL_REASON,
        )

    def cohort_2020(self) -> None:
        rng = self.rng
        span = (seed.SIGN_UP_UNTIL - seed.SIGN_UP_FROM).days
        routes = [route for route, n in seed.ROUTES_2020.items() for _ in range(n)]
        rng.shuffle(routes)
        # Most came in the first weeks after the national website opened.
        days = sorted(int(span * rng.random() ** 2.2) for _ in routes)
        cohort = [
            self._candidate(seed.SIGN_UP_FROM + dt.timedelta(days=day), route)
            for day, route in zip(days, routes, strict=True)
        ]
        order = list(range(len(cohort)))
        rng.shuffle(order)
        not_reached = set(order[: seed.NOT_REACHED_2020])
        referred = set(order[seed.NOT_REACHED_2020 : seed.NOT_REACHED_2020 + seed.REFERRED_2020])
        deployable: list[_Pending] = []
        for index, pending in enumerate(cohort):
            if index in not_reached:
                pending.step(Stage.INTAKE_GEPLAND, pending.candidate.signed_up_on, None)
                self._not_reached(pending, pending.candidate.signed_up_on + self._days(1, 3))
                continue
            held = self._intake(pending)
            if index in referred:
                self._refer(pending, held)
                continue
            pending.step(Stage.INZETBAAR, held, pending.steps[-1].by)
            deployable.append(pending)
        # The earliest deployable are handed over; the rest stay in the pool.
        deployable.sort(key=lambda p: (p.candidate.stage_since, p.candidate.signed_up_on))
        self.to_place = deployable[: seed.HANDED_OVER_2020]
        remaining = deployable[seed.HANDED_OVER_2020 :]
        for pending in remaining:
            since = pending.candidate.stage_since
            self._qualify(pending, rng.choice(OTHER_ROLES), since)
            self._available(pending, since, D(2020, 12, 31))
        self._call_back_2021(remaining)

    def _call_back_2021(self, remaining: list[_Pending]) -> None:
        """Early 2021 ("actief nabellen"): available again, gone, or not reached."""
        renewed = remaining[: seed.RENEWED_2021]
        unreached = remaining[seed.RENEWED_2021 : seed.RENEWED_2021 + seed.NOT_REACHED_2021]
        for pending in remaining:
            on = D(2021, 1, 11) + self._days(0, 45)
            by = self._by()
            if pending in unreached:
                pending.call(on, by, CallOutcome.GEEN_GEHOOR)
                pending.call(on + self._days(3, 9), by, CallOutcome.VOICEMAIL)
            elif pending in renewed:
                pending.call(on, by, CallOutcome.BEREIKT, "Weer beschikbaar.", still_available=True)
                self.pool_2021.append(pending)
            else:
                pending.call(on, by, CallOutcome.BEREIKT, still_available=False)
                pending.step(
                    Stage.GESTOPT,
                    on,
                    by,
                    reason="Niet meer beschikbaar: terug in eigen werk of studie.",
                )

    def hand_over(self, requests: list[tuple[HelpRequest, list[Shift]]], by: User) -> None:
        """The 111 of 2020 on the requests' period shifts: proposed, placed, finished when
        the period ended. Their role is the request's, with the papers it needs."""
        queue = list(self.to_place)
        for request, (shift, *_more) in requests:
            for _n in range(request.people_needed):
                pending = queue.pop(0)
                ready = pending.candidate.stage_since
                placed_on = max(timezone.localdate(shift.starts_at), ready + dt.timedelta(days=1))
                ended_on = timezone.localdate(shift.ends_at)
                pending.step(Stage.VOORGESTELD, placed_on - dt.timedelta(days=1), by)
                pending.step(Stage.GEPLAATST, placed_on, by)
                pending.step(Stage.AFGEROND, ended_on, by)
                pending.placements.append(
                    Placement(
                        shift=shift,
                        starts_at=shift.starts_at,
                        ends_at=shift.ends_at,
                        status=PlacementStatus.PLAATSGEVONDEN,
                        confirmed_by=by,
                        confirmed_at=aware_at(placed_on - dt.timedelta(days=1), 16),
                    )
                )
                self._qualify(pending, request.role, ready)
                pending.availability.append(
                    Availability(
                        start_time=dt.time(7, 0),
                        end_time=dt.time(23, 0),
                        valid_from=ready,
                        valid_until=ended_on,
                    )
                )

    # --- 2021 -----------------------------------------------------------------------------

    def campaign_2021(self) -> None:
        rng = self.rng
        span = (seed.CAMPAIGN_UNTIL - seed.CAMPAIGN_FROM).days
        days = sorted(rng.randrange(span) for _ in range(seed.SIGNED_UP_2021))
        campaign = [
            self._candidate(
                seed.CAMPAIGN_FROM + dt.timedelta(days=day), Route.CAMPAGNE, seed.CAMPAIGN_NOTE
            )
            for day in days
        ]
        # The latest sign-ups are still in the intake; of the others, fixed counts.
        settled = seed.CAMPAIGN_DEPLOYABLE + seed.CAMPAIGN_NOT_REACHED + seed.CAMPAIGN_REFERRED
        outcomes = (
            ["deployable"] * seed.CAMPAIGN_DEPLOYABLE
            + ["not reached"] * seed.CAMPAIGN_NOT_REACHED
            + ["referred"] * seed.CAMPAIGN_REFERRED
        )
        rng.shuffle(outcomes)
        for pending, outcome in zip(campaign[:settled], outcomes, strict=True):
            if outcome == "not reached":
                pending.step(Stage.INTAKE_GEPLAND, pending.candidate.signed_up_on, None)
                self._not_reached(pending, pending.candidate.signed_up_on + self._days(1, 3))
                continue
            held = self._intake(pending)
            if outcome == "referred":
                self._refer(pending, held)
            else:
                pending.step(Stage.INZETBAAR, held, pending.steps[-1].by)
                self.pool_2021.append(pending)
        for pending in campaign[settled:]:
            if pending.candidate.signed_up_on < REFERENCE_DATE - dt.timedelta(days=21):
                self._intake(pending)
            elif pending.candidate.signed_up_on < REFERENCE_DATE - dt.timedelta(days=7):
                planned = pending.candidate.signed_up_on + self._days(1, 4)
                pending.step(Stage.INTAKE_GEPLAND, planned, self._by())
        self._pool_on_reference()

    def _pool_on_reference(self) -> None:
        """The 2021 pool: exactly the counts of `seed` available on the reference date,
        besides those whose availability or qualification lapsed (the call-back list)."""
        rng = self.rng
        slots: list[tuple[str, str]] = [
            (role, "available")
            for role, n in {**seed.AVAILABLE_ON_REFERENCE, **seed.OTHER_ROLES_AVAILABLE}.items()
            for _ in range(n)
        ]
        slots += [
            (rng.choice((CareRole.VERZORGENDE, CareRole.VERPLEEGKUNDIGE)), "availability lapsed")
            for _ in range(seed.LAPSED_AVAILABILITY)
        ]
        slots += [(CareRole.VERPLEEGKUNDIGE, "qualification lapsed")] * seed.LAPSED_QUALIFICATION
        rng.shuffle(slots)
        for pending, (role, state) in zip(self.pool_2021, slots, strict=True):
            renewed = bool(pending.roles)
            if renewed:  # a 2020 volunteer: her 2020 role and papers were on file
                pending.roles.clear()
                pending.qualifications.clear()
            since = pending.candidate.last_contact_on or pending.candidate.stage_since
            self._qualify(pending, role, since, lapsed=state == "qualification lapsed")
            until = (
                D(2021, rng.randint(7, 9), rng.randint(1, 30))
                if state == "availability lapsed"
                else D(2021, 12, 31)
            )
            self._available(pending, since, max(until, since))
            if state == "available" and rng.random() < 0.5:
                # Called again in the summer to check: still there.
                on = min(max(since, D(2021, 6, 1)) + self._days(0, 90), D(2021, 10, 8))
                if on > since:
                    pending.call(on, self._by(), CallOutcome.BEREIKT, still_available=True)

    # --- writing ----------------------------------------------------------------------

    def save(self) -> dict[str, int]:
        """Write the candidates with their persons and everything that hangs from them, in
        one bulk insert per table."""
        Person.objects.bulk_create([p.person for p in self.pending])
        for pending in self.pending:
            pending.candidate.person = pending.person
            if pending.candidate.last_contact_on is None and pending.calls:
                pending.candidate.last_contact_on = max(c.called_on for c in pending.calls)
        Candidate.objects.bulk_create([p.candidate for p in self.pending])
        roles: list[CandidateRole] = []
        qualifications: list[Qualification] = []
        availability: list[Availability] = []
        steps: list[StageChange] = []
        calls: list[CallLog] = []
        placements: list[Placement] = []
        for pending in self.pending:
            candidate = pending.candidate
            roles += [CandidateRole(candidate=candidate, role=role) for role in pending.roles]
            hanging: list[tuple[list[Any], list[Any]]] = [
                (pending.qualifications, qualifications),
                (pending.availability, availability),
                (pending.steps, steps),
                (pending.calls, calls),
                (pending.placements, placements),
            ]
            for rows, into in hanging:
                for row in rows:
                    row.candidate = candidate
                    into.append(row)
        CandidateRole.objects.bulk_create(roles)
        Qualification.objects.bulk_create(qualifications)
        Availability.objects.bulk_create(availability)
        StageChange.objects.bulk_create(steps)
        CallLog.objects.bulk_create(calls)
        confirmed = [placement.confirmed_at for placement in placements]
        Placement.objects.bulk_create(placements)
        # Back to the day she was confirmed (bulk_create stamps "now" on auto_now_add).
        for placement, at in zip(placements, confirmed, strict=True):
            placement.confirmed_at = at
        Placement.objects.bulk_update(placements, ["confirmed_at"])
        return {
            "candidates": len(self.pending),
            "candidate roles": len(roles),
            "qualifications": len(qualifications),
            "availability": len(availability),
            "stage changes": len(steps),
            "calls": len(calls),
            "placements": len(placements),
        }


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())
