"""The funder's view: aggregates only, and only of the programmes her organisation funds.

Every page of the permission matrix that a funder's official (opdrachtgever, regio) or a
board member (toezicht) may open is requested against a world full of people: contact
persons, event participants, staff named on records (recorded by, owner, coordinator,
history, reviews, steps, progress, answers) and one person's hours. None of their names or
addresses may appear; nor may another funder's programme.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from koers.plans import services
from koers.plans.models import AdvisoryComment, AnnualPlanEvent
from tests.conftest import World
from tests.permission_matrix import (
    ROLES,
    ROWS,
    Row,
    a_grant,
    a_product,
    an_event,
    frozen_with_amendment,
)
from tests.plans.factories import RealisationFactory, write_progress

READERS = ["opdrachtgever", "regio", "toezicht"]
STAFF_NAMES = {
    "directeur": ("Dirk", "Directeurszoon"),
    "programmacoordinator": ("Carla", "Coördinatrix"),
    "medewerker": ("Mila", "Meewerkster"),
    "bedrijfsvoering": ("Bea", "Boekhoudster"),
}
# One person's hours on the programme, and another's: only their sum may show.
HOURS = {"medewerker": Decimal("13.65"), "programmacoordinator": Decimal("6.85")}


@dataclass
class Crowded:
    world: World
    forbidden: list[str]  # names, addresses and one person's hours
    pages: list[str]  # the pages of the records named above, besides the matrix's own


def _people(world: World) -> list[str]:
    """Persons of the directory: a contact at the province, a participant of an event."""
    from koers.directory.models import Position
    from tests.directory.factories import PersonFactory

    contact = PersonFactory(
        holder=world.own, first_name="Anna", last_name="Contactpersoon", email="anna@provincie.nl"
    )
    Position.objects.create(person=contact, organisation=world.province, title="Beleidsadviseur")
    Position.objects.create(person=contact, organisation=world.regio, title="Adviseur")
    guest = PersonFactory(
        holder=world.own, first_name="Gijs", last_name="Deelnemersma", email="gijs@urk.nl"
    )
    event = an_event(world)
    event.participants.create(person=guest, organisation=world.other_org, attended=True)
    event.participants.create(person=contact, organisation=world.province, attended=True)
    return [
        "Anna Contactpersoon",
        "Contactpersoon",
        "anna@provincie.nl",
        "Deelnemersma",
        "gijs@urk.nl",
    ]


def _staff_on_records(world: World) -> list[str]:
    """Staff named on every kind of record a funder's page shows; the pages that show them."""
    from koers.funding.models import GrantStep
    from koers.work.models import Product

    users = world.users
    world.programme.coordinator = users["programmacoordinator"]
    world.programme.save()
    world.activity.owner = users["medewerker"]
    world.activity.save()
    RealisationFactory(indicator=world.indicator, recorded_by=users["medewerker"], value=2)
    services.activity_update(
        actor=users["directeur"],
        activity=world.activity,
        changes={"status": "running"},
        expected_version=world.activity.version,
    )
    write_progress(
        users["programmacoordinator"],
        world.activity,
        narrative="Drie bijeenkomsten.",
        status_override="on_track",
        override_reason="Inhaalslag gepland.",
    )
    question = services.activity_comment_post(
        actor=users["opdrachtgever"], activity=world.activity, text="Hoe gaat het?"
    )
    services.activity_comment_post(
        actor=users["programmacoordinator"], activity=world.activity, text="Goed.", parent=question
    )
    product = a_product(world)
    Product.objects.filter(pk=product.pk).update(
        status="approved",
        reviewed_by=users["programmacoordinator"],
        reviewed_at=dt.datetime(2021, 6, 1, tzinfo=dt.UTC),
    )
    grant = a_grant(world, granted=True)
    GrantStep.objects.create(
        grant=grant, status="granted", on=dt.date(2020, 12, 15), by=users["bedrijfsvoering"]
    )
    AnnualPlanEvent.objects.create(
        annual_plan=world.annual_plan,
        from_status="concept",
        to_status="ter_advies",
        actor=users["directeur"],
    )
    AdvisoryComment.objects.create(
        annual_plan=world.annual_plan, author=users["toezicht"], text="Mooi plan."
    )
    frozen_with_amendment(world)  # proposed by the director
    amendment = world.activity.amendments.get()
    services.amendment_decide(
        actor=users["opdrachtgever"], amendment=amendment, approve=True, note="Akkoord."
    )
    return [
        reverse("funding:grant", args=[grant.pk]),
        reverse("plans:activity", args=[world.activity.pk]) + "?peildatum=2021-10-15",
        reverse("plans:annual_plan", args=[world.annual_plan.pk]),
        reverse("work:products", args=[world.activity.pk]),
    ]


def _hours(world: World) -> None:
    from koers.work.models import TimeEntry

    for role, hours in HOURS.items():
        TimeEntry.objects.create(
            user=world.users[role],
            organisation=world.own,
            date=dt.date(2021, 5, 4),
            hours=hours,
            activity=world.activity,
        )


