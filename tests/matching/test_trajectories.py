"""Trajectories: the pool's staff see them (list with filters and counts per kind, one
trajectory); those who keep the pool add and change them, with a person from the directory
or a new one; an end before the start is refused; funders and the board never see them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from koers.core.models import AuditEntry
from koers.core.privacy import LawfulBasis
from koers.directory.models import Person
from koers.matching.models import Trajectory, TrajectoryKind, TrajectoryOutcome
from tests.matching.factories_public import a_person, a_trajectory

LIST = "/extra-handen/trajecten/"
ADD = "/extra-handen/trajecten/nieuw/"


def posted(**changes: Any) -> dict[str, str]:
    data = {
        "kind": TrajectoryKind.STERK_IN_JE_WERK.value,
        "person": "",
        "first_name": "",
        "infix": "",
        "last_name": "",
        "email": "",
        "consent_given_on": "",
        "employer": "",
        "started_on": "2021-03-01",
        "ended_on": "",
        "outcome": TrajectoryOutcome.LOPEND.value,
        "note": "",
        "version": "",
    }
    data.update(changes)
    return data


def test_staff_add_a_trajectory_of_a_directory_person(world: Any) -> None:
    person = a_person(world.own, 1)
    done = world.client("medewerker").post(
        ADD, posted(person=str(person.pk), employer=str(world.care_org.pk))
    )
    assert done.status_code == 302
    trajectory = Trajectory.objects.get()
    assert done["Location"] == f"/extra-handen/trajecten/{trajectory.pk}/"
    assert (trajectory.holder, trajectory.person, trajectory.employer) == (
        world.own,
        person,
        world.care_org,
    )
    assert trajectory.started_on == dt.date(2021, 3, 1)
    assert trajectory.created_by == world.users["medewerker"]
    assert AuditEntry.objects.filter(action="trajectory.created").count() == 1


def test_a_new_person_joins_the_directory_with_her_consent(world: Any) -> None:
    done = world.client("programmacoordinator").post(
        ADD,
        posted(
            first_name="Ilse",
            last_name="Bakker",
            email="ilse@voorbeeld.nl",
            consent_given_on="2021-02-20",
            kind=TrajectoryKind.WERK_NAAR_WERK.value,
        ),
    )
    assert done.status_code == 302
    person = Person.objects.get(last_name="Bakker")
    assert person.holder == world.own
    assert person.lawful_basis == LawfulBasis.CONSENT
    assert person.consent_given_on == dt.date(2021, 2, 20)
    assert Trajectory.objects.get().person == person


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"ended_on": "2021-02-28"}, "Het einde ligt vóór het begin"),
        ({}, "Kies een persoon uit het adresboek of vul een nieuwe in."),
        ({"last_name": "Bakker"}, "Geef de datum waarop zij toestemming gaf."),
        ({"started_on": ""}, "Geef de datum waarop het traject begon."),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_saved(
    world: Any, changes: dict[str, str], message: str
) -> None:
    person = a_person(world.own, 1)
    chosen = {} if not changes or "last_name" in changes else {"person": str(person.pk)}
    data = posted(**chosen, **changes)
    refused = world.client("medewerker").post(ADD, data)
    assert refused.status_code == 400
    assert message in refused.content.decode()
    assert not Trajectory.objects.exists()
    assert not Person.objects.filter(last_name="Bakker").exists()


def test_a_person_of_another_organisation_cannot_be_chosen(world: Any) -> None:
    stranger = a_person(world.other_org, 2)
    refused = world.client("medewerker").post(ADD, posted(person=str(stranger.pk)))
    assert refused.status_code == 400
    assert not Trajectory.objects.exists()


def test_editing_keeps_the_version_and_refuses_an_end_before_the_start(world: Any) -> None:
    trajectory = a_trajectory(world.own)
    url = f"/extra-handen/trajecten/{trajectory.pk}/wijzigen/"
    client = world.client("directeur")
    assert client.get(url).status_code == 200
    base = posted(person=str(trajectory.person_id), version=str(trajectory.version))
    refused = client.post(url, {**base, "ended_on": "2020-12-31"})
    assert refused.status_code == 400
    done = client.post(
        url, {**base, "ended_on": "2021-09-30", "outcome": TrajectoryOutcome.BEHOUDEN.value}
    )
    assert done.status_code == 302
    trajectory.refresh_from_db()
    assert (trajectory.ended_on, trajectory.outcome) == (dt.date(2021, 9, 30), "behouden")
    assert trajectory.version == 2
    stale = client.post(url, {**base, "note": "te laat"})
    assert stale.status_code == 409
    assert AuditEntry.objects.filter(action="trajectory.saved").count() == 1


def test_the_list_filters_and_counts_per_kind(world: Any) -> None:
    a_trajectory(world.own, 1)
    a_trajectory(world.own, 2, outcome=TrajectoryOutcome.BEHOUDEN)
    a_trajectory(world.own, 3, kind=TrajectoryKind.LOOPBAANPORTAL)
    a_trajectory(world.own, 4, started_on=dt.date(2020, 5, 1))
    a_trajectory(world.other_org, 5)
    client = world.client("bedrijfsvoering")
    everything = client.get(LIST)
    assert everything.context["listing"].total == 4
    assert [count for _label, count in everything.context["per_kind"]] == [3, 1, 0, 0]
    year = client.get(LIST + "?jaar=2021")
    assert year.context["listing"].total == 3
    counts = [count for _label, count in year.context["per_kind"]]
    assert counts == [2, 1, 0, 0]
    kind = client.get(LIST + "?jaar=2021&soort=loopbaanportal")
    assert kind.context["listing"].total == 1
    # The counts per kind are of the other filters, so every kind's number stays visible.
    assert [count for _label, count in kind.context["per_kind"]] == [2, 1, 0, 0]
    outcome = client.get(LIST + "?uitkomst=behouden")
    assert outcome.context["listing"].total == 1
    assert client.get(LIST + "?soort=onzin").context["listing"].total == 4


@pytest.mark.parametrize("rows", [10, 60])
def test_the_list_takes_the_same_number_of_queries_at_any_size(
    world: Any, rows: int, django_assert_max_num_queries: Any
) -> None:
    for n in range(rows):
        a_trajectory(world.own, n, employer=world.care_org)
    client = world.client("medewerker")
    client.get(LIST)
    with django_assert_max_num_queries(14):
        page = client.get(LIST)
    assert page.status_code == 200


def test_who_sees_and_who_changes(world: Any) -> None:
    trajectory = a_trajectory(world.own)
    detail = f"/extra-handen/trajecten/{trajectory.pk}/"
    edit = detail + "wijzigen/"
    for role in ("directeur", "bedrijfsvoering", "programmacoordinator", "medewerker"):
        assert world.client(role).get(detail).status_code == 200, role
    for role in ("toezicht", "opdrachtgever", "regio", "prioritering", "zorgvrager", "no_role"):
        assert world.client(role).get(LIST).status_code == 403, role
        # The care contact has nothing to do with this organisation (she asked it for no
        # help in this world): its trajectory is not found (docs/tenancy.md).
        expected = 404 if role == "zorgvrager" else 403
        assert world.client(role).get(detail).status_code == expected, role
    assert world.client("outsider").get(detail).status_code == 404
    assert world.client("outsider").get(edit).status_code == 404
    assert world.client("bedrijfsvoering").get(edit).status_code == 403
    assert world.client("bedrijfsvoering").post(ADD, posted()).status_code == 403
    assert "trajecten/nieuw" not in world.client("bedrijfsvoering").get(LIST).content.decode()
