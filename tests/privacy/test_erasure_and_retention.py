"""Export and erasure per person, the retention run and its schedule."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from koers.core import schedule
from koers.core.models import AppendOnlyError, AuditEntry, ScheduledRun
from koers.directory.models import Person, Position
from koers.privacy import subjects
from koers.privacy.models import AccessAction, AccessRecord
from koers.privacy.queries import persons_due
from koers.privacy.services import retention_enforce
from tests.confirming import post_confirmed
from tests.conftest import World
from tests.directory.factories import PersonFactory


def _age(person: Person, days: int) -> None:
    Person.objects.filter(pk=person.pk).update(updated_at=timezone.now() - dt.timedelta(days=days))


@pytest.fixture
def person(world: World) -> Person:
    person = PersonFactory(holder=world.own, first_name="Fenna", last_name="de Boer")
    Position.objects.create(person=person, organisation=world.province, title="Adviseur")
    return person


def _edit(world: World, person: Person) -> None:
    data = {
        "first_name": "Fenna",
        "infix": "",
        "last_name": "de Boer",
        "email": "fenna@provincie.nl",
        "phone": "",
        "notes": "Spreekt over Urk",
        "purpose": person.purpose,
        "lawful_basis": person.lawful_basis,
        "consent_given_on": "",
        "version": person.version,
    }
    url = reverse("directory:person_edit", args=[person.pk])
    assert world.client("medewerker").post(url, data).status_code == 302


def test_export_holds_everything_including_who_saw_her(world: World, person: Person) -> None:
    _edit(world, person)
    world.client("medewerker").get(reverse("directory:person", args=[person.pk]))
    response = world.client("beheerder").post(
        reverse("directory:person_export", args=[person.pk]), {"reason": "Inzageverzoek"}
    )
    data = json.loads(response.content)
    assert data["person"]["email"] == "fenna@provincie.nl"
    assert data["positions"][0]["title"] == "Adviseur"
    assert [c["action"] for c in data["changes"]] == ["person.updated"]
    assert [a["action"] for a in data["accessed_by"]] == [
        AccessAction.VIEW,  # the edit page
        AccessAction.VIEW,  # the person page
    ]


def test_erasure_removes_her_and_redacts_her_history(world: World, person: Person) -> None:
    _edit(world, person)
    client = world.client("beheerder")
    url = reverse("directory:person_erase", args=[person.pk])
    assert client.post(url, {"reason": "Verzoek van 3 mei"}).status_code == 400  # not confirmed
    assert Person.objects.filter(pk=person.pk).exists()
    asked = client.post(url, {"reason": "Verzoek van 3 mei", "confirm": "on"})
    assert asked.status_code == 200  # the question: what goes, counted
    assert Person.objects.filter(pk=person.pk).exists()
    response = post_confirmed(client, url, {"reason": "Verzoek van 3 mei", "confirm": "on"})
    assert response.status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()
    assert not Position.objects.exists()
    entries = AuditEntry.objects.filter(context=f"directory.person:{person.pk}")
    assert entries.count() == 2  # the edit, now redacted, and the erasure itself
    for entry in entries:
        text = json.dumps(entry.changes) + entry.subject_repr
        assert "Boer" not in text and "fenna@" not in text and "Urk" not in text
    erased = entries.get(action="person.erased")
    assert erased.changes["reason"] == "Verzoek van 3 mei"
    # Who saw her data stays answerable: her access history survives, by number.
    erasure = AccessRecord.objects.get(subject_id=person.pk, action=AccessAction.ERASE)
    assert erasure.reason == "Verzoek van 3 mei"
    history = client.post(
        reverse("privacy:person_access", args=[person.pk]), {"reason": "Klacht van 4 mei"}
    )
    assert history.status_code == 200
    assert history["Content-Disposition"].startswith("attachment;")


def test_erasure_reaches_records_other_apps_register(world: World, person: Person) -> None:
    erased: list[int] = []
    links = subjects.PersonLinks(
        name="test_links",
        label="test",
        export=lambda p: [{"linked": p.pk}],
        erase=lambda p: erased.append(p.pk) or 1,
        last_linked=lambda ids: {},
    )
    subjects.register(links)
    try:
        export = world.client("beheerder").post(
            reverse("directory:person_export", args=[person.pk]), {"reason": "Verzoek"}
        )
        assert json.loads(export.content)["linked_records"]["test_links"] == [{"linked": person.pk}]
        post_confirmed(
            world.client("beheerder"),
            reverse("directory:person_erase", args=[person.pk]),
            {"reason": "Verzoek", "confirm": "on"},
        )
        assert erased == [person.pk]
    finally:
        subjects._LINKS.pop("test_links")


def test_retention_erases_persons_unlinked_for_the_period_only(
    world: World, settings: object
) -> None:
    old = PersonFactory(holder=world.own)
    recent = PersonFactory(holder=world.own)
    linked = PersonFactory(holder=world.own)
    _age(old, 800)
    _age(recent, 300)
    _age(linked, 800)
    subjects.register(
        subjects.PersonLinks(
            name="recent_link",
            label="test",
            export=lambda p: [],
            erase=lambda p: 0,
            last_linked=lambda ids: {linked.pk: timezone.localdate() - dt.timedelta(days=30)},
        )
    )
    try:
        assert persons_due() == [old.pk]
        call_command("retention", "--dry-run")
        assert Person.objects.count() == 3
        report = retention_enforce()
    finally:
        subjects._LINKS.pop("recent_link")
    assert report.persons_erased == [old.pk]
    assert set(Person.objects.values_list("pk", flat=True)) == {recent.pk, linked.pk}
    assert AuditEntry.objects.get(action="person.erased").actor is None


def test_retention_purges_old_access_records(world: World, person: Person) -> None:
    world.client("medewerker").get(reverse("directory:person", args=[person.pk]))
    world.client("medewerker").get(reverse("directory:person", args=[person.pk]))
    first = AccessRecord.objects.order_by("id").first()
    assert first is not None
    # A copy six years old, as a backup of then would load it (the database refuses to
    # back-date a record in place).
    first.pk, first.at = None, timezone.now() - dt.timedelta(days=6 * 366)
    first.save_base(raw=True)
    report = retention_enforce()
    assert report.access_records_removed == 1
    assert AccessRecord.objects.count() == 2


def test_logs_cannot_be_changed_or_removed(world: World, person: Person) -> None:
    world.client("medewerker").get(reverse("directory:person", args=[person.pk]))
    _edit(world, person)
    record = AccessRecord.objects.first()
    entry = AuditEntry.objects.first()
    assert record is not None and entry is not None
    for log in (record, entry):
        with pytest.raises(
            AppendOnlyError, match=f"{type(log).__name__} records cannot be changed"
        ):
            log.save()
        with pytest.raises(
            AppendOnlyError, match=f"{type(log).__name__} records cannot be removed"
        ):
            log.delete()
    with pytest.raises(AppendOnlyError, match="AccessRecord records cannot be changed"):
        AccessRecord.objects.update(detail="x")
    with pytest.raises(AppendOnlyError, match="AuditEntry records cannot be removed"):
        AuditEntry.objects.all().delete()


def test_the_worker_enqueues_retention_once_a_day_at_three(db: None) -> None:
    def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
        return timezone.make_aware(dt.datetime(2026, 12, day, hour, minute))

    assert "privacy.retention" in schedule.enqueue_due(at(7, 16))  # never ran: at once
    assert "privacy.retention" not in schedule.enqueue_due(at(7, 23, 59))
    assert "privacy.retention" not in schedule.enqueue_due(at(8, 2, 59))
    assert "privacy.retention" in schedule.enqueue_due(at(8, 3, 0))
    assert "privacy.retention" not in schedule.enqueue_due(at(8, 16))
    assert ScheduledRun.objects.get(name="privacy.retention").last_enqueued_at == at(8, 3, 0)
    # A worker that was down for three days catches up once, then keeps the time.
    assert "privacy.retention" in schedule.enqueue_due(at(11, 10))
    assert "privacy.retention" not in schedule.enqueue_due(at(12, 2, 59))
    assert "privacy.retention" in schedule.enqueue_due(at(12, 3, 1))
