"""The corrections page refuses what it cannot correct with a message (400), never a 500:
the posted entry and the query string are parsed by forms, not by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from koers.work.models import ClosedMonth, StaffProfile, TimeEntry
from tests.conftest import World

URL = reverse("work:corrections")
NOT_HERE = "kan hier niet worden gecorrigeerd"


@pytest.fixture
def march(world: World) -> TimeEntry:
    """Her entry of a closed March, the one the page offers to correct."""
    staff = world.users["medewerker"]
    StaffProfile.objects.create(user=staff, organisation=world.own)
    entry = TimeEntry.objects.create(
        user=staff,
        organisation=world.own,
        date=dt.date(2021, 3, 1),
        hours=Decimal(8),
        activity=world.activity,
    )
    ClosedMonth.objects.create(
        organisation=world.own, month=dt.date(2021, 3, 1), closed_by=world.users["bedrijfsvoering"]
    )
    return entry


def _post(world: World, **data: Any) -> Any:
    correction = {"day": "2021-04-06", "hours": "-1,5", "note": "Dubbel geboekt", **data}
    return world.client("medewerker").post(f"{URL}?maand=2021-03", correction)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("abc", NOT_HERE),
        ("", "Kies de boeking die je wilt corrigeren"),
        ("99999999999999999999999", NOT_HERE),  # beyond any database's integer
        ("9223372036854775807", NOT_HERE),  # the largest bigint: no such entry
        ("-1", NOT_HERE),
        ("1.5", NOT_HERE),
    ],
)
def test_an_entry_that_is_not_one_of_hers_is_refused_with_a_message(
    world: World, march: TimeEntry, entry: str, message: str
) -> None:
    response = _post(world, entry=entry)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not TimeEntry.objects.filter(corrects__isnull=False).exists()


def test_a_missing_entry_is_refused_with_a_message(world: World, march: TimeEntry) -> None:
    response = _post(world)
    assert response.status_code == 400
    assert "Kies de boeking die je wilt corrigeren" in response.content.decode()


def test_another_organisations_entry_is_refused_as_if_it_did_not_exist(
    world: World, march: TimeEntry
) -> None:
    theirs = TimeEntry.objects.create(
        user=world.users["directeur"],
        organisation=world.other_org,
        date=dt.date(2021, 3, 1),
        hours=Decimal(8),
        activity=world.other_activity,
    )
    response = _post(world, entry=str(theirs.pk))
    assert response.status_code == 400
    assert NOT_HERE in response.content.decode()
    assert not TimeEntry.objects.filter(corrects=theirs).exists()


def test_a_colleagues_entry_is_refused_to_her(world: World, march: TimeEntry) -> None:
    colleagues = TimeEntry.objects.create(
        user=world.users["programmacoordinator"],
        organisation=world.own,
        date=dt.date(2021, 4, 1),
        hours=Decimal(8),
        activity=world.activity,
    )
    response = _post(world, entry=str(colleagues.pk))
    assert response.status_code == 400
    assert not TimeEntry.objects.filter(corrects=colleagues).exists()


def test_her_own_entry_is_still_corrected(world: World, march: TimeEntry) -> None:
    response = _post(world, entry=str(march.pk))
    assert response.status_code == 302
    assert TimeEntry.objects.get(corrects=march).hours == Decimal("-1.5")


@pytest.mark.parametrize(
    "query",
    [
        {"medewerker": "abc", "maand": "2021-03"},
        {"medewerker": "99999999999999999999999", "maand": "2021-03"},
        {"medewerker": "-3", "maand": "maart"},
        {"maand": "2021-13"},
        {"maand": "99999-01"},
    ],
)
def test_a_query_string_that_does_not_parse_counts_as_not_given(
    world: World, march: TimeEntry, query: dict[str, str]
) -> None:
    response = world.client("medewerker").get(URL, query)
    assert response.status_code == 200
    assert response.context["staff_id"] == world.users["medewerker"].pk
    expected_month = dt.date(2021, 3, 1) if query.get("maand") == "2021-03" else None
    assert response.context["month"] == expected_month


def test_a_refused_correction_marks_the_fields_of_its_row(world: World, march: TimeEntry) -> None:
    """Wrong hours and no reason: the error summary links to that row's fields, which are
    marked and keep what she typed (they were flashed as messages, the fields empty again)."""
    response = _post(world, entry=str(march.pk), hours="abc", note="")
    assert response.status_code == 400
    page = response.content.decode()
    assert f'href="#hours-{march.pk}"' in page
    assert f'id="hours-{march.pk}_error"' in page
    assert 'value="abc"' in page
    assert 'aria-invalid="true"' in page
    assert not TimeEntry.objects.filter(corrects__isnull=False).exists()
