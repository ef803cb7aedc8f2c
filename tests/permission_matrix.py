"""The permission matrix: for every URL of Koers, what each role gets.

One table, used twice: `tests/test_permission_matrix.py` requests every row as every role
(and as an anonymous visitor) against the `world` fixture and asserts the outcome, and
`docs/permission-matrix.md` is rendered from it (`make docs`; a test fails when the
document is out of date). Another test fails when a URL has no row here, so no view can
be added without deciding who may reach it.

Outcomes: 200 shown · 302 done (a write that redirects) · 403 visible but not hers to do ·
404 outside her scope (its existence is not confirmed) · 405 wrong method. An irreversible
action asks first (koers.core.confirm): its POST without a confirmation token answers 200
with the question and changes nothing (tests/test_confirmations.py confirms each).
Anonymous visitors are sent to sign in, except on the public rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.directory.factories import OrganisationFactory
from tests.insight import matrix as insight_matrix
from tests.permission_matrix_admin import admin_rows
from tests.signals import matrix_agenda as signals_matrix_agenda
from tests.signals import matrix_analysis as signals_matrix_analysis
from tests.signals import matrix_cases as signals_matrix_cases
from tests.signals import matrix_categories as signals_matrix_categories
from tests.signals import matrix_classify as signals_matrix_classify
from tests.signals import matrix_entry as signals_matrix_entry
from tests.signals import matrix_public as signals_matrix_public

ROLES = [
    "beheerder",
    "directeur",
    "bedrijfsvoering",
    "programmacoordinator",
    "medewerker",
    "toezicht",
    "opdrachtgever",
    "regio",
    "outsider",
    "no_role",
    "prioritering",
    "zorgvrager",
]

ROLE_LABELS = {
    "beheerder": "beheerder",
    "directeur": "directeur",
    "bedrijfsvoering": "bedrijfsvoering",
    "programmacoordinator": "coördinator (van dit programma)",
    "medewerker": "medewerker",
    "toezicht": "toezicht",
    "opdrachtgever": "opdrachtgever (financiert dit programma en stelt het plan vast)",
    "regio": "opdrachtgever van een ander programma",
    "outsider": "directeur van een andere organisatie",
    "no_role": "ingelogd zonder rol",
    "prioritering": "prioriteringsfunctionaris van de GGD/GHOR (Extra handen)",
    "zorgvrager": "contactpersoon van een zorgorganisatie (Extra handen)",
}
# The two roles of Extra handen have no capability outside matching: a row written before
# them (ten outcomes) gives them what a signed-in user without a role gets there.
ROLES_BEFORE_MATCHING = 10

ALL_VIEWERS = [200, 200, 200, 200, 200, 200, 200, 200, 200, 403]
EDITORS_OF_PROGRAMME = [403, 200, 403, 200, 403, 403, 403, 403, 404, 403]
# Staff of the holding organisation see and keep persons; funders and boards never do.
PERSON_VIEWERS = [200, 200, 200, 200, 200, 403, 403, 403, 200, 403]
PERSON_OWN = [200, 200, 200, 200, 200, 403, 403, 403, 404, 403]
# Recording what a programme did (events, communications): staff who record realisations.
RECORDERS = [403, 200, 200, 200, 200, 403, 403, 403, 200, 403]
RECORDERS_OWN = [403, 200, 200, 200, 200, 403, 403, 403, 404, 403]
RECORD_WRITES = [403, 302, 302, 302, 302, 403, 403, 403, 404, 403]
RECORD_ASKS = [403, 200, 200, 200, 200, 403, 403, 403, 404, 403]  # asks first, then deletes
# Money: staff of the organisation who plan or account (not the beheerder, not every staff
# member); funders see only what their own organisation pays for.
MONEY_VIEWERS = [403, 200, 200, 200, 403, 200, 200, 200, 200, 403]
MONEY_OWN = [403, 200, 200, 200, 403, 200, 200, 404, 404, 403]
MONEY_MANAGERS = [403, 200, 200, 403, 403, 403, 403, 403, 200, 403]
MONEY_MANAGERS_OWN = [403, 200, 200, 403, 403, 403, 403, 403, 404, 403]
MONEY_WRITERS = [403, 302, 302, 403, 403, 403, 403, 403, 404, 403]
# A funder's own page: her officials only (each organisation's, the other funder's too).
FUNDER_ONLY = [403, 403, 403, 403, 403, 403, 200, 200, 403, 403]
# The atlas: every role but the beheerder; funders see the atlas of what they fund.
ATLAS_VIEWERS = [403, 200, 200, 200, 200, 200, 200, 200, 200, 403]
# Reached, but the form as the row sends it is refused: its page shown again with the form (400).
FORM_REFUSED_ON_PAGE = [400, 400, 400, 400, 400, 403, 403, 403, 404, 403]
RECORD_REFUSED_ON_PAGE = [403, 400, 400, 400, 400, 403, 403, 403, 404, 403]
MONEY_REFUSED_ON_PAGE = [403, 400, 400, 403, 403, 403, 403, 403, 404, 403]
MONEY_ASKS = [403, 200, 200, 403, 403, 403, 403, 403, 404, 403]  # asks first, then does it
PRIVACY_OFFICERS = [200, 403, 403, 403, 403, 403, 403, 403, 403, 403]
# Reports: staff and the board see them before they are sent, funders only once sent to
# them; those who report (director, operations, coordinators) take them through sign-off.
REPORT_STAFF = [200, 200, 200, 200, 200, 200, 404, 404, 404, 403]
REPORT_WRITES = [403, 302, 302, 302, 403, 403, 403, 403, 404, 403]
REPORT_ASKS = [403, 200, 200, 200, 403, 403, 403, 403, 404, 403]  # asks first, then sends
# The steps of an opportunity: staff of the holding organisation who keep relations.
OPPORTUNITY_WRITES = [302, 302, 302, 302, 302, 403, 403, 403, 404, 403]
OPPORTUNITY_ASKS = [200, 200, 200, 200, 200, 403, 403, 403, 404, 403]  # asks first
# The atlas: every role but the beheerder (who keeps the installation, not its contents).
ATLAS_VIEWERS = [403, 200, 200, 200, 200, 200, 200, 200, 200, 403]


# --- matching: requests ------------------------------------------------------------------------


def a_help_request(world: Any) -> Any:
    """A request of the world's care organisation, kept by the own organisation, with a
    night shift."""
    from koers.core.models import Municipality
    from koers.matching.models import HelpRequest, Shift

    almere, _made = Municipality.objects.get_or_create(
        code="GM0034", defaults={"name": "Almere", "slug": "almere"}
    )
    record = HelpRequest.objects.create(
        holder=world.own,
        requester=world.care_org,
        role="verpleegkundige",
        people_needed=2,
        municipality=almere,
    )
    starts = dt.datetime(2021, 3, 12, 22, tzinfo=dt.UTC)
    Shift.objects.create(
        request=record, starts_at=starts, ends_at=starts + dt.timedelta(hours=9), people_needed=2
    )
    return record


# Staff who see the pool, the GGD/GHOR's official and the care organisation's contact see
# requests (each her own); funders, the board and the beheerder do not.
REQUEST_VIEWERS = [403, 200, 200, 200, 200, 403, 403, 403, 200, 403, 200, 200]
REQUEST_OWN = [403, 200, 200, 200, 200, 403, 403, 403, 404, 403, 200, 200]
# Staff who manage matching, and the care organisation's contact for her own organisation.
REQUEST_ADDERS = [403, 200, 403, 200, 200, 403, 403, 403, 200, 403, 403, 200]
REQUEST_EDITORS_OWN = [403, 200, 403, 200, 200, 403, 403, 403, 404, 403, 403, 200]
REQUEST_WRITES = [403, 302, 403, 302, 302, 403, 403, 403, 404, 403, 403, 302]
# The priority: the GGD/GHOR's official only.
REQUEST_PRIORITISER = [403, 403, 403, 403, 403, 403, 403, 403, 403, 403, 200, 403]


# Roles of the world related to nothing of its organisation: the other organisation's
# director, and the care organisation's contact (where the row's world holds no request of
# hers).
STRANGERS = ("outsider", "zorgvrager")


def names_a_held_record(url_name: str) -> bool:
    """Whether the URL named `url_name` names a record some organisation holds: a record
    part of its route (`<activity:pk>`, koers.core.records) or an admin object page of
    such a model."""
    from koers.accounts.tenancy import admin_object_model
    from koers.core.records import owner_lookup, records_in

    namespace, _colon, name = url_name.rpartition(":")
    if namespace == "admin":
        model = admin_object_model(name)
        return model is not None and owner_lookup(model) is not None
    return any(not kind.shared for _part, kind in records_in(_route_of(url_name)))


def _route_of(url_name: str) -> str:
    from tests.test_url_access import ALL

    return next(route for name, route, _view in ALL if name == url_name)


@dataclass(frozen=True)
class Row:
    name: str  # URL name
    what: str  # for the document
    target: Callable[[Any], Any] | None = None  # the object in the URL, from the world
    expected: list[int] = field(default_factory=lambda: list(ALL_VIEWERS))
    method: str = "GET"
    data: dict[str, str] = field(default_factory=dict)
    public: bool = False
    query: str = ""
    # A query string that names objects of the world (a figure's topic), made when asked.
    query_of: Callable[[Any], str] | None = None

    # Strangers related to the row's record all the same (the care organisation's contact,
    # to a request her organisation made; the other organisation's director, to its own).
    related_strangers: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        expected = list(self.expected)
        if len(expected) == ROLES_BEFORE_MATCHING:
            no_role = expected[ROLES.index("no_role")]
            expected += [no_role] * (len(ROLES) - ROLES_BEFORE_MATCHING)
        if self.target is not None and names_a_held_record(self.name):
            # koers.accounts.tenancy: a record of an organisation she has nothing to do with
            # is not found, where her role alone would be refused (403 confirms it exists).
            for role in set(STRANGERS) - set(self.related_strangers):
                if expected[ROLES.index(role)] == 403:
                    expected[ROLES.index(role)] = 404
        object.__setattr__(self, "expected", expected)

    def query_for(self, world: Any) -> str:
        return self.query_of(world) if self.query_of is not None else self.query

    def args(self, world: Any) -> list[Any]:
        if self.target is None:
            return []
        found = self.target(world)
        return list(found) if isinstance(found, tuple) else [found.pk]


# --- the atlas's records -----------------------------------------------------------------------

ATLAS_OWN = [403, 200, 200, 200, 200, 200, 200, 200, 404, 403]
ATLAS_EDITORS = [403, 200, 403, 200, 200, 403, 403, 403, 200, 403]
ATLAS_EDITORS_OWN = [403, 200, 403, 200, 200, 403, 403, 403, 404, 403]
ATLAS_WRITES = [403, 302, 403, 302, 302, 403, 403, 403, 404, 403]
ATLAS_EDITOR_POSTS = [403, 302, 403, 302, 302, 403, 403, 403, 302, 403]


def an_initiative(world: Any) -> Any:
    from koers.atlas.models import Initiative
    from koers.core.models import Municipality

    almere, _made = Municipality.objects.get_or_create(
        code="GM0034", defaults={"name": "Almere", "slug": "almere"}
    )
    return Initiative.objects.create(
        holder=world.own,
        name="Buurtmoestuin De Wei",
        kind="bewonersinitiatief",
        municipality=almere,
        confirmed_on=dt.date(2021, 1, 1),
    )


def a_collaboration(world: Any) -> Any:
    from koers.atlas.models import Collaboration

    return Collaboration.objects.create(
        holder=world.own,
        from_initiative=an_initiative(world),
        to_organisation=world.other_org,
        kind="samenwerking",
        source="gesprek",
        started_on=dt.date(2021, 3, 1),
    )


def a_proposed_change(world: Any) -> Any:
    from django.utils import timezone

    from koers.atlas.initiatives.links import current_values
    from koers.atlas.models import ConfirmationLink, ProposedChange

    initiative = an_initiative(world)
    link = ConfirmationLink.objects.create(
        initiative=initiative,
        token_hash="0" * 64,
        created_by=world.users["directeur"],
        expires_at=timezone.now() + dt.timedelta(days=30),
        used_at=timezone.now(),
    )
    return ProposedChange.objects.create(
        initiative=initiative,
        link=link,
        values={**current_values(initiative), "name": "Moestuin De Wei"},
    )


# --- matching: public + trajectories ---------------------------------------------------------


def a_lapsed_candidate(world: Any, n: int = 0) -> Any:
    """A candidate of the own pool whose availability ended yesterday, with an address."""
    from tests.matching.factories_public import a_candidate

    return a_candidate(
        world.own,
        500 + n,
        stage="aangemeld",
        available_until=timezone.localdate() - dt.timedelta(1),
    )


def a_campaign(world: Any) -> Any:
    from django.utils import timezone

    from koers.matching.models import ReengagementCampaign, ReengagementInvite

    campaign = ReengagementCampaign.objects.create(
        holder=world.own, name="Voorjaar 2021", message="Bent u weer beschikbaar?"
    )
    ReengagementInvite.objects.create(
        campaign=campaign,
        candidate=a_lapsed_candidate(world),
        token_hash="1" * 64,
        expires_at=timezone.now() + dt.timedelta(days=30),
    )
    return campaign


def a_matching_trajectory(world: Any) -> Any:
    from tests.matching.factories_public import a_trajectory

    return a_trajectory(world.own, employer=world.care_org)


# --- matching: placements ----------------------------------------------------------------------

MATCHING_MANAGERS_OWN = [403, 200, 403, 200, 200, 403, 403, 403, 404, 403, 403, 403]
MATCHING_WRITES = [403, 302, 403, 302, 302, 403, 403, 403, 404, 403, 403, 403]


def a_matching_proposal(world: Any) -> Any:
    """An open proposal of the world's pool: a nurse for a day shift at the care
    organisation, in 2030."""
    from tests.matching import factories_placements as make

    request = make.help_request(world)
    day = dt.date(2030, 3, 4)
    proposal = make.proposal(
        world, make.shift(request, make.at(day, 7), make.at(day, 15)), make.candidate(world)
    )
    make.candidate(world)  # someone else who could take it, so "someone else" offers her
    return proposal


def a_matching_placement(world: Any) -> Any:
    from koers.matching.models import Placement

    offer = a_matching_proposal(world)
    return Placement.objects.create(
        shift=offer.shift,
        candidate=offer.candidate,
        proposal=offer,
        starts_at=offer.shift.starts_at,
        ends_at=offer.shift.ends_at,
    )


# --- fixtures the write rows need ------------------------------------------------------------


def other_session_of_beheerder(world: Any) -> Any:
    """A session of the beheerder in another browser."""
    from django.contrib.sessions.backends.db import SessionStore

    from koers.accounts.models import UserSession

    store = SessionStore()
    store.create()
    return UserSession.objects.create(session_id=store.session_key, user=world.users["beheerder"])


def api_key_of_beheerder(world: Any) -> Any:
    """An API key of the beheerder's."""
    from django.utils import timezone

    from koers.api.models import ApiToken
    from koers.api.tokens import new_key

    key = new_key()
    return ApiToken.objects.create(
        user=world.users["beheerder"],
        name="Dashboard",
        prefix=key.prefix,
        digest=key.digest,
        scopes=["plans"],
        expires_at=timezone.now() + dt.timedelta(days=30),
    )


