"""The permission matrix's rows of signals' entry part (added to ROWS).

Signals are seen one by one by the holder's staff with VIEW_SIGNALS (director, coordinator,
staff member); funders and the board see figures only (the analysis), never a signal. The
director of another organisation reaches the pages of her own organisation's signals, but
an object of the own organisation is out of her scope (404)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

STAFF = [403, 200, 403, 200, 200, 403, 403, 403, 200, 403, 403, 403]
STAFF_OWN = [403, 200, 403, 200, 200, 403, 403, 403, 404, 403, 403, 403]
STAFF_REFUSED = [403, 400, 403, 400, 400, 403, 403, 403, 400, 403, 403, 403]
STAFF_OWN_REFUSED = [403, 400, 403, 400, 400, 403, 403, 403, 404, 403, 403, 403]
STAFF_WRITES = [403, 302, 403, 302, 302, 403, 403, 403, 302, 403, 403, 403]
STAFF_OWN_WRITES = [403, 302, 403, 302, 302, 403, 403, 403, 404, 403, 403, 403]
MANAGERS_REDIRECT = [403, 302, 403, 302, 403, 403, 403, 403, 302, 403, 403, 403]


def a_signal(world: Any) -> Any:
    """An uninterpreted signal of the own organisation."""
    from tests.signals.factories import SignalFactory

    return SignalFactory(holder=world.own)


def a_signal_contact(world: Any) -> Any:
    """A resident waiting to hear back about a signal of the own organisation."""
    from django.utils import timezone

    from koers.signals.models import SignalContact

    return SignalContact.objects.create(
        holder=world.own,
        signal=a_signal(world),
        name="Bewoner",
        email="bewoner@example.org",
        consent_at=timezone.now() - dt.timedelta(days=3),
        retain_until=timezone.localdate() + dt.timedelta(days=180),
    )


def rows(Row: Any) -> list[Any]:
    today = timezone.localdate().isoformat()
    return [
        Row(
            "signals:index", "Signalen: lijst met filters, aanvinken om te bundelen", expected=STAFF
        ),
        Row(
            "signals:bundle",
            "Signalen: aangevinkte signalen naar een nieuw agendapunt (zonder keuze: terug)",
            expected=MANAGERS_REDIRECT,
        ),
        Row(
            "signals:signal_add",
            "Signaal vastleggen (het formulier van een minuut)",
            expected=STAFF,
        ),
        Row(
            "signals:signal_add",
            "Signaal vastleggen: leeg formulier geweigerd",
            method="POST",
            expected=STAFF_REFUSED,
        ),
        Row(
            "signals:signal_add",
            "Signaal vastleggen: opgeslagen (tekst geschoond)",
            method="POST",
            data={
                "received_on": "2021-03-10",
                "channel": "oco",
                "law": "wlz",
                "sentiment": "negatief",
                "description": "De wachtlijst voor het verpleeghuis is lang.",
            },
            expected=STAFF_WRITES,
        ),
        Row(
            "signals:suggest",
            "Signaal vastleggen: voorstel van de classificatie terwijl je typt (htmx)",
            method="POST",
            data={"description": "Lange wachtlijst voor een plek in het verpleeghuis."},
            expected=STAFF,
        ),
        Row("signals:signal", "Een signaal en zijn route", target=a_signal, expected=STAFF_OWN),
        Row(
            "signals:signal_interpret",
            "Signaal duiden: categorie kiezen of bevestigen",
            target=a_signal,
            expected=STAFF_OWN,
        ),
        Row(
            "signals:signal_interpret",
            "Signaal duiden: zonder categorie geweigerd",
            target=a_signal,
            method="POST",
            expected=STAFF_OWN_REFUSED,
        ),
        Row(
            "signals:contacts",
            "Terugkoppelen: bewoners die willen horen wat er met hun signaal gebeurt",
            expected=STAFF,
        ),
        Row(
            "signals:contact_answered",
            "Terugkoppelen: bewoner heeft antwoord gekregen",
            target=a_signal_contact,
            method="POST",
            data={"answered_on": today},
            expected=STAFF_OWN_WRITES,
        ),
    ]
