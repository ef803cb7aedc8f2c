"""The hours pages: the week grid, approvals and closing months, through real requests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.urls import reverse

from koers.work.models import ClosedMonth, StaffProfile, TimeCategory, TimeEntry, Week, WeekStatus
from tests.confirming import post_confirmed
from tests.conftest import World

MONDAY = "2021-05-03"


def _grid(world: World, **cells: str) -> dict[str, Any]:
    key = f"a{world.activity.pk}"
    data: dict[str, Any] = {"rows": [key], "action": "save", f"n-{key}": ""}
    for index, value in cells.items():
        data[f"h-{key}-{index[1:]}"] = value
    return data


def test_she_fills_saves_and_submits_her_week(world: World) -> None:
    client = world.client("medewerker")
    url = reverse("work:week", args=[MONDAY])
    page = client.get(url, {"rij": f"a{world.activity.pk}"})
    assert page.status_code == 200
    assert "Partners verbinden" in page.content.decode()
    response = client.post(url, _grid(world, d0="4", d1="2,5", d2=""))
    assert response.status_code == 302
    assert sorted(TimeEntry.objects.values_list("date", "hours")) == [
        (dt.date(2021, 5, 3), Decimal(4)),
        (dt.date(2021, 5, 4), Decimal("2.5")),
    ]
    submit = {**_grid(world, d0="4", d1="2,5"), "action": "submit"}
    assert client.post(url, submit).status_code == 302
    assert Week.objects.get().status == WeekStatus.SUBMITTED
    refused = client.post(url, _grid(world, d0="8"))
    assert refused.status_code == 400
    assert TimeEntry.objects.get(date=dt.date(2021, 5, 3)).hours == Decimal(4)


def test_bad_numbers_are_named_and_nothing_is_saved(world: World) -> None:
    client = world.client("medewerker")
    response = client.post(
        reverse("work:week", args=[MONDAY]), _grid(world, d0="4", d1="veel", d2="25")
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "veel" in text and "25" in text
    assert not TimeEntry.objects.exists()


def test_copy_last_week_fills_the_empty_cells(world: World) -> None:
    client = world.client("medewerker")
    client.post(reverse("work:week", args=["2021-04-26"]), _grid(world, d0="3", d4="5"))
    client.post(reverse("work:week", args=[MONDAY]), {"action": "copy"})
    assert sorted(
        TimeEntry.objects.filter(date__gte=dt.date(2021, 5, 3)).values_list("date", "hours")
    ) == [(dt.date(2021, 5, 3), Decimal(3)), (dt.date(2021, 5, 7), Decimal(5))]


def test_the_coordinator_approves_and_operations_closes_the_month(world: World) -> None:
    staff = world.users["medewerker"]
    StaffProfile.objects.create(
        user=staff, organisation=world.own, coordinator=world.users["programmacoordinator"]
    )
    leave = TimeCategory.objects.create(organisation=world.own, name="Verlof")
    client = world.client("medewerker")
    client.post(
        reverse("work:week", args=["2021-03-29"]),
        {"rows": [f"c{leave.pk}"], f"h-c{leave.pk}-0": "8", "action": "submit"},
    )
    week = Week.objects.get()
    coordinator = world.client("programmacoordinator")
    listing = coordinator.get(reverse("work:approvals"))
    assert [w for w, _total in listing.context["weeks"]] == [week]
    coordinator.post(reverse("work:decide", args=[week.pk]), {"decision": "approve"})
    week.refresh_from_db()
    assert week.status == WeekStatus.APPROVED
    operations = world.client("bedrijfsvoering")
    post_confirmed(operations, reverse("work:month_close"), {"month": "2021-03-01"})
    assert ClosedMonth.objects.filter(month=dt.date(2021, 3, 1)).exists()


def test_someone_elses_week_cannot_be_decided(world: World) -> None:
    staff = world.users["medewerker"]
    StaffProfile.objects.create(user=staff, organisation=world.own)
    week = Week.objects.create(
        user=staff, organisation=world.own, monday=dt.date(2021, 5, 3), status="submitted"
    )
    response = world.client("outsider").post(
        reverse("work:decide", args=[week.pk]), {"decision": "approve"}
    )
    assert response.status_code == 404
    week.refresh_from_db()
    assert week.status == WeekStatus.SUBMITTED


def test_her_year_is_for_her_and_her_coordinator_only(world: World) -> None:
    staff = world.users["medewerker"]
    StaffProfile.objects.create(
        user=staff, organisation=world.own, coordinator=world.users["programmacoordinator"]
    )
    world.client("medewerker").post(reverse("work:week", args=[MONDAY]), _grid(world, d0="6"))
    url = reverse("work:person", args=[staff.pk])
    for role in ("medewerker", "programmacoordinator"):
        response = world.client(role).get(url, {"peildatum": "2021-12-31"})
        assert response.status_code == 200
        assert response.context["figures"].direct == Decimal(6)
    for role in ("directeur", "bedrijfsvoering", "outsider"):
        assert world.client(role).get(url).status_code == 404


def test_reminders_list_the_weeks_not_handed_in(world: World, mailoutbox: Any) -> None:
    from koers.work.reminders import reminders_due, send_week_reminders

    staff = world.users["medewerker"]
    staff.email = "mila@cmo.example"
    staff.save()
    StaffProfile.objects.create(user=staff, organisation=world.own)
    Week.objects.create(
        user=staff, organisation=world.own, monday=dt.date(2021, 4, 26), status="submitted"
    )
    [(address, _subject, body)] = reminders_due(dt.date(2021, 5, 12))
    assert address == "mila@cmo.example"
    assert "week 16" in body and "week 18" in body and "week 17" not in body
    assert send_week_reminders.call("2021-05-12") == 1
    [mail] = mailoutbox
    assert mail.to == ["mila@cmo.example"] and "week 18" in mail.body


def test_a_closed_month_is_corrected_on_the_corrections_page(world: World) -> None:
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
    client = world.client("medewerker")
    url = reverse("work:corrections")
    page = client.get(url, {"maand": "2021-03"})
    assert page.context["entries"] == [entry]
    client.post(
        f"{url}?maand=2021-03",
        {"entry": entry.pk, "day": "2021-04-06", "hours": "-1,5", "note": "Dubbel geboekt"},
    )
    correction = TimeEntry.objects.get(corrects=entry)
    assert (correction.hours, correction.date) == (Decimal("-1.5"), dt.date(2021, 4, 6))
    # someone else's entries only for operations
    other = world.client("programmacoordinator")
    assert other.get(url, {"medewerker": staff.pk, "maand": "2021-03"}).status_code == 404
    operations = world.client("bedrijfsvoering")
    response = operations.get(url, {"medewerker": staff.pk, "maand": "2021-03"})
    assert response.context["entries"] == [entry]


def test_a_week_note_longer_than_its_field_is_refused_with_a_message(world: World) -> None:
    """100,000 characters in a week's note were cut to 300 without a word."""
    key = f"a{world.activity.pk}"
    data = {**_grid(world, d0="4"), f"n-{key}": "x" * 100_000}
    response = world.client("medewerker").post(reverse("work:week", args=[MONDAY]), data)
    assert response.status_code == 400
    assert "Hooguit 300 tekens; je gaf er 100.000." in response.content.decode()
    assert not TimeEntry.objects.exists()
    assert not Week.objects.exists()


