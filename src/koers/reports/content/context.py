"""The context section of the progress and evaluation documents: the key figures chosen as
context factors for the goals of the recipient's tree that the report's programmes serve
(`koers.insight`), for Flevoland against the Netherlands, the latest period up to the report's
year, with their source line and the organisation's notes. Plain data, as every section: a
sent report keeps the figures it had."""

from __future__ import annotations

from typing import Any

from koers.insight.dashboards import tile
from koers.insight.figures import COMPARED_WITH, figures_for_goals, values_of
from koers.insight.note_readers import NoteReader
from koers.insight.queries import region_names
from koers.insight.regions import FLEVOLAND
from koers.plans.models import Goal, Programme
from koers.plans.queries.goals import goal_descendants


def context_content(
    programmes: list[Programme], recipient_id: int, year: int, *, sender_id: int
) -> list[dict[str, Any]]:
    """Per goal of the recipient that the programmes serve (in its tree's order), the
    figures with a value for Flevoland up to `year`; goals without any are left out."""
    goals = list(
        Goal.objects.filter(funder_id=recipient_id, programmes__in=programmes)
        .distinct()
        .order_by("order", "code")
    )
    names = region_names()
    country = next(code for code in COMPARED_WITH if code != FLEVOLAND)
    found = []
    for goal in goals:
        figures = list(figures_for_goals(goal_descendants({goal.pk})))
        rows = []
        for values in values_of(figures, COMPARED_WITH, reader=NoteReader.of_sender(sender_id)):
            made = tile(values, FLEVOLAND, names, up_to_year=year)
            if made is None:
                continue
            compared = {c.code: c.text for c in made.comparisons}
            rows.append(
                {
                    "figure": made.label,
                    "unit": made.unit,
                    "period": made.period,
                    "provisional": made.value.provisional,
                    "flevoland": made.text,
                    # The number itself, for Excel; the text is what the documents write.
                    "value": str(made.value.shown) if made.value.shown is not None else None,
                    "country": compared.get(country, "—"),
                    "source": made.source,
                    "notes": [f"{note.text} ({note.organisation})" for note in made.notes],
                }
            )
        if rows:
            found.append({"goal": str(goal), "figures": rows})
    return found
