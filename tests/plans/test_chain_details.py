"""Tactical goals, standing tasks, partners per activity, plan milestones and target dates
(issue 17, item 2 and the dated milestones of item 4): the date rules at their boundaries,
the services' refusals (Dutch, nothing changed) and what the pages show."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from koers.plans import services
from koers.plans.models import (
    ActivityPartner,
    DatePrecision,
    Milestone,
    StandingTask,
    TacticalGoal,
    is_overdue,
    period_end,
    period_label,
)
from tests.conftest import World
from tests.plans.factories import ActivityFactory, LineFactory

# --- dates at their precision -------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "precision", "end"),
    [
        (dt.date(2021, 5, 3), DatePrecision.DAY, dt.date(2021, 5, 3)),
        (dt.date(2021, 5, 3), DatePrecision.MONTH, dt.date(2021, 5, 31)),
        (dt.date(2024, 2, 1), DatePrecision.MONTH, dt.date(2024, 2, 29)),  # leap year
        (dt.date(2021, 3, 1), DatePrecision.SEASON, dt.date(2021, 5, 31)),  # spring
        (dt.date(2021, 6, 1), DatePrecision.SEASON, dt.date(2021, 8, 31)),  # summer
        (dt.date(2021, 11, 30), DatePrecision.SEASON, dt.date(2021, 11, 30)),  # autumn
        (dt.date(2021, 12, 1), DatePrecision.SEASON, dt.date(2022, 2, 28)),  # winter
        (dt.date(2022, 2, 1), DatePrecision.SEASON, dt.date(2022, 2, 28)),
        (dt.date(2023, 1, 1), DatePrecision.YEAR, dt.date(2023, 12, 31)),
    ],
)
def test_a_date_is_kept_as_the_last_day_of_its_period(
    day: dt.date, precision: str, end: dt.date
) -> None:
    assert period_end(day, precision) == end


def test_a_date_is_shown_at_its_precision() -> None:
    with translation.override("nl"):
        assert period_label(dt.date(2023, 4, 30), DatePrecision.DAY) == "30 april 2023"
        assert period_label(dt.date(2021, 5, 31), DatePrecision.MONTH) == "mei 2021"
        assert period_label(dt.date(2021, 5, 31), DatePrecision.SEASON) == "voorjaar 2021"
        assert period_label(dt.date(2022, 2, 28), DatePrecision.SEASON) == "winter 2022"
        assert period_label(dt.date(2023, 12, 31), DatePrecision.YEAR) == "2023"
        assert period_label(None, DatePrecision.DAY) == ""


def test_overdue_means_the_period_ended_before_today_undone() -> None:
    day = dt.date(2021, 5, 31)
    assert not is_overdue(day, done=False, today=day)  # the last day itself is still in time
    assert is_overdue(day, done=False, today=day + dt.timedelta(days=1))
    assert not is_overdue(day, done=True, today=day + dt.timedelta(days=1))
    assert not is_overdue(None, done=False, today=day)


# --- services: refusals change nothing ------------------------------------------------------


def _refusal(call: Any) -> dict[str, list[str]]:
    with translation.override("nl"), pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


def test_a_tactical_goal_refuses_a_line_of_another_programme_and_a_far_year(
    world: World,
) -> None:
    director = world.users["directeur"]
    other_line = LineFactory(programme=world.unfunded_programme)

    def save(**changes: Any) -> Any:
        values = {"line": None, "text": "Een doel", "target_year": 2025} | changes
        return lambda: services.tactical_goal_save(
            actor=director, programme=world.programme, **values
        )

    assert _refusal(save(line=other_line)) == {"line": ["Kies een actielijn van dit programma."]}
    assert _refusal(save(target_year=2035)) == {
        "target_year": ["Kies een jaar van 2021 tot en met 2034."]
    }
    assert _refusal(save(text="   ")) == {"text": ["Dit veld is verplicht."]}
    assert not TacticalGoal.objects.exists()
    # 2025 lies after the plan's last year, as Versterken van Inwoners' goals do.
    goal = save()()
    assert (goal.target_year, goal.line, goal.order) == (2025, None, 1)


def test_only_editors_of_the_programme_add_goals_and_tasks(world: World) -> None:
    for role in ("medewerker", "opdrachtgever"):
        with pytest.raises(PermissionDenied):
            services.tactical_goal_save(
                actor=world.users[role],
                programme=world.programme,
                line=None,
                text="Doel",
                target_year=2024,
            )
    with pytest.raises(PermissionDenied):  # a coordinator of another programme
        services.standing_task_save(
            actor=world.users["programmacoordinator"],
            programme=world.unfunded_programme,
            line=None,
            title="Secretaris",
            role="Secretarisfunctie",
        )
    assert not TacticalGoal.objects.exists() and not StandingTask.objects.exists()


def test_a_partner_is_named_once_and_never_the_organisation_itself(world: World) -> None:
    director = world.users["directeur"]

    def add(organisation: Any, role: str = "partner") -> Any:
        return lambda: services.activity_partner_add(
            actor=director, activity=world.activity, organisation=organisation, role=role
        )

    assert _refusal(add(world.own)) == {
        "organisation": ["De organisatie die het plan uitvoert, is geen partner."]
    }
    assert _refusal(add(world.province, role="sponsor")) == {"role": ["Kies een van de rollen."]}
    add(world.province, role="financier")()
    assert _refusal(add(world.province)) == {
        "organisation": ["Provincie Flevoland is al partner van deze activiteit."]
    }
    assert list(ActivityPartner.objects.values_list("role", flat=True)) == ["financier"]


def test_a_milestone_is_kept_at_its_period_end_and_only_the_plan_manager_saves_it(
    world: World,
) -> None:
    with pytest.raises(PermissionDenied):
        services.milestone_save(
            actor=world.users["programmacoordinator"],
            plan=world.plan,
            title="Onderzoeker geworven",
            date=dt.date(2021, 4, 1),
            precision=DatePrecision.SEASON,
        )
    foreign = ActivityFactory(programme=world.other_programme)
    assert _refusal(
        lambda: services.milestone_save(
            actor=world.users["directeur"],
            plan=world.plan,
            title="Onderzoeker geworven",
            date=dt.date(2021, 4, 1),
            precision=DatePrecision.SEASON,
            activity=foreign,
        )
    ) == {"activity": ["Kies een activiteit van dit meerjarenplan."]}
    assert not Milestone.objects.exists()
    milestone = services.milestone_save(
        actor=world.users["directeur"],
        plan=world.plan,
        title="Onderzoeker geworven",
        date=dt.date(2021, 4, 1),
        precision=DatePrecision.SEASON,
    )
    assert milestone.date == dt.date(2021, 5, 31)


# --- pages ----------------------------------------------------------------------------------


def test_the_programme_page_shows_goals_tasks_and_an_overdue_target(world: World) -> None:
    programme = world.programme
    programme.target_date, programme.target_precision = dt.date(2021, 6, 30), "month"
    programme.save()
    line = LineFactory(programme=programme, title="Ervaringsdeskundigheid")
    TacticalGoal.objects.create(
        programme=programme, text="Heel Flevoland in beeld", target_year=2025
    )
    TacticalGoal.objects.create(
        programme=programme, line=line, text="Een netwerk van bewonersgroepen", target_year=2024
    )
    StandingTask.objects.create(
        programme=programme, title="Secretaris van WEL", role="Secretarisfunctie"
    )
    world.activity.target_date, world.activity.target_precision = dt.date(2021, 5, 31), "month"
    world.activity.save()
    client = world.client("programmacoordinator")
    url = reverse("plans:programme", args=[programme.pk])
    page = client.get(url + "?jaar=2021&peildatum=2021-10-15").content.decode()
    assert "Heel Flevoland in beeld" in page and "Ervaringsdeskundigheid:" in page
    assert "Secretaris van WEL" in page and "Secretarisfunctie" in page
    assert "juni 2021" in page and "uiterlijk mei 2021" in page
    assert page.count("te laat") == 2  # the programme's goal and the activity
    assert reverse("plans:standing_task_create", args=[programme.pk]) in page
    # Before the dates have passed nothing is overdue.
    page = client.get(url + "?jaar=2021&peildatum=2021-05-31").content.decode()
    assert "te laat" not in page
    # A funder sees them, without the links to change them.
    page = world.client("opdrachtgever").get(url + "?jaar=2021").content.decode()
    assert "Secretaris van WEL" in page
    assert reverse("plans:standing_task_create", args=[programme.pk]) not in page


def test_a_completed_activity_is_not_overdue(world: World) -> None:
    world.activity.target_date, world.activity.status = dt.date(2021, 5, 31), "completed"
    world.activity.save()
    page = world.client("directeur").get(
        reverse("plans:activity", args=[world.activity.pk]) + "?peildatum=2021-10-15"
    )
    assert "31 mei 2021" in page.content.decode()
    assert "te laat" not in page.content.decode()


def test_partners_show_on_the_activity_and_on_the_organisations_page(world: World) -> None:
    ActivityPartner.objects.create(
        activity=world.activity, organisation=world.regio, role="financier"
    )
    page = world.client("directeur").get(reverse("plans:activity", args=[world.activity.pk]))
    assert "Regio+" in page.content.decode() and "Financier" in page.content.decode()
    organisation_url = reverse("directory:organisation", args=[world.regio.pk])
    page = world.client("directeur").get(organisation_url).content.decode()
    assert "Partner in activiteiten" in page and "Partners verbinden" in page
    # Regio+'s official does not see the province's programme, nor its activity here.
    page = world.client("regio").get(organisation_url).content.decode()
    assert "Partners verbinden" not in page


def test_the_annual_plan_page_shows_the_milestones_as_a_timeline(
    world: World, settings: Any
) -> None:
    settings.REFERENCE_DATE = "2021-10-15"
    Milestone.objects.create(
        plan=world.plan, title="Raad van Toezicht", date=dt.date(2020, 7, 1), done=True
    )
    Milestone.objects.create(
        plan=world.plan,
        title="Onderzoeker geworven",
        date=dt.date(2021, 5, 31),
        precision="season",
        activity=world.activity,
    )
    Milestone.objects.create(plan=world.plan, title="Tweede evaluatie", date=dt.date(2024, 9, 30))
    page = world.client("directeur").get(reverse("plans:annual_plan", args=[world.annual_plan.pk]))
    html = page.content.decode()
    assert html.index("Raad van Toezicht") < html.index("Onderzoeker") < html.index("Tweede")
    assert "voorjaar 2021" in html and html.count("te laat") == 1
    assert reverse("plans:milestone_create", args=[world.annual_plan.pk]) in html
    page = world.client("toezicht").get(reverse("plans:annual_plan", args=[world.annual_plan.pk]))
    assert "voorjaar 2021" in page.content.decode()
    assert reverse("plans:milestone_create", args=[world.annual_plan.pk]) not in (
        page.content.decode()
    )


# --- forms: bad input refused in Dutch, nothing changed -------------------------------------


def test_the_forms_refuse_bad_input_in_dutch_and_save_nothing(world: World) -> None:
    client = world.client("directeur")
    response = client.post(
        reverse("plans:tactical_goal_create", args=[world.programme.pk]),
        {"text": "Doel", "target_year": "2040", "version": "0"},
    )
    assert response.status_code == 400
    assert "Kies een jaar van 2021 tot en met 2034." in response.content.decode()
    response = client.post(
        reverse("plans:milestone_create", args=[world.annual_plan.pk]),
        {"title": "Evaluatie", "date": "dertig april", "precision": "day", "version": "0"},
    )
    assert response.status_code == 400 and "Voer een geldige datum in." in response.content.decode()
    response = client.post(
        reverse("plans:partner_create", args=[world.activity.pk]),
        {"organisation": str(world.own.pk), "organisation_zoek": world.own.name, "role": "partner"},
    )
    assert response.status_code == 400
    assert "De organisatie die het plan uitvoert, is geen partner." in response.content.decode()
    assert not (
        TacticalGoal.objects.exists()
        or Milestone.objects.exists()
        or ActivityPartner.objects.exists()
    )


def test_the_forms_save_and_a_month_is_kept_at_its_end(world: World) -> None:
    client = world.client("directeur")
    response = client.post(
        reverse("plans:milestone_create", args=[world.annual_plan.pk]),
        {"title": "Tweede evaluatie", "date": "2024-09-01", "precision": "month", "version": "0"},
    )
    assert response.status_code == 302
    milestone = Milestone.objects.get()
    assert milestone.date == dt.date(2024, 9, 30)
    edit = reverse("plans:milestone_edit", args=[milestone.pk])
    response = client.post(
        edit,
        {
            "title": "Tweede evaluatie",
            "date": "2024-09-30",
            "precision": "month",
            "done": "on",
            "version": str(milestone.version),
        },
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.done and milestone.version == 2
    activity = world.activity
    response = client.post(
        reverse("plans:activity_edit", args=[activity.pk]),
        {
            "title": activity.title,
            "description": activity.description,
            "outcome": activity.outcome,
            "role": activity.role,
            "phase": activity.phase,
            "status": activity.status,
            "target_date": "2021-05-03",
            "target_precision": "month",
            "version": str(activity.version),
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert (activity.target_date, activity.target_precision) == (dt.date(2021, 5, 31), "month")
