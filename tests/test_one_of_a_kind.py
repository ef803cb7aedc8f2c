"""Records that must exist once: a second is refused by the service, with a message naming
the first and a link to it, and by the database (a unique constraint) when two requests
race past the service's check — on SQLite and on PostgreSQL alike.

- a report: one per kind, period, plan and recipient (and grant, for an accountability);
- a quote: one standing (not withdrawn) quote per opportunity;
- a member employer: one running (unended) membership per employer;
- an advance: one per period of a grant.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from koers.funding.models import Advance
from koers.relations.members import services as member_services
from koers.relations.models import EmployerMembership, Quote
from koers.relations.opportunities import services as opportunity_services
from koers.reports import services as report_services
from koers.reports.models import Report
from tests.conftest import World
from tests.directory.factories import OrganisationFactory
from tests.permission_matrix import a_report, an_opportunity


def _copy(record: Any, **changes: Any) -> Any:
    """`record` as a new row (a second of the same), with `changes`, saved straight to the
    database past every service: what a race past the service's check would leave."""
    record.pk = None
    record._state.adding = True
    for name, value in changes.items():
        setattr(record, name, value)
    record.save()
    return record


# --- reports -------------------------------------------------------------------------------


def _prepare(world: World, **period: Any) -> Report:
    return report_services.report_prepare(
        actor=world.users["bedrijfsvoering"], plan=world.plan, year=2021, **period
    )


@pytest.mark.parametrize(
    "period",
    [
        {"kind": "progress", "quarter": 3},
        {"kind": "annual_plan"},
        {"kind": "evaluation", "last_year": 2021},
    ],
    ids=["progress", "annual_plan", "evaluation"],
)
def test_a_second_report_of_the_same_kind_and_period_is_refused(
    world: World, period: dict[str, Any]
) -> None:
    first = _prepare(world, **period)
    with pytest.raises(ValidationError) as refused:
        _prepare(world, **period)
    message = refused.value.messages[0]
    assert f"{first.title} voor Provincie Flevoland bestaat al (opgesteld)" in message
    assert f'<a href="{reverse("reports:report", args=[first.pk])}">' in message
    assert Report.objects.count() == 1


def test_a_sent_report_still_refuses_a_second(world: World) -> None:
    """Q3 2021 prepared and sent: preparing Q3 2021 again is refused, naming the sent one."""
    sent = a_report(world, until="sent")
    with pytest.raises(ValidationError, match="bestaat al \\(verzonden\\)"):
        _prepare(world, kind="progress", quarter=3)
    assert list(Report.objects.all()) == [sent]


def test_other_periods_and_kinds_are_not_duplicates(world: World) -> None:
    _prepare(world, kind="progress", quarter=3)
    _prepare(world, kind="progress", quarter=2)
    _prepare(world, kind="annual_plan")
    _prepare(world, kind="evaluation", last_year=2021)
    assert Report.objects.count() == 4