def frozen_with_amendment(world: Any) -> Any:
    from koers.plans import services
    from koers.plans.models import AnnualPlanStatus

    world.annual_plan.status = AnnualPlanStatus.ADOPTED
    world.annual_plan.save()
    return services.amendment_propose(
        actor=world.users["directeur"],
        activity=world.activity,
        field="title",
        new_value="Nieuwe titel",
        reason="Helderder",
    )


def a_network_snapshot(world: Any) -> tuple[()]:
    """The own organisation's network of 2021, computed (the export reads a stored one)."""
    from koers.atlas.network.services import snapshot_store

    snapshot_store(holder_id=world.own.pk, year=2021)
    return ()


def a_realisation(world: Any, *, with_file: bool = False) -> Any:
    from koers.plans import services

    return services.realisation_record(
        actor=world.users["programmacoordinator"],
        indicator=world.indicator,
        date=dt.date(2021, 5, 1),
        value=Decimal(1),
        evidence_file=SimpleUploadedFile("verslag.pdf", b"%PDF-1.4\n%%EOF\n")
        if with_file
        else None,
    )


def a_tactical_goal(world: Any) -> Any:
    from koers.plans.models import TacticalGoal

    return TacticalGoal.objects.create(
        programme=world.programme, text="In 2025 is het doel bereikt.", target_year=2024
    )


def a_standing_task(world: Any) -> Any:
    from koers.plans.models import StandingTask

    return StandingTask.objects.create(
        programme=world.programme, title="Secretaris van het netwerk", role="Secretarisfunctie"
    )


def a_multi_year_result(world: Any) -> Any:
    from koers.plans.models import MultiYearResult

    return MultiYearResult.objects.create(
        programme=world.programme,
        start_year=2021,
        end_year=2022,
        title="Netwerk zelfstandig",
        activity_text="Het netwerk begeleiden",
        result_text="Het netwerk draait zelfstandig",
    )


def a_multi_year_target(world: Any) -> Any:
    from koers.plans.models import MultiYearTarget

    return MultiYearTarget.objects.create(
        programme=world.programme,
        title="Werkgevers bereikt",
        start_year=2021,
        end_year=2022,
        value=150,
    )


def a_partner(world: Any) -> Any:
    from koers.plans.models import ActivityPartner

    return ActivityPartner.objects.create(
        activity=world.activity, organisation=world.regio, role="partner"
    )


def a_milestone(world: Any) -> Any:
    from koers.plans.models import Milestone

    return Milestone.objects.create(
        plan=world.plan, title="Raad van Advies ingesteld", date=dt.date(2021, 3, 1)
    )


def under_advice(world: Any) -> Any:
    from koers.plans.models import AnnualPlanStatus

    world.annual_plan.status = AnnualPlanStatus.ADVICE
    world.annual_plan.save()
    return world.annual_plan


def a_regio_goal(world: Any) -> Any:
    """A goal of Regio+ that the province's programme serves."""
    from tests.plans.factories import GoalFactory

    root = GoalFactory(funder=world.regio, code="RP", title="Samen Regionaal Sterk")
    goal = GoalFactory(funder=world.regio, code="RP-2", title="Opleiden", parent=root)
    world.programme.goals.add(goal)
    return goal


def a_goal_served_by_regio(world: Any) -> Any:
    """The province's goal, which Regio+'s programme serves as well."""
    world.unfunded_programme.goals.add(world.goal)
    return world.goal


def a_person(world: Any) -> Any:
    from tests.directory.factories import PersonFactory

    return PersonFactory(holder=world.own)


def a_position(world: Any) -> tuple[int, int]:
    from koers.directory.models import Position

    person = a_person(world)
    position = Position.objects.create(person=person, organisation=world.province)
    return person.pk, position.pk


def a_submitted_week(world: Any) -> Any:
    import datetime as dt

    from koers.work.models import StaffProfile, Week

    staff = world.users["medewerker"]
    StaffProfile.objects.create(
        user=staff, organisation=world.own, coordinator=world.users["programmacoordinator"]
    )
    return Week.objects.create(
        user=staff, organisation=world.own, monday=dt.date(2021, 5, 3), status="submitted"
    )


def a_product(world: Any, *, with_document: bool = False) -> Any:
    from koers.work.models import Product

    return Product.objects.create(
        activity=world.activity,
        title="Verslag netwerkbijeenkomst",
        kind="report",
        link="https://example.org/verslag",
        document=SimpleUploadedFile("verslag.pdf", b"%PDF-1.4\n%%EOF\n") if with_document else "",
        registered_by=world.users["bedrijfsvoering"],
    )


def a_project(world: Any, *, programme: Any = None) -> Any:
    import datetime as dt

    from koers.work.models import Project

    return Project.objects.create(
        organisation=world.own,
        programme=programme or world.programme,
        title="Netwerk Urk",
        starts_on=dt.date(2021, 1, 1),
    )


def a_grant(world: Any, *, granted: bool = False, with_document: bool = False) -> Any:
    """A grant of the province to the own organisation for the world's programme."""
    import datetime as dt

    from koers.funding.models import Grant, GrantStatus
    from koers.funding.services._schedule_steps import schedule_make

    grant = Grant.objects.create(
        organisation=world.own,
        funder=world.province,
        kind="instellingssubsidie",
        title="Instellingssubsidie 2021",
        status=GrantStatus.GRANTED if granted else GrantStatus.SUBMITTED,
        amount_requested=Decimal("1000.00"),
        amount_granted=Decimal("1000.00") if granted else None,
        decided_on=dt.date(2020, 12, 15) if granted else None,
        reference="FLE-1" if granted else "",
        starts_on=dt.date(2021, 1, 1),
        ends_on=dt.date(2021, 12, 31),
        application_document=SimpleUploadedFile("aanvraag.pdf", b"%PDF-1.4\n%%EOF\n")
        if with_document
        else "",
    )
    grant.programmes.add(world.programme)
    if granted:
        schedule_make(None, grant, None)
    return grant


def an_advance(world: Any, *, invoiced: bool = False) -> Any:
    import datetime as dt

    advance = a_grant(world, granted=True).advances.order_by("number").first()
    if invoiced:
        advance.sent_on = dt.date(2021, 1, 4)
        advance.invoice_number = "2021-001"
        advance.save()
    return advance


def an_obligation(world: Any) -> Any:
    import datetime as dt

    return a_grant(world).obligations.create(text="Verantwoording", due_on=dt.date(2022, 5, 1))


