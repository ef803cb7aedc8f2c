"""The rules of hours: the week grid, submission and approval, closed months, corrections,
and the co-financing rule for projects."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from koers.core.models import AuditEntry
from koers.work import services
from koers.work.models import (
    ClosedMonth,
    ClosedMonthError,
    Project,
    StaffProfile,
    TimeCategory,
    TimeEntry,
    Week,
    WeekStatus,
)
from koers.work.services import Cell
from tests.conftest import World

MONDAY = dt.date(2021, 3, 29)  # the week runs into April
D = Decimal


@pytest.fixture
def hours(world: World) -> Any:
    staff = world.users["medewerker"]
    StaffProfile.objects.create(
        user=staff, organisation=world.own, coordinator=world.users["programmacoordinator"]
    )
    project = Project.objects.create(
        organisation=world.own,
        programme=world.programme,
        title="Netwerk Urk",
        starts_on=dt.date(2021, 1, 1),
        ends_on=dt.date(2021, 3, 31),
    )
    leave = TimeCategory.objects.create(organisation=world.own, name="Verlof")
    other = TimeCategory.objects.create(organisation=world.own, name="Overig", needs_note=True)

    class Hours:
        pass

    h = Hours()
    h.world, h.staff, h.project, h.leave, h.other = world, staff, project, leave, other
    return h


def save(h: Any, *cells: Cell, monday: dt.date = MONDAY, actor: Any = None) -> Week:
    return services.week_save(
        actor=actor or h.staff, organisation_id=h.world.own.pk, monday=monday, cells=list(cells)
    )


def test_a_week_is_saved_with_history_and_cells_can_be_cleared(hours: Any) -> None:
    save(
        hours,
        Cell(hours.project, MONDAY, D("6.5")),
        Cell(hours.world.activity, MONDAY, D("1.5")),
        Cell(hours.leave, MONDAY + dt.timedelta(days=1), D(8)),
    )
    assert TimeEntry.objects.count() == 3
    save(
        hours, Cell(hours.project, MONDAY, D(0)), Cell(hours.leave, MONDAY + dt.timedelta(1), D(4))
    )
    assert sorted(TimeEntry.objects.values_list("hours", flat=True)) == [D("1.5"), D(4)]
    actions = sorted(AuditEntry.objects.values_list("action", flat=True))
    assert actions == [
        "time.changed",
        "time.recorded",
        "time.recorded",
        "time.recorded",
        "time.removed",
    ]


def test_more_than_24_hours_in_a_day_is_refused_and_nothing_is_saved(hours: Any) -> None:
    with pytest.raises(ValidationError) as refused:
        save(
            hours,
            Cell(hours.leave, MONDAY + dt.timedelta(1), D(8)),
            Cell(hours.world.activity, MONDAY, D(20)),
            Cell(hours.project, MONDAY, D("4.5")),
        )
    assert "24" in refused.value.messages[0]
    assert not TimeEntry.objects.exists()


def test_a_project_takes_hours_only_between_its_start_and_end(hours: Any) -> None:
    april_first = dt.date(2021, 4, 1)
    with pytest.raises(ValidationError) as refused:
        save(hours, Cell(hours.project, april_first, D(2)))
    assert "1 april 2021" in refused.value.messages[0]
    assert not TimeEntry.objects.exists()


def test_an_activity_takes_hours_only_in_its_own_year(hours: Any) -> None:
    monday = dt.date(2021, 12, 27)
    with pytest.raises(ValidationError, match="2 januari 2022 valt niet in 2021, het jaar van"):
        save(hours, Cell(hours.world.activity, dt.date(2022, 1, 2), D(1)), monday=monday)
    save(hours, Cell(hours.world.activity, dt.date(2021, 12, 31), D(1)), monday=monday)
    assert TimeEntry.objects.count() == 1


def test_a_category_that_needs_a_note_refuses_hours_without_one(hours: Any) -> None:
    with pytest.raises(ValidationError, match="Uren op Overig hebben een toelichting nodig"):
        save(hours, Cell(hours.other, MONDAY, D(1)))
    save(hours, Cell(hours.other, MONDAY, D(1), note="Verhuizing kantoor"))
    assert TimeEntry.objects.get().note == "Verhuizing kantoor"


def test_a_submitted_week_cannot_change_until_it_is_returned(hours: Any) -> None:
    week = save(hours, Cell(hours.project, MONDAY, D(8)))
    services.week_submit(actor=hours.staff, week=week)
    with pytest.raises(ValidationError, match="Deze week is ingediend en kan niet meer worden"):
        save(hours, Cell(hours.project, MONDAY, D(6)))
    coordinator = hours.world.users["programmacoordinator"]
    with pytest.raises(ValidationError, match="Zeg wat er moet veranderen"):
        services.week_return(actor=coordinator, week=week, remark="")
    services.week_return(actor=coordinator, week=week, remark="Maandag was een studiedag")
    save(hours, Cell(hours.project, MONDAY, D(6)))
    assert TimeEntry.objects.get().hours == D(6)
    assert Week.objects.get().remark == "Maandag was een studiedag"


def test_only_her_coordinator_or_management_approves_and_never_she_herself(hours: Any) -> None:
    week = save(hours, Cell(hours.project, MONDAY, D(8)))
    services.week_submit(actor=hours.staff, week=week)
    for role in ("medewerker", "toezicht", "outsider"):
        with pytest.raises(PermissionDenied):
            services.week_approve(actor=hours.world.users[role], week=week)
    services.week_approve(actor=hours.world.users["programmacoordinator"], week=week)
    week.refresh_from_db()
    assert (week.status, week.decided_by) == (
        WeekStatus.APPROVED,
        hours.world.users["programmacoordinator"],
    )


def _approved_march(hours: Any) -> None:
    week = save(
        hours, Cell(hours.project, MONDAY, D(8)), Cell(hours.leave, dt.date(2021, 4, 1), D(8))
    )
    services.week_submit(actor=hours.staff, week=week)
    services.week_approve(actor=hours.world.users["bedrijfsvoering"], week=week)


def test_a_month_closes_only_when_every_week_in_it_is_approved(hours: Any) -> None:
    week = save(hours, Cell(hours.project, MONDAY, D(8)))
    operations = hours.world.users["bedrijfsvoering"]
    with pytest.raises(ValidationError) as refused:
        services.month_close(actor=operations, organisation_id=hours.world.own.pk, month=MONDAY)
    assert str(hours.staff) in " ".join(refused.value.messages)
    services.week_submit(actor=hours.staff, week=week)
    services.week_approve(actor=operations, week=week)
    with pytest.raises(PermissionDenied):
        services.month_close(
            actor=hours.world.users["medewerker"], organisation_id=hours.world.own.pk, month=MONDAY
        )
    services.month_close(actor=operations, organisation_id=hours.world.own.pk, month=MONDAY)
    assert ClosedMonth.objects.get().month == dt.date(2021, 3, 1)


def test_no_path_changes_a_closed_month(hours: Any) -> None:
    _approved_march(hours)
    operations = hours.world.users["bedrijfsvoering"]
    services.month_close(actor=operations, organisation_id=hours.world.own.pk, month=MONDAY)
    march = TimeEntry.objects.get(date=MONDAY)
    # the service
    with pytest.raises(ValidationError, match=r"Deze week valt \(deels\) in een afgesloten maand"):
        services.week_return(actor=operations, week=Week.objects.get(), remark="Toch niet")
    # the model, as the admin and imports use it
    march.hours = D(1)
    with pytest.raises(ClosedMonthError, match="Uren in een afgesloten maand kunnen niet meer"):
        march.save()
    with pytest.raises(ClosedMonthError, match="Uren in een afgesloten maand kunnen niet meer"):
        march.delete()
    # moving an entry into or out of a closed month
    april = TimeEntry.objects.get(date=dt.date(2021, 4, 1))
    april.date = dt.date(2021, 3, 30)
    with pytest.raises(ClosedMonthError, match="Uren in een afgesloten maand kunnen niet meer"):
        april.save()
    # bulk operations
    with pytest.raises(ClosedMonthError, match="Uren in een afgesloten maand kunnen niet meer"):
        TimeEntry.objects.filter(pk=march.pk).update(hours=D(2))
    with pytest.raises(ClosedMonthError, match="Uren in een afgesloten maand kunnen niet meer"):
        TimeEntry.objects.all().delete()
    assert TimeEntry.objects.get(pk=march.pk).hours == D(8)


def test_a_correction_is_a_signed_entry_in_an_open_month(hours: Any) -> None:
    _approved_march(hours)
    operations = hours.world.users["bedrijfsvoering"]
    services.month_close(actor=operations, organisation_id=hours.world.own.pk, month=MONDAY)
    march = TimeEntry.objects.get(date=MONDAY)
    with pytest.raises(ValidationError, match="Een correctie hoort in een open maand"):
        services.entry_correct(actor=operations, entry=march, day=MONDAY, hours=D(-2), note="x")
    with pytest.raises(ValidationError, match="Door de correctie zou de regel onder nul uur"):
        services.entry_correct(
            actor=operations, entry=march, day=dt.date(2021, 4, 6), hours=D(-9), note="Te veel"
        )
    correction = services.entry_correct(
        actor=operations, entry=march, day=dt.date(2021, 4, 6), hours=D(-2), note="Dubbel geboekt"
    )
    assert (correction.corrects, correction.project, correction.hours) == (
        march,
        hours.project,
        D(-2),
    )
    assert AuditEntry.objects.filter(action="time.corrected").count() == 1


def _project_values(world: World, **values: Any) -> dict[str, Any]:
    base = {
        "programme": world.programme,
        "title": "Eenzaamheid Lelystad",
        "starts_on": dt.date(2021, 2, 1),
        "partner": world.other_org,
        "hours_budget": D(400),
        "programme_hours": D(200),
    }
    base.update(values)
    return base


def test_the_programme_pays_at_most_half_of_a_partner_project(world: World) -> None:
    director = world.users["directeur"]
    project = services.project_save(
        actor=director, organisation_id=world.own.pk, values=_project_values(world)
    )
    assert project.programme_hours == D(200)
    with pytest.raises(
        ValidationError, match="Het programma mag bij een project met een"
    ) as refused:
        services.project_save(
            actor=director,
            organisation_id=world.own.pk,
            values=_project_values(world, programme_hours=D("200.01")),
            project=project,
            expected_version=project.version,
        )
    message = " ".join(refused.value.messages)
    assert "200.00" in message and "400" in message and "200.01" in message
    project.refresh_from_db()
    assert project.programme_hours == D(200)
    # without a partner the programme may pay all hours
    services.project_save(
        actor=director,
        organisation_id=world.own.pk,
        values=_project_values(world, partner=None, programme_hours=D(400)),
        project=project,
        expected_version=project.version,
    )


def test_a_separate_project_needs_its_handover_date(world: World) -> None:
    values = _project_values(world, programme=None, partner=None)
    with pytest.raises(ValidationError, match="Een project buiten de programma's heeft een"):
        services.project_save(
            actor=world.users["directeur"], organisation_id=world.own.pk, values=values
        )
    values["handover_by"] = dt.date(2022, 1, 1)
    project = services.project_save(
        actor=world.users["directeur"], organisation_id=world.own.pk, values=values
    )
    assert project.is_separate


def test_a_coordinator_manages_projects_of_her_own_programme_only(world: World) -> None:
    coordinator = world.users["programmacoordinator"]
    services.project_save(
        actor=coordinator, organisation_id=world.own.pk, values=_project_values(world)
    )
    with pytest.raises(PermissionDenied):
        services.project_save(
            actor=coordinator,
            organisation_id=world.own.pk,
            values=_project_values(world, programme=world.unfunded_programme),
        )


def test_the_admin_refuses_a_project_that_breaks_the_co_financing_rule(world: World) -> None:
    from django.test import Client

    from koers.accounts.roles import Role
    from tests.accounts.factories import MembershipFactory
    from tests.conftest import verified_client

    # Projects in the admin need the beheerder role and one that manages projects.
    director = world.users["directeur"]
    MembershipFactory(user=director, organisation=world.own, role=Role.BEHEERDER)
    client = Client()
    verified_client(director, client)
    response = client.post(
        "/beheer/work/project/add/",
        {
            "organisation": world.own.pk,
            "programme": world.programme.pk,
            "title": "Eenzaamheid Lelystad",
            "partner": world.other_org.pk,
            "starts_on": "2021-02-01",
            "hours_budget": "400",
            "programme_hours": "250",
            "status": "planned",
        },
    )
    assert response.status_code == 200  # the form again, with the reason
    assert "200.00" in response.content.decode()
    assert not Project.objects.exists()


def test_a_product_counts_once_a_second_person_approved_it(world: World) -> None:
    from django.urls import reverse

    from koers.plans.measures import get_measure
    from koers.work.models import Product, ProductStatus

    staff, coordinator = world.users["medewerker"], world.users["programmacoordinator"]
    url = reverse("work:products", args=[world.activity.pk])
    nothing = world.client("medewerker").post(url, {"title": "Verslag", "kind": "report"})
    assert nothing.status_code == 400  # neither a document nor a link
    world.client("medewerker").post(
        url, {"title": "Verslag", "kind": "report", "link": "https://example.org/v"}
    )
    product = Product.objects.get()
    assert (product.status, product.registered_by) == (ProductStatus.IN_REVIEW, staff)
    measure = get_measure("work.reviewed_products")
    assert measure is not None
    year = (dt.date(2021, 1, 1), dt.date(2026, 12, 31))
    assert measure.compute(world.indicator, *year) == 0
    with pytest.raises(ValidationError, match="Een product wordt beoordeeld door iemand anders"):
        services.product_review(actor=staff, product=product, approve=True)
    with pytest.raises(ValidationError, match="Zeg wat er moet veranderen"):
        services.product_review(actor=coordinator, product=product, approve=False, remark="")
    services.product_review(actor=coordinator, product=product, approve=True)
    assert measure.compute(world.indicator, *year) == 1
    with pytest.raises(ValidationError, match="Dit product is al beoordeeld"):
        services.product_review(actor=coordinator, product=product, approve=True)


def test_a_product_sent_back_without_a_remark_shows_the_products_again(world: World) -> None:
    """The refusal is shown next to that product's remark field (400), nothing changes."""
    from django.urls import reverse

    from koers.work.models import Product, ProductStatus

    world.client("medewerker").post(
        reverse("work:products", args=[world.activity.pk]),
        {"title": "Verslag", "kind": "report", "link": "https://example.org/v"},
    )
    product = Product.objects.get()
    response = world.client("programmacoordinator").post(
        reverse("work:product_review", args=[product.pk]), {"decision": "send_back"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f'href="#remark-{product.pk}"' in page
    assert f'id="remark-{product.pk}_error"' in page
    assert "Zeg wat er moet veranderen" in page
    product.refresh_from_db()
    assert product.status == ProductStatus.IN_REVIEW
