"""The contact's personal link: made by a coordinator (mailed and shown once), used once
without an account to confirm or to propose changes, which wait for review."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from koers.atlas.initiatives import confirmation_services
from koers.atlas.models import ChangeStatus, ConfirmationLink, Initiative, ProposedChange, Theme
from koers.core.models import AuditEntry
from tests.atlas.factories import InitiativeFactory
from tests.conftest import World
from tests.directory.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _link(world: World, initiative: Initiative) -> str:
    """The address the coordinator is shown (and the contact is mailed)."""
    client = world.client("programmacoordinator")
    response = client.post(reverse("atlas:initiative_link", args=[initiative.pk]), follow=True)
    assert response.status_code == 200
    return str(response.context["shown_link"][1])


def _path(url: str) -> str:
    return url.split("testserver", 1)[1]


@pytest.fixture
def entry(world: World) -> Initiative:
    contact = PersonFactory(holder=world.own, first_name="Fatima", email="fatima@voorbeeld.nl")
    return InitiativeFactory(
        holder=world.own, contact=contact, name="Taalcafé", confirmed_on=dt.date(2019, 5, 1)
    )


def test_the_link_is_mailed_shown_once_and_stored_hashed(
    world: World, entry: Initiative, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        url = _link(world, entry)
    token = url.rstrip("/").rsplit("/", 1)[1]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fatima@voorbeeld.nl"]
    assert url in mail.outbox[0].body
    stored = ConfirmationLink.objects.get(initiative=entry)
    assert token not in stored.token_hash and len(stored.token_hash) == 64
    again = world.client("programmacoordinator").get(reverse("atlas:initiative", args=[entry.pk]))
    assert url not in again.content.decode()  # shown once
    assert AuditEntry.objects.filter(action="initiative.link_made").exists()


def test_without_an_address_nothing_is_mailed(world: World) -> None:
    contact = PersonFactory(holder=world.own, email="")
    record = InitiativeFactory(holder=world.own, contact=contact)
    _link(world, record)
    assert not mail.outbox
    assert not ConfirmationLink.objects.get(initiative=record).mailed


def test_the_page_shows_the_entry_without_persons(world: World, entry: Initiative) -> None:
    page = Client().get(_path(_link(world, entry)))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Taalcafé" in text
    assert "Fatima" not in text


def test_confirming_unchanged_sets_today_and_uses_the_link(world: World, entry: Initiative) -> None:
    path = _path(_link(world, entry))
    anonymous = Client()
    response = anonymous.post(path, {"action": "confirm"})
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.confirmed_on == timezone.localdate()
    assert not ProposedChange.objects.exists()
    assert AuditEntry.objects.filter(action="initiative.confirmed_by_contact").exists()
    reused = anonymous.post(path, {"action": "confirm"})
    assert reused.status_code == 410
    assert "al gebruikt" in reused.content.decode()


def _proposal(entry: Initiative, **changes: Any) -> dict[str, Any]:
    data = {
        "action": "propose",
        "name": entry.name,
        "description": entry.description,
        "municipality": str(entry.municipality_id),
        "serves_body": "0",
        "serves_mind": "0",
        "serves_meaning": "0",
        "serves_quality": "0",
        "serves_participation": "0",
        "serves_daily": "0",
        "website": "",
        "target_groups": "",
        "latitude": "",
        "longitude": "",
    }
    return {**data, **changes}


def test_proposing_changes_waits_for_review_and_changes_nothing_yet(
    world: World, entry: Initiative
) -> None:
    path = _path(_link(world, entry))
    language = Theme.objects.get(slug="taal-en-gezondheid")
    response = Client().post(
        path,
        _proposal(entry, name="Taalcafé Haven", serves_participation="2", themes=[language.pk]),
    )
    assert response.status_code == 200
    entry.refresh_from_db()
    assert entry.name == "Taalcafé" and entry.confirmed_on == dt.date(2019, 5, 1)
    change = ProposedChange.objects.get()
    assert change.values["name"] == "Taalcafé Haven"
    queue = world.client("medewerker").get(reverse("atlas:reviews"))
    assert "Taalcafé Haven" in queue.content.decode()


def test_accepting_applies_audits_and_confirms(world: World, entry: Initiative) -> None:
    Client().post(_path(_link(world, entry)), _proposal(entry, name="Taalcafé Haven"))
    change = ProposedChange.objects.get()
    response = world.client("directeur").post(
        reverse("atlas:review_decide", args=[change.pk]), {"decision": "accept"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.name == "Taalcafé Haven"
    assert entry.confirmed_on == timezone.localdate()
    change.refresh_from_db()
    assert change.status == ChangeStatus.ACCEPTED
    assert AuditEntry.objects.filter(action="initiative.change_accepted").exists()


def test_rejecting_leaves_the_entry(world: World, entry: Initiative) -> None:
    Client().post(_path(_link(world, entry)), _proposal(entry, name="Iets anders"))
    change = ProposedChange.objects.get()
    world.client("directeur").post(
        reverse("atlas:review_decide", args=[change.pk]), {"decision": "reject"}
    )
    entry.refresh_from_db()
    change.refresh_from_db()
    assert entry.name == "Taalcafé" and change.status == ChangeStatus.REJECTED


def test_a_proposal_with_a_point_abroad_is_refused_and_keeps_the_link(
    world: World, entry: Initiative
) -> None:
    path = _path(_link(world, entry))
    response = Client().post(path, _proposal(entry, latitude="48.85000", longitude="2.35000"))
    assert response.status_code == 400
    assert "buiten Nederland" in response.content.decode()
    assert not ProposedChange.objects.exists()
    assert ConfirmationLink.objects.get().used_at is None


def test_an_expired_link_changes_nothing(world: World, entry: Initiative) -> None:
    path = _path(_link(world, entry))
    ConfirmationLink.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = Client().post(path, {"action": "confirm"})
    assert response.status_code == 410
    assert "verlopen" in response.content.decode()
    entry.refresh_from_db()
    assert entry.confirmed_on == dt.date(2019, 5, 1)


def test_an_unknown_link_is_404(world: World) -> None:
    response = Client().get(reverse("atlas:confirmation", args=["geraden"]))
    assert response.status_code == 404
    assert "onbekend" in response.content.decode()


def test_the_link_expires_after_the_setting(world: World, entry: Initiative, settings: Any) -> None:
    settings.ATLAS_CONFIRMATION_DAYS = 3
    now = timezone.now()
    link, _url = confirmation_services.confirmation_link_create(
        actor=world.users["directeur"], initiative=entry, now=now, address=lambda token: token
    )
    assert link.expires_at == now + dt.timedelta(days=3)


def test_the_page_is_rate_limited(world: World, entry: Initiative, settings: Any) -> None:
    from koers.atlas.initiatives.views import confirmation

    anonymous = Client()
    for _n in range(confirmation.LINK_USES_PER_HOUR):
        anonymous.get(reverse("atlas:confirmation", args=["geraden"]))
    assert anonymous.get(reverse("atlas:confirmation", args=["geraden"])).status_code == 429


def test_a_funder_sees_no_review_queue(world: World, entry: Initiative) -> None:
    assert world.client("opdrachtgever").get(reverse("atlas:reviews")).status_code == 403


def test_the_review_queue_costs_the_same_queries_for_few_or_many(world: World) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = world.client("directeur")
    counts = []
    for proposals in (1, 8):
        for _n in range(proposals):
            record = InitiativeFactory(holder=world.own, contact=PersonFactory(holder=world.own))
            Client().post(_path(_link(world, record)), _proposal(record, name="Nieuwe naam"))
        client.get(reverse("atlas:reviews"))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("atlas:reviews")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
