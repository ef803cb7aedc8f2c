"""The permission matrix's rows of signals' cases part (added to ROWS).

A case is opened by its supporter (the medewerker here), the coordinator of its programme
and the director; the director of another organisation gives client support too, but not
in this one's cases (404, and her attempt is in the access log). Funders, the board,
operations and the beheerder never reach client support (403)."""

from __future__ import annotations

import datetime as dt
from typing import Any

# beheerder, directeur, bedrijfsvoering, coordinator, medewerker, toezicht, opdrachtgever,
# regio, outsider, no_role, prioritering, zorgvrager
SUPPORTERS = [403, 200, 403, 200, 200, 403, 403, 403, 200, 403, 403, 403]
CASE_OPENERS = [403, 200, 403, 200, 200, 403, 403, 403, 404, 403, 403, 403]
CASE_WRITES = [403, 302, 403, 302, 302, 403, 403, 403, 404, 403, 403, 403]
SUPPORT_WRITES = [403, 302, 403, 302, 302, 403, 403, 403, 302, 403, 403, 403]
SUPERVISORS = [403, 200, 403, 200, 403, 403, 403, 403, 200, 403, 403, 403]
SUPERVISORS_OWN = [403, 200, 403, 200, 403, 403, 403, 403, 404, 403, 403, 403]
# The other organisation's director keeps no kind of support yet: nothing to add a
# volunteer to.
VOLUNTEER_KEEPERS = [403, 200, 403, 200, 403, 403, 403, 403, 403, 403, 403, 403]


def lelystad() -> Any:
    from koers.core.models import Municipality

    found, _made = Municipality.objects.get_or_create(
        code="GM0995", defaults={"name": "Lelystad", "slug": "lelystad", "province_code": "PV24"}
    )
    return found


def a_case_type(world: Any) -> Any:
    from koers.signals.models import CaseType

    found, _made = CaseType.objects.get_or_create(
        holder=world.own,
        name="OCO Wlz Flevoland en 't Gooi",
        defaults={"activity": world.activity, "law": "wlz", "retention_months": 24},
    )
    return found


def a_case(world: Any) -> Any:
    """An open case of the medewerker in the coordinator's programme."""
    from koers.signals.models import Case, Client

    client, _made = Client.objects.get_or_create(
        holder=world.own,
        reference="2021-017",
        defaults={"birth_band": "1940_1949", "municipality": lelystad(), "law": "wlz"},
    )
    return Case.objects.create(
        holder=world.own,
        case_type=a_case_type(world),
        client=client,
        question="Vraag over de indicatie voor een verpleeghuis.",
        supporter=world.users["medewerker"],
        opened_on=dt.date(2021, 3, 1),
    )


def a_volunteer(world: Any) -> Any:
    from koers.signals.models import SupportVolunteer
    from tests.directory.factories import PersonFactory

    return SupportVolunteer.objects.create(
        holder=world.own,
        person=PersonFactory(holder=world.own),
        case_type=a_case_type(world),
        started_on=dt.date(2021, 1, 1),
    )


def with_a_case_type(world: Any) -> tuple[()]:
    """No object in the URL, but a kind of support of the own organisation to choose."""
    a_case_type(world)
    return ()


def rows(Row: Any) -> list[Any]:
    return [
        Row(
            "signals:cases",
            "Cliëntondersteuning: de zaken die zij mag openen (lijst in het inzageregister)",
            expected=SUPPORTERS,
        ),
        Row(
            "signals:case_add",
            "Een zaak openen (cliënt met pseudoniem)",
            target=with_a_case_type,
            expected=SUPPORTERS,
        ),
        Row(
            "signals:case",
            "Een zaak (ondersteuner, haar coördinator, directeur; inzage en weigering gelogd)",
            target=a_case,
            expected=CASE_OPENERS,
        ),
        Row("signals:case_edit", "Een zaak wijzigen", target=a_case, expected=CASE_OPENERS),
        Row("signals:case_close", "Een zaak sluiten", target=a_case, expected=CASE_OPENERS),
        Row(
            "signals:case_close",
            "Een zaak sluiten: uitkomst en datum",
            target=a_case,
            method="POST",
            data={"outcome": "informatie", "closed_on": "2021-03-20", "outcome_note": ""},
            expected=CASE_WRITES,
        ),
        Row(
            "signals:case_hand_over",
            "Een zaak overdragen aan een andere ondersteuner (haar coördinator, directeur)",
            target=a_case,
            expected=SUPERVISORS_OWN,
        ),
        Row(
            "signals:case_hand_over",
            "Een zaak overdragen zonder nieuwe ondersteuner: geweigerd, de pagina opnieuw (400)",
            target=a_case,
            method="POST",
            data={"supporter": ""},
            expected=[403, 400, 403, 400, 403, 403, 403, 403, 404, 403, 403, 403],
        ),
        Row(
            "signals:case_contact_add",
            "Een contact in een zaak vastleggen",
            target=a_case,
            method="POST",
            data={"on": "2021-03-02", "minutes": "30", "form": "telefoon", "note": ""},
            expected=CASE_WRITES,
        ),
        Row(
            "signals:case_raise_signal",
            "Een signaal uit een zaak melden (opgeschoond, zonder cliënt)",
            target=a_case,
            expected=CASE_OPENERS,
        ),
        Row(
            "signals:case_raise_signal",
            "Een signaal uit een zaak melden zonder gemeente: geweigerd, de pagina opnieuw (400)",
            target=a_case,
            method="POST",
            data={
                "received_on": "2021-03-02",
                "law": "wlz",
                "category": "",
                "target_group": "ouderen",
                "municipality": "",
                "sentiment": "negatief",
                "description": "De wachtlijst voor een verpleeghuis is meer dan een jaar.",
            },
            expected=[403, 400, 403, 400, 400, 403, 403, 403, 404, 403, 403, 403],
        ),
        Row(
            "signals:case_types",
            "Soorten cliëntondersteuning (met open zaken en actieve vrijwilligers)",
            expected=SUPPORTERS,
        ),
        Row(
            "signals:case_type_add",
            "Een soort cliëntondersteuning toevoegen (directeur; coördinator voor haar programma)",
            expected=SUPERVISORS,
        ),
        Row(
            "signals:case_type_edit",
            "Een soort cliëntondersteuning wijzigen (activiteit, wet, bewaartermijn)",
            target=a_case_type,
            expected=SUPERVISORS_OWN,
        ),
        Row(
            "signals:volunteers",
            "Vrijwilligers in de cliëntondersteuning",
            expected=SUPPORTERS,
        ),
        Row(
            "signals:volunteer_add",
            "Een vrijwilliger toevoegen (bij een soort die zij beheert)",
            target=with_a_case_type,
            expected=VOLUNTEER_KEEPERS,
        ),
        Row(
            "signals:volunteer_edit",
            "Een vrijwilliger wijzigen",
            target=a_volunteer,
            expected=SUPERVISORS_OWN,
        ),
    ]
