"""Kinds of client support and their volunteers: staff who give support see them; the
director keeps all of them and a coordinator those of her programmes; a volunteer is a person
of the directory, so her periods are exported and erased with her."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from koers.core.models import AuditEntry
from koers.privacy.subjects import registered
from koers.signals.models import CaseType, SupportVolunteer
from tests.directory.factories import PersonFactory
from tests.plans.factories import ActivityFactory
from tests.signals.factories import CaseTypeFactory, SupportVolunteerFactory

TYPES = "/signalen/clientondersteuning/soorten/"
TYPE_ADD = TYPES + "nieuw/"
VOLUNTEERS = "/signalen/clientondersteuning/vrijwilligers/"
VOLUNTEER_ADD = VOLUNTEERS + "nieuw/"


def kind_data(activity: Any, **changes: Any) -> dict[str, str]:
    data = {
        "name": "OCO Dronten sociaal domein",
        "activity": str(activity.pk),
        "law": "wmo",
        "retention_months": "36",
        "active": "on",
        "version": "",
    }
    data.update(changes)
    return data


class TestKindsOfSupport:
    def test_the_coordinator_adds_one_to_an_activity_of_her_programme(self, world: Any) -> None:
        done = world.client("programmacoordinator").post(TYPE_ADD, kind_data(world.activity))
        assert done.status_code == 302
        kind = CaseType.objects.get()
        assert (kind.holder, kind.activity, kind.retention_months) == (
            world.own,
            world.activity,
            36,
        )
        assert AuditEntry.objects.filter(action="case_type.created").count() == 1

    def test_an_activity_of_another_programme_is_refused_for_the_coordinator(
        self, world: Any
    ) -> None:
        other = ActivityFactory(programme=world.unfunded_programme)
        refused = world.client("programmacoordinator").post(TYPE_ADD, kind_data(other))
        assert refused.status_code == 400
        assert "Kies een activiteit van uw programma" in refused.content.decode()
        assert not CaseType.objects.exists()

    def test_an_activity_of_another_organisation_is_refused_for_the_director(
        self, world: Any
    ) -> None:
        refused = world.client("directeur").post(TYPE_ADD, kind_data(world.other_activity))
        assert refused.status_code == 400
        assert not CaseType.objects.exists()

    @pytest.mark.parametrize(
        ("changes", "status"),
        [({"retention_months": "0"}, 400), ({"retention_months": "121"}, 400), ({"name": ""}, 400)],
    )
    def test_bad_input_is_refused(self, world: Any, changes: dict[str, str], status: int) -> None:
        refused = world.client("directeur").post(TYPE_ADD, kind_data(world.activity, **changes))
        assert refused.status_code == status
        assert not CaseType.objects.exists()

    def test_a_duplicate_name_is_refused(self, world: Any) -> None:
        CaseTypeFactory(
            holder=world.own, activity=world.activity, name="OCO Dronten sociaal domein"
        )
        refused = world.client("directeur").post(TYPE_ADD, kind_data(world.activity))
        assert refused.status_code == 400
        assert "Er is al een soort ondersteuning met deze naam." in refused.content.decode()

    def test_the_medewerker_sees_the_list_but_keeps_none(self, world: Any) -> None:
        CaseTypeFactory(holder=world.own, activity=world.activity, name="OCO Wlz")
        page = world.client("medewerker").get(TYPES)
        assert page.status_code == 200
        assert [(kind.name, kept) for kind, kept in page.context["case_types"]] == [
            ("OCO Wlz", False)
        ]
        assert world.client("medewerker").get(TYPE_ADD).status_code == 403

    def test_editing_retires_a_kind(self, world: Any) -> None:
        kind = CaseTypeFactory(holder=world.own, activity=world.activity, name="OCO Wlz")
        url = f"{TYPES}{kind.pk}/wijzigen/"
        done = world.client("directeur").post(
            url, kind_data(world.activity, name="OCO Wlz", active="", version=str(kind.version))
        )
        assert done.status_code == 302
        kind.refresh_from_db()
        assert kind.active is False
        assert world.client("outsider").get(url).status_code == 404

    def test_the_list_keeps_its_query_count(
        self, world: Any, django_assert_max_num_queries: Any
    ) -> None:
        for n in range(30):
            kind = CaseTypeFactory(holder=world.own, activity=world.activity, name=f"Soort {n}")
            SupportVolunteerFactory(holder=world.own, case_type=kind)
        client = world.client("directeur")
        with django_assert_max_num_queries(12):
            assert client.get(TYPES).status_code == 200


class TestVolunteers:
    def test_the_director_adds_a_person_of_the_directory(self, world: Any) -> None:
        kind = CaseTypeFactory(holder=world.own, activity=world.activity)
        person = PersonFactory(holder=world.own)
        done = world.client("directeur").post(
            VOLUNTEER_ADD,
            {
                "person": str(person.pk),
                "case_type": str(kind.pk),
                "started_on": "2021-01-01",
                "ended_on": "",
                "version": "",
            },
        )
        assert done.status_code == 302
        volunteer = SupportVolunteer.objects.get()
        assert (volunteer.person, volunteer.case_type) == (person, kind)

    def test_a_person_of_another_organisation_or_an_end_before_the_start_is_refused(
        self, world: Any
    ) -> None:
        kind = CaseTypeFactory(holder=world.own, activity=world.activity)
        client = world.client("directeur")
        stranger = PersonFactory(holder=world.other_org)
        base = {"case_type": str(kind.pk), "started_on": "2021-01-01", "version": ""}
        assert client.post(VOLUNTEER_ADD, {**base, "person": str(stranger.pk)}).status_code == 400
        own = PersonFactory(holder=world.own)
        late = client.post(VOLUNTEER_ADD, {**base, "person": str(own.pk), "ended_on": "2020-12-31"})
        assert late.status_code == 400
        assert "Het einde ligt vóór het begin" in late.content.decode()
        assert not SupportVolunteer.objects.exists()

    def test_the_list_shows_who_is_active(self, world: Any) -> None:
        kind = CaseTypeFactory(holder=world.own, activity=world.activity)
        active = SupportVolunteerFactory(holder=world.own, case_type=kind)
        SupportVolunteerFactory(holder=world.own, case_type=kind, ended_on=dt.date(2021, 6, 30))
        rows = world.client("medewerker").get(VOLUNTEERS).context["volunteers"]
        assert {(row.pk, row.is_active) for row in rows} == {
            (active.pk, True),
            (SupportVolunteer.objects.exclude(pk=active.pk).get().pk, False),
        }
        assert world.client("opdrachtgever").get(VOLUNTEERS).status_code == 403

    def test_her_periods_are_exported_and_erasure_keeps_the_count(self, world: Any) -> None:
        volunteer = SupportVolunteerFactory(holder=world.own)
        links = {link.name: link for link in registered()}["signals_support_volunteers"]
        exported = links.export(volunteer.person)
        assert exported == [
            {
                "kept_by": str(world.own),
                "kind_of_support": volunteer.case_type.name,
                "active_from": "2021-01-01",
                "active_until": None,
            }
        ]
        person = volunteer.person
        assert links.erase(person) == 1
        volunteer.refresh_from_db()
        assert volunteer.person is None
        assert SupportVolunteer.objects.count() == 1
