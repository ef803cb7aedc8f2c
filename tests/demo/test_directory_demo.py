"""The demo's directory (organisations of the seeds, a few hundred example persons) and its
year of contacts and follow-up actions."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

import pytest
from django.db.models import Count, F
from django.urls import reverse

from koers.accounts.models import Membership, User
from koers.core.models import AuditEntry
from koers.core.privacy import LawfulBasis
from koers.demo import builder
from koers.demo.directory import ORGANISATIONS, _domain, _organisation_specs
from koers.directory.models import Organisation, OrganisationKind, Person, Position
from koers.plans.measures import get_measure
from koers.plans.models import Indicator
from koers.privacy.services import person_erase, person_export
from koers.relations.models import Action, ActionStatus, Interaction, Participant
from tests.conftest import verified_client

REFERENCE = builder.REFERENCE_DATE


@pytest.fixture
def demo(demo_db: dict[str, int]) -> dict[str, int]:
    return demo_db


def test_the_directory_holds_the_organisations_of_the_seeds(demo: dict[str, int]) -> None:
    kinds = dict(
        Organisation.objects.filter(slug__in=[o.slug for o in ORGANISATIONS]).values_list(
            "slug", "kind"
        )
    )
    # 48, and the 8 the seeds name that issue 17 found missing (test_seed_facts_17.py)
    assert len(kinds) == len(ORGANISATIONS) == 56
    assert kinds["ggd-flevoland"] == OrganisationKind.CARE
    assert kinds["fpf"] == OrganisationKind.RESIDENTS
    assert kinds["windesheim"] == OrganisationKind.EDUCATION
    municipalities = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
    assert sorted(municipalities.values_list("municipality__code", flat=True)) == [
        "GM0034",
        "GM0050",
        "GM0171",
        "GM0184",
        "GM0303",
        "GM0995",
    ]
    assert all(m.website.endswith(f"{m.municipality.slug}.nl") for m in municipalities)
    ronde_tafel = Organisation.objects.filter(tags__name="Ronde Tafel Eenzaamheid Lelystad")
    assert ronde_tafel.count() == 10
    assert set(ronde_tafel.values_list("municipality__slug", flat=True)) <= {"lelystad", None}


def contact_persons() -> Any:
    return Person.objects.filter(
        candidacies__isnull=True, trajectories__isnull=True, support_volunteering__isnull=True
    )


def test_a_few_hundred_example_persons_with_positions_and_a_stated_basis(
    demo: dict[str, int],
) -> None:
    # The directory's contact persons; the pool's candidates and the people in coaching
    # trajectories are persons too (tests/demo/test_matching_demo.py), and so are the
    # volunteers in client support (tests/demo/test_signals_demo.py).
    persons = contact_persons()
    assert persons.count() == demo["persons"] == 292
    assert not persons.filter(is_example=False).exists()
    assert set(persons.values_list("holder__slug", flat=True)) == {"cmo-flevoland"}
    # every person has one current position with a start date, at an organisation of the
    # directory; some came from another one
    current = Position.objects.filter(ended_on__isnull=True)
    assert current.count() == 292 and not current.filter(started_on__isnull=True).exists()
    assert (
        current.values("person").annotate(n=Count("id")).filter(n__gt=1).count() == 0
    )  # one at a time
    earlier = Position.objects.filter(ended_on__isnull=False)
    assert earlier.count() == 24
    assert not earlier.filter(ended_on__lt=F("started_on")).exists()
    per_kind = dict(current.values_list("organisation__kind").annotate(n=Count("id")))
    assert per_kind["municipality"] == 107 and per_kind["province"] == 20
    # the address is on the organisation's own domain name, under .example
    specs = {spec.slug: spec for spec in _organisation_specs()}
    for position in current.select_related("person", "organisation"):
        domain = position.person.email.rsplit("@", 1)[1]
        assert domain == _domain(specs[position.organisation.slug]), position.person.email
    assert persons.values("email").distinct().count() == 292
    assert persons.values("first_name", "infix", "last_name").distinct().count() == 292
    assert not persons.filter(first_name="Kees", last_name="Bakker").exists()
    consent = persons.filter(lawful_basis=LawfulBasis.CONSENT)
    assert consent.exists() and not consent.filter(consent_given_on__isnull=True).exists()
    assert (
        persons.exclude(lawful_basis=LawfulBasis.CONSENT)
        .filter(lawful_basis=LawfulBasis.LEGITIMATE_INTERESTS)
        .count()
        == 292 - consent.count()
    )
    assert not persons.filter(purpose="").exists()
    # one audit entry says what the build loaded; none pretends a user typed them in
    [loaded] = AuditEntry.objects.filter(action="demo.example_data", changes__has_key="persons")
    assert loaded.actor is None and loaded.changes["persons"] == [None, 292]
    assert not AuditEntry.objects.filter(action="person.created").exists()


def test_a_year_of_contacts_with_the_municipalities_and_partners(demo: dict[str, int]) -> None:
    contacts = Interaction.objects.all()
    assert contacts.count() == demo["contacts"] == 173
    assert not contacts.filter(is_example=False).exists()
    assert contacts.filter(date__lt=dt.date(2021, 1, 1)).count() == 0
    assert contacts.filter(date__gt=REFERENCE).count() == 0
    kinds = dict(contacts.values_list("kind").annotate(n=Count("id")))
    assert kinds == {"gesprek": 48, "telefoon": 37, "e-mail": 33, "overleg": 55}
    # every month has contacts, and every municipality was talked with
    assert {d.month for d in contacts.dates("date", "month")} == set(range(1, 11))
    assert (
        Organisation.objects.filter(kind="municipality", interactions_with__isnull=False)
        .distinct()
        .count()
        == 6
    )
    assert contacts.filter(programme__isnull=False).count() == 158
    assert contacts.filter(activity__isnull=False).count() == 154
    meetings = contacts.filter(network__isnull=False)
    assert meetings.count() == 25
    assert not meetings.exclude(kind="overleg").exists()
    # by the coordinators and staff
    recorders = dict(contacts.values_list("created_by__username").annotate(n=Count("id")))
    assert set(recorders) == {
        "coordinator",
        "coordinator-ao",
        "coordinator-vi",
        "medewerker",
        "directeur",
        "bedrijfsvoering",
    }
    assert recorders["coordinator"] == 74 and recorders["medewerker"] == 22


def test_the_contacts_keep_the_rules_of_the_services(demo: dict[str, int]) -> None:
    """Bulk-loaded, so checked here: what interaction_save and action_add would refuse."""
    own = Organisation.objects.get(slug="cmo-flevoland")
    staff = set(Membership.objects.filter(organisation=own).values_list("user_id", flat=True))
    contacts = Interaction.objects.prefetch_related("persons", "staff", "organisations")
    for contact in contacts.select_related("activity", "programme__plan", "network"):
        assert contact.holder_id == own.pk
        assert all(p.holder_id == own.pk for p in contact.persons.all())
        assert {u.pk for u in contact.staff.all()} <= staff
        assert contact.created_by_id in {u.pk for u in contact.staff.all()}
        assert contact.organisations.exists() and own not in contact.organisations.all()
        if contact.activity:
            assert contact.activity.programme_id == contact.programme_id
        if contact.programme:
            assert contact.programme.plan.organisation_id == own.pk
        if contact.network:
            assert contact.network.holder_id == own.pk
    actions = Action.objects.all()
    assert set(actions.values_list("owner_id", flat=True)) <= staff
    assert not actions.filter(status=ActionStatus.DONE, done_on__isnull=True).exists()
    assert not actions.filter(status=ActionStatus.OPEN, done_on__isnull=False).exists()
    assert not actions.filter(done_on__gt=REFERENCE).exists()
    assert not actions.filter(due_on__lt=F("interaction__date")).exists()
    assert not AuditEntry.objects.filter(action__in=["interaction.created", "action.added"])


def test_follow_up_actions_open_done_and_overdue_by_the_reference_date(
    demo: dict[str, int],
) -> None:
    actions = Action.objects.all()
    assert actions.count() == demo["actions"] == 86
    assert actions.filter(status=ActionStatus.DONE).count() == 61
    open_ = actions.filter(status=ActionStatus.OPEN)
    assert open_.filter(due_on__lt=REFERENCE).count() == 11  # overdue
    assert open_.filter(due_on__gte=REFERENCE).count() == 14
    mine = dict(open_.values_list("owner__username").annotate(n=Count("id")))
    assert mine == {
        "coordinator": 12,
        "medewerker": 5,
        "coordinator-ao": 2,
        "coordinator-vi": 4,
        "directeur": 1,
        "bedrijfsvoering": 1,
    }


def test_building_the_demo_sends_no_mail(db: Any, mailoutbox: Any) -> None:
    from django_tasks_db.models import DBTaskResult

    builder.build(hours=False)
    assert Action.objects.exclude(owner=F("created_by")).exists()  # actions for colleagues
    assert not DBTaskResult.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("username", "overdue", "this_week", "later", "given"),
    [("coordinator", 6, 1, 5, 1), ("medewerker", 3, 1, 1, 1)],
)
def test_my_actions_on_15_october_2021(
    demo: dict[str, int],
    client: Any,
    settings: Any,
    username: str,
    overdue: int,
    this_week: int,
    later: int,
    given: int,
) -> None:
    settings.REFERENCE_DATE = REFERENCE.isoformat()
    verified_client(User.objects.get(username=username), client)
    page = client.get(reverse("relations:my_actions"))
    groups = [len(actions) for _label, actions in page.context["groups"]]
    assert groups == [overdue, this_week, later]
    assert len(page.context["given"]) == given
    html = page.content.decode()
    assert html.count("voorbeeldgegevens") == overdue + this_week + later + given


def test_the_pages_say_the_contacts_and_persons_are_example_data(
    demo: dict[str, int], client: Any
) -> None:
    verified_client(User.objects.get(username="coordinator"), client)
    response = client.get(reverse("relations:contacts"))
    # All 173 are counted; a page shows 50 (before the list was paged it showed them all,
    # up to a silent cap of 200).
    assert response.context["listing"].total == 173
    assert response.content.decode().count("voorbeeldgegevens") == 50
    contact = Interaction.objects.filter(persons__isnull=False).first()
    assert contact is not None
    page = client.get(reverse("relations:contact", args=[contact.pk])).content.decode()
    assert "Voorbeeldgegevens: dit contact is verzonnen" in page
    persons = client.get(reverse("directory:persons")).content.decode()
    assert persons.count("voorbeeldgegevens") == 50  # a page of 50


def test_an_example_person_can_be_exported_and_erased_and_the_counts_stay(
    demo: dict[str, int],
) -> None:
    participant = (
        Participant.objects.filter(attended=True, person__interactions__isnull=False)
        .select_related("person")
        .order_by("id")
        .first()
    )
    assert participant is not None
    person = participant.person
    exported = person_export(person)
    assert exported["person"]["is_example"] is True
    assert exported["linked_records"]["event_participations"]
    assert exported["linked_records"]["contacts"]
    circle = Indicator.objects.get(activity__year=2021, title__startswith="Actieve schil")
    measure = get_measure(circle.measure)
    assert measure is not None
    before = measure.compute(circle, dt.date(2021, 1, 1), REFERENCE)
    contacts = Interaction.objects.count()
    person_erase(person, actor=None, remote_addr=None, reason="verzoek")
    assert not Person.objects.filter(pk=person.pk).exists()
    participant.refresh_from_db()
    assert participant.person is None and participant.organisation is not None
    assert measure.compute(circle, dt.date(2021, 1, 1), REFERENCE) == before
    assert Interaction.objects.count() == contacts


def test_the_generated_data_are_the_same_on_every_database(demo: dict[str, int]) -> None:
    """One digest over what the generator made, in a database-independent order: the same
    on SQLite and on PostgreSQL (CI runs this on both), and on every build."""
    persons = sorted(
        contact_persons().values_list(
            "first_name", "infix", "last_name", "email", "lawful_basis", "consent_given_on"
        )
    )
    positions = sorted(
        Position.objects.values_list(
            "person__email", "organisation__slug", "title", "started_on", "ended_on"
        )
    )
    contacts = sorted(
        (
            i.date,
            i.kind,
            i.subject,
            i.summary,
            i.programme.code if i.programme else "",
            i.activity.code if i.activity else "",
            i.network.name if i.network else "",
            sorted(o.slug for o in i.organisations.all()),
            sorted(p.email for p in i.persons.all()),
            sorted(u.username for u in i.staff.all()),
            sorted(
                (a.title, a.owner.username, a.due_on, a.status, a.done_on) for a in i.actions.all()
            ),
        )
        for i in Interaction.objects.select_related(
            "programme", "activity", "network"
        ).prefetch_related("organisations", "persons", "staff", "actions__owner")
    )
    participants = sorted(
        Participant.objects.filter(person__isnull=False).values_list(
            "event__theme", "person__email", "organisation__slug", "attended"
        )
    )
    digest = hashlib.sha256(
        json.dumps([persons, positions, contacts, participants], default=str).encode()
    ).hexdigest()
    assert digest == "08fe7e351bd1f6be872a15d76d86cf7839b281c575a9b49848ef41c842001cd5"
