"""Agenda-setting: an item bundles signals (shown in figures, never people), moves along
nieuw → geduid → geagendeerd → teruggekoppeld one dated step at a time or is told why not,
and the meetings it goes to. Who may see and change it; pages in a constant number of
queries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from koers.core.models import AuditEntry
from koers.signals.agenda.services import (
    agenda_item_create,
    agenda_item_save,
    agenda_item_step,
    meeting_create,
    meeting_save,
)
from koers.signals.models import AgendaItem, Meeting
from koers.signals.weeks import IsoWeek
from tests.directory.factories import OrganisationFactory
from tests.signals.factories import (
    AgendaItemFactory,
    CategoryFactory,
    MeetingFactory,
    SignalFactory,
    flevoland,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english() -> Any:
    """The services' reasons are matched in English (their msgids); pages answer in Dutch."""
    with translation.override("en"):
        yield


COORDINATOR = "programmacoordinator"
MEETING_DAY = dt.date(2021, 6, 10)


def new_item(world: Any, *, signals: int = 2, meeting: Any = None) -> AgendaItem:
    return agenda_item_create(
        actor=world.users[COORDINATOR],
        holder=world.own,
        values={
            "title": "Wachtlijsten Wlz",
            "question": "Hoe worden ze korter?",
            "meeting": meeting,
        },
        signals=[SignalFactory(holder=world.own) for _ in range(signals)],
        on=dt.date(2021, 5, 1),
    )


def step(world: Any, item: AgendaItem, to: str, on: dt.date, **extra: Any) -> AgendaItem:
    return agenda_item_step(actor=world.users[COORDINATOR], item=item, to=to, on=on, **extra)


# --- the service ---------------------------------------------------------------------------


def test_an_item_bundles_signals_starts_new_and_is_audited(world: Any) -> None:
    item = new_item(world, signals=3)
    assert item.status == "nieuw"
    assert item.signals.count() == 3
    [first] = item.steps.all()
    assert (first.status, first.on, first.by) == (
        "nieuw",
        dt.date(2021, 5, 1),
        world.users[COORDINATOR],
    )
    entry = AuditEntry.objects.get(action="agenda_item.created", subject_id=item.pk)
    assert len(entry.changes["signals"][1]) == 3


