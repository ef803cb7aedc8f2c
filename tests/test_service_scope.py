"""Services refuse what lies outside the actor's scope, whoever calls them (a view, a script,
an import, the admin): they check the object as it is stored and as it will be (issue 14).

The URLs are covered by `tests/test_out_of_scope_writes.py`; these are the service-level
checks that no URL reaches today, or that hold against a caller who got it wrong.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.accounts import services as accounts
from koers.accounts.models import UserSession
from koers.directory.models import Person
from koers.plans import services as plans
from koers.privacy.services import person_erase
from koers.reports import services as reports
from koers.reports.models import ReportDocument
from koers.work import imports
from koers.work import services as work
from koers.work.models import Project, StaffProfile, TimeEntry
from tests.conftest import World
from tests.directory.factories import PersonFactory
from tests.permission_matrix import a_report
from tests.plans.factories import PlanFactory, ProgrammeFactory


def _project(world: World, programme: Any) -> Project:
    return Project.objects.create(
        organisation=world.own, programme=programme, title="Netwerk", starts_on=dt.date(2021, 1, 1)
    )


def _move(world: World, role: str, project: Project, programme: Any) -> Project:
    return work.project_save(
        actor=world.users[role],
        organisation_id=world.own.pk,
        values={"programme": programme, "title": project.title, "starts_on": project.starts_on},
        project=project,
    )


def test_a_coordinator_cannot_take_a_colleagues_project_into_her_programme(world: World) -> None:
    project = _project(world, world.unfunded_programme)
    with pytest.raises(PermissionDenied):
        _move(world, "programmacoordinator", project, world.programme)
    project.refresh_from_db()
    assert project.programme == world.unfunded_programme


def test_a_coordinator_cannot_give_her_project_away(world: World) -> None:
    project = _project(world, world.programme)
    with pytest.raises(PermissionDenied):
        _move(world, "programmacoordinator", project, world.unfunded_programme)
    project.refresh_from_db()
    assert project.programme == world.programme


def test_the_check_reads_where_the_project_is_now_not_where_the_caller_saw_it(
    world: World,
) -> None:
    seen = _project(world, world.programme)  # hers when she opened it …
    _move(world, "directeur", seen, world.unfunded_programme)  # … then the director moved it
    with pytest.raises(PermissionDenied):
        _move(world, "programmacoordinator", seen, world.programme)
    seen.refresh_from_db()
    assert seen.programme == world.unfunded_programme


def test_the_director_moves_a_project_between_programmes(world: World) -> None:
    project = _move(world, "directeur", _project(world, world.programme), world.unfunded_programme)
    assert project.programme == world.unfunded_programme


def test_a_coordinator_is_offered_only_her_own_programmes_for_a_project(world: World) -> None:
    colleagues = _project(world, world.unfunded_programme)
    client = world.client("programmacoordinator")
    form = client.get(reverse("work:project_add")).context["form"]
    assert list(form.fields["programme"].queryset) == [world.programme]
    listing = client.get(reverse("work:projects")).content.decode()
    assert reverse("work:project_edit", args=[colleagues.pk]) not in listing
    assert colleagues.title in listing  # she sees it, without the way to change it


def test_hours_on_another_organisations_activity_are_refused(world: World) -> None:
    staff = world.users["medewerker"]
    StaffProfile.objects.create(user=staff, organisation=world.own)
    cell = work.Cell(world.other_activity, dt.date(2021, 5, 3), Decimal(2))
    with pytest.raises(PermissionDenied):
        work.week_save(
            actor=staff, organisation_id=world.own.pk, monday=dt.date(2021, 5, 3), cells=[cell]
        )
    assert not TimeEntry.objects.exists()


def test_an_hours_import_is_saved_only_by_who_closes_the_months_there(world: World) -> None:
    StaffProfile.objects.create(user=world.users["medewerker"], organisation=world.own)
    rows = [
        ["datum", "medewerker", "uren", "activiteit", "categorie", "notitie"],
        ["2021-03-01", "medewerker", "6", world.activity.code, "", ""],
    ]
    report = imports.check(rows, organisation_id=world.own.pk)
    assert len(report.passing) == 1
    for role in ("outsider", "medewerker", "directeur"):
        with pytest.raises(PermissionDenied):
            imports.apply(report, actor=world.users[role], skip_failing=False, remote_addr=None)
    assert not TimeEntry.objects.exists()
    imports.apply(
        report, actor=world.users["bedrijfsvoering"], skip_failing=False, remote_addr=None
    )
    assert TimeEntry.objects.count() == 1


@pytest.mark.parametrize("role", ["directeur", "medewerker", "outsider"])
def test_only_who_answers_privacy_requests_for_the_holder_erases_a_person(
    world: World, role: str
) -> None:
    person = PersonFactory(holder=world.own)
    with pytest.raises(PermissionDenied):
        person_erase(person, actor=world.users[role], remote_addr=None, reason="Verzoek")
    assert Person.objects.filter(pk=person.pk).exists()
    person_erase(person, actor=world.users["beheerder"], remote_addr=None, reason="Verzoek")
    assert not Person.objects.filter(pk=person.pk).exists()


def test_a_beheerder_resets_the_second_factor_of_her_own_organisations_people_only(
    world: World,
) -> None:
    from tests.accounts.factories import MembershipFactory, UserFactory

    elsewhere = MembershipFactory(
        user=UserFactory(), organisation=world.other_org, role="beheerder"
    ).user
    victim = world.users["directeur"]
    TOTPDevice.objects.create(user=victim, name="App", confirmed=True)
    with pytest.raises(PermissionDenied):
        accounts.second_factor_reset(actor=elsewhere, user=victim, remote_addr=None)
    with pytest.raises(PermissionDenied):
        accounts.second_factor_reset(
            actor=world.users["directeur"], user=world.users["medewerker"], remote_addr=None
        )
    assert TOTPDevice.objects.filter(user=victim).exists()
    accounts.second_factor_reset(actor=world.users["beheerder"], user=victim, remote_addr=None)
    assert not TOTPDevice.objects.filter(user=victim).exists()


def test_a_session_is_ended_by_its_own_user_only(world: World) -> None:
    store = SessionStore()
    store.create()
    theirs = UserSession.objects.create(session_id=store.session_key, user=world.users["directeur"])
    with pytest.raises(PermissionDenied):
        accounts.user_session_end(
            actor=world.users["beheerder"], user_session=theirs, remote_addr=None
        )
    assert UserSession.objects.filter(pk=theirs.pk).exists()


def test_advice_is_about_a_programme_of_the_plan_under_advice(world: World) -> None:
    world.annual_plan.status = "ter_advies"
    world.annual_plan.save()
    another_plans = ProgrammeFactory(plan=PlanFactory(organisation=world.own))
    with pytest.raises(PermissionDenied):
        plans.advisory_comment_add(
            actor=world.users["toezicht"],
            annual_plan=world.annual_plan,
            text="Advies",
            programme=another_plans,
        )
    assert not world.annual_plan.advisory_comments.exists()


@pytest.mark.parametrize("role", ["opdrachtgever", "outsider", "no_role"])
def test_documents_of_a_report_are_made_for_its_organisation_only(world: World, role: str) -> None:
    report = a_report(world)
    with pytest.raises(PermissionDenied):
        reports.document_request(actor=world.users[role], report=report, format="pdf")
    assert not ReportDocument.objects.filter(report=report).exists()