def a_budget_table(world: Any) -> Any:
    from koers.funding.models import BudgetTable

    table, made = BudgetTable.objects.get_or_create(
        organisation=world.own,
        title="Transitieplan",
        defaults={"funder": world.province, "columns": ["2020"]},
    )
    if made:
        table.rows.create(label="Frictiekosten", cells=["92166"], stated_total=Decimal("92166"))
    return table


def a_risk(world: Any) -> Any:
    from koers.funding.models import Risk

    return Risk.objects.create(
        organisation=world.own, title="Ziekteverzuim", probability=40, impact=Decimal("60000")
    )


def a_reserve(world: Any) -> Any:
    from koers.funding.models import EarmarkedReserve

    reserve, _made = EarmarkedReserve.objects.get_or_create(
        organisation=world.own,
        name="Organisatierisico’s",
        defaults={"ceiling": Decimal("250000"), "opening_year": 2020},
    )
    return reserve


def an_event(world: Any) -> Any:
    import datetime as dt

    from koers.relations.models import Event

    return Event.objects.create(
        holder=world.own,
        programme=world.programme,
        title="Thema sport",
        theme="sport",
        date=dt.date(2021, 6, 10),
    )


def a_contact_request(world: Any) -> Any:
    """A resident's request from the public spinnenweb, for the own organisation's atlas."""
    import datetime as dt

    from koers.atlas.models import ContactRequest

    return ContactRequest.objects.create(
        holder=world.own,
        name="Bewoner",
        email="bewoner@example.org",
        consent_text="Ik ga akkoord.",
        language="nl",
        retained_until=timezone.localdate() + dt.timedelta(days=183),
    )


def a_participant(world: Any) -> Any:
    return an_event(world).participants.create(organisation=world.other_org)


def a_communication(world: Any) -> Any:
    import datetime as dt

    from koers.relations.models import CommunicationItem

    return CommunicationItem.objects.create(
        holder=world.own,
        programme=world.programme,
        date=dt.date(2021, 3, 1),
        channel="newsletter",
        title="Nieuwsbrief maart",
    )


def an_interaction(world: Any) -> Any:
    import datetime as dt

    from koers.relations.models import Interaction

    return Interaction.objects.create(
        holder=world.own,
        date=dt.date(2021, 5, 3),
        kind="gesprek",
        subject="Gesprek met de gemeente Urk",
        created_by=world.users["medewerker"],
    )


def an_action(world: Any) -> Any:
    import datetime as dt

    from koers.relations.models import Action

    return Action.objects.create(
        holder=world.own,
        interaction=an_interaction(world),
        title="Offerte sturen",
        owner=world.users["medewerker"],
        due_on=dt.date(2021, 5, 10),
        created_by=world.users["medewerker"],
    )


def a_network(world: Any) -> Any:
    import datetime as dt

    from koers.relations.models import Network

    return Network.objects.create(
        holder=world.own,
        name="Alles is Gezondheid",
        kind="national",
        role="deelnemer",
        programme=world.programme,
        joined_on=dt.date(2020, 1, 1),
    )


def a_member(world: Any) -> Any:
    import datetime as dt

    from koers.relations.models import EmployerMembership

    return EmployerMembership.objects.create(
        holder=world.own, organisation=world.other_org, started_on=dt.date(2019, 1, 1)
    )


def an_opportunity(world: Any, *, status: str = "kans") -> Any:
    import datetime as dt

    from koers.relations.opportunities import services as opportunity_services
    from tests.relations.factories import OpportunityFactory

    record = OpportunityFactory(
        holder=world.own,
        organisation=world.other_org,
        contact=a_person(world),  # a quote names her: its download is logged
        programme=world.programme,
        owner=world.users["medewerker"],
    )
    if status != "kans":
        record = opportunity_services.quote_send(
            actor=world.users["medewerker"], opportunity=record, on=dt.date(2021, 4, 15)
        )
    if status == "verloren":
        record = opportunity_services.opportunity_lose(
            actor=world.users["medewerker"],
            opportunity=record,
            reason="Te duur",
            on=dt.date(2021, 5, 1),
        )
    return record


def a_quote(world: Any) -> Any:
    return an_opportunity(world, status="offerte").current_quote


def a_report(
    world: Any, *, until: str = "prepared", kind: str = "progress", quarter: int | None = None
) -> Any:
    """A progress report of 2021 for the province, prepared by operations and taken as far
    as `until`: of `quarter`, or of Q3 — or, where this world holds one of Q3 already (a test
    that walks every row in one world), of the first quarter still free. There is one report
    per kind and period."""
    from koers.reports import services
    from koers.reports.models import Report

    if quarter is None:
        taken = set(
            Report.objects.filter(plan=world.plan, kind=kind, year=2021).values_list(
                "quarter", flat=True
            )
        )
        quarter = next((q for q in (3, 2, 1, 4) if q not in taken), 3)
    report = services.report_prepare(
        actor=world.users["bedrijfsvoering"],
        plan=world.plan,
        kind=kind,
        year=2021,
        quarter=quarter,
        last_year=2021,
    )
    for step in (services.report_review, services.report_sign, services.report_send):
        if report.status == until:
            break
        report = step(actor=world.users["directeur"], report=report)
    return report


def a_report_document(world: Any, *, until: str = "prepared") -> Any:
    """A document of the report, made (the worker's task run here)."""
    from koers.reports import services
    from koers.reports.tasks import make_document

    report = a_report(world, until=until)
    document = report.documents.first() or services.document_request(
        actor=world.users["directeur"], report=report, format="xlsx"
    )
    make_document.call(document.pk)
    return document


def a_failed_document(world: Any) -> Any:
    from koers.reports.models import JobStatus

    document = a_report_document(world)
    document.status = JobStatus.FAILED
    document.save(update_fields=["status"])
    return document


def reset_link(world: Any) -> tuple[str, str]:
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = world.users["medewerker"]
    return urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)