def test_an_employee_sees_the_agenda_but_does_not_set_it(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        agenda_item_create(
            actor=world.users["medewerker"],
            holder=world.own,
            values={"title": "T", "question": "Q", "meeting": None},
        )
    assert not AgendaItem.objects.exists()


def test_another_organisations_signal_or_meeting_is_refused(world: Any) -> None:
    other = OrganisationFactory()
    with pytest.raises(ValidationError) as refused:
        agenda_item_create(
            actor=world.users[COORDINATOR],
            holder=world.own,
            values={"title": "T", "question": "Q", "meeting": None},
            signals=[SignalFactory(holder=other)],
        )
    assert "signals" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        agenda_item_create(
            actor=world.users[COORDINATOR],
            holder=world.own,
            values={"title": "T", "question": "Q", "meeting": MeetingFactory(holder=other)},
        )
    assert "meeting" in refused.value.message_dict
    assert not AgendaItem.objects.exists()


def test_the_route_goes_forward_one_dated_step_at_a_time(world: Any) -> None:
    meeting = MeetingFactory(holder=world.own, held_on=MEETING_DAY)
    item = new_item(world, meeting=meeting)
    item = step(world, item, "geduid", dt.date(2021, 5, 3), note="Besproken")
    item = step(world, item, "geagendeerd", dt.date(2021, 5, 20))
    item = step(
        world,
        item,
        "teruggekoppeld",
        MEETING_DAY,
        response="De provincie laat het onderzoeken.",
        feedback="Uitkomst gedeeld",
        fed_back_to="Cliëntenraden",
    )
    item.refresh_from_db()
    assert item.status == "teruggekoppeld"
    assert (item.response, item.feedback, item.fed_back_to) == (
        "De provincie laat het onderzoeken.",
        "Uitkomst gedeeld",
        "Cliëntenraden",
    )
    assert [(s.status, s.on) for s in item.steps.all()] == [
        ("nieuw", dt.date(2021, 5, 1)),
        ("geduid", dt.date(2021, 5, 3)),
        ("geagendeerd", dt.date(2021, 5, 20)),
        ("teruggekoppeld", MEETING_DAY),
    ]
    assert AuditEntry.objects.filter(action="agenda_item.step", subject_id=item.pk).count() == 3
    with pytest.raises(ValidationError, match="route is complete"):
        step(world, item, "teruggekoppeld", MEETING_DAY, feedback="x", fed_back_to="y")


@pytest.mark.parametrize(
    ("to", "reason"),
    [
        ("geagendeerd", "one step at a time"),
        ("nieuw", "one step at a time"),
        ("bestaat-niet", "step of the route"),
    ],
)
def test_skipping_repeating_or_going_back_is_refused_with_the_reason(
    world: Any, to: str, reason: str
) -> None:
    item = new_item(world, meeting=MeetingFactory(holder=world.own))
    with pytest.raises(ValidationError, match=reason):
        step(world, item, to, dt.date(2021, 5, 3))
    item.refresh_from_db()
    assert item.status == "nieuw" and item.steps.count() == 1


def test_an_item_without_signals_is_not_interpreted_and_without_meeting_not_on_the_agenda(
    world: Any,
) -> None:
    item = new_item(world, signals=0)
    with pytest.raises(ValidationError, match="at least one signal"):
        step(world, item, "geduid", dt.date(2021, 5, 3))
    item.signals.add(SignalFactory(holder=world.own))
    item = step(world, item, "geduid", dt.date(2021, 5, 3))
    with pytest.raises(ValidationError, match="Choose the meeting"):
        step(world, item, "geagendeerd", dt.date(2021, 5, 4))


def test_fed_back_needs_what_and_to_whom_and_comes_after_the_meeting(world: Any) -> None:
    meeting = MeetingFactory(holder=world.own, held_on=MEETING_DAY)
    item = new_item(world, meeting=meeting)
    item = step(world, item, "geduid", dt.date(2021, 5, 3))
    item = step(world, item, "geagendeerd", dt.date(2021, 5, 4))
    with pytest.raises(ValidationError) as refused:
        step(world, item, "teruggekoppeld", MEETING_DAY)
    assert set(refused.value.message_dict) == {"feedback", "fed_back_to"}
    the_day_before = MEETING_DAY - dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="fed back after it"):
        step(world, item, "teruggekoppeld", the_day_before, feedback="x", fed_back_to="y")
    # The boundary: fed back on the day of the meeting itself is fine.
    assert (
        step(world, item, "teruggekoppeld", MEETING_DAY, feedback="x", fed_back_to="y").status
        == "teruggekoppeld"
    )


def test_a_step_is_not_dated_before_the_last_one_nor_after_today(world: Any) -> None:
    item = new_item(world)
    with pytest.raises(ValidationError, match="cannot be earlier"):
        step(world, item, "geduid", dt.date(2021, 4, 30))
    with pytest.raises(ValidationError, match="after today"):
        step(world, item, "geduid", timezone.localdate() + dt.timedelta(days=1))
    assert step(world, item, "geduid", dt.date(2021, 5, 1)).status == "geduid"  # same day: fine


def test_what_the_status_reached_stays_true_when_the_item_is_changed(world: Any) -> None:
    meeting = MeetingFactory(holder=world.own)
    item = step(world, new_item(world, meeting=meeting), "geduid", dt.date(2021, 5, 3))
    values = {"title": "T", "question": "Q", "meeting": meeting}
    with pytest.raises(ValidationError, match="at least one signal"):
        agenda_item_save(actor=world.users[COORDINATOR], item=item, values=values, signals=[])
    item = step(world, item, "geagendeerd", dt.date(2021, 5, 4))
    with pytest.raises(ValidationError, match="keeps its meeting"):
        agenda_item_save(
            actor=world.users[COORDINATOR],
            item=item,
            values={**values, "meeting": None},
            signals=item.signals.all(),
        )
    kept = agenda_item_save(
        actor=world.users[COORDINATOR], item=item, values=values, signals=item.signals.all()[:1]
    )
    assert kept.signals.count() == 1 and kept.title == "T"


