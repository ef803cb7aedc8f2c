"""Writes after a signal is recorded: interpreting it (a person's choice is final, and
changing a person's choice is for those who manage the signals), a resident heard back,
and her contact record removed when its retention ends."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from koers.core.models import AuditEntry
from koers.core.versioning import ConflictError
from koers.signals.entry.services import (
    signal_category_set,
    signal_contact_answer_record,
    signal_contact_retention_enforce,
)
from koers.signals.models import Signal, SignalContact
from tests.signals.factories import CategoryFactory, SignalContactFactory, SignalFactory

pytestmark = pytest.mark.django_db


def test_interpreting_sets_the_category_and_who_and_when(world: Any) -> None:
    category = CategoryFactory(holder=world.own)
    suggested = CategoryFactory(holder=world.own)
    signal = SignalFactory(
        holder=world.own, suggested_category=suggested, suggestion_confidence=0.9
    )
    staff = world.users["medewerker"]

    signal_category_set(actor=staff, signal=signal, category=category)

    signal.refresh_from_db()
    assert signal.category == category
    assert signal.suggested_category == suggested  # kept beside the choice, not applied
    assert signal.interpreted_by == staff
    assert signal.interpreted_at is not None
    entry = AuditEntry.objects.get(action="signal.interpreted")
    assert entry.actor_id == staff.pk


def test_a_category_of_another_holder_is_refused(world: Any) -> None:
    signal = SignalFactory(holder=world.own)
    foreign = CategoryFactory(holder=world.other_org)

    with pytest.raises(ValidationError) as refused:
        signal_category_set(actor=world.users["directeur"], signal=signal, category=foreign)

    assert "category" in refused.value.message_dict
    signal.refresh_from_db()
    assert signal.category is None and signal.interpreted_at is None


def test_a_category_no_longer_in_use_is_refused(world: Any) -> None:
    signal = SignalFactory(holder=world.own)
    retired = CategoryFactory(holder=world.own, active=False)

    with pytest.raises(ValidationError):
        signal_category_set(actor=world.users["directeur"], signal=signal, category=retired)


def test_a_staff_member_cannot_change_a_persons_choice(world: Any) -> None:
    first, second = CategoryFactory(holder=world.own), CategoryFactory(holder=world.own)
    signal = SignalFactory(holder=world.own)
    signal_category_set(actor=world.users["medewerker"], signal=signal, category=first)
    signal.refresh_from_db()

    with pytest.raises(PermissionDenied):
        signal_category_set(actor=world.users["medewerker"], signal=signal, category=second)

    signal_category_set(actor=world.users["programmacoordinator"], signal=signal, category=second)
    assert Signal.objects.get(pk=signal.pk).category == second


def test_interpreting_a_signal_someone_interpreted_meanwhile_is_a_conflict(world: Any) -> None:
    first, second = CategoryFactory(holder=world.own), CategoryFactory(holder=world.own)
    signal = SignalFactory(holder=world.own)
    seen = signal.version
    signal_category_set(actor=world.users["directeur"], signal=signal, category=first)

    with pytest.raises(ConflictError):
        signal_category_set(
            actor=world.users["directeur"], signal=signal, category=second, expected_version=seen
        )
    assert Signal.objects.get(pk=signal.pk).category == first


def test_another_organisations_director_may_not_interpret(world: Any) -> None:
    signal = SignalFactory(holder=world.own)

    with pytest.raises(PermissionDenied):
        signal_category_set(
            actor=world.users["outsider"],
            signal=signal,
            category=CategoryFactory(holder=world.own),
        )


def test_heard_back_is_dated(world: Any) -> None:
    contact = SignalContactFactory(holder=world.own)
    today = timezone.localdate()

    signal_contact_answer_record(
        actor=world.users["medewerker"], contact=contact, answered_on=today
    )

    contact.refresh_from_db()
    assert contact.answered_on == today
    assert AuditEntry.objects.filter(action="signal.contact_answered").count() == 1


@pytest.mark.parametrize(
    ("days", "field"), [(1, "answered_on"), (-10, "answered_on")], ids=["future", "before"]
)
def test_heard_back_outside_consent_and_today_is_refused(world: Any, days: int, field: str) -> None:
    contact = SignalContactFactory(holder=world.own)  # consent given 3 days ago

    with pytest.raises(ValidationError) as refused:
        signal_contact_answer_record(
            actor=world.users["medewerker"],
            contact=contact,
            answered_on=timezone.localdate() + dt.timedelta(days=days),
        )

    assert field in refused.value.message_dict
    contact.refresh_from_db()
    assert contact.answered_on is None


def test_another_organisation_cannot_mark_heard_back(world: Any) -> None:
    contact = SignalContactFactory(holder=world.own)

    with pytest.raises(PermissionDenied):
        signal_contact_answer_record(
            actor=world.users["outsider"], contact=contact, answered_on=timezone.localdate()
        )


def test_contacts_past_retention_are_removed_and_their_signals_stay(world: Any) -> None:
    today = dt.date(2026, 6, 1)
    expired = SignalContactFactory(holder=world.own, retain_until=today - dt.timedelta(days=1))
    last_day = SignalContactFactory(holder=world.own, retain_until=today)

    assert signal_contact_retention_enforce(today=today) == 1

    assert list(SignalContact.objects.all()) == [last_day]
    assert Signal.objects.filter(pk=expired.signal_id).exists()
