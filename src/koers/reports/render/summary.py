"""A line's summary as the seeds lay it out in the annual plan: "Samengevat ziet onze inzet
er als volgt uit:" and a table headed Activiteiten | Output | Outcome, a row per activity
with its text, its output indicators with the year's targets, and its intended outcome
with the outcome indicators' targets. What the province reads first; the activities'
detail follows it.

Made from the annual plan's content (`programme_sections`), so it is the same in Word, PDF,
on the report's page and on the annual plan's page, and a snapshot sent before it existed
renders it too.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from koers.reports.render.elements import Block, figure, heading, number, table, text


def target_text(item: dict[str, Any]) -> str:
    """An indicator with its target in its unit: "Netwerkbijeenkomsten: 7", "… : 74%",
    "… : € 1.250", "… : 120 uur"; without a target for the year, a dash."""
    value = item["target"]
    if value is not None and item["unit"] == "hours":
        shown = _("%(hours)s h") % {"hours": number(value)}
    else:
        shown = figure(value, item["unit"])
    return _("%(indicator)s: %(target)s") % {"indicator": item["title"], "target": shown}


def activity_text(activity: dict[str, Any]) -> str:
    return "\n".join(
        part
        for part in (f"{activity['code']} {activity['title']}", activity["description"])
        if part
    )


def outcome_text(activity: dict[str, Any]) -> str:
    parts = [activity["outcome"]] if activity["outcome"] else []
    parts += [target_text(item) for item in activity["outcomes"]]
    return "\n".join(parts)


def summary_rows(line: dict[str, Any]) -> list[list[str]]:
    return [
        [
            activity_text(activity),
            "\n".join(target_text(item) for item in activity["outputs"]),
            outcome_text(activity),
        ]
        for activity in line["activities"]
    ]


def line_summary(line: dict[str, Any], programme: str) -> list[Block]:
    """The introduction and the table; its caption names the line (or, for activities
    that belong to no line, the programme) for screen readers and Word's alternative
    text, as the heading above already names it to the eye."""
    if not line["activities"]:
        return []
    caption = (
        _("Activities, output and outcome of %(line)s") % {"line": line["title"]}
        if line["title"]
        else _("Activities, output and outcome of %(programme)s") % {"programme": programme}
    )
    return [
        text(_("In summary, our work looks like this:")),
        {
            **table([_("Activities"), _("Output"), _("Outcome")], summary_rows(line), [], caption),
            "caption_hidden": True,
            "widths": [40, 30, 30],
            "row_header": True,  # the activity names its row, for screen readers
        },
    ]


def line_heading(line: dict[str, Any], section: dict[str, Any], level: int) -> list[Block]:
    """The line's title; for the activities of no line, where the programme has lines, a
    heading of their own, so they do not read as the last line's."""
    if line["title"]:
        return [heading(level, line["title"])]
    if any(other["title"] for other in section["lines"]):
        return [heading(level, _("Activities outside the lines"))]
    return []


def summaries(sections: list[dict[str, Any]], level: int = 1) -> list[Block]:
    """Only the summaries, per programme and line, for a page that shows the plan's year
    without the detail (the annual plan's page): the programme's heading at `level`, the
    line's one below."""
    found: list[Block] = []
    for section in sections:
        found.append(heading(level, section["name"]))
        for line in section["lines"]:
            found += line_heading(line, section, level + 1)
            found += line_summary(line, section["name"])
        if not section["lines"]:
            found.append(text(_("No activities in this year."), "note"))
    return found
