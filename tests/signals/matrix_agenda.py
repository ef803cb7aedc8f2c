"""The permission matrix's rows of signals' agenda part (added to ROWS).

Staff with VIEW_SIGNALS (director, coordinator, employee) see the agenda and meetings of
their organisation; those who manage signals (director, coordinator) bundle, change and
move items and keep the meetings. Funders and the board see figures only (the analysis),
never the agenda items; the director of another organisation reaches her own lists, and
404 on this organisation's records."""

from __future__ import annotations

from typing import Any

VIEWERS = [403, 200, 403, 200, 200, 403, 403, 403, 200, 403, 403, 403]
VIEWERS_OWN = [403, 200, 403, 200, 200, 403, 403, 403, 404, 403, 403, 403]
MANAGERS = [403, 200, 403, 200, 403, 403, 403, 403, 200, 403, 403, 403]
MANAGERS_OWN = [403, 200, 403, 200, 403, 403, 403, 403, 404, 403, 403, 403]
MANAGER_WRITES = [403, 302, 403, 302, 403, 403, 403, 403, 302, 403, 403, 403]
MANAGER_WRITES_OWN = [403, 302, 403, 302, 403, 403, 403, 403, 404, 403, 403, 403]
MANAGER_REFUSED_OWN = [403, 400, 403, 400, 403, 403, 403, 403, 404, 403, 403, 403]


def a_meeting(world: Any) -> Any:
    from tests.signals.factories import MeetingFactory

    return MeetingFactory(holder=world.own)


def an_agenda_item(world: Any) -> Any:
    """A new item of the own organisation bundling one signal, for the quarterly meeting."""
    from koers.signals.models import AgendaStep
    from tests.signals.factories import AgendaItemFactory, SignalFactory

    item = AgendaItemFactory(holder=world.own, meeting=a_meeting(world))
    item.signals.add(SignalFactory(holder=world.own))
    AgendaStep.objects.create(item=item, status="nieuw", on=item.meeting.held_on)
    return item


def rows(Row: Any) -> list[Any]:
    return [
        Row("signals:agenda", "Agenda: agendapunten met status en vergadering", expected=VIEWERS),
        Row(
            "signals:agenda_item_add",
            "Signalen bundelen tot een agendapunt (aantallen, geen personen)",
            expected=MANAGERS,
            query="?signals=1,2,3",
        ),
        Row(
            "signals:agenda_item",
            "Agendapunt: gebundelde signalen in aantallen en de route",
            target=an_agenda_item,
            expected=VIEWERS_OWN,
        ),
        Row(
            "signals:agenda_item_edit",
            "Agendapunt wijzigen",
            target=an_agenda_item,
            expected=MANAGERS_OWN,
        ),
        Row(
            "signals:agenda_item_step",
            "Agendapunt een stap verder zetten (nieuw → geduid), gedateerd",
            target=an_agenda_item,
            method="POST",
            data={"to": "geduid", "on": "2021-06-11", "note": "Besproken in het team"},
            expected=MANAGER_WRITES_OWN,
        ),
        Row(
            "signals:agenda_item_step",
            "Agendapunt een stap overslaan (nieuw → teruggekoppeld): geweigerd met de reden",
            target=an_agenda_item,
            method="POST",
            data={"to": "teruggekoppeld", "on": "2021-06-11"},
            expected=MANAGER_REFUSED_OWN,
        ),
        Row("signals:meetings", "Vergaderingen waar signalen heen gaan", expected=VIEWERS),
        Row("signals:meeting_add", "Vergadering toevoegen", expected=MANAGERS),
        Row(
            "signals:meeting_edit",
            "Vergadering wijzigen",
            target=a_meeting,
            expected=MANAGERS_OWN,
        ),
    ]
