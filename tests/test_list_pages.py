"""Every list page says how many, pages, sorts and keeps its filters (core.listing).

The cases are generated from `LISTS` (one entry per list page) × the columns each page
declares sortable (its `COLUMNS`): a list page added to `LISTS`, or a column made sortable,
is tested without writing a test. The last test requests every page of the permission
matrix with junk paging, and fails when a page that pages with `list_page` is missing here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from koers.atlas.initiatives.views import ties as atlas_tie_views
from koers.atlas.map import common as atlas_map_views
from koers.atlas.models import Collaboration, Initiative, Theme
from koers.core.listing import PAGE_SIZE, Column
from koers.core.models import AuditEntry
from koers.directory.models import Organisation, OrganisationKind, Person
from koers.directory.organisations import views as organisation_views
from koers.directory.persons import views as person_views
from koers.funding import risk_views
from koers.funding import views as funding_views
from koers.funding.models import Grant, GrantKind, GrantStatus, GrantStep, Risk
from koers.funding.queries.grants import PIPELINE
from koers.matching.candidates.queries import callback_candidates
from koers.matching.candidates.views import pool as pool_views
from koers.matching.candidates.views import records as candidate_views
from koers.matching.engine import views as matching_run_views
from koers.matching.models import (
    Candidate,
    HelpRequest,
    Placement,
    PlacementStatus,
    ProposalRun,
    Shift,
    Trajectory,
)
from koers.matching.placements import views as placement_views
from koers.matching.requests import views as request_views
from koers.matching.trajectories import views as trajectory_views
from koers.privacy import views as privacy_views
from koers.privacy.models import AccessAction, AccessRecord
from koers.relations.contacts import views as contact_views
from koers.relations.events import views as event_views
from koers.relations.models import (
    Channel,
    CommunicationItem,
    Event,
    Interaction,
    InteractionKind,
    Opportunity,
    OpportunityStatus,
    Participant,
)
from koers.relations.opportunities import views as opportunity_views
from koers.reports import views as report_views
from koers.reports.models import Report, ReportKind, ReportStatus
from koers.signals.agenda import views as signal_agenda_views
from koers.signals.cases import views as case_views
from koers.signals.cases import views_setup as case_setup_views
from koers.signals.models import AgendaItem, AgendaStep, Meeting
from tests.conftest import World
from tests.directory.factories import MunicipalityFactory
from tests.permission_matrix import ROLES, ROWS, Row

MANY = PAGE_SIZE + 12  # two pages


def _lower(text: str) -> str:
    return text.lower()


def make_organisations(world: World, count: int) -> None:
    # Names start with letters of either case, so that sorting must ignore case.
    places = [None, MunicipalityFactory(name="Urk"), MunicipalityFactory(name="Almere")]
    start = Organisation.objects.count()
    Organisation.objects.bulk_create(
        Organisation(
            name=f"{'aBcD'[n % 4]}{n:03d} partner",
            slug=f"lijst-{start + n}",
            kind=OrganisationKind.PARTNER if n % 3 else OrganisationKind.MUNICIPALITY,
            municipality=places[n % 5 % 3],
        )
        for n in range(count)
    )


def make_persons(world: World, count: int) -> None:
    Person.objects.bulk_create(
        Person(
            holder=world.own,
            first_name=f"{'AbCd'[n % 4]}nna",
            last_name=f"{'jJ'[n % 2]}ansen {n % 7:02d}",
            email=f"{'pq'[n % 2]}{n:03d}@voorbeeld.nl" if n % 5 else "",
            purpose="Contactpersoon",
        )
        for n in range(count)
    )


def make_trajectories(world: World, count: int) -> None:
    from koers.matching.models import Trajectory, TrajectoryKind, TrajectoryOutcome

    start = Person.objects.count()
    persons = Person.objects.bulk_create(
        Person(
            holder=world.own,
            first_name=f"{'aA'[n % 2]}nna",
            last_name=f"{'jJ'[n % 3 % 2]}ansen {(start + n) % 7:03d}",
            purpose="Traject",
            lawful_basis="consent",
            consent_given_on=dt.date(2021, 1, 1),
        )
        for n in range(count)
    )
    employers = Organisation.objects.bulk_create(
        Organisation(name=f"{'wW'[n % 2]}erkgever {start + n:03d}", slug=f"werk-{start + n}")
        for n in range(3)
    )
    kinds, outcomes = TrajectoryKind.values, TrajectoryOutcome.values
    Trajectory.objects.bulk_create(
        Trajectory(
            holder=world.own,
            person=persons[n],
            kind=kinds[n % len(kinds)],
            employer=employers[n % 3] if n % 4 else None,
            started_on=dt.date(2021, 1, 1) + dt.timedelta(days=n % 40),
            ended_on=dt.date(2021, 6, 1) + dt.timedelta(days=n % 9) if n % 3 else None,
            outcome=outcomes[n % len(outcomes)],
        )
        for n in range(count)
    )


def make_collaborations(world: World, count: int) -> None:
    almere = MunicipalityFactory(name="Almere")
    themes = [None, *Theme.objects.order_by("order")[:3]]
    start = Initiative.objects.count()
    entries = Initiative.objects.bulk_create(
        Initiative(
            holder=world.own,
            name=f"{'iI'[n % 2]}nitiatief {start + n:03d}",
            kind="bewonersinitiatief",
            municipality=almere,
            confirmed_on=dt.date(2021, 1, 1),
        )
        for n in range(5)
    )
    partners = Organisation.objects.bulk_create(
        Organisation(name=f"{'pP'[n % 2]}artner {start + n:03d}", slug=f"atlas-{start + n}")
        for n in range(4)
    )
    kinds = ["samenwerking", "doorverwijzing", "financiering"]
    Collaboration.objects.bulk_create(
        Collaboration(
            holder=world.own,
            from_initiative=entries[n % 5] if n % 3 else None,
            from_organisation=None if n % 3 else partners[n % 4],
            to_initiative=entries[(n + 1) % 5] if n % 3 == 0 else None,
            to_organisation=partners[n % 4] if n % 3 else None,
            kind=kinds[n % 3],
            theme=themes[n % 4],
            started_on=dt.date(2020, 1, 1) + dt.timedelta(days=n % 60),
            ended_on=None if n % 4 else dt.date(2022, 1, 1) + dt.timedelta(days=n % 7),
            source="gesprek",
            derivation="" if n % 2 else f"event:{n:04d}",
        )
        for n in range(count)
    )


def make_contacts(world: World, count: int) -> None:
    kinds = list(InteractionKind)
    Interaction.objects.bulk_create(
        Interaction(
            holder=world.own,
            date=dt.date(2021, 1, 1) + dt.timedelta(days=n % 40),
            kind=kinds[n % len(kinds)],
            subject=f"{'gG'[n % 2]}esprek {n:03d}",
            programme=[None, world.programme, world.unfunded_programme][n % 3],
            created_by=world.users["medewerker"],
        )
        for n in range(count)
    )


def make_events(world: World, count: int) -> None:
    events = Event.objects.bulk_create(
        Event(
            holder=world.own,
            programme=[world.programme, world.unfunded_programme][n % 2],
            title=f"{'tT'[n % 2]}hema {n:03d}",
            theme=["", "sport", "natuur"][n % 3],
            place=["", "Urk", "almere"][n % 3],
            date=dt.date(2021, 1, 1) + dt.timedelta(days=n % 50),
        )
        for n in range(count)
    )
    Participant.objects.bulk_create(
        Participant(event=event, organisation=world.other_org, attended=bool(k % 2))
        for n, event in enumerate(events)
        for k in range(n % 4)
    )


def make_opportunities(world: World, count: int) -> None:
    owners = [world.users["medewerker"], world.users["programmacoordinator"]]
    statuses = list(OpportunityStatus)
    Opportunity.objects.bulk_create(
        Opportunity(
            holder=world.own,
            organisation=[world.other_org, world.province, world.regio][n % 3],
            programme=[None, world.programme, world.unfunded_programme][n % 3],
            title=f"{'kK'[n % 2]}ans {n:03d}",
            status=statuses[n % len(statuses)],
            expected_on=None if n % 4 == 0 else dt.date(2021, 3, 1) + dt.timedelta(days=n),
            owner=owners[n % 2],
            created_by=owners[n % 2],
            created_on=dt.date(2021, 1, 1),
            hours=None if n % 5 == 0 else Decimal(n % 9),
            amount=None if n % 6 == 0 else Decimal(100 * (n % 11)),
        )
        for n in range(count)
    )


def make_grants(world: World, count: int) -> None:
    grants = Grant.objects.bulk_create(
        Grant(
            organisation=world.own,
            funder=[world.province, world.regio][n % 2],
            kind=list(GrantKind)[n % len(GrantKind)],
            title=f"{'sS'[n % 2]}ubsidie {n:03d}",
            status=PIPELINE[n % len(PIPELINE)],
            starts_on=dt.date(2021, 1 + n % 12, 1),
            ends_on=dt.date(2022, 1 + n % 5, 1),
            decided_on=None if n % 3 == 0 else dt.date(2020, 1, 1) + dt.timedelta(days=n),
            amount_requested=None if n % 4 == 0 else Decimal(1000 * (n % 13)),
            amount_granted=None if n % 5 == 0 else Decimal(900 * (n % 7)),
        )
        for n in range(count)
    )
    GrantStep.objects.bulk_create(
        GrantStep(
            grant=grant,
            status=GrantStatus.SUBMITTED,
            on=dt.date(2020, 6, 1) + dt.timedelta(days=n % 30),
            by=world.users["bedrijfsvoering"],
        )
        for n, grant in enumerate(grants)
        if n % 2
    )


def make_reports(world: World, count: int) -> None:
    statuses = list(ReportStatus)
    now = timezone.now()
    start = Report.objects.count()
    Report.objects.bulk_create(
        Report(
            organisation=world.own,
            plan=world.plan,
            recipient=[world.province, world.regio][n % 2],
            kind=ReportKind.PROGRESS,
            year=1900 + start + n,
            quarter=1 + n % 4,
            title=f"{'vV'[n % 2]}oortgang {n:03d}",
            due_on=None if n % 3 == 0 else dt.date(2021, 1, 1) + dt.timedelta(days=n % 20),
            status=statuses[n % len(statuses)],
            prepared_by=world.users["bedrijfsvoering"],
            prepared_at=now,
            sent_at=None if n % 2 else now - dt.timedelta(hours=n),
        )
        for n in range(count)
    )


def make_audit_entries(world: World, count: int) -> None:
    actors = [None, world.users["medewerker"], world.users["directeur"]]
    AuditEntry.objects.bulk_create(
        AuditEntry(
            actor=actors[n % 3],
            action="update",
            subject_type="directory.organisation",
            subject_id=n,
            subject_repr=f"Organisatie {n}",
            context=f"directory.organisation:{n}",
            organisation_id=world.own.pk,
        )
        for n in range(count)
    )


def make_access_records(world: World, count: int) -> None:
    users = [world.users["medewerker"], world.users["directeur"]]
    AccessRecord.objects.bulk_create(
        AccessRecord(
            user=users[n % 2],
            roles="medewerker",
            organisation_id=world.own.pk,
            subject_type="directory.person",
            subject_id=n,
            action=list(AccessAction)[n % len(AccessAction)],
            detail=f"Persoon {n}",
        )
        for n in range(count)
    )


def make_placements(world: World, count: int) -> None:
    """One candidate's placements on consecutive days (never overlapping), for requests of
    two organisations, in every status."""
    from tests.matching import factories_placements as make

    anna = make.candidate(world)
    requests = [make.help_request(world), make.help_request(world)]
    requests[1].requester = world.other_org
    requests[1].save(update_fields=["requester"])
    start = make.at(dt.date(2030, 1, 1), 7)
    shifts = Shift.objects.bulk_create(
        Shift(
            request=requests[n % 2],
            starts_at=start + dt.timedelta(days=n),
            ends_at=start + dt.timedelta(days=n, hours=8),
        )
        for n in range(count)
    )
    statuses = list(PlacementStatus)
    Placement.objects.bulk_create(
        Placement(
            shift=shift,
            candidate=anna,
            starts_at=shift.starts_at,
            ends_at=shift.ends_at,
            status=statuses[n % len(statuses)],
        )
        for n, shift in enumerate(shifts)
    )


def make_communications(world: World, count: int) -> None:
    channels = list(Channel)
    CommunicationItem.objects.bulk_create(
        CommunicationItem(
            holder=world.own,
            programme=[world.programme, world.unfunded_programme][n % 2],
            date=dt.date(2021, 1, 1) + dt.timedelta(days=n % 60),
            channel=channels[n % len(channels)],
            title=f"{'nN'[n % 2]}ieuwsbrief {n:03d}",
            theme=["", "sport", "natuur"][n % 3],
        )
        for n in range(count)
    )


def make_risks(world: World, count: int) -> None:
    Risk.objects.bulk_create(
        Risk(
            organisation=world.own,
            programme=[None, world.programme, world.unfunded_programme][n % 3],
            title=f"{'aBcD'[n % 4]}{n:03d} risico",
            probability=n % 90,
            impact=Decimal(1000 * (n % 17 + 1)),
            owner=["Directeur", "bedrijfsvoering", "Coördinator"][n % 3],
            review_on=None if n % 5 == 0 else dt.date(2021, 1 + n % 12, 1),
        )
        for n in range(count)
    )
    Risk.objects.create(organisation=world.other_org, title="Elders", probability=1, impact=1)


def make_initiatives(world: World, count: int) -> None:
    from koers.atlas.models import Initiative, InitiativeKind

    places = [
        MunicipalityFactory(code="GM0995", name="Lelystad", slug="lelystad"),
        MunicipalityFactory(code="GM0184", name="Urk", slug="urk"),
    ]
    Initiative.objects.bulk_create(
        Initiative(
            holder=world.own,
            name=f"{'aB'[n % 2]}{n:03d} initiatief",
            kind=InitiativeKind.RESIDENTS if n % 4 else InitiativeKind.VOLUNTEERS,
            municipality=places[n % 2],
            confirmed_on=dt.date(2021, 1, 1) + dt.timedelta(days=n % 40),
        )
        for n in range(count)
    )
    Initiative.objects.create(
        holder=world.other_org,
        name="Elders",
        kind=InitiativeKind.RESIDENTS,
        municipality=places[0],
        confirmed_on=dt.date(2021, 1, 1),
    )


def _name(user: Any) -> tuple[str, str]:
    return (user.first_name, user.last_name)


def _full_name(user: Any) -> tuple[str, str, str] | None:
    return None if user is None else (user.first_name, user.last_name, user.username)


def make_help_requests(world: World, count: int) -> None:
    """Requests of three organisations, in every role, priority and status, with one to
    three shifts each and someone placed on every fourth."""
    from tests.matching.factories_requests import a_candidate, almere

    requesters = [world.care_org, world.other_org, world.regio]
    roles = ["verpleegkundige", "verzorgende", "helpende", "begeleider"]
    start = HelpRequest.objects.count()
    made = HelpRequest.objects.bulk_create(
        HelpRequest(
            holder=world.own,
            requester=requesters[n % 3],
            role=roles[n % 4],
            municipality=almere(),
            priority=[None, 1, 2, 3, 4][n % 5],
            status=["nieuw", "open", "gesloten"][n % 3],
        )
        for n in range(start, start + count)
    )
    base = timezone.make_aware(dt.datetime(2021, 3, 1, 8))
    shifts = Shift.objects.bulk_create(
        Shift(
            request=record,
            starts_at=base + dt.timedelta(days=start + n, hours=k * 12),
            ends_at=base + dt.timedelta(days=start + n, hours=k * 12 + 8),
        )
        for n, record in enumerate(made)
        for k in range(1 + n % 3)
    )
    candidate = a_candidate(world, last_name=f"Lijst {start}")
    Placement.objects.bulk_create(
        Placement(
            shift=shift, candidate=candidate, starts_at=shift.starts_at, ends_at=shift.ends_at
        )
        for shift in shifts
        if shift.request_id % 4 == 0
    )
    for n, record in enumerate(made):
        HelpRequest.objects.filter(pk=record.pk).update(
            created_at=base - dt.timedelta(hours=start + n)
        )


def make_candidates(world: World, count: int) -> None:
    """Candidates of the own pool, nobody spoken to for a year (all on the call-back list),
    half of them through the national website."""
    from koers.core.privacy import LawfulBasis
    from koers.matching.models import Route, Stage

    places = [
        MunicipalityFactory(code="GM0995", name="Lelystad", slug="lelystad"),
        MunicipalityFactory(code="GM0184", name="Urk", slug="urk"),
    ]
    today = timezone.localdate()
    persons = Person.objects.bulk_create(
        Person(
            holder=world.own,
            first_name=f"{'ab'[n % 3 % 2]}",
            last_name=f"{'ab'[n % 2]}{n % 7:03d} kandidaat",
            purpose="Extra handen",
            lawful_basis=LawfulBasis.CONSENT,
            consent_given_on=dt.date(2020, 4, 1),
        )
        for n in range(count)
    )
    stages = [Stage.AANGEMELD, Stage.INTAKE_GEHAD, Stage.INZETBAAR]
    Candidate.objects.bulk_create(
        Candidate(
            holder=world.own,
            person=person,
            municipality=places[n % 2],
            route=Route.LANDELIJKE_WEBSITE if n % 2 else Route.CAMPAGNE,
            stage=stages[n % 3],
            stage_since=dt.date(2020, 5, 1) + dt.timedelta(days=n % 11),
            signed_up_on=dt.date(2020, 4, 1) + dt.timedelta(days=n % 13),
            last_contact_on=today - dt.timedelta(days=400 + n % 17),
        )
        for n, person in enumerate(persons)
    )


def _candidate_name(candidate: Any) -> tuple[str, str]:
    return (candidate.person.last_name, candidate.person.first_name)


@dataclass
class ListPage:
    """A list page: who opens it, how to fill it, how many rows it then holds, a filter
    that keeps them all (for the page links), and how to read each sort key off a row."""

    url_name: str
    role: str
    columns: tuple[Column, ...]
    rows: str  # the context name of the page's rows
    make: Callable[[World, int], None]
    total: Callable[[World], int]
    values: dict[str, Callable[[Any], Any]]
    query: dict[str, str] = field(default_factory=dict)  # always sent
    # A filter that keeps at least half the rows (so there is a second page to link to).
    narrowing: Callable[[World], dict[str, str]] = lambda world: {}

    def get(self, client: Client, **extra: str) -> Any:
        response = client.get(reverse(self.url_name), {**self.query, **extra})
        assert response.status_code == 200
        return response


LISTS = [
    ListPage(
        "directory:organisations",
        "medewerker",
        organisation_views.COLUMNS,
        "organisations",
        make_organisations,
        lambda world: Organisation.objects.count(),
        {
            "name": lambda o: o.name.lower(),
            "kind": lambda o: o.kind,
            "municipality": lambda o: o.municipality.name if o.municipality else None,
        },
        narrowing=lambda world: {"q": "partner"},
    ),
    ListPage(
        "directory:persons",
        "medewerker",
        person_views.COLUMNS,
        "persons",
        make_persons,
        lambda world: Person.objects.count(),
        {
            "name": lambda p: (p.last_name.lower(), p.first_name.lower()),
            "email": lambda p: p.email.lower(),
        },
        narrowing=lambda world: {"q": "cnna"},
    ),
    ListPage(
        "relations:contacts",
        "medewerker",
        contact_views.COLUMNS,
        "contacts",
        make_contacts,
        lambda world: Interaction.objects.count(),
        {
            "date": lambda c: c.date,
            "subject": lambda c: c.subject.lower(),
            "kind": lambda c: c.kind,
            "programme": lambda c: c.programme.name if c.programme else None,
        },
        narrowing=lambda world: {"q": "esprek 1"},
    ),
    ListPage(
        "relations:events",
        "medewerker",
        event_views.COLUMNS,
        "events",
        make_events,
        lambda world: Event.objects.filter(date__year=2021).count(),
        {
            "date": lambda e: e.date,
            "title": lambda e: e.title.lower(),
            "theme": lambda e: e.theme,
            "programme": lambda e: e.programme.name,
            "place": lambda e: e.place.lower(),
            "registered": lambda e: e.registered,
            "present": lambda e: e.present,
        },
        query={"jaar": "2021"},
        narrowing=lambda world: {"jaar": "2021", "thema": "sport"},
    ),
    ListPage(
        "relations:opportunities",
        "medewerker",
        opportunity_views.COLUMNS,
        "opportunities",
        make_opportunities,
        lambda world: Opportunity.objects.count(),
        {
            "title": lambda o: o.title.lower(),
            "client": lambda o: o.organisation.name.lower(),
            "programme": lambda o: o.programme.name if o.programme else None,
            "status": lambda o: o.status,
            "expected": lambda o: o.expected_on,
            "owner": lambda o: _name(o.owner),
            "hours": lambda o: o.hours,
            "amount": lambda o: o.amount,
        },
        query={"status": "all"},
        narrowing=lambda world: {"status": "all", "owner": str(world.users["medewerker"].pk)},
    ),
    ListPage(
        "funding:grants",
        "bedrijfsvoering",
        funding_views.COLUMNS,
        "grants",
        make_grants,
        lambda world: Grant.objects.count(),
        {
            "title": lambda g: g.title.lower(),
            "funder": lambda g: g.funder.name.lower(),
            "kind": lambda g: g.kind,
            "status": lambda g: (PIPELINE.index(g.status), g.starts_on),
            "period": lambda g: (g.starts_on, g.ends_on),
            "submitted": lambda g: g.submitted_on,
            "decision": lambda g: g.decided_on,
            "requested": lambda g: g.amount_requested,
            "granted": lambda g: g.amount_granted,
        },
        narrowing=lambda world: {"financier": str(world.province.pk)},
    ),
    ListPage(
        "atlas:collaborations",
        "directeur",
        atlas_tie_views.COLUMNS,
        "ties",
        make_collaborations,
        lambda world: Collaboration.objects.filter(holder=world.own).count(),
        {
            "from": lambda t: (t.from_initiative or t.from_organisation).name.lower(),
            "to": lambda t: (t.to_initiative or t.to_organisation).name.lower(),
            "kind": lambda t: t.kind,
            "theme": lambda t: (t.theme.order, t.theme.name) if t.theme else None,
            "since": lambda t: t.started_on,
            "until": lambda t: t.ended_on,
            "origin": lambda t: t.derivation,
        },
        narrowing=lambda world: {"herkomst": "afgeleid"},
    ),
    ListPage(
        "funding:risks",
        "bedrijfsvoering",
        risk_views.COLUMNS,
        "risks",
        make_risks,
        lambda world: Risk.objects.filter(organisation=world.own).count(),
        {
            "title": lambda r: r.title.lower(),
            "programme": lambda r: (r.programme.order, r.programme.code) if r.programme else None,
            "probability": lambda r: r.probability,
            "impact": lambda r: r.impact,
            "expected": lambda r: r.expected_impact,
            "owner": lambda r: r.owner.lower(),
            "review": lambda r: r.review_on,
        },
        narrowing=lambda world: {"programma": str(world.programme.pk)},
    ),
    ListPage(
        "reports:reports",
        "bedrijfsvoering",
        report_views.COLUMNS,
        "reports",
        make_reports,
        lambda world: Report.objects.count(),
        {
            "title": lambda r: r.title.lower(),
            "recipient": lambda r: r.recipient.name.lower(),
            "status": lambda r: r.status,
            "due": lambda r: r.due_on,
            "sent": lambda r: r.sent_at,
        },
        narrowing=lambda world: {"kind": "progress", "status": "sent"},
    ),
]
LISTS += [
    ListPage(
        "matching:candidates",
        "medewerker",
        candidate_views.COLUMNS,
        "candidates",
        make_candidates,
        lambda world: Candidate.objects.filter(holder=world.own).count(),
        {
            "name": _candidate_name,
            "municipality": lambda c: c.municipality.name,
            "stage": lambda c: c.stage,
            "since": lambda c: c.stage_since,
            "signed_up": lambda c: c.signed_up_on,
            "contact": lambda c: c.last_contact_on,
        },
        narrowing=lambda world: {"route": "landelijke_website"},
    ),
    ListPage(
        "matching:callbacks",
        "medewerker",
        pool_views.CALLBACK_COLUMNS,
        "candidates",
        make_candidates,
        lambda world: callback_candidates(world.own.pk, timezone.localdate()).count(),
        {
            "name": _candidate_name,
            "stage": lambda c: c.stage,
            "contact": lambda c: c.last_contact_on,
        },
    ),
    ListPage(
        "matching:trajectories",
        "medewerker",
        trajectory_views.COLUMNS,
        "trajectories",
        make_trajectories,
        lambda world: Trajectory.objects.filter(holder=world.own).count(),
        {
            "person": lambda t: (t.person.last_name.lower(), t.person.first_name.lower()),
            "kind": lambda t: t.kind,
            "employer": lambda t: t.employer.name.lower() if t.employer else None,
            "started": lambda t: t.started_on,
            "ended": lambda t: t.ended_on,
            "outcome": lambda t: t.outcome,
        },
        narrowing=lambda world: {"jaar": "2021"},
    ),
    ListPage(
        "atlas:index",
        "medewerker",
        atlas_map_views.COLUMNS,
        "initiatives",
        make_initiatives,
        lambda world: Initiative.objects.filter(holder=world.own).count(),
        {
            "name": lambda i: i.name.lower(),
            "kind": lambda i: i.kind,
            "municipality": lambda i: i.municipality.name,
            "confirmed_on": lambda i: i.confirmed_on,
        },
        narrowing=lambda world: {"soort": "bewonersinitiatief"},
    ),
    ListPage(
        "relations:communications",
        "medewerker",
        event_views.COMMUNICATION_COLUMNS,
        "items",
        make_communications,
        lambda world: CommunicationItem.objects.filter(date__year=2021).count(),
        {
            "date": lambda c: c.date,
            "title": lambda c: c.title.lower(),
            "channel": lambda c: c.channel,
            "theme": lambda c: c.theme,
            "programme": lambda c: c.programme.name,
        },
        query={"jaar": "2021"},
        narrowing=lambda world: {"jaar": "2021"},
    ),
    ListPage(
        "privacy:audit_log",
        "beheerder",
        privacy_views.WRITE_COLUMNS,
        "page",
        make_audit_entries,
        lambda world: AuditEntry.objects.filter(organisation_id=world.own.pk).count(),
        {"when": lambda e: e.at, "who": lambda e: _full_name(e.actor)},
        narrowing=lambda world: {"q": "Organisatie 1"},
    ),
    ListPage(
        "privacy:access_log",
        "beheerder",
        privacy_views.ACCESS_COLUMNS,
        "page",
        make_access_records,
        lambda world: AccessRecord.objects.filter(organisation_id=world.own.pk).count(),
        {"when": lambda r: r.at, "who": lambda r: _full_name(r.user), "action": lambda r: r.action},
        narrowing=lambda world: {"q": "Persoon 1"},
    ),
    ListPage(
        "matching:requests",
        "medewerker",
        request_views.COLUMNS,
        "help_requests",
        make_help_requests,
        lambda world: HelpRequest.objects.filter(holder=world.own).count(),
        {
            "aanvrager": lambda r: r.requester.name,
            "rol": lambda r: r.role,
            "start": lambda r: r.first_start,
            "diensten": lambda r: r.shift_count,
            "bezet": lambda r: r.placed_count,
            "prioriteit": lambda r: r.priority,
            "status": lambda r: r.status,
            "ontvangen": lambda r: r.created_at,
        },
        narrowing=lambda world: {"rol": ""},
    ),
    ListPage(
        "matching:placements",
        "medewerker",
        placement_views.COLUMNS,
        "placements",
        make_placements,
        lambda world: Placement.objects.count(),
        {
            "starts": lambda p: p.starts_at,
            "organisation": lambda p: p.shift.request.requester.name,
            "status": lambda p: p.status,
        },
        narrowing=lambda world: {"wanneer": "komend"},
    ),
]


def make_proposal_runs(world: World, count: int) -> None:
    ProposalRun.objects.bulk_create(
        ProposalRun(
            holder=world.own,
            method=["solver", "greedy"][n % 2],
            status=["klaar", "wachtend", "mislukt"][n % 3],
            stats={},
        )
        for n in range(count)
    )


LISTS += [
    ListPage(
        "matching:runs",
        "medewerker",
        matching_run_views.COLUMNS,
        "runs",
        make_proposal_runs,
        lambda world: ProposalRun.objects.filter(holder=world.own).count(),
        {
            "requested": lambda r: r.requested_at,
            "method": lambda r: r.method,
            "status": lambda r: r.status,
        },
    ),
]


# --- signals: client support ---


def make_support_cases(world: World, count: int) -> None:
    """Cases of two supporters in two kinds, opened over 2021, a third closed, most with a
    contact: the director sees them all."""
    from koers.signals.models import Case, CaseContact, CaseType, Client

    lelystad, _made = MunicipalityFactory._meta.model.objects.get_or_create(
        code="GM0995", defaults={"name": "Lelystad", "slug": "lelystad", "province_code": "PV24"}
    )
    kinds = [
        CaseType.objects.get_or_create(
            holder=world.own, name=name, defaults={"activity": world.activity, "law": "wlz"}
        )[0]
        for name in ("OCO Dronten", "OCO Wlz")
    ]
    supporters = [world.users["medewerker"], world.users["programmacoordinator"]]
    for user, last_name in zip(supporters, ("Bakker", "Visser"), strict=True):
        user.last_name = last_name
        user.save(update_fields=["last_name"])
    start = Client.objects.count()
    clients = Client.objects.bulk_create(
        Client(holder=world.own, reference=f"C-{start + n:04d}", municipality=lelystad, law="wlz")
        for n in range(count)
    )
    cases = Case.objects.bulk_create(
        Case(
            holder=world.own,
            case_type=kinds[n % 2],
            client=client,
            question="Vraag",
            supporter=supporters[n % 3 % 2],
            opened_on=dt.date(2021, 1 + n % 6, 1 + n % 27),
            closed_on=dt.date(2021, 9, 1 + n % 20) if n % 3 == 0 else None,
            outcome="informatie" if n % 3 == 0 else "",
        )
        for n, client in enumerate(clients)
    )
    CaseContact.objects.bulk_create(
        CaseContact(case=case, on=dt.date(2021, 7, 1 + n % 28), minutes=30, form="telefoon")
        for n, case in enumerate(cases)
        for _ in range(n % 3)
    )


def make_support_volunteers(world: World, count: int) -> None:
    from koers.signals.models import CaseType, SupportVolunteer

    kinds = [
        CaseType.objects.get_or_create(
            holder=world.own, name=name, defaults={"activity": world.activity, "law": "wlz"}
        )[0]
        for name in ("OCO Dronten", "OCO Wlz")
    ]
    start = Person.objects.count()
    persons = Person.objects.bulk_create(
        Person(
            holder=world.own,
            first_name=f"{'aA'[n % 2]}nna",
            last_name=f"{'jJ'[n % 3 % 2]}ansen {(start + n) % 7:03d}",
            purpose="Vrijwilliger",
            lawful_basis="consent",
            consent_given_on=dt.date(2021, 1, 1),
        )
        for n in range(count)
    )
    SupportVolunteer.objects.bulk_create(
        SupportVolunteer(
            holder=world.own,
            person=person,
            case_type=kinds[n % 2],
            started_on=dt.date(2020 + n % 2, 1 + n % 12, 1),
            ended_on=dt.date(2022, 1 + n % 12, 1) if n % 4 == 0 else None,
        )
        for n, person in enumerate(persons)
    )


def _support_cases(world: World) -> int:
    from koers.signals.models import Case

    return Case.objects.filter(holder=world.own).count()


def _support_volunteers(world: World) -> int:
    from koers.signals.models import SupportVolunteer

    return SupportVolunteer.objects.filter(holder=world.own).count()


def make_agenda_items(world: World, count: int) -> None:
    from tests.signals.factories import SignalFactory

    meetings = Meeting.objects.bulk_create(
        Meeting(
            holder=world.own,
            kind="provincie",
            title=f"Overleg {n}",
            held_on=dt.date(2021, 1 + n, 10),
        )
        for n in range(3)
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            holder=world.own,
            title=f"Agendapunt {n:03d}",
            question="Vraag",
            status=["nieuw", "geduid", "geagendeerd", "teruggekoppeld"][n % 4],
            meeting=meetings[n % 3] if n % 4 else None,
        )
        for n in range(count)
    )
    AgendaStep.objects.bulk_create(
        AgendaStep(item=item, status="nieuw", on=dt.date(2021, 1, 1) + dt.timedelta(days=n % 40))
        for n, item in enumerate(items)
    )
    signal = SignalFactory(holder=world.own)
    for item in items[::3]:
        item.signals.add(signal)


def make_meetings(world: World, count: int) -> None:
    meetings = Meeting.objects.bulk_create(
        Meeting(
            holder=world.own,
            kind=["provincie", "gemeente", "zorgtafel"][n % 3],
            title=f"Overleg {n:03d}",
            held_on=dt.date(2020, 1, 1) + dt.timedelta(days=n * 3),
        )
        for n in range(count)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(holder=world.own, title=f"Punt {n}", question="Vraag", meeting=meeting)
        for n, meeting in enumerate(meetings)
        for _copy in range(n % 3)
    )


LISTS += [
    ListPage(
        "signals:cases",
        "directeur",
        case_views.COLUMNS,
        "cases",
        make_support_cases,
        _support_cases,
        {
            "nummer": lambda c: c.pk,
            "client": lambda c: c.client.reference,
            "soort": lambda c: c.case_type.name,
            "ondersteuner": lambda c: c.supporter.last_name,
            "geopend": lambda c: c.opened_on,
            "contacten": lambda c: c.contact_count,
            "laatste": lambda c: c.last_contact_on,
            "gesloten": lambda c: c.closed_on,
        },
        narrowing=lambda world: {"jaar": "2021"},
    ),
    ListPage(
        "signals:volunteers",
        "medewerker",
        case_setup_views.VOLUNTEER_COLUMNS,
        "volunteers",
        make_support_volunteers,
        _support_volunteers,
        {
            "naam": lambda v: (v.person.last_name.lower(), v.person.first_name.lower()),
            "soort": lambda v: v.case_type.name,
            "vanaf": lambda v: v.started_on,
            "tot": lambda v: v.ended_on,
        },
    ),
    ListPage(
        "signals:agenda",
        "medewerker",
        signal_agenda_views.COLUMNS,
        "items",
        make_agenda_items,
        lambda world: AgendaItem.objects.filter(holder=world.own).count(),
        {
            "titel": lambda r: r.title,
            "status": lambda r: r.status,
            "vergadering": lambda r: r.meeting.held_on if r.meeting else None,
            "signalen": lambda r: r.signal_count,
            "stap": lambda r: r.last_step_on,
        },
        narrowing=lambda world: {"status": ""},
    ),
    ListPage(
        "signals:meetings",
        "medewerker",
        signal_agenda_views.MEETING_COLUMNS,
        "meetings",
        make_meetings,
        lambda world: Meeting.objects.filter(holder=world.own).count(),
        {
            "datum": lambda r: r.held_on,
            "titel": lambda r: r.title,
            "soort": lambda r: r.kind,
            "punten": lambda r: r.item_count,
        },
    ),
]

# --- signals: entry ------------------------------------------------------------------------


def make_signals(world: World, count: int) -> None:
    """Signals of the own organisation over 2021's weeks, in three sub-categories of one
    main category, three municipalities, every law and channel, every fifth on the agenda."""
    from koers.core.models import Municipality
    from koers.signals.models import AgendaItem, Category, Signal
    from koers.signals.models.choices import Channel, Law
    from koers.signals.weeks import IsoWeek

    main, _made = Category.objects.get_or_create(holder=world.own, parent=None, name="Wachttijd")
    subs = [
        Category.objects.get_or_create(holder=world.own, parent=main, name=name)[0]
        for name in ("Huisarts", "Verpleeghuis", "Wijkzorg")
    ]
    places = [
        Municipality.objects.get_or_create(
            code=code, defaults={"name": name, "slug": name.lower(), "province_code": "PV24"}
        )[0]
        for code, name in (("GM0995", "Lelystad"), ("GM0034", "Almere"), ("GM0303", "Dronten"))
    ]
    start = Signal.objects.count()
    made = Signal.objects.bulk_create(
        Signal(
            holder=world.own,
            iso_year=2021,
            iso_week=1 + (start + n) % 52,
            quarter=IsoWeek(2021, 1 + (start + n) % 52).quarter,
            channel=list(Channel)[n % len(Channel)],
            law=list(Law)[n % len(Law)],
            category=subs[n % 3],
            municipality=places[n % 3],
            sentiment="negatief",
            description=f"Signaal {start + n:04d} over de wachttijd.",
        )
        for n in range(count)
    )
    item = AgendaItem.objects.create(holder=world.own, title="Wachttijden", question="Wat nu?")
    item.signals.add(*made[::5])


def make_signal_contacts(world: World, count: int) -> None:
    from tests.signals.factories import SignalContactFactory

    start = timezone.localdate()
    for n in range(count):
        SignalContactFactory(
            holder=world.own,
            name=f"Bewoner {n:04d}",
            retain_until=start + dt.timedelta(days=30 + n % 40),
            answered_on=None if n % 3 else start - dt.timedelta(days=n % 7),
        )


def _signal_entry_lists() -> list[ListPage]:
    from koers.signals.entry import views as signal_views
    from koers.signals.models import Signal, SignalContact

    return [
        ListPage(
            "signals:index",
            "medewerker",
            signal_views.COLUMNS,
            "signals",
            make_signals,
            lambda world: Signal.objects.filter(holder=world.own).count(),
            {
                "week": lambda s: (s.iso_year, s.iso_week),
                "tekst": lambda s: s.description,
                "categorie": lambda s: (s.category.parent.name, s.category.name),
                "gemeente": lambda s: s.municipality.name,
                "wet": lambda s: s.law,
                "kanaal": lambda s: s.channel,
                "agenda": lambda s: s.agenda_count,
            },
            narrowing=lambda world: {"jaar": "2021"},
        ),
        ListPage(
            "signals:contacts",
            "medewerker",
            signal_views.CONTACT_COLUMNS,
            "contacts",
            make_signal_contacts,
            lambda world: SignalContact.objects.filter(holder=world.own).count(),
            {
                "naam": lambda c: c.name,
                "signaal": lambda c: c.signal_id,
                "beantwoord": lambda c: c.answered_on,
                "bewaren": lambda c: c.retain_until,
            },
            query={"toon": "alle"},
            narrowing=lambda world: {"toon": "alle"},
        ),
    ]


LISTS += _signal_entry_lists()

SORTS = [
    pytest.param(page, column.key, descending, id=f"{page.url_name}-{'-' * descending}{column.key}")
    for page in LISTS
    for column in page.columns
    if column.key
    for descending in (False, True)
]
by_url = pytest.mark.parametrize("page", LISTS, ids=lambda page: page.url_name)


def shown_count(html: str) -> str:
    found = re.search(r'class="list-count">\s*([^<]*?)\s*<', html)
    assert found, "the page does not say how many"
    return found.group(1)


def page_links(html: str) -> list[str]:
    nav = re.search(r'<nav aria-label="[^"]*" class="pagination">(.*?)</nav>', html, re.S)
    assert nav, "the page has no page links"
    return [link.replace("&amp;", "&") for link in re.findall(r'href="([^"]*)"', nav.group(1))]


@by_url
def test_the_page_says_how_many_and_page_two_holds_the_rest(world: World, page: ListPage) -> None:
    page.make(world, MANY)
    client = world.client(page.role)
    total = page.total(world)
    first = page.get(client)
    assert first.context["listing"].total == total
    assert shown_count(first.content.decode()) == f"1–{PAGE_SIZE} van {total}"
    second = page.get(client, pagina="2")
    assert shown_count(second.content.decode()) == f"{PAGE_SIZE + 1}–{total} van {total}"
    on_first = [row.pk for row in first.context[page.rows]]
    on_second = [row.pk for row in second.context[page.rows]]
    assert len(on_first) == PAGE_SIZE and len(on_second) == total - PAGE_SIZE
    assert not set(on_first) & set(on_second)


@pytest.mark.parametrize(("page", "key", "descending"), SORTS)
def test_sorting_by_a_column_orders_the_rows(
    world: World, page: ListPage, key: str, descending: bool
) -> None:
    page.make(world, MANY)
    client = world.client(page.role)
    sort = ("-" if descending else "") + key
    response = page.get(client, sort=sort)
    assert response.context["listing"].sort == sort
    rows = list(response.context[page.rows])
    rows += list(page.get(client, sort=sort, pagina="2").context[page.rows])
    values = [page.values[key](row) for row in rows]
    # Empty values last either way; equal values in the order of the primary key.
    present = [
        (value, row.pk) for value, row in zip(values, rows, strict=True) if value is not None
    ]
    assert values[len(present) :] == [None] * (len(values) - len(present))
    assert present == sorted(present, reverse=descending)
    assert len({value for value, _pk in present}) > 1, "the rows must differ to test the order"
    head = response.content.decode()
    assert head.count("aria-sort=") == 1
    assert f'aria-sort="{"descending" if descending else "ascending"}"' in head


@by_url
def test_page_links_keep_the_filters_and_the_sort(world: World, page: ListPage) -> None:
    page.make(world, 6 * PAGE_SIZE)
    client = world.client(page.role)
    key = next(column.key for column in page.columns if column.key)
    kept = {**page.query, **page.narrowing(world), "sort": "-" + key}
    response = page.get(client, **kept)
    listing = response.context["listing"]
    assert PAGE_SIZE < listing.total <= page.total(world)
    links = page_links(response.content.decode())
    assert len(links) == listing.page.paginator.num_pages + 1  # and "next"
    for link in links:
        assert link.startswith("?")
        query = QueryDict(link[1:])
        assert {name: query.get(name) for name in kept} == kept
    # Following a link keeps the filter: the second page is of the narrowed list.
    following = client.get(reverse(page.url_name) + links[-1])
    assert following.context["listing"].total == listing.total
    assert following.context["listing"].page.number == 2


JUNK_PAGES = ["abc", "0", "-1", "1.5", "", "9" * 30, "%00", "1e3"]
JUNK_SORTS = ["-", "--name", "pk", "password", "id", "name;drop", "x" * 500, "-" * 100, "__"]


@by_url
@pytest.mark.parametrize("junk", JUNK_PAGES)
def test_junk_as_the_page_answers_a_page(world: World, page: ListPage, junk: str) -> None:
    page.make(world, MANY)
    client = world.client(page.role)
    response = page.get(client, pagina=junk)
    listing = response.context["listing"]
    number = listing.page.number
    # A number past the end answers the last page, as Django's paginator does; junk the first.
    assert number == (listing.page.paginator.num_pages if junk == "9" * 30 else 1)


@by_url
@pytest.mark.parametrize("junk", JUNK_SORTS)
def test_junk_as_the_sort_answers_the_default_order(
    world: World, page: ListPage, junk: str
) -> None:
    page.make(world, 3)
    client = world.client(page.role)
    default = page.get(client).context["listing"]
    response = page.get(client, sort=junk)
    listing = response.context["listing"]
    assert listing.sort == default.sort
    assert [row.pk for row in listing.rows] == [row.pk for row in default.rows]


@by_url
def test_the_page_costs_the_same_queries_for_few_or_many_rows(world: World, page: ListPage) -> None:
    counts = []
    client = world.client(page.role)
    for count in (5, 3 * PAGE_SIZE):
        page.make(world, count)
        page.get(client)  # the session settles on the first request
        with CaptureQueriesContext(connection) as queries:
            page.get(client)
        counts.append(len(queries))
        # The total is counted once, in the database.
        counting = [q for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT(*)")]
        assert len(counting) == 1
    assert counts[0] == counts[1]
    assert counts[1] <= 20


GET_ROWS = [
    pytest.param(row, id=f"{row.name}[{row.what}]")
    for row in ROWS
    if row.method == "GET" and not row.public and 200 in row.expected
]


@pytest.mark.parametrize("row", GET_ROWS)
def test_every_page_takes_junk_paging_and_every_paged_list_is_in_the_table(
    world: World, row: Row
) -> None:
    """Every page of the permission matrix, as a role that may open it, with junk in the
    list parameters: no server error, and a page that turns out to be a paged list must be
    in `LISTS` (so the tests above cover it)."""
    role = ROLES[row.expected.index(200)]
    url = reverse(row.name, args=row.args(world)) + row.query_for(world)
    junk = "pagina=%C3%A9%00&sort=--%3Cscript%3E"
    response = world.client(role).get(url + ("&" if "?" in url else "?") + junk)
    # The admin's own change lists answer parameters they do not know with a redirect.
    assert response.status_code in ((200, 302) if row.name.startswith("admin:") else (200,))
    if response.context is not None and "listing" in response.context:
        assert row.name in {page.url_name for page in LISTS}
        assert response.context["listing"].page.number == 1
