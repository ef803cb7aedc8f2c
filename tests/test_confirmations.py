"""Irreversible or wide actions ask first (koers.core.confirm), every one of them.

The actions come from the URL patterns: every view declared with `asks_first`. Each has a
recipe below (who does it, on what, how to tell it was done, a consequence the question
must name, counted); a declared view without a recipe fails, and so does a URL whose name
says delete, erase, merge, close, send, remove, withdraw or end without the declaration
(unless `NEED_NOT_ASK` says why), so a new one cannot forget to ask.

For each action: the first post changes no row of any table and names the consequences;
the confirmed post does it; replaying it does nothing more; a token of another object,
another user, another action or older than its lifetime is refused and changes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from django.core import signing
from django.urls import reverse

from koers.core.confirm import MAX_AGE_SECONDS, POSTED_FIELD, is_asking_first
from tests.confirming import token_in
from tests.conftest import World, verified_client
from tests.database_snapshot import changed_tables, snapshot
from tests.permission_matrix import (
    a_grant,
    a_person,
    a_realisation,
    an_event,
    an_opportunity,
)
from tests.test_url_access import ALL

DESTRUCTIVE = {"delete", "erase", "merge", "close", "send", "remove", "withdraw", "end"}

# Actions that change or remove something small, seen whole where the button is, and put
# back from the same page; asking first would only slow down the work they are part of.
NEED_NOT_ASK = {
    "directory:position_remove": "one position of a person, added again on the same page",
    "relations:participant_remove": "one registration, registered again on the same page",
    "relations:communication_remove": "one communication item of a list, added again there",
    "plans:partner_remove": "one partner of an activity, seen whole where the button is and "
    "added again on the same page",
    "relations:member_end": "ends a membership on a date; the record and its history stay",
    "signals:case_close": "a form page of its own (outcome, date) that says before its button "
    "how long the closed case is kept before it is removed",
    "accounts:session_end": "signs out one of her own sessions; she signs in again",
    "accounts:sessions_end_others": "signs out her other sessions; she signs in again",
    "accounts:two_factor_remove": "asks for her password again first (reauthentication)",
}


# Showing a person (the erase and merge questions do) is a read of personal data, which the
# access log records; that is the log doing its work, not the action being done.
READ_LOG = "privacy.accessrecord"


def changed(before: Any) -> tuple[str, ...]:
    """The tables the request changed, the access log of reads aside."""
    return tuple(name for name in changed_tables(before, snapshot()) if name != READ_LOG)


@dataclass
class Target:
    """One action on one object: where to post, what, how to see it was done."""

    path: str
    data: dict[str, str]
    done: Callable[[], bool]


@dataclass(frozen=True)
class Recipe:
    role: str
    make: Callable[[World, int], Target]  # the n-th object (0, 1): two of them
    consequence: str  # on the question page, in Dutch


def _realisation(world: World, n: int) -> Target:
    from koers.plans.models import Realisation

    realisation = a_realisation(world, with_file=True)
    return Target(
        reverse("plans:realisation_delete", args=[realisation.pk]),
        {},
        lambda: not Realisation.objects.filter(pk=realisation.pk).exists(),
    )


def _event(world: World, n: int) -> Target:
    from koers.relations.models import Event
    from tests.directory.factories import PersonFactory

    event = an_event(world)
    for _ in range(3):
        event.participants.create(person=PersonFactory(holder=world.own))
    return Target(
        reverse("relations:event_delete", args=[event.pk]),
        {},
        lambda: not Event.objects.filter(pk=event.pk).exists(),
    )


def _report(world: World, n: int) -> Target:
    from koers.reports import services
    from koers.reports.models import Report

    report = services.report_prepare(
        actor=world.users["bedrijfsvoering"],
        plan=world.plan,
        kind="progress",
        year=2021,
        quarter=3 - n,
        last_year=2021,
    )
    for step in (services.report_review, services.report_sign):
        report = step(actor=world.users["directeur"], report=report)
    return Target(
        reverse("reports:report_send", args=[report.pk]),
        {"version": str(report.version)},
        lambda: Report.objects.get(pk=report.pk).status == "sent",
    )


def _month(world: World, n: int) -> Target:
    from koers.work.models import ClosedMonth, TimeEntry, Week

    month = dt.date(2021, 3 + n, 1)
    monday = month + dt.timedelta(days=-month.weekday() % 7)  # the month's first Monday
    Week.objects.create(
        user=world.users["medewerker"], organisation=world.own, monday=monday, status="approved"
    )
    TimeEntry.objects.create(
        user=world.users["medewerker"],
        organisation=world.own,
        activity=world.activity,
        date=monday,
        hours=Decimal("2.50"),
    )
    return Target(
        reverse("work:month_close"),
        {"month": month.isoformat()},
        lambda: ClosedMonth.objects.filter(organisation=world.own, month=month).exists(),
    )


def _quote_send(world: World, n: int) -> Target:
    from koers.relations.models import Opportunity

    opportunity = an_opportunity(world)
    return Target(
        reverse("relations:quote_send", args=[opportunity.pk]),
        {"send-on": "2021-04-15"},
        lambda: Opportunity.objects.get(pk=opportunity.pk).status == "offerte",
    )


def _quote_withdraw(world: World, n: int) -> Target:
    from koers.relations.models import Quote

    quote = an_opportunity(world, status="offerte").current_quote
    return Target(
        reverse("relations:quote_withdraw", args=[quote.opportunity_id]),
        {"withdraw-reason": "Uren herzien"},
        lambda: Quote.objects.get(pk=quote.pk).withdrawn_on is not None,
    )


def _erase(world: World, n: int) -> Target:
    from koers.directory.models import Person, Position

    person = a_person(world)
    Position.objects.create(person=person, organisation=world.province)
    Position.objects.create(person=person, organisation=world.other_org)
    return Target(
        reverse("directory:person_erase", args=[person.pk]),
        {"reason": "Verzoek van 3 mei", "confirm": "on"},
        lambda: not Person.objects.filter(pk=person.pk).exists(),
    )


def _person_merge(world: World, n: int) -> Target:
    from koers.directory.models import Person, Position

    keep, duplicate = a_person(world), a_person(world)
    Position.objects.create(person=duplicate, organisation=world.province)
    Position.objects.create(person=duplicate, organisation=world.other_org)
    return Target(
        reverse("directory:person_merge", args=[keep.pk]),
        {"dubbel": str(duplicate.pk), "confirm": "on"},
        lambda: not Person.objects.filter(pk=duplicate.pk).exists(),
    )


def _organisation_merge(world: World, n: int) -> Target:
    from koers.directory.models import Organisation, Position
    from tests.directory.factories import OrganisationFactory

    keep = OrganisationFactory(name=f"Buurtkracht {n}")
    duplicate = OrganisationFactory(name=f"Buurt Kracht {n}")
    Position.objects.create(person=a_person(world), organisation=duplicate)
    Position.objects.create(person=a_person(world), organisation=duplicate)
    return Target(
        reverse("directory:organisation_merge", args=[keep.pk]),
        {"duplicate": str(duplicate.pk), "confirm": "on"},
        lambda: not Organisation.objects.filter(pk=duplicate.pk).exists(),
    )


def _advances(world: World, n: int) -> Target:
    grant = a_grant(world, granted=True)
    before = set(grant.advances.values_list("pk", flat=True))
    return Target(
        reverse("funding:advances_remake", args=[grant.pk]),
        {},
        lambda: set(grant.advances.values_list("pk", flat=True)) not in (before, set()),
    )


def _roll_over(world: World, n: int) -> Target:
    from koers.plans.models import Activity, AnnualPlan

    source, _made = AnnualPlan.objects.get_or_create(plan=world.plan, year=2021 + 2 * n)
    if n:
        Activity.objects.create(
            programme=world.programme,
            year=source.year,
            code="B-1",
            title="Verder",
            description="Verder.",
            role="trends_analyse",
            phase="nieuw",
        )
    return Target(
        reverse("plans:annual_plan_roll_over", args=[source.pk]),
        {},
        lambda: Activity.objects.filter(year=source.year + 1).exists(),
    )


def _contact_request(world: World, n: int) -> Target:
    from koers.atlas.models import ContactRequest
    from tests.permission_matrix import a_contact_request

    record = a_contact_request(world)
    return Target(
        reverse("atlas:contact_request_delete", args=[record.pk]),
        {},
        lambda: not ContactRequest.objects.filter(pk=record.pk).exists(),
    )


def _qualification(world: World, n: int) -> Target:
    from tests.permission_matrix import a_qualification

    record = a_qualification(world)
    return Target(
        reverse("matching:qualification_delete", args=[record.pk]),
        {},
        lambda: not type(record).objects.filter(pk=record.pk).exists(),
    )


def _availability(world: World, n: int) -> Target:
    from tests.permission_matrix import an_availability

    record = an_availability(world)
    return Target(
        reverse("matching:availability_delete", args=[record.pk]),
        {},
        lambda: not type(record).objects.filter(pk=record.pk).exists(),
    )


def _campaign(world: World, n: int) -> Target:
    from koers.matching.models import ReengagementCampaign
    from tests.permission_matrix import a_lapsed_candidate

    a_lapsed_candidate(world, n)
    name = f"Voorjaar {n}"
    return Target(
        reverse("matching:campaign_add"),
        {"name": name, "message": "Bent u weer beschikbaar?"},
        lambda: ReengagementCampaign.objects.filter(name=name).exists(),
    )


def _key_figure(world: World, n: int) -> Target:
    from koers.insight.models import KeyFigure, Topic
    from tests.insight.matrix import a_dataset

    dataset = a_dataset(world)
    topic = Topic.objects.create(dataset=dataset, key=f"cijfer-{n}", title=f"Cijfer {n}")
    figure = KeyFigure.objects.create(topic=topic)
    return Target(
        reverse("insight:key_figure_remove", args=[figure.pk]),
        {},
        lambda: not KeyFigure.objects.filter(pk=figure.pk).exists(),
    )


def _figure_note(world: World, n: int) -> Target:
    from tests.insight.matrix import a_note

    note = a_note(world)
    return Target(
        reverse("insight:note_remove", args=[note.pk]),
        {},
        lambda: not type(note).objects.filter(pk=note.pk).exists(),
    )


def _survey(world: World, n: int) -> Target:
    from tests.insight.matrix import a_survey

    survey = a_survey(world)
    return Target(
        reverse("insight:survey_remove", args=[survey.pk]),
        {},
        lambda: not type(survey).objects.filter(pk=survey.pk).exists(),
    )


RECIPES = {
    "insight:survey_remove": Recipe(
        "directeur", _survey, "De antwoorden staan daarna niet meer bij het project"
    ),
    "insight:key_figure_remove": Recipe(
        "directeur", _key_figure, "De tabel waar het uit komt en de notities bij de cijfers blijven"
    ),
    # The director (who may remove any note of her organisation): a colleague in the same
    # role then may too, so her token is refused as another's, not the note as out of reach.
    "insight:note_remove": Recipe(
        "directeur", _figure_note, "Ze staat daarna niet meer bij het cijfer"
    ),
    "matching:qualification_delete": Recipe(
        "medewerker",
        _qualification,
        "Zij telt daarna niet meer mee voor de rollen die deze kwalificatie vragen",
    ),
    "matching:availability_delete": Recipe(
        "medewerker",
        _availability,
        "Zij telt daarna niet meer als beschikbaar in die periode",
    ),
    "atlas:contact_request_delete": Recipe(
        "medewerker",
        _contact_request,
        "Haar naam, contactgegevens en bericht worden definitief verwijderd",
    ),
    "matching:campaign_add": Recipe(
        "medewerker", _campaign, "kandidaat krijgt een e-mail met een persoonlijke link"
    ),
    "funding:advances_remake": Recipe(
        "bedrijfsvoering", _advances, "De 4 voorschotten die er nu zijn worden verwijderd."
    ),
    "plans:annual_plan_roll_over": Recipe(
        "directeur",
        _roll_over,
        "1 activiteit gaat over (indicatoren: 1, voorgestelde streefwaarden: 1).",
    ),
    "plans:realisation_delete": Recipe(
        "programmacoordinator", _realisation, "Het bewijsstuk verslag"
    ),
    "relations:event_delete": Recipe(
        "programmacoordinator", _event, "3 deelnemers worden ook verwijderd."
    ),
    "reports:report_send": Recipe("bedrijfsvoering", _report, "ontvangt de rapportage"),
    "work:month_close": Recipe(
        "bedrijfsvoering", _month, "1 urenregel (2,50 uur) kan niet meer worden gewijzigd."
    ),
    "relations:quote_send": Recipe("medewerker", _quote_send, "volgende offertenummer"),
    "relations:quote_withdraw": Recipe(
        "medewerker", _quote_withdraw, "wordt als ingetrokken gemarkeerd"
    ),
    "directory:person_erase": Recipe(
        "beheerder", _erase, "Functies: 2 verwijderd of anoniem gemaakt."
    ),
    "directory:person_merge": Recipe(
        "medewerker", _person_merge, "Functies: 2 gaan over naar het record dat je houdt."
    ),
    "directory:organisation_merge": Recipe(
        "installatiebeheerder",
        _organisation_merge,
        "Functies: 2 gaan over naar het record dat je houdt.",
    ),
}

ASKING = sorted(name for name, _route, view in ALL if is_asking_first(view))


def test_every_destructive_url_asks_first() -> None:
    # The admin's delete pages are Django's own question ("Are you sure?", with everything
    # that goes along); its models are read-only or save through the services.
    named = {name for name, _route, _view in ALL if ":" in name and not name.startswith("admin:")}
    destructive = {name for name in named if DESTRUCTIVE & set(name.split(":", 1)[1].split("_"))}
    assert sorted(destructive - set(ASKING) - set(NEED_NOT_ASK)) == []
    assert set(NEED_NOT_ASK) <= named, "an excused URL that is gone"
    assert not set(NEED_NOT_ASK) & set(ASKING), "a URL both asks and is excused"


def test_every_action_that_asks_has_a_recipe() -> None:
    assert sorted(RECIPES) == ASKING


def _client(world: World, role: str) -> Any:
    return world.client(role)


def _ask(client: Any, target: Target) -> tuple[Any, str]:
    response = client.post(target.path, target.data)
    token = token_in(response)
    assert token, f"{target.path}: no question with a confirmation token"
    return response, token


def _confirm(client: Any, target: Target, token: str) -> Any:
    return client.post(target.path, {**target.data, POSTED_FIELD: token})


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_the_first_post_changes_nothing_and_names_the_consequences(world: World, name: str) -> None:
    recipe = RECIPES[name]
    target = recipe.make(world, 0)
    client = _client(world, recipe.role)
    before = snapshot()
    response, _token = _ask(client, target)
    assert response.status_code == 200
    assert changed(before) == ()
    page = response.content.decode()
    assert recipe.consequence in page
    assert 'class="button button--danger"' in page
    # Replaying the first post only asks again.
    _ask(client, target)
    assert changed(before) == ()
    assert not target.done()


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_the_confirmed_post_does_it_once(world: World, name: str) -> None:
    recipe = RECIPES[name]
    target = recipe.make(world, 0)
    client = _client(world, recipe.role)
    _response, token = _ask(client, target)
    response = _confirm(client, target, token)
    assert response.status_code == 302
    assert target.done()
    after = snapshot()
    replayed = _confirm(client, target, token)
    # Spent (409), its object gone (404), or its form no longer valid (400: the duplicate
    # chosen is gone): in each case nothing more happens.
    assert replayed.status_code in (400, 404, 409)
    assert changed(after) == ()


def _refused(client: Any, target: Target, token: str) -> None:
    before = snapshot()
    response = _confirm(client, target, token)
    assert response.status_code == 400
    assert changed(before) == ()
    assert not target.done()
    assert "Deze bevestiging is verlopen of hoort bij iets anders" in response.content.decode()


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_a_token_for_another_object_is_refused(world: World, name: str) -> None:
    recipe = RECIPES[name]
    first, second = recipe.make(world, 0), recipe.make(world, 1)
    client = _client(world, recipe.role)
    _response, token = _ask(client, first)
    _refused(client, second, token)


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_a_token_of_another_user_is_refused(world: World, name: str) -> None:
    from koers.accounts.models import Membership
    from tests.accounts.factories import UserFactory

    recipe = RECIPES[name]
    target = recipe.make(world, 0)
    asker = world.users[recipe.role]
    _response, token = _ask(_client(world, recipe.role), target)
    colleague = UserFactory(username=f"collega-{recipe.role}")
    for membership in Membership.objects.filter(user=asker):
        programmes = list(membership.programmes.all())
        membership.pk = None
        membership._state.adding = True
        membership.user = colleague
        membership.save()
        membership.programmes.set(programmes)
    _refused(verified_client(colleague), target, token)


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_a_token_for_another_action_is_refused(world: World, name: str) -> None:
    """The same payload signed for another URL name (the salt) does not confirm this one."""
    recipe = RECIPES[name]
    target = recipe.make(world, 0)
    client = _client(world, recipe.role)
    _response, token = _ask(client, target)
    payload = signing.loads(token, salt=f"koers.confirm:{name}")
    other = next(other for other in ASKING if other != name)
    _refused(client, target, signing.dumps(payload, salt=f"koers.confirm:{other}"))


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_an_expired_token_is_refused(
    world: World, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    recipe = RECIPES[name]
    target = recipe.make(world, 0)
    client = _client(world, recipe.role)
    _response, token = _ask(client, target)
    later = signing.time.time() + MAX_AGE_SECONDS + 1  # type: ignore[attr-defined]
    monkeypatch.setattr(signing.time, "time", lambda: later)  # type: ignore[attr-defined]
    _refused(client, target, token)


def test_a_token_just_within_its_lifetime_still_confirms(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = _event(world, 0)
    client = _client(world, "programmacoordinator")
    _response, token = _ask(client, target)
    later = signing.time.time() + MAX_AGE_SECONDS - 5  # type: ignore[attr-defined]
    monkeypatch.setattr(signing.time, "time", lambda: later)  # type: ignore[attr-defined]
    assert _confirm(client, target, token).status_code == 302
    assert target.done()


def test_a_twin_that_spends_the_token_first_leaves_the_other_undone(world: World) -> None:
    """Two copies of the confirmed post at once both pass the check; the nonce's unique
    row lets one through and the other does nothing (409)."""
    from django.test import RequestFactory
    from django.urls import resolve

    from koers.core.confirm import Confirmation
    from koers.core.models import SpentConfirmation

    target = _event(world, 0)
    user = world.users["programmacoordinator"]

    def request(data: dict[str, str]) -> Any:
        made = RequestFactory().post(target.path, data)
        made.user = user
        made.resolver_match = resolve(target.path)
        return made

    token = Confirmation(request({})).token
    confirmation = Confirmation(request({POSTED_FIELD: token}))
    twin = Confirmation(request({POSTED_FIELD: token}))
    assert confirmation.given() and twin.given()
    assert twin.carry_out(lambda: "done") == (True, "done")
    calls: list[str] = []
    assert confirmation.carry_out(lambda: calls.append("done")) == (False, None)
    assert calls == [] and confirmation.status == 409
    assert SpentConfirmation.objects.count() == 1