def test_preparing_twice_through_the_page_shows_the_first(world: World) -> None:
    first = _prepare(world, kind="progress", quarter=3)
    client = world.client("bedrijfsvoering")
    page = client.get(reverse("reports:reports"))
    assert page.status_code == 200
    response = client.post(
        reverse("reports:reports"),
        {"plan": world.plan.pk, "kind": "progress", "year": 2021, "quarter": 3},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "bestaat al" in html
    assert f'<a href="{reverse("reports:report", args=[first.pk])}">' in html
    assert Report.objects.count() == 1


@pytest.mark.parametrize(
    ("period", "changes"),
    [
        ({"kind": "progress", "quarter": 3}, {}),
        ({"kind": "annual_plan"}, {}),
        ({"kind": "evaluation", "last_year": 2021}, {}),
        ({"kind": "progress", "quarter": 3}, {"status": "sent"}),
    ],
    ids=["progress", "annual_plan", "evaluation", "progress-sent"],
)
def test_the_database_refuses_a_second_report(
    world: World, period: dict[str, Any], changes: dict[str, Any]
) -> None:
    first = _prepare(world, **period)
    with pytest.raises(IntegrityError), transaction.atomic():
        _copy(first, **changes)
    assert Report.objects.count() == 1


def test_the_database_lets_other_quarters_through(world: World) -> None:
    first = _prepare(world, kind="progress", quarter=3)
    with transaction.atomic():
        _copy(first, quarter=2)
    assert Report.objects.count() == 2


# --- quotes --------------------------------------------------------------------------------


def test_a_second_standing_quote_is_refused(world: World) -> None:
    opportunity = an_opportunity(world, status="offerte")
    standing = opportunity.current_quote
    with pytest.raises(ValidationError) as refused:
        opportunity_services.quote_send(
            actor=world.users["medewerker"], opportunity=opportunity, on=dt.date(2021, 5, 1)
        )
    message = refused.value.messages[0]
    assert f"Offerte {standing.number} van deze kans is verstuurd op 15 april 2021" in message
    assert reverse("relations:quote_document", args=[standing.pk]) in message
    assert Quote.objects.count() == 1


def test_after_withdrawing_a_new_quote_may_be_sent(world: World) -> None:
    opportunity = an_opportunity(world, status="offerte")
    me = world.users["medewerker"]
    opportunity = opportunity_services.quote_withdraw(
        actor=me, opportunity=opportunity, reason="Uren herzien"
    )
    opportunity_services.quote_send(actor=me, opportunity=opportunity, on=dt.date(2021, 5, 1))
    assert Quote.objects.filter(withdrawn_on__isnull=True).count() == 1
    assert Quote.objects.count() == 2


def test_the_database_refuses_a_second_standing_quote(world: World) -> None:
    standing = an_opportunity(world, status="offerte").current_quote
    with pytest.raises(IntegrityError), transaction.atomic():
        _copy(standing, number="2021-999")
    # A withdrawn one beside it is history, not a duplicate.
    with transaction.atomic():
        _copy(standing, number="2021-998", withdrawn_on=dt.date(2021, 5, 1))
    assert Quote.objects.count() == 2


# --- member employers ----------------------------------------------------------------------


def test_a_second_running_membership_is_refused_even_when_it_starts_earlier(
    world: World,
) -> None:
    employer = OrganisationFactory(kind="care", name="Zorggroep Almere")
    actor = world.users["bedrijfsvoering"]
    member_services.membership_start(
        actor=actor, holder_id=world.own.pk, organisation=employer, started_on=dt.date(2022, 1, 1)
    )
    with pytest.raises(ValidationError) as refused:
        member_services.membership_start(
            actor=actor,
            holder_id=world.own.pk,
            organisation=employer,
            started_on=dt.date(2021, 1, 1),
        )
    message = refused.value.messages[0]
    assert "Zorggroep Almere is lid sinds 1 januari 2022, zonder einddatum" in message
    assert reverse("relations:members") in message
    assert EmployerMembership.objects.count() == 1


def test_the_database_refuses_a_second_running_membership(world: World) -> None:
    running = member_services.membership_start(
        actor=world.users["bedrijfsvoering"],
        holder_id=world.own.pk,
        organisation=OrganisationFactory(kind="care"),
        started_on=dt.date(2021, 1, 1),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        _copy(running, started_on=dt.date(2022, 1, 1))
    # An ended one beside it is history.
    with transaction.atomic():
        _copy(running, started_on=dt.date(2019, 1, 1), ended_on=dt.date(2020, 1, 1))
    assert EmployerMembership.objects.count() == 2


# --- advances ------------------------------------------------------------------------------


def test_the_database_refuses_two_advances_for_one_period(world: World) -> None:
    from tests.funding.factories import GrantFactory

    grant = GrantFactory(organisation=world.own, funder=world.province)
    first = Advance.objects.create(
        grant=grant,
        number=1,
        period_start=dt.date(2021, 1, 1),
        period_end=dt.date(2021, 3, 31),
        due_on=dt.date(2021, 1, 1),
        amount=Decimal("1000.00"),
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        _copy(first, number=2)
    assert Advance.objects.count() == 1