def test_a_week_note_with_a_character_that_cannot_be_stored_is_refused(world: World) -> None:
    """A NUL answered 500 on PostgreSQL and was stored on SQLite."""
    key = f"a{world.activity.pk}"
    for character in ("\x00", "\x1b"):
        data = {**_grid(world, d0="4"), f"n-{key}": f"Overleg{character}Urk"}
        response = world.client("medewerker").post(reverse("work:week", args=[MONDAY]), data)
        assert response.status_code == 400
        code = f"U+{ord(character):04X}"
        assert f"een teken dat niet kan worden opgeslagen ({code}" in response.content.decode()
        assert not TimeEntry.objects.exists()


def test_a_row_that_cannot_be_chosen_is_refused_with_a_message(world: World) -> None:
    """An unknown row used to be ignored while the rest of the week was saved."""
    data = {**_grid(world, d0="4"), "rows": [f"a{world.activity.pk}", "p999"]}
    response = world.client("medewerker").post(reverse("work:week", args=[MONDAY]), data)
    assert response.status_code == 400
    assert "kan niet meer worden gekozen" in response.content.decode()
    assert not TimeEntry.objects.exists()


def test_a_week_returned_without_a_remark_shows_the_approvals_again(world: World) -> None:
    """The service's refusal comes back next to the week's remark field (400), not as a
    message after a redirect; the week stays submitted."""
    staff = world.users["medewerker"]
    StaffProfile.objects.create(
        user=staff, organisation=world.own, coordinator=world.users["programmacoordinator"]
    )
    week = Week.objects.create(
        user=staff, organisation=world.own, monday=dt.date(2021, 5, 3), status="submitted"
    )
    response = world.client("programmacoordinator").post(
        reverse("work:decide", args=[week.pk]), {"decision": "return", "remark": " "}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert f'href="#remark-{week.pk}"' in page
    assert f'id="remark-{week.pk}_error"' in page
    assert 'aria-invalid="true"' in page
    week.refresh_from_db()
    assert week.status == WeekStatus.SUBMITTED