def test_a_meeting_is_not_moved_past_the_feedback_on_its_items(world: Any) -> None:
    coordinator = world.users[COORDINATOR]
    meeting = meeting_create(
        actor=coordinator,
        holder=world.own,
        values={
            "kind": "provincie",
            "title": "Kwartaaloverleg",
            "held_on": MEETING_DAY,
            "with_organisation": None,
        },
    )
    item = step(world, new_item(world, meeting=meeting), "geduid", dt.date(2021, 5, 3))
    item = step(world, item, "geagendeerd", dt.date(2021, 5, 4))
    step(world, item, "teruggekoppeld", dt.date(2021, 6, 20), feedback="x", fed_back_to="y")
    values = {"kind": "provincie", "title": "Kwartaaloverleg", "with_organisation": None}
    with pytest.raises(ValidationError, match="cannot be held after that"):
        meeting_save(
            actor=coordinator, meeting=meeting, values={**values, "held_on": dt.date(2021, 6, 21)}
        )
    moved = meeting_save(
        actor=coordinator, meeting=meeting, values={**values, "held_on": dt.date(2021, 6, 20)}
    )
    assert moved.held_on == dt.date(2021, 6, 20)
    with pytest.raises(PermissionDenied):
        meeting_save(
            actor=world.users["medewerker"],
            meeting=moved,
            values={**values, "held_on": MEETING_DAY},
        )


# --- the pages -----------------------------------------------------------------------------


def test_bundling_from_the_signals_list_shows_counts_not_people(world: Any) -> None:
    almere = flevoland("GM0034", "Almere")
    wachtlijst = CategoryFactory(holder=world.own, name="Wachtlijsten")
    chosen = [
        SignalFactory(
            holder=world.own,
            category=wachtlijst,
            municipality=almere,
            description="Geheim verhaal een",
        )
        for _ in range(3)
    ]
    elsewhere = SignalFactory(holder=OrganisationFactory())
    ids = ",".join(str(s.pk) for s in [*chosen, elsewhere])
    client = world.client(COORDINATOR)
    page = client.get(reverse("signals:agenda_item_add") + f"?signals={ids}")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Geheim verhaal" not in text  # the page shows the bundle in figures
    assert "Almere" in text and "Wachtlijsten" in text
    assert page.context["notice"]  # the other organisation's signal: left out, and said so
    assert page.context["bundle"].total == 3
    response = client.post(
        reverse("signals:agenda_item_add") + f"?signals={ids}",
        {
            "title": "Wachtlijsten",
            "question": "Wat doet de provincie?",
            "signals": [s.pk for s in chosen],
        },
    )
    item = AgendaItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("signals:agenda_item", args=[item.pk])
    assert set(item.signals.all()) == set(chosen)


def test_a_signal_of_another_organisation_cannot_be_posted_into_a_bundle(world: Any) -> None:
    elsewhere = SignalFactory(holder=OrganisationFactory())
    response = world.client(COORDINATOR).post(
        reverse("signals:agenda_item_add") + f"?signals={elsewhere.pk}",
        {"title": "T", "question": "Q", "signals": [elsewhere.pk]},
    )
    assert response.status_code == 400
    assert not AgendaItem.objects.exists()


def test_the_item_page_walks_the_route_and_a_refused_step_says_why(world: Any) -> None:
    item = new_item(world)
    client = world.client(COORDINATOR)
    url = reverse("signals:agenda_item_step", args=[item.pk])
    done = client.post(url, {"to": "geduid", "on": "2021-05-02", "version": item.version})
    assert done.status_code == 302
    page = client.get(reverse("signals:agenda_item", args=[item.pk]))
    assert len(page.context["problems"]) == 1  # no meeting yet: said before she tries
    refused = client.post(url, {"to": "geagendeerd", "on": "2021-05-03"})
    assert refused.status_code == 400
    assert b"error-summary" in refused.content
    item.refresh_from_db()
    assert item.status == "geduid"


def test_a_stale_step_form_is_refused_as_a_conflict(world: Any) -> None:
    item = new_item(world)
    client = world.client(COORDINATOR)
    url = reverse("signals:agenda_item_step", args=[item.pk])
    assert (
        client.post(url, {"to": "geduid", "on": "2021-05-02", "version": item.version}).status_code
        == 302
    )
    # The same form posted again (she had it open twice): refused, nothing stepped.
    again = client.post(url, {"to": "geagendeerd", "on": "2021-05-02", "version": item.version})
    assert again.status_code == 400
    assert item.steps.count() == 2


def test_editing_adds_the_signals_chosen_on_the_list(world: Any) -> None:
    item = new_item(world, signals=1)
    extra = SignalFactory(holder=world.own)
    client = world.client(COORDINATOR)
    url = reverse("signals:agenda_item_edit", args=[item.pk]) + f"?signals={extra.pk}"
    page = client.get(url)
    assert page.status_code == 200
    assert page.context["form"].initial["signals"] == sorted(
        [*item.signals.values_list("pk", flat=True), extra.pk]
    )
    response = client.post(
        url,
        {
            "title": item.title,
            "question": item.question,
            "signals": page.context["form"].initial["signals"],
            "version": item.version,
        },
    )
    assert response.status_code == 302
    assert item.signals.count() == 2