@pytest.fixture
def crowded(world: World) -> Crowded:
    forbidden: list[str] = []
    for role, (first, last) in STAFF_NAMES.items():
        user = world.users[role]
        user.first_name, user.last_name = first, last
        user.email = f"{first.lower()}@cmo-flevoland.nl"
        user.save()
        forbidden += [last, user.email]
    # The board member and the funder's official are persons too: each may see her own name
    # (in the page header), nobody else's.
    for role, (first, last) in {
        "toezicht": ("Rita", "Raadslid"),
        "opdrachtgever": ("Olga", "Opdrachtgeefster"),
    }.items():
        user = world.users[role]
        user.first_name, user.last_name = first, last
        user.save()
        forbidden.append(last)
    forbidden += _people(world)
    pages = _staff_on_records(world)
    _hours(world)
    for hours in HOURS.values():
        forbidden += [f"{hours}", f"{hours}".replace(".", ",")]
    return Crowded(world, forbidden, pages)


def _text(response: Any) -> str:
    """What a response shows: the page, or the cells of a spreadsheet, or a PDF's text."""
    kind = response.get("Content-Type", "")
    if getattr(response, "streaming", False):
        return ""  # uploaded files (evidence, documents): the test's own bytes
    body = response.content
    if "spreadsheetml" in kind:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(body), read_only=True)
        return "\n".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        )
    if "pdf" in kind:
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    return body.decode()


def _pages(role: str) -> list[Row]:
    column = ROLES.index(role)
    return [
        row
        for row in ROWS
        if row.method == "GET" and not row.public and row.expected[column] == 200
    ]


def _url(row: Row, world: World) -> str:
    own_query = row.query_for(world)
    separator = "&" if "?" in own_query else "?"
    query = own_query + separator + "jaar=2021&peildatum=2021-10-15"
    return reverse(row.name, args=row.args(world)) + query


@pytest.mark.parametrize("role", READERS)
def test_no_page_shows_a_persons_data_or_one_persons_hours(crowded: Crowded, role: str) -> None:
    world = crowded.world
    client = world.client(role)
    own = world.users[role]
    forbidden = [text for text in crowded.forbidden if text not in (own.last_name, own.email)]
    pages = [(f"{row.name} [{row.what}]", _url(row, world)) for row in _pages(role)]
    assert len(pages) > 20  # the matrix gives these roles their pages
    pages += [(url, url) for url in crowded.pages]
    leaks = []
    for label, url in pages:
        response = client.get(url)
        if response.status_code == 404 and url in crowded.pages:
            continue  # another funder's record: not hers to see at all
        assert response.status_code == 200, label
        shown = _text(response)
        leaks += [f"{label}: {text}" for text in forbidden if text in shown]
    assert not leaks, "\n".join(leaks)


def test_the_people_are_there_for_the_staff(crowded: Crowded) -> None:
    """So the test above can fail: the same pages name them to the organisation's staff."""
    world = crowded.world
    client = world.client("directeur")
    activity = client.get(reverse("plans:activity", args=[world.activity.pk])).content.decode()
    assert "Meewerkster" in activity and "Coördinatrix" in activity
    event = world.activity.programme.events.get()
    page = client.get(reverse("relations:event", args=[event.pk])).content.decode()
    assert "Deelnemersma" in page


def test_another_funders_programme_is_absent_or_not_found(crowded: Crowded) -> None:
    world = crowded.world
    # A name only this programme bears: the world's "Positieve Gezondheid" is also the name
    # of a concept that pages may name (the atlas's dimensions), which is no leak.
    world.programme.name = "Programma Gezond Leven Flevoland"
    world.programme.save(update_fields=["name"])
    client = world.client("regio")
    for name, target in [
        ("plans:programme", world.programme),
        ("plans:activity", world.activity),
        ("work:products", world.activity),
    ]:
        assert client.get(reverse(name, args=[target.pk])).status_code == 404, name
    assert (
        client.post(reverse("plans:activity_comment", args=[world.activity.pk]), {"text": "?"})
    ).status_code == 404
    hidden = [world.programme.name, world.activity.title, "Instellingssubsidie 2021", "Thema sport"]
    for row in _pages("regio"):
        shown = _text(client.get(_url(row, world)))
        for text in hidden:
            assert text not in shown, f"{row.name} [{row.what}] shows {text!r}"


def test_the_province_sees_its_own_programme_but_not_the_other_funders(
    crowded: Crowded,
) -> None:
    world = crowded.world
    client = world.client("opdrachtgever")
    dashboard = client.get(reverse("plans:dashboard") + "?jaar=2021").content.decode()
    assert world.programme.name in dashboard
    assert world.unfunded_programme.name not in dashboard
    assert (
        client.get(reverse("plans:programme", args=[world.unfunded_programme.pk])).status_code
        == 404
    )
