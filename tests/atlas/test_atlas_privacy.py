"""A contact person of an initiative: in her export, taken off by her erasure, and kept by
retention as long as the entry is confirmed."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from koers.atlas.models import Initiative
from koers.directory.models import Person
from koers.privacy.queries import persons_due
from koers.privacy.subjects import registered
from tests.atlas.factories import InitiativeFactory
from tests.conftest import World
from tests.directory.factories import PersonFactory


def _links() -> object:
    return next(links for links in registered() if links.name == "atlas_initiatives")


def test_her_export_lists_the_initiatives_she_is_contact_of(world: World) -> None:
    person = PersonFactory(holder=world.own)
    InitiativeFactory(holder=world.own, name="Buurtkamer De Schakel", contact=person)
    InitiativeFactory(holder=world.own, name="Zonder haar")
    rows = _links().export(person)  # type: ignore[attr-defined]
    assert [row["initiative"] for row in rows] == ["Buurtkamer De Schakel"]


def test_erasure_takes_her_off_and_keeps_the_initiative(world: World) -> None:
    person = PersonFactory(holder=world.own)
    initiative = InitiativeFactory(holder=world.own, contact=person)
    assert _links().erase(person) == 1  # type: ignore[attr-defined]
    initiative.refresh_from_db()
    assert initiative.contact is None
    assert Initiative.objects.filter(pk=initiative.pk).exists()


def test_retention_keeps_the_contact_of_a_recently_confirmed_entry_only(world: World) -> None:
    current = PersonFactory(holder=world.own)
    lapsed = PersonFactory(holder=world.own)
    today = timezone.localdate()
    InitiativeFactory(holder=world.own, contact=current, confirmed_on=today)
    InitiativeFactory(holder=world.own, contact=lapsed, confirmed_on=today - dt.timedelta(days=900))
    Person.objects.filter(pk__in=[current.pk, lapsed.pk]).update(
        updated_at=timezone.now() - dt.timedelta(days=900)
    )
    assert persons_due() == [lapsed.pk]
