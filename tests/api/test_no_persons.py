"""The API names no one: no coordinator, owner, recorder, signer or contact person, for
any role (a funder's official least of all), and no one's hours (a sent report carries its
programmes' hours as sent to the funder, added up, never per person). Every row of
the matrix is called as every role it answers, with people set on every record the
world's answers touch, and no name, username or address of theirs may appear."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.api.conftest import call, make_key
from tests.api.matrix import API_ROWS
from tests.conftest import World
from tests.directory.factories import PersonFactory
from tests.permission_matrix import ROLES
from tests.plans.factories import RealisationFactory


def test_no_answer_names_a_person(world: World) -> None:
    staff = world.users["medewerker"]
    world.programme.coordinator = world.users["programmacoordinator"]
    world.programme.save()
    world.activity.owner = staff
    world.activity.save()
    RealisationFactory(
        indicator=world.indicator, date=dt.date(2021, 3, 1), value=Decimal(2), recorded_by=staff
    )
    person = PersonFactory(holder=world.own, first_name="Fenna", last_name="Veldhuis")
    users = list(world.users.values())
    forbidden = {person.first_name + " " + person.last_name, person.email}
    for user in users:
        forbidden |= {user.get_full_name(), user.email, f'"{user.username}"'}

    answered = 0
    for row in API_ROWS:
        for role, expected in zip(ROLES, row.expected, strict=True):
            if expected != 200:
                continue
            body = call(row.path(world), make_key(world.users[role])).content.decode()
            named = sorted(word for word in forbidden if word and word in body)
            assert not named, f"{row.operation} as {role} names {named}"
            answered += 1
    assert answered > 100
