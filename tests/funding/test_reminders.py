"""Weekly reminders of invoices to send and grant obligations falling due."""

from __future__ import annotations

import datetime as dt
from typing import Any

from koers.funding.reminders import reminders_due, send_money_reminders
from tests.funding.factories import GrantFactory
from tests.funding.test_pipeline import decide, move, to_submitted


def test_money_managers_are_reminded_of_advances_and_obligations(
    world: Any, mailoutbox: Any
) -> None:
    for role in ("bedrijfsvoering", "directeur", "medewerker"):
        world.users[role].email = f"{role}@cmo.example"
        world.users[role].save()
    grant = GrantFactory(organisation=world.own, funder=world.province, title="Instellingssubsidie")
    grant = move(world, decide(world, to_submitted(world, grant)), "granted", dt.date(2020, 12, 15))
    grant.obligations.create(text="Jaarplan 2022 indienen", due_on=dt.date(2021, 11, 1))
    grant.obligations.create(text="Verantwoording 2021", due_on=dt.date(2022, 5, 1))
    grant.obligations.create(
        text="Al gedaan", due_on=dt.date(2021, 10, 1), done_on=dt.date(2021, 9, 1)
    )
    messages = reminders_due(dt.date(2021, 10, 20))
    assert sorted(address for address, _s, _b in messages) == [
        "bedrijfsvoering@cmo.example",
        "directeur@cmo.example",
    ]
    body = messages[0][2]
    assert "Jaarplan 2022 indienen" in body
    assert "Verantwoording 2021" not in body and "Al gedaan" not in body
    assert body.count("Instellingssubsidie") == 5  # four advances not sent, one obligation
    assert send_money_reminders.call("2021-10-20") == 2
    assert len(mailoutbox) == 2


def test_nothing_due_sends_nothing(world: Any, mailoutbox: Any) -> None:
    GrantFactory(organisation=world.own, funder=world.province)
    assert send_money_reminders.call("2021-10-20") == 0
    assert mailoutbox == []
