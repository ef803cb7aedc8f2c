"""Residents waiting to hear back: the holder's staff see them (and listing them is in the
access log, as their details are personal data), mark one as heard back; no one else sees
them."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from koers.privacy.models import AccessAction, AccessRecord
from tests.signals.factories import SignalContactFactory

pytestmark = pytest.mark.django_db

CONTACTS = reverse("signals:contacts")


def test_staff_see_who_waits_and_the_listing_is_logged(world: Any) -> None:
    waiting = SignalContactFactory(holder=world.own, name="Anna Wacht")
    SignalContactFactory(holder=world.own, name="Bert Beantwoord", answered_on=timezone.localdate())
    SignalContactFactory(holder=world.other_org, name="Carla Elders")

    response = world.client("medewerker").get(CONTACTS)

    text = response.content.decode()
    assert response.status_code == 200
    assert "Anna Wacht" in text
    assert "Bert Beantwoord" not in text and "Carla Elders" not in text
    logged = AccessRecord.objects.get(action=AccessAction.LIST)
    assert logged.subject_id == waiting.pk


def test_all_shows_the_answered_too(world: Any) -> None:
    SignalContactFactory(holder=world.own, name="Bert Beantwoord", answered_on=timezone.localdate())

    text = world.client("medewerker").get(CONTACTS, {"toon": "alle"}).content.decode()

    assert "Bert Beantwoord" in text


def test_marking_heard_back(world: Any) -> None:
    contact = SignalContactFactory(holder=world.own)
    today = timezone.localdate()

    response = world.client("medewerker").post(
        reverse("signals:contact_answered", args=[contact.pk]), {"answered_on": today.isoformat()}
    )

    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.answered_on == today


def test_a_refused_date_is_said_and_nothing_changes(world: Any) -> None:
    contact = SignalContactFactory(holder=world.own)

    response = world.client("medewerker").post(
        reverse("signals:contact_answered", args=[contact.pk]), {"answered_on": "2099-01-01"}
    )

    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.answered_on is None


def test_another_organisation_cannot_reach_them(world: Any) -> None:
    contact = SignalContactFactory(holder=world.own, name="Anna Wacht")
    client = world.client("outsider")

    listed = client.get(CONTACTS)
    marked = client.post(
        reverse("signals:contact_answered", args=[contact.pk]),
        {"answered_on": timezone.localdate().isoformat()},
    )

    assert "Anna Wacht" not in listed.content.decode()
    assert marked.status_code == 404


@pytest.mark.parametrize("role", ["toezicht", "opdrachtgever", "bedrijfsvoering", "beheerder"])
def test_funders_the_board_and_operations_never_see_them(world: Any, role: str) -> None:
    SignalContactFactory(holder=world.own)

    assert world.client(role).get(CONTACTS).status_code == 403
