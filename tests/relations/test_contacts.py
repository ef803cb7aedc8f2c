"""Contacts with follow-up actions, "my actions", the e-mails about them and the calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from koers.privacy.models import AccessRecord
from koers.privacy.services import person_erase, person_export
from koers.relations.contacts import services
from koers.relations.contacts.reminders import reminders_due, send_action_reminders, tell_owner
from koers.relations.models import Action, ActionStatus, Interaction
from tests.directory.factories import PersonFactory


def record(world: Any, actions: list[dict[str, Any]] | None = None, **links: Any) -> Interaction:
    return services.interaction_save(
        actor=world.users["programmacoordinator"],
        holder_id=world.own.pk,
        values={
            "date": dt.date(2021, 5, 3),
            "kind": "gesprek",
            "subject": "Gesprek over de netwerkbijeenkomsten",
            "activity": world.activity,
            "programme": world.programme,
        },
        links={"organisations": [world.other_org], **links},
        actions=actions,
    )


def test_a_contact_with_an_action_for_a_colleague_tells_her(
    world: Any, mailoutbox: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django_tasks_db.models import DBTaskResult

    colleague = world.users["medewerker"]
    colleague.email = "mila@cmo.example"
    colleague.save()
    with django_capture_on_commit_callbacks(execute=True):
        interaction = record(
            world,
            actions=[
                {
                    "title": "Verslag rondsturen",
                    "owner": world.users["programmacoordinator"],
                    "due_on": dt.date(2021, 5, 7),
                },
                {"title": "Offerte maken", "owner": colleague, "due_on": dt.date(2021, 5, 14)},
            ],
        )
    assert interaction.actions.count() == 2
    action = interaction.actions.get(owner=colleague)
    assert DBTaskResult.objects.count() == 1  # one e-mail queued, for the colleague only
    assert tell_owner.call(action.pk) is True
    [mail] = mailoutbox
    assert mail.to == ["mila@cmo.example"]
    assert "Offerte maken" in mail.body and "14 mei 2021" in mail.body


def test_an_action_goes_to_a_colleague_only(world: Any) -> None:
    outsider = world.users["outsider"]
    with pytest.raises(ValidationError, match="Een actie gaat naar een collega"):
        record(world, actions=[{"title": "X", "owner": outsider, "due_on": dt.date(2021, 5, 7)}])
    assert not Interaction.objects.exists()


def test_a_person_of_another_organisation_cannot_be_linked(world: Any) -> None:
    with pytest.raises(PermissionDenied):
        record(world, persons=[PersonFactory(holder=world.other_org)])


@pytest.mark.parametrize("role", ["toezicht", "opdrachtgever", "outsider"])
def test_funders_boards_and_outsiders_record_no_contacts(world: Any, role: str) -> None:
    with pytest.raises(PermissionDenied):
        services.interaction_save(
            actor=world.users[role],
            holder_id=world.own.pk,
            values={"date": dt.date(2021, 5, 3), "kind": "gesprek", "subject": "X"},
            links={},
        )


def test_my_actions_groups_by_due_date_and_done_takes_it_off(world: Any) -> None:
    today = timezone.localdate()
    me = world.users["medewerker"]
    for title, days in (("Te laat", -2), ("Deze week", 0), ("Later", 30)):
        services.action_add(
            actor=me,
            holder_id=world.own.pk,
            title=title,
            owner=me,
            due_on=today + dt.timedelta(days),
        )
    client = world.client("medewerker")
    page = client.get(reverse("relations:my_actions"))
    groups = {str(label): [a.title for a in actions] for label, actions in page.context["groups"]}
    assert list(groups.values()) == [["Te laat"], ["Deze week"], ["Later"]]
    late = Action.objects.get(title="Te laat")
    client.post(reverse("relations:action_finish", args=[late.pk]))
    late.refresh_from_db()
    assert (late.status, late.done_on) == (ActionStatus.DONE, today)
    page = client.get(reverse("relations:my_actions"))
    assert page.context["count"] == 2


def test_my_actions_and_done_dates_follow_the_reference_date(world: Any, settings: Any) -> None:
    """The demo runs on 15 October 2021: what is overdue then is overdue, and an action
    marked done is done on that day, not on the real one."""
    settings.REFERENCE_DATE = "2021-10-15"
    me = world.users["medewerker"]
    for title, day in (
        ("Te laat", dt.date(2021, 10, 14)),
        ("Deze week", dt.date(2021, 10, 15)),
        ("Later", dt.date(2021, 10, 18)),
    ):
        services.action_add(actor=me, holder_id=world.own.pk, title=title, owner=me, due_on=day)
    client = world.client("medewerker")
    page = client.get(reverse("relations:my_actions"))
    groups = [[a.title for a in actions] for _label, actions in page.context["groups"]]
    assert groups == [["Te laat"], ["Deze week"], ["Later"]]
    late = Action.objects.get(title="Te laat")
    client.post(reverse("relations:action_finish", args=[late.pk]))
    late.refresh_from_db()
    assert late.done_on == dt.date(2021, 10, 15)
    form = client.get(reverse("relations:contact_add")).context["form"]
    assert form.initial["date"] == dt.date(2021, 10, 15)


def test_a_contact_is_recorded_through_the_page_with_two_follow_ups(world: Any) -> None:
    client = world.client("programmacoordinator")
    response = client.post(
        reverse("relations:contact_add"),
        {
            "date": "2021-05-03",
            "kind": "overleg",
            "subject": "Overleg gemeente Urk",
            "organisations": [world.other_org.pk],
            "programme": world.programme.pk,
            "action1-title": "Verslag sturen",
            "action1-owner": world.users["programmacoordinator"].pk,
            "action1-due_on": "2021-05-07",
            "action2-title": "Offerte maken",
            "action2-owner": world.users["medewerker"].pk,
            "action2-due_on": "2021-05-14",
        },
    )
    assert response.status_code == 302
    interaction = Interaction.objects.get()
    assert sorted(interaction.actions.values_list("title", flat=True)) == [
        "Offerte maken",
        "Verslag sturen",
    ]


def test_a_half_filled_follow_up_is_refused_and_nothing_is_saved(world: Any) -> None:
    response = world.client("programmacoordinator").post(
        reverse("relations:contact_add"),
        {"date": "2021-05-03", "kind": "overleg", "subject": "Overleg", "action1-title": "Bellen"},
    )
    assert response.status_code == 400
    assert not Interaction.objects.exists()


def test_viewing_a_contact_logs_access_to_the_persons_on_it(world: Any) -> None:
    person = PersonFactory(holder=world.own)
    interaction = record(world, persons=[person])
    world.client("medewerker").get(reverse("relations:contact", args=[interaction.pk]))
    assert AccessRecord.objects.filter(subject_id=person.pk, action="view").count() == 1


def test_export_and_erasure_cover_contacts(world: Any) -> None:
    person = PersonFactory(holder=world.own)
    interaction = record(world, persons=[person])
    exported = person_export(person)
    assert exported["linked_records"]["contacts"][0]["subject"] == interaction.subject
    person_erase(person, actor=world.users["beheerder"], remote_addr=None, reason="verzoek")
    interaction.refresh_from_db()
    assert not interaction.persons.exists()
    assert interaction.organisations.count() == 1


def test_weekly_reminders_list_actions_due_within_a_week(world: Any, mailoutbox: Any) -> None:
    me = world.users["medewerker"]
    me.email = "mila@cmo.example"
    me.save()
    for title, day in (("Bellen", dt.date(2021, 5, 10)), ("Later", dt.date(2021, 6, 30))):
        services.action_add(actor=me, holder_id=world.own.pk, title=title, owner=me, due_on=day)
    [(address, _subject, body)] = reminders_due(dt.date(2021, 5, 6))
    assert address == "mila@cmo.example"
    assert "Bellen" in body and "Later" not in body
    assert send_action_reminders.call("2021-05-06") == 1
    assert len(mailoutbox) == 1


def test_the_calendar_feed_lists_her_actions_and_the_events_she_may_see(world: Any) -> None:
    from icalendar import Calendar

    from koers.relations.models import Event

    me = world.users["medewerker"]
    today = timezone.localdate()
    services.action_add(
        actor=me, holder_id=world.own.pk, title="Offerte maken", owner=me, due_on=today
    )
    Event.objects.create(
        holder=world.own, programme=world.programme, title="Thema sport", date=today
    )
    Event.objects.create(
        holder=world.other_org, programme=world.other_programme, title="Elders", date=today
    )
    client = world.client("medewerker")
    client.post(reverse("relations:calendar_renew"))
    url = client.get(reverse("relations:my_actions")).context["feed_url"]
    assert url
    response = Client().get(url)  # a calendar program: no session
    assert response["Content-Type"].startswith("text/calendar")
    summaries = {
        str(component.get("summary"))
        for component in Calendar.from_ical(response.content).walk("VEVENT")
    }
    assert any("Offerte maken" in s for s in summaries)
    assert "Thema sport" in summaries and "Elders" not in summaries
    client.post(reverse("relations:calendar_renew"))
    assert Client().get(url).status_code == 404  # the old address stops working


@pytest.mark.parametrize("count", [10, 1000])
def test_my_actions_costs_the_same_queries_for_few_or_many(world: Any, count: int) -> None:
    me = world.users["medewerker"]
    interaction = record(world)
    Action.objects.bulk_create(
        Action(
            holder=world.own,
            interaction=interaction,
            title=f"Actie {n}",
            owner=me,
            due_on=dt.date(2021, 5, 1) + dt.timedelta(days=n),
            created_by=world.users["programmacoordinator"],
        )
        for n in range(count)
    )
    client = world.client("medewerker")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("relations:my_actions")).status_code == 200
    assert len(queries) <= 14


@pytest.mark.parametrize("count", [10, 300])
def test_the_contacts_page_costs_the_same_queries_for_few_or_many(world: Any, count: int) -> None:
    for n in range(count):
        Interaction.objects.create(
            holder=world.own,
            date=dt.date(2021, 5, 1),
            kind="gesprek",
            subject=f"Gesprek {n}",
            created_by=world.users["medewerker"],
        ).organisations.add(world.other_org)
    client = world.client("medewerker")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("relations:contacts")).status_code == 200
    assert len(queries) <= 14


def test_who_left_the_organisation_no_longer_gets_its_actions(world: Any) -> None:
    """Her actions stay with the organisation she left: not in her list, her calendar or her
    reminders once her membership there is gone (she works elsewhere now)."""
    from icalendar import Calendar

    from koers.accounts.models import Membership

    me = world.users["medewerker"]
    me.email = "mila@cmo.example"
    me.save()
    day = dt.date(2021, 5, 10)
    services.action_add(actor=me, holder_id=world.own.pk, title="Bellen", owner=me, due_on=day)
    client = world.client("medewerker")
    client.post(reverse("relations:calendar_renew"))
    url = client.get(reverse("relations:my_actions")).context["feed_url"]
    assert "Bellen" in client.get(reverse("relations:my_actions")).content.decode()
    assert len(reminders_due(dt.date(2021, 5, 6))) == 1

    Membership.objects.filter(user=me, organisation=world.own).update(organisation=world.other_org)
    assert "Bellen" not in client.get(reverse("relations:my_actions")).content.decode()
    feed = Calendar.from_ical(Client().get(url).content)
    assert not any("Bellen" in str(c.get("summary")) for c in feed.walk("VEVENT"))
    assert reminders_due(dt.date(2021, 5, 6)) == []