ROWS: list[Row] = [
    # --- public ---------------------------------------------------------------------------
    Row("health", "Gezondheidscontrole (load balancer)", public=True, expected=[200] * 10),
    # The installation administrator's (not a role of the matrix): tests/core/test_health.py.
    Row("health_details", "Gezondheidscontrole met cijfers", expected=[403] * 10),
    Row("accessibility", "Toegankelijkheidsverklaring", public=True, expected=[200] * 10),
    Row(
        "favicon", "Pictogram van de site (naar het SVG-bestand)", public=True, expected=[302] * 10
    ),
    Row(
        "set_language",
        "Taal kiezen",
        public=True,
        method="POST",
        data={"language": "en"},
        expected=[302] * 10,
    ),
    Row("accounts:login", "Inloggen", public=True, expected=[302] * 10),
    Row("accounts:password_reset", "Wachtwoord vergeten", public=True, expected=[200] * 10),
    Row(
        "accounts:password_reset_done",
        "Wachtwoord vergeten: verzonden",
        public=True,
        expected=[200] * 10,
    ),
    Row(
        "accounts:password_reset_confirm",
        "Nieuw wachtwoord kiezen (link uit de e-mail)",
        target=reset_link,
        public=True,
        expected=[302] * 10,
    ),
    Row(
        "accounts:password_reset_complete",
        "Nieuw wachtwoord opgeslagen",
        public=True,
        expected=[200] * 10,
    ),
    # --- one's own account ----------------------------------------------------------------
    Row("accounts:password_change", "Eigen wachtwoord wijzigen", expected=[200] * 10),
    Row("accounts:logout", "Uitloggen", method="POST", expected=[302] * 10),
    Row(
        "accounts:account",
        "Eigen account (wachtwoord, tweestapsverificatie, sessies)",
        expected=[200] * 10,
    ),
    Row(
        "accounts:reauthenticate",
        "Bevestigen dat zij het is (voor wachtwoord, tweede factor, rollen)",
        expected=[200] * 10,
    ),
    Row("accounts:two_factor", "Eigen tweestapsverificatie", expected=[200] * 10),
    Row(
        "accounts:two_factor_setup",
        "Tweestapsverificatie instellen of app vervangen",
        expected=[200] * 10,
    ),
    Row(
        "accounts:two_factor_verify",
        "Tweede stap van het inloggen (al gedaan: door naar de pagina)",
        expected=[302] * 10,
    ),
    Row(
        "accounts:two_factor_remove",
        "Tweestapsverificatie uitzetten (geweigerd met melding als haar rol die vereist)",
        method="POST",
        expected=[302] * 10,
    ),
    Row(
        "accounts:recovery_codes_regenerate",
        "Nieuwe herstelcodes maken (eenmalig getoond)",
        method="POST",
        expected=[200] * 10,
    ),
    Row("accounts:sessions", "Mijn sessies", expected=[200] * 10),
    Row(
        "accounts:session_end",
        "Een sessie beëindigen (van de beheerder; van een ander: 404)",
        target=other_session_of_beheerder,
        method="POST",
        expected=[302] + [404] * 9,
    ),
    Row(
        "accounts:sessions_end_others",
        "Alle andere eigen sessies beëindigen",
        method="POST",
        expected=[302] * 10,
    ),
    # The API's description and its root are public; its operations answer keys, not
    # sessions, and have their own matrix (tests/api/matrix.py).
    Row("api:api-root", "API: verwijzing naar de beschrijving", public=True, expected=[200] * 12),
    Row("api:openapi-json", "API: beschrijving (OpenAPI 3)", public=True, expected=[200] * 12),
    # Open data (koers.api.open_data): public once an installation opts in
    # (KOERS_OPEN_DATA, off here); its administrator chooses the programmes published.
    Row(
        "open_data:index",
        "Open data (alleen met KOERS_OPEN_DATA)",
        public=True,
        expected=[404] * 12,
    ),
    Row("open_data:csv", "Open data als CSV", public=True, expected=[404] * 12),
    Row("open_data:json", "Open data als JSON", public=True, expected=[404] * 12),
    Row(
        "open_data:choose",
        "Kiezen welke programma's van de eigen organisatie als open data verschijnen",
        expected=[200] + [403] * 11,
    ),
    Row(
        "open_data:choose",
        "Open data kiezen: een programma dat niet wordt aangeboden, wordt niet aangenomen",
        method="POST",
        data={"programmes": "999999"},
        expected=[400] + [403] * 11,
    ),
    # Her own API keys (koers.api): whoever reads something the API offers makes one; she
    # lists and revokes hers whatever roles she holds now.
    Row(
        "api_tokens:list",
        "Eigen API-sleutels (zien en intrekken, ook zonder rol)",
        expected=[200] * 12,
    ),
    Row("api_tokens:create", "Een API-sleutel maken", expected=[200] * 9 + [403] * 3),
    Row(
        "api_tokens:revoke",
        "Een API-sleutel intrekken (van de beheerder; van een ander: 404)",
        target=api_key_of_beheerder,
        method="POST",
        expected=[302] + [404] * 11,
    ),
    # --- reading the results chain --------------------------------------------------------
    Row("plans:dashboard", "Dashboard"),
    Row("plans:goals", "Doelen van opdrachtgevers"),
    # The funder's portfolio (issue 22): the officials of a funder only, each her own.
    Row(
        "portfolio:overview",
        "Portefeuille van de opdrachtgever: partners, doelen, gaten, wijzigingen",
        expected=FUNDER_ONLY,
    ),
    Row(
        "portfolio:export",
        "Portefeuille van de opdrachtgever (Excel)",
        expected=FUNDER_ONLY,
    ),
    # Bringing an organisation into Koers (issue 22): the installation administrator's, whom
    # no column here is (tests/plans/test_onboarding_page.py has her).
    Row(
        "plans:onboard",
        "Een organisatie in Koers opnemen: organisatie, eerste beheerder, meerjarenplan",
        expected=[403] * 10,
    ),
    Row(
        "portfolio:goal",
        "Portefeuille onder één doel: de activiteiten van elke partner, met status en indicatoren",
        target=lambda w: w.goal,
        # The goal is the province's: the official of another funder does not find it there.
        expected=[403, 403, 403, 403, 403, 403, 200, 404, 403, 403],
    ),
    Row(
        "portfolio:overview",
        "Portefeuille van een opdrachtgever waarvoor zij niet werkt (404)",
        query_of=lambda w: f"?opdrachtgever={w.regio.pk}",
        expected=[403, 403, 403, 403, 403, 403, 404, 200, 403, 403],
    ),
    Row(
        "plans:goal",
        "Doel en wat eraan bijdraagt",
        target=lambda w: w.goal,
        expected=[200, 200, 200, 200, 200, 200, 200, 404, 404, 403],
    ),
    # A funder sees her own organisation's goal trees, never another funder's, not even
    # where a programme she funds serves it too; staff see every tree their programmes serve.
    Row(
        "plans:goal",
        "Doel van de provincie, waaraan ook het programma van Regio+ bijdraagt",
        target=a_goal_served_by_regio,
        expected=[200, 200, 200, 200, 200, 200, 200, 404, 404, 403],
    ),
    Row(
        "plans:goal",
        "Doel van Regio+, waaraan een programma van de provincie bijdraagt",
        target=a_regio_goal,
        expected=[200, 200, 200, 200, 200, 200, 404, 200, 404, 403],
    ),
    Row("plans:annual_plans", "Jaarplannen"),
    Row(
        "plans:annual_plan",
        "Jaarplan",
        target=lambda w: w.annual_plan,
        expected=[200, 200, 200, 200, 200, 200, 200, 200, 404, 403],
    ),
    Row(
        "plans:programme",
        "Programma (gefinancierd door de provincie)",
        target=lambda w: w.programme,
        expected=[200, 200, 200, 200, 200, 200, 200, 404, 404, 403],
    ),
    Row(
        "plans:programme",
        "Programma (gefinancierd door een ander)",
        target=lambda w: w.unfunded_programme,
        expected=[200, 200, 200, 200, 200, 200, 404, 200, 404, 403],
    ),
    Row(
        "plans:programme",
        "Programma van een andere organisatie",
        target=lambda w: w.other_programme,
        # Its own director and its funder see it; to everyone of the world's organisation,
        # and to the care contact, it does not exist.
        expected=[404, 404, 404, 404, 404, 404, 200, 404, 200, 403, 404, 404],
    ),
    Row(
        "plans:activity",
        "Activiteit",
        target=lambda w: w.activity,
        expected=[200, 200, 200, 200, 200, 200, 200, 404, 404, 403],
    ),
    Row(
        "plans:activity_comment",
        "Vraag of opmerking bij een activiteit plaatsen (opdrachtgever van het programma; "
        "coördinator en directeur antwoorden)",
        target=lambda w: w.activity,
        method="POST",
        data={"text": "Hoe staat het ervoor?"},
        expected=[403, 302, 403, 302, 403, 403, 302, 404, 404, 403],
    ),
    Row(
        "plans:realisation_evidence",
        "Bewijsstuk downloaden",
        target=lambda w: a_realisation(w, with_file=True),
        expected=[200, 200, 200, 200, 200, 200, 200, 404, 404, 403],
    ),
    # --- drafting and editing the plan ------------------------------------------------------
    Row(
        "plans:activity_edit",
        "Activiteit bewerken",
        target=lambda w: w.activity,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:activity_decision",
        "Go/no-go vastleggen",
        target=lambda w: w.activity,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:target_edit",
        "Streefwaarde instellen",
        target=lambda w: w.indicator,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:indicator_measurement",
        "Meting van een indicator instellen",
        target=lambda w: w.indicator,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:activity_create",
        "Activiteit toevoegen (eigen programma)",
        target=lambda w: w.programme,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:activity_create",
        "Activiteit toevoegen (programma van een collega)",
        target=lambda w: w.unfunded_programme,
        expected=[403, 200, 403, 403, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "plans:indicator_create",
        "Indicator toevoegen",
        target=lambda w: w.activity,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:activity_carry_over",
        "Activiteit overnemen naar volgend jaar",
        target=lambda w: w.activity,
        method="POST",
        expected=[403, 302, 403, 302, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "plans:programme_progress",
        "Voortgang van een kwartaal schrijven (eigen programma)",
        target=lambda w: (w.programme.pk, 2021, 2),
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:programme_progress",
        "Voortgang van een kwartaal schrijven (programma van een collega)",
        target=lambda w: (w.unfunded_programme.pk, 2021, 2),
        expected=[403, 200, 403, 403, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "plans:amendment_create",
        "Wijzigingsvoorstel indienen",
        target=lambda w: w.activity,
        expected=EDITORS_OF_PROGRAMME,
    ),
    # --- what surrounds the activities: tactical goals, standing tasks, partners ---------
    Row(
        "plans:tactical_goal_create",
        "Tactisch doel toevoegen",
        target=lambda w: w.programme,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:tactical_goal_create",
        "Tactisch doel toevoegen (opslaan)",
        target=lambda w: w.programme,
        method="POST",
        data={"text": "In 2024 is het netwerk zelfstandig.", "target_year": "2024", "version": "0"},
        expected=[403, 302, 403, 302, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "plans:tactical_goal_edit",
        "Tactisch doel bewerken",
        target=a_tactical_goal,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:standing_task_create",
        "Doorlopende taak toevoegen",
        target=lambda w: w.programme,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:standing_task_edit",
        "Doorlopende taak bewerken",
        target=a_standing_task,
        expected=EDITORS_OF_PROGRAMME,
    ),
    # --- the multi-year plan: results and targets over a period of the plan's years -----
    Row(
        "plans:multi_year_result_create",
        "Meerjarig resultaat toevoegen",
        target=lambda w: w.programme,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:multi_year_result_create",
        "Meerjarig resultaat toevoegen (opslaan)",
        target=lambda w: w.programme,
        method="POST",
        data={
            "start_year": "2021",
            "end_year": "2022",
            "title": "Netwerk zelfstandig",
            "activity_text": "Het netwerk begeleiden",
            "result_text": "Het netwerk draait zelfstandig",
        },
        expected=[403, 302, 403, 302, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "plans:multi_year_result_edit",
        "Meerjarig resultaat bewerken",
        target=a_multi_year_result,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:multi_year_target_create",
        "Meerjarig doel toevoegen",
        target=lambda w: w.programme,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:multi_year_target_create",
        "Meerjarig doel toevoegen (opslaan)",
        target=lambda w: w.programme,
        method="POST",
        data={"title": "Werkgevers bereikt", "start_year": "2021", "end_year": "2022"}
        | {"value": "150"},
        expected=[403, 302, 403, 302, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "plans:multi_year_target_edit",
        "Meerjarig doel bewerken",
        target=a_multi_year_target,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:partner_create",
        "Partner van een activiteit toevoegen",
        target=lambda w: w.activity,
        expected=EDITORS_OF_PROGRAMME,
    ),
    Row(
        "plans:partner_remove",
        "Partner van een activiteit verwijderen",
        target=a_partner,
        method="POST",
        expected=[403, 302, 403, 302, 403, 403, 403, 403, 404, 403],
    ),
    # Milestones belong to the whole plan: who takes the annual plan through its steps.
    Row(
        "plans:milestone_create",
        "Mijlpaal van het meerjarenplan toevoegen",
        target=lambda w: w.annual_plan,
        expected=[403, 200, 403, 403, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "plans:milestone_edit",
        "Mijlpaal van het meerjarenplan bewerken",
        target=a_milestone,
        expected=[403, 200, 403, 403, 403, 403, 403, 403, 404, 403],
    ),
    # --- recording results ----------------------------------------------------------------
    Row(
        "plans:realisation_create",
        "Realisatie vastleggen",
        target=lambda w: w.indicator,
        method="POST",
        data={"date": "2021-05-02", "value": "1"},
        expected=[403, 302, 302, 302, 302, 403, 403, 403, 404, 403],
    ),
    Row(
        "plans:realisation_delete",
        "Realisatie verwijderen (vastgelegd door de coördinator): eerst de vraag",
        target=a_realisation,
        method="POST",
        expected=[403, 200, 403, 200, 403, 403, 403, 403, 404, 403],
    ),
    # --- the annual plan cycle ------------------------------------------------------------
    Row(
        "plans:annual_plan_transition",
        "Jaarplan naar de volgende stap (concept → ter advies)",
        target=lambda w: w.annual_plan,
        method="POST",
        data={"to_status": "ter_advies"},
        expected=[403, 302, 403, 403, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "plans:annual_plan_roll_over",
        "Jaarplan van volgend jaar opstellen uit het meerjarenplan: eerst wat er verandert",
        target=lambda w: w.annual_plan,
        expected=[403, 200, 403, 403, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "plans:annual_plan_roll_over",
        "Jaarplan van volgend jaar opstellen uit het meerjarenplan: de eerste POST vraagt eerst",
        target=lambda w: w.annual_plan,
        method="POST",
        expected=[403, 200, 403, 403, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "plans:advisory_comment",
        "Advies geven (jaarplan ter advies)",
        target=under_advice,
        method="POST",
        data={"text": "Advies"},
        expected=[403, 403, 403, 403, 403, 302, 403, 403, 403, 403],
    ),
    Row(
        "plans:amendment_decide",
        "Over een wijzigingsvoorstel beslissen",
        target=frozen_with_amendment,
        method="POST",
        data={"approve": "1"},
        expected=[403, 403, 403, 403, 403, 403, 302, 404, 403, 403],
    ),
    # --- persons (relations) and privacy ----------------------------------------------------
    Row("directory:persons", "Personen zoeken en bekijken (lijst)", expected=PERSON_VIEWERS),
    Row("directory:person", "Een persoon bekijken", target=a_person, expected=PERSON_OWN),
    Row("directory:person_add", "Een persoon toevoegen", expected=PERSON_VIEWERS),
    Row(
        "directory:person_search",
        "Personen zoeken voor een keuzeveld (htmx-fragment, hoogstens 20)",
        expected=PERSON_VIEWERS,
    ),
    Row("directory:person_import", "Personen importeren", expected=PERSON_VIEWERS),
    Row(
        "directory:person_import_failing",
        "Personen importeren: overgeslagen regels (CSV)",
        target=lambda w: ("0" * 32 + ".csv",),
        expected=[404, 404, 404, 404, 404, 403, 403, 403, 404, 403],
    ),
    Row("directory:person_edit", "Een persoon wijzigen", target=a_person, expected=PERSON_OWN),
    Row(
        "directory:person_merge",
        "Een dubbele persoon samenvoegen (kiezen en vergelijken)",
        target=a_person,
        expected=PERSON_OWN,
    ),
    Row(
        "directory:position_add",
        "Functie toevoegen",
        target=a_person,
        method="POST",
        expected=FORM_REFUSED_ON_PAGE,
    ),
    Row(
        "directory:position_remove",
        "Functie verwijderen",
        target=a_position,
        method="POST",
        expected=[302, 302, 302, 302, 302, 403, 403, 403, 404, 403],
    ),
    Row(
        "directory:person_export",
        "Alle gegevens van een persoon exporteren (inzageverzoek): de vraag naar de reden",
        target=a_person,
        expected=PRIVACY_OFFICERS,
    ),
    Row(
        "directory:person_export",
        "Alle gegevens van een persoon exporteren (inzageverzoek): de download, met reden",
        target=a_person,
        method="POST",
        data={"reason": "Inzageverzoek"},
        expected=PRIVACY_OFFICERS,
    ),
    Row(
        "directory:person_erase",
        "Een persoon wissen (verzoek of bewaartermijn)",
        target=a_person,
        expected=PRIVACY_OFFICERS,
    ),
    Row("privacy:register", "Verwerkingsregister", expected=[200] * 10),
    Row("privacy:audit_log", "Logboek van wijzigingen", expected=PRIVACY_OFFICERS),
    Row(
        "privacy:retention",
        "Bewaartermijn van personen van de eigen organisatie",
        expected=PRIVACY_OFFICERS,
    ),
    Row(
        "privacy:retention",
        "Bewaartermijn instellen: een organisatie die de hare niet is, wordt niet aangenomen",
        method="POST",
        data={"organisation": "999999", "years": "4"},
        expected=[400, 403, 403, 403, 403, 403, 403, 403, 403, 403],
    ),
    Row("privacy:access_log", "Logboek van inzage in persoonsgegevens", expected=PRIVACY_OFFICERS),
    Row(
        "privacy:access_log",
        "Logboek van inzage in persoonsgegevens downloaden (Excel, met reden)",
        method="POST",
        data={"reason": "Onderzoek"},
        expected=PRIVACY_OFFICERS,
    ),
    Row(
        "privacy:person_access",
        "Inzagegeschiedenis van een persoon: de vraag naar de reden",
        target=a_person,
        expected=PRIVACY_OFFICERS,
    ),
    Row(
        "privacy:person_access",
        "Inzagegeschiedenis van een persoon downloaden (Excel, met reden)",
        target=a_person,
        method="POST",
        data={"reason": "Inzageverzoek"},
        expected=PRIVACY_OFFICERS,
    ),
    # --- hours (work) -------------------------------------------------------------------------
    Row(
        "work:week_today",
        "Uren: naar de week van vandaag",
        expected=[403, 302, 302, 302, 302, 403, 403, 403, 302, 403],
    ),
    Row(
        "work:week",
        "Uren: eigen weekstaat",
        target=lambda w: ("2021-05-03",),
        expected=[403, 200, 200, 200, 200, 403, 403, 403, 200, 403],
    ),
    Row(
        "work:approvals",
        "Uren: weken goedkeuren (lijst)",
        expected=[403, 200, 200, 200, 403, 403, 403, 403, 200, 403],
    ),
    Row(
        "work:decide",
        "Uren: een week goedkeuren of teruggeven",
        target=a_submitted_week,
        method="POST",
        data={"decision": "approve"},
        expected=[403, 302, 302, 302, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "work:capacity",
        "Uren: capaciteit en directe uren",
        expected=[403, 200, 200, 200, 403, 403, 403, 403, 200, 403],
    ),
    Row(
        "work:person",
        "Uren: het jaar van één medewerker (zijzelf en haar coördinator)",
        target=lambda w: a_submitted_week(w).user,
        expected=[403, 404, 404, 200, 200, 403, 403, 403, 404, 403],
    ),
    Row(
        "work:import",
        "Uren importeren (met proefrun)",
        expected=[403, 403, 200, 403, 403, 403, 403, 403, 403, 403],
    ),
    Row(
        "work:import_failing",
        "Uren importeren: overgeslagen regels (CSV)",
        target=lambda w: ("0" * 32 + ".csv",),
        expected=[403, 403, 404, 403, 403, 403, 403, 403, 403, 403],
    ),
    Row(
        "work:export",
        "Uren van een jaar (Excel)",
        expected=[403, 200, 200, 200, 403, 403, 403, 403, 200, 403],
    ),
    Row(
        "work:products",
        "Producten van een activiteit",
        target=lambda w: w.activity,
        expected=[200, 200, 200, 200, 200, 200, 200, 404, 404, 403],
    ),
    Row(
        "work:product_review",
        "Product goedkeuren (tweede persoon)",
        target=a_product,
        method="POST",
        data={"decision": "approve"},
        # Operations registered it: her own review is refused on the page (400).
        expected=[403, 302, 400, 302, 302, 403, 403, 403, 404, 403],
    ),
    Row(
        "work:product_document",
        "Document van een product downloaden",
        target=lambda w: a_product(w, with_document=True),
        expected=[200, 200, 200, 200, 200, 200, 200, 404, 404, 403],
    ),
    Row(
        "work:projects",
        "Projecten (lijst)",
        expected=[403, 200, 200, 200, 403, 403, 403, 403, 200, 403],
    ),
    Row(
        "work:project_add",
        "Project toevoegen",
        expected=[403, 200, 200, 200, 403, 403, 403, 403, 200, 403],
    ),
    Row(
        "work:project_edit",
        "Project wijzigen",
        target=a_project,
        expected=[403, 200, 200, 200, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "work:project_edit",
        "Project wijzigen (programma van een collega)",
        target=lambda w: a_project(w, programme=w.unfunded_programme),
        expected=[403, 200, 200, 403, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "work:corrections",
        "Uren corrigeren (afgesloten maand)",
        expected=[403, 200, 200, 200, 200, 403, 403, 403, 200, 403],
    ),
    Row(
        "work:months",
        "Uren: maanden afsluiten",
        expected=[403, 403, 200, 403, 403, 403, 403, 403, 403, 403],
    ),
    Row(
        "work:month_close",
        "Uren: een maand afsluiten: eerst de vraag",
        method="POST",
        data={"month": "2021-03-01"},
        expected=[403, 403, 200, 403, 403, 403, 403, 403, 403, 403],
    ),
    # --- money (funding) -----------------------------------------------------------------------
    Row("funding:grants", "Subsidies: de pijplijn", expected=MONEY_VIEWERS),
    Row(
        "funding:grant",
        "Subsidie: stappen, verplichtingen, indicatoren, voorschotten",
        target=a_grant,
        expected=MONEY_OWN,
    ),
    Row("funding:grant_add", "Subsidie toevoegen", expected=MONEY_MANAGERS),
    Row("funding:grant_edit", "Subsidie wijzigen", target=a_grant, expected=MONEY_MANAGERS_OWN),
    Row(
        "funding:grant_move",
        "Subsidie een stap verder (of terug, met reden)",
        target=a_grant,
        method="POST",
        data={"to": "rejected", "on": "2021-01-01"},
        expected=[403, 302, 302, 403, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "funding:obligation_add",
        "Verplichting toevoegen",
        target=a_grant,
        method="POST",
        data={"text": "Verantwoording", "due_on": "2022-05-01"},
        expected=MONEY_WRITERS,
    ),
    Row(
        "funding:obligation_done",
        "Verplichting afvinken",
        target=an_obligation,
        method="POST",
        expected=MONEY_WRITERS,
    ),
    Row(
        "funding:grant_indicator",
        "Prestatie-indicator met afgesproken streefwaarde vastleggen",
        target=a_grant,
        method="POST",
        data={"indicator": "0", "year": "2021", "agreed_target": "7"},
        expected=MONEY_REFUSED_ON_PAGE,
    ),
    Row(
        "funding:advances_remake",
        "Voorschotten opnieuw plannen: eerst de vraag",
        target=lambda w: a_grant(w, granted=True),
        method="POST",
        expected=MONEY_ASKS,
    ),
    Row(
        "funding:grant_document",
        "Aanvraag of beschikking downloaden",
        target=lambda w: (a_grant(w, with_document=True).pk, "aanvraag"),
        expected=MONEY_OWN,
    ),
    Row(
        "funding:advances",
        "Voorschotten: te factureren, openstaand, betaald",
        expected=MONEY_VIEWERS,
    ),
    Row(
        "funding:advance_update",
        "Voorschot verzonden of betaald",
        target=an_advance,
        method="POST",
        data={"sent_on": "2021-01-04"},
        expected=MONEY_WRITERS,
    ),
    Row(
        "funding:advance_invoice",
        "Factuur van een voorschot (PDF)",
        target=lambda w: an_advance(w, invoiced=True),
        expected=MONEY_OWN,
    ),
    Row("funding:budget", "Programmabegroting en realisatie", expected=MONEY_VIEWERS),
    Row("funding:budget_line_add", "Begrotingsregel toevoegen", expected=MONEY_MANAGERS),
    Row("funding:expense_add", "Uitgave vastleggen", expected=MONEY_MANAGERS),
    Row(
        "funding:budget_import",
        "Begroting importeren (regels of een tabel, met proefrun)",
        expected=MONEY_MANAGERS,
    ),
    Row(
        "funding:budget_import_failing",
        "Begroting importeren: overgeslagen regels (CSV)",
        target=lambda w: ("0" * 32 + ".csv",),
        expected=[403, 404, 404, 403, 403, 403, 403, 403, 404, 403],
    ),
    Row("funding:budget_tables", "Begrotingstabellen met controle", expected=MONEY_VIEWERS),
    Row("funding:budget_table", "Begrotingstabel", target=a_budget_table, expected=MONEY_OWN),
    Row(
        "funding:position",
        "Financiële positie (resultaat, reserves, solvabiliteit)",
        expected=[403, 200, 200, 200, 403, 200, 403, 403, 200, 403],
    ),
    Row(
        "funding:position_edit",
        "Financiële positie van een jaar wijzigen",
        target=lambda w: (2021,),
        expected=MONEY_MANAGERS,
    ),
    Row(
        "funding:risks",
        "Risico's en reserves (register, bestemmingsreserves, dekking)",
        expected=[403, 200, 200, 200, 403, 200, 403, 403, 200, 403],
    ),
    Row(
        "funding:risk",
        "Risico (kans, impact, scenario, maatregelen)",
        target=a_risk,
        expected=[403, 200, 200, 200, 403, 200, 403, 403, 404, 403],
    ),
    Row("funding:risk_add", "Risico toevoegen", expected=MONEY_MANAGERS),
    Row("funding:risk_edit", "Risico wijzigen", target=a_risk, expected=MONEY_MANAGERS_OWN),
    Row("funding:reserve_add", "Bestemmingsreserve toevoegen", expected=MONEY_MANAGERS),
    Row(
        "funding:reserve_edit",
        "Bestemmingsreserve wijzigen (plafond, stand, geplande toevoegingen)",
        target=a_reserve,
        expected=MONEY_MANAGERS_OWN,
    ),
    Row(
        "funding:export",
        "Subsidies, voorschotten, begroting en tabellen (Excel)",
        target=lambda w: ("subsidies",),
        expected=MONEY_VIEWERS,
    ),
    # --- events and communication items (relations) ----------------------------------------
    Row("relations:events", "Bijeenkomsten van een jaar", expected=ALL_VIEWERS),
    Row(
        "relations:event",
        "Bijeenkomst (namen van deelnemers alleen voor de eigen organisatie)",
        target=an_event,
        expected=[200, 200, 200, 200, 200, 200, 200, 404, 404, 403],
    ),
    Row("relations:event_add", "Bijeenkomst toevoegen", expected=RECORDERS),
    Row("relations:event_edit", "Bijeenkomst wijzigen", target=an_event, expected=RECORDERS_OWN),
    Row(
        "relations:event_delete",
        "Bijeenkomst verwijderen: eerst de vraag",
        target=an_event,
        method="POST",
        expected=RECORD_ASKS,
    ),
    Row(
        "relations:attendance_list",
        "Presentielijst van een bijeenkomst (afdrukken)",
        target=an_event,
        expected=PERSON_OWN,
    ),
    Row(
        "relations:participant_add",
        "Deelnemer aanmelden",
        target=an_event,
        method="POST",
        expected=RECORD_REFUSED_ON_PAGE,
    ),
    Row(
        "relations:participant_attendance",
        "Aanwezigheid van een deelnemer vastleggen",
        target=a_participant,
        method="POST",
        data={"attended": "yes"},
        expected=RECORD_WRITES,
    ),
    Row(
        "relations:participant_remove",
        "Deelnemer afmelden",
        target=a_participant,
        method="POST",
        expected=RECORD_WRITES,
    ),
    Row("relations:events_export", "Bijeenkomsten van een jaar (Excel)", expected=ALL_VIEWERS),
    Row("relations:communications", "Communicatie-uitingen", expected=ALL_VIEWERS),
    Row(
        "relations:communication_remove",
        "Communicatie-uiting verwijderen",
        target=a_communication,
        method="POST",
        expected=RECORD_WRITES,
    ),
    # --- contacts and follow-up actions (relations) -----------------------------------------
    Row(
        "relations:contacts",
        "Contacten (gesprekken, telefoon, e-mail, overleg)",
        expected=PERSON_VIEWERS,
    ),
    Row(
        "relations:contact", "Contact met opvolgacties", target=an_interaction, expected=PERSON_OWN
    ),
    Row("relations:contact_add", "Contact vastleggen", expected=PERSON_VIEWERS),
    Row("relations:contact_edit", "Contact wijzigen", target=an_interaction, expected=PERSON_OWN),
    Row(
        "relations:action_add",
        "Opvolgactie toevoegen",
        target=an_interaction,
        method="POST",
        expected=FORM_REFUSED_ON_PAGE,
    ),
    Row(
        "relations:action_finish",
        "Opvolgactie afronden",
        target=an_action,
        method="POST",
        expected=[302, 302, 302, 302, 302, 403, 403, 403, 404, 403],
    ),
    Row("relations:my_actions", "Mijn acties", expected=PERSON_VIEWERS),
    Row(
        "relations:calendar_renew",
        "Eigen agenda-adres maken of vernieuwen",
        method="POST",
        expected=[302] * 10,
    ),
    Row(
        "relations:calendar",
        "Agenda (iCalendar) via een geheim adres",
        target=lambda w: ("onbekend",),
        expected=[404] * 10,
        public=True,
    ),
    # --- the directory of organisations (relations) -----------------------------------------
    Row("directory:organisations", "Organisaties (zoeken en filteren)", expected=ALL_VIEWERS),
    Row(
        "directory:organisation",
        "Organisatie (met personen en contacten voor wie die mag zien)",
        target=lambda w: w.regio,
        expected=ALL_VIEWERS,
    ),
    Row("directory:organisation_add", "Organisatie toevoegen", expected=PERSON_VIEWERS),
    Row(
        "directory:organisation_search",
        "Organisaties zoeken voor een keuzeveld (htmx-fragment, hoogstens 20)",
        expected=ALL_VIEWERS,
    ),
    Row(
        "directory:municipality_search",
        "Gemeenten zoeken voor een keuzeveld (htmx-fragment, hoogstens 20; referentiegegevens)",
        expected=[200] * 12,
    ),
    Row(
        "directory:organisation_import",
        "Organisaties importeren (met proefrun)",
        expected=PERSON_VIEWERS,
    ),
    Row(
        "directory:organisation_import_failing",
        "Organisaties importeren: overgeslagen regels (CSV)",
        target=lambda w: ("0" * 32 + ".csv",),
        expected=[404, 404, 404, 404, 404, 403, 403, 403, 404, 403],
    ),
    Row(
        "directory:organisation_edit",
        "Organisatie wijzigen die niet zelf in Koers werkt (gedeeld adresboek)",
        target=lambda w: OrganisationFactory(name="Buurtvereniging De Wei"),
        expected=PERSON_VIEWERS,
    ),
    Row(
        "directory:organisation_edit",
        "Organisatie wijzigen die zelf in Koers werkt (alleen haar eigen beheerder; reden)",
        target=lambda w: w.regio,
        expected=[403] * 10,
    ),
    Row(
        "directory:organisation_merge",
        "Dubbele organisatie samenvoegen (alleen de installatiebeheerder; reden)",
        target=lambda w: w.regio,
        expected=[403] * 10,
    ),
    # --- the atlas: initiatives, collaborations, the contact's link, derived ties ---------
    Row(
        "atlas:initiative",
        "Initiatief (contactpersoon alleen voor wie personen ziet)",
        target=an_initiative,
        expected=ATLAS_OWN,
    ),
    Row("atlas:initiative_add", "Initiatief toevoegen", expected=ATLAS_EDITORS),
    Row(
        "atlas:initiative_edit",
        "Initiatief wijzigen",
        target=an_initiative,
        expected=ATLAS_EDITORS_OWN,
    ),
    Row(
        "atlas:initiative_confirm",
        "Initiatief nu bevestigen",
        target=an_initiative,
        method="POST",
        expected=ATLAS_WRITES,
    ),
    Row(
        "atlas:initiative_link",
        "Persoonlijke bevestigingslink voor de contactpersoon maken (en mailen)",
        target=an_initiative,
        method="POST",
        expected=ATLAS_WRITES,
    ),
    Row(
        "atlas:initiative_search",
        "Initiatieven zoeken voor een keuzeveld (htmx-fragment, hoogstens 20)",
        expected=ATLAS_VIEWERS,
    ),
    Row(
        "atlas:confirmation",
        "Initiatief bevestigen of wijzigen via de persoonlijke link (zonder account)",
        target=lambda w: ("onbekend",),
        expected=[404] * 10,
        public=True,
    ),
    Row("atlas:reviews", "Wijzigingsvoorstellen van contactpersonen", expected=ATLAS_EDITORS),
    Row(
        "atlas:review_decide",
        "Wijzigingsvoorstel overnemen of afwijzen",
        target=a_proposed_change,
        method="POST",
        data={"decision": "accept"},
        expected=ATLAS_WRITES,
    ),
    Row("atlas:collaborations", "Samenwerkingen (filteren, bladeren)", expected=ATLAS_VIEWERS),
    Row(
        "atlas:collaborations_export",
        "Samenwerkingen als Excel of CSV (zonder personen)",
        expected=ATLAS_VIEWERS,
    ),
    Row(
        "atlas:collaborations_geojson",
        "Samenwerkingen als GeoJSON-lijnen (zonder personen)",
        expected=ATLAS_VIEWERS,
    ),
    Row("atlas:collaboration", "Samenwerking", target=a_collaboration, expected=ATLAS_OWN),
    Row("atlas:collaboration_add", "Samenwerking toevoegen", expected=ATLAS_EDITORS),
    Row(
        "atlas:collaboration_edit",
        "Samenwerking wijzigen",
        target=a_collaboration,
        expected=ATLAS_EDITORS_OWN,
    ),
    Row(
        "atlas:tie_proposals",
        "Afgeleide banden (uit bijeenkomsten en netwerken)",
        expected=ATLAS_EDITORS,
    ),
    Row(
        "atlas:tie_proposal_accept",
        "Afgeleide band overnemen",
        method="POST",
        expected=ATLAS_EDITOR_POSTS,
    ),
    Row(
        "atlas:tie_proposal_dismiss",
        "Afgeleide band verbergen",
        method="POST",
        expected=ATLAS_EDITOR_POSTS,
    ),
    # --- networks (relations) -------------------------------------------------------------
    Row("relations:networks", "Netwerken met de weging van dit jaar", expected=PERSON_VIEWERS),
    Row(
        "relations:network",
        "Netwerk met vergaderingen en wegingen",
        target=a_network,
        expected=PERSON_OWN,
    ),
    Row("relations:network_add", "Netwerk toevoegen", expected=PERSON_VIEWERS),
    Row("relations:network_edit", "Netwerk wijzigen", target=a_network, expected=PERSON_OWN),
    Row(
        "relations:network_review",
        "Netwerk wegen (waarde, blijven of vertrekken, waarom)",
        target=a_network,
        method="POST",
        data={"year": "2021", "value": "high", "keep": "1", "reason": "Waardevol"},
        expected=[403, 302, 403, 302, 403, 403, 403, 403, 404, 403],
    ),
    # --- opportunities and quotes (relations) ---------------------------------------------
    Row("relations:opportunities", "Kansen en offertes (pijplijn)", expected=PERSON_VIEWERS),
    Row(
        "relations:opportunity",
        "Kans of offerte met haar geschiedenis",
        target=an_opportunity,
        expected=PERSON_OWN,
    ),
    Row("relations:opportunity_add", "Kans toevoegen", expected=PERSON_VIEWERS),
    Row("relations:opportunity_edit", "Kans wijzigen", target=an_opportunity, expected=PERSON_OWN),
    Row(
        "relations:quote_preview",
        "Offerte als voorbeeld (Word), met de cijfers van nu",
        target=an_opportunity,
        expected=PERSON_OWN,
    ),
    Row(
        "relations:quote_document",
        "Offerte zoals verstuurd (Word)",
        target=a_quote,
        expected=PERSON_OWN,
    ),
    Row(
        "relations:quote_send",
        "Offerte versturen (nummer en document): eerst de vraag",
        target=an_opportunity,
        method="POST",
        data={"send-on": "2021-04-15"},
        expected=OPPORTUNITY_ASKS,
    ),
    Row(
        "relations:quote_withdraw",
        "Offerte intrekken om te herzien: eerst de vraag",
        target=lambda w: an_opportunity(w, status="offerte"),
        method="POST",
        data={"withdraw-reason": "Uren herzien"},
        expected=OPPORTUNITY_ASKS,
    ),
    Row(
        "relations:quote_win",
        "Offerte gegund: het project wordt aangemaakt (wie projecten mag toevoegen)",
        target=lambda w: an_opportunity(w, status="offerte"),
        method="POST",
        data={"win-on": "2021-05-01"},
        expected=OPPORTUNITY_WRITES,
    ),
    Row(
        "relations:opportunity_lose",
        "Kans of offerte verloren, met de reden",
        target=an_opportunity,
        method="POST",
        data={"lose-on": "2021-05-01", "lose-reason": "Te duur"},
        expected=OPPORTUNITY_WRITES,
    ),
    Row(
        "relations:opportunity_reopen",
        "Verloren kans heropenen",
        target=lambda w: an_opportunity(w, status="verloren"),
        method="POST",
        expected=OPPORTUNITY_WRITES,
    ),
    Row(
        "relations:quote_template", "Offertesjabloon van de organisatie", expected=PRIVACY_OFFICERS
    ),
    Row(
        "relations:quote_template_document",
        "Offertesjabloon downloaden (standaard)",
        target=lambda w: ("standaard",),
        expected=PERSON_VIEWERS,
    ),
    # --- reports ---------------------------------------------------------------------------
    Row("reports:reports", "Rapportages (lijst; opstellen voor wie rapporteert)"),
    Row(
        "reports:report",
        "Een verstuurde rapportage, met wat sindsdien veranderde",
        target=lambda w: a_report(w, until="sent"),
        expected=[200, 200, 200, 200, 200, 200, 200, 404, 404, 403],
    ),
    Row(
        "reports:report_review",
        "Rapportage beoordelen (niet door wie haar opstelde)",
        target=a_report,
        method="POST",
        expected=[403, 302, 302, 302, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "reports:report_sign",
        "Rapportage ondertekenen (directeur)",
        target=lambda w: a_report(w, until="reviewed"),
        method="POST",
        expected=[403, 302, 403, 403, 403, 403, 403, 403, 404, 403],
    ),
    Row(
        "reports:report_send",
        "Ondertekende rapportage versturen: eerst de vraag",
        target=lambda w: a_report(w, until="signed"),
        method="POST",
        expected=REPORT_ASKS,
    ),
    Row(
        "reports:report_reopen",
        "Rapportage terugzetten naar opgesteld",
        target=lambda w: a_report(w, until="signed"),
        method="POST",
        data={"reason": "Cijfer gecorrigeerd"},
        expected=REPORT_WRITES,
    ),
    Row(
        "reports:report_questions",
        "Vragen en antwoorden van een evaluatie",
        target=lambda w: a_report(w, kind="evaluation"),
        method="POST",
        data={"q-TOTAL_FORMS": "1", "q-INITIAL_FORMS": "0", "q-0-question": "Levert CMO?"},
        expected=REPORT_WRITES,
    ),
    Row(
        "reports:report_document",
        "Rapportage als document (Word, PDF, Excel), nog niet verstuurd",
        target=lambda w: (a_report(w).pk, "docx"),
        expected=REPORT_STAFF,
    ),
    Row(
        "reports:document_make",
        "Een lang document laten maken",
        target=a_report,
        method="POST",
        data={"format": "pdf"},
        expected=[302, 302, 302, 302, 302, 302, 404, 404, 404, 403],
    ),
    Row(
        "reports:document_status",
        "Voortgang van een document dat gemaakt wordt",
        target=a_report_document,
        expected=REPORT_STAFF,
    ),
    Row(
        "reports:document_retry",
        "Een mislukt document opnieuw laten maken",
        target=a_failed_document,
        method="POST",
        expected=[302, 302, 302, 302, 302, 302, 404, 404, 404, 403],
    ),
    Row(
        "reports:document_download",
        "Document van een verstuurde rapportage downloaden",
        target=lambda w: a_report_document(w, until="sent"),
        expected=[200, 200, 200, 200, 200, 200, 200, 404, 404, 403],
    ),
    # --- member employers (relations) -----------------------------------------------------
    Row("relations:members", "Aangesloten werkgevers, per jaar en groei", expected=PERSON_VIEWERS),
    Row(
        "relations:member_end",
        "Lidmaatschap van een werkgever beëindigen",
        target=a_member,
        method="POST",
        data={"ended_on": "2021-12-31"},
        expected=[302, 302, 302, 302, 302, 403, 403, 403, 404, 403],
    ),
    # --- the atlas: the public spinnenweb and its contact requests -----------------------
    # Opt-in per installation (PUBLIC_SPINNENWEB, off here): out of it, the public pages
    # do not exist (tests/atlas/test_spinnenweb.py covers them switched on).
    Row(
        "atlas:spinnenweb", "Spinnenweb (openbaar, als aangezet)", public=True, expected=[404] * 10
    ),
    Row(
        "atlas:spinnenweb_contact",
        "Spinnenweb: vragen om contact (openbaar, als aangezet)",
        method="POST",
        public=True,
        expected=[404] * 10,
    ),
    Row(
        "atlas:contact_requests",
        "Contactverzoeken van bewoners (spinnenweb)",
        expected=[403, 200, 403, 200, 200, 403, 403, 403, 200, 403],
    ),
    Row(
        "atlas:contact_request_handle",
        "Contactverzoek afgehandeld",
        target=a_contact_request,
        method="POST",
        expected=[403, 302, 403, 302, 302, 403, 403, 403, 404, 403],
    ),
    Row(
        "atlas:contact_request_delete",
        "Contactverzoek verwijderen: eerst de vraag",
        target=a_contact_request,
        method="POST",
        expected=[403, 200, 403, 200, 200, 403, 403, 403, 404, 403],
    ),
    # --- the atlas: the map (atlas.map) -----------------------------------------------------
    Row("atlas:index", "Atlas: kaart met filters, tabel en samenvatting", expected=ATLAS_VIEWERS),
    Row("atlas:map_data", "Atlas: initiatieven als GeoJSON voor de kaart", expected=ATLAS_VIEWERS),
    Row(
        "atlas:boundaries",
        "Atlas: gemeentegrenzen met aantallen per 10.000 inwoners",
        expected=ATLAS_VIEWERS,
    ),
    Row("atlas:map_export_xlsx", "Atlas: initiatieven naar Excel", expected=ATLAS_VIEWERS),
    Row("atlas:map_export_csv", "Atlas: initiatieven naar CSV", expected=ATLAS_VIEWERS),
    Row("atlas:map_export_geojson", "Atlas: initiatieven naar GeoJSON", expected=ATLAS_VIEWERS),
    # Opt-in per installation (KOERS_PUBLIC_ATLAS); off here, so nobody finds them.
    Row(
        "atlas:public_map",
        "Openbare atlas (alleen met KOERS_PUBLIC_ATLAS)",
        public=True,
        expected=[404] * 10,
    ),
    Row(
        "atlas:public_map_data",
        "Openbare atlas: openbare initiatieven als GeoJSON",
        public=True,
        expected=[404] * 10,
    ),
    Row(
        "atlas:public_boundaries",
        "Openbare atlas: gemeentegrenzen met aantallen",
        public=True,
        expected=[404] * 10,
    ),
]

# The admin (/beheer/): generated per registered model in tests/permission_matrix_admin.py.
ROWS += [
    # --- the atlas: network (NETWORK part of issue 18) -------------------------------------
    Row(
        "atlas:network",
        "Netwerk van de atlas: tekening, makelaars, kwetsbaarheid, tabel",
        expected=ATLAS_VIEWERS,
        query="?jaar=2021",
    ),
    Row(
        "atlas:network_graphml",
        "Netwerk van een jaar als GraphML (Gephi, Kumu), zonder personen",
        target=a_network_snapshot,
        # The province funds two organisations' programmes; without ?houder= it gets the
        # first atlas by name (the other organisation's, with nothing computed): 404.
        expected=[403, 200, 200, 200, 200, 200, 404, 200, 404, 403],
        query="?jaar=2021",
    ),
    Row(
        "atlas:network_recompute",
        "Netwerk van een jaar opnieuw laten berekenen (eigen atlas)",
        method="POST",
        data={"year": "2021"},
        expected=[403, 302, 403, 302, 302, 403, 403, 403, 302, 403],
    ),
]

# --- matching: requests ------------------------------------------------------------------------
ROWS += [
    Row(
        "matching:requests",
        "Hulpvragen (filteren; de zorgorganisatie alleen de hare)",
        expected=REQUEST_VIEWERS,
    ),
    Row(
        "matching:request",
        "Hulpvraag met diensten (namen van voorgestelden niet voor de GGD/GHOR)",
        target=a_help_request,
        expected=REQUEST_OWN,
    ),
    Row("matching:request_add", "Hulpvraag indienen", expected=REQUEST_ADDERS),
    Row(
        "matching:request_edit",
        "Hulpvraag wijzigen",
        target=a_help_request,
        expected=REQUEST_EDITORS_OWN,
    ),
    Row(
        "matching:request_priority",
        "Prioriteit van een hulpvraag vaststellen (alleen de GGD/GHOR)",
        target=a_help_request,
        expected=REQUEST_PRIORITISER,
        related_strangers=("zorgvrager",),
    ),
    Row(
        "matching:request_status",
        "Hulpvraag intrekken (ook sluiten en heropenen door medewerkers)",
        target=a_help_request,
        method="POST",
        data={"action": "intrekken"},
        expected=REQUEST_WRITES,
    ),
]

# --- matching: pool -------------------------------------------------------------------------
# The pool's figures: staff with VIEW_MATCHING, the board and funders (counts, no names).
POOL_FIGURES = [403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403]
# The candidates: staff of the holder only; the prioritiser and the care contact never.
POOL_VIEWERS = [403, 200, 200, 200, 200, 403, 403, 403, 200, 403, 403, 403]
POOL_OWN = [403, 200, 200, 200, 200, 403, 403, 403, 404, 403, 403, 403]
POOL_EDITORS = [403, 200, 403, 200, 200, 403, 403, 403, 200, 403, 403, 403]
POOL_EDITORS_OWN = [403, 200, 403, 200, 200, 403, 403, 403, 404, 403, 403, 403]


def a_candidate(world: Any) -> Any:
    from tests.matching.factories import available_candidate

    return available_candidate(world.own)


def a_qualification(world: Any) -> Any:
    return a_candidate(world).qualifications.get()


def an_availability(world: Any) -> Any:
    return a_candidate(world).availability.get()


# --- matching: engine (runs of the matcher) ----------------------------------------------------

# Staff of the pool's holder see runs (with candidates' names in the why-not); those who
# manage the pool start them. Funders, the board, the prioritiser and the care contact never.
MATCHING_STAFF = [403, 200, 200, 200, 200, 403, 403, 403, 200, 403, 403, 403]
MATCHING_STAFF_OWN = [403, 200, 200, 200, 200, 403, 403, 403, 404, 403, 403, 403]
MATCHING_MANAGERS_POST = [403, 302, 403, 302, 302, 403, 403, 403, 302, 403, 403, 403]


def a_proposal_run(world: Any) -> Any:
    from koers.matching.models import ProposalRun, RunStatus

    return ProposalRun.objects.create(
        holder=world.own,
        status=RunStatus.KLAAR,
        stats={
            "shifts": 1,
            "places": 2,
            "candidates": 0,
            "eligible_pairs": 0,
            "used": "solver",
            "eligibility": {"seconds": 0.01, "peak_mb": 0.1},
            "greedy": {"filled": 0, "weighted_share": 0.0, "seconds": 0.0, "peak_mb": 0.1},
            "solver": {"filled": 0, "weighted_share": 0.0, "seconds": 0.0, "peak_mb": 0.1},
            "unfilled": [{"shift": 0, "missing": 2, "reasons": [{"code": "no_candidates"}]}],
        },
    )


ROWS += [
    Row(
        "matching:index",
        "Extra handen: de pool (beschikbaar per rol tegen het streefgetal, nabellen, trechter)",
        expected=POOL_FIGURES,
    ),
    Row("matching:candidates", "Kandidaten (filteren, bladeren)", expected=POOL_VIEWERS),
    Row("matching:candidate", "Kandidaat", target=a_candidate, expected=POOL_OWN),
    Row("matching:candidate_add", "Kandidaat toevoegen", expected=POOL_EDITORS),
    Row(
        "matching:candidate_edit",
        "Kandidaat wijzigen",
        target=a_candidate,
        expected=POOL_EDITORS_OWN,
    ),
    Row(
        "matching:candidate_step",
        "Stap in de trechter vastleggen",
        target=a_candidate,
        expected=POOL_EDITORS_OWN,
    ),
    Row(
        "matching:candidate_call",
        "Belgesprek met een kandidaat vastleggen",
        target=a_candidate,
        expected=POOL_EDITORS_OWN,
    ),
    Row(
        "matching:qualification_add",
        "Kwalificatie van een kandidaat toevoegen",
        target=a_candidate,
        expected=POOL_EDITORS_OWN,
    ),
    Row(
        "matching:qualification_edit",
        "Kwalificatie van een kandidaat wijzigen",
        target=a_qualification,
        expected=POOL_EDITORS_OWN,
    ),
    Row(
        "matching:qualification_delete",
        "Kwalificatie van een kandidaat verwijderen (vraagt eerst)",
        target=a_qualification,
        method="POST",
        expected=POOL_EDITORS_OWN,
    ),
    Row(
        "matching:availability_add",
        "Beschikbaarheid van een kandidaat toevoegen",
        target=a_candidate,
        expected=POOL_EDITORS_OWN,
    ),
    Row(
        "matching:availability_edit",
        "Beschikbaarheid van een kandidaat wijzigen",
        target=an_availability,
        expected=POOL_EDITORS_OWN,
    ),
    Row(
        "matching:availability_delete",
        "Beschikbaarheid van een kandidaat verwijderen (vraagt eerst)",
        target=an_availability,
        method="POST",
        expected=POOL_EDITORS_OWN,
    ),
    Row("matching:callbacks", "Nabellijst van de pool", expected=POOL_VIEWERS),
]

ROWS += [
    # --- matching: public + trajectories ----------------------------------------------------
    # The sign-up is opt-in per installation (PUBLIC_MATCHING_SIGNUP, off here): out of it,
    # its pages do not exist (tests/matching/test_signup.py covers them switched on).
    Row(
        "matching:signup",
        "Extra handen: aanmelden als kandidaat (openbaar, als aangezet)",
        public=True,
        expected=[404] * 12,
    ),
    Row(
        "matching:signup_confirm",
        "Extra handen: aanmelding bevestigen via de link uit de e-mail (zonder account)",
        target=lambda w: ("onbekend",),
        public=True,
        expected=[404] * 12,
    ),
    Row(
        "matching:available_again",
        "Extra handen: ik ben weer beschikbaar, via de persoonlijke link (zonder account)",
        target=lambda w: ("onbekend",),
        public=True,
        expected=[404] * 12,
    ),
    Row(
        "matching:campaigns",
        "Extra handen: heractiveringscampagnes (aantallen; namen alleen voor medewerkers)",
        expected=[403, 200, 200, 200, 200, 200, 200, 200, 200, 403, 403, 403],
    ),
    Row(
        "matching:campaign",
        "Extra handen: een campagne, verstuurd en beantwoord",
        target=a_campaign,
        expected=[403, 200, 200, 200, 200, 200, 200, 200, 404, 403, 403, 403],
    ),
    Row(
        "matching:campaign_add",
        "Extra handen: nieuwe campagne aan kandidaten met verlopen beschikbaarheid",
        expected=[403, 200, 403, 200, 200, 403, 403, 403, 200, 403, 403, 403],
    ),
    Row(
        "matching:trajectories",
        "Extra handen: trajecten (filteren, aantallen per soort)",
        expected=[403, 200, 200, 200, 200, 403, 403, 403, 200, 403, 403, 403],
    ),
    Row(
        "matching:trajectory",
        "Extra handen: een traject",
        target=a_matching_trajectory,
        expected=[403, 200, 200, 200, 200, 403, 403, 403, 404, 403, 403, 403],
    ),
    Row(
        "matching:trajectory_add",
        "Extra handen: traject toevoegen",
        expected=[403, 200, 403, 200, 200, 403, 403, 403, 200, 403, 403, 403],
    ),
    Row(
        "matching:trajectory_edit",
        "Extra handen: traject wijzigen",
        target=a_matching_trajectory,
        expected=[403, 200, 403, 200, 200, 403, 403, 403, 404, 403, 403, 403],
    ),
]

ROWS += [
    Row(
        "matching:runs",
        "Voorstelrondes van de matcher met hun cijfers",
        expected=MATCHING_STAFF,
    ),
    Row(
        "matching:run",
        "Een voorstelronde: solver tegen greedy, open plaatsen met waarom",
        target=a_proposal_run,
        expected=MATCHING_STAFF_OWN,
    ),
    Row(
        "matching:run_start",
        "Een voorstelronde laten berekenen (eigen pool)",
        method="POST",
        data={"method": "greedy"},
        expected=MATCHING_MANAGERS_POST,
    ),
]

ROWS += [
    # --- matching: placements (issue 19, part 4) ---------------------------------------------
    Row(
        "matching:proposals",
        "Extra handen: voorstellen per hulpvraag en dienst, met redenen",
        expected=MATCHING_STAFF,
    ),
    Row(
        "matching:proposal_confirm",
        "Extra handen: voorstel bevestigen (plaatsing, mail aan beide kanten)",
        target=a_matching_proposal,
        method="POST",
        expected=MATCHING_WRITES,
        related_strangers=("zorgvrager",),
    ),
    Row(
        "matching:proposal_decline",
        "Extra handen: voorstel afwijzen (met reden)",
        target=a_matching_proposal,
        method="POST",
        data={"reason": "Wil liever overdag"},
        expected=MATCHING_WRITES,
        related_strangers=("zorgvrager",),
    ),
    Row(
        "matching:proposal_change",
        "Extra handen: iemand anders voorstellen voor de dienst",
        target=a_matching_proposal,
        expected=MATCHING_MANAGERS_OWN,
        related_strangers=("zorgvrager",),
    ),
    Row("matching:placements", "Extra handen: plaatsingen", expected=MATCHING_STAFF),
    Row(
        "matching:placement",
        "Extra handen: een plaatsing met de nazorg",
        target=a_matching_placement,
        expected=MATCHING_STAFF_OWN,
        related_strangers=("zorgvrager",),
    ),
    Row(
        "matching:placement_status",
        "Extra handen: plaatsing doorgegaan, niet doorgegaan of geannuleerd",
        target=a_matching_placement,
        method="POST",
        data={"status": "geannuleerd", "reason": "Ziek gemeld"},
        expected=MATCHING_WRITES,
        related_strangers=("zorgvrager",),
    ),
    Row(
        "matching:follow_up",
        "Extra handen: nazorgvraag na een plaatsing via de persoonlijke link (zonder account)",
        target=lambda w: ("onbekend",),
        expected=[404] * 12,
        public=True,
    ),
]

ROWS += admin_rows(Row)

# Signals and insight: each part's rows in its own module (tests/signals/matrix_*.py,
# tests/insight/matrix.py).
for _part in (
    signals_matrix_entry,
    signals_matrix_public,
    signals_matrix_classify,
    signals_matrix_analysis,
    signals_matrix_agenda,
    signals_matrix_categories,
    signals_matrix_cases,
    insight_matrix,
):
    ROWS += _part.rows(Row)

# 400: reached, and the form as the row sends it refused on its page.
OUTCOME_WORDS = {200: "ja", 302: "ja", 400: "ja", 403: "nee", 404: "—", 405: "nee"}


def role_columns(*leading: str) -> list[str]:
    """The roles' legend and a table's head: the `leading` columns, then one per role."""
    lines = ["Roles, in the order of the columns:", ""]
    lines += [f"{i}. {ROLE_LABELS[role]}" for i, role in enumerate(ROLES, start=1)]
    numbers = " | ".join(str(i) for i in range(1, len(ROLES) + 1))
    return [
        *lines,
        "",
        "| " + " | ".join(leading) + " | " + numbers + " |",
        "| " + " | ".join("---" for _ in leading) + " | " + " | ".join(":-:" for _ in ROLES) + " |",
    ]


def render_markdown() -> str:
    """The matrix as the document in docs/permission-matrix.md."""
    lines = [
        "# Permission matrix",
        "",
        "Generated from `tests/permission_matrix.py` by `make docs`; the test suite requests",
        "every row as every role and fails when Koers does otherwise, or when this file is",
        "out of date. **ja** = allowed; **nee** = refused (403); **—** = outside her scope,",
        "answered as if it did not exist (404). Anonymous visitors reach only the public rows;",
        'everything else sends them to sign in. The admin (`/beheer/`, rows "Beheer") is',
        "for beheerders: only the models her role's capabilities cover, and only her own",
        "organisations' records; everyone else is refused there.",
        "",
        "A record of an organisation a user has nothing to do with (she is no member of it,",
        "her organisation funds none of its programmes and asked it for no help) is outside",
        "her scope whatever her role: **—**, never **nee** (docs/tenancy.md). The installation",
        "administrator keeps what all organisations share (merging organisations, goal trees,",
        "municipalities) and reaches no organisation's own records; she has no column here,",
        "`tests/directory/test_directory_rules.py` tests her.",
        "",
    ]
    lines += role_columns("what", "method", "public")
    for row in ROWS:
        cells = [OUTCOME_WORDS[code] for code in row.expected]
        public = "ja" if row.public else ""
        lines.append(
            f"| {row.what} (`{row.name}`) | {row.method} | {public} | " + " | ".join(cells) + " |"
        )
    return "\n".join(lines) + "\n"
