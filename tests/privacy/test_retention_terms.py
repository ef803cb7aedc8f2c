"""Each organisation sets how long it keeps the persons it holds (docs/tenancy.md: the holder
is the controller of her data, with its own purpose and retention): the retention run reads
each holder's term, and only that organisation's privacy officer sets it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from koers.accounts.roles import Role
from koers.core.models import AuditEntry
from koers.directory.models import Organisation, Person
from koers.privacy.audit_labels import RETENTION_SET
from koers.privacy.queries import persons_due
from koers.privacy.services import person_retention_set, retention_enforce
from tests.accounts.factories import MembershipFactory, UserFactory
from tests.conftest import World, verified_client
from tests.directory.factories import PersonFactory

YEAR = 365.25


def _untouched_for(person: Person, years: float) -> None:
    Person.objects.filter(pk=person.pk).update(
        updated_at=timezone.now() - dt.timedelta(days=round(YEAR * years))
    )


def _retention_url() -> str:
    return reverse("privacy:retention")


@pytest.fixture
def other_privacy_officer(world: World) -> object:
    return MembershipFactory(
        user=UserFactory(username="andere-beheerder"),
        organisation=world.other_org,
        role=Role.BEHEERDER,
    ).user


def test_the_retention_run_reads_each_holders_own_term(world: World, settings: object) -> None:
    settings.PERSON_RETENTION_YEARS = 2  # type: ignore[attr-defined]
    Organisation.objects.filter(pk=world.own.pk).update(person_retention_years=5)
    ours_three = PersonFactory(holder=world.own)  # within our five years
    ours_six = PersonFactory(holder=world.own)  # past them
    theirs_three = PersonFactory(holder=world.other_org)  # past the installation's two
    theirs_one = PersonFactory(holder=world.other_org)
    for person, years in ((ours_three, 3), (ours_six, 6), (theirs_three, 3), (theirs_one, 1)):
        _untouched_for(person, years)

    assert persons_due() == sorted([ours_six.pk, theirs_three.pk])
    report = retention_enforce()

    assert sorted(report.persons_erased) == sorted([ours_six.pk, theirs_three.pk])
    assert set(Person.objects.values_list("pk", flat=True)) == {ours_three.pk, theirs_one.pk}


def test_her_organisations_privacy_officer_sets_its_term(world: World) -> None:
    client = world.client("beheerder")
    page = client.get(_retention_url())
    assert page.status_code == 200
    assert world.own.name in page.content.decode()

    response = client.post(_retention_url(), {"organisation": world.own.pk, "years": "5"})

    assert response.status_code == 302
    world.own.refresh_from_db()
    assert world.own.person_retention_years == 5
    entry = AuditEntry.objects.get(action=RETENTION_SET)
    assert entry.organisation_id == world.own.pk
    assert entry.changes == {"person_retention_years": [None, 5]}
    register = client.get(reverse("privacy:register")).content.decode()
    assert "5 jaar" in register

    # Empty: the installation's term again.
    client.post(_retention_url(), {"organisation": world.own.pk, "years": ""})
    world.own.refresh_from_db()
    assert world.own.person_retention_years is None


@pytest.mark.parametrize("years", ["0", "11", "vijf", "-3", "2.5"])
def test_a_term_out_of_range_is_refused_with_the_reason_and_changes_nothing(
    world: World, years: str
) -> None:
    response = world.client("beheerder").post(
        _retention_url(), {"organisation": world.own.pk, "years": years}
    )

    assert response.status_code == 400
    assert 'class="field-error"' in response.content.decode() or "errorlist" in (
        response.content.decode()
    )
    world.own.refresh_from_db()
    assert world.own.person_retention_years is None
    assert not AuditEntry.objects.filter(action=RETENTION_SET).exists()


def test_another_organisations_term_is_neither_offered_nor_accepted(
    world: World, other_privacy_officer: object
) -> None:
    client = world.client("beheerder")
    page = client.get(_retention_url()).content.decode()
    assert world.other_org.name not in page

    response = client.post(_retention_url(), {"organisation": world.other_org.pk, "years": "9"})

    assert response.status_code == 400
    world.other_org.refresh_from_db()
    assert world.other_org.person_retention_years is None
    # Its own privacy officer sets it.
    verified_client(other_privacy_officer).post(  # type: ignore[arg-type]
        _retention_url(), {"organisation": world.other_org.pk, "years": "9"}
    )
    world.other_org.refresh_from_db()
    assert world.other_org.person_retention_years == 9


def test_the_service_refuses_who_does_not_answer_for_the_organisations_privacy(
    world: World,
) -> None:
    for role in ("beheerder", "directeur", "opdrachtgever"):
        with pytest.raises(PermissionDenied):
            person_retention_set(world.users[role], world.other_org, 4)
    with pytest.raises(PermissionDenied):
        person_retention_set(world.users["directeur"], world.own, 4)  # not her privacy
    world.other_org.refresh_from_db()
    world.own.refresh_from_db()
    assert world.other_org.person_retention_years is None
    assert world.own.person_retention_years is None


def test_a_term_shorter_than_the_installations_erases_sooner(
    world: World, settings: object
) -> None:
    settings.PERSON_RETENTION_YEARS = 2  # type: ignore[attr-defined]
    Organisation.objects.filter(pk=world.own.pk).update(person_retention_years=1)
    ours = PersonFactory(holder=world.own)
    theirs = PersonFactory(holder=world.other_org)
    for person in (ours, theirs):
        _untouched_for(person, 1.5)

    assert persons_due() == [ours.pk]


def test_a_zero_stored_by_hand_is_no_term_and_erases_nothing_early(
    world: World, settings: object
) -> None:
    settings.PERSON_RETENTION_YEARS = 2  # type: ignore[attr-defined]
    Organisation.objects.filter(pk=world.own.pk).update(person_retention_years=0)
    recent = PersonFactory(holder=world.own)
    _untouched_for(recent, 0.5)

    assert persons_due() == []
