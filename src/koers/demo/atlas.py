"""The demo atlas: example initiatives in all six municipalities, their ties to WEL's theme
partners and to each other in 2020 and 2021, and the ties the demo's meetings show.

The data is in `seed_data.atlas` (what comes from the seeds and what is example data is
said there). Like the demo's other invented records, the initiatives and ties are
bulk-loaded and marked `is_example`, with one audit entry on the holder ("demo.example_data")
that says what was loaded, rather than one per record that would claim a user typed it in.
Each entered tie's source note starts with "Voorbeeldgegevens".

Held by CMO Flevoland, who keeps Flevoland's atlas (seed 001, "Informeel Flevoland in
Beeld"). The partners appear as organisations of the directory at the ends of ties; an
initiative that is an organisation of the directory links to it (and its contact is one of
that organisation's example persons, who carry their purpose), so nothing is copied.

Derived ties: the organisations that co-organised one of the demo's meetings held by the
reference date worked together; each pair is one tie marked `derivation="event:<id>"`,
with the meeting as its source, as the records part of the atlas would propose it.
"""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from django.utils.formats import date_format

from koers.atlas.models import DIMENSIONS, Collaboration, Initiative, Theme, TieKind, TieSource
from koers.core.models import Municipality
from koers.demo.constants import REFERENCE_DATE
from koers.demo.directory import loaded
from koers.demo.seed_data import atlas as seed
from koers.directory.models import Organisation, Person
from koers.plans.models import Activity, Indicator, Plan, Source
from koers.relations.models import Event

# The years whose network the demo stores: the year before the plan and the plan's year, so
# "what changed since last year" has something to say.
ATLAS_NETWORK_YEARS = (2020, 2021)


def build_atlas(
    plan: Plan,
    organisations: dict[str, Organisation],
    municipalities: dict[str, Municipality],
    persons: dict[str, list[Person]],
    note: Any,
) -> None:
    """The example atlas of the plan's organisation, once."""
    holder = plan.organisation
    if Initiative.objects.filter(holder=holder, is_example=True).exists():
        return
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    initiatives = _initiatives(holder, organisations, municipalities, persons, themes)
    ties = [
        *(_entered(holder, spec, initiatives, organisations, themes) for spec in seed.TIES),
        *_derived_from_events(plan, themes),
    ]
    Collaboration.objects.bulk_create(ties)
    loaded(holder, note, initiatives=len(initiatives), collaborations=len(ties))


def _initiatives(
    holder: Organisation,
    organisations: dict[str, Organisation],
    municipalities: dict[str, Municipality],
    persons: dict[str, list[Person]],
    themes: dict[str, Theme],
) -> dict[str, Initiative]:
    rows = [
        Initiative(
            holder=holder,
            name=spec.name,
            kind=spec.kind,
            description=spec.description,
            target_groups=spec.target_groups,
            municipality=municipalities[spec.municipality],
            latitude=_coordinate(spec.point[0]),
            longitude=_coordinate(spec.point[1]),
            organisation=organisations[spec.organisation] if spec.organisation else None,
            # The organisation's first example person: she carries her own purpose. An
            # initiative outside the directory has no person to point at: none is invented.
            contact=next(iter(persons.get(spec.organisation, [])), None),
            is_public=spec.is_public,
            confirmed_on=spec.confirmed_on,
            is_example=True,
            **_serves(spec.serves),
        )
        for spec in seed.INITIATIVES
    ]
    Initiative.objects.bulk_create(rows)
    through = Initiative.themes.through
    through.objects.bulk_create(
        [
            through(initiative_id=row.pk, theme_id=themes[slug].pk)
            for row, spec in zip(rows, seed.INITIATIVES, strict=True)
            for slug in spec.themes
        ]
    )
    return {spec.key: row for row, spec in zip(rows, seed.INITIATIVES, strict=True)}


def _serves(levels: tuple[int, ...]) -> dict[str, int]:
    """{field: 0–2} for the dimensions, in the order of DIMENSIONS."""
    return {d.field: level for d, level in zip(DIMENSIONS, levels, strict=True)}


def _coordinate(value: float) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.00001"))


def _entered(
    holder: Organisation,
    spec: seed.DemoTie,
    initiatives: dict[str, Initiative],
    organisations: dict[str, Organisation],
    themes: dict[str, Theme],
) -> Collaboration:
    def end(key: str) -> dict[str, Any]:
        if key.startswith(seed.ORG):
            return {"organisation": organisations[key.removeprefix(seed.ORG)]}
        return {"initiative": initiatives[key]}

    ends = {f"from_{k}": v for k, v in end(spec.from_end).items()}
    ends.update({f"to_{k}": v for k, v in end(spec.to_end).items()})
    return Collaboration(
        holder=holder,
        kind=spec.kind,
        theme=themes[spec.theme],
        started_on=spec.started_on,
        ended_on=spec.ended_on,
        source=spec.source,
        source_note=f"{seed.EXAMPLE}: {spec.source_note}.",
        is_internal=spec.is_internal,
        is_example=True,
        **ends,
    )


def _derived_from_events(plan: Plan, themes: dict[str, Theme]) -> list[Collaboration]:
    """A tie between every two co-organisers of a meeting held by the reference date."""
    by_name = {theme.name.lower(): theme for theme in themes.values()}
    events = (
        Event.objects.filter(holder=plan.organisation, date__lte=REFERENCE_DATE)
        .prefetch_related("co_organisers")
        .order_by("date", "pk")
    )
    ties = []
    for event in events:
        # Ordered by id, so a pair is written one way only, whichever order they were added.
        organisers = sorted(event.co_organisers.all(), key=lambda organisation: organisation.pk)
        for first, second in itertools.combinations(organisers, 2):
            ties.append(
                Collaboration(
                    holder=plan.organisation,
                    from_organisation=first,
                    to_organisation=second,
                    kind=TieKind.SHARED_ACTIVITY,
                    theme=by_name.get(event.theme.lower()),
                    started_on=event.date,
                    source=TieSource.EVENT,
                    source_note=(
                        f"Samen georganiseerd: {event.title} ({date_format(event.date)})."
                    ),
                    derivation=f"event:{event.pk}",
                    is_example=True,
                )
            )
    return ties


def link_pg_indicator(plan: Plan) -> Indicator | None:
    """PG-2.1 "Informeel Flevoland in Beeld" counts the initiatives in the atlas.

    The annual plan has no indicator that counts initiatives (its PG-2.1 indicators are
    the two municipalities' process support and two milestones, the first version of the
    map and the link with IPH's spinnenweb), so one is added, with a note that says it is
    example data, and no target (the plan names no number)."""
    spec = seed.PG_INDICATOR
    activity = Activity.objects.filter(
        programme__plan=plan, code=spec["activity"], year=REFERENCE_DATE.year
    ).first()
    if activity is None:
        return None
    indicator, _created = Indicator.objects.get_or_create(
        activity=activity,
        title=spec["title"],
        defaults={
            "kind": spec["kind"],
            "unit": spec["unit"],
            "aggregation": spec["aggregation"],
            "verification": spec["verification"],
            "note": spec["note"],
            "order": activity.indicators.count(),
            "source": Source.DERIVED,
            "measure": spec["measure"],
            "measure_params": {},
        },
    )
    return indicator