@pytest.mark.parametrize(
    "name", ["signals:agenda", "signals:meetings", "signals:agenda_item_add", "signals:meeting_add"]
)
def test_the_lists_refuse_the_anonymous_and_who_has_no_part_in_signals(
    world: Any, name: str
) -> None:
    url = reverse(name)
    assert Client().get(url).status_code == 302
    for role in ("bedrijfsvoering", "opdrachtgever", "toezicht", "beheerder"):
        assert world.client(role).get(url).status_code == 403


def test_another_organisations_director_gets_404_on_this_ones_item_and_meeting(world: Any) -> None:
    item = new_item(world, meeting=MeetingFactory(holder=world.own))
    outsider = world.client("outsider")
    for url in (
        reverse("signals:agenda_item", args=[item.pk]),
        reverse("signals:agenda_item_edit", args=[item.pk]),
        reverse("signals:meeting_edit", args=[item.meeting_id]),
    ):
        assert outsider.get(url).status_code == 404
    stepped = outsider.post(
        reverse("signals:agenda_item_step", args=[item.pk]), {"to": "geduid", "on": "2021-05-02"}
    )
    assert stepped.status_code == 404
    assert outsider.get(reverse("signals:agenda")).context["items"] == []


def test_an_employee_reads_the_item_but_gets_no_step_form(world: Any) -> None:
    item = new_item(world)
    page = world.client("medewerker").get(reverse("signals:agenda_item", args=[item.pk]))
    assert page.status_code == 200 and page.context["form"] is None
    assert (
        world.client("medewerker")
        .post(
            reverse("signals:agenda_item_step", args=[item.pk]),
            {"to": "geduid", "on": "2021-05-02"},
        )
        .status_code
        == 403
    )


def test_adding_and_changing_a_meeting_through_its_pages(world: Any) -> None:
    client = world.client("directeur")
    response = client.post(
        reverse("signals:meeting_add"),
        {"kind": "provincie", "title": "Kwartaaloverleg Q2", "held_on": "2021-06-10"},
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.holder == world.own
    refused = client.post(
        reverse("signals:meeting_add"), {"kind": "provincie", "title": "", "held_on": "morgen"}
    )
    assert refused.status_code == 400
    response = client.post(
        reverse("signals:meeting_edit", args=[meeting.pk]),
        {
            "kind": "zorgtafel",
            "title": "Zorgtafel",
            "held_on": "2021-06-11",
            "version": meeting.version,
        },
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.kind, meeting.held_on) == ("zorgtafel", dt.date(2021, 6, 11))


# --- query counts --------------------------------------------------------------------------


def _items(world: Any, count: int) -> None:
    meeting = MeetingFactory(holder=world.own)
    municipality = flevoland()
    for number in range(count):
        item = AgendaItemFactory(holder=world.own, meeting=meeting if number % 2 else None)
        item.signals.add(SignalFactory(holder=world.own, municipality=municipality))


@pytest.mark.parametrize("count", [10, 200])
def test_the_agenda_and_meetings_lists_take_a_constant_number_of_queries(
    world: Any, count: int, django_assert_max_num_queries: Any
) -> None:
    _items(world, count)
    MeetingFactory.create_batch(count, holder=world.own)
    client = world.client(COORDINATOR)
    with django_assert_max_num_queries(20):
        assert client.get(reverse("signals:agenda")).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(reverse("signals:meetings")).status_code == 200


@pytest.mark.parametrize("count", [10, 200])
def test_an_item_page_counts_its_bundle_in_a_constant_number_of_queries(
    world: Any, count: int, django_assert_max_num_queries: Any
) -> None:
    item = AgendaItemFactory(holder=world.own)
    categories = [CategoryFactory(holder=world.own) for _ in range(5)]
    places = [flevoland("GM0034", "Almere"), flevoland("GM0995", "Lelystad")]
    item.signals.set(
        SignalFactory(
            holder=world.own,
            category=categories[n % 5],
            municipality=places[n % 2],
            week=IsoWeek(2021, 1 + n % 50),
        )
        for n in range(count)
    )
    client = world.client(COORDINATOR)
    with django_assert_max_num_queries(22):
        page = client.get(reverse("signals:agenda_item", args=[item.pk]))
    bundle = page.context["bundle"]
    assert bundle.total == count
    assert sum(row.count for row in bundle.by_municipality) == count
    assert len(bundle.by_category) == 5
    assert bundle.first_week == "2021-W01"
