"""Ties Koers already knows from its relations records, proposed for the atlas (read only):
organisations that organised an event together or took part in the same event, and
organisations that met in the same network. Each proposal says where it comes from; one
already taken over (its `derivation` between the same parties) or hidden is not offered."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from django.utils.translation import gettext as _

from koers.atlas.models import Collaboration, Initiative, TieDismissal, TieKind, TieSource
from koers.directory.models import Organisation
from koers.relations.models import Event, Interaction, Network, Participant

# An event with more organisations than this is a gathering, not a collaboration of every
# pair in it: its participants are not proposed (its co-organisers still are).
MOST_PARTIES_PER_EVENT = 12


@dataclass(frozen=True)
class Proposal:
    derivation: str  # "event:12", "network:3"
    first: int  # the organisations' ids, first < second
    second: int
    first_name: str
    second_name: str
    first_initiative: int | None  # the atlas's entry of that organisation, if any
    second_initiative: int | None
    kind: str
    source: str
    started_on: dt.date
    where: str  # where it comes from, for the page

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.derivation, self.first, self.second)


def _pairs(organisations: set[int]) -> list[tuple[int, int]]:
    return list(combinations(sorted(organisations), 2))


def _found_pairs(holder_id: int) -> list[tuple[str, int, int, str, str, dt.date, str]]:
    """(derivation, first, second, kind, source, date, where) from the holder's records."""
    found: list[tuple[str, int, int, str, str, dt.date, str]] = []
    events = {
        row["pk"]: row
        for row in Event.objects.filter(holder_id=holder_id).values("pk", "title", "date")
    }
    organisers: dict[int, set[int]] = defaultdict(set)
    for event_id, organisation_id in Event.co_organisers.through.objects.filter(
        event__holder_id=holder_id
    ).values_list("event_id", "organisation_id"):
        organisers[event_id].add(organisation_id)
    taking_part: dict[int, set[int]] = defaultdict(set)
    for event_id, organisation_id in (
        Participant.objects.filter(event__holder_id=holder_id, organisation__isnull=False)
        .exclude(attended=False)
        .values_list("event_id", "organisation_id")
        .distinct()
    ):
        taking_part[event_id].add(organisation_id)
    for event_id, event in events.items():
        together = organisers.get(event_id, set())
        if together:
            together = together | {holder_id}  # the holder organised it with them
        for first, second in _pairs(together):
            where = _("Organised %(event)s together") % {"event": event["title"]}
            found.append(
                (
                    f"event:{event_id}",
                    first,
                    second,
                    TieKind.SHARED_ACTIVITY.value,
                    TieSource.EVENT.value,
                    event["date"],
                    where,
                )
            )
        present = taking_part.get(event_id, set()) | together
        if len(present) <= MOST_PARTIES_PER_EVENT:
            for first, second in _pairs(present):
                if first in together and second in together:
                    continue
                where = _("Both took part in %(event)s") % {"event": event["title"]}
                found.append(
                    (
                        f"event:{event_id}",
                        first,
                        second,
                        TieKind.SHARED_ACTIVITY.value,
                        TieSource.EVENT.value,
                        event["date"],
                        where,
                    )
                )
    networks = dict(Network.objects.filter(holder_id=holder_id).values_list("pk", "name"))
    met: dict[int, set[int]] = defaultdict(set)
    first_met: dict[int, dt.date] = {}
    for network_id, organisation_id, date in Interaction.organisations.through.objects.filter(
        interaction__network__holder_id=holder_id
    ).values_list("interaction__network_id", "organisation_id", "interaction__date"):
        met[network_id].add(organisation_id)
        first_met[network_id] = min(date, first_met.get(network_id, date))
    for network_id, organisations in met.items():
        if len(organisations) > MOST_PARTIES_PER_EVENT:
            continue
        where = _("Met in the network %(network)s") % {"network": networks.get(network_id, "")}
        for first, second in _pairs(organisations):
            found.append(
                (
                    f"network:{network_id}",
                    first,
                    second,
                    TieKind.COLLABORATION.value,
                    TieSource.NETWORK.value,
                    first_met[network_id],
                    where,
                )
            )
    return found


def _taken(holder_id: int) -> set[tuple[str, int, int]]:
    """The (derivation, first, second) already in the atlas or hidden."""
    taken: set[tuple[str, int, int]] = set()
    rows = (
        Collaboration.objects.filter(holder_id=holder_id)
        .exclude(derivation="")
        .values_list(
            "derivation",
            "from_initiative__organisation_id",
            "from_organisation_id",
            "to_initiative__organisation_id",
            "to_organisation_id",
        )
    )
    for derivation, from_entry, from_org, to_entry, to_org in rows:
        ends = [from_entry or from_org, to_entry or to_org]
        if None not in ends:
            first, second = sorted(ends)
            taken.add((derivation, first, second))
    taken.update(
        TieDismissal.objects.filter(holder_id=holder_id).values_list(
            "derivation", "first_id", "second_id"
        )
    )
    return taken


def derived_proposals(holder_id: int) -> list[Proposal]:
    """Every tie the holder's records show and its atlas neither has nor hid, newest first.
    A fixed number of queries, whatever the number of records."""
    found = _found_pairs(holder_id)
    taken = _taken(holder_id)
    found = [row for row in found if (row[0], row[1], row[2]) not in taken]
    seen: set[tuple[str, int, int]] = set()
    unique = []
    for row in found:
        if (row[0], row[1], row[2]) not in seen:
            seen.add((row[0], row[1], row[2]))
            unique.append(row)
    ids = {row[1] for row in unique} | {row[2] for row in unique}
    names: dict[int, Any] = dict(Organisation.objects.filter(pk__in=ids).values_list("pk", "name"))
    entries = dict(
        Initiative.objects.filter(holder_id=holder_id, organisation_id__in=ids).values_list(
            "organisation_id", "pk"
        )
    )
    proposals = [
        Proposal(
            derivation=derivation,
            first=first,
            second=second,
            first_name=names.get(first, ""),
            second_name=names.get(second, ""),
            first_initiative=entries.get(first),
            second_initiative=entries.get(second),
            kind=kind,
            source=source,
            started_on=date,
            where=where,
        )
        for derivation, first, second, kind, source, date, where in unique
    ]
    return sorted(proposals, key=lambda p: (-p.started_on.toordinal(), p.first_name, p.second_name))


def find_proposal(holder_id: int, derivation: str, first: int, second: int) -> Proposal | None:
    """The proposal with this key, when the records still show it and it is not taken."""
    for proposal in derived_proposals(holder_id):
        if proposal.key == (derivation, first, second):
            return proposal
    return None
